//! How an operation on fixed-point vectors is followed by the plaintext shadow
//! ([`crate::shadow`]), lane by lane.
//!
//! A [`SharedFixedVector`] in a simulation with a shadow carries the exact `f64` of every
//! lane. Each operation hands its untracked result to [`SharedFixedVector::follow`], which
//! reads every lane of the operands and result outside the protocol and lets the scalar
//! shadow's checks ([`crate::fixed`]'s `judge`) judge all the lanes at once: one line of
//! the report per operation, the worst error over the lanes, and each kind of warning
//! once, naming the first lane that raised it.

use std::panic::Location;

use super::SharedFixedVector;
use crate::field::TinyField;
use crate::fixed::{BitOutcome, Domain, Outcome, SharedFixed, as_bit, judge, judge_bits};
use crate::handle::SharedValue;
use crate::vector::shared::SharedVector;

impl<F: TinyField> SharedFixedVector<F> {
    /// The numbers the shares of each lane add up to, read outside the protocol.
    fn peek_numbers(&self) -> Vec<f64> {
        let h = self.value.handle();
        (0..self.len())
            .map(|j| self.precision.decode(h.peek(j)))
            .collect()
    }

    /// Whether to follow an operation on `inputs`: they all carry exact numbers, or
    /// (for an input, with no operands) the shadow is on.
    fn followed(&self, inputs: &[&Self]) -> bool {
        match inputs {
            [] => self.value.simulation().shadowed(),
            _ => inputs.iter().all(|x| x.exact.is_some()),
        }
    }

    /// Follows `operation` on `inputs`, lane by lane (exact function `exact`), which gave
    /// `self`, in the shadow, when on: returns `self` with the exact numbers attached,
    /// after recording what it found at the caller's line.
    #[track_caller]
    pub(crate) fn follow<const N: usize>(
        self,
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> f64,
        domain: Domain,
    ) -> Self {
        self.follow_with(operation, inputs, |_, x| exact(x), domain)
    }

    /// [`follow`](Self::follow) with an exact function that also knows the lane.
    #[track_caller]
    pub(crate) fn follow_with<const N: usize>(
        self,
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn(usize, [f64; N]) -> f64,
        domain: Domain,
    ) -> Self {
        let mut result = self;
        if !result.followed(&inputs) {
            return result;
        }
        let held = inputs.map(Self::peek_numbers);
        let exacts = inputs.map(|x| x.exact.as_deref().unwrap_or_default());
        let lanes: Vec<Outcome> = (result.peek_numbers().into_iter().enumerate())
            .map(|(j, value)| {
                let held = held.each_ref().map(|v| lane(v, j));
                Outcome {
                    value,
                    exact: exact(j, exacts.map(|v| lane(v, j))),
                    expected: exact(j, held),
                    input: held.last().copied(),
                }
            })
            .collect();
        let finding = judge(operation, result.precision, &lanes, domain);
        result.value.handle().record(Location::caller(), finding);
        result.exact = Some(lanes.iter().map(|l| l.exact).collect());
        result
    }

    /// Follows an operation that reduces `inputs` to the number `result` (exact function
    /// `exact` of the whole vectors), in the shadow, when on.
    #[track_caller]
    pub(crate) fn follow_reduction<const N: usize>(
        result: SharedFixed<F>,
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([&[f64]; N]) -> f64,
    ) -> SharedFixed<F> {
        let Some(first) = inputs.first() else {
            return result;
        };
        if !first.followed(&inputs) {
            return result;
        }
        let held = inputs.map(Self::peek_numbers);
        let outcome = Outcome {
            value: result.peek_number(),
            exact: exact(inputs.map(|x| x.exact.as_deref().unwrap_or_default())),
            expected: exact(held.each_ref().map(Vec::as_slice)),
            input: None,
        };
        let finding = judge(operation, result.precision(), &[outcome], Domain::All);
        result
            .encoded()
            .handle()
            .record(Location::caller(), finding);
        result.with_exact(Some(outcome.exact))
    }

    /// Follows the comparison of every lane with the public `k` in the shadow, when on:
    /// records whether each shared bit of `bits` equals `exact` of the lane's exact number
    /// and k.
    #[track_caller]
    pub(crate) fn follow_bits(
        &self,
        operation: &'static str,
        k: f64,
        exact: impl Fn(f64, f64) -> bool,
        bits: SharedVector<F>,
    ) -> SharedVector<F> {
        let Some(exacts) = &self.exact else {
            return bits;
        };
        let held = self.peek_numbers();
        record_bits(operation, bits, |j, value| {
            let x = lane(exacts, j);
            BitOutcome {
                value,
                expected: exact(x, k),
                exact: vec![x, k],
                held: vec![lane(&held, j), k],
            }
        })
    }

    /// Follows a comparison of `inputs`, lane by lane, in the shadow, when on: records
    /// whether each shared bit of `bits` equals `exact` of the lane's exact numbers.
    #[track_caller]
    pub(super) fn follow_lanes<const N: usize>(
        operation: &'static str,
        inputs: [&Self; N],
        exact: impl Fn([f64; N]) -> bool,
        bits: SharedVector<F>,
    ) -> SharedVector<F> {
        let Some(exacts) = inputs
            .iter()
            .map(|x| x.exact.as_deref())
            .collect::<Option<Vec<_>>>()
        else {
            return bits;
        };
        record_bits(operation, bits, |j, value| {
            let exact_lane: [f64; N] = std::array::from_fn(|i| lane(exacts[i], j));
            BitOutcome {
                value,
                expected: exact(exact_lane),
                exact: exact_lane.to_vec(),
                held: inputs.iter().map(|x| x.held(j)).collect(),
            }
        })
    }

    /// The number the shares of lane `j` add up to, read outside the protocol.
    fn held(&self, j: usize) -> f64 {
        self.precision.decode(self.value.handle().peek(j))
    }
}

/// Records, at the caller's line, how every lane of a comparison's `bits` compares with
/// the exact answer, each lane's outcome made by `outcome` from its index and bit.
#[track_caller]
fn record_bits<F: TinyField>(
    operation: &'static str,
    bits: SharedVector<F>,
    outcome: impl Fn(usize, Option<bool>) -> BitOutcome,
) -> SharedVector<F> {
    let lanes: Vec<BitOutcome> = (0..bits.len())
        .map(|j| outcome(j, as_bit(bits.handle().peek(j))))
        .collect();
    bits.handle()
        .record(Location::caller(), judge_bits(operation, &lanes));
    bits
}

/// Lane `j` of `values` (NaN past the end, which checked operands never reach).
pub(super) fn lane(values: &[f64], j: usize) -> f64 {
    values.get(j).copied().unwrap_or(f64::NAN)
}
