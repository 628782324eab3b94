//! Equality of values with plain integers, so that tests and lessons can write
//! `assert_eq!(x.reconstruct(&alice)?, 42)` and `assert_eq!(v, [1, 2, 3])`.

/// `PartialEq` with integers: `scalar T` for a type with `value() -> BigInt` (compared
/// with `i32`, `i64`, `u64`, `i128` and `BigInt`); `lanes T` for a type with
/// `values() -> Vec<BigInt>` (compared with arrays and vectors of integers).
macro_rules! eq_integers {
    (scalar $ty:ident) => {
        $crate::field::equality::eq_integers!(scalar $ty; i32, i64, u64, i128);
        impl<F: TinyField> PartialEq<::num_bigint::BigInt> for $ty<F> {
            fn eq(&self, other: &::num_bigint::BigInt) -> bool {
                &self.value() == other
            }
        }
    };
    (scalar $ty:ident; $($t:ty),*) => {$(
        impl<F: TinyField> PartialEq<$t> for $ty<F> {
            fn eq(&self, other: &$t) -> bool {
                self.value() == ::num_bigint::BigInt::from(*other)
            }
        }
    )*};
    (lanes $ty:ident) => {
        impl<F: TinyField, T: Copy + Into<::num_bigint::BigInt>, const N: usize> PartialEq<[T; N]>
            for $ty<F>
        {
            fn eq(&self, other: &[T; N]) -> bool {
                self.values() == other.iter().map(|&v| v.into()).collect::<Vec<_>>()
            }
        }
        impl<F: TinyField, T: Copy + Into<::num_bigint::BigInt>> PartialEq<Vec<T>> for $ty<F> {
            fn eq(&self, other: &Vec<T>) -> bool {
                self.values() == other.iter().map(|&v| v.into()).collect::<Vec<_>>()
            }
        }
    };
}
pub(crate) use eq_integers;
