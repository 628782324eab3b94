//! Comparisons of shared fixed-point vectors, lane by lane, and what is built on them: the
//! steps are [`crate::fixed`]'s family steps, written once for numbers and vectors; this
//! file says what a vector compares with and how the shadow follows it.
//!
//! Lane i compares through the encodings, as a [`SharedFixed`](crate::SharedFixed) does:
//! xᵢ < yᵢ ⇔ x̃ᵢ − ỹᵢ < 0, a comparison of ℓ = k + f + 1 bits. Every lane runs LTZ or
//! EQZ (Catrina and de Hoogh 2010, see [`crate::circuits::comparison`]) in the same
//! rounds, so comparing n pairs takes the rounds of one pair and n times its triples.
//! Each result is a [`SharedVector`] of 0/1 lanes, as
//! [`less_than`](SharedFixedVector::less_than) gives.

use std::borrow::Borrow;

use super::SharedFixedVector;
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::fixed::family::{self, FixedFamily, fixed_functions};
use crate::fixed::{Domain, Precision};
use crate::handle::SharedValue;
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
        family::less_than(like, self.operand(like)?.borrow())
    }
}

impl<'a, F: TinyField> FixedVectorComparand<F> for &'a SharedFixedVector<F> {
    type Operand = &'a SharedFixedVector<F>;

    fn operand(self, like: &SharedFixedVector<F>) -> Result<Self::Operand> {
        like.check_operands(self)?;
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

impl<F: TinyField> FixedFamily<F> for SharedFixedVector<F> {
    type Encoded = SharedVector<F>;
    type Bits = SharedVector<F>;

    fn encodings(&self) -> &SharedVector<F> {
        &self.value
    }

    fn format(&self) -> Precision {
        self.precision
    }

    fn like(&self, encoded: SharedVector<F>) -> Self {
        self.same(encoded)
    }

    fn combinable(&self, other: &Self) -> Result<()> {
        self.check_operands(other)
    }

    fn bits(encoded: SharedVector<F>) -> SharedVector<F> {
        encoded
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
        bits: SharedVector<F>,
    ) -> SharedVector<F> {
        Self::follow_lanes(operation, inputs, exact, bits)
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
    fixed_functions!(
        impl FixedVectorComparand<F> => SharedVector<F>, ", lane by lane", "as 0/1 integers",
        less_than = |x, other| other.less_than_of(x));

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
}
