//! The fixed-point arithmetic the functions' steps are written in, once for a scalar and a
//! vector: [`Encoded`] holds the shared integers x̃ = round(x·2^f) (one lane or many) and
//! their precision, and computes on every lane at once.
//!
//! Each operation takes the same local steps, Beaver multiplications and truncations as
//! the matching operation of [`crate::SharedFixed`], in the same order, so a seeded scalar
//! run draws the same triples and masks whichever of the two computes it. Every method
//! that can cost carries `#[track_caller]`, and the steps call them in loops rather than
//! closures, so the ledger charges a whole function to the learner's line.

use std::marker::PhantomData;

use crate::circuits::comparison::ltz;
use crate::circuits::truncation::trunc_pr;
use crate::error::Result;
use crate::field::TinyField;
use crate::fixed::Precision;
use crate::handle::{SharedValue, affine, difference, product, sum};

/// Shared fixed-point numbers during a function's steps: a scalar or a vector.
pub(super) struct Encoded<F: TinyField, S> {
    value: S,
    precision: Precision,
    field: PhantomData<F>,
}

impl<F: TinyField, S: SharedValue<F>> Encoded<F, S> {
    /// The numbers whose encodings are `value`.
    pub fn new(value: S, precision: Precision) -> Self {
        Encoded {
            value,
            precision,
            field: PhantomData,
        }
    }

    /// The shared encodings.
    pub fn into_value(self) -> S {
        self.value
    }

    /// The shared encodings, borrowed.
    pub fn value(&self) -> &S {
        &self.value
    }

    /// The format.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Other encodings in the same format.
    pub fn same(&self, value: S) -> Self {
        Self::new(value, self.precision)
    }

    /// The encoding of a public real, as a field element.
    fn encode(&self, k: f64) -> Result<F> {
        Ok(F::from_i128(self.precision.encode(k)?))
    }

    /// 0 on every lane.
    pub fn zero(&self) -> Self {
        self.same(affine(&self.value, F::ZERO, F::ZERO))
    }

    /// `self + other`.
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        Ok(self.same(sum(&self.value, &other.value)?))
    }

    /// `self + k` for a public real k.
    pub fn add_public(&self, k: f64) -> Result<Self> {
        Ok(self.same(affine(&self.value, F::ONE, self.encode(k)?)))
    }

    /// `self − k` for a public real k.
    pub fn sub_public(&self, k: f64) -> Result<Self> {
        Ok(self.same(affine(&self.value, F::ONE, -self.encode(k)?)))
    }

    /// `k − self` for a public real k: a negation, then an addition.
    pub fn sub_from_public(&self, k: f64) -> Result<Self> {
        self.neg().add_public(k)
    }

    /// −self.
    pub fn neg(&self) -> Self {
        self.same(affine(&self.value, -F::ONE, F::ZERO))
    }

    /// `self · n` for a public integer n: exact, no truncation.
    pub fn mul_public_integer(&self, n: i32) -> Self {
        self.same(affine(&self.value, F::from_i128(i128::from(n)), F::ZERO))
    }

    /// `self · k` for a public real k (rounded to f bits), truncated.
    #[track_caller]
    pub fn mul_public(&self, k: f64) -> Result<Self> {
        let scaled = affine(&self.value, self.encode(k)?, F::ZERO);
        self.truncated(&scaled)
    }

    /// `self · other`: a Beaver multiplication and a probabilistic truncation by f bits.
    #[track_caller]
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        self.truncated(&product(&self.value, &other.value)?)
    }

    /// `self · other` when self's encoding carries `extra` fractional bits beyond f (it
    /// holds self·2^extra): the product is truncated by f + extra, back to the format.
    #[track_caller]
    pub fn try_mul_scaled(&self, other: &Self, extra: u32) -> Result<Self> {
        let p = self.precision;
        let product = product(&self.value, &other.value)?;
        Ok(self.same(trunc_pr(&product, p.bits() + p.f + extra, p.f + extra)?))
    }

    /// Truncates encodings with scale 2<sup>2f</sup> back to 2^f.
    #[track_caller]
    fn truncated(&self, product: &S) -> Result<Self> {
        let p = self.precision;
        Ok(self.same(trunc_pr(product, p.bits() + p.f, p.f)?))
    }

    /// `[self < k]` for a public real k, as shared 0/1 integers.
    #[track_caller]
    pub fn less_than(&self, k: f64) -> Result<S> {
        let public = affine(&self.value, F::ZERO, self.encode(k)?);
        ltz(
            &difference(&self.value, &public)?,
            self.precision.bits() + 1,
        )
    }

    /// `if bit { yes } else { no }` on shares: no + bit·(yes − no).
    #[track_caller]
    pub fn select(bit: &S, yes: &Self, no: &Self) -> Result<Self> {
        let chosen = product(bit, &difference(&yes.value, &no.value)?)?;
        Ok(no.same(sum(&no.value, &chosen)?))
    }

    /// Σ cᵢ·selfⁱ by Horner's rule.
    #[track_caller]
    pub fn polynomial(&self, coefficients: &[f64]) -> Result<Self> {
        let (last, rest) = coefficients.split_last().expect("at least one coefficient");
        let mut acc = self.zero().add_public(*last)?;
        for &c in rest.iter().rev() {
            acc = acc.try_mul(self)?.add_public(c)?;
        }
        Ok(acc)
    }

    /// Σ cᵢ·selfⁱ by Horner's rule with the accumulator and the constants carried to
    /// f + `extra` fractional bits, so that each step rounds by 2<sup>−extra</sup> of an ulp; one
    /// truncation by `extra` bits at the end.
    #[track_caller]
    pub fn polynomial_wide(&self, coefficients: &[f64], extra: u32) -> Result<Self> {
        let p = self.precision;
        let scale = 2f64.powi((p.f + extra) as i32);
        let wide = |c: f64| F::from_i128((c * scale).round() as i128);
        let (last, rest) = coefficients.split_last().expect("at least one coefficient");
        let mut acc = affine(&self.value, F::ZERO, wide(*last));
        for &c in rest.iter().rev() {
            let step: S = trunc_pr(&product(&acc, &self.value)?, p.bits() + p.f + extra, p.f)?;
            acc = affine(&step, F::ONE, wide(c));
        }
        Ok(self.same(trunc_pr(&acc, p.bits() + extra, extra)?))
    }

    /// Σ cᵢ·self<sup>2i+1</sup>, by Horner's rule in self².
    #[track_caller]
    pub fn odd_polynomial(&self, coefficients: &[f64]) -> Result<Self> {
        self.try_mul(&self.try_mul(self)?.polynomial(coefficients)?)
    }
}
