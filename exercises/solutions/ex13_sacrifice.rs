//! Reference solution of exercise 13 (`exercises/ex13_sacrifice.rs`).

use ff::Field;
use tinyspdz::prelude::*;

/// Whether `triple` passes the check with the sacrificed `spare` and the public `t`.
pub fn sacrifice(
    triple: &[SharedScalar; 3],
    spare: &[SharedScalar; 3],
    t: F127,
) -> Result<bool, Error> {
    let ([a, b, c], [f, g, h]) = (triple, spare);
    let rho = (a * t - f).partial_open()?.field_value();
    let sigma = (b - g).partial_open()?.field_value();
    let z = c * t - h - f * sigma - g * rho - sigma * rho;
    Ok(z.open()?.field_value() == F127::ZERO)
}
