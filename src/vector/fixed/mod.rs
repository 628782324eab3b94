//! Fixed-point vectors: reals in fixed point (see [`crate::fixed`]), shared lane by lane.
//!
//! Every product is truncated by f bits with one vectorized probabilistic truncation, so
//! `x * y` costs n triples and two rounds (the product's, the truncation's opening)
//! however long the vectors. A dot product truncates once, after the sum.
//!
//! The type and its conversions live here, the arithmetic and ReLU in `ops.rs`, the
//! comparisons, selection, min and max in `compare.rs`, and how the plaintext shadow
//! follows each lane in `shadow.rs`.

pub(super) mod compare;
mod ops;
mod shadow;

use std::panic::Location;

use super::private::PrivateVector;
use super::shared::SharedVector;
use crate::circuits::truncation::trunc_pr;
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::fixed::{Domain, Precision, SharedFixed};
use crate::machine::VirtualMachine;
use crate::scalar::share::share_methods;
use crate::sharing::Scheme;

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
    /// The numbers as given, before rounding to f bits (for the shadow).
    exact: Vec<f64>,
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
        or_panic(Self::try_new(values, owner))
    }

    /// [`new`](Self::new), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// As [`with_precision`](Self::with_precision).
    pub fn try_new(
        values: impl IntoIterator<Item = f64>,
        owner: &VirtualMachine<F>,
    ) -> Result<Self> {
        Self::with_precision(values, owner, Precision::default())
    }

    /// `values` owned by `owner` with the given precision.
    ///
    /// # Errors
    ///
    /// As [`PrivateFixed::with_precision`](crate::PrivateFixed::with_precision):
    /// [`Error::PrecisionOutOfRange`] or [`Error::FieldTooSmall`] for a format the field
    /// cannot hold, [`Error::FixedOutOfRange`] if some |x| ≥ 2<sup>k−1</sup>.
    pub fn with_precision(
        values: impl IntoIterator<Item = f64>,
        owner: &VirtualMachine<F>,
        precision: Precision,
    ) -> Result<Self> {
        precision.check_supported::<F>()?;
        let exact: Vec<f64> = values.into_iter().collect();
        let encoded = exact
            .iter()
            .map(|&x| precision.encode(x))
            .collect::<Result<Vec<i128>>>()?;
        Ok(PrivateFixedVector {
            value: PrivateVector::try_new(encoded, owner)?,
            precision,
            exact,
        })
    }

    /// The numbers (as closely as f fractional bits allow).
    pub fn values(&self) -> Vec<f64> {
        decode_all(self.precision, &self.value.field_values())
    }

    /// The machine that knows the numbers.
    pub fn owner(&self) -> &VirtualMachine<F> {
        self.value.owner()
    }

    share_methods!(SharedFixedVector<F>, "the numbers");

    /// The sharing of the encoding among `holders` under `scheme`, made at `at`, followed
    /// by the shadow.
    #[track_caller]
    fn share_with(
        &self,
        holders: &[&VirtualMachine<F>],
        scheme: Scheme,
        at: &'static Location<'static>,
    ) -> Result<SharedFixedVector<F>> {
        Ok(self.shared(self.value.share_with(holders, scheme, at)?))
    }

    /// The sharing as fixed-point numbers, followed by the shadow from the numbers given.
    #[track_caller]
    fn shared(&self, value: SharedVector<F>) -> SharedFixedVector<F> {
        let shared = SharedFixedVector::new(value, self.precision);
        let exact = |j: usize| self.exact.get(j).copied().unwrap_or(f64::NAN);
        shared.follow_with("share", [], |j, []| exact(j), Domain::All)
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
/// | `x + k`, `x - k`, `x * k`, `k + x`, `k - x`, `k * x` | public `f64` k on every element | free (`*`: a truncation) |
/// | `x.dot(&y)`, `x.sum()` | Σ xᵢ·yᵢ (one truncation), Σ xᵢ | n triples, 2 rounds; free |
/// | `xs.iter().sum()`, `xs.iter().product()`, [`try_sum`](Self::try_sum), [`try_product`](Self::try_product) | vectors added or multiplied lane by lane | free; a product and a truncation per factor after the first |
/// | `x.less_than(y)`, `x.greater_than(y)`, `x.less_or_equal(y)`, `x.greater_or_equal(y)`, `x.equals(y)` | element-wise comparison with `&y` or a public `f64` or `i32` (0/1 integers) | one comparison's rounds |
/// | `x.relu()`, `x.abs()`, `x.sign()` | max(xᵢ, 0), \|xᵢ\|, −1/0/1 | one comparison's rounds (`sign`: two comparisons'), n triples |
/// | `x.is_negative()`, `x.is_zero()` | `[xᵢ < 0]`, `[xᵢ = 0]` (0/1 integers) | one comparison's rounds |
/// | `SharedFixedVector::select(&bits, &yes, &no)`, `x.min(&y)`, `x.max(&y)` | bitsᵢ ? yesᵢ : noᵢ; a comparison and a select | n triples, 1 round; one comparison's rounds + 1 |
/// | `x.sigmoid()`, `x.tanh()`, `x.exp()` | element by element, see [`crate::math`] | one scalar call's rounds (111, 111, 358), n times its triples (102, 102, 303) |
/// | `x.reciprocal()`, `x.sqrt()`, `x.ln()` | element by element, see [`crate::math`] | one scalar call's rounds (≈ 2 300), n times its triples (≈ 2 300) |
/// | `&x / &y`, `x.div(&y)` | xᵢ · 1/yᵢ | a reciprocal and a product |
///
/// The counts in parentheses are for the default precision (f = 16, k = 32). With MACs
/// on, a MAC check also runs on its own whenever 2¹⁴ openings wait for one, vector or not:
/// four reciprocals open about 18 700 values, so they add that check's rounds.
///
/// Operands are borrowed (`&x * &y`, `&x + 1.5`, `2.0 * &x`); constants are `f64`. The
/// operators panic when the operands cannot be combined or a constant is NaN, infinite
/// or out of range; `try_add`, `try_sub`, `try_mul`, `try_add_public`, `try_sub_public`,
/// `try_sub_from_public` and `try_mul_public` return the error instead. In a simulation with the plaintext
/// [shadow](crate::shadow), every lane carries its exact number, as a [`SharedFixed`]
/// does, and each operation is one line of the report: the worst error over the lanes,
/// and warnings naming the first lane that raised them.
pub struct SharedFixedVector<F: TinyField = DefaultField> {
    value: SharedVector<F>,
    precision: Precision,
    /// The exact numbers these stand for, in a simulation with a shadow.
    exact: Option<Vec<f64>>,
}

impl<F: TinyField> Clone for SharedFixedVector<F> {
    /// A copy of the vector, with its own (identical) shares, and its shadow.
    fn clone(&self) -> Self {
        SharedFixedVector {
            exact: self.exact.clone(),
            ..self.same(self.value.clone())
        }
    }
}

impl<F: TinyField> SharedFixedVector<F> {
    /// The numbers whose encodings are `value`, without a shadow.
    pub(crate) fn new(value: SharedVector<F>, precision: Precision) -> Self {
        SharedFixedVector {
            value,
            precision,
            exact: None,
        }
    }

    /// Values of the same format, without a shadow (the steps inside an operation).
    pub(crate) fn same(&self, value: SharedVector<F>) -> Self {
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

    /// Checks that `self` and `other` can be combined lane by lane: the same format, then
    /// the same holders and length.
    pub(crate) fn check_operands(&self, other: &Self) -> Result<()> {
        self.precision.must_match(other.precision)?;
        self.value.check_operands(&other.value)
    }

    /// Truncates by f bits values of up to `extra` more bits than a product's.
    #[track_caller]
    fn truncated(&self, product: &SharedVector<F>, extra: u32) -> Result<SharedVector<F>> {
        let p = self.precision;
        trunc_pr(product, p.bits() + p.f + extra, p.f)
    }

    /// The numbers as [`SharedFixed`] values (local copies, which keep their exact
    /// numbers in a simulation with a shadow).
    pub fn to_fixed(&self) -> Vec<SharedFixed<F>> {
        let p = self.precision;
        let exact = |j: usize| self.exact.as_ref().and_then(|e| e.get(j).copied());
        let scalars = self.value.to_scalars();
        let each = scalars.into_iter().enumerate();
        each.map(|(j, s)| SharedFixed::untracked(s, p).with_exact(exact(j)))
            .collect()
    }

    /// The vector of the numbers `values` (local copies, no messages), which keeps their
    /// exact numbers in a simulation with a shadow.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for no values; [`Error::PrecisionMismatch`],
    /// [`Error::HolderMismatch`] or [`Error::SimulationMismatch`] when they cannot be
    /// combined.
    pub fn from_fixed(values: &[SharedFixed<F>]) -> Result<Self> {
        let first = values.first().ok_or(Error::Empty { what: "collect" })?;
        for v in values {
            first.check_operands(v)?;
        }
        let encoded: Vec<_> = values.iter().map(|v| v.encoded().clone()).collect();
        let mut vector = Self::new(SharedVector::from_scalars(&encoded)?, first.precision());
        vector.exact = values.iter().map(SharedFixed::exact).collect();
        Ok(vector)
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
