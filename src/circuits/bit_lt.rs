//! BitLT: is a public number smaller than a shared one given by its bits?
//!
//! # The math
//!
//! For a public c and shared bits r₀, …, r_{m−1} (least significant first), compare from
//! the bottom up. After bit i, ltᵢ = [c mod 2<sup>i+1</sup> < r mod 2<sup>i+1</sup>]:
//!
//! ltᵢ = rᵢ + (1 − rᵢ)·ltᵢ₋₁  if cᵢ = 0  (r wins at bit i, or they tie and the lower bits decide)
//! ltᵢ = rᵢ·ltᵢ₋₁             if cᵢ = 1  (r must tie at bit i, then the lower bits decide)
//!
//! starting from lt₀ = (1 − c₀)·r₀. For bits, rᵢ or ltᵢ₋₁ is rᵢ + ltᵢ₋₁ − rᵢ·ltᵢ₋₁, so
//! both cases need the one product rᵢ·ltᵢ₋₁: every lane of a vector, each with its own
//! public c, computes it, and then keeps the case its cᵢ names.
//!
//! # Protocol
//!
//! 1. lt ← (1 − c₀)·r₀ (local).
//! 2. For i = 1, …, m − 1: t ← rᵢ·lt (one Beaver multiplication, for all lanes at once);
//!    lt ← t where cᵢ = 1, rᵢ + lt − t where cᵢ = 0 (local: the choice is public).
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
    let bit = |i: usize| -> Vec<bool> { c.iter().map(|&cj| cj >> i & 1 == 1).collect() };
    // Step 1: the lowest bit.
    let one_minus_c0: Vec<F> = bit(0).into_iter().map(|b| F::from(!b as u64)).collect();
    let mut lt = r[0].affine(&one_minus_c0, &[F::ZERO]);
    // Step 2: climb one bit at a time.
    for (i, ri) in r.iter().enumerate().skip(1) {
        let both = Handle::mul_many(&[(ri, &lt)], at)?.remove(0);
        let either = ri.try_add(&lt)?.try_sub(&both)?;
        lt = both.try_pick(&either, &bit(i))?;
    }
    Ok(lt)
}
