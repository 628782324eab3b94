//! Comparisons of shared fixed-point numbers and what is built on them.
//!
//! A fixed-point number is compared through its encoding x̃ = round(x·2^f): x < y exactly
//! when x̃ − ỹ < 0, a comparison of ℓ = k + f + 1 bits (one more than a value, so the
//! difference of any two values in range fits). See [`crate::circuits::comparison`].

use super::SharedFixed;
use super::shadow::Domain;
use crate::bit::SharedBit;
use crate::circuits::comparison::{eqz, ltz};
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::shared::SharedScalar;

impl<F: TinyField> SharedFixed<F> {
    /// Bits of a comparison: one more than an encoded value.
    fn comparison_bits(&self) -> u32 {
        self.precision.bits() + 1
    }

    /// `[self < other]` as a shared bit (ℓ = k + f + 1 bits: correct for any two values
    /// in range).
    ///
    /// # Panics
    ///
    /// As [`crate::SharedScalar::less_than`]; [`try_less_than`](Self::try_less_than)
    /// returns the error.
    #[track_caller]
    pub fn less_than(&self, other: &Self) -> SharedBit<F> {
        or_panic(self.try_less_than(other))
    }

    /// [`less_than`](Self::less_than), returning an error instead of panicking.
    #[track_caller]
    pub fn try_less_than(&self, other: &Self) -> Result<SharedBit<F>> {
        let bit = self.untracked_less_than(other)?;
        Ok(Self::follow_bit("<", [self, other], |x, y| x < y, bit))
    }

    /// `[self > other]` as a shared bit.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn greater_than(&self, other: &Self) -> SharedBit<F> {
        or_panic(self.try_greater_than(other))
    }

    /// [`greater_than`](Self::greater_than), returning an error instead of panicking.
    #[track_caller]
    pub fn try_greater_than(&self, other: &Self) -> Result<SharedBit<F>> {
        self.check(other)?;
        let d = other.value.try_sub(&self.value)?;
        let bit = SharedBit::from_scalar(ltz(&d, self.comparison_bits())?);
        Ok(Self::follow_bit(">", [self, other], |x, y| x > y, bit))
    }

    /// `[self = other]` as a shared bit: equal encodings, so numbers closer than 2⁻ᶠ
    /// may compare equal.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn equals(&self, other: &Self) -> SharedBit<F> {
        or_panic(self.try_equals(other))
    }

    /// [`equals`](Self::equals), returning an error instead of panicking.
    #[track_caller]
    pub fn try_equals(&self, other: &Self) -> Result<SharedBit<F>> {
        self.check(other)?;
        let d = self.value.try_sub(&other.value)?;
        let bit = SharedBit::from_scalar(eqz(&d, self.comparison_bits())?);
        Ok(Self::follow_bit("=", [self, other], |x, y| x == y, bit))
    }

    /// `[self < 0]` as a shared bit.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn is_negative(&self) -> SharedBit<F> {
        let bit = SharedBit::from_scalar(or_panic(self.negative()));
        Self::follow_bit("< 0", [self, self], |x, _| x < 0.0, bit)
    }

    /// `if bit { yes } else { no }` on shares.
    ///
    /// # Panics
    ///
    /// As [`SharedBit::select`].
    #[track_caller]
    pub fn select(bit: &SharedBit<F>, yes: &Self, no: &Self) -> Self {
        let chosen = yes.same(bit.select(&yes.value, &no.value));
        let picks_yes = || bit.as_scalar().peek() == F::ONE;
        chosen.follow(
            "select",
            [yes, no],
            |[y, n]| if picks_yes() { y } else { n },
            Domain::All,
        )
    }

    /// max(self, 0): self·(1 − [self < 0]).
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn relu(&self) -> Self {
        let negative = or_panic(self.negative());
        let kept = self.same(or_panic((1 - &negative).try_mul(&self.value)));
        kept.follow("relu", [self], |[x]| x.max(0.0), Domain::All)
    }

    /// |self|: self − 2·[self < 0]·self.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn abs(&self) -> Self {
        let negative = or_panic(self.negative());
        let flipped = or_panic(negative.try_mul(&self.value)) * 2;
        let magnitude = self.same(&self.value - &flipped);
        magnitude.follow("abs", [self], |[x]| x.abs(), Domain::All)
    }

    /// The smaller of the two.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn min(&self, other: &Self) -> Self {
        let less = or_panic(self.untracked_less_than(other));
        let smaller = self.same(less.select(&self.value, &other.value));
        smaller.follow("min", [self, other], |[x, y]| x.min(y), Domain::All)
    }

    /// The larger of the two.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn max(&self, other: &Self) -> Self {
        let less = or_panic(self.untracked_less_than(other));
        let larger = self.same(less.select(&other.value, &self.value));
        larger.follow("max", [self, other], |[x, y]| x.max(y), Domain::All)
    }

    /// [self < 0], as a step inside an operation.
    #[track_caller]
    fn negative(&self) -> Result<SharedScalar<F>> {
        ltz(&self.value, self.comparison_bits())
    }

    /// `[self < other]`, as a step inside an operation (not followed by the shadow).
    #[track_caller]
    fn untracked_less_than(&self, other: &Self) -> Result<SharedBit<F>> {
        self.check(other)?;
        let d = self.value.try_sub(&other.value)?;
        Ok(SharedBit::from_scalar(ltz(&d, self.comparison_bits())?))
    }
}
