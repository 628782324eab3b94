//! Secure comparison: whether a shared value is negative, or zero, as a shared bit.
//!
//! # The math
//!
//! For a in [−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>), ⌊a / 2<sup>ℓ−1</sup>⌋ is −1 when a < 0 and 0 otherwise, so
//!
//! \[a < 0\] = −⌊a / 2<sup>ℓ−1</sup>⌋,
//!
//! an exact truncation ([`super::truncation`]). And a = 0 exactly when a ≡ 0 (mod 2^ℓ):
//! after opening c = a + 2^ℓ·(1 + r″) + r′, that holds when the low ℓ bits of c equal the
//! bits of r′, so
//!
//! \[a = 0\] = Π_{i<ℓ} (1 − (cᵢ ⊕ rᵢ)),  where 1 − (cᵢ ⊕ rᵢ) is rᵢ if cᵢ = 1 and 1 − rᵢ if cᵢ = 0.
//!
//! Comparisons of two values compare their difference with zero: \[x < y\] = \[x − y < 0\].
//!
//! # Protocol (Catrina and de Hoogh 2010, LTZ and EQZ)
//!
//! LTZ:
//! 1. \[t\] = Trunc(\[a\], ℓ, ℓ − 1) (one masked opening, one BitLT of ℓ − 1 bits: among
//!    XOR-shared bits for additive holders ([`super::binary_bit_lt`]), in the field for
//!    Shamir holders).
//! 2. \[a < 0\] = −\[t\].
//!
//! EQZ:
//! 1. The dealer deals ℓ random bits r₀, …, r_{ℓ−1} and r″ of κ bits.
//! 2. The holders partially open c = a + 2^ℓ·(1 + r″) + Σ 2ⁱ·rᵢ.
//! 3. They multiply the ℓ terms 1 − (cᵢ ⊕ rᵢ) = (2cᵢ − 1)·rᵢ + 1 − cᵢ pairwise in a tree,
//!    each layer's products in one round (⌈log₂ ℓ⌉ rounds).
//!
//! # Security note
//!
//! Only masked values are opened: a + r with r of ℓ + κ bits, and the triples' d and e
//! (or, in the binary domain, each AND's e and the daBit's v, masked by random bits).
//! The result is a shared bit that nobody sees. LTZ is exact for a in \[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>),
//! both ends included, and gives −⌊a / 2<sup>ℓ−1</sup>⌋ just beyond (−1 at a = 2<sup>ℓ−1</sup>); so
//! \[x > y\] = LTZ(y − x) is exact for x − y in (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>\]. EQZ is exact for
//! |a| < 2^ℓ. Outside, the bit is wrong, silently (the difference of two ℓ-bit values can
//! take ℓ + 1 bits: compare values within half the range).
//!
//! # References
//!
//! - O. Catrina, S. de Hoogh, *Improved Primitives for Secure Multiparty Integer
//!   Computation*, SCN 2010, §4.

use std::panic::Location;

use super::truncation::{pow2, trunc};
use crate::error::Result;
use crate::field::TinyField;
use crate::handle::{Handle, SharedValue};
use crate::masking::KAPPA;
use crate::masking::check_room;

/// [a < 0] for a in [−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>) with ℓ = `bits` (LTZ, steps 1–2), lane by lane.
#[track_caller]
pub(crate) fn ltz<F: TinyField, S: SharedValue<F>>(a: &S, bits: u32) -> Result<S> {
    let t: S = trunc(a, bits, bits - 1)?;
    Ok(S::from_handle(t.handle().affine(&[-F::ONE], &[F::ZERO])))
}

/// [a = 0] for a in [−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>) with ℓ = `bits` (EQZ, steps 1–3), lane by lane.
#[track_caller]
pub(crate) fn eqz<F: TinyField, S: SharedValue<F>>(a: &S, bits: u32) -> Result<S> {
    let at = Location::caller();
    let a = a.handle();
    check_room::<F>(bits.saturating_add(1))?;
    // Step 1: the mask, bit by bit.
    let (r_bits, r_low, r_high) = a.bit_mask((bits, KAPPA, true), at)?;
    // Step 2: open c = a + 2^ℓ·(1 + r″) + r′ (positive, so its low bits are a + r′ mod 2^ℓ).
    let shifted = r_high.affine(&[pow2::<F>(bits)], &[pow2::<F>(bits)]);
    let c: Vec<u128> = a
        .try_add(&shifted)?
        .try_add(&r_low)?
        .partial_open(at)?
        .iter()
        .map(|v| v.to_u128())
        .collect();
    // Step 3: AND of the bit equalities (2cᵢ − 1)·rᵢ + 1 − cᵢ, pairwise, a layer per round.
    let mut terms: Vec<Handle<F>> = r_bits
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let ci = |j: usize| c[j] >> i & 1 == 1;
            let s: Vec<F> = (0..c.len())
                .map(|j| if ci(j) { F::ONE } else { -F::ONE })
                .collect();
            let k: Vec<F> = (0..c.len())
                .map(|j| if ci(j) { F::ZERO } else { F::ONE })
                .collect();
            r.affine(&s, &k)
        })
        .collect();
    while terms.len() > 1 {
        let odd = (terms.len() % 2 == 1).then(|| terms.pop()).flatten();
        let pairs: Vec<(&Handle<F>, &Handle<F>)> =
            terms.chunks(2).map(|p| (&p[0], &p[1])).collect();
        let mut next = Handle::mul_many(&pairs, at)?;
        next.extend(odd);
        terms = next;
    }
    let product = terms.remove(0);
    let steps = product.depth();
    Ok(S::from_handle(product.after_opening_of(a, steps)))
}
