//! Reference solution of exercise 5 (`exercises/ex05_truncation.rs`).

use ff::{Field, PrimeField};
use rand::RngExt;
use tinyspdz::TinyField;
use tinyspdz::prelude::*;

/// ⌊a/2ᵐ⌋ or ⌊a/2ᵐ⌋ + 1, for |a| < 2^{bits−1}.
pub fn trunc_pr(a: &SharedScalar, bits: u32, m: u32) -> Result<SharedScalar, Error> {
    let dealer = a.simulation().dealer();
    let high_bits = bits + 40 - m;
    let [r_low, r_high] = dealer.custom(&a.holders(), |rng| {
        let low = rng.random::<u128>() & ((1 << m) - 1);
        let high = rng.random::<u128>() & ((1 << high_bits) - 1);
        [F127::from_u128(low), F127::from_u128(high)]
    })?;
    let two_m = F127::from_u128(1 << m);
    let c = (a + &r_high * two_m + &r_low + F127::from_u128(1 << (bits - 1))).partial_open()?;
    let c_low = c.field_value().to_u128() & ((1 << m) - 1);
    let inverse = two_m.invert().unwrap_or(F127::ZERO);
    Ok((a + &r_low - F127::from_u128(c_low)) * inverse)
}
