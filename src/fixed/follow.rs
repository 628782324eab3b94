//! [`SharedFixed`] in the plaintext shadow: each operation hands its result, computed on
//! shares, to `follow` with the plain `f64` function it stands for (see [`super::shadow`]).

use std::panic::Location;

use super::shadow::{BitOutcome, Domain, Outcome, as_bit, judge, judge_bits};
use super::shared::SharedFixed;
use crate::field::TinyField;
use crate::handle::SharedValue;
use crate::scalar::bit::SharedBit;

impl<F: TinyField> SharedFixed<F> {
    /// The number the shares add up to, read outside the protocol.
    pub(crate) fn peek_number(&self) -> f64 {
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
        if inputs.iter().any(|x| x.exact.is_none())
            || (N == 0 && !result.value.simulation().shadowed())
        {
            return result;
        }
        let held = inputs.map(Self::peek_number);
        let outcome = Outcome {
            value: result.peek_number(),
            exact: exact(inputs.map(|x| x.exact.unwrap_or(f64::NAN))),
            expected: exact(held),
            input: held.last().copied(),
        };
        let finding = judge(operation, result.precision, &[outcome], domain);
        result.value.handle().record(Location::caller(), finding);
        result.exact = Some(outcome.exact);
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
        let outcome = BitOutcome {
            value: as_bit(bit.as_scalar().peek()),
            expected: exact(exact_inputs),
            exact: exact_inputs.to_vec(),
            held: inputs.map(Self::peek_number).to_vec(),
        };
        let finding = judge_bits(operation, &[outcome]);
        bit.as_scalar().handle().record(Location::caller(), finding);
        bit
    }

    /// The exact number, in a simulation with a shadow.
    pub(crate) fn exact(&self) -> Option<f64> {
        self.exact
    }

    /// `self` with the exact number `exact` attached (a local copy, nothing to record).
    pub(crate) fn with_exact(mut self, exact: Option<f64>) -> Self {
        self.exact = exact;
        self
    }
}
