//! The trusted dealer: the offline phase, played by a party everyone trusts.
//!
//! SPDZ splits a computation into an *offline* phase, which prepares correlated
//! randomness without knowing the inputs, and an *online* phase, which uses it. Here a
//! trusted dealer draws that randomness from the simulation's generator and deals it:
//!
//! - the MAC key α, drawn once, and a sharing of it for each holder set;
//! - multiplication triples (a, b, c = ab), one per multiplication, each moved into the
//!   protocol that consumes it and gone afterwards, so none is ever used twice;
//! - masks \[r\] for inputs and outputs, whose value r it tells one machine only.
//!
//! With MACs on, every dealt value v comes *authenticated*: besides its share vᵢ, holder i
//! gets a MAC share mᵢ with m₁ + … + mₙ = α·v (see [`crate::protocols::mac_check`]).
//!
//! # Security note
//!
//! The dealer knows α and every triple. It never sees a message from the machines, so it
//! learns no input, but a dealer that colluded with a machine could help it cheat
//! undetected, for example with a triple whose c ≠ ab but whose MACs match c (see
//! [`crate::Adversary::dealer_bad_triple`]). Real SPDZ has no dealer: the machines make
//! triples together (with somewhat homomorphic encryption, or oblivious transfer in
//! MASCOT) and check each triple by *sacrificing* another one, which
//! [`crate::SimulationBuilder::sacrifice_triples`] turns on here.
//!
//! # References
//!
//! - D. Beaver, *Efficient Multiparty Protocols Using Circuit Randomization*, CRYPTO 1991.
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535 (§2, the preprocessing).
//! - Damgård et al., *Practical Covertly Secure MPC for Dishonest Majority*, eprint 2012/642.

pub mod bits;
pub(crate) mod dealing;
pub mod edabits;
mod triples;

use crate::field::TinyField;
use crate::ledger::Costs;
use crate::store::{HolderSetId, MachineId};
use crate::view::Step;
use crate::world::preprocessed::{BitMask, EdaBits, Triples};
use crate::world::{Preprocessing, World};

/// The trusted dealer as a source of preprocessing: everything comes from the
/// simulation's generator, dealt by a party that knows it all.
#[derive(Debug)]
pub(crate) struct Dealer;

impl<F: TinyField> Preprocessing<F> for Dealer {
    fn mac_key(&self, w: &mut World<F>, set: HolderSetId, costs: &mut Costs) {
        dealing::ensure_key(w, set, costs);
    }

    fn triples(
        &self,
        w: &mut World<F>,
        set: HolderSetId,
        lanes: usize,
        costs: &mut Costs,
    ) -> Triples<F> {
        triples::deal_triples(w, set, lanes, costs)
    }

    fn mask(
        &self,
        w: &mut World<F>,
        (set, owner): (HolderSetId, MachineId),
        (about, step): (u64, Step),
        out: &mut Vec<F>,
        costs: &mut Costs,
    ) -> F {
        dealing::deal_mask(w, set, owner, about, step, out, costs)
    }

    fn bit_mask(
        &self,
        w: &mut World<F>,
        set: HolderSetId,
        shape: (u32, u32, bool),
        lanes: usize,
        costs: &mut Costs,
    ) -> BitMask {
        bits::deal_bit_mask(w, set, shape, lanes, costs)
    }

    fn eda_bits(
        &self,
        w: &mut World<F>,
        set: HolderSetId,
        shape: (u32, u32),
        lanes: usize,
        costs: &mut Costs,
    ) -> EdaBits {
        edabits::deal_eda_bits(w, set, shape, lanes, costs)
    }
}
