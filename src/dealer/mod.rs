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
pub mod edabits;
mod triples;

pub(crate) use triples::deal_triples;

use std::panic::Location;

use rand::rngs::ChaCha12Rng;

use crate::error::Result;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::machine::{MachineId, VirtualMachine};
use crate::protocols::mac_check;
use crate::shared::SharedScalar;
use crate::sharing::Scheme;
use crate::simulation::Simulation;
use crate::store::{HolderSetId, Holding};
use crate::view::{DEALER, Record, Step};
use crate::world::World;

/// A holder set's shares of the MAC key α (in holder order), and of the binary key Δ
/// once a comparison has needed it (XOR-shared; empty before).
#[derive(Debug)]
pub(crate) struct MacKey<F> {
    pub shares: Vec<F>,
    pub bit_shares: Vec<u64>,
}

/// What the dealer has dealt so far.
#[derive(Debug)]
pub(crate) struct DealerState<F> {
    pub triples: u64,
    pub masks: u64,
    /// The global MAC key α, drawn when first needed (MACs on only).
    pub alpha: Option<F>,
    /// Each holder set's shares of α; empty when MACs are off.
    pub keys: Vec<Option<MacKey<F>>>,
    /// The binary MAC key Δ ∈ {0,1}⁶⁴, drawn when first needed (MACs on only).
    pub bit_delta: Option<u64>,
}

impl<F> Default for DealerState<F> {
    fn default() -> Self {
        DealerState {
            triples: 0,
            masks: 0,
            alpha: None,
            keys: Vec::new(),
            bit_delta: None,
        }
    }
}

impl<F: TinyField> DealerState<F> {
    /// The holders' key shares αᵢ, or an empty slice when MACs are off.
    #[inline]
    pub fn key_shares(&self, set: HolderSetId) -> &[F] {
        match self.keys.get(set.0 as usize) {
            Some(Some(key)) => &key.shares,
            _ => &[],
        }
    }

    /// The holders' shares Δᵢ of the binary key, or an empty slice when MACs are off or
    /// no comparison has needed them yet.
    pub fn bit_key_shares(&self, set: HolderSetId) -> &[u64] {
        match self.keys.get(set.0 as usize) {
            Some(Some(key)) => &key.bit_shares,
            _ => &[],
        }
    }
}

/// Deals α's shares to a holder set the first time it needs them (MACs on only).
pub(crate) fn ensure_key<F: TinyField>(w: &mut World<F>, set: HolderSetId, costs: &mut Costs) {
    let i = set.0 as usize;
    if !w.macs || matches!(w.dealer.keys.get(i), Some(Some(_))) {
        return;
    }
    let alpha = match w.dealer.alpha {
        Some(alpha) => alpha,
        None => *w.dealer.alpha.insert(F::random(&mut w.rng)),
    };
    let n = w.holder_sets.get(set).len();
    let mut shares = Vec::with_capacity(n);
    w.holder_sets
        .scheme(set)
        .share(alpha, n, &mut w.rng, &mut shares);
    for (k, &share) in shares.iter().enumerate() {
        let to = w.holder_sets.get(set)[k];
        w.deliver(to, DEALER, Step::MacKey, 0, share);
    }
    *costs += Costs {
        dealer_messages: n as u64,
        dealer_elements: n as u64,
        ..Costs::default()
    };
    if w.dealer.keys.len() <= i {
        w.dealer.keys.resize_with(i + 1, || None);
    }
    w.dealer.keys[i] = Some(MacKey {
        shares,
        bit_shares: Vec::new(),
    });
}

/// How the dealer shares values among one holder set: its size, its scheme, and α when
/// MACs are on. Looked up once for many values.
#[derive(Clone, Copy)]
pub(crate) struct Dealing<F> {
    n: usize,
    scheme: Scheme,
    alpha: Option<F>,
}

impl<F: TinyField> Dealing<F> {
    /// How the dealer shares among `set`.
    pub fn new(w: &World<F>, set: HolderSetId) -> Self {
        Dealing {
            n: w.holder_sets.get(set).len(),
            scheme: w.holder_sets.scheme(set),
            alpha: w.dealer.alpha.filter(|_| w.macs),
        }
    }

    /// How many elements one dealt value takes: n shares, and n MAC shares with MACs on.
    pub fn width(&self) -> usize {
        if self.alpha.is_some() {
            2 * self.n
        } else {
            self.n
        }
    }

    /// Appends an authenticated sharing of `v` to `out`: n shares, then (MACs on) n MAC
    /// shares of α·v.
    #[inline(always)]
    pub fn deal(&self, rng: &mut ChaCha12Rng, v: F, out: &mut Vec<F>) {
        self.scheme.share_checked(v, self.n, rng, out);
        if let Some(alpha) = self.alpha {
            self.scheme.share_checked(alpha * v, self.n, rng, out);
        }
    }
}

/// Appends an authenticated sharing of `v` to `out` (see [`Dealing::deal`]). Returns the
/// number of elements appended.
pub(crate) fn deal_value<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    v: F,
    out: &mut Vec<F>,
) -> usize {
    let dealing = Dealing::new(w, set);
    dealing.deal(&mut w.rng, v, out);
    dealing.width()
}

/// Delivers each holder its part of a dealt value stored at `out[start..start + width]`.
pub(crate) fn hand_out<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    step: Step,
    about: u64,
    dealt: &[F],
) {
    let holders = w.holder_sets.shared(set);
    w.deliver_lanes(1, |_, out| {
        hand_out_messages(&holders, step, about, dealt, out)
    });
}

/// The messages that hand each holder its part of a dealt value (its share, then its MAC
/// share when there is one).
pub(crate) fn hand_out_messages<F: TinyField>(
    holders: &[MachineId],
    step: Step,
    about: u64,
    dealt: &[F],
    out: &mut Vec<(MachineId, Record<F>)>,
) {
    let n = holders.len();
    let record = |step, value| Record {
        from: DEALER,
        step,
        about,
        value,
    };
    for (k, &to) in holders.iter().enumerate() {
        out.push((to, record(step, dealt[k])));
        if dealt.len() > n {
            out.push((to, record(Step::DealtMac, dealt[n + k])));
        }
    }
}

/// Deals an authenticated random mask [r] among `set` and tells r to `owner` alone.
/// Appends the sharing to `out` and returns r.
pub(crate) fn deal_mask<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    owner: MachineId,
    about: u64,
    step: Step,
    out: &mut Vec<F>,
    costs: &mut Costs,
) -> F {
    w.dealer.masks += 1;
    let r = F::random(&mut w.rng);
    let width = deal_value(w, set, r, out) as u64;
    hand_out(w, set, step, about, &out[out.len() - width as usize..]);
    w.deliver(owner, DEALER, step, about, r);
    let n = w.holder_sets.get(set).len() as u64;
    *costs += Costs {
        masks: 1,
        dealer_messages: n + 1,
        dealer_elements: width + 1,
        ..Costs::default()
    };
    r
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

    /// How many triples the dealer has dealt; each was used by exactly one multiplication
    /// (or sacrificed to check another).
    pub fn triples_dealt(&self) -> u64 {
        self.sim.world.borrow().dealer.triples
    }

    /// Deals a fresh Beaver triple (\[a\], \[b\], \[c\]) with c = ab among `holders`, for a
    /// protocol of your own (see the tutorial's playground chapter). Each part is an
    /// ordinary shared value, authenticated when MACs are on.
    ///
    /// # Errors
    ///
    /// As [`crate::PrivateScalar::try_share_among`] for a bad list of holders.
    #[track_caller]
    pub fn triple(&self, holders: &[&VirtualMachine<F>]) -> Result<[SharedScalar<F>; 3]> {
        let (a, b, offset) = {
            let mut w = self.sim.world.borrow_mut();
            let (a, b) = (F::random(&mut w.rng), F::random(&mut w.rng));
            // A corrupt dealer corrupts these triples too (counted with the protocols').
            (a, b, w.adversary.triple_offset(w.dealer.triples + 1))
        };
        self.deal(
            holders,
            [a, b, a * b + offset],
            &[Step::TripleA, Step::TripleB, Step::TripleC],
            true,
        )
    }

    /// Deals a fresh square pair (\[a\], \[a²\]) among `holders`: the correlated randomness
    /// for squaring with one opening instead of a triple's two.
    ///
    /// # Errors
    ///
    /// As [`triple`](Self::triple).
    #[track_caller]
    pub fn square_pair(&self, holders: &[&VirtualMachine<F>]) -> Result<[SharedScalar<F>; 2]> {
        let a = F::random(&mut self.sim.world.borrow_mut().rng);
        self.deal(holders, [a, a * a], &[Step::TripleA, Step::TripleC], false)
    }

    /// Deals a fresh uniformly random shared value \[r\] that nobody knows.
    ///
    /// # Errors
    ///
    /// As [`triple`](Self::triple).
    #[track_caller]
    pub fn random(&self, holders: &[&VirtualMachine<F>]) -> Result<SharedScalar<F>> {
        let r = F::random(&mut self.sim.world.borrow_mut().rng);
        let [r] = self.deal(holders, [r], &[Step::TripleA], false)?;
        Ok(r)
    }

    /// Deals `values` as authenticated sharings among `holders`, one step each.
    #[track_caller]
    fn deal<const K: usize>(
        &self,
        holders: &[&VirtualMachine<F>],
        values: [F; K],
        steps: &[Step; K],
        counts_as_triple: bool,
    ) -> Result<[SharedScalar<F>; K]> {
        let set = self
            .sim
            .holder_set(holders, Scheme::Additive, "the dealer and the holders")?;
        let at = Location::caller();
        let mut w = self.sim.world.borrow_mut();
        mac_check::refuse_if_aborted(&w)?;
        let mut costs = Costs::default();
        ensure_key(&mut w, set, &mut costs);
        if counts_as_triple {
            w.dealer.triples += 1;
            costs.triples += 1;
        }
        let mut steps = steps.iter().copied();
        let slots = values.map(|v| {
            let about = w.store.next_number();
            let mut data = w.store.buffer();
            let width = deal_value(&mut w, set, v, &mut data);
            let step = steps.next().unwrap_or(Step::TripleA);
            hand_out(&mut w, set, step, about, &data);
            let n = w.holder_sets.get(set).len() as u64;
            costs += Costs {
                dealer_messages: n,
                dealer_elements: width as u64,
                ..Costs::default()
            };
            let valid = w.online_mask(set);
            w.store.insert(Holding::Shared(set), 0, valid, data)
        });
        w.charge(at, costs);
        drop(w);
        Ok(slots.map(|id| SharedScalar::from_slot(self.sim.clone(), id, set)))
    }

    /// How many input and output masks the dealer has dealt.
    pub fn masks_dealt(&self) -> u64 {
        self.sim.world.borrow().dealer.masks
    }
}
