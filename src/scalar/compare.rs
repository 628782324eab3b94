//! Comparisons and what is built on them, as methods of [`SharedScalar`].

use std::panic::Location;

use num_bigint::BigInt;

use crate::circuits::comparison::{eqz, ltz};
use crate::error::{Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::handle::SharedValue;
use crate::scalar::bit::SharedBit;
use crate::scalar::shared::SharedScalar;
use crate::shadow::{Finding, WarningKind};

/// What a shared value can be compared with: another shared value or a public constant
/// (`i32`, `i64`, `u64`, `i128`, a field element, a [`crate::PublicScalar`]).
pub trait Comparand<F: TinyField> {
    /// `x − self`, as a shared value.
    fn subtract_from(self, x: &SharedScalar<F>) -> Result<SharedScalar<F>>;
}

impl<F: TinyField> Comparand<F> for &SharedScalar<F> {
    fn subtract_from(self, x: &SharedScalar<F>) -> Result<SharedScalar<F>> {
        x.try_sub(self)
    }
}

impl<F: TinyField, K: Constant> Comparand<F> for K {
    fn subtract_from(self, x: &SharedScalar<F>) -> Result<SharedScalar<F>> {
        Ok(x - self)
    }
}

/// Generates comparison methods and their `try_` twins, for every family: scalars,
/// vectors, fixed point. The family gives, in brackets, the docs it adds to every
/// comparison (range, cost, panics) and to every twin (errors), the comparand and the
/// result type; then each comparison: its docs, its names, and a body that computes the
/// twin's result from `self` (named `$x`) and the comparand (named `$o`). The body is
/// written out inside the twin rather than passed as a closure, so that every protocol it
/// calls charges the learner's line.
macro_rules! comparisons {
    (@one [$(#[$family:meta])*] [$(#[$errors:meta])*] [$(#[$doc:meta])*] $cmp:ty => $out:ty;
     $name:ident, $try_name:ident, |$x:ident, $o:ident| $body:expr) => {
        $(#[$doc])*
        ///
        $(#[$family])*
        #[track_caller]
        pub fn $name(&self, other: $cmp) -> $out {
            $crate::error::or_panic(self.$try_name(other))
        }

        #[doc = concat!("[`", stringify!($name), "`](Self::", stringify!($name), "), returning an error instead of panicking.")]
        $(#[$errors])*
        #[track_caller]
        pub fn $try_name(&self, $o: $cmp) -> $crate::error::Result<$out> {
            let $x = self;
            $body
        }
    };
    ($family:tt $errors:tt $cmp:ty => $out:ty;) => {};
    ($family:tt $errors:tt $cmp:ty => $out:ty;
     $(#[$doc:meta])* $name:ident, $try_name:ident, |$x:ident, $o:ident| $body:expr; $($rest:tt)*) => {
        $crate::scalar::compare::comparisons!(
            @one $family $errors [$(#[$doc])*] $cmp => $out; $name, $try_name, |$x, $o| $body
        );
        $crate::scalar::compare::comparisons!($family $errors $cmp => $out; $($rest)*);
    };
}

pub(crate) use comparisons;

/// Generates what is built on the comparisons of shared integers, with `try_` twins and
/// docs, for a scalar and for a vector (lane by lane, `$each` = ", lane by lane"): `min`
/// and `max` (a comparison and a select), `abs`, `sign` and `relu`. ℓ is the
/// simulation's comparison width.
macro_rules! integer_functions {
    (@one $each:literal, $name:ident, $try_name:ident, $what:literal, |$x:ident| $body:expr) => {
        #[doc = concat!($what, $each, ".")]
        ///
        /// # Panics
        ///
        /// As [`less_than`](Self::less_than); the `try_` twin returns the error instead.
        #[track_caller]
        pub fn $name(&self) -> Self {
            $crate::error::or_panic(self.$try_name())
        }

        #[doc = concat!("[`", stringify!($name), "`](Self::", stringify!($name), "), returning an error instead of panicking.")]
        #[track_caller]
        pub fn $try_name(&self) -> $crate::error::Result<Self> {
            let $x = self;
            $body
        }
    };
    ($each:literal) => {
        #[doc = concat!("The smaller of `self` and `other`", $each, ", obliviously: one comparison and one select. Correct where [`less_than`](Self::less_than) is.")]
        ///
        /// # Panics
        ///
        /// As [`less_than`](Self::less_than); [`try_min`](Self::try_min) returns the error.
        #[track_caller]
        pub fn min(&self, other: &Self) -> Self {
            $crate::error::or_panic(self.try_min(other))
        }

        /// [`min`](Self::min), returning an error instead of panicking.
        #[track_caller]
        pub fn try_min(&self, other: &Self) -> $crate::error::Result<Self> {
            Self::try_select(&self.try_less_than(other)?, self, other)
        }

        #[doc = concat!("The larger of `self` and `other`", $each, ", obliviously. Correct where [`less_than`](Self::less_than) is.")]
        ///
        /// # Panics
        ///
        /// As [`less_than`](Self::less_than); [`try_max`](Self::try_max) returns the error.
        #[track_caller]
        pub fn max(&self, other: &Self) -> Self {
            $crate::error::or_panic(self.try_max(other))
        }

        /// [`max`](Self::max), returning an error instead of panicking.
        #[track_caller]
        pub fn try_max(&self, other: &Self) -> $crate::error::Result<Self> {
            Self::try_select(&self.try_less_than(other)?, other, self)
        }

        $crate::scalar::compare::integer_functions!(@one $each, abs, try_abs,
            "|self| = self − 2·`[self < 0]`·self, obliviously, correct for self in \\[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>) (`abs(i64::MIN)` is 2⁶³)",
            |x| {
                let negative = $crate::circuits::comparison::ltz(x, x.simulation().comparison_bits()?)?;
                x.try_sub(&(negative.try_mul(x)? * 2))
            });
        $crate::scalar::compare::integer_functions!(@one $each, sign, try_sign,
            "−1, 0 or 1 as self is negative, zero or positive, `[x > 0]` − `[x < 0]`, correct for self in (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>), the range both comparisons share (`sign(i64::MIN)` is −2)",
            |x| {
                let bits = x.simulation().comparison_bits()?;
                let positive = $crate::circuits::comparison::ltz(&-x, bits)?;
                positive.try_sub(&$crate::circuits::comparison::ltz(x, bits)?)
            });
        $crate::scalar::compare::integer_functions!(@one $each, relu, try_relu,
            "max(self, 0) = self·(1 − `[self < 0]`), obliviously, correct for self in \\[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>)",
            |x| {
                let bits = x.simulation().comparison_bits()?;
                (1 - &$crate::circuits::comparison::ltz(x, bits)?).try_mul(x)
            });
    };
}

pub(crate) use integer_functions;

/// The differences d = x − y a comparison of width ℓ gets right.
#[derive(Clone, Copy)]
enum Range {
    /// d ∈ \[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>): LTZ of d, whose truncation takes exactly that range.
    Below,
    /// d ∈ (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>\]: LTZ of −d.
    Above,
    /// d ∈ (−2^ℓ, 2^ℓ): EQZ of d, which tests d ≡ 0 (mod 2^ℓ).
    Equal,
}

impl Range {
    /// Whether `d` lies in the range, and the range as text, for ℓ = `bits`.
    fn holds(self, d: &BigInt, bits: u32) -> (bool, String) {
        let half = BigInt::from(1) << (bits - 1);
        let e = bits - 1;
        match self {
            Range::Below => (-&half <= *d && *d < half, format!("[−2^{e}, 2^{e})")),
            Range::Above => (-&half < *d && *d <= half, format!("(−2^{e}, 2^{e}]")),
            Range::Equal => {
                let full = half * 2;
                (-&full < *d && *d < full, format!("(−2^{bits}, 2^{bits})"))
            }
        }
    }
}

/// In a simulation with a shadow, records a comparison at the caller's line, with a
/// warning when the operands' difference `d` lies outside the comparison's `range` for
/// ℓ = `bits`, where the bit is wrong.
#[track_caller]
fn follow<F: TinyField>(operation: &'static str, d: &SharedScalar<F>, bits: u32, range: Range) {
    if !d.simulation().shadowed() {
        return;
    }
    let difference = d.peek().to_bigint();
    let mut warnings = Vec::new();
    let (inside, text) = range.holds(&difference, bits);
    if !inside {
        let detail =
            format!("the operands differ by {difference}, outside the comparison range {text}");
        warnings.push((WarningKind::OutsideDomain, detail));
    }
    let finding = Finding {
        operation,
        error: 0.0,
        added: 0.0,
        warnings,
    };
    d.handle().record(Location::caller(), finding);
}

impl<F: TinyField> SharedScalar<F> {
    /// The simulation's comparison width ℓ, checked.
    fn comparison_bits(&self) -> Result<u32> {
        self.simulation().comparison_bits()
    }

    /// d = self − other and ℓ, the comparison `operation` followed in the shadow with the
    /// range of d it gets right: the first steps of every comparison.
    #[track_caller]
    fn difference(
        &self,
        other: impl Comparand<F>,
        operation: &'static str,
        range: Range,
    ) -> Result<(Self, u32)> {
        let d = other.subtract_from(self)?;
        let bits = d.comparison_bits()?;
        follow(operation, &d, bits, range);
        Ok((d, bits))
    }

    comparisons! {
        [
            /// ℓ = 64 unless the simulation was built with another
            /// [`comparison_bits`](crate::SimulationBuilder::comparison_bits). Outside its
            /// range the result is wrong, and need not even be 0 or 1: the
            /// [shadow](crate::shadow) reports it. Needs the field [`crate::F127`]. Costs one
            /// masked opening and ℓ − 2 multiplications (`equals`: ℓ − 1, in ⌈log₂ ℓ⌉ layers).
            ///
            /// # Panics
            ///
            /// When the operands cannot be combined, too few holders answer or the field is
            /// too small; the `try_` twin returns the error instead.
        ]
        []
        impl Comparand<F> => SharedBit<F>;

        /// `[self < other]` as a shared bit: LTZ of d = self − other.
        ///
        /// Correct when d lies in \[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>), both ends included: for ℓ = 64,
        /// `i64::MIN < 0` is right and `i64::MIN < 1` is not.
        less_than, try_less_than, |x, other| {
            let (d, bits) = x.difference(other, "<", Range::Below)?;
            Ok(SharedBit::from_scalar(ltz(&d, bits)?))
        };
        /// `[self > other]` as a shared bit: LTZ of other − self.
        ///
        /// Correct when d = self − other lies in (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>\]: for ℓ = 64,
        /// `0 > i64::MIN` is wrong (d = 2⁶³ is right, d = −2⁶³ is not).
        greater_than, try_greater_than, |x, other| {
            let (d, bits) = x.difference(other, ">", Range::Above)?;
            Ok(SharedBit::from_scalar(ltz(&-&d, bits)?))
        };
        /// `[self ≤ other]` as a shared bit: 1 − `[self > other]`.
        ///
        /// Correct when d = self − other lies in (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>\], as `greater_than`.
        less_or_equal, try_less_or_equal, |x, other| {
            let (d, bits) = x.difference(other, "≤", Range::Above)?;
            Ok(SharedBit::from_scalar(1 - &ltz(&-&d, bits)?))
        };
        /// `[self ≥ other]` as a shared bit: 1 − `[self < other]`.
        ///
        /// Correct when d = self − other lies in \[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>), as `less_than`.
        greater_or_equal, try_greater_or_equal, |x, other| {
            let (d, bits) = x.difference(other, "≥", Range::Below)?;
            Ok(SharedBit::from_scalar(1 - &ltz(&d, bits)?))
        };
        /// `[self = other]` as a shared bit: EQZ of d = self − other.
        ///
        /// Correct when |d| < 2^ℓ, so any two `i64` for ℓ = 64.
        equals, try_equals, |x, other| {
            let (d, bits) = x.difference(other, "=", Range::Equal)?;
            Ok(SharedBit::from_scalar(eqz(&d, bits)?))
        };
    }

    /// `[self = 0]` as a shared bit. As [`equals`](Self::equals) with 0: correct when
    /// |self| < 2^ℓ.
    ///
    /// # Panics
    ///
    /// As [`equals`](Self::equals); [`try_is_zero`](Self::try_is_zero) returns the error.
    #[track_caller]
    pub fn is_zero(&self) -> SharedBit<F> {
        or_panic(self.try_is_zero())
    }

    /// [`is_zero`](Self::is_zero), returning an error instead of panicking.
    #[track_caller]
    pub fn try_is_zero(&self) -> Result<SharedBit<F>> {
        let bits = self.comparison_bits()?;
        follow("= 0", self, bits, Range::Equal);
        Ok(SharedBit::from_scalar(eqz(self, bits)?))
    }

    /// `if bit { yes } else { no }`, computed on shares: no + bit·(yes − no), one triple.
    ///
    /// # Panics
    ///
    /// When the operands cannot be combined or too few holders answer;
    /// [`try_select`](Self::try_select) returns the error instead.
    #[track_caller]
    pub fn select(bit: &SharedBit<F>, yes: &Self, no: &Self) -> Self {
        or_panic(Self::try_select(bit, yes, no))
    }

    /// [`select`](Self::select), returning an error instead of panicking.
    #[track_caller]
    pub fn try_select(bit: &SharedBit<F>, yes: &Self, no: &Self) -> Result<Self> {
        Ok(no + &bit.as_scalar().try_mul(&yes.try_sub(no)?)?)
    }

    integer_functions!("");
}
