//! Exercise 1: Beaver's step 4. Check with
//! `cargo test --test exercises -- --include-ignored ex01`.
//!
//! The holders of [x] and [y] took a triple ([a], [b], [c] = [a·b]) from the dealer and
//! opened d = x − a and e = y − b. Return [z] = [x·y], computed locally: no opening, no
//! triple, no message.

use tinyspdz::prelude::*;

/// [x·y] from the triple and the opened d and e.
pub fn beaver_step_4(
    a: &SharedScalar,
    b: &SharedScalar,
    c: &SharedScalar,
    d: F127,
    e: F127,
) -> SharedScalar {
    let _ = (a, b, c, d, e);
    todo!("z = c + d·b + e·a + d·e: shared values times public ones, and a public constant")
}
