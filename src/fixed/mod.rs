//! Fixed-point numbers: reals as integers scaled by 2^f, with the scale tracked by the type.
//!
//! # The math
//!
//! A real x is stored as the integer x̃ = round(x·2^f), with f fractional bits. Addition
//! is exact: x̃ + ỹ is the encoding of x + y. A product x̃·ỹ = (x·y)·2^{2f} carries the scale
//! twice, so every fixed-point multiplication is followed by a truncation by f bits
//! ([`crate::circuits::truncation`]). Probabilistic truncation rounds up with probability
//! equal to the dropped fraction, so each product is off by less than one unit in the last
//! place, 2⁻ᶠ (≈ 1.5·10⁻⁵ for f = 16), and unbiased on average.
//!
//! The declared range k bounds the integer part: values must satisfy |x| < 2^{k−1}, so
//! that x̃ has at most ℓ = k + f bits and a product before truncation at most k + 2f bits;
//! with κ = 40 bits of masking that must stay below the field's 126 (k + 2f + 41 ≤ 126).
//!
//! Every multiplication also multiplies what is already there: a value carries its own
//! error, and x·y has error about |x|·εᵧ + |y|·εₓ + 2⁻ᶠ.

mod compare;
mod ops;
mod shadow;

use std::fmt;

use num_traits::ToPrimitive;

use crate::circuits::truncation::{check_room, trunc_pr};
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::machine::VirtualMachine;
use crate::private::PrivateScalar;
use crate::shared::SharedScalar;
pub use compare::FixedComparand;
pub(crate) use shadow::{BitOutcome, Domain, Outcome, as_bit, judge, judge_bits};

/// The fixed-point format: f fractional bits, integer parts below 2^{k−1} in absolute value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Precision {
    /// Fractional bits f: the unit in the last place is 2⁻ᶠ.
    pub f: u32,
    /// Integer bits k, sign included: values lie in (−2^{k−1}, 2^{k−1}).
    pub k: u32,
}

impl Default for Precision {
    /// f = 16, k = 32: about 4.6 decimal digits after the point, integer parts up to 2³¹.
    fn default() -> Self {
        Precision { f: 16, k: 32 }
    }
}

impl Precision {
    /// [`Error::PrecisionMismatch`] unless both operands use the same format.
    pub(crate) fn must_match(self, other: Precision) -> Result<()> {
        if self != other {
            return Err(Error::PrecisionMismatch {
                left: self,
                right: other,
            });
        }
        Ok(())
    }

    /// Bits of an encoded value, ℓ = k + f.
    pub fn bits(self) -> u32 {
        self.k + self.f
    }

    /// The encoding round(x·2^f), or an error when |x| ≥ 2^{k−1} or x is not finite.
    pub fn encode(self, x: f64) -> Result<i128> {
        let limit = 2f64.powi(self.k as i32 - 1);
        if !x.is_finite() || x.abs() >= limit {
            return Err(Error::FixedOutOfRange {
                value: x.to_string(),
                limit: limit.to_string(),
            });
        }
        Ok((x * 2f64.powi(self.f as i32)).round() as i128)
    }

    /// The real number an encoded field element stands for.
    pub fn decode<F: TinyField>(self, x: F) -> f64 {
        integer(x) / 2f64.powi(self.f as i32)
    }
}

/// A real number known to one machine, in fixed point.
#[derive(Clone)]
pub struct PrivateFixed<F: TinyField = DefaultField> {
    value: PrivateScalar<F>,
    precision: Precision,
    /// The number as given, before rounding to f bits (for the shadow).
    exact: f64,
}

impl<F: TinyField> PrivateFixed<F> {
    /// `x` owned by `owner`, with the default precision (f = 16, k = 32).
    ///
    /// # Panics
    ///
    /// If |x| ≥ 2³¹ or x is not finite; [`try_new`](Self::try_new) returns the error.
    #[track_caller]
    pub fn new(x: f64, owner: &VirtualMachine<F>) -> Self {
        or_panic(Self::try_new(x, owner))
    }

    /// [`new`](Self::new), returning an error instead of panicking.
    pub fn try_new(x: f64, owner: &VirtualMachine<F>) -> Result<Self> {
        Self::with_precision(x, owner, Precision::default())
    }

    /// `x` owned by `owner` with the given precision.
    ///
    /// # Errors
    ///
    /// [`Error::FixedOutOfRange`] if |x| ≥ 2^{k−1}; [`Error::FieldTooSmall`] if the
    /// field cannot hold products of this precision with masking.
    pub fn with_precision(x: f64, owner: &VirtualMachine<F>, precision: Precision) -> Result<Self> {
        check_room::<F>(precision.bits() + precision.f)?;
        let value = PrivateScalar::try_new(precision.encode(x)?, owner)?;
        Ok(PrivateFixed {
            value,
            precision,
            exact: x,
        })
    }

    /// The number (as closely as f fractional bits allow).
    pub fn value(&self) -> f64 {
        self.precision.decode(self.value.field_value())
    }

    /// Shares the number among its owner and `others`, as [`PrivateScalar::share`].
    ///
    /// # Panics
    ///
    /// As [`PrivateScalar::share`].
    #[track_caller]
    pub fn share(&self, others: &[&VirtualMachine<F>]) -> SharedFixed<F> {
        self.shared(self.value.share(others))
    }

    /// Shares the number among exactly `holders`, as [`PrivateScalar::share_among`].
    ///
    /// # Panics
    ///
    /// As [`PrivateScalar::share_among`].
    #[track_caller]
    pub fn share_among(&self, holders: &[&VirtualMachine<F>]) -> SharedFixed<F> {
        self.shared(self.value.share_among(holders))
    }

    /// Shares with Shamir's scheme, as [`PrivateScalar::share_threshold`].
    ///
    /// # Panics
    ///
    /// As [`PrivateScalar::share_threshold`].
    #[track_caller]
    pub fn share_threshold(&self, holders: &[&VirtualMachine<F>], t: usize) -> SharedFixed<F> {
        self.shared(self.value.share_threshold(holders, t))
    }

    /// The sharing as a fixed-point number, followed by the shadow from the number given.
    #[track_caller]
    fn shared(&self, value: SharedScalar<F>) -> SharedFixed<F> {
        let exact = self.exact;
        SharedFixed::untracked(value, self.precision).follow("share", [], |[]| exact, Domain::All)
    }
}

impl<F: TinyField> fmt::Debug for PrivateFixed<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<F: TinyField> fmt::Display for PrivateFixed<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PrivateFixed({}, '{}')",
            self.value(),
            self.value.owner().name()
        )
    }
}

/// A shared real number in fixed point.
///
/// | expression | cost |
/// |---|---|
/// | `x + y`, `x - y`, `-x`, `x + 1.5`, `2.0 - x`, `x + 3` | free |
/// | `x * 3`, `3 * x` (integers) | free |
/// | `x * y`, `x * 0.5`, `0.5 * x`, `x / 4.0` | a multiplication (for `x * y`) and a probabilistic truncation |
/// | `x * n` for a shared integer n ([`mul_integer`](Self::mul_integer)) | a multiplication |
/// | `x.less_than(&y)`, `x.less_than(0.5)`, `x.relu()`, … | a comparison of ℓ = k + f + 1 bits |
/// | `x / y`, `x.sqrt()`, `x.sigmoid()`, … | see [`crate::math`] |
///
/// `x` and `y` may be owned or borrowed. Products are rounded probabilistically: see the
/// [module docs](crate::fixed) for the error this implies.
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
    value: SharedScalar<F>,
    precision: Precision,
    /// The exact number this stands for, in a simulation with a shadow.
    exact: Option<f64>,
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

    pub(crate) fn check(&self, other: &Self) -> Result<()> {
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

    /// `self + other`, or an error when they cannot be combined.
    #[track_caller]
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        let sum = self.same(self.value.try_add(&other.value)?);
        Ok(sum.follow("+", [self, other], |[x, y]| x + y, Domain::All))
    }

    /// `self - other`, or an error when they cannot be combined.
    #[track_caller]
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        let difference = self.same(self.value.try_sub(&other.value)?);
        Ok(difference.follow("−", [self, other], |[x, y]| x - y, Domain::All))
    }

    /// `self * other`: a Beaver multiplication and a probabilistic truncation by f bits.
    #[track_caller]
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        let product = self.truncated(self.value.try_mul(&other.value)?)?;
        Ok(product.follow("×", [self, other], |[x, y]| x * y, Domain::All))
    }

    /// `self * n` for a shared integer n: one multiplication, no truncation.
    ///
    /// # Panics
    ///
    /// As `SharedScalar`'s `*`.
    #[track_caller]
    pub fn mul_integer(&self, n: &SharedScalar<F>) -> Self {
        let product = self.same(&self.value * n);
        product.follow("×", [self], |[x]| x * integer(n.peek()), Domain::All)
    }

    /// `self + n` for a shared integer n: n·2^f is added, locally.
    #[track_caller]
    pub fn add_integer(&self, n: &SharedScalar<F>) -> Self {
        let sum = self.same(&self.value + &(n * scale::<F>(self.precision)));
        sum.follow("+", [self], |[x]| x + integer(n.peek()), Domain::All)
    }

    /// `self / d` for a public d ≠ 0: a multiplication by c = round(2ˢ/d) and a
    /// truncation by s bits. s = f for |d| < 1; for 2^{e−1} ≤ |d| < 2^e with e ≥ 1,
    /// s = f + e − 1, so that c has f significant bits however large d is (1/d is never
    /// rounded to f fractional bits), and the product stays within ℓ + f bits. s shrinks
    /// while c is even, so a power of two divides by a shift as it would with s = f.
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] for d = 0; [`Error::DivisorTooSmall`] when 1/d does not
    /// fit the format (|d| ≤ 2^{−(k−1)}); [`Error::FixedOutOfRange`] when d is infinite
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
        let (c, s) = ops::public_divisor(d, p);
        let scaled = &self.value * F::from_i128(c);
        let quotient = self.same(trunc_pr(&scaled, p.bits() + p.f, s)?);
        Ok(quotient.follow("÷", [self], |[x]| x / d, Domain::All))
    }

    /// Truncates a value with scale 2^{2f} back to 2^f.
    #[track_caller]
    fn truncated(&self, product: SharedScalar<F>) -> Result<Self> {
        let p = self.precision;
        Ok(self.same(trunc_pr(&product, p.bits() + p.f, p.f)?))
    }
}

/// A field element as the signed integer it encodes, in `f64`.
fn integer<F: TinyField>(x: F) -> f64 {
    x.to_bigint().to_f64().unwrap_or(f64::NAN)
}

/// 2^f as a field element.
fn scale<F: TinyField>(p: Precision) -> F {
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
