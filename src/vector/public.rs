//! Public vectors: values every holder knows, after an opening or as constants.

use std::fmt;

use num_bigint::BigInt;

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
