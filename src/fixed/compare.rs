//! Comparisons of shared fixed-point numbers and what is built on them, as methods of
//! [`SharedFixed`]: the steps are [`super::family`]'s, written once for numbers and
//! vectors; this file says what a number compares with and how the shadow follows it.
//!
//! A fixed-point number is compared through its encoding x̃ = round(x·2^f): x < y exactly
//! when x̃ − ỹ < 0, a comparison of ℓ = k + f + 1 bits (one more than a value, so the
//! difference of any two values in range fits). See [`crate::circuits::comparison`].

use std::borrow::Borrow;

use super::family::{self, FixedFamily, fixed_functions};
use super::precision::Precision;
use super::shadow::Domain;
use super::shared::SharedFixed;
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::scalar::bit::SharedBit;
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

impl<F: TinyField> FixedFamily<F> for SharedFixed<F> {
    type Encoded = SharedScalar<F>;
    type Bits = SharedBit<F>;

    fn encodings(&self) -> &SharedScalar<F> {
        &self.value
    }

    fn format(&self) -> Precision {
        self.precision
    }

    fn like(&self, encoded: SharedScalar<F>) -> Self {
        self.same(encoded)
    }

    fn combinable(&self, other: &Self) -> Result<()> {
        self.check_operands(other)
    }

    fn bits(encoded: SharedScalar<F>) -> SharedBit<F> {
        SharedBit::from_scalar(encoded)
    }

    #[track_caller]
    fn followed<const N: usize>(
        self,
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> f64,
    ) -> Self {
        self.follow(operation, inputs, exact, Domain::All)
    }

    #[track_caller]
    fn followed_bits<const N: usize>(
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> bool,
        bit: SharedBit<F>,
    ) -> SharedBit<F> {
        Self::follow_bit(operation, inputs, exact, bit)
    }
}

impl<F: TinyField> SharedFixed<F> {
    fixed_functions!(impl FixedComparand<F> => SharedBit<F>, "", "as a shared bit",
        less_than = |x, other| family::less_than(x, other.operand(x)?.borrow()));

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
}
