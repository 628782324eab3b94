//! Fixed-point vectors: reals in fixed point (see [`crate::fixed`]), shared lane by lane.
//!
//! Every product is truncated by f bits with one vectorized probabilistic truncation, so
//! `x * y` costs n triples and two rounds (the product's, the truncation's opening)
//! however long the vectors. A dot product truncates once, after the sum.

use std::ops::{Add, Mul, Sub};

use super::{PrivateVector, SharedVector};
use crate::circuits::comparison::ltz;
use crate::circuits::truncation::{check_room, trunc_pr};
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::fixed::{Precision, SharedFixed};
use crate::machine::VirtualMachine;

/// Reals known to one machine, in fixed point, to be shared as a [`SharedFixedVector`].
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(2);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateFixedVector::new([0.5, -1.25, 3.0], &alice).share(&[&bob]);
/// let y = PrivateFixedVector::new([2.0, 4.0, 0.1], &bob).share(&[&alice]);
/// let z = &(&x * &y) + 1.0;
/// let close = |a: f64, b: f64| (a - b).abs() < 1e-3;
/// let got = z.open()?;
/// assert!(close(got[0], 2.0) && close(got[1], -4.0) && close(got[2], 1.3));
/// assert!(close(x.dot(&y).open()?, -3.7));
/// assert_eq!(x.less_than(0.0).open()?, [0, 1, 0]);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub struct PrivateFixedVector<F: TinyField = DefaultField> {
    value: PrivateVector<F>,
    precision: Precision,
}

impl<F: TinyField> PrivateFixedVector<F> {
    /// `values` owned by `owner`, with the default precision (f = 16, k = 32).
    ///
    /// # Panics
    ///
    /// When a value is out of range; [`with_precision`](Self::with_precision) returns the
    /// error instead.
    #[track_caller]
    pub fn new(values: impl IntoIterator<Item = f64>, owner: &VirtualMachine<F>) -> Self {
        or_panic(Self::with_precision(values, owner, Precision::default()))
    }

    /// `values` owned by `owner` with the given precision.
    ///
    /// # Errors
    ///
    /// [`Error::FixedOutOfRange`] if some |x| ≥ 2^{k−1}; [`Error::FieldTooSmall`] if the
    /// field cannot hold products of this precision with masking.
    pub fn with_precision(
        values: impl IntoIterator<Item = f64>,
        owner: &VirtualMachine<F>,
        precision: Precision,
    ) -> Result<Self> {
        check_room::<F>(precision.bits() + precision.f)?;
        let encoded = values
            .into_iter()
            .map(|x| precision.encode(x))
            .collect::<Result<Vec<i128>>>()?;
        Ok(PrivateFixedVector {
            value: PrivateVector::try_new(encoded, owner)?,
            precision,
        })
    }

    /// The numbers (as closely as f fractional bits allow).
    pub fn values(&self) -> Vec<f64> {
        decode_all(self.precision, &self.value.field_values())
    }

    /// Shares the numbers among the owner and `others`, as [`PrivateVector::share`].
    ///
    /// # Panics
    ///
    /// As [`PrivateVector::share`].
    #[track_caller]
    pub fn share(&self, others: &[&VirtualMachine<F>]) -> SharedFixedVector<F> {
        SharedFixedVector::new(self.value.share(others), self.precision)
    }
}

fn decode_all<F: TinyField>(precision: Precision, values: &[F]) -> Vec<f64> {
    values.iter().map(|&v| precision.decode(v)).collect()
}

/// Reals in fixed point, shared lane by lane.
///
/// | expression | meaning | cost |
/// |---|---|---|
/// | `x + y`, `x - y` | element by element | free |
/// | `x * y` | element by element, truncated | n triples, 2 rounds |
/// | `x + k`, `x - k`, `x * k` | public `f64` k on every element | free (`*`: a truncation) |
/// | `x.dot(&y)`, `x.sum()` | Σ xᵢ·yᵢ (one truncation), Σ xᵢ | n triples, 2 rounds; free |
/// | `x.less_than(k)`, `x.relu()` | element-wise comparison (0/1 integers), max(x, 0) | one comparison's rounds |
/// | `x.sigmoid()`, `x.tanh()`, `x.exp()` | element by element, see [`crate::math`] | one scalar call's rounds (111, 111, 358), n times its triples (102, 102, 303) |
/// | `x.reciprocal()`, `x.sqrt()`, `x.ln()` | element by element, see [`crate::math`] | one scalar call's rounds (≈ 2 300), n times its triples (≈ 2 300) |
/// | `&x / &y`, `x.div(&y)` | xᵢ · 1/yᵢ | a reciprocal and a product |
///
/// The counts in parentheses are for the default precision (f = 16, k = 32). With MACs
/// on, a MAC check also runs on its own whenever 2¹⁴ openings wait for one, vector or not:
/// four reciprocals open about 18 700 values, so they add that check's rounds.
///
/// Operands are borrowed (`&x * &y`, `&x + 1.5`). The plaintext shadow does not follow
/// vectors; see [`SharedFixed`] for one number at a time.
pub struct SharedFixedVector<F: TinyField = DefaultField> {
    value: SharedVector<F>,
    precision: Precision,
}

impl<F: TinyField> SharedFixedVector<F> {
    pub(crate) fn new(value: SharedVector<F>, precision: Precision) -> Self {
        SharedFixedVector { value, precision }
    }

    fn same(&self, value: SharedVector<F>) -> Self {
        Self::new(value, self.precision)
    }

    /// The shared integers x̃ᵢ = round(xᵢ·2^f) behind the numbers.
    pub fn encoded(&self) -> &SharedVector<F> {
        &self.value
    }

    /// The format.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// How many numbers.
    pub fn len(&self) -> usize {
        self.value.len()
    }

    /// Whether there are no numbers.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    pub(crate) fn check(&self, other: &Self) -> Result<()> {
        if self.precision != other.precision {
            return Err(Error::PrecisionMismatch {
                left: self.precision,
                right: other.precision,
            });
        }
        Ok(())
    }

    /// Truncates by f bits values of up to `extra` more bits than a product's.
    #[track_caller]
    fn truncated(&self, product: &SharedVector<F>, extra: u32) -> Result<SharedVector<F>> {
        let p = self.precision;
        trunc_pr(product, p.bits() + p.f + extra, p.f)
    }

    /// `self + other` element by element.
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        Ok(self.same(self.value.try_add(&other.value)?))
    }

    /// `self - other` element by element.
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        Ok(self.same(self.value.try_sub(&other.value)?))
    }

    /// `self * other` element by element: n Beaver products and one vectorized truncation.
    #[track_caller]
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        let product = self.value.try_mul(&other.value)?;
        Ok(self.same(self.truncated(&product, 0)?))
    }

    /// Σᵢ selfᵢ·otherᵢ: n products, summed, then truncated once.
    ///
    /// # Panics
    ///
    /// As `*`; [`try_dot`](Self::try_dot) returns the error instead.
    #[track_caller]
    pub fn dot(&self, other: &Self) -> SharedFixed<F> {
        or_panic(self.try_dot(other))
    }

    /// [`dot`](Self::dot), returning an error instead of panicking.
    #[track_caller]
    pub fn try_dot(&self, other: &Self) -> Result<SharedFixed<F>> {
        self.check(other)?;
        let sum = self.value.try_mul(&other.value)?.sum();
        let growth = usize::BITS - self.len().max(1).leading_zeros();
        let p = self.precision;
        let truncated = trunc_pr(&sum, p.bits() + p.f + growth, p.f)?;
        Ok(SharedFixed::untracked(truncated, p))
    }

    /// Σᵢ selfᵢ (free).
    pub fn sum(&self) -> SharedFixed<F> {
        SharedFixed::untracked(self.value.sum(), self.precision)
    }

    /// The numbers as [`SharedFixed`] values (local copies).
    pub fn to_fixed(&self) -> Vec<SharedFixed<F>> {
        let p = self.precision;
        let scalars = self.value.to_scalars();
        scalars
            .into_iter()
            .map(|s| SharedFixed::untracked(s, p))
            .collect()
    }

    /// `self + k` on every element, for a public real k.
    pub fn try_add_public(&self, k: f64) -> Result<Self> {
        Ok(self.same(&self.value + F::from_i128(self.precision.encode(k)?)))
    }

    /// `self - k` on every element, for a public real k.
    pub fn try_sub_public(&self, k: f64) -> Result<Self> {
        Ok(self.same(&self.value - F::from_i128(self.precision.encode(k)?)))
    }

    /// `self * k` on every element, for a public real k (rounded to f bits), truncated.
    #[track_caller]
    pub fn try_mul_public(&self, k: f64) -> Result<Self> {
        let product = &self.value * F::from_i128(self.precision.encode(k)?);
        Ok(self.same(self.truncated(&product, 0)?))
    }

    /// `[selfᵢ < k]` for every element, as 0/1 integers.
    ///
    /// # Panics
    ///
    /// As [`SharedVector::less_than`]; [`try_less_than`](Self::try_less_than) returns
    /// the error instead.
    #[track_caller]
    pub fn less_than(&self, k: f64) -> SharedVector<F> {
        or_panic(self.try_less_than(k))
    }

    /// [`less_than`](Self::less_than), returning an error instead of panicking.
    #[track_caller]
    pub fn try_less_than(&self, k: f64) -> Result<SharedVector<F>> {
        let difference = self.try_sub_public(k)?;
        ltz(&difference.value, self.precision.bits() + 1)
    }

    /// max(selfᵢ, 0) for every element.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_relu`](Self::try_relu) returns the error.
    #[track_caller]
    pub fn relu(&self) -> Self {
        or_panic(self.try_relu())
    }

    /// [`relu`](Self::relu), returning an error instead of panicking.
    #[track_caller]
    pub fn try_relu(&self) -> Result<Self> {
        let negative = ltz(&self.value, self.precision.bits() + 1)?;
        Ok(self.same((1 - &negative).try_mul(&self.value)?))
    }

    /// Reveals the numbers to every holder (after a MAC check).
    ///
    /// # Errors
    ///
    /// As [`SharedVector::open`].
    #[track_caller]
    pub fn open(&self) -> Result<Vec<f64>> {
        let opened = self.value.open()?;
        Ok(decode_all(self.precision, opened.field_values()))
    }

    /// Delivers the numbers to `machine` only.
    ///
    /// # Errors
    ///
    /// As [`SharedVector::reconstruct`].
    #[track_caller]
    pub fn reconstruct(&self, machine: &VirtualMachine<F>) -> Result<Vec<f64>> {
        let private = self.value.reconstruct(machine)?;
        Ok(decode_all(self.precision, &private.field_values()))
    }
}

/// `x op y` for borrowed fixed-point vectors, and `x op k` for a public `f64`.
macro_rules! fixed_vector_operator {
    ($tr:ident, $m:ident, $try:ident, $try_public:ident) => {
        impl<F: TinyField> $tr<&SharedFixedVector<F>> for &SharedFixedVector<F> {
            type Output = SharedFixedVector<F>;
            #[track_caller]
            fn $m(self, rhs: &SharedFixedVector<F>) -> SharedFixedVector<F> {
                or_panic(self.$try(rhs))
            }
        }
        impl<F: TinyField> $tr<f64> for &SharedFixedVector<F> {
            type Output = SharedFixedVector<F>;
            #[track_caller]
            fn $m(self, k: f64) -> SharedFixedVector<F> {
                or_panic(self.$try_public(k))
            }
        }
    };
}
fixed_vector_operator!(Add, add, try_add, try_add_public);
fixed_vector_operator!(Sub, sub, try_sub, try_sub_public);
fixed_vector_operator!(Mul, mul, try_mul, try_mul_public);
