//! Attacks on the MAC check's order of messages: a holder that reveals last, choosing its
//! σᵢ to cancel the others', and a holder that withholds its coin-toss seed.

use super::Adversary;
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::machine::VirtualMachine;
use crate::store::MachineId;
use crate::world::cheats::AdversaryState;

impl<F: TinyField> Adversary<F> {
    /// From now on `machine` rushes in every MAC check: it waits until every other
    /// checking holder has revealed σᵢ, then reveals the one value that makes them
    /// reconstruct to zero (σ = −Σ of the others', for additive sharing), so that a value
    /// it tampered with passes the check.
    ///
    /// With commitments (the default) it cannot: it had to commit to its σᵢ before it saw
    /// the others', its reveal does not open that commitment, and the check aborts with
    /// [`Error::BrokenCommitment`](crate::Error::BrokenCommitment) naming it. Only under the unsafe
    /// [`mac_check_without_commitments`](crate::SimulationBuilder::mac_check_without_commitments)
    /// does the attack let a wrong output through.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(2);
    /// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    /// let x = PrivateScalar::new(5, &alice).share(&[&bob]);
    /// let adversary = sim.adversary();
    /// adversary.add_to_openings(&bob, 100, Openings::Every);
    /// adversary.rushes_mac_check(&bob);
    /// let caught = x.reconstruct(&alice).unwrap_err();
    /// assert!(matches!(caught, Error::BrokenCommitment { ref machine, .. } if machine == "bob"));
    /// ```
    ///
    /// # Panics
    ///
    /// If `machine` belongs to another simulation;
    /// [`try_rushes_mac_check`](Self::try_rushes_mac_check) returns the error instead.
    #[track_caller]
    pub fn rushes_mac_check(&self, machine: &VirtualMachine<F>) {
        or_panic(self.try_rushes_mac_check(machine));
    }

    /// [`rushes_mac_check`](Self::rushes_mac_check), returning an error instead of
    /// panicking.
    ///
    /// # Errors
    ///
    /// [`Error::SimulationMismatch`](crate::Error::SimulationMismatch) if `machine` belongs to another simulation.
    pub fn try_rushes_mac_check(&self, machine: &VirtualMachine<F>) -> Result<()> {
        self.mark(machine, |state| &mut state.rushers)
    }

    /// From now on `machine` withholds its seed in the coin toss that opens every MAC
    /// check, after committing to it. Nobody can finish the toss without it, so the check
    /// aborts with [`Error::BrokenCommitment`](crate::Error::BrokenCommitment) naming `machine`, and the simulation
    /// outputs nothing: SPDZ is secure *with abort*, and a machine that walks away stops
    /// every output (it cannot make a wrong one pass).
    ///
    /// # Panics
    ///
    /// If `machine` belongs to another simulation;
    /// [`try_withholds_coin_toss`](Self::try_withholds_coin_toss) returns the error.
    #[track_caller]
    pub fn withholds_coin_toss(&self, machine: &VirtualMachine<F>) {
        or_panic(self.try_withholds_coin_toss(machine));
    }

    /// [`withholds_coin_toss`](Self::withholds_coin_toss), returning an error instead of
    /// panicking.
    ///
    /// # Errors
    ///
    /// [`Error::SimulationMismatch`](crate::Error::SimulationMismatch) if `machine` belongs to another simulation.
    pub fn try_withholds_coin_toss(&self, machine: &VirtualMachine<F>) -> Result<()> {
        self.mark(machine, |state| &mut state.withholders)
    }

    /// Puts `machine` on the list `which` picks, and among the cheaters.
    fn mark(
        &self,
        machine: &VirtualMachine<F>,
        which: impl Fn(&mut AdversaryState<F>) -> &mut Vec<MachineId>,
    ) -> Result<()> {
        self.same_simulation(machine)?;
        let mut w = self.sim.world.borrow_mut();
        which(&mut w.adversary).push(machine.id());
        w.adversary.cheaters.push(machine.id());
        Ok(())
    }
}
