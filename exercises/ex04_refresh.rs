//! Exercise 4: a proactive refresh. Check with
//! `cargo test --test exercises -- --include-ignored ex04`.
//!
//! Additive shares s₁ + … + sₙ = x are refreshed by adding a fresh sharing of zero: random
//! z₁, …, zₙ with z₁ + … + zₙ = 0. A thief who stole some shares before the refresh and
//! others after learns nothing by putting them together.

use rand::Rng;
use tinyspdz::F127;

/// New shares of the same secret, independent of the old ones.
pub fn refresh(shares: &[F127], rng: &mut impl Rng) -> Vec<F127> {
    let _ = (shares, rng);
    todo!("draw n − 1 random zᵢ with F127::random(&mut *rng); the last makes them add to zero")
}
