//! Public values: what an opening reveals to every holder.

use std::fmt;

use num_bigint::BigInt;

use crate::error::{Error, Result};
use crate::field::{Constant, DefaultField, TinyField};

/// `to_i64`, `to_i128` and `to_f64` for an output type with `value()`: the readings a
/// program wants of a result, without num-bigint.
macro_rules! integer_reads {
    () => {
        /// The value as an `i64`.
        ///
        /// # Errors
        ///
        /// [`Error::DoesNotFit`](crate::Error::DoesNotFit) when it lies outside `i64`'s
        /// range.
        pub fn to_i64(&self) -> $crate::error::Result<i64> {
            $crate::scalar::public::read(self.value(), "i64", ::num_traits::ToPrimitive::to_i64)
        }

        /// The value as an `i128` (every value of [`crate::F127`] fits).
        ///
        /// # Errors
        ///
        /// [`Error::DoesNotFit`](crate::Error::DoesNotFit) when it lies outside `i128`'s
        /// range.
        pub fn to_i128(&self) -> $crate::error::Result<i128> {
            $crate::scalar::public::read(self.value(), "i128", ::num_traits::ToPrimitive::to_i128)
        }

        /// The value as the nearest `f64` (exact while |value| ≤ 2⁵³).
        pub fn to_f64(&self) -> f64 {
            ::num_traits::ToPrimitive::to_f64(&self.value()).unwrap_or(f64::NAN)
        }
    };
}
pub(crate) use integer_reads;

/// `value` read by `to`, or [`Error::DoesNotFit`] naming `target`.
pub(crate) fn read<T>(
    value: BigInt,
    target: &'static str,
    to: fn(&BigInt) -> Option<T>,
) -> Result<T> {
    to(&value).ok_or_else(|| Error::DoesNotFit {
        value: value.to_string(),
        target,
    })
}

/// A value every holder knows, e.g. the result of [`crate::SharedScalar::open`].
///
/// Compares equal to integers, prints in decimal, and reads as a machine number with
/// `to_i64`, `to_i128` (both `Result`s) and `to_f64`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicScalar<F: TinyField = DefaultField> {
    value: F,
}

impl<F: TinyField> PublicScalar<F> {
    /// Wraps a field element.
    pub fn new(value: F) -> Self {
        PublicScalar { value }
    }

    /// The value, as a signed integer.
    pub fn value(&self) -> BigInt {
        self.value.to_bigint()
    }

    /// The value as a field element.
    pub fn field_value(&self) -> F {
        self.value
    }

    integer_reads!();
}

impl<F: TinyField> fmt::Display for PublicScalar<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicScalar({})", self.value)
    }
}

impl<F: TinyField> fmt::Debug for PublicScalar<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

crate::field::equality::eq_integers!(scalar PublicScalar);

/// A public value is a constant for operators on shared values: `&x * d`, `&x + d`.
impl<F: TinyField> Constant for PublicScalar<F> {
    fn to_field<G: TinyField>(self) -> G {
        crate::field::convert(self.value)
    }
}

/// Public values compute in the clear, like the field elements they are.
macro_rules! public_op {
    ($tr:ident, $m:ident, $op:tt) => {
        impl<F: TinyField> std::ops::$tr for PublicScalar<F> {
            type Output = PublicScalar<F>;
            fn $m(self, rhs: PublicScalar<F>) -> PublicScalar<F> {
                PublicScalar::new(self.value $op rhs.value)
            }
        }
    };
}
public_op!(Add, add, +);
public_op!(Sub, sub, -);
public_op!(Mul, mul, *);
