//! Operators on shared values.
//!
//! The borrowed–borrowed case of each operator is written once by hand; the macros below
//! derive the owned variants from it, so every combination of owned and borrowed operands
//! works. Public constants (integers and field elements) go on either side: `k + x`
//! reuses `x + k` (addition and multiplication commute), while `k - x` is its own
//! protocol. All operators carry `#[track_caller]`, so costs are charged to the learner's
//! line and panics point at it.

use std::iter::{Product, Sum};
use std::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use ff::Field;

use crate::error::or_panic;
use crate::field::{Constant, F61, F101, F127, TinyField};
use crate::shared::SharedScalar;

impl<F: TinyField> Add<&SharedScalar<F>> for &SharedScalar<F> {
    type Output = SharedScalar<F>;
    #[track_caller]
    fn add(self, rhs: &SharedScalar<F>) -> SharedScalar<F> {
        or_panic(self.try_add(rhs))
    }
}

impl<F: TinyField> Sub<&SharedScalar<F>> for &SharedScalar<F> {
    type Output = SharedScalar<F>;
    #[track_caller]
    fn sub(self, rhs: &SharedScalar<F>) -> SharedScalar<F> {
        or_panic(self.try_sub(rhs))
    }
}

impl<F: TinyField> Mul<&SharedScalar<F>> for &SharedScalar<F> {
    type Output = SharedScalar<F>;
    #[track_caller]
    fn mul(self, rhs: &SharedScalar<F>) -> SharedScalar<F> {
        or_panic(self.try_mul(rhs))
    }
}

impl<F: TinyField> Neg for &SharedScalar<F> {
    type Output = SharedScalar<F>;
    fn neg(self) -> SharedScalar<F> {
        self.affine(-F::ONE, F::ZERO)
    }
}

impl<F: TinyField> Neg for SharedScalar<F> {
    type Output = SharedScalar<F>;
    fn neg(self) -> SharedScalar<F> {
        -&self
    }
}

/// Derives `x op y` for owned operands from the borrowed–borrowed impl.
macro_rules! owned_variants {
    (Trait = $tr:ident, method = $m:ident) => {
        impl<F: TinyField> $tr<SharedScalar<F>> for SharedScalar<F> {
            type Output = SharedScalar<F>;
            #[track_caller]
            fn $m(self, rhs: SharedScalar<F>) -> SharedScalar<F> {
                (&self).$m(&rhs)
            }
        }
        impl<F: TinyField> $tr<&SharedScalar<F>> for SharedScalar<F> {
            type Output = SharedScalar<F>;
            #[track_caller]
            fn $m(self, rhs: &SharedScalar<F>) -> SharedScalar<F> {
                (&self).$m(rhs)
            }
        }
        impl<F: TinyField> $tr<SharedScalar<F>> for &SharedScalar<F> {
            type Output = SharedScalar<F>;
            #[track_caller]
            fn $m(self, rhs: SharedScalar<F>) -> SharedScalar<F> {
                self.$m(&rhs)
            }
        }
    };
}
owned_variants!(Trait = Add, method = add);
owned_variants!(Trait = Sub, method = sub);
owned_variants!(Trait = Mul, method = mul);

/// Derives `x op= y` for owned and borrowed `y`: `+=` and `-=` change the shares in place
/// (`in_place`), `*=` replaces the value by a product (`via`).
macro_rules! assign_variants {
    (Trait = $tr:ident, method = $m:ident, in_place = $f:expr) => {
        impl<F: TinyField> $tr<&SharedScalar<F>> for SharedScalar<F> {
            #[track_caller]
            fn $m(&mut self, rhs: &SharedScalar<F>) {
                or_panic(self.try_update(rhs, $f));
            }
        }
        assign_variants!(@owned $tr, $m);
    };
    (Trait = $tr:ident, method = $m:ident, via = $op:tt) => {
        impl<F: TinyField> $tr<&SharedScalar<F>> for SharedScalar<F> {
            #[track_caller]
            fn $m(&mut self, rhs: &SharedScalar<F>) {
                *self = &*self $op rhs;
            }
        }
        assign_variants!(@owned $tr, $m);
    };
    (@owned $tr:ident, $m:ident) => {
        impl<F: TinyField> $tr<SharedScalar<F>> for SharedScalar<F> {
            #[track_caller]
            fn $m(&mut self, rhs: SharedScalar<F>) {
                self.$m(&rhs);
            }
        }
    };
}
assign_variants!(
    Trait = AddAssign,
    method = add_assign,
    in_place = |a, b| a + b
);
assign_variants!(
    Trait = SubAssign,
    method = sub_assign,
    in_place = |a, b| a - b
);
assign_variants!(Trait = MulAssign, method = mul_assign, via = *);

/// `x + k`, `x - k`, `x * k` and `x += k`, `x -= k`, `x *= k` for any public constant
/// `k` (an `i32`, `i64`, `u64` or field element): each is one affine map s·x + c.
macro_rules! constant_rhs {
    (Trait = $tr:ident, method = $m:ident, Assign = $atr:ident, assign = $am:ident, map = $map:expr) => {
        impl<F: TinyField, K: Constant> $tr<K> for &SharedScalar<F> {
            type Output = SharedScalar<F>;
            fn $m(self, k: K) -> SharedScalar<F> {
                let (s, c) = ($map)(k.to_field::<F>());
                self.affine(s, c)
            }
        }
        impl<F: TinyField, K: Constant> $tr<K> for SharedScalar<F> {
            type Output = SharedScalar<F>;
            fn $m(self, k: K) -> SharedScalar<F> {
                (&self).$m(k)
            }
        }
        impl<F: TinyField, K: Constant> $atr<K> for SharedScalar<F> {
            fn $am(&mut self, k: K) {
                *self = (&*self).$m(k);
            }
        }
    };
}
constant_rhs!(
    Trait = Add,
    method = add,
    Assign = AddAssign,
    assign = add_assign,
    map = |k: F| (F::ONE, k)
);
constant_rhs!(
    Trait = Sub,
    method = sub,
    Assign = SubAssign,
    assign = sub_assign,
    map = |k: F| (F::ONE, -k)
);
constant_rhs!(
    Trait = Mul,
    method = mul,
    Assign = MulAssign,
    assign = mul_assign,
    map = |k: F| (k, F::ZERO)
);

/// `k + x`, `k - x` and `k * x` for a constant `k` of type `$k` on the left. Rust needs one
/// impl per left-hand type (the orphan rule), and an integer literal on the left must find
/// exactly one integer impl, so integers on the left are `i32` (write `x * k` for other
/// integer types); field elements work on either side.
macro_rules! constant_lhs {
    (impl[$($g:tt)*] Field = $f:ty, Constant = $k:ty) => {
        impl<$($g)*> Add<&SharedScalar<$f>> for $k {
            type Output = SharedScalar<$f>;
            fn add(self, x: &SharedScalar<$f>) -> SharedScalar<$f> { x + self }
        }
        impl<$($g)*> Sub<&SharedScalar<$f>> for $k {
            type Output = SharedScalar<$f>;
            fn sub(self, x: &SharedScalar<$f>) -> SharedScalar<$f> {
                x.affine(-<$f as Field>::ONE, Constant::to_field::<$f>(self))
            }
        }
        impl<$($g)*> Mul<&SharedScalar<$f>> for $k {
            type Output = SharedScalar<$f>;
            fn mul(self, x: &SharedScalar<$f>) -> SharedScalar<$f> { x * self }
        }
        impl<$($g)*> Add<SharedScalar<$f>> for $k {
            type Output = SharedScalar<$f>;
            fn add(self, x: SharedScalar<$f>) -> SharedScalar<$f> { &x + self }
        }
        impl<$($g)*> Sub<SharedScalar<$f>> for $k {
            type Output = SharedScalar<$f>;
            fn sub(self, x: SharedScalar<$f>) -> SharedScalar<$f> { self - &x }
        }
        impl<$($g)*> Mul<SharedScalar<$f>> for $k {
            type Output = SharedScalar<$f>;
            fn mul(self, x: SharedScalar<$f>) -> SharedScalar<$f> { &x * self }
        }
    };
}
constant_lhs!(impl[F: TinyField] Field = F, Constant = i32);
constant_lhs!(impl[] Field = F127, Constant = F127);
constant_lhs!(impl[] Field = F61, Constant = F61);
constant_lhs!(impl[] Field = F101, Constant = F101);

/// Adds up shared values. The standard library's `Iterator::sum` does not pass on the
/// caller's line, so the ledger charges `sum()` to the standard library; use
/// [`SharedScalar::try_sum`] to charge your own line.
///
/// # Panics
///
/// On an empty iterator (nobody would hold the sum) or mismatched holders;
/// [`SharedScalar::try_sum`] returns the error instead.
impl<F: TinyField> Sum for SharedScalar<F> {
    #[track_caller]
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        let values: Vec<Self> = iter.collect();
        or_panic(SharedScalar::try_sum(&values))
    }
}

/// Adds up borrowed shared values; panics as the owned version does.
impl<'a, F: TinyField> Sum<&'a SharedScalar<F>> for SharedScalar<F> {
    #[track_caller]
    fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        or_panic(SharedScalar::try_sum(iter))
    }
}

/// Multiplies shared values (one Beaver multiplication per factor after the first). The
/// standard library's `Iterator::product` does not pass on the caller's line, so the
/// ledger charges `product()` to the standard library; use [`SharedScalar::try_product`]
/// to charge your own line.
///
/// # Panics
///
/// On an empty iterator or mismatched holders; [`SharedScalar::try_product`] returns the
/// error instead.
impl<F: TinyField> Product for SharedScalar<F> {
    #[track_caller]
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        let values: Vec<Self> = iter.collect();
        or_panic(SharedScalar::try_product(&values))
    }
}

/// Multiplies borrowed shared values; panics as the owned version does.
impl<'a, F: TinyField> Product<&'a SharedScalar<F>> for SharedScalar<F> {
    #[track_caller]
    fn product<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        or_panic(SharedScalar::try_product(iter))
    }
}

/// `PartialEq` with integers for a type with a `value() -> BigInt`.
macro_rules! eq_integer {
    ($ty:ident) => {
        $crate::ops::eq_integer!($ty; i32, i64, u64, i128);
        impl<F: TinyField> PartialEq<::num_bigint::BigInt> for $ty<F> {
            fn eq(&self, other: &::num_bigint::BigInt) -> bool {
                &self.value() == other
            }
        }
    };
    ($ty:ident; $($t:ty),*) => {$(
        impl<F: TinyField> PartialEq<$t> for $ty<F> {
            fn eq(&self, other: &$t) -> bool {
                self.value() == ::num_bigint::BigInt::from(*other)
            }
        }
    )*};
}
pub(crate) use eq_integer;
