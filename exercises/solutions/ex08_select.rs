//! Reference solution of exercise 8 (`exercises/ex08_select.rs`).

use tinyspdz::prelude::*;

/// `yes` if `bit` is 1, `no` if it is 0 (without `SharedScalar::select`).
pub fn choose(bit: &SharedBit, yes: &SharedScalar, no: &SharedScalar) -> SharedScalar {
    no + &(bit.as_scalar() * &(yes - no))
}
