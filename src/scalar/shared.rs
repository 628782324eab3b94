//! Shared values: a number no machine knows, held as additive shares by several machines.

use std::fmt;
use std::panic::Location;

use crate::error::{Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::handle::{Handle, SharedValue};
use crate::machine::VirtualMachine;
use crate::protocols::beaver;
use crate::protocols::linear::Combine;
use crate::scalar::private::PrivateScalar;
use crate::scalar::public::PublicScalar;
use crate::sharing::Scheme;
use crate::simulation::Simulation;

/// A value secret-shared among a set of machines: each holds a uniformly random-looking
/// share, and the shares add up to the value.
///
/// Made by [`PrivateScalar::share`] or [`PrivateScalar::share_among`]; read back by
/// [`reconstruct`](Self::reconstruct) (to one machine) or [`open`](Self::open) (to all
/// holders).
///
/// # Operators
///
/// | expression | protocol | cost |
/// |---|---|---|
/// | `x + y`, `x - y`, `-x` | local, share by share | free |
/// | `x + k`, `k + x`, `x - k`, `k - x` | local, one holder adds k | free |
/// | `x * k`, `k * x` | local, every share scaled | free |
/// | `x * y` | Beaver multiplication | 1 triple, 2 openings, 1 round |
/// | `x += y`, `x -= y`, `x *= y` (and with k) | as above, in place | as above |
/// | `x.pow(e)` | square and multiply | ≈ 1.5·log₂ e triples |
/// | `iter.sum()`, `iter.product()` | repeated `+` / `*` | as above |
///
/// `x` and `y` may each be owned (`SharedScalar`) or borrowed (`&SharedScalar`). Public
/// constants k are reduced modulo p, and compile on these sides:
///
/// | constant k | `x + k`, `x - k`, `x * k`, `x op= k` | `k + x`, `k - x`, `k * x` |
/// |---|---|---|
/// | `i64`, and an unsuffixed literal (`5 * &x`, `100 - x`, `x * (-2)`) | yes | yes |
/// | `i32`, `u64`, `i128` | yes | no: write `&x * k`, `&x + k`, `-&x + k` |
/// | an element of x's field | yes | yes |
/// | an element of another field, a [`PublicScalar`] | yes | no |
///
/// Integers on the left are `i64` only: with a second integer type there, Rust could not
/// type an unsuffixed literal in time, and `(5 * &x).open()` or `&x - 5 * &y` would stop
/// compiling ("type annotations needed"). With one, a literal on the left is an `i64`.
///
/// # Panics
///
/// Operators panic when the operands are held by different machines or come from
/// different simulations; `try_add`, `try_sub` and `try_mul` return the error instead.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let alice = VirtualMachine::new("alice");
/// let bob = VirtualMachine::new("bob");
/// let a = PrivateScalar::new(25, &alice).share(&[&bob]);
/// let b = PrivateScalar::new(50, &bob).share(&[&alice]);
/// let out = &a * &b - 5 * (&a + &b);
/// assert_eq!(out.reconstruct(&alice)?, 875);
/// assert_eq!(out.depth(), 1);
///
/// let carol = VirtualMachine::new("carol");
/// let c = PrivateScalar::new(1, &carol).share(&[&alice]);
/// assert!(a.try_add(&c).is_err()); // held by {alice, bob} and {alice, carol}
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub struct SharedScalar<F: TinyField = DefaultField> {
    h: Handle<F>,
}

impl<F: TinyField> SharedScalar<F> {
    /// The value, read outside the protocol: for the shadow's report only.
    pub(crate) fn peek(&self) -> F {
        self.h.peek(0)
    }

    /// s·x + c for public s and c: every holder scales its share (and MAC share), the
    /// first adds c (and every holder αᵢ·c to its MAC share).
    pub(crate) fn affine(&self, s: F, c: F) -> Self {
        Self::from_handle(self.h.affine(&[s], &[c]))
    }

    /// xᵢ ← f(xᵢ, yᵢ) in place, after checking the operands (for `+=` and `-=`).
    pub(crate) fn try_update(&mut self, other: &Self, f: Combine) -> Result<()> {
        self.h.try_update(&other.h, f)
    }

    /// The simulation the value lives in.
    pub fn simulation(&self) -> &Simulation<F> {
        &self.h.sim
    }

    /// The machines holding shares, in share order.
    pub fn holders(&self) -> Vec<VirtualMachine<F>> {
        self.h.holder_machines()
    }

    /// The shares, one per holder in [`holders`](Self::holders) order. Looking at all of
    /// them is what no single machine can do: it is the simulation's privilege.
    pub fn shares(&self) -> Vec<F> {
        self.h.lane_shares(0, false)
    }

    /// The MAC shares, one per holder in [`holders`](Self::holders) order: they add up to
    /// α·x under the holders' secret MAC key α. Empty in a semi-honest simulation.
    pub fn mac_shares(&self) -> Vec<F> {
        self.h.lane_shares(0, true)
    }

    /// The value's number, `#n` in machine listings and views.
    pub fn number(&self) -> u64 {
        self.h.number()
    }

    /// Depth: the most rounds of interaction on any path from the inputs, i.e. the
    /// multiplications and (inside comparisons and truncations) masked openings one after
    /// the other. A network computing in parallel needs this many rounds.
    pub fn depth(&self) -> u32 {
        self.h.depth()
    }

    /// Delivers the value to `machine` only (holder or not). With MACs on, the holders
    /// open the value masked by a dealer's mask that only `machine` knows and run the MAC
    /// check first; without MACs, every holder sends `machine` its share.
    ///
    /// # Errors
    ///
    /// [`Error::SimulationMismatch`](crate::Error::SimulationMismatch) if `machine` belongs to another simulation;
    /// [`Error::MacCheckFailed`](crate::Error::MacCheckFailed) if a machine cheated on anything opened since the last
    /// check; [`Error::BrokenCommitment`](crate::Error::BrokenCommitment) if a holder broke the check's commit-then-reveal;
    /// [`Error::TripleCheckFailed`](crate::Error::TripleCheckFailed) after a failed triple check.
    #[track_caller]
    pub fn reconstruct(&self, machine: &VirtualMachine<F>) -> Result<PrivateScalar<F>> {
        let x = self.h.reconstruct(machine, Location::caller())?[0];
        Ok(PrivateScalar::from_field(x, machine))
    }

    /// Reveals the value to every holder: each broadcasts its share; with MACs on, the
    /// MAC check runs before the value is returned.
    ///
    /// # Errors
    ///
    /// [`Error::MacCheckFailed`](crate::Error::MacCheckFailed) if a machine cheated on anything opened since the last
    /// check; [`Error::BrokenCommitment`](crate::Error::BrokenCommitment) if a holder broke the check's commit-then-reveal;
    /// [`Error::TripleCheckFailed`](crate::Error::TripleCheckFailed) after a failed triple check.
    #[track_caller]
    pub fn open(&self) -> Result<PublicScalar<F>> {
        let x = self.h.open(Location::caller())?[0];
        Ok(PublicScalar::new(x))
    }

    /// Opens the value to every holder *without* a MAC check yet: the check runs, over
    /// this and every other opening, before the next output or [`Simulation::check`].
    /// This is SPDZ's partial opening, for protocols of your own (the tutorial's
    /// playground); open only values masked by fresh randomness.
    ///
    /// # Errors
    ///
    /// [`Error::NotEnoughOnline`](crate::Error::NotEnoughOnline) when too few holders can answer.
    #[track_caller]
    pub fn partial_open(&self) -> Result<PublicScalar<F>> {
        let x = self.h.partial_open(Location::caller())?[0];
        Ok(PublicScalar::new(x))
    }

    /// `self` raised to `exponent` by square and multiply; `x.pow(0)` is a sharing of 1.
    ///
    /// # Panics
    ///
    /// When too few holders are online to multiply; [`try_pow`](Self::try_pow) returns
    /// the error instead.
    #[track_caller]
    pub fn pow(&self, exponent: u32) -> Self {
        or_panic(self.try_pow(exponent))
    }

    /// [`pow`](Self::pow), returning an error instead of panicking.
    #[track_caller]
    pub fn try_pow(&self, exponent: u32) -> Result<Self> {
        let at = Location::caller();
        let mut result: Option<Self> = None;
        let mut square = self.clone();
        let mut e = exponent;
        while e > 0 {
            if e & 1 == 1 {
                result = Some(match result {
                    None => square.clone(),
                    Some(r) => r.mul_at(&square, at)?,
                });
            }
            e >>= 1;
            if e > 0 {
                square = square.mul_at(&square, at)?;
            }
        }
        Ok(result.unwrap_or_else(|| self.affine(F::ZERO, F::ONE)))
    }

    /// `self + other`, or an error when they cannot be combined.
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.h.try_add(&other.h).map(Self::from_handle)
    }

    /// `self - other`, or an error when they cannot be combined.
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.h.try_sub(&other.h).map(Self::from_handle)
    }

    /// `self * other` (Beaver multiplication), or an error when they cannot be combined.
    #[track_caller]
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        self.h.check_operands(&other.h)?;
        self.mul_at(other, Location::caller())
    }

    /// `self * other` for operands already checked, charged to the line `at`.
    fn mul_at(&self, other: &Self, at: &'static Location<'static>) -> Result<Self> {
        let mut w = self.h.sim.world.borrow_mut();
        let z = beaver::multiply(&mut w, self.h.id, other.h.id, self.h.holders, at)?;
        drop(w);
        Ok(Self::from_handle(self.h.with_slot(z)))
    }

    /// The sharing scheme: additive, or Shamir with its threshold.
    pub fn scheme(&self) -> Scheme {
        self.h.sim.world.borrow().holder_sets.scheme(self.h.holders)
    }
}

impl<F: TinyField> SharedValue<F> for SharedScalar<F> {
    fn handle(&self) -> &Handle<F> {
        &self.h
    }
    fn from_handle(h: Handle<F>) -> Self {
        SharedScalar { h }
    }
}

impl<F: TinyField> Clone for SharedScalar<F> {
    /// A copy of the value, with its own (identical) shares.
    fn clone(&self) -> Self {
        SharedScalar { h: self.h.clone() }
    }
}

/// `SharedScalar(#5: alice 1234, bob -1209)`: the value's number, then each holder's share.
impl<F: TinyField> fmt::Display for SharedScalar<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.h.sim.world.borrow();
        let holders = w.names(w.holder_sets.get(self.h.holders));
        let shares = w.store.data(self.h.id);
        write!(f, "SharedScalar(#{}:", w.store.meta(self.h.id).number)?;
        for (i, (name, share)) in holders.iter().zip(shares).enumerate() {
            write!(f, "{} {name} {share}", if i == 0 { "" } else { "," })?;
        }
        write!(f, ")")
    }
}

impl<F: TinyField> fmt::Debug for SharedScalar<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
