//! Shared bits: the results of comparisons, 0 or 1, that nobody sees.

use std::fmt;
use std::ops::{BitAnd, BitOr, BitXor, Not};

use crate::error::{Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::machine::VirtualMachine;
use crate::scalar::shared::SharedScalar;

/// A secret bit, 0 or 1, shared like any [`SharedScalar`]: the result of a comparison.
///
/// It is deliberately not a `bool`: `if x.less_than(&y) { … }` does not compile, because
/// no machine knows the bit. Use it obliviously instead, with
/// [`SharedScalar::select`] (`if b { x } else { y }` computed on shares), in arithmetic through
/// [`as_scalar`](Self::as_scalar), or combine bits with `!`, `&`, `|` and `^`. Reveal it
/// with [`open`](Self::open) or [`reconstruct`](Self::reconstruct).
///
/// | expression | protocol | cost |
/// |---|---|---|
/// | `!b` | 1 − b, local | free |
/// | `a & b` | a·b | 1 triple |
/// | `a \| b` | a + b − a·b | 1 triple |
/// | `a ^ b` | a + b − 2·a·b | 1 triple |
/// | `SharedScalar::select(&b, &x, &y)` | y + b·(x − y) | 1 triple |
///
/// The operands are borrowed (`&a & &b`). `&`, `|` and `^` panic when the bits are held
/// by different machines or too few holders answer; [`try_and`](Self::try_and),
/// [`try_or`](Self::try_or) and [`try_xor`](Self::try_xor) return the error instead.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(1);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateScalar::new(3, &alice).share(&[&bob]);
/// let y = PrivateScalar::new(8, &bob).share(&[&alice]);
/// let smaller = x.less_than(&y);                 // a SharedBit: nobody knows it
/// let min = SharedScalar::select(&smaller, &x, &y); // if x < y { x } else { y }, obliviously
/// assert_eq!(min.reconstruct(&alice)?, 3);
/// assert!(smaller.open()?);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub struct SharedBit<F: TinyField = DefaultField> {
    bit: SharedScalar<F>,
}

impl<F: TinyField> SharedBit<F> {
    /// Wraps a shared value the caller knows to be 0 or 1.
    pub(crate) fn from_scalar(bit: SharedScalar<F>) -> Self {
        SharedBit { bit }
    }

    /// The bit as a shared 0 or 1, for arithmetic.
    pub fn as_scalar(&self) -> &SharedScalar<F> {
        &self.bit
    }

    /// The bit as a shared 0 or 1.
    pub fn into_scalar(self) -> SharedScalar<F> {
        self.bit
    }

    /// Reveals the bit to every holder (after a MAC check).
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::open`].
    #[track_caller]
    pub fn open(&self) -> Result<bool> {
        Ok(self.bit.open()?.field_value() == F::ONE)
    }

    /// Delivers the bit to `machine` only.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::reconstruct`].
    #[track_caller]
    pub fn reconstruct(&self, machine: &VirtualMachine<F>) -> Result<bool> {
        Ok(self.bit.reconstruct(machine)?.field_value() == F::ONE)
    }

    /// `self & other` = a·b.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::try_mul`].
    #[track_caller]
    pub fn try_and(&self, other: &Self) -> Result<Self> {
        self.try_combine(other, |_, _, ab| ab)
    }

    /// `self | other` = a + b − a·b.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::try_mul`].
    #[track_caller]
    pub fn try_or(&self, other: &Self) -> Result<Self> {
        self.try_combine(other, |a, b, ab| &(a + b) - &ab)
    }

    /// `self ^ other` = a + b − 2·a·b.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::try_mul`].
    #[track_caller]
    pub fn try_xor(&self, other: &Self) -> Result<Self> {
        self.try_combine(other, |a, b, ab| &(a + b) - &(ab * 2))
    }

    /// f(a, b, a·b) for the bits a and b: one multiplication (after which a and b are
    /// known to be held alike, so f's local steps cannot fail).
    #[track_caller]
    fn try_combine(
        &self,
        other: &Self,
        f: impl FnOnce(&SharedScalar<F>, &SharedScalar<F>, SharedScalar<F>) -> SharedScalar<F>,
    ) -> Result<Self> {
        let (a, b) = (&self.bit, &other.bit);
        let product = a.try_mul(b)?;
        Ok(SharedBit::from_scalar(f(a, b, product)))
    }
}

impl<F: TinyField> Clone for SharedBit<F> {
    fn clone(&self) -> Self {
        SharedBit::from_scalar(self.bit.clone())
    }
}

impl<F: TinyField> fmt::Display for SharedBit<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SharedBit{}",
            self.bit.to_string().trim_start_matches("SharedScalar")
        )
    }
}

impl<F: TinyField> fmt::Debug for SharedBit<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// `!b` = 1 − b.
impl<F: TinyField> Not for &SharedBit<F> {
    type Output = SharedBit<F>;
    #[track_caller]
    fn not(self) -> SharedBit<F> {
        SharedBit::from_scalar(1 - &self.bit)
    }
}

/// `a & b` = a·b.
///
/// # Panics
///
/// As `SharedScalar`'s `*`; [`SharedBit::try_and`] returns the error instead.
impl<F: TinyField> BitAnd for &SharedBit<F> {
    type Output = SharedBit<F>;
    #[track_caller]
    fn bitand(self, other: &SharedBit<F>) -> SharedBit<F> {
        or_panic(self.try_and(other))
    }
}

/// `a | b` = a + b − a·b.
///
/// # Panics
///
/// As `SharedScalar`'s `*`; [`SharedBit::try_or`] returns the error instead.
impl<F: TinyField> BitOr for &SharedBit<F> {
    type Output = SharedBit<F>;
    #[track_caller]
    fn bitor(self, other: &SharedBit<F>) -> SharedBit<F> {
        or_panic(self.try_or(other))
    }
}

/// `a ^ b` = a + b − 2·a·b.
///
/// # Panics
///
/// As `SharedScalar`'s `*`; [`SharedBit::try_xor`] returns the error instead.
impl<F: TinyField> BitXor for &SharedBit<F> {
    type Output = SharedBit<F>;
    #[track_caller]
    fn bitxor(self, other: &SharedBit<F>) -> SharedBit<F> {
        or_panic(self.try_xor(other))
    }
}
