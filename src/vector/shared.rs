//! Shared vectors: the type, its element-wise arithmetic with another shared vector, and
//! its outputs (other operands and the operators: see `mixed.rs`; taking vectors apart
//! and putting them together: `lanes.rs`).

use std::fmt;
use std::panic::Location;

use super::private::PrivateVector;
use super::public::PublicVector;
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::handle::{Handle, SharedValue};
use crate::machine::VirtualMachine;
use crate::machine::listing::write_list;
use crate::protocols::linear::Combine;
use crate::protocols::{beaver, linear};
use crate::scalar::shared::SharedScalar;
use crate::sharing::Scheme;
use crate::simulation::Simulation;

/// Values secret-shared lane by lane: holder k keeps a vector of shares, and lane j of
/// the shares adds up to element j (or, with Shamir's scheme, interpolates to it). Every
/// operation runs its rounds once for the whole vector (see
/// [the module docs](crate::vector)).
///
/// Made by [`PrivateVector::share`], [`PrivateVector::share_among`],
/// [`PrivateVector::share_threshold`] (Shamir's scheme: any t + 1 holders suffice) or
/// [`SharedVector::from_scalars`]; read back by [`reconstruct`](Self::reconstruct) or
/// [`open`](Self::open).
///
/// # Operators
///
/// | expression | meaning | cost |
/// |---|---|---|
/// | `x + y`, `x - y`, `-x` | element by element | free |
/// | `x * y` | element by element (Beaver) | n triples, 2n openings, 1 round |
/// | `x + k`, `k + x`, `x - k`, `k - x`, `x * k`, `k * x` | public constant k on every element | free |
/// | `x + p`, `x - p`, `x * p` | public vector p ([`PublicVector`]), element by element | free |
/// | `x + s`, `x - s`, `x * s` | shared scalar s on every element | free, or n triples and 1 round for `*` |
/// | `x += y`, `x -= y`, `x *= y` (and with k) | in place | as above |
/// | `x.dot(&y)`, `x.sum()` | Σ xᵢ·yᵢ, Σ xᵢ as a [`SharedScalar`] | n triples and 1 round; free |
/// | `x.argmax()`, `x.argmin()` | (index, value) of the first largest or smallest element, as [`SharedScalar`]s | ⌈log₂ n⌉ layers of one comparison and two selects |
/// | `xs.iter().sum()`, `xs.iter().product()`, [`try_sum`](Self::try_sum), [`try_product`](Self::try_product) | vectors added or multiplied lane by lane | free; n triples and 1 round per factor after the first |
/// | `x.less_than(y)` … `x.equals(y)`, `x.is_zero()`, `x.min(&y)`, `x.max(&y)`, `x.abs()`, `x.sign()`, `x.relu()` | element by element, as the [`SharedScalar`] methods of the same names (0/1 lanes for comparisons) | one comparison's rounds for the whole vector |
///
/// `x` and `y` may each be owned or borrowed; k is an `i32`, `i64`, `u64`, `i128` or a
/// field element on the right, and an `i64` (or an unsuffixed literal) or an element of
/// x's field on the left: `3 * &x` and `k * &x` for `k: i64` compile, while an `i32`,
/// `u64` or `i128` k goes on the right (`&x * k`), as [`SharedScalar`]'s table explains.
///
/// # Panics
///
/// Operators panic when the operands have different lengths, are held by different
/// machines or come from different simulations; `try_add`, `try_sub`, `try_mul` and
/// `try_dot` return the error instead.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(3);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateVector::new([3, 1, 4], &alice).share(&[&bob]);
/// let k = PrivateScalar::new(10, &bob).share(&[&alice]);
/// let weights = PublicVector::from([1, 2, 3]);
/// assert_eq!((&x * &weights).reconstruct(&alice)?, [3, 2, 12]);
/// assert_eq!((&x * &k + 1).reconstruct(&alice)?, [31, 11, 41]);
/// let short = PrivateVector::new([1, 2], &alice).share(&[&bob]);
/// assert!(x.try_add(&short).is_err()); // 3 and 2 elements
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub struct SharedVector<F: TinyField = DefaultField> {
    h: Handle<F>,
    len: usize,
}

impl<F: TinyField> SharedVector<F> {
    pub(super) fn with(&self, h: Handle<F>) -> Self {
        SharedVector { h, len: self.len }
    }

    /// Checks that `self` and `other` can be combined element by element.
    pub(crate) fn check_operands(&self, other: &Self) -> Result<()> {
        self.h.check_operands(&other.h)?;
        if self.len != other.len {
            return Err(Error::LengthMismatch {
                left: self.len,
                right: other.len,
            });
        }
        Ok(())
    }

    /// How many elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the vector has no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `self + other` element by element, or an error when they cannot be combined.
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.check_operands(other)?;
        let h = self.h.try_add(&other.h)?;
        Ok(self.with(h))
    }

    /// `self - other` element by element, or an error when they cannot be combined.
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.check_operands(other)?;
        let h = self.h.try_sub(&other.h)?;
        Ok(self.with(h))
    }

    /// `self * other` element by element (Beaver, one round), or an error when they
    /// cannot be combined.
    #[track_caller]
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        let at = Location::caller();
        self.check_operands(other)?;
        let h = self
            .h
            .with_operands(&other.h, |w, x, y, h| beaver::multiply(w, x, y, h, at))?;
        Ok(self.with(h))
    }

    /// Σᵢ selfᵢ·otherᵢ: n products in one round, then a local sum.
    ///
    /// # Panics
    ///
    /// As `*`; [`try_dot`](Self::try_dot) returns the error instead.
    #[track_caller]
    pub fn dot(&self, other: &Self) -> SharedScalar<F> {
        or_panic(self.try_dot(other))
    }

    /// [`dot`](Self::dot), returning an error instead of panicking.
    #[track_caller]
    pub fn try_dot(&self, other: &Self) -> Result<SharedScalar<F>> {
        Ok(self.try_mul(other)?.sum())
    }

    /// Σᵢ selfᵢ as a shared scalar: each holder adds up its shares (free).
    pub fn sum(&self) -> SharedScalar<F> {
        SharedScalar::from_handle(self.h.derive(linear::sum_lanes))
    }

    /// s·x + c on every element, for public s and c.
    pub(crate) fn affine(&self, s: F, c: F) -> Self {
        self.with(self.h.affine(&[s], &[c]))
    }

    /// xᵢ ← f(xᵢ, yᵢ) in place, after checking the operands (for `+=` and `-=`).
    pub(crate) fn try_update(&mut self, other: &Self, f: Combine) -> Result<()> {
        self.check_operands(other)?;
        self.h.try_update(&other.h, f)
    }

    /// The simulation the vector lives in.
    pub fn simulation(&self) -> &Simulation<F> {
        &self.h.sim
    }

    /// The machines holding shares, in share order.
    pub fn holders(&self) -> Vec<VirtualMachine<F>> {
        self.h.holder_machines()
    }

    /// Each holder's vector of shares, in [`holders`](Self::holders) order: what no single
    /// machine can see, the simulation's privilege.
    pub fn shares(&self) -> Vec<Vec<F>> {
        let per_lane: Vec<Vec<F>> = (0..self.len)
            .map(|j| self.h.lane_shares(j, false))
            .collect();
        let n = self.h.holder_machines().len();
        (0..n)
            .map(|k| per_lane.iter().map(|lane| lane[k]).collect())
            .collect()
    }

    /// The sharing scheme: additive, or Shamir with its threshold.
    pub fn scheme(&self) -> Scheme {
        self.h.sim.world.borrow().holder_sets.scheme(self.h.holders)
    }

    /// The vector's number, `#n` in machine listings and views.
    pub fn number(&self) -> u64 {
        self.h.number()
    }

    /// The multiplicative depth of the deepest element.
    pub fn depth(&self) -> u32 {
        self.h.depth()
    }

    /// Delivers the vector to `machine` only: with MACs on, masked by dealer masks only
    /// `machine` knows, after the MAC check. One round, one message per link.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::reconstruct`].
    #[track_caller]
    pub fn reconstruct(&self, machine: &VirtualMachine<F>) -> Result<PrivateVector<F>> {
        let values = self.h.reconstruct(machine, Location::caller())?;
        Ok(PrivateVector::from_field(values, machine))
    }

    /// Reveals the vector to every holder, after the MAC check.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::open`].
    #[track_caller]
    pub fn open(&self) -> Result<PublicVector<F>> {
        Ok(PublicVector::new(self.h.open(Location::caller())?))
    }

    /// Opens the vector to every holder *without* a MAC check yet (SPDZ's partial
    /// opening, for protocols of your own); open only masked values.
    ///
    /// # Errors
    ///
    /// [`Error::NotEnoughOnline`] when too few holders can answer.
    #[track_caller]
    pub fn partial_open(&self) -> Result<PublicVector<F>> {
        Ok(PublicVector::new(self.h.partial_open(Location::caller())?))
    }
}

impl<F: TinyField> SharedValue<F> for SharedVector<F> {
    fn handle(&self) -> &Handle<F> {
        &self.h
    }
    fn from_handle(h: Handle<F>) -> Self {
        let len = h.lanes();
        SharedVector { h, len }
    }
}

impl<F: TinyField> Clone for SharedVector<F> {
    /// A copy of the vector, with its own (identical) shares.
    fn clone(&self) -> Self {
        self.with(self.h.clone())
    }
}

/// `SharedVector(#5, 3 elements: alice [..], bob [..])`: each holder's shares.
impl<F: TinyField> fmt::Display for SharedVector<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self
            .holders()
            .iter()
            .map(|m| m.name().to_string())
            .collect();
        write!(f, "SharedVector(#{}, {} elements:", self.number(), self.len)?;
        for (k, (name, shares)) in names.iter().zip(self.shares()).enumerate() {
            write!(f, "{} {name} ", if k == 0 { "" } else { "," })?;
            write_list(f, &shares)?;
        }
        write!(f, ")")
    }
}

impl<F: TinyField> fmt::Debug for SharedVector<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
