//! The operators of [`SharedFixed`]: with other shared numbers, with public `f64` and
//! `i32` constants on either side, and division.

use std::ops::{Add, Div, Mul, Neg, Sub};

use super::shadow::Domain;
use super::shared::SharedFixed;
use crate::error::{Result, or_panic};
use crate::field::TinyField;

impl<F: TinyField> SharedFixed<F> {
    /// `self + k` for a public k, added to the encoding: exact when k has f bits. The
    /// twin of `x + k` and `k + x`.
    ///
    /// # Errors
    ///
    /// [`Error::FixedOutOfRange`](crate::Error::FixedOutOfRange) if k is NaN, infinite or
    /// |k| ≥ 2<sup>k−1</sup>.
    #[track_caller]
    pub fn try_add_public(&self, k: f64) -> Result<Self> {
        let sum = self.same(&self.value + F::from_i128(self.precision.encode(k)?));
        Ok(sum.follow("+", [self], |[x]| x + k, Domain::All))
    }

    /// `self - k` for a public k: the twin of `x - k`.
    ///
    /// # Errors
    ///
    /// As [`try_add_public`](Self::try_add_public).
    #[track_caller]
    pub fn try_sub_public(&self, k: f64) -> Result<Self> {
        let difference = self.same(&self.value - F::from_i128(self.precision.encode(k)?));
        Ok(difference.follow("−", [self], |[x]| x - k, Domain::All))
    }

    /// `k - self` for a public k: the twin of `k - x`.
    ///
    /// # Errors
    ///
    /// As [`try_add_public`](Self::try_add_public).
    #[track_caller]
    pub fn try_sub_from_public(&self, k: f64) -> Result<Self> {
        let encoded = F::from_i128(self.precision.encode(k)?);
        let difference = self.same((-&self.value) + encoded);
        Ok(difference.follow("−", [self], |[x]| k - x, Domain::All))
    }

    /// `self * k` for a public real k: k is encoded (rounded to f bits), then the
    /// product is truncated. The twin of `x * k` and `k * x`.
    ///
    /// # Errors
    ///
    /// As [`try_add_public`](Self::try_add_public), or as the truncation fails (too few
    /// holders answering).
    #[track_caller]
    pub fn try_mul_public(&self, k: f64) -> Result<Self> {
        let encoded = F::from_i128(self.precision.encode(k)?);
        let product = self.truncated(&self.value * encoded)?;
        Ok(product.follow("×", [self], |[x]| x * k, Domain::All))
    }

    /// `self * n` for a public integer n: exact, no truncation.
    #[track_caller]
    fn try_mul_public_integer(&self, n: i32) -> Result<Self> {
        let product = self.same(&self.value * n);
        Ok(product.follow("×", [self], |[x]| x * f64::from(n), Domain::All))
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
    #[track_caller]
    fn neg(self) -> SharedFixed<F> {
        let negated = self.same(-&self.value);
        negated.follow("neg", [self], |[x]| -x, Domain::All)
    }
}

impl<F: TinyField> Neg for SharedFixed<F> {
    type Output = SharedFixed<F>;
    #[track_caller]
    fn neg(self) -> SharedFixed<F> {
        -&self
    }
}

/// Public constants: `f64` (encoded, so `*` and `/` truncate) and `i32` (exact).
macro_rules! fixed_constant {
    (Constant = $k:ty, mul = $mul:ident) => {
        impl<F: TinyField> Add<$k> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn add(self, k: $k) -> SharedFixed<F> {
                or_panic(self.try_add_public(f64::from(k)))
            }
        }
        impl<F: TinyField> Sub<$k> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn sub(self, k: $k) -> SharedFixed<F> {
                or_panic(self.try_sub_public(f64::from(k)))
            }
        }
        impl<F: TinyField> Mul<$k> for &SharedFixed<F> {
            type Output = SharedFixed<F>;
            #[track_caller]
            fn mul(self, k: $k) -> SharedFixed<F> {
                or_panic(self.$mul(k))
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
                or_panic(x.try_sub_from_public(f64::from(self)))
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
fixed_constant!(Constant = f64, mul = try_mul_public);
fixed_constant!(Constant = i32, mul = try_mul_public_integer);

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

/// `x / d` for a public integer d, exact when the quotient is representable: see
/// [`SharedFixed::try_div_integer`].
impl<F: TinyField> Div<i32> for &SharedFixed<F> {
    type Output = SharedFixed<F>;
    #[track_caller]
    fn div(self, d: i32) -> SharedFixed<F> {
        or_panic(self.try_div_integer(d))
    }
}

/// `x / d` for a public integer d.
impl<F: TinyField> Div<i32> for SharedFixed<F> {
    type Output = SharedFixed<F>;
    #[track_caller]
    fn div(self, d: i32) -> SharedFixed<F> {
        &self / d
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

crate::scalar::ops::folds!(SharedFixed, "shared fixed-point numbers");
