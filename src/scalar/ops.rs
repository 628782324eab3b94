//! Operators on shared values.
//!
//! The borrowed–borrowed case of each operator is written once by hand; the macros below
//! derive the owned variants from it, so every combination of owned and borrowed operands
//! works. Public constants go on either side: `k + x` reuses `x + k` (addition and
//! multiplication commute), while `k - x` is its own protocol. Every operator carries
//! `#[track_caller]`, so costs are charged to the learner's line and panics point at it.
//!
//! On the right a constant is any [`Constant`] (one generic impl); on the left it is an
//! `i64` or a field element of the operand's field. A second integer type on the left
//! would make an unsuffixed literal ambiguous: `5 * &x` could then be either, and the
//! compiler settles on `i32` only after type-checking the whole function, too late for a
//! method call or a further operator on the result, so `(5 * &x).open()` and
//! `&x - 5 * &y` would stop compiling ("type annotations needed"). With `i64` the only
//! integer type on the left, a literal there is an `i64`. [`SharedScalar`]'s docs show
//! the table of what compiles.

use std::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use ff::Field;

use crate::error::or_panic;
use crate::field::{Constant, F61, F101, F127, TinyField};
use crate::scalar::shared::SharedScalar;

/// Derives `x op= y` for owned and borrowed `y`: `+=` and `-=` change the shares in place
/// (`in_place`), `*=` replaces the value by a product (`via`).
macro_rules! assign_variants {
    (Type = $T:ident, Trait = $tr:ident, method = $m:ident, in_place = $f:expr) => {
        impl<F: TinyField> $tr<&$T<F>> for $T<F> {
            #[track_caller]
            fn $m(&mut self, rhs: &$T<F>) {
                or_panic(self.try_update(rhs, $f));
            }
        }
        $crate::scalar::ops::assign_variants!(@owned $T, $tr, $m);
    };
    (Type = $T:ident, Trait = $tr:ident, method = $m:ident, via = $op:tt) => {
        impl<F: TinyField> $tr<&$T<F>> for $T<F> {
            #[track_caller]
            fn $m(&mut self, rhs: &$T<F>) {
                *self = &*self $op rhs;
            }
        }
        $crate::scalar::ops::assign_variants!(@owned $T, $tr, $m);
    };
    (@owned $T:ident, $tr:ident, $m:ident) => {
        impl<F: TinyField> $tr<$T<F>> for $T<F> {
            #[track_caller]
            fn $m(&mut self, rhs: $T<F>) {
                self.$m(&rhs);
            }
        }
    };
}

/// `x + k`, `x - k`, `x * k` and `x += k`, `x -= k`, `x *= k` for any public constant
/// `k` (an `i32`, `i64`, `u64` or field element): each is one affine map s·x + c.
macro_rules! constant_rhs {
    (Type = $T:ident, Trait = $tr:ident, method = $m:ident, Assign = $atr:ident, assign = $am:ident, map = $map:expr) => {
        impl<F: TinyField, K: Constant> $tr<K> for &$T<F> {
            type Output = $T<F>;
            #[track_caller]
            fn $m(self, k: K) -> $T<F> {
                let (s, c) = ($map)(k.to_field::<F>());
                self.affine(s, c)
            }
        }
        impl<F: TinyField, K: Constant> $tr<K> for $T<F> {
            type Output = $T<F>;
            #[track_caller]
            fn $m(self, k: K) -> $T<F> {
                (&self).$m(k)
            }
        }
        impl<F: TinyField, K: Constant> $atr<K> for $T<F> {
            #[track_caller]
            fn $am(&mut self, k: K) {
                *self = (&*self).$m(k);
            }
        }
    };
}

/// `k + x`, `k - x` and `k * x` for a constant `k` of type `$k` on the left. Rust needs one
/// impl per left-hand type (the orphan rule), and an integer literal on the left must find
/// exactly one integer impl (see the module docs), so integers on the left are `i64`
/// (write `x * k` for other integer types); field elements work on either side.
macro_rules! constant_lhs {
    (impl[$($g:tt)*] Type = $T:ident, Field = $f:ty, Constant = $k:ty) => {
        impl<$($g)*> Add<&$T<$f>> for $k {
            type Output = $T<$f>;
            #[track_caller]
            fn add(self, x: &$T<$f>) -> $T<$f> { x + self }
        }
        impl<$($g)*> Sub<&$T<$f>> for $k {
            type Output = $T<$f>;
            #[track_caller]
            fn sub(self, x: &$T<$f>) -> $T<$f> {
                x.affine(-<$f as Field>::ONE, Constant::to_field::<$f>(self))
            }
        }
        impl<$($g)*> Mul<&$T<$f>> for $k {
            type Output = $T<$f>;
            #[track_caller]
            fn mul(self, x: &$T<$f>) -> $T<$f> { x * self }
        }
        impl<$($g)*> Add<$T<$f>> for $k {
            type Output = $T<$f>;
            #[track_caller]
            fn add(self, x: $T<$f>) -> $T<$f> { &x + self }
        }
        impl<$($g)*> Sub<$T<$f>> for $k {
            type Output = $T<$f>;
            #[track_caller]
            fn sub(self, x: $T<$f>) -> $T<$f> { self - &x }
        }
        impl<$($g)*> Mul<$T<$f>> for $k {
            type Output = $T<$f>;
            #[track_caller]
            fn mul(self, x: $T<$f>) -> $T<$f> { &x * self }
        }
    };
}

/// Every operator for a shared type `$T` (scalar or vector) that has `try_add`,
/// `try_sub`, `try_mul`, `affine(s, c)` and `try_update`: the borrowed–borrowed cases by
/// hand, the rest derived by the macros above.
macro_rules! shared_operators {
    ($T:ident) => {
impl<F: TinyField> Add<&$T<F>> for &$T<F> {
    type Output = $T<F>;
    #[track_caller]
    fn add(self, rhs: &$T<F>) -> $T<F> {
        or_panic(self.try_add(rhs))
    }
}

impl<F: TinyField> Sub<&$T<F>> for &$T<F> {
    type Output = $T<F>;
    #[track_caller]
    fn sub(self, rhs: &$T<F>) -> $T<F> {
        or_panic(self.try_sub(rhs))
    }
}

impl<F: TinyField> Mul<&$T<F>> for &$T<F> {
    type Output = $T<F>;
    #[track_caller]
    fn mul(self, rhs: &$T<F>) -> $T<F> {
        or_panic(self.try_mul(rhs))
    }
}

impl<F: TinyField> Neg for &$T<F> {
    type Output = $T<F>;
    #[track_caller]
    fn neg(self) -> $T<F> {
        self.affine(-F::ONE, F::ZERO)
    }
}

impl<F: TinyField> Neg for $T<F> {
    type Output = $T<F>;
    #[track_caller]
    fn neg(self) -> $T<F> {
        -&self
    }
}

$crate::field::owned::owned_variants!(#[track_caller] [F: TinyField] $T<F>, Add, add);
$crate::field::owned::owned_variants!(#[track_caller] [F: TinyField] $T<F>, Sub, sub);
$crate::field::owned::owned_variants!(#[track_caller] [F: TinyField] $T<F>, Mul, mul);
$crate::scalar::ops::assign_variants!(
    Type = $T,
    Trait = AddAssign,
    method = add_assign,
    in_place = $crate::protocols::linear::Combine::Add
);
$crate::scalar::ops::assign_variants!(
    Type = $T,
    Trait = SubAssign,
    method = sub_assign,
    in_place = $crate::protocols::linear::Combine::Sub
);
$crate::scalar::ops::assign_variants!(Type = $T, Trait = MulAssign, method = mul_assign, via = *);
$crate::scalar::ops::constant_rhs!(
    Type = $T,
    Trait = Add,
    method = add,
    Assign = AddAssign,
    assign = add_assign,
    map = |k: F| (F::ONE, k)
);
$crate::scalar::ops::constant_rhs!(
    Type = $T,
    Trait = Sub,
    method = sub,
    Assign = SubAssign,
    assign = sub_assign,
    map = |k: F| (F::ONE, -k)
);
$crate::scalar::ops::constant_rhs!(
    Type = $T,
    Trait = Mul,
    method = mul,
    Assign = MulAssign,
    assign = mul_assign,
    map = |k: F| (k, F::ZERO)
);
$crate::scalar::ops::constant_lhs!(impl[F: TinyField] Type = $T, Field = F, Constant = i64);
$crate::scalar::ops::constant_lhs!(impl[] Type = $T, Field = F127, Constant = F127);
$crate::scalar::ops::constant_lhs!(impl[] Type = $T, Field = F61, Constant = F61);
$crate::scalar::ops::constant_lhs!(impl[] Type = $T, Field = F101, Constant = F101);
    };
}
pub(crate) use {assign_variants, constant_lhs, constant_rhs, shared_operators};

shared_operators!(SharedScalar);

/// `try_sum` and `try_product` on a shared family with `try_add` and `try_mul`, and the
/// standard library's `Sum` and `Product` over owned and borrowed values. `Iterator::sum`
/// does not pass on the caller's line, so the ledger charges `sum()` and `product()` to
/// the standard library; `try_sum` and `try_product` charge the caller's line.
macro_rules! folds {
    (@fold $T:ident, $kind:literal, $try:ident, $step:ident, $Trait:ident, $method:ident,
     $what:literal, $verb:literal, $cost:literal) => {
        impl<F: $crate::field::TinyField> $T<F> {
            #[doc = concat!("The ", $what, " of the ", $kind, $cost, ", or an error if there are none or they cannot be combined.")]
            ///
            /// # Errors
            ///
            /// [`Error::Empty`](crate::Error::Empty) for no values; otherwise the error of
            /// combining two of them.
            #[track_caller]
            pub fn $try<'a>(
                values: impl IntoIterator<Item = &'a Self>,
            ) -> $crate::error::Result<Self> {
                let mut values = values.into_iter();
                let first = values.next().ok_or($crate::error::Error::Empty { what: $verb });
                let mut acc = first?.clone();
                for v in values {
                    acc = acc.$step(v)?;
                }
                Ok(acc)
            }
        }

        #[doc = concat!("The ", $what, " of ", $kind, " (see [`", stringify!($T), "::", stringify!($try), "`]).")]
        ///
        /// # Panics
        ///
        #[doc = concat!("On an empty iterator (nobody would hold the result) or values that cannot be combined; `", stringify!($try), "` returns the error instead.")]
        impl<F: $crate::field::TinyField> ::std::iter::$Trait for $T<F> {
            #[track_caller]
            fn $method<I: Iterator<Item = Self>>(iter: I) -> Self {
                let values: Vec<Self> = iter.collect();
                $crate::error::or_panic($T::$try(&values))
            }
        }

        #[doc = concat!("The ", $what, " of borrowed ", $kind, "; panics as the owned version does.")]
        impl<'a, F: $crate::field::TinyField> ::std::iter::$Trait<&'a $T<F>> for $T<F> {
            #[track_caller]
            fn $method<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
                $crate::error::or_panic($T::$try(iter))
            }
        }
    };
    ($T:ident, $kind:literal) => {
        $crate::scalar::ops::folds!(@fold $T, $kind, try_sum, try_add, Sum, sum,
            "sum", "sum", "");
        $crate::scalar::ops::folds!(@fold $T, $kind, try_product, try_mul, Product, product,
            "product", "multiply", " (one multiplication per factor after the first)");
    };
}
pub(crate) use folds;

folds!(SharedScalar, "shared values");
