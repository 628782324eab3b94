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

use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};

use crate::bit::SharedBit;
use crate::circuits::comparison::{eqz, ltz};
use crate::circuits::truncation::{check_room, trunc_pr};
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::machine::VirtualMachine;
use crate::private::PrivateScalar;
use crate::shared::SharedScalar;

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
        let v = x.to_bigint();
        let v: f64 = v.to_string().parse().unwrap_or(f64::NAN);
        v / 2f64.powi(self.f as i32)
    }
}

/// A real number known to one machine, in fixed point.
#[derive(Clone)]
pub struct PrivateFixed<F: TinyField = DefaultField> {
    value: PrivateScalar<F>,
    precision: Precision,
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
        Ok(PrivateFixed { value, precision })
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
        SharedFixed {
            value: self.value.share(others),
            precision: self.precision,
        }
    }

    /// Shares the number among exactly `holders`, as [`PrivateScalar::share_among`].
    ///
    /// # Panics
    ///
    /// As [`PrivateScalar::share_among`].
    #[track_caller]
    pub fn share_among(&self, holders: &[&VirtualMachine<F>]) -> SharedFixed<F> {
        SharedFixed {
            value: self.value.share_among(holders),
            precision: self.precision,
        }
    }

    /// Shares with Shamir's scheme, as [`PrivateScalar::share_threshold`].
    ///
    /// # Panics
    ///
    /// As [`PrivateScalar::share_threshold`].
    #[track_caller]
    pub fn share_threshold(&self, holders: &[&VirtualMachine<F>], t: usize) -> SharedFixed<F> {
        SharedFixed {
            value: self.value.share_threshold(holders, t),
            precision: self.precision,
        }
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
/// | `x.less_than(&y)`, `x.relu()`, … | a comparison of ℓ = k + f + 1 bits |
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

    fn check(&self, other: &Self) -> Result<()> {
        if self.precision != other.precision {
            return Err(Error::PrecisionMismatch {
                left: self.precision,
                right: other.precision,
            });
        }
        Ok(())
    }

    pub(crate) fn same(&self, value: SharedScalar<F>) -> Self {
        SharedFixed {
            value,
            precision: self.precision,
        }
    }

    /// `self + other`, or an error when they cannot be combined.
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        Ok(self.same(self.value.try_add(&other.value)?))
    }

    /// `self - other`, or an error when they cannot be combined.
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        Ok(self.same(self.value.try_sub(&other.value)?))
    }

    /// `self * other`: a Beaver multiplication and a probabilistic truncation by f bits.
    #[track_caller]
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        self.truncated(self.value.try_mul(&other.value)?)
    }

    /// `self * n` for a shared integer n: one multiplication, no truncation.
    ///
    /// # Panics
    ///
    /// As `SharedScalar`'s `*`.
    #[track_caller]
    pub fn mul_integer(&self, n: &SharedScalar<F>) -> Self {
        self.same(&self.value * n)
    }

    /// `self + n` for a shared integer n: n·2^f is added, locally.
    pub fn add_integer(&self, n: &SharedScalar<F>) -> Self {
        self.same(&self.value + &(n * scale::<F>(self.precision)))
    }

    /// `self / d` for a public d ≠ 0: a multiplication by the encoding of 1/d and a
    /// truncation (so 1/d itself is rounded to f bits).
    ///
    /// # Errors
    ///
    /// [`Error::FixedOutOfRange`] when 1/d does not fit.
    #[track_caller]
    pub fn try_div_public(&self, d: f64) -> Result<Self> {
        let inverse = self.precision.encode(1.0 / d)?;
        self.truncated(&self.value * F::from_i128(inverse))
    }

    /// Truncates a value with scale 2^{2f} back to 2^f.
    #[track_caller]
    fn truncated(&self, product: SharedScalar<F>) -> Result<Self> {
        let p = self.precision;
        Ok(self.same(trunc_pr(&product, p.bits() + p.f, p.f)?))
    }

    /// `[self < other]` as a shared bit (ℓ = k + f + 1 bits: correct for any two values
    /// in range).
    ///
    /// # Panics
    ///
    /// As [`SharedScalar::less_than`]; [`try_less_than`](Self::try_less_than) returns the
    /// error.
    #[track_caller]
    pub fn less_than(&self, other: &Self) -> SharedBit<F> {
        or_panic(self.try_less_than(other))
    }

    /// [`less_than`](Self::less_than), returning an error instead of panicking.
    #[track_caller]
    pub fn try_less_than(&self, other: &Self) -> Result<SharedBit<F>> {
        Ok(SharedBit::from_scalar(ltz(
            &self.try_sub(other)?.value,
            self.precision.bits() + 1,
        )?))
    }

    /// `[self > other]` as a shared bit.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn greater_than(&self, other: &Self) -> SharedBit<F> {
        other.less_than(self)
    }

    /// `[self = other]` as a shared bit.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn equals(&self, other: &Self) -> SharedBit<F> {
        let d = or_panic(self.try_sub(other));
        SharedBit::from_scalar(or_panic(eqz(&d.value, self.precision.bits() + 1)))
    }

    /// `[self < 0]` as a shared bit.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn is_negative(&self) -> SharedBit<F> {
        SharedBit::from_scalar(or_panic(ltz(&self.value, self.precision.bits() + 1)))
    }

    /// `if bit { yes } else { no }` on shares.
    ///
    /// # Panics
    ///
    /// As [`SharedBit::select`].
    #[track_caller]
    pub fn select(bit: &SharedBit<F>, yes: &Self, no: &Self) -> Self {
        yes.same(bit.select(&yes.value, &no.value))
    }

    /// max(self, 0).
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn relu(&self) -> Self {
        let negative = self.is_negative();
        self.same(or_panic((1 - negative.as_scalar()).try_mul(&self.value)))
    }

    /// |self|.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn abs(&self) -> Self {
        let negative = self.is_negative();
        self.same(&self.value - &(or_panic(negative.as_scalar().try_mul(&self.value)) * 2))
    }

    /// The smaller of the two.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn min(&self, other: &Self) -> Self {
        Self::select(&self.less_than(other), self, other)
    }

    /// The larger of the two.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than).
    #[track_caller]
    pub fn max(&self, other: &Self) -> Self {
        Self::select(&self.less_than(other), other, self)
    }
}

/// 2^f as a field element.
fn scale<F: TinyField>(p: Precision) -> F {
    F::from_u128(1u128 << p.f)
}

impl<F: TinyField> Clone for SharedFixed<F> {
    fn clone(&self) -> Self {
        self.same(self.value.clone())
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

/// Shared ± shared and shared × shared, every owned/borrowed combination.
macro_rules! fixed_binary {
    ($tr:ident, $m:ident, $try:ident) => {
        impl<F: TinyField> $tr<&SharedFixed<F>> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn $m(self, rhs: &SharedFixed<F>) -> SharedFixed<F> {
                or_panic(self.$try(rhs))
            }
        }
        impl<F: TinyField> $tr<SharedFixed<F>> for SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn $m(self, rhs: SharedFixed<F>) -> SharedFixed<F> {
                (&self).$m(&rhs)
            }
        }
        impl<F: TinyField> $tr<&SharedFixed<F>> for SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn $m(self, rhs: &SharedFixed<F>) -> SharedFixed<F> {
                (&self).$m(rhs)
            }
        }
        impl<F: TinyField> $tr<SharedFixed<F>> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn $m(self, rhs: SharedFixed<F>) -> SharedFixed<F> {
                self.$m(&rhs)
            }
        }
    };
}
fixed_binary!(Add, add, try_add);
fixed_binary!(Sub, sub, try_sub);
fixed_binary!(Mul, mul, try_mul);

impl<F: TinyField> Neg for &SharedFixed<F> {
    type Output = SharedFixed<F>;
    fn neg(self) -> SharedFixed<F> {
        self.same(-&self.value)
    }
}

impl<F: TinyField> Neg for SharedFixed<F> {
    type Output = SharedFixed<F>;
    fn neg(self) -> SharedFixed<F> {
        -&self
    }
}

/// Public constants: `f64` (encoded, so `*` and `/` truncate) and `i32` (exact).
macro_rules! fixed_constant {
    (Constant = $k:ty, add = $add:expr, mul = $mul:expr) => {
        impl<F: TinyField> Add<$k> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn add(self, k: $k) -> SharedFixed<F> {
                self.same(&self.value + or_panic(($add)(self.precision, k)))
            }
        }
        impl<F: TinyField> Sub<$k> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn sub(self, k: $k) -> SharedFixed<F> {
                self.same(&self.value - or_panic(($add)(self.precision, k)))
            }
        }
        impl<F: TinyField> Mul<$k> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn mul(self, k: $k) -> SharedFixed<F> {
                or_panic(($mul)(self, k))
            }
        }
        impl<F: TinyField> Add<&SharedFixed<F>> for $k {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn add(self, x: &SharedFixed<F>) -> SharedFixed<F> {
                x + self
            }
        }
        impl<F: TinyField> Sub<&SharedFixed<F>> for $k {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn sub(self, x: &SharedFixed<F>) -> SharedFixed<F> {
                &(-x) + self
            }
        }
        impl<F: TinyField> Mul<&SharedFixed<F>> for $k {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn mul(self, x: &SharedFixed<F>) -> SharedFixed<F> {
                x * self
            }
        }
        impl<F: TinyField> Add<$k> for SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn add(self, k: $k) -> SharedFixed<F> {
                &self + k
            }
        }
        impl<F: TinyField> Sub<$k> for SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn sub(self, k: $k) -> SharedFixed<F> {
                &self - k
            }
        }
        impl<F: TinyField> Mul<$k> for SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn mul(self, k: $k) -> SharedFixed<F> {
                &self * k
            }
        }
        impl<F: TinyField> Add<SharedFixed<F>> for $k {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn add(self, x: SharedFixed<F>) -> SharedFixed<F> {
                &x + self
            }
        }
        impl<F: TinyField> Sub<SharedFixed<F>> for $k {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn sub(self, x: SharedFixed<F>) -> SharedFixed<F> {
                self - &x
            }
        }
        impl<F: TinyField> Mul<SharedFixed<F>> for $k {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn mul(self, x: SharedFixed<F>) -> SharedFixed<F> {
                &x * self
            }
        }
    };
}
fixed_constant!(
    Constant = f64,
    add = |p: Precision, k: f64| p.encode(k).map(F::from_i128),
    mul = |x: &SharedFixed<F>, k: f64| {
        let encoded = x.precision.encode(k)?;
        x.truncated(&x.value * F::from_i128(encoded))
    }
);
fixed_constant!(
    Constant = i32,
    add = |p: Precision, k: i32| p.encode(f64::from(k)).map(F::from_i128),
    mul = |x: &SharedFixed<F>, k: i32| Ok::<_, Error>(x.same(&x.value * k))
);

/// `x / y` for a shared divisor: see [`SharedFixed::try_div`].
///
/// # Panics
///
/// As [`SharedFixed::reciprocal`].
impl<F: TinyField> Div<&SharedFixed<F>> for &SharedFixed<F> {
    type Output = SharedFixed<F>;
    #[track_caller]
    fn div(self, y: &SharedFixed<F>) -> SharedFixed<F> {
        or_panic(self.try_div(y))
    }
}

/// `x / d` for a public `f64` d: see [`SharedFixed::try_div_public`].
impl<F: TinyField> Div<f64> for &SharedFixed<F> {
    type Output = SharedFixed<F>;
    #[track_caller]
    fn div(self, d: f64) -> SharedFixed<F> {
        or_panic(self.try_div_public(d))
    }
}

/// `x / d` for a public `f64` d.
impl<F: TinyField> Div<f64> for SharedFixed<F> {
    type Output = SharedFixed<F>;
    #[track_caller]
    fn div(self, d: f64) -> SharedFixed<F> {
        &self / d
    }
}
