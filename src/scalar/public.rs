//! Public values: what an opening reveals to every holder.

use std::fmt;

use num_bigint::BigInt;

use crate::field::{Constant, DefaultField, TinyField};

/// A value every holder knows, e.g. the result of [`crate::SharedScalar::open`].
///
/// Compares equal to integers and prints in decimal.
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
