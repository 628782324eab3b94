//! The simulated world: machines, their wires and views, the trusted dealer, the random
//! generator and the cost ledger.
//!
//! A [`Simulation`] is a cheap handle (`Rc`) to that world; every machine and every value
//! keeps one, which is how `&a * &b` can reach the dealer without being handed it.
//! Everything random comes from one ChaCha12 generator, so a simulation made with
//! [`Simulation::with_seed`] produces byte-identical shares, views and ledgers each run.

use std::cell::RefCell;
use std::fmt;
use std::panic::Location;
use std::rc::Rc;

use crate::error::{Error, Result};
use crate::field::{DefaultField, TinyField};
use crate::ledger::{Costs, Ledger};
use crate::protocols::mac_check;
use crate::shadow::{Shadow, ShadowReport};
use crate::world::World;

pub(crate) mod builder;
use crate::transcript::{Sent, Transcript};
use crate::view::{DEALER, Sender};

/// A simulated world of machines, a trusted dealer and a random generator, over the field
/// `F` ([`DefaultField`] unless named).
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(7);
/// let alice = sim.machine("alice");
/// let bob = sim.machine("bob");
/// let x = PrivateScalar::new(6, &alice).share(&[&bob]);
/// let y = PrivateScalar::new(7, &bob).share(&[&alice]);
/// assert_eq!((&x * &y).reconstruct(&alice)?, 42);
/// assert_eq!(sim.stats().triples, 1);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
///
/// Another field is picked with the builder:
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::builder().field::<F101>().seed(1).build();
/// let alice = sim.machine("alice");
/// let bob = sim.machine("bob");
/// let x = PrivateScalar::new(30, &alice).share(&[&bob]);
/// assert_eq!((&x * 4).reconstruct(&bob)?, 19); // 120 wraps around to 19 (mod 101)
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub struct Simulation<F: TinyField = DefaultField> {
    pub(crate) world: Rc<RefCell<World<F>>>,
}

impl<F: TinyField> Clone for Simulation<F> {
    fn clone(&self) -> Self {
        Simulation {
            world: Rc::clone(&self.world),
        }
    }
}

/// Equal when both handles point to the same simulation.
impl<F: TinyField> PartialEq for Simulation<F> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.world, &other.world)
    }
}
impl<F: TinyField> Eq for Simulation<F> {}

impl<F: TinyField> fmt::Debug for Simulation<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.world.borrow();
        let names: Vec<&str> = w.machines.iter().map(|m| &*m.name).collect();
        f.debug_struct("Simulation")
            .field("field", &F::NAME)
            .field("machines", &names)
            .finish()
    }
}

impl<F: TinyField> Simulation<F> {
    /// Total costs so far.
    pub fn stats(&self) -> Costs {
        self.world.borrow().ledger.total()
    }

    /// Costs per source line so far.
    pub fn ledger(&self) -> Ledger {
        self.world.borrow().ledger.clone()
    }

    /// Whether values carry SPDZ MACs (the default) or not (semi-honest mode).
    pub fn macs(&self) -> bool {
        self.world.borrow().macs
    }

    /// Runs the MAC check now over everything opened since the last check (outputs run it
    /// anyway).
    ///
    /// # Errors
    ///
    /// [`Error::MacCheckFailed`] if a machine cheated; [`Error::BrokenCommitment`] if a
    /// holder withheld an opening in the check or opened something it had not committed
    /// to; [`Error::TripleCheckFailed`] if a sacrificed triple exposed a corrupt dealer.
    /// After any of them, every output is refused.
    #[track_caller]
    pub fn check(&self) -> Result<(), Error> {
        let mut w = self.world.borrow_mut();
        w.charge(Location::caller(), Costs::default());
        mac_check::check(&mut w, Location::caller())
    }

    /// Runs `f` and returns its result with the [`Transcript`] of every message sent
    /// meanwhile, in order (to draw as a sequence diagram).
    pub fn capture<T>(&self, f: impl FnOnce() -> T) -> (T, Transcript<F>) {
        let outer = self.world.borrow_mut().transcript.replace(Vec::new());
        let result = f();
        let mut w = self.world.borrow_mut();
        let records = std::mem::replace(&mut w.transcript, outer).unwrap_or_default();
        let name = |i: u32| w.machines[i as usize].name.to_string();
        let messages = records
            .into_iter()
            .map(|(to, r, bytes)| Sent {
                from: if r.from == DEALER {
                    Sender::Dealer
                } else {
                    Sender::Machine(name(r.from))
                },
                to: name(to.0),
                step: r.step,
                about: r.about,
                value: r.value,
                bytes,
            })
            .collect();
        (result, Transcript { messages })
    }

    /// Forgets the costs counted so far (views and values are kept).
    pub fn reset_costs(&self) {
        self.world.borrow_mut().ledger = Ledger::default();
    }

    /// The plaintext shadow's findings so far, or `None` when the simulation was not built
    /// with [`SimulationBuilder::shadow`](crate::SimulationBuilder::shadow).
    pub fn shadow_report(&self) -> Option<ShadowReport> {
        self.world.borrow().shadow.as_ref().map(Shadow::report)
    }

    /// Whether the shadow is on.
    pub(crate) fn shadowed(&self) -> bool {
        self.world.borrow().shadow.is_some()
    }
}
