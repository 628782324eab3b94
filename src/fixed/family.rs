//! The comparisons of fixed-point numbers and the functions built on them, written once for
//! a [`SharedFixed`](super::SharedFixed) and a
//! [`SharedFixedVector`](crate::SharedFixedVector).
//!
//! Both hold shared encodings x̃ = round(x·2^f) of one format, a scalar or lane by lane,
//! and compare through them: x < y ⇔ x̃ − ỹ < 0, a comparison of ℓ = k + f + 1 bits (one
//! more than an encoding, so the difference of any two numbers in range fits), by LTZ and
//! EQZ ([`crate::circuits::comparison`]). Built on them:
//!
//! - relu(x) = x·(1 − `[x < 0]`), abs(x) = x − 2·`[x < 0]`·x: exact, since a product of a
//!   bit with an encoding needs no truncation;
//! - sign(x) = (`[−x < 0]` − `[x < 0]`)·2^f;
//! - min(x, y) = y + `[x < y]`·(x − y), max(x, y) = x + `[x < y]`·(y − x).
//!
//! What differs between the two is only the shape (a [`SharedBit`](crate::SharedBit) or
//! 0/1 lanes) and how the shadow follows the result, which [`FixedFamily`] names.

use crate::circuits::comparison::{eqz, ltz};
use crate::circuits::truncation::trunc_pr;
use crate::error::Result;
use crate::field::TinyField;
use crate::fixed::precision::Precision;
use crate::handle::{SharedValue, affine, difference, product, sum};

/// A shared fixed-point type: its encodings, its format, and how the shadow follows it.
pub(crate) trait FixedFamily<F: TinyField>: Sized {
    /// The shared encodings: one, or one per lane.
    type Encoded: SharedValue<F>;
    /// What a comparison gives: a shared bit, or 0/1 lanes.
    type Bits;

    /// The shared encodings.
    fn encodings(&self) -> &Self::Encoded;
    /// The format, (k, f).
    fn format(&self) -> Precision;
    /// Encodings of the same format, not yet followed by the shadow.
    fn like(&self, encoded: Self::Encoded) -> Self;
    /// Whether `self` and `other` can be combined (format, holders, lengths).
    fn combinable(&self, other: &Self) -> Result<()>;
    /// The 0/1 result of a comparison, as the family gives it.
    fn bits(encoded: Self::Encoded) -> Self::Bits;
    /// Follows an operation on `inputs` (exact function `exact`) that gave `self`.
    #[track_caller]
    fn followed<const N: usize>(
        self,
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> f64,
    ) -> Self;
    /// Follows a comparison of `inputs` (exact predicate `exact`) that gave `bits`.
    #[track_caller]
    fn followed_bits<const N: usize>(
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> bool,
        bits: Self::Bits,
    ) -> Self::Bits;
}

/// ℓ = k + f + 1, the width of a comparison of two encodings.
fn width<F: TinyField, X: FixedFamily<F>>(x: &X) -> u32 {
    x.format().bits() + 1
}

/// x + y: the encodings added (free).
#[track_caller]
pub(crate) fn add<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X> {
    x.combinable(y)?;
    let total = x.like(sum(x.encodings(), y.encodings())?);
    Ok(total.followed("+", [x, y], |[a, b]| a + b))
}

/// x − y: the encodings subtracted (free).
#[track_caller]
pub(crate) fn sub<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X> {
    x.combinable(y)?;
    let gap = x.like(difference(x.encodings(), y.encodings())?);
    Ok(gap.followed("−", [x, y], |[a, b]| a - b))
}

/// x·y: x̃·ỹ carries the scale twice, 2<sup>2f</sup>, so a Beaver product is followed by a
/// probabilistic truncation by f bits (TruncPr of k + 2f bits).
#[track_caller]
pub(crate) fn mul<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X> {
    x.combinable(y)?;
    let p = x.format();
    let scaled = product(x.encodings(), y.encodings())?;
    let truncated = x.like(trunc_pr(&scaled, p.bits() + p.f, p.f)?);
    Ok(truncated.followed("×", [x, y], |[a, b]| a * b))
}

/// `[x̃ < 0]` for encodings of x's format, as a step inside an operation.
#[track_caller]
fn negative<F: TinyField, X: FixedFamily<F>>(x: &X, encoded: &X::Encoded) -> Result<X::Encoded> {
    ltz(encoded, width(x))
}

/// `[x < y]`: LTZ of x̃ − ỹ.
#[track_caller]
pub(crate) fn less_than<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X::Bits> {
    let bits = negative(x, &difference(x.encodings(), y.encodings())?)?;
    Ok(X::followed_bits("<", [x, y], |[a, b]| a < b, X::bits(bits)))
}

/// `[x > y]`: LTZ of ỹ − x̃.
#[track_caller]
pub(crate) fn greater_than<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X::Bits> {
    let bits = negative(x, &difference(y.encodings(), x.encodings())?)?;
    Ok(X::followed_bits(">", [x, y], |[a, b]| a > b, X::bits(bits)))
}

/// `[x ≤ y]` = 1 − `[x > y]`.
#[track_caller]
pub(crate) fn less_or_equal<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X::Bits> {
    let greater = negative(x, &difference(y.encodings(), x.encodings())?)?;
    let bits = affine(&greater, -F::ONE, F::ONE);
    Ok(X::followed_bits(
        "≤",
        [x, y],
        |[a, b]| a <= b,
        X::bits(bits),
    ))
}

/// `[x ≥ y]` = 1 − `[x < y]`.
#[track_caller]
pub(crate) fn greater_or_equal<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X::Bits> {
    let less = negative(x, &difference(x.encodings(), y.encodings())?)?;
    let bits = affine(&less, -F::ONE, F::ONE);
    Ok(X::followed_bits(
        "≥",
        [x, y],
        |[a, b]| a >= b,
        X::bits(bits),
    ))
}

/// `[x = y]`: EQZ of x̃ − ỹ, so numbers closer than 2⁻ᶠ may compare equal.
#[track_caller]
pub(crate) fn equals<F: TinyField, X: FixedFamily<F>>(x: &X, y: &X) -> Result<X::Bits> {
    let bits = eqz(&difference(x.encodings(), y.encodings())?, width(x))?;
    Ok(X::followed_bits(
        "=",
        [x, y],
        |[a, b]| a == b,
        X::bits(bits),
    ))
}

/// `[x < 0]`.
#[track_caller]
pub(crate) fn is_negative<F: TinyField, X: FixedFamily<F>>(x: &X) -> Result<X::Bits> {
    let bits = negative(x, x.encodings())?;
    Ok(X::followed_bits("< 0", [x], |[a]| a < 0.0, X::bits(bits)))
}

/// `[x = 0]`.
#[track_caller]
pub(crate) fn is_zero<F: TinyField, X: FixedFamily<F>>(x: &X) -> Result<X::Bits> {
    let bits = eqz(x.encodings(), width(x))?;
    Ok(X::followed_bits("= 0", [x], |[a]| a == 0.0, X::bits(bits)))
}

/// max(x, 0) = x·(1 − `[x < 0]`).
#[track_caller]
pub(crate) fn relu<F: TinyField, X: FixedFamily<F>>(x: &X) -> Result<X> {
    let kept = affine(&negative(x, x.encodings())?, -F::ONE, F::ONE);
    let kept = x.like(product(&kept, x.encodings())?);
    Ok(kept.followed("relu", [x], |[a]| a.max(0.0)))
}

/// |x| = x − 2·`[x < 0]`·x.
#[track_caller]
pub(crate) fn abs<F: TinyField, X: FixedFamily<F>>(x: &X) -> Result<X> {
    let flipped = product(&negative(x, x.encodings())?, x.encodings())?;
    let flipped = affine(&flipped, F::from(2), F::ZERO);
    let magnitude = x.like(difference(x.encodings(), &flipped)?);
    Ok(magnitude.followed("abs", [x], |[a]| a.abs()))
}

/// sign(x) = (`[−x < 0]` − `[x < 0]`)·2^f: −1, 0 or 1 in x's format.
#[track_caller]
pub(crate) fn sign<F: TinyField, X: FixedFamily<F>>(x: &X) -> Result<X> {
    let positive = negative(x, &affine(x.encodings(), -F::ONE, F::ZERO))?;
    let negative = negative(x, x.encodings())?;
    let one = F::from_i128(x.format().encode(1.0)?);
    let sign = x.like(affine(&difference(&positive, &negative)?, one, F::ZERO));
    let exact = |[a]: [f64; 1]| match a.partial_cmp(&0.0) {
        Some(std::cmp::Ordering::Greater) => 1.0,
        Some(std::cmp::Ordering::Less) => -1.0,
        _ => 0.0,
    };
    Ok(sign.followed("sign", [x], exact))
}

/// min(x, y), or max(x, y) when not `smaller`: one comparison and one select.
#[track_caller]
pub(crate) fn min_or_max<F: TinyField, X: FixedFamily<F>>(
    x: &X,
    y: &X,
    smaller: bool,
) -> Result<X> {
    x.combinable(y)?;
    let less = negative(x, &difference(x.encodings(), y.encodings())?)?;
    let (yes, no) = if smaller { (x, y) } else { (y, x) };
    // no + [x < y]·(yes − no)
    let step = product(&less, &difference(yes.encodings(), no.encodings())?)?;
    let picked = x.like(sum(no.encodings(), &step)?);
    Ok(match smaller {
        true => picked.followed("min", [x, y], |[a, b]| a.min(b)),
        false => picked.followed("max", [x, y], |[a, b]| a.max(b)),
    })
}

/// Generates the arithmetic twins (`try_add`, `try_sub`, `try_mul`), the comparisons and
/// the functions built on them (`is_negative`, `is_zero`, `relu`, `abs`, `sign`, `min`,
/// `max`), with their `try_` twins and docs, as inherent methods of a fixed-point type
/// implementing [`FixedFamily`]. `$comparand` is what it compares with, `$bits` what a
/// comparison gives (`$bits_doc` says so in words), `$each` how the type applies them (""
/// or ", lane by lane"), and `less_than` the body of `try_less_than`.
macro_rules! fixed_functions {
    (@bits $bits:ty, $each:literal, $name:ident, $try_name:ident, $what:literal) => {
        #[doc = concat!($what, $each, ".")]
        ///
        /// # Panics
        ///
        /// When too few holders answer; the `try_` twin returns the error instead.
        #[track_caller]
        pub fn $name(&self) -> $bits {
            $crate::error::or_panic(self.$try_name())
        }

        #[doc = concat!("[`", stringify!($name), "`](Self::", stringify!($name), "), returning an error instead of panicking.")]
        #[track_caller]
        pub fn $try_name(&self) -> $crate::error::Result<$bits> {
            $crate::fixed::family::$name(self)
        }
    };
    (@unary $each:literal, $name:ident, $try_name:ident, $what:literal) => {
        #[doc = concat!($what, $each, ".")]
        ///
        /// # Panics
        ///
        /// When too few holders answer; the `try_` twin returns the error instead.
        #[track_caller]
        pub fn $name(&self) -> Self {
            $crate::error::or_panic(self.$try_name())
        }

        #[doc = concat!("[`", stringify!($name), "`](Self::", stringify!($name), "), returning an error instead of panicking.")]
        #[track_caller]
        pub fn $try_name(&self) -> $crate::error::Result<Self> {
            $crate::fixed::family::$name(self)
        }
    };
    ($comparand:ty => $bits:ty, $each:literal, $bits_doc:literal,
     less_than = |$x:ident, $o:ident| $less_than:expr) => {
        #[doc = concat!("`self + other`", $each, ": the encodings added, exact.")]
        #[track_caller]
        pub fn try_add(&self, other: &Self) -> $crate::error::Result<Self> {
            $crate::fixed::family::add(self, other)
        }

        #[doc = concat!("`self - other`", $each, ": the encodings subtracted, exact.")]
        #[track_caller]
        pub fn try_sub(&self, other: &Self) -> $crate::error::Result<Self> {
            $crate::fixed::family::sub(self, other)
        }

        #[doc = concat!("`self * other`", $each, ": a Beaver multiplication and a probabilistic truncation by f bits, in the rounds of one.")]
        #[track_caller]
        pub fn try_mul(&self, other: &Self) -> $crate::error::Result<Self> {
            $crate::fixed::family::mul(self, other)
        }

        $crate::scalar::compare::comparisons! {
            [
                /// Correct for any numbers in range (|x| < 2<sup>k−1</sup>); see the module docs.
                ///
                /// # Panics
                ///
                /// When the operands cannot be combined (format, holders, lengths), a
                /// constant is NaN, infinite or out of range, or too few holders answer;
                /// the `try_` twin returns the error instead.
            ]
            [
                ///
                /// # Errors
                ///
                /// [`Error::PrecisionMismatch`](crate::Error::PrecisionMismatch),
                /// [`Error::HolderMismatch`](crate::Error::HolderMismatch) or, for
                /// vectors, [`Error::LengthMismatch`](crate::Error::LengthMismatch);
                /// [`Error::FixedOutOfRange`](crate::Error::FixedOutOfRange) for a constant
                /// out of range; [`Error::NotEnoughOnline`](crate::Error::NotEnoughOnline).
            ]
            $comparand => $bits;

            #[doc = concat!("`[self < other]`", $each, ", ", $bits_doc, ".")]
            less_than, try_less_than, |$x, $o| $less_than;
            #[doc = concat!("`[self > other]`", $each, ", ", $bits_doc, ".")]
            greater_than, try_greater_than, |x, other| {
                $crate::fixed::family::greater_than(x, ::std::borrow::Borrow::borrow(&other.operand(x)?))
            };
            #[doc = concat!("`[self ≤ other]`", $each, ", ", $bits_doc, ": 1 − `[self > other]`.")]
            less_or_equal, try_less_or_equal, |x, other| {
                $crate::fixed::family::less_or_equal(x, ::std::borrow::Borrow::borrow(&other.operand(x)?))
            };
            #[doc = concat!("`[self ≥ other]`", $each, ", ", $bits_doc, ": 1 − `[self < other]`.")]
            greater_or_equal, try_greater_or_equal, |x, other| {
                $crate::fixed::family::greater_or_equal(x, ::std::borrow::Borrow::borrow(&other.operand(x)?))
            };
            #[doc = concat!("`[self = other]`", $each, ", ", $bits_doc, ": equal encodings, so numbers closer than 2⁻ᶠ may compare equal.")]
            equals, try_equals, |x, other| {
                $crate::fixed::family::equals(x, ::std::borrow::Borrow::borrow(&other.operand(x)?))
            };
        }

        $crate::fixed::family::fixed_functions!(@bits $bits, $each,
            is_negative, try_is_negative, "`[self < 0]`");
        $crate::fixed::family::fixed_functions!(@bits $bits, $each,
            is_zero, try_is_zero, "`[self = 0]`: as `equals` with 0");
        $crate::fixed::family::fixed_functions!(@unary $each,
            relu, try_relu, "max(self, 0) = self·(1 − `[self < 0]`), exact");
        $crate::fixed::family::fixed_functions!(@unary $each,
            abs, try_abs, "|self| = self − 2·`[self < 0]`·self, exact");
        $crate::fixed::family::fixed_functions!(@unary $each,
            sign, try_sign, "−1, 0 or 1 as self is negative, zero or positive: `[self > 0]` − `[self < 0]`");

        #[doc = concat!("The smaller of the two", $each, ": one comparison and one select, y + `[x < y]`·(x − y).")]
        ///
        /// # Panics
        ///
        /// When the operands cannot be combined or too few holders answer;
        /// [`try_min`](Self::try_min) returns the error.
        #[track_caller]
        pub fn min(&self, other: &Self) -> Self {
            $crate::error::or_panic(self.try_min(other))
        }

        /// [`min`](Self::min), returning an error instead of panicking.
        #[track_caller]
        pub fn try_min(&self, other: &Self) -> $crate::error::Result<Self> {
            $crate::fixed::family::min_or_max(self, other, true)
        }

        #[doc = concat!("The larger of the two", $each, ": one comparison and one select, x + `[x < y]`·(y − x).")]
        ///
        /// # Panics
        ///
        /// As [`min`](Self::min); [`try_max`](Self::try_max) returns the error.
        #[track_caller]
        pub fn max(&self, other: &Self) -> Self {
            $crate::error::or_panic(self.try_max(other))
        }

        /// [`max`](Self::max), returning an error instead of panicking.
        #[track_caller]
        pub fn try_max(&self, other: &Self) -> $crate::error::Result<Self> {
            $crate::fixed::family::min_or_max(self, other, false)
        }
    };
}

pub(crate) use fixed_functions;
