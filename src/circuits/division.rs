//! Exact division by a public integer: ⌊a / d⌋ of a shared a, for a public d ≥ 1.
//!
//! # The math
//!
//! With c = round(2ˢ/d), a·c/2ˢ = a/d + a·(c − 2ˢ/d)/2ˢ, and |c − 2ˢ/d| ≤ ½, so
//!
//! |a·c/2ˢ − a/d| ≤ |a| / 2ˢ⁺¹ = E.
//!
//! A probabilistic truncation q = TruncPr(a·c, s) is ⌊a·c/2ˢ⌋ or one more, so
//! a/d − q ∈ [−E − 1, E + 1) and the remainder r = a − d·q, computed locally, lies in
//! [−d·(E + 1), d·(E + 1)) and keeps
//!
//! ⌊a/d⌋ = q + ⌊r/d⌋.
//!
//! The field bounds s: a·c must fit with κ bits of mask to spare. In F127, one step takes a
//! 48-bit a to a remainder of about d·2⁷, and a second step, on that small remainder, to
//! |r| ≤ d + 1. The last ⌊r/d⌋ ∈ {−2, −1, 0, 1} is counted with comparisons of r against
//! multiples of d, only a few bits wide:
//!
//! ⌊r/d⌋ = \[r ≥ d\] − \[r < 0\] − \[r < −d\].
//!
//! # Protocol
//!
//! 1. While the bound B on |r| is above what the comparisons take (at first r = a and
//!    B = 2<sup>ℓ−1</sup>): choose the largest s for which r·c fits, q ← TruncPr(r·c, s) (one
//!    masked opening), r ← r − d·q (local), add q to the quotient, and
//!    B ← ⌈d·B/2ˢ⁺¹⌉ + d.
//! 2. Add Σⱼ \[r ≥ j·d\] − Σⱼ \[r < −j·d\] over the multiples of d within (−B, B), each a
//!    comparison of ⌈log₂ 2B⌉ + 1 bits.
//!
//! Two truncations and three narrow comparisons for a 48-bit a (the default fixed point in
//! F127): d·q is exact in the field, so the result is ⌊a/d⌋ exactly, with no statistical
//! error beyond the masks'.
//!
//! # Security note
//!
//! Only masked values are opened: the truncations' a·c + r with r of κ more bits, and the
//! comparisons' own masked openings. The simulation is honest-but-curious here as in every
//! circuit: the MACs of what is opened are checked with the rest.
//!
//! # References
//!
//! - O. Catrina, A. Saxena, *Secure Computation With Fixed-Point Numbers*, FC 2010
//!   (TruncPr, and division by a public constant as a product by its reciprocal).
//! - O. Catrina, S. de Hoogh, *Improved Primitives for Secure Multiparty Integer
//!   Computation*, SCN 2010, §4 (LTZ, the comparisons of step 2).

use super::comparison::ltz;
use super::truncation::trunc_pr;
use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::handle::{SharedValue, affine, difference, sum};
use crate::masking::{KAPPA, check_room, room};

/// The bits of n: ⌈log₂(n + 1)⌉.
fn bit_length(n: u128) -> u32 {
    u128::BITS - n.leading_zeros()
}

/// ⌊a/d⌋ lane by lane for a in [−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>) with ℓ = `bits`, exactly (steps 1–2).
///
/// # Errors
///
/// [`Error::DivisionByZero`] for d = 0; [`Error::FieldTooSmall`] when the field cannot
/// hold a·c for any useful c.
#[track_caller]
pub(crate) fn floor_div<F: TinyField, S: SharedValue<F>>(a: &S, bits: u32, d: u64) -> Result<S> {
    if d == 0 {
        return Err(Error::DivisionByZero);
    }
    check_room::<F>(bits.saturating_add(1))?;
    if d == 1 {
        return Ok(affine(a, F::ONE, F::ZERO));
    }
    let d_wide = u128::from(d);
    let (mut r, mut quotient): (S, Option<S>) = (affine(a, F::ONE, F::ZERO), None);
    let mut bound: u128 = 1 << (bits - 1);
    // Step 1: shrink the remainder's bound to d + 1, while a step shrinks it.
    while bound > d_wide + 1 {
        let r_bits = bit_length(bound) + 1;
        let spare = room::<F>().saturating_sub(r_bits);
        // The largest s whose c = round(2ˢ/d) has at most `spare` bits (and s below the
        // bits of r·c, which TruncPr needs).
        let Some((s, c)) = (0..=126u32)
            .rev()
            .map(|s| (s, ((1u128 << s) + d_wide / 2) / d_wide))
            .find(|&(s, c)| c > 0 && bit_length(c) <= spare && s < r_bits + bit_length(c))
        else {
            return Err(Error::FieldTooSmall {
                field: F::NAME,
                bits: r_bits + 1,
                needed: r_bits + 1 + KAPPA + 1,
            });
        };
        let q: S = trunc_pr(
            &affine(&r, F::from_u128(c), F::ZERO),
            r_bits + bit_length(c),
            s,
        )?;
        r = difference(&r, &affine(&q, F::from_u128(d_wide), F::ZERO))?;
        quotient = Some(match quotient {
            None => q,
            Some(total) => sum(&total, &q)?,
        });
        let error = d_wide
            .saturating_mul(bound)
            .div_ceil(1u128 << (s + 1).min(127));
        let shrunk = error.saturating_add(d_wide);
        if shrunk >= bound {
            break; // the field has no room to do better: step 2 counts more multiples
        }
        bound = shrunk;
    }
    let mut total = match quotient {
        Some(q) => q,
        None => affine(&r, F::ZERO, F::ZERO),
    };
    // Step 2: ⌊r/d⌋ for r in [−B, B): +1 for each multiple j·d ≤ r with j ≥ 1, −1 for each
    // −j·d > r with j ≥ 0. Every j·d compared is below B, so r ± j·d lies in (−2B, 2B).
    let multiples = bound.div_ceil(d_wide);
    let width = match multiples {
        1 => bit_length(bound - 1) + 1,
        _ => bit_length(2 * bound - 1) + 1,
    };
    for j in 0..multiples {
        let jd = F::from_u128(j * d_wide);
        // [r < −j·d] = [r + j·d < 0], subtracted.
        let below = ltz(&affine(&r, F::ONE, jd), width)?;
        total = difference(&total, &below)?;
        if j >= 1 {
            // [r ≥ j·d] = 1 − [r − j·d < 0], added.
            let under = ltz(&affine(&r, F::ONE, -jd), width)?;
            total = sum(&total, &affine(&under, -F::ONE, F::ONE))?;
        }
    }
    Ok(total)
}
