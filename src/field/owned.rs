//! The owned variants of a binary operator, derived from its borrowed–borrowed impl: one
//! macro for the field elements and for the shared values.

/// Derives `x op y` for owned–owned, owned–borrowed and borrowed–owned operands of type
/// `$T` from `&x op &y`. The generics go in brackets (`[F: TinyField]`, or `[]`), and
/// attributes before them go on every method (`#[inline]` for field elements,
/// `#[track_caller]` for shared values, whose misuse panics at the learner's line).
macro_rules! owned_variants {
    ($(#[$attr:meta])* [$($g:tt)*] $T:ty, $tr:ident, $m:ident) => {
        impl<$($g)*> $tr<$T> for $T {
            type Output = $T;
            $(#[$attr])*
            fn $m(self, rhs: $T) -> $T {
                (&self).$m(&rhs)
            }
        }
        impl<$($g)*> $tr<&$T> for $T {
            type Output = $T;
            $(#[$attr])*
            fn $m(self, rhs: &$T) -> $T {
                (&self).$m(rhs)
            }
        }
        impl<$($g)*> $tr<$T> for &$T {
            type Output = $T;
            $(#[$attr])*
            fn $m(self, rhs: $T) -> $T {
                self.$m(&rhs)
            }
        }
    };
}

pub(crate) use owned_variants;
