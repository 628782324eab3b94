//! Exercise 6: additive secret sharing. Check with
//! `cargo test --test exercises -- --include-ignored ex06`.
//!
//! Split a secret x into n shares that add up to x modulo p: the first n − 1 uniformly
//! random, the last what is left. Any n − 1 of them are uniformly random whatever x is.

use rand::Rng;
use tinyspdz::F127;

/// n ≥ 1 additive shares of `secret`.
pub fn share(secret: F127, n: usize, rng: &mut impl Rng) -> Vec<F127> {
    let _ = (secret, n, rng);
    todo!("n − 1 values from F127::random(&mut *rng), then secret minus their sum")
}
