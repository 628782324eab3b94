//! The attacks configured on a simulation, as the protocols consult them: who shifts what
//! they send in which openings, and what a corrupt dealer adds to which triples.
//!
//! [`crate::Adversary`] is the learner's side, which configures them; the protocols only
//! ask, at each opening and each dealt triple, what a cheater sends instead.

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::store::{HolderSetId, MachineId};

/// Which of a machine's openings (or the dealer's triples) an attack touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Openings {
    /// Every one.
    Every,
    /// Only the n-th, counting from 1.
    Nth(u64),
}

impl Openings {
    /// Refuses `Nth(0)`: openings are counted from 1.
    pub(crate) fn check(self) -> Result<()> {
        match self {
            Openings::Nth(0) => Err(Error::NthZero),
            _ => Ok(()),
        }
    }

    fn includes(self, count: u64) -> bool {
        match self {
            Openings::Every => true,
            Openings::Nth(n) => n == count,
        }
    }
}

/// The attacks configured so far, as the simulation stores them.
#[derive(Debug)]
pub(crate) struct AdversaryState<F> {
    /// (machine, offset, which openings)
    pub openings: Vec<(MachineId, F, Openings)>,
    /// Openings sent so far, per machine index.
    sent: Vec<u64>,
    /// (offset to c, which triples)
    pub triples: Vec<(F, Openings)>,
    /// Which triples the dealer deals again as the next one.
    pub repeats: Vec<Openings>,
    /// The last triple to be dealt again, as dealt to its holder set: its a, b and c with
    /// their MACs.
    pub kept: Option<(HolderSetId, Vec<F>)>,
    /// Machines that reveal last in the MAC check, choosing σᵢ to cancel the others'.
    pub rushers: Vec<MachineId>,
    /// Machines that withhold their openings in the MAC check (the coin toss's first).
    pub withholders: Vec<MachineId>,
    /// Machines the simulation was told misbehave.
    pub cheaters: Vec<MachineId>,
    pub dealer_cheats: bool,
}

impl<F> Default for AdversaryState<F> {
    fn default() -> Self {
        let (openings, sent, triples, cheaters) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        AdversaryState {
            openings,
            sent,
            triples,
            repeats: Vec::new(),
            kept: None,
            rushers: Vec::new(),
            withholders: Vec::new(),
            cheaters,
            dealer_cheats: false,
        }
    }
}

impl<F: TinyField> AdversaryState<F> {
    /// Whether some machine is told to shift what it sends in openings.
    #[inline]
    pub fn shifts_openings(&self) -> bool {
        !self.openings.is_empty()
    }

    /// Counts `k` openings sent by `from`, honest ones included: [`Openings::Nth`] counts
    /// from the start of the simulation. Returns the count after them.
    #[inline]
    pub fn count(&mut self, from: MachineId, k: u64) -> u64 {
        let i = from.0 as usize;
        if self.sent.len() <= i {
            self.sent.resize(i + 1, 0);
        }
        self.sent[i] += k;
        self.sent[i]
    }

    /// What `from` really sends when it should send `share` in an opening.
    #[inline]
    pub fn opening(&mut self, from: MachineId, share: F) -> F {
        let count = self.count(from, 1);
        if self.openings.is_empty() {
            return share;
        }
        let shifts = self
            .openings
            .iter()
            .filter(|(m, _, which)| *m == from && which.includes(count));
        share + shifts.map(|&(_, offset, _)| offset).sum::<F>()
    }

    /// What `from` really sends when it should send the bit `share` in a binary opening:
    /// the bit flipped when the offsets that apply add up to anything but zero.
    #[inline]
    pub fn opening_bit(&mut self, from: MachineId, share: u64) -> u64 {
        let shifted = self.opening(from, F::ZERO);
        share ^ u64::from(shifted != F::ZERO)
    }

    /// What a corrupt dealer adds to c in the `serial`-th triple (zero when honest).
    #[inline]
    pub fn triple_offset(&self, serial: u64) -> F {
        let shifts = self
            .triples
            .iter()
            .filter(|(_, which)| which.includes(serial));
        shifts.map(|&(offset, _)| offset).sum()
    }

    /// Whether the dealer is told to deal triple `serial` again as the next one.
    pub fn repeats_triple(&self, serial: u64) -> bool {
        self.repeats.iter().any(|which| which.includes(serial))
    }
}
