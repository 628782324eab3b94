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
//! | [`dealer_reuses_triple`](Adversary::dealer_reuses_triple) | a triple dealt again for the next product | nothing to catch: results stay right, but every holder learns x − x′ and y − y′ of the two products | the same leak |
//! | [`dealer_leaks_mac_key`](Adversary::dealer_leaks_mac_key) | α sent to one machine | that machine can forge a value with a matching MAC, and the check passes | no key to leak |
//! | [`rushes_mac_check`](Adversary::rushes_mac_check) | a machine reveals its σᵢ last, chosen to cancel the others' | caught: its reveal does not open the commitment it made first ([`Error::BrokenCommitment`] names it); passes only under [`mac_check_without_commitments`](crate::SimulationBuilder::mac_check_without_commitments) | no check to rush |
//! | [`withholds_coin_toss`](Adversary::withholds_coin_toss) | a machine commits to its coin-toss seed and never reveals it | the check aborts, naming it, and nothing is output: security *with abort* | no check to stop |
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
//!
//! The reuse and the leak show what the protocol assumes rather than checks. A triple must
//! be used once: d = x − a is uniformly random only while a is, and a second opening
//! d′ = x′ − a gives d − d′ = x − x′ away. α must stay secret: a machine that knows it
//! shifts its share by δ and its MAC share by α·δ, and σ₁ + … + σₙ stays zero.
//!
//! The last two attack the MAC check's order of messages, and show why it commits before
//! it reveals ([`crate::protocols::commitment`], [`crate::protocols::coin_toss`]).

use crate::error::{Error, Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::handle::SharedValue;
use crate::machine::VirtualMachine;
use crate::scalar::shared::SharedScalar;
use crate::simulation::Simulation;
pub use crate::world::cheats::Openings;

mod dealer;
mod mac_check;

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
        self.same_simulation(machine)?;
        which.check()?;
        let mut w = self.sim.world.borrow_mut();
        w.adversary
            .openings
            .push((machine.id(), offset.to_field(), which));
        w.adversary.cheaters.push(machine.id());
        Ok(())
    }

    /// Refuses a machine of another simulation.
    fn same_simulation(&self, machine: &VirtualMachine<F>) -> Result<()> {
        if machine.simulation() != &self.sim {
            return Err(Error::SimulationMismatch {
                what: "the adversary and the machine",
            });
        }
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
        let data = w.store.data_mut(value.handle().id);
        match (mac, data.len() > n) {
            (false, _) => data[k] += offset,
            (true, true) => data[n + k] += offset,
            (true, false) => {}
        }
        Ok(())
    }
}

impl<F: TinyField> Simulation<F> {
    /// The adversary, to make machines or the dealer of this simulation cheat.
    pub fn adversary(&self) -> Adversary<F> {
        Adversary::new(self.clone())
    }
}
