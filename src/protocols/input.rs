//! Input sharing: a machine turns its private value into additive shares.
//!
//! # The math
//!
//! x = x₁ + … + xₙ with x₁, …, xₙ₋₁ uniform (see [`crate::sharing::additive`]).
//!
//! # Protocol
//!
//! 1. The owner draws n − 1 uniform shares and sets the last to x minus their sum.
//! 2. The owner sends share k to holder k; if the owner is itself a holder it keeps its
//!    own share.
//!
//! One round; the owner sends one element to every other holder.
//!
//! # Security note
//!
//! Every holder but the owner sees one uniform element, whatever x is. With SPDZ MACs the
//! owner would instead open x − r for a dealer-provided mask r it alone knows.
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
use crate::store::{HolderSetId, Holding};
use crate::view::Step;

/// Shares `secret`, owned by `owner`, among `holders`; returns the shared value's slot.
pub(crate) fn share<F: TinyField>(
    w: &mut World<F>,
    owner: MachineId,
    secret: F,
    holders: HolderSetId,
    at: &'static Location<'static>,
) -> u32 {
    let about = w.store.next_number();
    let n = w.holder_sets.get(holders).len();

    // Step 1: n − 1 uniform shares and the one that makes them add up.
    let mut shares = w.store.buffer();
    additive::share(secret, n, &mut w.rng, &mut shares);

    // Step 2: send each share to its holder.
    let mut sent = 0;
    for (k, &share) in shares.iter().enumerate() {
        let to = w.holder_sets.get(holders)[k];
        if to != owner {
            w.deliver(to, owner.0, Step::InputShare, about, share);
            sent += 1;
        }
    }
    w.charge(
        at,
        Costs {
            messages: sent,
            elements: sent,
            rounds: 1,
            ..Costs::default()
        },
    );
    w.store.insert(Holding::Shared(holders), 0, shares)
}
