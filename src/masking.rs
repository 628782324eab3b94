//! Statistical masking: how many bits a field leaves for hiding a value under a mask.
//!
//! Truncation and comparison open a + r, where r is κ bits longer than a: the opening
//! then says nothing about a except with probability about 2⁻ᵏ. So ℓ-bit values need
//! ℓ + κ + 1 bits below the prime's top bit, which bounds what each field can compare,
//! truncate and compute in fixed point.

use crate::error::{Error, Result};
use crate::field::TinyField;

/// The statistical security parameter κ: masks are κ bits longer than what they hide.
pub(crate) const KAPPA: u32 = 40;

/// The widest values the field can mask: ℓ + κ + 1 bits must fit below the prime's top
/// bit, so ℓ ≤ NUM_BITS − κ − 2 (85 for F127, 19 for F61, none for F101).
pub(crate) fn room<F: TinyField>() -> u32 {
    F::NUM_BITS.saturating_sub(KAPPA + 2)
}

/// Checks that the field has room for ℓ-bit values masked with κ more bits.
pub(crate) fn check_room<F: TinyField>(bits: u32) -> Result<()> {
    if bits > room::<F>() {
        return Err(Error::FieldTooSmall {
            field: F::NAME,
            bits,
            needed: bits.saturating_add(KAPPA + 1),
        });
    }
    Ok(())
}

/// How many bits beyond `bits` the field has room for: a truncation of `bits` + n bits
/// passes [`check_room`] for every n up to this.
pub(crate) fn spare_bits<F: TinyField>(bits: u32) -> u32 {
    (F::NUM_BITS - 1).saturating_sub(bits + KAPPA + 1)
}

/// The widest comparison the field can mask: EQZ ([`crate::circuits::comparison`]) opens ℓ + 1 bits, so ℓ is one
/// below the field's room (84 for F127, 18 for F61, none for F101).
pub(crate) fn widest_comparison<F: TinyField>() -> u32 {
    room::<F>().saturating_sub(1)
}
