//! The arithmetic of [`SharedFixedVector`]: with another vector and with a public `f64`
//! (on either side) on every element, dot products and sums, comparisons with a public number and ReLU.
//!
//! Each operation computes on shares, untracked, then hands the result to the shadow
//! (`shadow.rs`) with the plain `f64` function it stands for, as [`SharedFixed`]'s do.

use std::ops::{Add, Mul, Sub};

use super::SharedFixedVector;
use crate::circuits::comparison::ltz;
use crate::circuits::truncation::trunc_pr;
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::fixed::{Domain, SharedFixed};
use crate::vector::shared::SharedVector;

impl<F: TinyField> SharedFixedVector<F> {
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
        self.check_operands(other)?;
        let sum = self.value.try_mul(&other.value)?.sum();
        let growth = usize::BITS - self.len().max(1).leading_zeros();
        let p = self.precision;
        let truncated = SharedFixed::untracked(trunc_pr(&sum, p.bits() + p.f + growth, p.f)?, p);
        let exact = |[x, y]: [&[f64]; 2]| x.iter().zip(y).map(|(a, b)| a * b).sum();
        Ok(Self::follow_reduction(
            truncated,
            "dot",
            [self, other],
            exact,
        ))
    }

    /// Σᵢ selfᵢ (free).
    #[track_caller]
    pub fn sum(&self) -> SharedFixed<F> {
        let sum = SharedFixed::untracked(self.value.sum(), self.precision);
        Self::follow_reduction(sum, "sum", [self], |[x]| x.iter().sum())
    }

    /// `self + k` on every element, for a public real k.
    #[track_caller]
    pub fn try_add_public(&self, k: f64) -> Result<Self> {
        let sum = self.same(&self.value + self.encode(k)?);
        Ok(sum.follow("+", [self], |[x]| x + k, Domain::All))
    }

    /// `self - k` on every element, for a public real k.
    #[track_caller]
    pub fn try_sub_public(&self, k: f64) -> Result<Self> {
        let difference = self.same(&self.value - self.encode(k)?);
        Ok(difference.follow("−", [self], |[x]| x - k, Domain::All))
    }

    /// `self * k` on every element, for a public real k (rounded to f bits), truncated.
    #[track_caller]
    pub fn try_mul_public(&self, k: f64) -> Result<Self> {
        let product = &self.value * self.encode(k)?;
        let product = self.same(self.truncated(&product, 0)?);
        Ok(product.follow("×", [self], |[x]| x * k, Domain::All))
    }

    /// `k - self` on every element, for a public real k: the twin of `k - x`.
    ///
    /// # Errors
    ///
    /// [`Error::FixedOutOfRange`](crate::Error::FixedOutOfRange) if k is NaN, infinite or
    /// out of range.
    #[track_caller]
    pub fn try_sub_from_public(&self, k: f64) -> Result<Self> {
        let difference = self.same(-&self.value + self.encode(k)?);
        Ok(difference.follow("−", [self], |[x]| k - x, Domain::All))
    }

    /// The encoding of a public real, as a field element.
    fn encode(&self, k: f64) -> Result<F> {
        Ok(F::from_i128(self.precision.encode(k)?))
    }

    /// `[selfᵢ < k]` for a public k, on the encodings: x̃ᵢ − k̃ < 0, the encoding k̃
    /// subtracted directly (a comparison with a public number does not share it first).
    #[track_caller]
    pub(super) fn less_than_public(&self, k: f64) -> Result<SharedVector<F>> {
        let difference = &self.value - self.encode(k)?;
        let bits = ltz(&difference, self.precision.bits() + 1)?;
        Ok(self.follow_bits("<", k, |x, k| x < k, bits))
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

/// `k op x` for a public `f64` k on the left of a borrowed fixed-point vector.
macro_rules! fixed_vector_lhs {
    ($tr:ident, $m:ident, $try_public:ident) => {
        impl<F: TinyField> $tr<&SharedFixedVector<F>> for f64 {
            type Output = SharedFixedVector<F>;
            #[track_caller]
            fn $m(self, x: &SharedFixedVector<F>) -> SharedFixedVector<F> {
                or_panic(x.$try_public(self))
            }
        }
    };
}
fixed_vector_lhs!(Add, add, try_add_public);
fixed_vector_lhs!(Sub, sub, try_sub_from_public);
fixed_vector_lhs!(Mul, mul, try_mul_public);

crate::scalar::ops::folds!(
    SharedFixedVector,
    "shared fixed-point vectors, lane by lane"
);
