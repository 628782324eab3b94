//! Truncation: dividing a shared value by 2ᵐ, exactly or with probabilistic rounding.
//!
//! # The math
//!
//! For a in [−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>) and a dealer mask r = 2ᵐ·r″ + r′ with r′ < 2ᵐ (see
//! [`crate::dealer::bits`]), open c = 2<sup>ℓ−1</sup> + a + r. Because 2<sup>ℓ−1</sup> and 2ᵐ·r″ are
//! multiples of 2ᵐ,
//!
//! a mod 2ᵐ = (c mod 2ᵐ) − r′ + 2ᵐ·[c mod 2ᵐ < r′],
//!
//! and then ⌊a / 2ᵐ⌋ = (a − (a mod 2ᵐ))·2⁻ᵐ, where 2⁻ᵐ is the inverse of 2ᵐ modulo p.
//! Dropping the comparison gives (a − (c mod 2ᵐ) + r′)·2⁻ᵐ = ⌊a / 2ᵐ⌋ + u, where the carry
//! u is 1 with probability (a mod 2ᵐ)/2ᵐ: probabilistic rounding, off by at most one unit
//! in the last place, and unbiased on average.
//!
//! # Protocol (Catrina and Saxena 2010, Mod2m, Trunc and TruncPr)
//!
//! 1. The dealer deals r′ (bit by bit for the exact version) and r″ (ℓ + κ − m bits).
//! 2. The holders partially open c = 2<sup>ℓ−1</sup> + a + 2ᵐ·r″ + r′.
//! 3. Exact: u = BitLT(c mod 2ᵐ, r′ bits); a mod 2ᵐ = (c mod 2ᵐ) − r′ + 2ᵐ·u; the
//!    quotient is (a − a mod 2ᵐ)·2⁻ᵐ. Among additive holders r′ is an edaBit and BitLT
//!    runs on XOR-shared bits ([`super::binary_bit_lt`], m rounds); among Shamir holders,
//!    or when triples are sacrificed, r′ comes bit by bit in the field ([`super::bit_lt`],
//!    m − 1 rounds).
//! 4. Probabilistic: the quotient is (a − (c mod 2ᵐ) + r′)·2⁻ᵐ (no comparison).
//!
//! # Security note
//!
//! c hides a statistically: a has ℓ bits, r has ℓ + κ, so c is within 2⁻κ of uniform
//! (κ = 40). Inputs outside [−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>) give wrong results, silently; the shadow
//! of the fixed-point module reports them. The field must hold ℓ + κ + 1 bits.
//!
//! # References
//!
//! - O. Catrina, A. Saxena, *Secure Computation with Fixed-Point Numbers*, FC 2010.
//! - O. Catrina, S. de Hoogh, *Improved Primitives for Secure Multiparty Integer
//!   Computation*, SCN 2010.

use std::panic::Location;

use super::binary_bit_lt::bit_lt_binary;
use super::bit_lt::bit_lt;
use crate::error::Result;
use crate::field::TinyField;
use crate::handle::{Handle, SharedValue};
use crate::masking::KAPPA;
use crate::masking::check_room;

/// 2ᵏ as a field element.
pub(crate) fn pow2<F: TinyField>(k: u32) -> F {
    F::from_u128(1u128 << k)
}

/// Step 2: opens c = 2<sup>ℓ−1</sup> + a + 2ᵐ·r″ + r′ and returns each lane's c mod 2ᵐ.
fn masked_open<F: TinyField>(
    a: &Handle<F>,
    (bits, m): (u32, u32),
    (r_low, r_high): (&Handle<F>, &Handle<F>),
    at: &'static Location<'static>,
) -> Result<Vec<u128>> {
    let shifted = r_high.affine(&[pow2::<F>(m)], &[pow2::<F>(bits - 1)]);
    let masked = a.try_add(&shifted)?.try_add(r_low)?;
    let low = (1u128 << m) - 1;
    let c = masked.partial_open(at)?;
    Ok(c.iter().map(|v| v.to_u128() & low).collect())
}

/// The lanes' public c mod 2ᵐ as field elements.
fn field_values<F: TinyField>(c: &[u128]) -> Vec<F> {
    c.iter().map(|&v| F::from_u128(v)).collect()
}

/// a mod 2ᵐ for a in [−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>) (steps 1–3, Mod2m). The comparison of step 3
/// runs among XOR-shared bits when the holders allow it ([`super::binary_bit_lt`]), and
/// in the field otherwise ([`super::bit_lt`]).
fn mod2m<F: TinyField>(
    a: &Handle<F>,
    bits: u32,
    m: u32,
    at: &'static Location<'static>,
) -> Result<Handle<F>> {
    check_room::<F>(bits)?;
    let high_bits = bits + KAPPA - m;
    // Steps 1–3: u = [c mod 2ᵐ < r′].
    let (u, r_low, c_low, steps) = if a.compares_in_binary() {
        let (eda, [r_low, r_high, beta]) = a.eda_bits((m, high_bits), at)?;
        let c_low = masked_open(a, (bits, m), (&r_low, &r_high), at)?;
        (bit_lt_binary(&c_low, &eda, &beta, at)?, r_low, c_low, m)
    } else {
        let (r_bits, r_low, r_high) = a.bit_mask((m, high_bits, true), at)?;
        let c_low = masked_open(a, (bits, m), (&r_low, &r_high), at)?;
        let u = bit_lt(&c_low, &r_bits, at)?;
        let steps = u.depth();
        (u, r_low, c_low, steps)
    };
    // 2ᵐ·u − r′ + (c mod 2ᵐ).
    let high = u.affine(&[pow2::<F>(m)], &field_values(&c_low));
    Ok(high.try_sub(&r_low)?.after_opening_of(a, steps))
}

/// ⌊a / 2ᵐ⌋ exactly (steps 1–3, Trunc), lane by lane.
#[track_caller]
pub(crate) fn trunc<F: TinyField, S: SharedValue<F>>(a: &S, bits: u32, m: u32) -> Result<S> {
    let a = a.handle();
    let low = mod2m(a, bits, m, Location::caller())?;
    let quotient = a.try_sub(&low)?.affine(&[inverse_pow2::<F>(m)], &[F::ZERO]);
    Ok(S::from_handle(quotient))
}

/// ⌊a / 2ᵐ⌋ or ⌊a / 2ᵐ⌋ + 1, rounding up with probability (a mod 2ᵐ)/2ᵐ (steps 1, 2, 4,
/// TruncPr), lane by lane.
#[track_caller]
pub(crate) fn trunc_pr<F: TinyField, S: SharedValue<F>>(a: &S, bits: u32, m: u32) -> Result<S> {
    let a = a.handle();
    check_room::<F>(bits)?;
    let at = Location::caller();
    let (_, r_low, r_high) = a.bit_mask((m, bits + KAPPA - m, false), at)?;
    let c_low = masked_open(a, (bits, m), (&r_low, &r_high), at)?;
    // (a + r′ − (c mod 2ᵐ))·2⁻ᵐ.
    let minus_c: Vec<F> = c_low.iter().map(|&v| -F::from_u128(v)).collect();
    let sum = a.try_add(&r_low)?.affine(&[F::ONE], &minus_c);
    let rounded = sum.affine(&[inverse_pow2::<F>(m)], &[F::ZERO]);
    Ok(S::from_handle(rounded.after_opening_of(a, 0)))
}

/// 2⁻ᵐ modulo p.
pub(crate) fn inverse_pow2<F: TinyField>(m: u32) -> F {
    Option::from(ff::Field::invert(&pow2::<F>(m))).expect("p is odd")
}
