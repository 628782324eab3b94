//! Reference solution of exercise 4 (`exercises/ex04_refresh.rs`).

use ff::Field;
use rand::Rng;
use tinyspdz::F127;

/// New shares of the same secret, independent of the old ones.
pub fn refresh(shares: &[F127], rng: &mut impl Rng) -> Vec<F127> {
    let mut zeros: Vec<F127> = (1..shares.len()).map(|_| F127::random(&mut *rng)).collect();
    zeros.push(-zeros.iter().copied().sum::<F127>());
    shares.iter().zip(zeros).map(|(s, z)| *s + z).collect()
}
