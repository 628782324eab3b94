//! Virtual machines: the parties of a computation.

use std::fmt;
use std::rc::Rc;

use crate::field::{DefaultField, TinyField};
use crate::simulation::Simulation;
use crate::store::Holding;
use crate::view::{DEALER, Message, Sender, View};

/// A machine's index in its simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct MachineId(pub u32);

/// A simulated machine (a party of the computation): a cheap handle, equal only to itself.
///
/// Printing a machine lists what it holds right now: its private values and its shares.
/// Values that are dropped (intermediates of an expression) leave the listing.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(1);
/// let alice = sim.machine("alice");
/// let bob = sim.machine("bob");
/// let a = PrivateScalar::new(25, &alice);
/// let shared = a.share(&[&bob]);
/// assert_eq!(alice.name(), "alice");
/// assert_ne!(alice, bob);
/// let listing = alice.to_string();
/// assert!(listing.contains("PrivateScalar(25, 'alice')"));
/// assert!(listing.contains("#2 share among (alice, bob)"));
/// drop(shared);
/// assert!(!alice.to_string().contains("#2 share"));
/// ```
pub struct VirtualMachine<F: TinyField = DefaultField> {
    sim: Simulation<F>,
    id: MachineId,
    name: Rc<str>,
}

impl VirtualMachine {
    /// A new machine in this thread's default simulation ([`Simulation::current`]).
    pub fn new(name: impl Into<String>) -> Self {
        Simulation::current().machine(name)
    }
}

impl<F: TinyField> VirtualMachine<F> {
    pub(crate) fn from_parts(sim: Simulation<F>, id: MachineId, name: Rc<str>) -> Self {
        VirtualMachine { sim, id, name }
    }

    pub(crate) fn id(&self) -> MachineId {
        self.id
    }

    /// The machine's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The simulation this machine belongs to.
    pub fn simulation(&self) -> &Simulation<F> {
        &self.sim
    }

    /// Takes the machine offline: it receives nothing, computes nothing and answers no
    /// opening until [`come_online`](Self::come_online). Values computed meanwhile have no
    /// valid share on it.
    pub fn go_offline(&self) {
        self.sim.world.borrow_mut().machines[self.id.0 as usize].online = false;
    }

    /// Brings the machine back. It holds valid shares of the values computed before it
    /// left, not of those computed while it was away.
    pub fn come_online(&self) {
        self.sim.world.borrow_mut().machines[self.id.0 as usize].online = true;
    }

    /// Whether the machine is online.
    pub fn is_online(&self) -> bool {
        self.sim.world.borrow().machines[self.id.0 as usize].online
    }

    /// Every message this machine received so far (as far as the simulation's
    /// [`crate::Views`] setting keeps them).
    pub fn view(&self) -> View<F> {
        let w = self.sim.world.borrow();
        let log = &w.machines[self.id.0 as usize].view;
        let sender = |from: u32| match from {
            DEALER => Sender::Dealer,
            i => Sender::Machine(w.machines[i as usize].name.to_string()),
        };
        let messages = log
            .records()
            .map(|r| Message {
                from: sender(r.from),
                step: r.step,
                about: r.about,
                value: r.value,
            })
            .collect();
        View {
            machine: self.name.to_string(),
            messages,
            forgotten: log.forgotten,
        }
    }
}

impl<F: TinyField> Clone for VirtualMachine<F> {
    fn clone(&self) -> Self {
        VirtualMachine {
            sim: self.sim.clone(),
            id: self.id,
            name: Rc::clone(&self.name),
        }
    }
}

/// Machines are equal by identity: the same machine of the same simulation.
impl<F: TinyField> PartialEq for VirtualMachine<F> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.sim == other.sim
    }
}
impl<F: TinyField> Eq for VirtualMachine<F> {}

impl<F: TinyField> fmt::Debug for VirtualMachine<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VirtualMachine('{}')", self.name)
    }
}

/// Lists what the machine holds, e.g.
///
/// ```text
/// VirtualMachine('alice') holds 2 value(s):
///   #1 PrivateScalar(25, 'alice')
///   #2 share among (alice, bob): 6721…
/// ```
impl<F: TinyField> VirtualMachine<F> {
    /// What the machine holds, as (value number, what it is, the element): its private
    /// values, then its shares, in storage order. A vector gives one row per element,
    /// marked `[j]`.
    pub fn holdings(&self) -> Vec<(u64, String, F)> {
        let w = self.sim.world.borrow();
        let mut rows = Vec::new();
        for (meta, data) in w.store.live() {
            match meta.holding {
                Holding::Private(owner) if owner == self.id && data.len() == 1 => {
                    rows.push((meta.number, "PrivateScalar".to_string(), data[0]));
                }
                Holding::Private(owner) if owner == self.id => {
                    for (j, &v) in data.iter().enumerate() {
                        rows.push((meta.number, format!("PrivateVector[{j}]"), v));
                    }
                }
                Holding::Shared(set) => {
                    let holders = w.holder_sets.get(set);
                    if let Some(i) = holders.iter().position(|&h| h == self.id) {
                        let names = w.names(holders).join(", ");
                        let lane = w.lane_len(set);
                        let lanes = data.len() / lane;
                        for (j, shares) in data.chunks(lane).enumerate() {
                            let what = match lanes {
                                1 => format!("share among ({names})"),
                                _ => format!("share of [{j}] among ({names})"),
                            };
                            rows.push((meta.number, what, shares[i]));
                        }
                    }
                }
                Holding::Private(_) => {}
            }
        }
        rows
    }
}

impl<F: TinyField> fmt::Display for VirtualMachine<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self
            .holdings()
            .into_iter()
            .map(|(number, what, value)| match what.as_str() {
                "PrivateScalar" => format!("#{number} PrivateScalar({value}, '{}')", self.name),
                _ => format!("#{number} {what}: {value}"),
            })
            .collect();
        writeln!(
            f,
            "VirtualMachine('{}') holds {} value(s):",
            self.name,
            lines.len()
        )?;
        for line in lines {
            writeln!(f, "  {line}")?;
        }
        Ok(())
    }
}
