//! Secure comparison: whether a shared value is negative, or zero, as a shared bit.
//!
//! # The math
//!
//! For a in [−2^{ℓ−1}, 2^{ℓ−1}), ⌊a / 2^{ℓ−1}⌋ is −1 when a < 0 and 0 otherwise, so
//!
//! [a < 0] = −⌊a / 2^{ℓ−1}⌋,
//!
//! an exact truncation ([`super::truncation`]). And a = 0 exactly when a ≡ 0 (mod 2^ℓ):
//! after opening c = a + 2^ℓ·(1 + r″) + r′, that holds when the low ℓ bits of c equal the
//! bits of r′, so
//!
//! [a = 0] = Π_{i<ℓ} (1 − (cᵢ ⊕ rᵢ)),  where 1 − (cᵢ ⊕ rᵢ) is rᵢ if cᵢ = 1 and 1 − rᵢ if cᵢ = 0.
//!
//! Comparisons of two values compare their difference with zero: [x < y] = [x − y < 0].
//!
//! # Protocol (Catrina and de Hoogh 2010, LTZ and EQZ)
//!
//! LTZ:
//! 1. [t] = Trunc([a], ℓ, ℓ − 1) (one masked opening, one BitLT of ℓ − 1 bits).
//! 2. [a < 0] = −[t].
//!
//! EQZ:
//! 1. The dealer deals ℓ random bits r₀, …, r_{ℓ−1} and r″ of κ bits.
//! 2. The holders partially open c = a + 2^ℓ·(1 + r″) + Σ 2ⁱ·rᵢ.
//! 3. They multiply the ℓ terms 1 − (cᵢ ⊕ rᵢ), pairwise in a tree (⌈log₂ ℓ⌉ rounds).
//!
//! # Security note
//!
//! Only masked values are opened: a + r with r of ℓ + κ bits, and the triples' d and e.
//! The result is a shared bit that nobody sees. Operands outside [−2^{ℓ−1}, 2^{ℓ−1}) give a
//! wrong bit, silently (the difference of two ℓ-bit values can take ℓ + 1 bits: compare
//! values within half the range).
//!
//! # References
//!
//! - O. Catrina, S. de Hoogh, *Improved Primitives for Secure Multiparty Integer
//!   Computation*, SCN 2010, §4.

use super::truncation::{check_room, pow2, trunc};
use crate::dealer::bits::KAPPA;
use crate::error::Result;
use crate::field::TinyField;
use crate::shared::SharedScalar;

/// [a < 0] for a in [−2^{ℓ−1}, 2^{ℓ−1}) with ℓ = `bits` (LTZ, steps 1–2).
#[track_caller]
pub(crate) fn ltz<F: TinyField>(a: &SharedScalar<F>, bits: u32) -> Result<SharedScalar<F>> {
    Ok(-trunc(a, bits, bits - 1)?)
}

/// [a = 0] for a in [−2^{ℓ−1}, 2^{ℓ−1}) with ℓ = `bits` (EQZ, steps 1–3).
#[track_caller]
pub(crate) fn eqz<F: TinyField>(a: &SharedScalar<F>, bits: u32) -> Result<SharedScalar<F>> {
    check_room::<F>(bits + 1)?;
    // Step 1: the mask, bit by bit.
    let (r_bits, r_low, r_high) = a.bit_mask(bits, KAPPA, true);
    // Step 2: open c = a + 2^ℓ·(1 + r″) + r′ (positive, so its low bits are a + r′ mod 2^ℓ).
    let masked = a + &(&(&r_high + 1) * pow2::<F>(bits)) + &r_low;
    let c = masked.partial_open()?.field_value().to_u128();
    // Step 3: AND of the bit equalities, pairwise.
    let mut terms: Vec<SharedScalar<F>> = r_bits
        .iter()
        .enumerate()
        .map(|(i, r)| if c >> i & 1 == 1 { r.clone() } else { 1 - r })
        .collect();
    while terms.len() > 1 {
        let mut next = Vec::with_capacity(terms.len().div_ceil(2));
        for pair in terms.chunks(2) {
            next.push(match pair {
                [x, y] => x.try_mul(y)?,
                [x] => x.clone(),
                _ => unreachable!("chunks of two"),
            });
        }
        terms = next;
    }
    let product = terms.remove(0);
    let steps = product.depth();
    Ok(product.after_opening_of(a, steps))
}
