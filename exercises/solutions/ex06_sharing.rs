//! Reference solution of exercise 6 (`exercises/ex06_sharing.rs`).

use ff::Field;
use rand::Rng;
use tinyspdz::F127;

/// n ≥ 1 additive shares of `secret`.
pub fn share(secret: F127, n: usize, rng: &mut impl Rng) -> Vec<F127> {
    let mut shares: Vec<F127> = (1..n).map(|_| F127::random(&mut *rng)).collect();
    shares.push(secret - shares.iter().copied().sum::<F127>());
    shares
}
