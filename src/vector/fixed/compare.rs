//! Comparisons of shared fixed-point vectors, lane by lane, and what is built on them.
//!
//! Lane i compares through the encodings, as a [`SharedFixed`](crate::SharedFixed) does:
//! xᵢ < yᵢ ⇔ x̃ᵢ − ỹᵢ < 0, a comparison of ℓ = k + f + 1 bits. Every lane runs LTZ or
//! EQZ (Catrina and de Hoogh 2010, see [`crate::circuits::comparison`]) in the same
//! rounds, so comparing n pairs takes the rounds of one pair and n times its triples.
//! Each result is a [`SharedVector`] of 0/1 lanes, as
//! [`less_than`](SharedFixedVector::less_than) gives.

use std::borrow::Borrow;
use std::panic::Location;

use super::SharedFixedVector;
use super::shadow::lane;
use crate::circuits::comparison::{eqz, ltz};
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::fixed::{BitOutcome, Domain, as_bit, judge_bits};
use crate::handle::SharedValue;
use crate::scalar::compare::comparisons;
use crate::vector::shared::SharedVector;

/// What a shared fixed-point vector can be compared with, lane by lane: another one
/// (`&SharedFixedVector`) or a public `f64` or `i32` for every lane.
pub trait FixedVectorComparand<F: TinyField> {
    /// The operand, borrowed or built.
    type Operand: Borrow<SharedFixedVector<F>>;

    /// The operand as a shared vector in the format and length of `like` (a public number
    /// is shared trivially, for free).
    fn operand(self, like: &SharedFixedVector<F>) -> Result<Self::Operand>;

    /// `[likeᵢ < selfᵢ]`, lane by lane: through [`operand`](Self::operand), or, for a
    /// public number, with its encoding subtracted directly.
    #[track_caller]
    fn less_than_of(self, like: &SharedFixedVector<F>) -> Result<SharedVector<F>>
    where
        Self: Sized,
    {
        let y = self.operand(like)?;
        let y: &SharedFixedVector<F> = y.borrow();
        let bits = like.negative(&like.value.try_sub(&y.value)?)?;
        Ok(like.judged("<", y, |[a, b]| a < b, bits))
    }
}

impl<'a, F: TinyField> FixedVectorComparand<F> for &'a SharedFixedVector<F> {
    type Operand = &'a SharedFixedVector<F>;

    fn operand(self, like: &SharedFixedVector<F>) -> Result<Self::Operand> {
        like.check_operands(self)?;
        like.value.check_operands(&self.value)?;
        Ok(self)
    }
}

impl<F: TinyField> FixedVectorComparand<F> for f64 {
    type Operand = SharedFixedVector<F>;

    #[track_caller]
    fn less_than_of(self, like: &SharedFixedVector<F>) -> Result<SharedVector<F>> {
        like.less_than_public(self)
    }

    fn operand(self, like: &SharedFixedVector<F>) -> Result<Self::Operand> {
        let encoded = F::from_i128(like.precision.encode(self)?);
        let mut public = like.same(like.value.affine(F::ZERO, encoded));
        public.exact = like.exact.as_ref().map(|e| vec![self; e.len()]);
        Ok(public)
    }
}

impl<F: TinyField> FixedVectorComparand<F> for i32 {
    type Operand = SharedFixedVector<F>;

    #[track_caller]
    fn less_than_of(self, like: &SharedFixedVector<F>) -> Result<SharedVector<F>> {
        like.less_than_public(f64::from(self))
    }

    fn operand(self, like: &SharedFixedVector<F>) -> Result<Self::Operand> {
        f64::from(self).operand(like)
    }
}

/// Element-wise comparisons, selection and the functions built on them.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(6);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateFixedVector::new([-1.5, 0.25, 2.0], &alice).share(&[&bob]);
/// let y = PrivateFixedVector::new([0.5, 0.25, -3.0], &bob).share(&[&alice]);
/// assert_eq!(x.greater_than(&y).open()?, [0, 0, 1]);
/// assert_eq!(x.less_or_equal(0.25).open()?, [1, 1, 0]);
/// assert_eq!(x.equals(&y).open()?, [0, 1, 0]);
/// assert_eq!(x.is_negative().open()?, [1, 0, 0]);
/// assert_eq!(x.max(&y).open()?, [0.5, 0.25, 2.0]);
/// let picked = SharedFixedVector::select(&x.less_than(0.0), &y, &x);
/// assert_eq!(picked.open()?, [0.5, 0.25, 2.0]);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
impl<F: TinyField> SharedFixedVector<F> {
    /// Bits of a comparison: one more than an encoded value.
    fn comparison_bits(&self) -> u32 {
        self.precision.bits() + 1
    }

    /// `[xᵢ < 0]` for every lane of the encodings x, as a step inside an operation.
    #[track_caller]
    fn negative(&self, x: &SharedVector<F>) -> Result<SharedVector<F>> {
        ltz(x, self.comparison_bits())
    }

    comparisons! {
        [
            /// Correct for any numbers in range (|xᵢ| < 2^{k−1}); see the module docs.
            ///
            /// # Panics
            ///
            /// When the operands cannot be combined (precision, holders, lengths), a
            /// constant is NaN, infinite or out of range, or too few holders answer; the
            /// `try_` twin returns the error instead.
        ]
        [
            ///
            /// # Errors
            ///
            /// As [`SharedFixed`](crate::SharedFixed)'s comparison of the same name, and
            /// [`Error::LengthMismatch`](crate::Error::LengthMismatch) for vectors of
            /// different lengths.
        ]
        impl FixedVectorComparand<F> => SharedVector<F>;

        /// `[selfᵢ < otherᵢ]` for every lane, as 0/1 integers.
        less_than, try_less_than, |x, other| other.less_than_of(x);
        /// `[selfᵢ > otherᵢ]` for every lane, as 0/1 integers.
        greater_than, try_greater_than, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bits = x.negative(&y.value.try_sub(&x.value)?)?;
            Ok(x.judged(">", y, |[a, b]| a > b, bits))
        };
        /// `[selfᵢ ≤ otherᵢ]` for every lane, as 0/1 integers: 1 − `[selfᵢ > otherᵢ]`.
        less_or_equal, try_less_or_equal, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bits = 1 - &x.negative(&y.value.try_sub(&x.value)?)?;
            Ok(x.judged("≤", y, |[a, b]| a <= b, bits))
        };
        /// `[selfᵢ ≥ otherᵢ]` for every lane, as 0/1 integers: 1 − `[selfᵢ < otherᵢ]`.
        greater_or_equal, try_greater_or_equal, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bits = 1 - &x.negative(&x.value.try_sub(&y.value)?)?;
            Ok(x.judged("≥", y, |[a, b]| a >= b, bits))
        };
        /// `[selfᵢ = otherᵢ]` for every lane, as 0/1 integers: equal encodings, so numbers
        /// closer than 2⁻ᶠ may compare equal.
        equals, try_equals, |x, other| {
            let y = other.operand(x)?;
            let y: &Self = y.borrow();
            let bits = eqz(&x.value.try_sub(&y.value)?, x.comparison_bits())?;
            Ok(x.judged("=", y, |[a, b]| a == b, bits))
        };
    }

    /// The bits of a comparison of `self` with `other`, lane by lane, followed in the
    /// shadow against `exact` of each lane's two exact numbers.
    #[track_caller]
    fn judged(
        &self,
        operation: &'static str,
        other: &Self,
        exact: impl Fn([f64; 2]) -> bool,
        bits: SharedVector<F>,
    ) -> SharedVector<F> {
        Self::follow_lanes(operation, [self, other], exact, bits)
    }

    /// `[selfᵢ < 0]` for every lane, as 0/1 integers.
    ///
    /// # Panics
    ///
    /// When too few holders answer; [`try_is_negative`](Self::try_is_negative) returns
    /// the error instead.
    #[track_caller]
    pub fn is_negative(&self) -> SharedVector<F> {
        or_panic(self.try_is_negative())
    }

    /// [`is_negative`](Self::is_negative), returning an error instead of panicking.
    #[track_caller]
    pub fn try_is_negative(&self) -> Result<SharedVector<F>> {
        let bits = self.negative(&self.value)?;
        Ok(Self::follow_lanes("< 0", [self], |[x]| x < 0.0, bits))
    }

    /// `[selfᵢ = 0]` for every lane, as 0/1 integers: as [`equals`](Self::equals) with 0.
    ///
    /// # Panics
    ///
    /// When too few holders answer; [`try_is_zero`](Self::try_is_zero) returns the error.
    #[track_caller]
    pub fn is_zero(&self) -> SharedVector<F> {
        or_panic(self.try_is_zero())
    }

    /// [`is_zero`](Self::is_zero), returning an error instead of panicking.
    #[track_caller]
    pub fn try_is_zero(&self) -> Result<SharedVector<F>> {
        let bits = eqz(&self.value, self.comparison_bits())?;
        Ok(Self::follow_lanes("= 0", [self], |[x]| x == 0.0, bits))
    }

    /// |selfᵢ| for every lane: selfᵢ − 2·`[selfᵢ < 0]`·selfᵢ, exact.
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
        let magnitude = self.same(self.value.try_sub(&flipped)?);
        Ok(magnitude.follow("abs", [self], |[x]| x.abs(), Domain::All))
    }

    /// −1, 0 or 1 for every lane as it is negative, zero or positive:
    /// `[selfᵢ > 0]` − `[selfᵢ < 0]`, as fixed-point numbers.
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
        let one = F::from_i128(self.precision.encode(1.0)?);
        let sign = self.same(&positive.try_sub(&negative)? * one);
        let exact = |[x]: [f64; 1]| match x.partial_cmp(&0.0) {
            Some(std::cmp::Ordering::Greater) => 1.0,
            Some(std::cmp::Ordering::Less) => -1.0,
            _ => 0.0,
        };
        Ok(sign.follow("sign", [self], exact, Domain::All))
    }

    /// `bitsᵢ ? yesᵢ : noᵢ` for shared bits (0 or 1, as comparisons give):
    /// noᵢ + bitsᵢ·(yesᵢ − noᵢ), n triples in one round.
    ///
    /// # Panics
    ///
    /// When the operands cannot be combined (precision, holders, lengths);
    /// [`try_select`](Self::try_select) returns the error instead.
    #[track_caller]
    pub fn select(bits: &SharedVector<F>, yes: &Self, no: &Self) -> Self {
        or_panic(Self::try_select(bits, yes, no))
    }

    /// [`select`](Self::select), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// [`Error::PrecisionMismatch`](crate::Error::PrecisionMismatch),
    /// [`Error::LengthMismatch`](crate::Error::LengthMismatch) or the errors of
    /// [`SharedVector::try_select`].
    #[track_caller]
    pub fn try_select(bits: &SharedVector<F>, yes: &Self, no: &Self) -> Result<Self> {
        yes.check_operands(no)?;
        let chosen = yes.same(SharedVector::try_select(bits, &yes.value, &no.value)?);
        let picks_yes = |j: usize| bits.handle().peek(j) == F::ONE;
        let exact = |j, [y, n]: [f64; 2]| if picks_yes(j) { y } else { n };
        Ok(chosen.follow_with("select", [yes, no], exact, Domain::All))
    }

    /// The smaller of each pair of lanes: one comparison and one select.
    ///
    /// # Panics
    ///
    /// As [`greater_than`](Self::greater_than); [`try_min`](Self::try_min) returns the
    /// error.
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

    /// The larger of each pair of lanes: one comparison and one select.
    ///
    /// # Panics
    ///
    /// As [`greater_than`](Self::greater_than); [`try_max`](Self::try_max) returns the
    /// error.
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

    /// The smaller of each pair (or the larger, when not `smaller`), by one comparison
    /// and one select, as a step inside an operation.
    #[track_caller]
    fn pick(&self, other: &Self, smaller: bool) -> Result<Self> {
        self.check_operands(other)?;
        let less = self.negative(&self.value.try_sub(&other.value)?)?;
        let (yes, no) = if smaller {
            (self, other)
        } else {
            (other, self)
        };
        Ok(self.same(SharedVector::try_select(&less, &yes.value, &no.value)?))
    }

    /// Follows a comparison of `inputs`, lane by lane, in the shadow, when on: records
    /// whether each shared bit of `bits` equals `exact` of the lane's exact numbers.
    #[track_caller]
    fn follow_lanes<const N: usize>(
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> bool,
        bits: SharedVector<F>,
    ) -> SharedVector<F> {
        let Some(exacts) = inputs
            .iter()
            .map(|x| x.exact.as_deref())
            .collect::<Option<Vec<_>>>()
        else {
            return bits;
        };
        let lanes: Vec<BitOutcome> = (0..bits.len())
            .map(|j| {
                let exact_lane: [f64; N] = std::array::from_fn(|i| lane(exacts[i], j));
                BitOutcome {
                    value: as_bit(bits.handle().peek(j)),
                    expected: exact(exact_lane),
                    exact: exact_lane.to_vec(),
                    held: inputs.iter().map(|x| x.held(j)).collect(),
                }
            })
            .collect();
        bits.handle()
            .record(Location::caller(), judge_bits(operation, &lanes));
        bits
    }

    /// The number the shares of lane `j` add up to, read outside the protocol.
    fn held(&self, j: usize) -> f64 {
        self.precision.decode(self.value.handle().peek(j))
    }
}
