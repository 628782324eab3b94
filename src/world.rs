//! The simulated world as the protocols see it: the machines with their views, the
//! holder sets, the store of shares, the dealer's books, the attacks configured, the
//! openings waiting for the MAC check, and the wire that delivers messages.
//!
//! [`crate::Simulation`] is the learner's handle to it (an `Rc<RefCell<World>>`); every
//! protocol is a function over `&mut World`. Delivery keeps bounded views cheap: when a
//! vector's lanes send the same pattern of messages, the leading lanes that every
//! receiver's bounded view would overwrite within the call are only counted as forgotten
//! ([`World::deliver_lanes`]).

use std::panic::Location;
use std::rc::Rc;

use rand::rngs::ChaCha12Rng;

use crate::adversary::AdversaryState;
use crate::dealer::DealerState;
use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::ledger::{Costs, Ledger};
use crate::machine::MachineId;
use crate::protocols::pending::Pending;
use crate::shadow::Shadow;
use crate::store::{HolderSetId, HolderSets, MAX_HOLDERS, Store};
use crate::view::{Record, Step, ViewLog, Views};

/// The positions (0-based) of the holders that answer in a protocol step.
#[derive(Debug, Clone)]
pub(crate) enum Positions {
    /// All n holders: 0, 1, …, n − 1.
    All(usize),
    /// Some of them, in order.
    Some(Vec<usize>),
}

/// 0, 1, …, 127: the positions of [`Positions::All`], borrowed without allocating.
const INDICES: [usize; MAX_HOLDERS] = {
    let mut indices = [0; MAX_HOLDERS];
    let mut i = 0;
    while i < MAX_HOLDERS {
        indices[i] = i;
        i += 1;
    }
    indices
};

impl std::ops::Deref for Positions {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        match self {
            Positions::All(n) => &INDICES[..*n],
            Positions::Some(positions) => positions,
        }
    }
}

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
    pub dealer: DealerState<F>,
    pub ledger: Ledger,
    pub views: Views,
    /// SPDZ MACs on (the default) or off (semi-honest).
    pub macs: bool,
    /// Check each triple by sacrificing another.
    pub sacrifice: bool,
    pub adversary: AdversaryState<F>,
    /// Values opened since the last MAC check.
    pub pending: Pending<F>,
    /// Bits opened since the last MAC check, with their 64-bit MAC shares.
    pub bit_pending: Pending<u64>,
    /// Set once a check fails: every later output returns this error.
    pub aborted: Option<Error>,
    /// A reusable buffer for protocols.
    pub scratch: Vec<F>,
    /// A reusable buffer for the shares sent in an opening.
    pub sent: Vec<F>,
    /// A reusable buffer for the values opened in a batch.
    pub opened: Vec<F>,
    /// A reusable buffer for the messages of one lane ([`World::deliver_lanes`]).
    pub outbox: Vec<(MachineId, Record<F>)>,
    /// Every message delivered while [`Simulation::capture`] runs, with its receiver.
    pub transcript: Option<Vec<(MachineId, Record<F>)>>,
    /// The plaintext shadow, in checking mode.
    pub shadow: Option<Shadow>,
    /// The width of integer comparisons.
    pub comparison_bits: u32,
}

impl<F: TinyField> World<F> {
    /// Delivers a message to `to`'s view (the simulated wire).
    #[inline]
    pub fn deliver(&mut self, to: MachineId, from: u32, step: Step, about: u64, value: F) {
        let record = Record {
            from,
            step,
            about,
            value,
        };
        self.deliver_record(to, record);
    }

    #[inline(always)]
    fn deliver_record(&mut self, to: MachineId, record: Record<F>) {
        if !self.machines[to.0 as usize].online {
            return; // an offline machine receives nothing
        }
        if let Some(transcript) = &mut self.transcript {
            transcript.push((to, record));
        }
        self.machines[to.0 as usize].view.push(self.views, record);
    }

    /// Delivers the messages of `lanes` lanes that follow one pattern (the same receivers
    /// in the same order); `lane(j, out)` appends lane j's messages to `out`. The leading
    /// lanes whose messages every receiver's bounded view would overwrite within this
    /// call are only counted as forgotten (never while a transcript is being captured).
    pub fn deliver_lanes(
        &mut self,
        lanes: usize,
        mut lane: impl FnMut(usize, &mut Vec<(MachineId, Record<F>)>),
    ) {
        let mut out = std::mem::take(&mut self.outbox);
        out.clear();
        let skip = if lanes > 1 {
            lane(lanes - 1, &mut out);
            self.forget_lanes(lanes, &out)
        } else {
            0
        };
        for j in skip..lanes {
            out.clear();
            lane(j, &mut out);
            for &(to, record) in &out {
                self.deliver_record(to, record);
            }
        }
        self.outbox = out;
    }

    /// How many of `lanes` lanes, each sending `pattern`, no view would keep; adds their
    /// messages to the receivers' forgotten counts.
    fn forget_lanes(&mut self, lanes: usize, pattern: &[(MachineId, Record<F>)]) -> usize {
        let kept = match self.views {
            _ if self.transcript.is_some() => return 0,
            Views::All => return 0,
            Views::Off => 0,
            Views::Last(n) => n,
        };
        let mut received = vec![0usize; self.machines.len()];
        for (to, _) in pattern {
            if self.machines[to.0 as usize].online {
                received[to.0 as usize] += 1;
            }
        }
        // The last `needed` lanes bring every receiver at least `kept` messages.
        let needed = received
            .iter()
            .filter(|&&r| r > 0)
            .map(|&r| kept.div_ceil(r))
            .max()
            .unwrap_or(lanes);
        let skip = lanes.saturating_sub(needed);
        for (machine, r) in self.machines.iter_mut().zip(received) {
            machine.view.forgotten += (r * skip) as u64;
        }
        skip
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
    pub fn lanes(&self, set: HolderSetId, x: u32) -> usize {
        self.store.data(x).len() / self.lane_len(set)
    }

    /// The holders of `set` that are online, as a mask (bit k for the k-th holder).
    pub fn online_mask(&self, set: HolderSetId) -> u128 {
        let holders = self.holder_sets.get(set);
        holders
            .iter()
            .enumerate()
            .filter(|(_, m)| self.machines[m.0 as usize].online)
            .fold(0, |acc, (k, _)| acc | 1 << k)
    }

    /// The positions of the holders of `set` that can answer for the value in slot `x`
    /// (online and holding a valid share), or an error when fewer than the scheme needs.
    pub fn answering(&self, set: HolderSetId, x: u32) -> Result<Positions> {
        let number = self.store.meta(x).number;
        self.answering_for(set, self.store.meta(x).valid, || format!("value #{number}"))
    }

    /// The positions of the holders of `set` that are online and in `valid`, or an error
    /// saying that too few can answer for `what()` when fewer than the scheme needs.
    pub fn answering_for(
        &self,
        set: HolderSetId,
        valid: u128,
        what: impl FnOnce() -> String,
    ) -> Result<Positions> {
        let online = self.online_mask(set);
        let holders = self.holder_sets.get(set);
        let answering = valid & online;
        if answering.count_ones() as usize == holders.len() {
            return Ok(Positions::All(holders.len())); // everybody answers: no allocation
        }
        let needed = self.holder_sets.scheme(set).needed(holders.len());
        if answering.count_ones() as usize >= needed {
            let positions = (0..holders.len()).filter(|k| answering >> k & 1 == 1);
            return Ok(Positions::Some(positions.collect()));
        }
        Err(self.not_enough(set, valid, what()))
    }

    /// [`Error::NotEnoughOnline`] for `what`, which the holders of `set` in `valid` could
    /// answer for if enough of them were online.
    pub fn not_enough(&self, set: HolderSetId, valid: u128, what: String) -> Error {
        let (online, holders) = (self.online_mask(set), self.holder_sets.get(set));
        let pick = |keep: &dyn Fn(usize) -> bool| -> Vec<String> {
            let ids: Vec<MachineId> = (0..holders.len())
                .filter(|&k| keep(k))
                .map(|k| holders[k])
                .collect();
            self.names(&ids)
        };
        let answering = (valid & online).count_ones() as usize;
        Error::NotEnoughOnline {
            what,
            holders: self.names(holders),
            missing: pick(&|k| (valid & online) >> k & 1 == 0),
            offline: pick(&|k| (valid & !online) >> k & 1 == 1),
            answering,
            needed: self.holder_sets.scheme(set).needed(holders.len()),
        }
    }

    /// What the shares of lane `j` in slot `x` add up to, read outside the protocol (no
    /// messages, no views, no costs): for the shadow's report only.
    pub fn peek_lane(&self, set: HolderSetId, x: u32, j: usize) -> F {
        let valid = self.store.meta(x).valid;
        let n = self.holder_sets.get(set).len();
        let data = &self.store.data(x)[j * self.lane_len(set)..];
        let positions: Vec<usize> = (0..n).filter(|k| valid >> k & 1 == 1).collect();
        let shares: Vec<F> = positions.iter().map(|&k| data[k]).collect();
        self.holder_sets
            .scheme(set)
            .reconstruct(&positions, &shares)
    }

    /// The names of a set of machines, for error messages.
    pub fn names(&self, ids: &[MachineId]) -> Vec<String> {
        ids.iter()
            .map(|id| self.machines[id.0 as usize].name.to_string())
            .collect()
    }
}
