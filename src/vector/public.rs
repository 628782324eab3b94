//! Public vectors: values every holder knows, after an opening or as constants.
//!
//! They compute in the clear, element by element, as [`PublicScalar`](crate::PublicScalar)s
//! do: `+`, `−` and `×` of two vectors of the same length.

use std::fmt;
use std::ops::{Add, Mul, Sub};

use num_bigint::BigInt;

use crate::error::{Error, Result, or_panic};
use crate::field::equality::eq_integers;
use crate::field::{Constant, DefaultField, TinyField};
use crate::machine::listing::write_list;

/// Values every holder knows: the result of [`SharedVector::open`](super::SharedVector::open),
/// or public constants to combine with a shared vector element by element
/// (`&x * &weights`, `&x + &offsets`).
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let weights = PublicVector::<F127>::from([2, -1, 3]);
/// assert_eq!(weights, [2, -1, 3]);
/// assert_eq!(weights.to_string(), "PublicVector([2, -1, 3])");
/// ```
///
/// Two public vectors of the same length combine element by element, in the clear:
/// `+`, `-` and `*`, each operand borrowed or owned. The operators panic when the
/// lengths differ; `try_add`, `try_sub` and `try_mul` return
/// [`Error::LengthMismatch`] instead.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let x = PublicVector::<F127>::from([4, -2, 7]);
/// let y = PublicVector::<F127>::from([1, 5, -3]);
/// assert_eq!(&x + &y, [5, 3, 4]);
/// assert_eq!(&x - y.clone(), [3, -7, 10]);
/// assert_eq!(x.clone() * &y, [4, -10, -21]);
/// assert_eq!(x.clone() + y.clone(), [5, 3, 4]);
/// let short = PublicVector::<F127>::from([1, 2]);
/// assert!(matches!(
///     x.try_mul(&short),
///     Err(Error::LengthMismatch { left: 3, right: 2 })
/// ));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PublicVector<F: TinyField = DefaultField> {
    values: Vec<F>,
}

impl<F: TinyField> PublicVector<F> {
    /// A public vector of field elements.
    pub fn new(values: Vec<F>) -> Self {
        PublicVector { values }
    }

    /// The values as signed integers.
    pub fn values(&self) -> Vec<BigInt> {
        self.values.iter().map(|v| v.to_bigint()).collect()
    }

    /// The values as field elements.
    pub fn field_values(&self) -> &[F] {
        &self.values
    }

    /// How many values.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// `self + other` element by element, the twin of `&x + &y`.
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`] when the lengths differ.
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.zip(other, |a, b| a + b)
    }

    /// `self - other` element by element, the twin of `&x - &y`.
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`] when the lengths differ.
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.zip(other, |a, b| a - b)
    }

    /// `self * other` element by element (modulo p), the twin of `&x * &y`.
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`] when the lengths differ.
    pub fn try_mul(&self, other: &Self) -> Result<Self> {
        self.zip(other, |a, b| a * b)
    }

    /// f(selfᵢ, otherᵢ) for every element, after checking the lengths match.
    fn zip(&self, other: &Self, f: impl Fn(F, F) -> F) -> Result<Self> {
        if self.len() != other.len() {
            return Err(Error::LengthMismatch {
                left: self.len(),
                right: other.len(),
            });
        }
        let pairs = self.values.iter().zip(&other.values);
        Ok(PublicVector::new(pairs.map(|(&a, &b)| f(a, b)).collect()))
    }
}

/// Public constants (`i32`, `i64`, `u64`, `i128`, field elements), reduced modulo p.
impl<F: TinyField, K: Constant> FromIterator<K> for PublicVector<F> {
    fn from_iter<I: IntoIterator<Item = K>>(iter: I) -> Self {
        PublicVector::new(iter.into_iter().map(|k| k.to_field()).collect())
    }
}

impl<F: TinyField, K: Constant, const N: usize> From<[K; N]> for PublicVector<F> {
    fn from(values: [K; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<F: TinyField, K: Constant> From<Vec<K>> for PublicVector<F> {
    fn from(values: Vec<K>) -> Self {
        values.into_iter().collect()
    }
}

/// `PublicVector([2, -1, 3])`.
impl<F: TinyField> fmt::Display for PublicVector<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicVector(")?;
        write_list(f, &self.values)?;
        write!(f, ")")
    }
}

impl<F: TinyField> fmt::Debug for PublicVector<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

eq_integers!(lanes PublicVector);

/// `x op y` for public vectors, each borrowed or owned: element by element, in the clear.
macro_rules! public_vector_op {
    ($tr:ident, $m:ident, $try:ident) => {
        impl<F: TinyField> $tr<&PublicVector<F>> for &PublicVector<F> {
            type Output = PublicVector<F>;
            #[track_caller]
            fn $m(self, rhs: &PublicVector<F>) -> PublicVector<F> {
                or_panic(self.$try(rhs))
            }
        }
        impl<F: TinyField> $tr<PublicVector<F>> for &PublicVector<F> {
            type Output = PublicVector<F>;
            #[track_caller]
            fn $m(self, rhs: PublicVector<F>) -> PublicVector<F> {
                or_panic(self.$try(&rhs))
            }
        }
        impl<F: TinyField> $tr<&PublicVector<F>> for PublicVector<F> {
            type Output = PublicVector<F>;
            #[track_caller]
            fn $m(self, rhs: &PublicVector<F>) -> PublicVector<F> {
                or_panic(self.$try(rhs))
            }
        }
        impl<F: TinyField> $tr<PublicVector<F>> for PublicVector<F> {
            type Output = PublicVector<F>;
            #[track_caller]
            fn $m(self, rhs: PublicVector<F>) -> PublicVector<F> {
                or_panic(self.$try(&rhs))
            }
        }
    };
}
public_vector_op!(Add, add, try_add);
public_vector_op!(Sub, sub, try_sub);
public_vector_op!(Mul, mul, try_mul);
