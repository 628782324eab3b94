//! How a fixed-point operation is followed by the plaintext shadow ([`crate::shadow`]).
//!
//! Every public operation computes its result on shares, untracked, then hands it to
//! [`SharedFixed::follow`](super::SharedFixed) with the plain `f64` function it stands for. When the operands
//! carry exact values, `follow` attaches the exact result and records at the caller's
//! line the error, the error this step added and any warning. When they do not (the
//! shadow is off, or the value is a step inside an operation), it returns the result as is.
//!
//! The checks themselves ([`judge`], [`judge_bits`]) take the lanes of an operation, one
//! for a number and n for a [`crate::SharedFixedVector`], so both are judged by the same
//! code: the worst error over the lanes, and each kind of warning once, naming the lane
//! when there are several.

use super::precision::Precision;
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

/// One lane of an operation, as the shadow sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outcome {
    /// What the shares add up to.
    pub value: f64,
    /// The operation on the exact operands.
    pub exact: f64,
    /// The operation on the operands as the shares hold them.
    pub expected: f64,
    /// The last operand as held, whose domain is checked.
    pub input: Option<f64>,
}

/// A comparison's lane: the shared bit, the exact comparison, and the operands.
#[derive(Debug, Clone)]
pub(crate) struct BitOutcome {
    /// The shared bit: `None` when it is neither 0 nor 1.
    pub value: Option<bool>,
    /// The comparison of the exact operands.
    pub expected: bool,
    /// The exact operands.
    pub exact: Vec<f64>,
    /// The operands as held.
    pub held: Vec<f64>,
}

/// The warnings of every lane, one per kind: the first lane's detail, naming the lane
/// (and how many more lanes raised it) when there are several lanes.
struct Warnings {
    lanes: usize,
    found: Vec<(WarningKind, usize, String, usize)>,
}

impl Warnings {
    fn new(lanes: usize) -> Self {
        Warnings {
            lanes,
            found: Vec::new(),
        }
    }

    fn raise(&mut self, kind: WarningKind, lane: usize, detail: impl FnOnce() -> String) {
        match self.found.iter_mut().find(|(k, ..)| *k == kind) {
            Some((.., more)) => *more += 1,
            None => self.found.push((kind, lane, detail(), 0)),
        }
    }

    fn into_list(self) -> Vec<(WarningKind, String)> {
        let lanes = self.lanes;
        let name = move |(kind, lane, detail, more): (WarningKind, usize, String, usize)| {
            let detail = match (lanes, more) {
                (1, _) => detail,
                (_, 0) => format!("lane {lane}: {detail}"),
                (_, more) => format!("lane {lane} (and {more} more): {detail}"),
            };
            (kind, detail)
        };
        self.found.into_iter().map(name).collect()
    }
}

/// Judges an operation from its lanes (one for a scalar): the worst error and error added
/// over the lanes, and a warning of each kind some lane raised.
pub(crate) fn judge(
    operation: &'static str,
    precision: Precision,
    lanes: &[Outcome],
    domain: Domain,
) -> Finding {
    let ulp = 2f64.powi(-(precision.f as i32));
    let (mut error, mut added) = (0f64, 0f64);
    let mut warnings = Warnings::new(lanes.len());
    for (j, lane) in lanes.iter().enumerate() {
        let lane_error = (lane.value - lane.exact).abs();
        error = error.max(lane_error);
        added = added.max((lane.value - lane.expected).abs());
        if let Some(detail) = lane.input.and_then(|x| domain.violated(x)) {
            warnings.raise(WarningKind::OutsideDomain, j, || detail);
        }
        if let Some((kind, detail)) = range_warning(precision, lane.exact) {
            warnings.raise(kind, j, || detail);
        }
        if lane_error > ulp / 64.0 && lane_error > 0.01 * lane.exact.abs() {
            let (value, exact) = (lane.value, lane.exact);
            let detail = || format!("result {value} where the exact value is {exact}");
            warnings.raise(WarningKind::PrecisionLost, j, detail);
        }
    }
    Finding {
        operation,
        error,
        added,
        warnings: warnings.into_list(),
    }
}

/// Judges a comparison from its lanes: the error is 1 when some lane's bit is wrong.
pub(crate) fn judge_bits(operation: &'static str, lanes: &[BitOutcome]) -> Finding {
    let mut warnings = Warnings::new(lanes.len());
    for (j, lane) in lanes.iter().enumerate() {
        if lane.value != Some(lane.expected) {
            let bit = match lane.value {
                Some(b) => format!("the bit is {b}"),
                None => "the shared bit is neither 0 nor 1".to_string(),
            };
            let detail = || {
                format!(
                    "{bit} for exact operands {:?} (held as {:?})",
                    lane.exact, lane.held
                )
            };
            warnings.raise(WarningKind::WrongComparison, j, detail);
        }
    }
    Finding {
        operation,
        error: f64::from(u8::from(lanes.iter().any(|l| l.value != Some(l.expected)))),
        added: 0.0,
        warnings: warnings.into_list(),
    }
}

/// A shared bit's value: `None` when it is neither 0 nor 1.
pub(crate) fn as_bit<F: TinyField>(x: F) -> Option<bool> {
    (x == F::ONE || x == F::ZERO).then_some(x == F::ONE)
}

/// An overflow, or a near one, of the exact value `x` against the range ±2<sup>k−1</sup>.
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
