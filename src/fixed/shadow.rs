//! How a fixed-point operation is followed by the plaintext shadow ([`crate::shadow`]).
//!
//! Every public operation computes its result on shares, untracked, then hands it to
//! [`SharedFixed::follow`] with the plain `f64` function it stands for. When the operands
//! carry exact values, `follow` attaches the exact result and records at the caller's
//! line the error, the error this step added and any warning. When they do not (the
//! shadow is off, or the value is a step inside an operation), it returns the result as is.

use std::panic::Location;

use super::{Precision, SharedFixed};
use crate::bit::SharedBit;
use crate::field::TinyField;
use crate::shadow::{Finding, WarningKind};

/// Where a function's error bound holds, for its last operand.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Domain {
    /// Every number in range.
    All,
    /// x ≠ 0 (at least one unit in the last place away from it).
    NonZero,
    /// x ≥ 0.
    NonNegative,
    /// x > 0.
    Positive,
    /// lo ≤ x < hi.
    Interval(f64, f64),
}

impl Domain {
    /// A description of the domain when `x` lies outside it.
    fn violated(self, x: f64) -> Option<String> {
        let (inside, name) = match self {
            Domain::All => (true, String::new()),
            Domain::NonZero => (x != 0.0, "x ≠ 0".to_string()),
            Domain::NonNegative => (x >= 0.0, "x ≥ 0".to_string()),
            Domain::Positive => (x > 0.0, "x > 0".to_string()),
            Domain::Interval(lo, hi) => (lo <= x && x < hi, format!("{lo:.4} ≤ x < {hi:.4}")),
        };
        (!inside).then(|| format!("input {x} is outside the domain {name}"))
    }
}

impl<F: TinyField> SharedFixed<F> {
    /// The number the shares add up to, read outside the protocol.
    fn peek_number(&self) -> f64 {
        self.precision.decode(self.value.peek())
    }

    /// Follows `operation` on `inputs` (exact function `exact`), which gave `self`, in
    /// the shadow, when on: returns `self` with its exact value attached, after recording
    /// what it found at the caller's line.
    #[track_caller]
    pub(crate) fn follow<const N: usize>(
        self,
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> f64,
        domain: Domain,
    ) -> Self {
        let mut result = self;
        if inputs.iter().any(|x| x.exact.is_none()) || (N == 0 && !result.value.shadowed()) {
            return result;
        }
        let exact_inputs = inputs.map(|x| x.exact.unwrap_or(f64::NAN));
        let actual_inputs = inputs.map(Self::peek_number);
        let value = result.peek_number();
        let exact_value = exact(exact_inputs);
        let expected = exact(actual_inputs);
        let error = (value - exact_value).abs();
        let mut warnings = Vec::new();
        if let Some(&x) = actual_inputs.last()
            && let Some(detail) = domain.violated(x)
        {
            warnings.push((WarningKind::OutsideDomain, detail));
        }
        warnings.extend(range_warning(result.precision, exact_value));
        let ulp = 2f64.powi(-(result.precision.f as i32));
        if error > ulp / 64.0 && error > 0.01 * exact_value.abs() {
            let detail = format!("result {value} where the exact value is {exact_value}");
            warnings.push((WarningKind::PrecisionLost, detail));
        }
        let finding = Finding {
            operation,
            error,
            added: (value - expected).abs(),
            warnings,
        };
        result.value.record(Location::caller(), finding);
        result.exact = Some(exact_value);
        result
    }

    /// Follows a comparison of `inputs` in the shadow, when on: records whether the shared
    /// bit equals the comparison of the exact values.
    #[track_caller]
    pub(crate) fn follow_bit<const N: usize>(
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> bool,
        bit: SharedBit<F>,
    ) -> SharedBit<F> {
        if inputs.iter().any(|x| x.exact.is_none()) {
            return bit;
        }
        let exact_inputs = inputs.map(|x| x.exact.unwrap_or(f64::NAN));
        let value = bit.as_scalar().peek() == F::ONE;
        let expected = exact(exact_inputs);
        let mut warnings = Vec::new();
        if value != expected {
            let held = inputs.map(Self::peek_number);
            let detail = format!(
                "the bit is {value} for exact operands {exact_inputs:?} (held as {held:?})"
            );
            warnings.push((WarningKind::WrongComparison, detail));
        }
        let finding = Finding {
            operation,
            error: f64::from(u8::from(value != expected)),
            added: 0.0,
            warnings,
        };
        bit.as_scalar().record(Location::caller(), finding);
        bit
    }
}

/// An overflow, or a near one, of the exact value `x` against the range ±2^{k−1}.
fn range_warning(p: Precision, x: f64) -> Option<(WarningKind, String)> {
    let limit = 2f64.powi(p.k as i32 - 1);
    if x.abs() >= limit {
        let detail = format!("exact value {x} is beyond the range ±{limit} (k = {})", p.k);
        Some((WarningKind::Overflow, detail))
    } else if x.abs() >= limit / 2.0 {
        let detail = format!(
            "exact value {x} is within a factor 2 of the range ±{limit} (k = {})",
            p.k
        );
        Some((WarningKind::NearOverflow, detail))
    } else {
        None
    }
}
