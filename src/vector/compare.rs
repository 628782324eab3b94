//! Element-wise comparisons of shared vectors: every lane runs LTZ or EQZ (see
//! [`crate::circuits::comparison`]) in the same rounds, so comparing n elements takes
//! as many rounds as comparing one.

use super::public::PublicVector;
use super::shared::SharedVector;
use crate::circuits::comparison::{eqz, ltz};
use crate::error::{Error, Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::scalar::compare::{comparisons, integer_functions};

/// What a shared vector can be compared with, element by element: another shared vector,
/// a public vector, or one public constant for every element.
pub trait VectorComparand<F: TinyField> {
    /// `x − self`, element by element.
    fn subtract_from(self, x: &SharedVector<F>) -> Result<SharedVector<F>>;
}

impl<F: TinyField> VectorComparand<F> for &SharedVector<F> {
    fn subtract_from(self, x: &SharedVector<F>) -> Result<SharedVector<F>> {
        x.try_sub(self)
    }
}

impl<F: TinyField> VectorComparand<F> for &PublicVector<F> {
    fn subtract_from(self, x: &SharedVector<F>) -> Result<SharedVector<F>> {
        x.try_sub_public(self)
    }
}

impl<F: TinyField, K: Constant> VectorComparand<F> for K {
    fn subtract_from(self, x: &SharedVector<F>) -> Result<SharedVector<F>> {
        Ok(x - self)
    }
}

/// Element-wise comparisons, selection and the functions built on them.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(5);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateVector::new([-3, 0, 8], &alice).share(&[&bob]);
/// let y = PrivateVector::new([1, 0, 2], &bob).share(&[&alice]);
/// assert_eq!(x.less_than(&y).open()?, [1, 0, 0]);
/// assert_eq!(x.equals(0).open()?, [0, 1, 0]);
/// assert_eq!(x.relu().open()?, [0, 0, 8]);
/// assert_eq!(x.max(&y).open()?, [1, 0, 8]);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
impl<F: TinyField> SharedVector<F> {
    comparisons! {
        [
            /// Each element of the result is 1 or 0 where dᵢ = selfᵢ − otherᵢ lies in the
            /// range above (ℓ from
            /// [`comparison_bits`](crate::SimulationBuilder::comparison_bits), 64 by default),
            /// as for the [`SharedScalar`](crate::SharedScalar) comparison of the same name.
            /// Costs what one scalar comparison costs per element, in the rounds of one.
            ///
            /// # Panics
            ///
            /// When the operands cannot be combined, too few holders answer or the field is
            /// too small; the `try_` twin returns the error instead.
        ]
        []
        impl VectorComparand<F> => SharedVector<F>;

        /// `[selfᵢ < otherᵢ]` for every element: right for dᵢ in \[−2^{ℓ−1}, 2^{ℓ−1}).
        less_than, try_less_than, |x, other| {
            let (d, bits) = x.difference(other)?;
            ltz(&d, bits)
        };
        /// `[selfᵢ > otherᵢ]` for every element: right for dᵢ in (−2^{ℓ−1}, 2^{ℓ−1}\].
        greater_than, try_greater_than, |x, other| {
            let (d, bits) = x.difference(other)?;
            ltz(&-&d, bits)
        };
        /// `[selfᵢ ≤ otherᵢ]` for every element: right for dᵢ in (−2^{ℓ−1}, 2^{ℓ−1}\].
        less_or_equal, try_less_or_equal, |x, other| {
            let (d, bits) = x.difference(other)?;
            Ok(1 - &ltz(&-&d, bits)?)
        };
        /// `[selfᵢ ≥ otherᵢ]` for every element: right for dᵢ in \[−2^{ℓ−1}, 2^{ℓ−1}).
        greater_or_equal, try_greater_or_equal, |x, other| {
            let (d, bits) = x.difference(other)?;
            Ok(1 - &ltz(&d, bits)?)
        };
        /// `[selfᵢ = otherᵢ]` for every element: right for |dᵢ| < 2^ℓ.
        equals, try_equals, |x, other| {
            let (d, bits) = x.difference(other)?;
            eqz(&d, bits)
        };
    }

    /// d = self − other and ℓ: the first steps of every comparison.
    #[track_caller]
    fn difference(&self, other: impl VectorComparand<F>) -> Result<(Self, u32)> {
        let d = other.subtract_from(self)?;
        Ok((d, self.simulation().comparison_bits()?))
    }

    /// `bitsᵢ ? yesᵢ : noᵢ` for shared bits (0 or 1, as comparisons give): noᵢ + bitsᵢ·(yesᵢ − noᵢ),
    /// n triples in one round.
    ///
    /// # Panics
    ///
    /// When the operands cannot be combined; [`try_select`](Self::try_select) returns the
    /// error instead.
    #[track_caller]
    pub fn select(bits: &Self, yes: &Self, no: &Self) -> Self {
        or_panic(Self::try_select(bits, yes, no))
    }

    /// [`select`](Self::select), returning an error instead of panicking.
    #[track_caller]
    pub fn try_select(bits: &Self, yes: &Self, no: &Self) -> Result<Self> {
        no.try_add(&bits.try_mul(&yes.try_sub(no)?)?)
    }

    integer_functions!(", lane by lane");

    /// `[selfᵢ = 0]` for every element: as [`equals`](Self::equals) with 0, right for
    /// |selfᵢ| < 2^ℓ.
    ///
    /// # Panics
    ///
    /// As [`equals`](Self::equals); [`try_is_zero`](Self::try_is_zero) returns the error.
    #[track_caller]
    pub fn is_zero(&self) -> Self {
        or_panic(self.try_is_zero())
    }

    /// [`is_zero`](Self::is_zero), returning an error instead of panicking.
    #[track_caller]
    pub fn try_is_zero(&self) -> Result<Self> {
        eqz(self, self.simulation().comparison_bits()?)
    }

    /// The elements' maximum, by a tournament: ⌈log₂ n⌉ layers of comparisons, each
    /// layer one vector comparison.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for an empty vector; otherwise as [`less_than`](Self::less_than).
    #[track_caller]
    pub fn try_max_element(&self) -> Result<crate::scalar::shared::SharedScalar<F>> {
        let mut winners;
        let mut rest = self;
        while rest.len() > 1 {
            // Pair element i of the first half with element i of the second; an odd one
            // out goes on to the next layer as it is.
            let (half, n) = (rest.len() / 2, rest.len());
            let layer = rest.slice(0..half).try_max(&rest.slice(half..2 * half))?;
            winners = match n % 2 {
                0 => layer,
                _ => SharedVector::concat(&[&layer, &rest.slice(2 * half..n)])?,
            };
            rest = &winners;
        }
        rest.get(0).ok_or(Error::Empty {
            what: "take the maximum of",
        })
    }
}
