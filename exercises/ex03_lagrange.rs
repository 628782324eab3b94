//! Exercise 3: Lagrange weights at zero. Check with
//! `cargo test --test exercises -- --include-ignored ex03`.
//!
//! A Shamir sharing gives the holder at position k (0-based) the share f(k + 1). Any t + 1
//! holders recover f(0) = Σ λᵢ·f(xᵢ) with public weights λᵢ = Πⱼ≠ᵢ xⱼ / (xⱼ − xᵢ).

use ff::Field;
use tinyspdz::F127;

/// The weights λᵢ for the holders at `positions` (distinct, 0-based).
pub fn lagrange_weights(positions: &[usize]) -> Vec<F127> {
    let _ = (positions, F127::ONE);
    todo!("the points are position + 1; invert in the field with .invert()")
}
