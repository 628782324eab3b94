//! Exercise 9: an inner product in one round. Check with
//! `cargo test --test exercises -- --include-ignored ex09`.
//!
//! Σᵢ xᵢ·yᵢ over shared vectors, with all n products in one round (a scalar loop takes
//! n rounds, one per product), and without `SharedVector::dot`.

use tinyspdz::prelude::*;

/// x · y, all products in one round.
pub fn inner_product(x: &SharedVector, y: &SharedVector) -> SharedScalar {
    let _ = (x, y);
    todo!("multiply the vectors lane by lane, then add the lanes")
}
