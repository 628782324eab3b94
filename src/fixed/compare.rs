//! Comparisons of shared fixed-point numbers and what is built on them.
//!
//! A fixed-point number is compared through its encoding x̃ = round(x·2^f): x < y exactly
//! when x̃ − ỹ < 0, a comparison of ℓ = k + f + 1 bits (one more than a value, so the
//! difference of any two values in range fits). See [`crate::circuits::comparison`].

use std::borrow::Borrow;

use super::shadow::Domain;
use super::shared::{SharedFixed, scale};
use crate::circuits::comparison::{eqz, ltz};
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::scalar::bit::SharedBit;
use crate::scalar::compare::comparisons;
use crate::scalar::shared::SharedScalar;

/// What a shared fixed-point number can be compared with: another one (`&SharedFixed`)
/// or a public `f64` or `i32`.
pub trait FixedComparand<F: TinyField> {
    /// The operand, borrowed or built.
    type Operand: Borrow<SharedFixed<F>>;

    /// The operand as a shared number in the format of `like` (a public number is shared
    /// trivially, for free).
    fn operand(self, like: &SharedFixed<F>) -> Result<Self::Operand>;
}

impl<'a, F: TinyField> FixedComparand<F> for &'a SharedFixed<F> {
    type Operand = &'a SharedFixed<F>;

    fn operand(self, like: &SharedFixed<F>) -> Result<Self::Operand> {
        like.check_operands(self)?;
        Ok(self)
    }
}

impl<F: TinyField> FixedComparand<F> for f64 {
    type Operand = SharedFixed<F>;

    fn operand(self, like: &SharedFixed<F>) -> Result<Self::Operand> {
        let encoded = F::from_i128(like.precision.encode(self)?);
        let mut public = like.same(like.value.affine(F::ZERO, encoded));
        public.exact = like.exact.map(|_| self);
        Ok(public)
    }
}

impl<F: TinyField> FixedComparand<F> for i32 {
    type Operand = SharedFixed<F>;

    fn operand(self, like: &SharedFixed<F>) -> Result<Self::Operand> {
        f64::from(self).operand(like)
    }
}

impl<F: TinyField> SharedFixed<F> {
    /// Bits of a comparison: one more than an encoded value.
    fn comparison_bits(&self) -> u32 {
        self.precision.bits() + 1
    }

    /// [x < 0] for the encoding x, as a step inside an operation.
    #[track_caller]
    fn negative(&self, x: &SharedScalar<F>) -> Result<SharedScalar<F>> {
        ltz(x, self.comparison_bits())
    }

    comparisons! {
        [
            /// Correct for any two numbers in range (|x| < 2^{k−1}); see the module docs.
            ///
            /// # Panics
            ///
            /// When the operands cannot be combined or too few holders answer; the `try_`
            /// twin returns the error instead.
        ]
        []
        impl FixedComparand<F> => SharedBit<F>;

        /// `[self < other]` as a shared bit.
        less_than, try_less_than, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bit = x.negative(&x.value.try_sub(&y.value)?)?;
            Ok(x.judged("<", y, |[a, b]| a < b, bit))
        };
        /// `[self > other]` as a shared bit.
        greater_than, try_greater_than, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bit = x.negative(&y.value.try_sub(&x.value)?)?;
            Ok(x.judged(">", y, |[a, b]| a > b, bit))
        };
        /// `[self ≤ other]` as a shared bit: 1 − `[self > other]`.
        less_or_equal, try_less_or_equal, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bit = 1 - &x.negative(&y.value.try_sub(&x.value)?)?;
            Ok(x.judged("≤", y, |[a, b]| a <= b, bit))
        };
        /// `[self ≥ other]` as a shared bit: 1 − `[self < other]`.
        greater_or_equal, try_greater_or_equal, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bit = 1 - &x.negative(&x.value.try_sub(&y.value)?)?;
            Ok(x.judged("≥", y, |[a, b]| a >= b, bit))
        };
        /// `[self = other]` as a shared bit: equal encodings, so numbers closer than 2⁻ᶠ
        /// may compare equal.
        equals, try_equals, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bit = eqz(&x.value.try_sub(&y.value)?, x.comparison_bits())?;
            Ok(x.judged("=", y, |[a, b]| a == b, bit))
        };
    }

    /// The bit of a comparison of `self` with `other`, followed in the shadow against
    /// `exact` of the two exact numbers.
    #[track_caller]
    fn judged(
        &self,
        operation: &'static str,
        other: &Self,
        exact: impl Fn([f64; 2]) -> bool,
        bit: SharedScalar<F>,
    ) -> SharedBit<F> {
        Self::follow_bit(operation, [self, other], exact, SharedBit::from_scalar(bit))
    }

    /// `[self < 0]` as a shared bit.
    ///
    /// # Panics
    ///
    /// When too few holders answer; [`try_is_negative`](Self::try_is_negative) returns
    /// the error instead.
    #[track_caller]
    pub fn is_negative(&self) -> SharedBit<F> {
        or_panic(self.try_is_negative())
    }

    /// [`is_negative`](Self::is_negative), returning an error instead of panicking.
    #[track_caller]
    pub fn try_is_negative(&self) -> Result<SharedBit<F>> {
        let bit = SharedBit::from_scalar(self.negative(&self.value)?);
        Ok(Self::follow_bit("< 0", [self], |[x]| x < 0.0, bit))
    }

    /// `[self = 0]` as a shared bit: as [`equals`](Self::equals) with 0.
    ///
    /// # Panics
    ///
    /// When too few holders answer; [`try_is_zero`](Self::try_is_zero) returns the error.
    #[track_caller]
    pub fn is_zero(&self) -> SharedBit<F> {
        or_panic(self.try_is_zero())
    }

    /// [`is_zero`](Self::is_zero), returning an error instead of panicking.
    #[track_caller]
    pub fn try_is_zero(&self) -> Result<SharedBit<F>> {
        let bit = SharedBit::from_scalar(eqz(&self.value, self.comparison_bits())?);
        Ok(Self::follow_bit("= 0", [self], |[x]| x == 0.0, bit))
    }

    /// −1, 0 or 1 as self is negative, zero or positive: `[self > 0]` − `[self < 0]`, as a
    /// shared fixed-point number.
    ///
    /// # Panics
    ///
    /// As [`is_negative`](Self::is_negative); [`try_sign`](Self::try_sign) returns the error.
    #[track_caller]
    pub fn sign(&self) -> Self {
        or_panic(self.try_sign())
    }

    /// [`sign`](Self::sign), returning an error instead of panicking.
    #[track_caller]
    pub fn try_sign(&self) -> Result<Self> {
        let positive = self.negative(&-&self.value)?;
        let negative = self.negative(&self.value)?;
        let sign = self.same(&(&positive - &negative) * scale::<F>(self.precision));
        let exact = |[x]: [f64; 1]| match x.partial_cmp(&0.0) {
            Some(std::cmp::Ordering::Greater) => 1.0,
            Some(std::cmp::Ordering::Less) => -1.0,
            _ => 0.0,
        };
        Ok(sign.follow("sign", [self], exact, Domain::All))
    }

    /// `if bit { yes } else { no }` on shares: no + bit·(yes − no).
    ///
    /// # Panics
    ///
    /// As [`SharedScalar::select`]; [`try_select`](Self::try_select) returns the error.
    #[track_caller]
    pub fn select(bit: &SharedBit<F>, yes: &Self, no: &Self) -> Self {
        or_panic(Self::try_select(bit, yes, no))
    }

    /// [`select`](Self::select), returning an error instead of panicking.
    #[track_caller]
    pub fn try_select(bit: &SharedBit<F>, yes: &Self, no: &Self) -> Result<Self> {
        yes.check_operands(no)?;
        let chosen = yes.same(SharedScalar::try_select(bit, &yes.value, &no.value)?);
        let picks_yes = || bit.as_scalar().peek() == F::ONE;
        let exact = |[y, n]: [f64; 2]| if picks_yes() { y } else { n };
        Ok(chosen.follow("select", [yes, no], exact, Domain::All))
    }

    /// max(self, 0): self·(1 − `[self < 0]`).
    ///
    /// # Panics
    ///
    /// As [`is_negative`](Self::is_negative); [`try_relu`](Self::try_relu) returns the error.
    #[track_caller]
    pub fn relu(&self) -> Self {
        or_panic(self.try_relu())
    }

    /// [`relu`](Self::relu), returning an error instead of panicking.
    #[track_caller]
    pub fn try_relu(&self) -> Result<Self> {
        let negative = self.negative(&self.value)?;
        let kept = self.same((1 - &negative).try_mul(&self.value)?);
        Ok(kept.follow("relu", [self], |[x]| x.max(0.0), Domain::All))
    }

    /// |self|: self − 2·`[self < 0]`·self.
    ///
    /// # Panics
    ///
    /// As [`is_negative`](Self::is_negative); [`try_abs`](Self::try_abs) returns the error.
    #[track_caller]
    pub fn abs(&self) -> Self {
        or_panic(self.try_abs())
    }

    /// [`abs`](Self::abs), returning an error instead of panicking.
    #[track_caller]
    pub fn try_abs(&self) -> Result<Self> {
        let negative = self.negative(&self.value)?;
        let flipped = negative.try_mul(&self.value)? * 2;
        let magnitude = self.same(&self.value - &flipped);
        Ok(magnitude.follow("abs", [self], |[x]| x.abs(), Domain::All))
    }

    /// The smaller of the two: one comparison and one select.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_min`](Self::try_min) returns the error.
    #[track_caller]
    pub fn min(&self, other: &Self) -> Self {
        or_panic(self.try_min(other))
    }

    /// [`min`](Self::min), returning an error instead of panicking.
    #[track_caller]
    pub fn try_min(&self, other: &Self) -> Result<Self> {
        let smaller = self.pick(other, true)?;
        Ok(smaller.follow("min", [self, other], |[x, y]| x.min(y), Domain::All))
    }

    /// The larger of the two.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_max`](Self::try_max) returns the error.
    #[track_caller]
    pub fn max(&self, other: &Self) -> Self {
        or_panic(self.try_max(other))
    }

    /// [`max`](Self::max), returning an error instead of panicking.
    #[track_caller]
    pub fn try_max(&self, other: &Self) -> Result<Self> {
        let larger = self.pick(other, false)?;
        Ok(larger.follow("max", [self, other], |[x, y]| x.max(y), Domain::All))
    }

    /// The smaller of the two (or the larger, when not `smaller`), by one comparison and
    /// one select, as a step inside an operation.
    #[track_caller]
    fn pick(&self, other: &Self, smaller: bool) -> Result<Self> {
        self.check_operands(other)?;
        let less = SharedBit::from_scalar(self.negative(&self.value.try_sub(&other.value)?)?);
        let (yes, no) = if smaller {
            (self, other)
        } else {
            (other, self)
        };
        Ok(self.same(SharedScalar::try_select(&less, &yes.value, &no.value)?))
    }
}
