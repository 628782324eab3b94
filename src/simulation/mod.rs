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

use crate::adversary::Adversary;
use crate::error::{Error, Result};
use crate::field::{DefaultField, TinyField};
use crate::ledger::{Costs, Ledger};
use crate::machine::VirtualMachine;
use crate::protocols::mac_check;
use crate::shadow::{Shadow, ShadowReport};
use crate::sharing::Scheme;
use crate::store::MachineId;
use crate::store::{HolderSetId, MAX_HOLDERS};
use crate::trusted_dealer::TrustedDealer;
use crate::world::{MachineRecord, World};

mod builder;
use crate::transcript::{Sent, Transcript};
use crate::view::{DEALER, Sender, ViewLog};
pub use builder::SimulationBuilder;

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

thread_local! {
    static CURRENT: Simulation = Simulation::builder().build();
}

impl Simulation {
    /// A simulation over the default field, seeded from the operating system.
    pub fn new() -> Self {
        Simulation::builder().build()
    }

    /// A reproducible simulation over the default field: the same seed gives the same
    /// shares, views, costs and printed output.
    pub fn with_seed(seed: u64) -> Self {
        Simulation::builder().seed(seed).build()
    }

    /// A builder for a simulation with other settings (field, seed, views, MACs).
    pub fn builder() -> SimulationBuilder {
        SimulationBuilder::new()
    }

    /// This thread's default simulation, the one [`VirtualMachine::new`] uses.
    pub fn current() -> Self {
        CURRENT.with(Simulation::clone)
    }
}

impl Default for Simulation {
    fn default() -> Self {
        Simulation::new()
    }
}

impl<F: TinyField> Simulation<F> {
    /// A new machine in this simulation. Machines are equal only to themselves (and their
    /// clones), even when two share a name.
    pub fn machine(&self, name: impl Into<String>) -> VirtualMachine<F> {
        let name: Rc<str> = name.into().into();
        let mut w = self.world.borrow_mut();
        w.machines.push(MachineRecord {
            name: Rc::clone(&name),
            view: ViewLog::new(),
            online: true,
        });
        let id = MachineId(w.machines.len() as u32 - 1);
        drop(w);
        VirtualMachine::from_parts(self.clone(), id, name)
    }

    /// Every machine of this simulation, in the order they were made.
    pub fn machines(&self) -> Vec<VirtualMachine<F>> {
        let w = self.world.borrow();
        let machines = w.machines.iter().enumerate();
        let parts: Vec<_> = machines
            .map(|(i, m)| (MachineId(i as u32), m.name.clone()))
            .collect();
        drop(w);
        parts
            .into_iter()
            .map(|(id, name)| VirtualMachine::from_parts(self.clone(), id, name))
            .collect()
    }

    /// The trusted dealer of this simulation.
    pub fn dealer(&self) -> TrustedDealer<F> {
        TrustedDealer::new(self.clone())
    }

    /// Total costs so far.
    pub fn stats(&self) -> Costs {
        self.world.borrow().ledger.total()
    }

    /// Costs per source line so far.
    pub fn ledger(&self) -> Ledger {
        self.world.borrow().ledger.clone()
    }

    /// The adversary, to make machines or the dealer of this simulation cheat.
    pub fn adversary(&self) -> Adversary<F> {
        Adversary::new(self.clone())
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
    /// [`Error::MacCheckFailed`] if a machine cheated; [`Error::TripleCheckFailed`] if a
    /// sacrificed triple exposed a corrupt dealer. After either, every output is refused.
    #[track_caller]
    pub fn check(&self) -> Result<(), Error> {
        let mut w = self.world.borrow_mut();
        w.charge(Location::caller(), Costs::default());
        mac_check::check(&mut w, Location::caller())
    }

    /// The holder set of `holders` under `scheme`: distinct machines of this simulation, at
    /// least two, and more than the threshold.
    pub(crate) fn holder_set(
        &self,
        holders: &[&VirtualMachine<F>],
        scheme: Scheme,
        what: &'static str,
    ) -> Result<HolderSetId> {
        if holders.iter().any(|m| m.simulation() != self) {
            return Err(Error::SimulationMismatch { what });
        }
        let mut ids: Vec<MachineId> = holders.iter().map(|m| m.id()).collect();
        ids.sort();
        if let Some(pair) = ids.windows(2).find(|p| p[0] == p[1]) {
            let machine = holders
                .iter()
                .find(|m| m.id() == pair[0])
                .map_or("?", |m| m.name());
            return Err(Error::DuplicateHolder {
                machine: machine.to_string(),
            });
        }
        if ids.len() < 2 {
            let holders = holders.iter().map(|m| m.name().to_string()).collect();
            return Err(Error::TooFewHolders { holders });
        }
        if let Scheme::Shamir { threshold } = scheme {
            if threshold >= ids.len() {
                return Err(Error::BadThreshold {
                    threshold,
                    holders: ids.len(),
                });
            }
        }
        if ids.len() > MAX_HOLDERS {
            return Err(Error::TooManyHolders {
                holders: ids.len(),
                most: MAX_HOLDERS,
            });
        }
        Ok(self.world.borrow_mut().holder_sets.intern(&ids, scheme))
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
            .map(|(to, r)| Sent {
                from: if r.from == DEALER {
                    Sender::Dealer
                } else {
                    Sender::Machine(name(r.from))
                },
                to: name(to.0),
                step: r.step,
                about: r.about,
                value: r.value,
            })
            .collect();
        (result, Transcript { messages })
    }

    /// Forgets the costs counted so far (views and values are kept).
    pub fn reset_costs(&self) {
        self.world.borrow_mut().ledger = Ledger::default();
    }

    /// The plaintext shadow's findings so far, or `None` when the simulation was not built
    /// with [`SimulationBuilder::shadow`].
    pub fn shadow_report(&self) -> Option<ShadowReport> {
        self.world.borrow().shadow.as_ref().map(Shadow::report)
    }

    /// The width of integer comparisons, or an error when it is too narrow.
    pub(crate) fn comparison_bits(&self) -> Result<u32> {
        let bits = self.world.borrow().comparison_bits;
        if bits < 2 {
            return Err(builder::width_error::<F>(bits));
        }
        Ok(bits)
    }

    /// Whether the shadow is on.
    pub(crate) fn shadowed(&self) -> bool {
        self.world.borrow().shadow.is_some()
    }
}
