//! Exercise 2: a holder's σᵢ in the MAC check. Check with
//! `cargo test --test exercises -- --include-ignored ex02`.
//!
//! The holders opened values a₁, …, a_k; holder i keeps its MAC shares m₁ᵢ, …, m_kᵢ of
//! α·a₁, …, α·a_k and its share αᵢ of the key. With public random coefficients r₁, …, r_k,
//! each holder computes σᵢ; the σᵢ of all holders must add up to zero when nobody cheated.

use tinyspdz::F127;

/// σᵢ = Σⱼ rⱼ·mⱼᵢ − αᵢ·Σⱼ rⱼ·aⱼ.
pub fn sigma(opened: &[F127], mac_shares: &[F127], coefficients: &[F127], alpha: F127) -> F127 {
    let _ = (opened, mac_shares, coefficients, alpha);
    todo!("combine the MAC shares and the opened values with the same coefficients")
}
