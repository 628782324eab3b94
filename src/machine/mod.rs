//! Virtual machines: the parties of a computation.

pub(crate) mod listing;
mod send;

use std::fmt;
use std::rc::Rc;

use crate::error::{Error, Result};
use crate::field::{DefaultField, TinyField};
use crate::replay::Replay;
use crate::sharing::Scheme;
use crate::simulation::Simulation;
use crate::store::{HolderSetId, MAX_HOLDERS, MachineId};
use crate::view::{DEALER, Message, Sender, View, ViewLog};
use crate::world::MachineRecord;

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

    /// `others` and this machine, which shares its own input among them and itself.
    pub(crate) fn with<'a>(&'a self, others: &[&'a Self]) -> Vec<&'a Self> {
        let mut holders = others.to_vec();
        if !holders.contains(&self) {
            holders.push(self);
        }
        holders
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

    /// Replays this machine: redoes its local computation from its view, its own inputs
    /// and its own randomness, and checks every message it sent against it (see
    /// [`Replay`]). An honest machine's replay is consistent whatever the others did; a
    /// machine that tampered with a share, a MAC share or what it revealed is caught at
    /// the first message it got wrong.
    ///
    /// # Errors
    ///
    /// [`Error::CannotReplay`] unless the simulation keeps every message
    /// (`.views(Views::All)`), and for a comparison among additive holders in a field of
    /// 64 bits or less (its binary words do not travel whole there).
    pub fn replay(&self) -> Result<Replay<F>> {
        crate::replay::replay(&self.sim.world.borrow(), self.id)
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
            .map(|(r, bytes)| Message {
                from: sender(r.from),
                step: r.step,
                about: r.about,
                value: r.value,
                bytes,
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

/// One machine, owned or borrowed: what a list of holders is made of.
pub trait AsMachine<F: TinyField> {
    /// The machine.
    fn as_machine(&self) -> &VirtualMachine<F>;
}

impl<F: TinyField> AsMachine<F> for VirtualMachine<F> {
    fn as_machine(&self) -> &VirtualMachine<F> {
        self
    }
}

impl<F: TinyField> AsMachine<F> for &VirtualMachine<F> {
    fn as_machine(&self) -> &VirtualMachine<F> {
        self
    }
}

/// A list of machines, as the methods that share or deal among holders take it: a slice,
/// an array or a `Vec` of machines or of references to them, borrowed, or an iterator
/// over one (`machines.iter()`), so no program has to build a `Vec<&VirtualMachine>`:
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(1);
/// let machines = sim.new_machines(["alice", "bob", "carol"]);
/// let x = PrivateScalar::new(5, &machines[0]).share_among(&machines); // the machines
/// let y = PrivateScalar::new(6, &machines[1]).share_among(machines.iter()); // an iterator
/// let z = PrivateScalar::new(7, &machines[2]).share(&[&machines[0], &machines[1]]);
/// assert_eq!((&x + &y + &z).reconstruct(&machines[0])?, 18);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub trait Machines<F: TinyField> {
    /// The machines listed, in order.
    fn machines(self) -> Vec<VirtualMachine<F>>;
}

impl<F: TinyField, M: AsMachine<F>> Machines<F> for &[M] {
    fn machines(self) -> Vec<VirtualMachine<F>> {
        self.iter().map(|m| m.as_machine().clone()).collect()
    }
}

impl<F: TinyField, M: AsMachine<F>, const N: usize> Machines<F> for &[M; N] {
    fn machines(self) -> Vec<VirtualMachine<F>> {
        self[..].machines()
    }
}

impl<F: TinyField, M: AsMachine<F>> Machines<F> for &Vec<M> {
    fn machines(self) -> Vec<VirtualMachine<F>> {
        self[..].machines()
    }
}

impl<F: TinyField, M: AsMachine<F>> Machines<F> for std::slice::Iter<'_, M> {
    fn machines(self) -> Vec<VirtualMachine<F>> {
        self.as_slice().machines()
    }
}

impl<F: TinyField> Simulation<F> {
    /// New machines in this simulation, one per name, made in this order (what
    /// [`machine`](Self::machine) makes, for several at once; [`machines`](Self::machines)
    /// lists every machine made so far).
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(1);
    /// let [alice, bob, carol] = sim.new_machines(["alice", "bob", "carol"]);
    /// let x = PrivateScalar::new(5, &alice).share(&[&bob, &carol]);
    /// assert_eq!(x.reconstruct(&carol)?, 5);
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    pub fn new_machines<const N: usize>(&self, names: [&str; N]) -> [VirtualMachine<F>; N] {
        names.map(|name| self.machine(name))
    }

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
}
