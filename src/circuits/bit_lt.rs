//! BitLT: is a public number smaller than a shared one given by its bits?
//!
//! # The math
//!
//! For a public c and shared bits r₀, …, r_{m−1} (least significant first), compare from
//! the bottom up. After bit i, ltᵢ = [c mod 2^{i+1} < r mod 2^{i+1}]:
//!
//! ltᵢ = rᵢ + (1 − rᵢ)·ltᵢ₋₁  if cᵢ = 0  (r wins at bit i, or they tie and the lower bits decide)
//! ltᵢ = rᵢ·ltᵢ₋₁             if cᵢ = 1  (r must tie at bit i, then the lower bits decide)
//!
//! starting from lt₀ = (1 − c₀)·r₀. Each step is one multiplication.
//!
//! # Protocol
//!
//! 1. lt ← r₀ if c₀ = 0, else 0 (local).
//! 2. For i = 1, …, m − 1: lt ← rᵢ + (1 − rᵢ)·lt if cᵢ = 0, else rᵢ·lt (one Beaver
//!    multiplication each).
//!
//! m − 1 multiplications in m − 1 rounds. Catrina and de Hoogh's BitLT reaches a constant
//! number of rounds with prefix multiplication; this linear version is the one to read.
//!
//! # Security note
//!
//! Only the openings inside the multiplications happen, each masked by a fresh triple.
//!
//! # References
//!
//! - O. Catrina, S. de Hoogh, *Improved Primitives for Secure Multiparty Integer
//!   Computation*, SCN 2010, §3 (BitLT).

use crate::error::Result;
use crate::field::TinyField;
use crate::shared::SharedScalar;

/// [c < r] for a public c of `r.len()` bits and the shared bits `r` of r (steps 1–2).
#[track_caller]
pub(crate) fn bit_lt<F: TinyField>(c: u128, r: &[SharedScalar<F>]) -> Result<SharedScalar<F>> {
    // Step 1: the lowest bit.
    let mut lt = if c & 1 == 0 {
        r[0].clone()
    } else {
        r[0].affine(F::ZERO, F::ZERO)
    };
    // Step 2: climb one bit at a time.
    for (i, ri) in r.iter().enumerate().skip(1) {
        lt = if c >> i & 1 == 0 {
            ri + &(1 - ri).try_mul(&lt)?
        } else {
            ri.try_mul(&lt)?
        };
    }
    Ok(lt)
}
