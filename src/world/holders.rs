//! Who can answer: the holders of a value that are online and hold a valid share, and the
//! error that names them when too few can.

use super::World;
use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::store::{HolderSetId, MAX_HOLDERS, MachineId, Slot};

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

impl<F: TinyField> World<F> {
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
    pub fn answering(&self, set: HolderSetId, x: Slot) -> Result<Positions> {
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
    pub fn peek_lane(&self, set: HolderSetId, x: Slot, j: usize) -> F {
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
