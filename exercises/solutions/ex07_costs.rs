//! Reference solution of exercise 7 (`exercises/ex07_costs.rs`).

use tinyspdz::prelude::*;

/// a·b + a·c with a single multiplication.
pub fn one_triple(a: &SharedScalar, b: &SharedScalar, c: &SharedScalar) -> SharedScalar {
    a * &(b + c)
}
