//! Element-wise comparisons of shared vectors: every lane runs LTZ or EQZ (see
//! [`crate::circuits::comparison`]) in the same rounds, so comparing n elements takes
//! as many rounds as comparing one.

use super::public::PublicVector;
use super::shared::SharedVector;
use crate::circuits::comparison::{eqz, ltz};
use crate::error::{Error, Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::scalar::compare::{comparisons, integer_functions};
use crate::scalar::shared::SharedScalar;

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

        /// `[selfᵢ < otherᵢ]` for every element: right for dᵢ in \[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>).
        less_than, try_less_than, |x, other| {
            let (d, bits) = x.difference(other)?;
            ltz(&d, bits)
        };
        /// `[selfᵢ > otherᵢ]` for every element: right for dᵢ in (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>\].
        greater_than, try_greater_than, |x, other| {
            let (d, bits) = x.difference(other)?;
            ltz(&-&d, bits)
        };
        /// `[selfᵢ ≤ otherᵢ]` for every element: right for dᵢ in (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>\].
        less_or_equal, try_less_or_equal, |x, other| {
            let (d, bits) = x.difference(other)?;
            Ok(1 - &ltz(&-&d, bits)?)
        };
        /// `[selfᵢ ≥ otherᵢ]` for every element: right for dᵢ in \[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>).
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
    pub fn try_max_element(&self) -> Result<SharedScalar<F>> {
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

    /// The index of the largest element and the element, obliviously: a tournament of
    /// ⌈log₂ n⌉ layers, each one vector comparison of neighbours and two selects (the
    /// value and its index). On ties the first index wins.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(2);
    /// let [alice, bob] = sim.new_machines(["alice", "bob"]);
    /// let bids = PrivateVector::new(vec![40, 75, 12, 75, 3], &alice).share(&[&bob]);
    /// let (winner, price) = bids.argmax();
    /// assert_eq!((winner.open()?.to_i64()?, price.open()?.to_i64()?), (1, 75)); // the first 75
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    ///
    /// # Panics
    ///
    /// For an empty vector, or as [`less_than`](Self::less_than);
    /// [`try_argmax`](Self::try_argmax) returns the error instead.
    #[track_caller]
    pub fn argmax(&self) -> (SharedScalar<F>, SharedScalar<F>) {
        or_panic(self.try_argmax())
    }

    /// [`argmax`](Self::argmax), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for an empty vector; otherwise as [`less_than`](Self::less_than).
    #[track_caller]
    pub fn try_argmax(&self) -> Result<(SharedScalar<F>, SharedScalar<F>)> {
        self.tournament(true)
    }

    /// The index of the smallest element and the element, as [`argmax`](Self::argmax)
    /// finds the largest.
    ///
    /// # Panics
    ///
    /// As [`argmax`](Self::argmax); [`try_argmin`](Self::try_argmin) returns the error.
    #[track_caller]
    pub fn argmin(&self) -> (SharedScalar<F>, SharedScalar<F>) {
        or_panic(self.try_argmin())
    }

    /// [`argmin`](Self::argmin), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// As [`try_argmax`](Self::try_argmax).
    #[track_caller]
    pub fn try_argmin(&self) -> Result<(SharedScalar<F>, SharedScalar<F>)> {
        self.tournament(false)
    }

    /// The tournament of [`argmax`](Self::argmax) (`largest`) or [`argmin`](Self::argmin):
    /// element 2k meets element 2k + 1, so a layer keeps the order of its winners and a
    /// tie goes to the earlier index.
    #[track_caller]
    fn tournament(&self, largest: bool) -> Result<(SharedScalar<F>, SharedScalar<F>)> {
        let empty = || Error::Empty {
            what: "find the extremum of",
        };
        if self.is_empty() {
            return Err(empty());
        }
        // The indices 0, 1, …, n − 1 as a shared vector: x − x + (0, 1, …), all local.
        let indices = PublicVector::new((0..self.len() as u64).map(F::from).collect());
        let mut index = self.try_sub(self)?.try_add_public(&indices)?;
        let mut values = self.clone();
        while values.len() > 1 {
            let m = values.len();
            let (vs, is) = (values.to_scalars(), index.to_scalars());
            let side = |all: &[SharedScalar<F>], from: usize| -> Result<Self> {
                let picked: Vec<SharedScalar<F>> = all
                    .iter()
                    .skip(from)
                    .step_by(2)
                    .take(m / 2)
                    .cloned()
                    .collect();
                Self::from_scalars(&picked)
            };
            let (a, b, a_index, b_index) =
                (side(&vs, 0)?, side(&vs, 1)?, side(&is, 0)?, side(&is, 1)?);
            let b_wins = if largest {
                b.try_greater_than(&a)?
            } else {
                b.try_less_than(&a)?
            };
            let mut layer = Self::try_select(&b_wins, &b, &a)?;
            let mut layer_index = Self::try_select(&b_wins, &b_index, &a_index)?;
            if m % 2 == 1 {
                // The odd one out goes on to the next layer as it is.
                layer = Self::concat(&[&layer, &values.slice(m - 1..m)])?;
                layer_index = Self::concat(&[&layer_index, &index.slice(m - 1..m)])?;
            }
            (values, index) = (layer, layer_index);
        }
        Ok((
            index.get(0).ok_or_else(empty)?,
            values.get(0).ok_or_else(empty)?,
        ))
    }
}
