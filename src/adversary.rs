//! The adversary: make a machine (or the dealer) cheat, and watch SPDZ catch it.
//!
//! Each attack is one call on [`Adversary`], reached with [`crate::Simulation::adversary`]:
//!
//! | attack | what changes | MACs on | MACs off |
//! |---|---|---|---|
//! | [`add_to_share`](Adversary::add_to_share) | a machine's stored share of a value | caught at the next check once the value is opened or output | the value silently changes |
//! | [`add_to_mac`](Adversary::add_to_mac) | a machine's MAC share of a value | caught likewise | no effect (there is no MAC) |
//! | [`add_to_openings`](Adversary::add_to_openings) | what a machine sends when a value is opened (d and e in a product, an output; in a comparison's binary openings a nonzero offset flips the bit) | caught before any output | the result silently changes |
//! | [`dealer_bad_triple`](Adversary::dealer_bad_triple) | c = ab + δ in a dealt triple (a flipped c in a comparison's binary AND triple), MACs made for the wrong c | **not** caught by the MAC check: caught only with [`sacrifice_triples`](crate::SimulationBuilder::sacrifice_triples) | the result silently changes |
//!
//! Why the first three are caught: a machine that shifts a value by δ ≠ 0 without
//! knowing α would also have to shift the MAC by α·δ. The MAC check of
//! [`crate::protocols::mac_check`] then finds σ₁ + … + σₙ = −r·α·δ ≠ 0, except with
//! probability about 2/p (r or α happening to be 0). In the teaching field [`crate::F101`]
//! that is 2%, so a cheat there slips through now and then: a lesson in why p must be large.
//!
//! A corrupt dealer is different: it knows α and makes the MACs itself, so a bad triple
//! carries *valid* MACs for the wrong c. SPDZ's offline phase guards against it by
//! sacrificing one triple to check another (see [`crate::protocols::sacrifice`]).

use crate::error::{Error, Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::machine::{MachineId, VirtualMachine};
use crate::shared::SharedScalar;
use crate::simulation::Simulation;

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
    fn check(self) -> Result<()> {
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
    openings: Vec<(MachineId, F, Openings)>,
    /// Openings sent so far, per machine index.
    sent: Vec<u64>,
    triples: Vec<(F, Openings)>,
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
}

/// Makes machines and the dealer of one simulation misbehave. See the [module
/// docs](crate::adversary) for what each attack does and whether it is caught.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(3);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateScalar::new(6, &alice).share(&[&bob]);
/// let y = PrivateScalar::new(7, &bob).share(&[&alice]);
/// sim.adversary().add_to_openings(&bob, 1, Openings::Nth(1)); // bob shifts his share of d
/// let product = &x * &y;
/// assert!(matches!(product.reconstruct(&alice), Err(Error::MacCheckFailed { .. })));
/// ```
#[derive(Debug, Clone)]
pub struct Adversary<F: TinyField> {
    sim: Simulation<F>,
}

impl<F: TinyField> Adversary<F> {
    pub(crate) fn new(sim: Simulation<F>) -> Self {
        Adversary { sim }
    }

    /// Adds `offset` to `machine`'s stored share of `value` (its MAC share is unchanged).
    ///
    /// # Panics
    ///
    /// If `machine` holds no share of `value` or belongs to another simulation;
    /// [`try_add_to_share`](Self::try_add_to_share) returns the error instead.
    #[track_caller]
    pub fn add_to_share(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) {
        or_panic(self.try_add_to_share(machine, value, offset));
    }

    /// [`add_to_share`](Self::add_to_share), returning an error instead of panicking.
    pub fn try_add_to_share(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) -> Result<()> {
        self.tamper(machine, value, offset.to_field(), false)
    }

    /// Adds `offset` to `machine`'s MAC share of `value` (no effect with MACs off).
    ///
    /// # Panics
    ///
    /// As [`add_to_share`](Self::add_to_share); [`try_add_to_mac`](Self::try_add_to_mac)
    /// returns the error instead.
    #[track_caller]
    pub fn add_to_mac(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) {
        or_panic(self.try_add_to_mac(machine, value, offset));
    }

    /// [`add_to_mac`](Self::add_to_mac), returning an error instead of panicking.
    pub fn try_add_to_mac(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) -> Result<()> {
        self.tamper(machine, value, offset.to_field(), true)
    }

    /// From now on `machine` adds `offset` to what it sends in its `which` opening(s):
    /// its shares of d and e in a multiplication, and its share of a value being opened or
    /// output (each lane of a vector is one opening). Openings are counted per machine
    /// from the start of the simulation, from 1: `Openings::Nth(3)` is the third share
    /// `machine` ever sends in an opening, even if it was sent before this call.
    ///
    /// # Panics
    ///
    /// If `machine` belongs to another simulation, or `which` is `Openings::Nth(0)`;
    /// [`try_add_to_openings`](Self::try_add_to_openings) returns the error instead.
    #[track_caller]
    pub fn add_to_openings(
        &self,
        machine: &VirtualMachine<F>,
        offset: impl Constant,
        which: Openings,
    ) {
        or_panic(self.try_add_to_openings(machine, offset, which));
    }

    /// [`add_to_openings`](Self::add_to_openings), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// [`Error::SimulationMismatch`] if `machine` belongs to another simulation;
    /// [`Error::NthZero`] for `Openings::Nth(0)`.
    pub fn try_add_to_openings(
        &self,
        machine: &VirtualMachine<F>,
        offset: impl Constant,
        which: Openings,
    ) -> Result<()> {
        if machine.simulation() != &self.sim {
            return Err(Error::SimulationMismatch {
                what: "the adversary and the machine",
            });
        }
        which.check()?;
        let mut w = self.sim.world.borrow_mut();
        w.adversary
            .openings
            .push((machine.id(), offset.to_field(), which));
        w.adversary.cheaters.push(machine.id());
        Ok(())
    }

    /// From now on the dealer adds `offset` to c in its `which` triple(s), counting every
    /// triple dealt in the simulation from 1 (the protocols' and those of
    /// [`TrustedDealer::triple`](crate::TrustedDealer::triple) alike), and authenticates
    /// the wrong c.
    ///
    /// # Panics
    ///
    /// For `Openings::Nth(0)`; [`try_dealer_bad_triple`](Self::try_dealer_bad_triple)
    /// returns the error instead.
    #[track_caller]
    pub fn dealer_bad_triple(&self, offset: impl Constant, which: Openings) {
        or_panic(self.try_dealer_bad_triple(offset, which));
    }

    /// [`dealer_bad_triple`](Self::dealer_bad_triple), returning an error instead of
    /// panicking.
    ///
    /// # Errors
    ///
    /// [`Error::NthZero`] for `Openings::Nth(0)`.
    pub fn try_dealer_bad_triple(&self, offset: impl Constant, which: Openings) -> Result<()> {
        which.check()?;
        let mut w = self.sim.world.borrow_mut();
        w.adversary.triples.push((offset.to_field(), which));
        w.adversary.dealer_cheats = true;
        Ok(())
    }

    fn tamper(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: F,
        mac: bool,
    ) -> Result<()> {
        if machine.simulation() != &self.sim || value.simulation() != &self.sim {
            return Err(Error::SimulationMismatch {
                what: "the adversary, the machine and the value",
            });
        }
        let holders = value.holders();
        let Some(k) = holders.iter().position(|h| h == machine) else {
            return Err(Error::NotAHolder {
                machine: machine.name().to_string(),
                value: value.number(),
            });
        };
        let mut w = self.sim.world.borrow_mut();
        w.adversary.cheaters.push(machine.id());
        let n = holders.len();
        let data = w.store.data_mut(value.slot());
        match (mac, data.len() > n) {
            (false, _) => data[k] += offset,
            (true, true) => data[n + k] += offset,
            (true, false) => {}
        }
        Ok(())
    }
}
