//! Reference solution of exercise 1 (`exercises/ex01_beaver.rs`).

use tinyspdz::prelude::*;

/// [x·y] from the triple and the opened d and e.
pub fn beaver_step_4(
    a: &SharedScalar,
    b: &SharedScalar,
    c: &SharedScalar,
    d: F127,
    e: F127,
) -> SharedScalar {
    c + b * d + a * e + d * e
}
