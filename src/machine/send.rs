//! Messages of the learner's own protocols: one machine sends one field element to
//! another, and it lands in the receiver's view and in the ledger like any protocol's.

use super::VirtualMachine;
use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::mac_check;
use crate::view::Step;

impl<F: TinyField> VirtualMachine<F> {
    /// Sends `value` to `to`, for a protocol of your own: the message lands in `to`'s view
    /// as step `custom`, from this machine (and in a transcript being captured), and the
    /// ledger charges the calling line one message, one element and one round. Nothing
    /// checks it: the replay ([`replay`](Self::replay)) follows the crate's protocols and
    /// leaves custom messages out.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(1);
    /// let [alice, bob] = sim.new_machines(["alice", "bob"]);
    /// let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    /// // Alice sends bob her share, and bob adds it to his own: x, opened to bob alone.
    /// let [alices, bobs] = [x.shares()[0], x.shares()[1]];
    /// let before = sim.stats().messages;
    /// alice.send(&bob, alices)?;
    /// let received = bob.view().messages.last().map(|m| m.value);
    /// assert_eq!(received.map(|a| a + bobs), Some(F127::from(6)));
    /// assert_eq!(sim.stats().messages, before + 1);
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::SimulationMismatch`] for a machine of another simulation;
    /// [`Error::Offline`] when either machine is offline; the abort's error after a
    /// failed MAC check.
    #[track_caller]
    pub fn send(&self, to: &VirtualMachine<F>, value: F) -> Result<()> {
        if to.simulation() != self.simulation() {
            return Err(Error::SimulationMismatch {
                what: "the sender and the receiver",
            });
        }
        for machine in [self, to] {
            if !machine.is_online() {
                return Err(Error::Offline {
                    machine: machine.name().to_string(),
                });
            }
        }
        let at = std::panic::Location::caller();
        let mut w = self.simulation().world.borrow_mut();
        mac_check::refuse_if_aborted(&w)?;
        w.deliver(to.id(), self.id().0, Step::Custom, 0, value);
        let costs = Costs {
            messages: 1,
            elements: 1,
            rounds: 1,
            ..Costs::default()
        };
        w.charge(at, costs);
        Ok(())
    }
}
