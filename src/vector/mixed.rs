//! Shared vectors with public constants, public vectors and shared scalars.
//!
//! Each combines with a shared vector element by element, through the operators (all of
//! them, owned or borrowed, are instantiated here) or the `try_` methods. A public
//! constant or a public vector changes each holder's shares locally (an affine map,
//! free). A shared scalar s is first repeated into the vector [s, s, …, s], each holder
//! copying its share of s into every lane (free); adding it is then free, and multiplying
//! by it is a vector product (n triples, one round).

use std::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use ff::Field;

use super::public::PublicVector;
use super::shared::SharedVector;
use crate::error::{Error, Result, or_panic};
use crate::field::{Constant, F61, F101, F127, TinyField};
use crate::handle::SharedValue;
use crate::protocols::linear;
use crate::scalar::shared::SharedScalar;

impl<F: TinyField> SharedVector<F> {
    /// The vector of n copies of `s` (each holder repeats its share): free.
    fn broadcast(&self, s: &SharedScalar<F>) -> Result<Self> {
        self.handle().check_operands(s.handle())?;
        let repeat = (0..self.len()).map(|_| (0, 0));
        let h = s
            .handle()
            .derive(|w, x, set| linear::gather(w, &[x], set, repeat));
        Ok(self.with(h))
    }

    /// sᵢ·xᵢ + cᵢ for public vectors s and c (one entry each, or one per element).
    fn affine_each(&self, s: &[F], c: &[F], p: &PublicVector<F>) -> Result<Self> {
        if p.len() != self.len() {
            return Err(Error::LengthMismatch {
                left: self.len(),
                right: p.len(),
            });
        }
        Ok(self.with(self.handle().affine(s, c)))
    }

    /// `self + p` element by element for a public vector p.
    pub fn try_add_public(&self, p: &PublicVector<F>) -> Result<Self> {
        self.affine_each(&[F::ONE], p.field_values(), p)
    }

    /// `self - p` element by element for a public vector p.
    pub fn try_sub_public(&self, p: &PublicVector<F>) -> Result<Self> {
        let minus: Vec<F> = p.field_values().iter().map(|&v| -v).collect();
        self.affine_each(&[F::ONE], &minus, p)
    }

    /// `self * p` element by element for a public vector p (free).
    pub fn try_mul_public(&self, p: &PublicVector<F>) -> Result<Self> {
        self.affine_each(p.field_values(), &[F::ZERO], p)
    }

    /// `self + s` with the shared scalar s added to every element (free).
    pub fn try_add_scalar(&self, s: &SharedScalar<F>) -> Result<Self> {
        self.try_add(&self.broadcast(s)?)
    }

    /// `self - s` with the shared scalar s subtracted from every element (free).
    pub fn try_sub_scalar(&self, s: &SharedScalar<F>) -> Result<Self> {
        self.try_sub(&self.broadcast(s)?)
    }

    /// `self * s`: every element times the shared scalar s (n triples, one round).
    #[track_caller]
    pub fn try_mul_scalar(&self, s: &SharedScalar<F>) -> Result<Self> {
        self.try_mul(&self.broadcast(s)?)
    }
}

// `x op y` for two shared vectors and `x op k`, `k op x` for a public constant k.
crate::scalar::ops::shared_operators!(SharedVector);
crate::scalar::ops::folds!(SharedVector, "shared vectors, lane by lane");

/// `x op p` for a public vector p and `x op s` for a shared scalar s, borrowed or owned.
macro_rules! mixed_operator {
    ($tr:ident, $m:ident, $rhs:ident, $try:ident) => {
        impl<F: TinyField> $tr<&$rhs<F>> for &SharedVector<F> {
            type Output = SharedVector<F>;
            #[track_caller]
            fn $m(self, rhs: &$rhs<F>) -> SharedVector<F> {
                or_panic(self.$try(rhs))
            }
        }
        impl<F: TinyField> $tr<&$rhs<F>> for SharedVector<F> {
            type Output = SharedVector<F>;
            #[track_caller]
            fn $m(self, rhs: &$rhs<F>) -> SharedVector<F> {
                or_panic(self.$try(rhs))
            }
        }
    };
}
mixed_operator!(Add, add, PublicVector, try_add_public);
mixed_operator!(Sub, sub, PublicVector, try_sub_public);
mixed_operator!(Mul, mul, PublicVector, try_mul_public);
mixed_operator!(Add, add, SharedScalar, try_add_scalar);
mixed_operator!(Sub, sub, SharedScalar, try_sub_scalar);
mixed_operator!(Mul, mul, SharedScalar, try_mul_scalar);
