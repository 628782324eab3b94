//! Reference solution of exercise 2 (`exercises/ex02_sigma.rs`).

use tinyspdz::F127;

/// σᵢ = Σⱼ rⱼ·mⱼᵢ − αᵢ·Σⱼ rⱼ·aⱼ.
pub fn sigma(opened: &[F127], mac_shares: &[F127], coefficients: &[F127], alpha: F127) -> F127 {
    let combined: F127 = coefficients.iter().zip(opened).map(|(r, a)| *r * a).sum();
    let macs: F127 = coefficients
        .iter()
        .zip(mac_shares)
        .map(|(r, m)| *r * m)
        .sum();
    macs - alpha * combined
}
