//! Exercise 7: the same value for fewer triples. Check with
//! `cargo test --test exercises -- --include-ignored ex07`.
//!
//! `&a * &b + &a * &c` costs two triples. Compute the same a·b + a·c with one.

use tinyspdz::prelude::*;

/// a·b + a·c with a single multiplication.
pub fn one_triple(a: &SharedScalar, b: &SharedScalar, c: &SharedScalar) -> SharedScalar {
    let _ = (a, b, c);
    todo!("addition is free")
}
