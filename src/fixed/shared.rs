//! [`SharedFixed`]: a shared real number in fixed point, and its core arithmetic.

use std::fmt;

use super::precision::{Precision, integer, public_divisor};
use super::shadow::Domain;
use crate::circuits::division::floor_div;
use crate::circuits::truncation::trunc_pr;
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::machine::VirtualMachine;
use crate::scalar::shared::SharedScalar;

/// A shared real number in fixed point.
///
/// | expression | cost |
/// |---|---|
/// | `x + y`, `x - y`, `-x`, `x + 1.5`, `2.0 - x`, `x + 3`, `3 - x` | free |
/// | `x * 3`, `3 * x` (`i32`) | free |
/// | `x * y`, `x * 0.5`, `0.5 * x`, `x / 4.0` | a multiplication (for `x * y`) and a probabilistic truncation |
/// | `x / 5` (`i32`, exact when the quotient is representable) | two truncations and three narrow comparisons |
/// | `x * n` for a shared integer n ([`mul_integer`](Self::mul_integer)) | a multiplication |
/// | `xs.iter().sum()`, `xs.iter().product()`, [`try_sum`](Self::try_sum), [`try_product`](Self::try_product) | free; a multiplication and a truncation per factor after the first |
/// | `x.less_than(&y)`, `x.less_than(0.5)`, `x.relu()`, … | a comparison of ℓ = k + f + 1 bits |
/// | `x / y`, `x.sqrt()`, `x.sigmoid()`, … | see [`crate::math`] |
///
/// `x` and `y` may be owned or borrowed; a constant is an `f64` or an `i32`, on either
/// side (an integer of another type converts with `as f64`). Products are rounded
/// probabilistically: see the [module docs](crate::fixed) for the error this implies.
///
/// # Panics
///
/// Operators panic when the operands have different precisions or holders, or a constant
/// is NaN, infinite or out of range; the named twins return the error instead:
/// [`try_add`](Self::try_add), [`try_sub`](Self::try_sub), [`try_mul`](Self::try_mul),
/// [`try_add_public`](Self::try_add_public) (`x + k`, `k + x`),
/// [`try_sub_public`](Self::try_sub_public) (`x - k`),
/// [`try_sub_from_public`](Self::try_sub_from_public) (`k - x`),
/// [`try_mul_public`](Self::try_mul_public) (`x * k`, `k * x`),
/// [`try_div`](Self::try_div), [`try_div_public`](Self::try_div_public) (`x / 4.0`) and
/// [`try_div_integer`](Self::try_div_integer) (`x / 5`).
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(1);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateFixed::new(1.5, &alice).share(&[&bob]);
/// let y = PrivateFixed::new(-2.25, &bob).share(&[&alice]);
/// let z = &x * &y + 0.5;
/// assert!((z.open()? - (-2.875)).abs() < 1e-4);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub struct SharedFixed<F: TinyField = DefaultField> {
    pub(super) value: SharedScalar<F>,
    pub(super) precision: Precision,
    /// The exact number this stands for, in a simulation with a shadow.
    pub(super) exact: Option<f64>,
}

impl<F: TinyField> SharedFixed<F> {
    /// The shared integer x̃ = round(x·2^f) behind the number.
    pub fn encoded(&self) -> &SharedScalar<F> {
        &self.value
    }

    /// The format.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Reveals the number to every holder (after a MAC check).
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::open`].
    #[track_caller]
    pub fn open(&self) -> Result<f64> {
        Ok(self.precision.decode(self.value.open()?.field_value()))
    }

    /// Delivers the number to `machine` only.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::reconstruct`].
    #[track_caller]
    pub fn reconstruct(&self, machine: &VirtualMachine<F>) -> Result<f64> {
        Ok(self
            .precision
            .decode(self.value.reconstruct(machine)?.field_value()))
    }

    pub(crate) fn check_operands(&self, other: &Self) -> Result<()> {
        self.precision.must_match(other.precision)
    }

    pub(crate) fn untracked(value: SharedScalar<F>, precision: Precision) -> Self {
        SharedFixed {
            value,
            precision,
            exact: None,
        }
    }

    /// A value of the same format, without a shadow (the steps inside an operation).
    pub(crate) fn same(&self, value: SharedScalar<F>) -> Self {
        Self::untracked(value, self.precision)
    }

    /// `self * n` for a shared integer n: one multiplication, no truncation.
    ///
    /// # Panics
    ///
    /// As `SharedScalar`'s `*`; [`try_mul_integer`](Self::try_mul_integer) returns the
    /// error instead.
    #[track_caller]
    pub fn mul_integer(&self, n: &SharedScalar<F>) -> Self {
        or_panic(self.try_mul_integer(n))
    }

    /// [`mul_integer`](Self::mul_integer), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::try_mul`].
    #[track_caller]
    pub fn try_mul_integer(&self, n: &SharedScalar<F>) -> Result<Self> {
        let product = self.same(self.value.try_mul(n)?);
        Ok(product.follow("×", [self], |[x]| x * integer(n.peek()), Domain::All))
    }

    /// `self + n` for a shared integer n: n·2^f is added, locally.
    ///
    /// # Panics
    ///
    /// As `SharedScalar`'s `+`; [`try_add_integer`](Self::try_add_integer) returns the
    /// error instead.
    #[track_caller]
    pub fn add_integer(&self, n: &SharedScalar<F>) -> Self {
        or_panic(self.try_add_integer(n))
    }

    /// [`add_integer`](Self::add_integer), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// As [`SharedScalar::try_add`].
    #[track_caller]
    pub fn try_add_integer(&self, n: &SharedScalar<F>) -> Result<Self> {
        let sum = self.same(self.value.try_add(&(n * scale::<F>(self.precision)))?);
        Ok(sum.follow("+", [self], |[x]| x + integer(n.peek()), Domain::All))
    }

    /// `self / d` for a public d ≠ 0: a multiplication by c = round(2ˢ/d) and a
    /// truncation by s bits. s = f for |d| < 1; for 2<sup>e−1</sup> ≤ |d| < 2^e with e ≥ 1,
    /// s = f + e − 1, so that c has f significant bits however large d is (1/d is never
    /// rounded to f fractional bits), and the product stays within ℓ + f bits. s shrinks
    /// while c is even, so a power of two divides by a shift as it would with s = f.
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] for d = 0; [`Error::DivisorTooSmall`] when 1/d does not
    /// fit the format (|d| ≤ 2<sup>−(k−1)</sup>); [`Error::FixedOutOfRange`] when d is infinite
    /// or not a number.
    #[track_caller]
    pub fn try_div_public(&self, d: f64) -> Result<Self> {
        let p = self.precision;
        if !d.is_finite() {
            return Err(Error::FixedOutOfRange {
                value: d.to_string(),
                limit: "a finite number".to_string(),
            });
        }
        if d == 0.0 {
            return Err(Error::DivisionByZero);
        }
        if p.encode(1.0 / d).is_err() {
            let smallest = (-(f64::from(p.k) - 1.0)).exp2();
            return Err(Error::DivisorTooSmall {
                divisor: d.to_string(),
                smallest: smallest.to_string(),
            });
        }
        let (c, s) = public_divisor(d, p);
        let scaled = &self.value * F::from_i128(c);
        let quotient = self.same(trunc_pr(&scaled, p.bits() + p.f, s)?);
        Ok(quotient.follow("÷", [self], |[x]| x / d, Domain::All))
    }

    /// `self / d` for a public integer d ≠ 0, rounded down to the unit in the last place
    /// (2⁻ᶠ), and so exact whenever the quotient is representable: the average of five
    /// salaries that add up to 258,000 is 51,600, not 51,599.99. Costs two probabilistic
    /// truncations and three comparisons a few bits wide
    /// ([`crate::circuits::division`]); `x / 5.0` is cheaper (one truncation) and off by up
    /// to a unit in the last place.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(1);
    /// let machines = sim.new_machines(["alice", "bob", "carol"]);
    /// let salaries = [48_000.0, 51_000.0, 52_500.0, 55_000.0, 51_500.0];
    /// let total: SharedFixed = salaries
    ///     .iter()
    ///     .map(|&s| PrivateFixed::new(s, &machines[0]).share_among(&machines))
    ///     .sum();
    /// let average = (&total / 5).reconstruct(&machines[0])?;
    /// assert_eq!(average, 51_600.0);
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] for d = 0; [`Error::FieldTooSmall`] in a field without
    /// room for the truncations (as for `x * y`).
    #[track_caller]
    pub fn try_div_integer(&self, d: i32) -> Result<Self> {
        let p = self.precision;
        let value = match d < 0 {
            true => -&self.value,
            false => self.value.clone(),
        };
        let quotient = floor_div(&value, p.bits(), u64::from(d.unsigned_abs()))?;
        let quotient = self.same(quotient);
        Ok(quotient.follow("÷", [self], |[x]| x / f64::from(d), Domain::All))
    }

    /// Truncates a value with scale 2<sup>2f</sup> back to 2^f.
    #[track_caller]
    pub(super) fn truncated(&self, product: SharedScalar<F>) -> Result<Self> {
        let p = self.precision;
        Ok(self.same(trunc_pr(&product, p.bits() + p.f, p.f)?))
    }
}

/// 2^f as a field element.
pub(super) fn scale<F: TinyField>(p: Precision) -> F {
    F::from_u128(1u128 << p.f)
}

impl<F: TinyField> Clone for SharedFixed<F> {
    fn clone(&self) -> Self {
        SharedFixed {
            exact: self.exact,
            ..self.same(self.value.clone())
        }
    }
}

impl<F: TinyField> fmt::Display for SharedFixed<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SharedFixed{}",
            self.value.to_string().trim_start_matches("SharedScalar")
        )
    }
}

impl<F: TinyField> fmt::Debug for SharedFixed<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
