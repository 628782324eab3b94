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
//! starting from lt₀ = (1 − c₀)·r₀. Both cases are one formula, with a single product:
//!
//! ltᵢ = (2cᵢ − 1)·(rᵢ·ltᵢ₋₁) + (1 − cᵢ)·(rᵢ + ltᵢ₋₁),
//!
//! so every lane of a vector, each with its own public c, takes the same steps.
//!
//! # Protocol
//!
//! 1. lt ← (1 − c₀)·r₀ (local).
//! 2. For i = 1, …, m − 1: lt ← (2cᵢ − 1)·(rᵢ·lt) + (1 − cᵢ)·(rᵢ + lt) (one Beaver
//!    multiplication, for all lanes at once).
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

use std::panic::Location;

use crate::error::Result;
use crate::field::TinyField;
use crate::handle::Handle;

/// [c < r] for public c (one per lane, of `r.len()` bits) and the shared bits `r` of r
/// (steps 1–2).
pub(crate) fn bit_lt<F: TinyField>(
    c: &[u128],
    r: &[Handle<F>],
    at: &'static Location<'static>,
) -> Result<Handle<F>> {
    let bit = |i: usize, f: fn(bool) -> F| -> Vec<F> {
        c.iter().map(|&cj| f(cj >> i & 1 == 1)).collect()
    };
    let one_minus = |b: bool| if b { F::ZERO } else { F::ONE };
    // Step 1: the lowest bit.
    let mut lt = r[0].affine(&bit(0, one_minus), &[F::ZERO]);
    // Step 2: climb one bit at a time.
    for (i, ri) in r.iter().enumerate().skip(1) {
        let both = Handle::mul_many(&[(ri, &lt)], at)?.remove(0);
        let plus_minus = |b: bool| if b { F::ONE } else { -F::ONE };
        let either = ri.try_add(&lt)?.affine(&bit(i, one_minus), &[F::ZERO]);
        lt = both
            .affine(&bit(i, plus_minus), &[F::ZERO])
            .try_add(&either)?;
    }
    Ok(lt)
}
