//! The simulated world as the protocols see it: the machines with their views, the
//! holder sets, the store of shares, the holders' MAC key shares, the attacks configured,
//! the openings waiting for the MAC check, the dealer's books, and the wire that delivers
//! messages.
//!
//! [`crate::Simulation`] is the learner's handle to it (an `Rc<RefCell<World>>`); every
//! protocol is a function over `&mut World`. The correlated randomness the protocols
//! consume comes through one interface, [`Preprocessing`], whatever produces it.

pub(crate) mod cheats;
pub(crate) mod dealt;
pub(crate) mod fanout;
pub(crate) mod holders;
pub(crate) mod keys;
pub(crate) mod preprocessed;
pub(crate) mod unchecked;
mod wire;

use std::fmt;
use std::panic::Location;
use std::rc::Rc;

use rand::rngs::ChaCha12Rng;

use crate::error::Error;
use crate::field::TinyField;
use crate::ledger::{Costs, Ledger};
use crate::shadow::Shadow;
use crate::sharing::shamir::Weights;
use crate::store::{HolderSetId, HolderSets, MachineId, Slot, Store};
use crate::tape::{Instr, Tape};
use crate::view::{Bytes32, Record, Step, ViewLog, Views};
use cheats::AdversaryState;
use dealt::DealerBooks;
use fanout::Fanout;
use keys::MacKeys;
use preprocessed::{BitMask, EdaBits, Triples};
use unchecked::Unchecked;

/// Where the protocols' correlated randomness comes from: the holders' MAC key shares,
/// Beaver triples, masks, and the bits that truncation and comparison need. Every
/// protocol takes these through this trait and nothing else, so a source other than the
/// trusted dealer ([`crate::dealer`]) slots in without touching a protocol.
///
/// Each method delivers what it makes to the holders' views, adds what it cost to
/// `costs`, and returns it fresh: nothing it returns is ever returned again.
pub(crate) trait Preprocessing<F: TinyField>: fmt::Debug {
    /// Gives `set`'s holders their shares αᵢ of the MAC key the first time they need them
    /// (MACs on only).
    fn mac_key(&self, w: &mut World<F>, set: HolderSetId, costs: &mut Costs);

    /// `lanes` fresh Beaver triples among `set` ([`Triples::hand_out`] makes the messages
    /// that deliver them, so that a vector's lanes are delivered together).
    fn triples(
        &self,
        w: &mut World<F>,
        set: HolderSetId,
        lanes: usize,
        costs: &mut Costs,
    ) -> Triples<F>;

    /// A fresh authenticated mask \[r\] among the holder set, with r told to the machine
    /// alone (`holders`), for the value numbered `about` at `step` (`value`). Appends the sharing to `out` and returns r.
    fn mask(
        &self,
        w: &mut World<F>,
        holders: (HolderSetId, MachineId),
        value: (u64, Step),
        out: &mut Vec<F>,
        costs: &mut Costs,
    ) -> F;

    /// For each of `lanes` lanes, a mask with `m` low bits and `high_bits` more above
    /// them, each part a fresh slot; with `with_bits` the low part also comes bit by bit
    /// (`shape` is `(m, high_bits, with_bits)`).
    fn bit_mask(
        &self,
        w: &mut World<F>,
        set: HolderSetId,
        shape: (u32, u32, bool),
        lanes: usize,
        costs: &mut Costs,
    ) -> BitMask;

    /// For each of `lanes` comparisons, an edaBit of `m` bits with its AND triples, r″ of
    /// `high_bits` bits, and a daBit (`shape` is `(m, high_bits)`).
    fn eda_bits(
        &self,
        w: &mut World<F>,
        set: HolderSetId,
        shape: (u32, u32),
        lanes: usize,
        costs: &mut Costs,
    ) -> EdaBits;
}

/// A message as a transcript keeps it: its receiver, the record and the bytes it carries.
pub(crate) type Delivered<F> = (MachineId, Record<F>, Option<Bytes32>);

/// A machine as the world stores it.
#[derive(Debug)]
pub(crate) struct MachineRecord<F> {
    pub name: Rc<str>,
    pub view: ViewLog<F>,
    pub online: bool,
}

/// Everything a simulation holds; reached through [`Simulation`]'s `RefCell`.
#[derive(Debug)]
pub(crate) struct World<F> {
    pub rng: ChaCha12Rng,
    pub machines: Vec<MachineRecord<F>>,
    pub holder_sets: HolderSets,
    pub store: Store<F>,
    pub dealer: DealerBooks<F>,
    /// The holders' shares of the MAC keys.
    pub keys: MacKeys<F>,
    pub ledger: Ledger,
    pub views: Views,
    /// SPDZ MACs on (the default) or off (semi-honest).
    pub macs: bool,
    /// Check each triple by sacrificing another.
    pub sacrifice: bool,
    /// The MAC check commits before it reveals (the default; off only for the lesson).
    pub commitments: bool,
    pub adversary: AdversaryState<F>,
    /// Values opened since the last MAC check.
    pub unchecked: Unchecked<F>,
    /// Bits opened since the last MAC check, with their 64-bit MAC shares.
    pub unchecked_bits: Unchecked<u64>,
    /// Set once a check fails: every later output returns this error.
    pub aborted: Option<Error>,
    /// The Lagrange weights of each set of answering Shamir holders, computed once.
    pub weights: Weights<F>,
    /// A reusable buffer for protocols.
    pub scratch: Vec<F>,
    /// A reusable buffer for the shares sent in an opening.
    pub sent: Vec<F>,
    /// A reusable buffer for the values opened in a batch.
    pub opened: Vec<F>,
    /// A reusable buffer for the messages of one lane ([`World::deliver_lanes`]).
    pub outbox: Vec<(MachineId, Record<F>)>,
    /// A reusable buffer of messages per machine ([`World::deliver_lanes`]).
    pub received: Vec<usize>,
    /// Every message delivered while [`Simulation::capture`] runs, with its receiver.
    pub transcript: Option<Vec<Delivered<F>>>,
    /// The computation step by step, for replays (kept with `Views::All`).
    pub tape: Option<Tape<F>>,
    /// The plaintext shadow, in checking mode.
    pub shadow: Option<Shadow>,
    /// The width of integer comparisons.
    pub comparison_bits: u32,
    /// Where triples, masks and key shares come from.
    pub preprocessing: Rc<dyn Preprocessing<F>>,
}

impl<F: TinyField> World<F> {
    /// The source of the protocols' preprocessing, to call with this world:
    /// `w.preprocessing().triples(w, …)`.
    #[inline]
    pub fn preprocessing(&self) -> Rc<dyn Preprocessing<F>> {
        Rc::clone(&self.preprocessing)
    }

    /// Gives back the memory of triples a protocol has used: a used triple is gone.
    pub fn discard(&mut self, triples: Triples<F>) {
        self.store.recycle(triples.into_data());
    }

    /// Delivers every lane's triple to the holders of `set` now (see [`Triples::hand_out`]).
    pub fn deliver_triples(&mut self, triples: &Triples<F>, set: HolderSetId, about: u64) {
        let holders = self.holder_sets.shared(set);
        let lanes = triples.data.len() / (3 * triples.width.max(1));
        let fanout = Fanout::dealt(&holders, 3, triples.width);
        self.deliver_lanes(lanes, fanout, |j, out| {
            triples.hand_out(&holders, about, j, out)
        });
    }

    /// Records a step of the computation on the tape, if one is kept.
    #[inline]
    pub fn record(&mut self, instr: impl FnOnce() -> Instr<F>) {
        if let Some(tape) = &mut self.tape {
            tape.push(instr());
        }
    }

    /// Charges `costs` for one operation to the learner's line `at`.
    #[inline]
    pub fn charge(&mut self, at: &'static Location<'static>, costs: Costs) {
        self.ledger.charge(at, 1, costs);
    }

    /// Charges `costs` to the line `at` as part of an operation already counted there.
    pub fn charge_extra(&mut self, at: &'static Location<'static>, costs: Costs) {
        self.ledger.charge(at, 0, costs);
    }

    /// How many elements one lane of a sharing among `set` takes: n shares, then (MACs
    /// on) n MAC shares. A vector of k lanes stores k such blocks one after the other.
    #[inline]
    pub fn lane_len(&self, set: HolderSetId) -> usize {
        let n = self.holder_sets.get(set).len();
        if self.macs { 2 * n } else { n }
    }

    /// How many lanes the shared value in slot `x` has (1 for a scalar).
    pub fn lanes(&self, set: HolderSetId, x: Slot) -> usize {
        self.store.data(x).len() / self.lane_len(set)
    }
}
