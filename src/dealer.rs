//! The trusted dealer: the offline phase, played by a party everyone trusts.
//!
//! SPDZ splits a computation into an *offline* phase, which prepares correlated
//! randomness without knowing the inputs, and an *online* phase, which uses it. The
//! multiplication triples (a, b, c = ab) are that randomness. Here a trusted dealer draws
//! each triple from the simulation's generator and deals additive shares of a, b and c to
//! the holders; every triple is dealt once, moved into the protocol that uses it and gone
//! afterwards, so none is ever used twice.
//!
//! # Security note
//!
//! The dealer knows a, b and c. It learns nothing about the inputs (it never sees a
//! message from the machines), but a dealer that colluded with a machine could help it
//! recover inputs. Real SPDZ replaces the dealer by a protocol between the machines
//! (somewhat homomorphic encryption or oblivious transfer) and checks the triples by
//! sacrificing one against another.
//!
//! # References
//!
//! - D. Beaver, *Efficient Multiparty Protocols Using Circuit Randomization*, CRYPTO 1991.
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535.

use crate::field::TinyField;
use crate::ledger::Costs;
use crate::sharing::additive;
use crate::simulation::{Simulation, World};
use crate::store::HolderSetId;
use crate::view::{DEALER, Step};

/// What the dealer has dealt so far.
#[derive(Debug, Default)]
pub(crate) struct DealerState {
    pub triples: u64,
}

/// Shares of one Beaver triple (a, b, c = ab), one per holder in holder order.
///
/// Not `Clone`: a triple is moved into the multiplication that consumes it.
#[derive(Debug)]
pub(crate) struct Triple<F> {
    /// a₁ … aₙ, then b₁ … bₙ, then c₁ … cₙ.
    pub shares: Vec<F>,
}

impl<F: TinyField> Triple<F> {
    /// Shares of a, b and c.
    pub fn parts(&self) -> (&[F], &[F], &[F]) {
        let n = self.shares.len() / 3;
        let (a, rest) = self.shares.split_at(n);
        let (b, c) = rest.split_at(n);
        (a, b, c)
    }
}

/// Deals a fresh triple among `holders`, for the value numbered `about`; returns it with
/// what dealing it cost (for the caller to charge with its own costs).
pub(crate) fn deal_triple<F: TinyField>(
    w: &mut World<F>,
    holders: HolderSetId,
    about: u64,
) -> (Triple<F>, Costs) {
    let a = F::random(&mut w.rng);
    let b = F::random(&mut w.rng);
    let members = w.holder_sets.get(holders).len();
    let mut shares = Vec::with_capacity(3 * members);
    for secret in [a, b, a * b] {
        additive::share(secret, members, &mut w.rng, &mut shares);
    }
    for (i, step) in [Step::TripleA, Step::TripleB, Step::TripleC]
        .into_iter()
        .enumerate()
    {
        for k in 0..members {
            let to = w.holder_sets.get(holders)[k];
            w.deliver(to, DEALER, step, about, shares[i * members + k]);
        }
    }
    w.dealer.triples += 1;
    let n = members as u64;
    let costs = Costs {
        triples: 1,
        dealer_messages: n,
        dealer_elements: 3 * n,
        ..Costs::default()
    };
    (Triple { shares }, costs)
}

/// The simulation's trusted dealer, as the learner sees it.
#[derive(Debug, Clone)]
pub struct TrustedDealer<F: TinyField> {
    sim: Simulation<F>,
}

impl<F: TinyField> TrustedDealer<F> {
    pub(crate) fn new(sim: Simulation<F>) -> Self {
        TrustedDealer { sim }
    }

    /// How many triples the dealer has dealt; each was used by exactly one multiplication.
    pub fn triples_dealt(&self) -> u64 {
        self.sim.world.borrow().dealer.triples
    }
}
