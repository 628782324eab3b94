//! Outputs: reconstructing a shared value for one machine, or opening it to all holders.
//!
//! # The math
//!
//! x = x₁ + … + xₙ: whoever receives all n shares adds them up.
//!
//! # Protocol
//!
//! Reconstruct for machine R:
//! 1. Each holder other than R sends its share to R.
//! 2. R adds the n shares.
//!
//! Open to all holders:
//! 1. Each holder broadcasts its share to every other holder.
//! 2. Every holder adds the n shares.
//!
//! One round each.
//!
//! # Security note
//!
//! R learns x and nothing else: given x, the shares it receives are uniform subject to
//! adding up to x. Without MACs a holder can send a wrong share and change x unnoticed;
//! SPDZ adds a MAC check before anything is output.
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535.

use std::panic::Location;

use crate::field::TinyField;
use crate::ledger::Costs;
use crate::machine::MachineId;
use crate::sharing::additive;
use crate::simulation::World;
use crate::store::HolderSetId;
use crate::view::Step;

/// Sends every share of slot `x` to `to` (steps 1–2 of reconstruct); returns the value.
pub(crate) fn reconstruct<F: TinyField>(
    w: &mut World<F>,
    x: u32,
    holders: HolderSetId,
    to: MachineId,
    at: &'static Location<'static>,
) -> F {
    let about = w.store.meta(x).number;
    let n = w.holder_sets.get(holders).len();
    let mut sent = 0;
    for k in 0..n {
        let from = w.holder_sets.get(holders)[k];
        if from != to {
            let share = w.store.data(x)[k];
            w.deliver(to, from.0, Step::Reconstruct, about, share);
            sent += 1;
        }
    }
    w.charge(
        at,
        Costs {
            opened: 1,
            messages: sent,
            elements: sent,
            rounds: 1,
            ..Costs::default()
        },
    );
    additive::reconstruct(w.store.data(x))
}

/// Broadcasts every share of slot `x` to every other holder (steps 1–2 of open).
pub(crate) fn open<F: TinyField>(
    w: &mut World<F>,
    x: u32,
    holders: HolderSetId,
    at: &'static Location<'static>,
) -> F {
    let about = w.store.meta(x).number;
    let n = w.holder_sets.get(holders).len();
    for i in 0..n {
        for k in (0..n).filter(|&k| k != i) {
            let (from, to) = (w.holder_sets.get(holders)[i], w.holder_sets.get(holders)[k]);
            let share = w.store.data(x)[i];
            w.deliver(to, from.0, Step::Open, about, share);
        }
    }
    let links = (n * (n - 1)) as u64;
    w.charge(
        at,
        Costs {
            opened: 1,
            messages: links,
            elements: links,
            rounds: 1,
            ..Costs::default()
        },
    );
    additive::reconstruct(w.store.data(x))
}
