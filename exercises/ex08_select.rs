//! Exercise 8: choosing without branching. Check with
//! `cargo test --test exercises -- --include-ignored ex08`.
//!
//! A shared bit cannot steer an `if`: nobody may learn it. Compute both branches and pick
//! one with arithmetic: `yes` when the bit is 1, `no` when it is 0, for one triple.

use tinyspdz::prelude::*;

/// `yes` if `bit` is 1, `no` if it is 0 (without `SharedScalar::select`).
pub fn choose(bit: &SharedBit, yes: &SharedScalar, no: &SharedScalar) -> SharedScalar {
    let _ = (bit, yes, no);
    todo!("bit.as_scalar() is 0 or 1: no + bit·(yes − no)")
}
