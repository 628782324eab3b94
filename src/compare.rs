//! Comparisons and what is built on them, as methods of [`SharedScalar`].

use std::panic::Location;

use num_bigint::BigInt;

use crate::bit::SharedBit;
use crate::circuits::comparison::{eqz, ltz};
use crate::error::{Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::shadow::{Finding, WarningKind};
use crate::shared::SharedScalar;

/// The default width of integer comparisons: both operands and their difference must
/// lie in [−2⁶³, 2⁶³), i.e. fit an `i64`. Another width is picked with
/// [`SimulationBuilder::comparison_bits`](crate::SimulationBuilder::comparison_bits).
pub const COMPARISON_BITS: u32 = 64;

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

/// Generates a comparison method, its `try_` twin, and documentation.
macro_rules! comparison {
    ($(#[$doc:meta])* $name:ident, $try_name:ident, $op:literal, |$d:ident, $bits:ident| $body:expr) => {
        $(#[$doc])*
        ///
        /// Correct when both operands and their difference lie in [−2^{ℓ−1}, 2^{ℓ−1}), with
        /// ℓ = 64 unless the simulation was built with another
        /// [`comparison_bits`](crate::SimulationBuilder::comparison_bits). Outside that
        /// range the result is wrong, and need not even be 0 or 1: the
        /// [shadow](crate::shadow) reports it. Needs the field [`crate::F127`]. Costs one
        /// masked opening and ℓ − 2 multiplications (`equals`: ℓ − 1, in ⌈log₂ ℓ⌉ layers).
        ///
        /// # Panics
        ///
        /// When the operands cannot be combined, too few holders answer or the field is
        /// too small; the `try_` twin returns the error instead.
        #[track_caller]
        pub fn $name(&self, other: impl Comparand<F>) -> SharedBit<F> {
            or_panic(self.$try_name(other))
        }

        #[doc = concat!("[`", stringify!($name), "`](Self::", stringify!($name), "), returning an error instead of panicking.")]
        #[track_caller]
        pub fn $try_name(&self, other: impl Comparand<F>) -> Result<SharedBit<F>> {
            let $d = other.subtract_from(self)?;
            let $bits = $d.comparison_bits()?;
            follow($op, &$d, $bits);
            Ok(SharedBit::from_scalar($body))
        }
    };
}

/// In a simulation with a shadow, records a comparison at the caller's line, with a
/// warning when the operands' difference `d` lies outside [−2^{ℓ−1}, 2^{ℓ−1}) (ℓ = `bits`),
/// where the bit is wrong.
#[track_caller]
fn follow<F: TinyField>(operation: &'static str, d: &SharedScalar<F>, bits: u32) {
    if !d.shadowed() {
        return;
    }
    let difference = d.peek().to_bigint();
    let limit = BigInt::from(1) << (bits - 1);
    let mut warnings = Vec::new();
    if difference < -&limit || difference >= limit {
        let detail = format!(
            "the operands differ by {difference}, outside the comparison range [−2^{}, 2^{})",
            bits - 1,
            bits - 1
        );
        warnings.push((WarningKind::OutsideDomain, detail));
    }
    let finding = Finding {
        operation,
        error: 0.0,
        added: 0.0,
        warnings,
    };
    d.record(Location::caller(), finding);
}

impl<F: TinyField> SharedScalar<F> {
    /// The simulation's comparison width ℓ, checked.
    fn comparison_bits(&self) -> Result<u32> {
        self.simulation().comparison_bits()
    }

    comparison!(
        /// `[self < other]` as a shared bit.
        less_than, try_less_than, "<", |d, bits| ltz(&d, bits)?
    );
    comparison!(
        /// `[self > other]` as a shared bit.
        greater_than, try_greater_than, ">", |d, bits| ltz(&-&d, bits)?
    );
    comparison!(
        /// `[self ≤ other]` as a shared bit: 1 − `[self > other]`.
        less_or_equal, try_less_or_equal, "≤", |d, bits| 1 - &ltz(&-&d, bits)?
    );
    comparison!(
        /// `[self ≥ other]` as a shared bit: 1 − `[self < other]`.
        greater_or_equal, try_greater_or_equal, "≥", |d, bits| 1 - &ltz(&d, bits)?
    );
    comparison!(
        /// `[self = other]` as a shared bit.
        equals, try_equals, "=", |d, bits| eqz(&d, bits)?
    );

    /// `[self = 0]` as a shared bit. As [`equals`](Self::equals) with 0.
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
        follow("= 0", self, bits);
        Ok(SharedBit::from_scalar(eqz(self, bits)?))
    }

    /// The smaller of `self` and `other`, obliviously: one comparison and one select.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_min`](Self::try_min) returns the error.
    #[track_caller]
    pub fn min(&self, other: &Self) -> Self {
        or_panic(self.try_min(other))
    }

    /// [`min`](Self::min), returning an error instead of panicking.
    #[track_caller]
    pub fn try_min(&self, other: &Self) -> Result<Self> {
        self.try_less_than(other)?.try_select(self, other)
    }

    /// The larger of `self` and `other`, obliviously.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_max`](Self::try_max) returns the error.
    #[track_caller]
    pub fn max(&self, other: &Self) -> Self {
        or_panic(self.try_max(other))
    }

    /// [`max`](Self::max), returning an error instead of panicking.
    #[track_caller]
    pub fn try_max(&self, other: &Self) -> Result<Self> {
        self.try_less_than(other)?.try_select(other, self)
    }

    /// |self|: −self when self < 0, obliviously.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_abs`](Self::try_abs) returns the error.
    #[track_caller]
    pub fn abs(&self) -> Self {
        or_panic(self.try_abs())
    }

    /// [`abs`](Self::abs), returning an error instead of panicking.
    #[track_caller]
    pub fn try_abs(&self) -> Result<Self> {
        // |x| = x − 2·[x < 0]·x
        let negative = ltz(self, self.comparison_bits()?)?;
        Ok(self - &(negative.try_mul(self)? * 2))
    }

    /// −1, 0 or 1 as self is negative, zero or positive: `[x > 0]` − `[x < 0]`.
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_sign`](Self::try_sign) returns the error.
    #[track_caller]
    pub fn sign(&self) -> Self {
        or_panic(self.try_sign())
    }

    /// [`sign`](Self::sign), returning an error instead of panicking.
    #[track_caller]
    pub fn try_sign(&self) -> Result<Self> {
        let bits = self.comparison_bits()?;
        Ok(&ltz(&-self, bits)? - &ltz(self, bits)?)
    }

    /// max(self, 0), obliviously: self·(1 − `[self < 0]`).
    ///
    /// # Panics
    ///
    /// As [`less_than`](Self::less_than); [`try_relu`](Self::try_relu) returns the error.
    #[track_caller]
    pub fn relu(&self) -> Self {
        or_panic(self.try_relu())
    }

    /// [`relu`](Self::relu), returning an error instead of panicking.
    #[track_caller]
    pub fn try_relu(&self) -> Result<Self> {
        (1 - &ltz(self, self.comparison_bits()?)?).try_mul(self)
    }
}
