//! Virtual machines: the parties of a computation.

use std::fmt;
use std::rc::Rc;

use crate::field::{DefaultField, TinyField};
use crate::simulation::Simulation;
use crate::store::{Holding, MachineId};
use crate::vector::write_list;
use crate::view::{DEALER, Message, Sender, View};

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

/// One value a machine holds, for its listing: its number, what it is, and the machine's
/// elements of it (one for a scalar, one per lane for a vector).
struct Held<F> {
    number: u64,
    /// `None` for a private value of the machine; the holders' names for a share.
    holders: Option<String>,
    elements: Vec<F>,
}

/// How many of a vector's shares a listing row shows before `…`.
const SHARES_SHOWN: usize = 3;

/// One row of a machine's listing: what its `Display` prints and its notebook table shows
/// (one row per value, a vector included).
pub(crate) struct ListingRow {
    /// The value's number, `#number` in the listing.
    pub number: u64,
    /// What the value is: `PrivateScalar`, `PrivateVector`, `share among (alice, bob)` or
    /// `share of a vector of 1000 among (alice, bob)`.
    pub what: String,
    /// The machine's elements of it: `25`, `[5, -6, 7]`, `-16` or, for a vector's shares,
    /// the first few, `[27, 0, 45, …]`.
    pub elements: String,
    /// A private value of the machine (listed as `PrivateScalar(25, 'alice')`) rather than
    /// a share (listed as `share among (alice, bob): -16`).
    pub private: bool,
}

/// A list of values as [`write_list`] prints it, for `to_string`.
struct List<'a, F>(&'a [F]);

impl<F: fmt::Display> fmt::Display for List<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_list(f, self.0)
    }
}

impl<F: TinyField> VirtualMachine<F> {
    /// What the machine holds, one entry per value: its private values and its shares,
    /// in storage order.
    fn held(&self) -> Vec<Held<F>> {
        let w = self.sim.world.borrow();
        let mut held = Vec::new();
        for (meta, data) in w.store.live() {
            match meta.holding {
                Holding::Private(owner) if owner == self.id => held.push(Held {
                    number: meta.number,
                    holders: None,
                    elements: data.to_vec(),
                }),
                Holding::Shared(set) => {
                    let holders = w.holder_sets.get(set);
                    if let Some(i) = holders.iter().position(|&h| h == self.id) {
                        let lane = w.lane_len(set);
                        held.push(Held {
                            number: meta.number,
                            holders: Some(w.names(holders).join(", ")),
                            elements: data.chunks(lane).map(|shares| shares[i]).collect(),
                        });
                    }
                }
                Holding::Private(_) => {}
            }
        }
        held
    }

    /// What the machine holds, as (value number, what it is, the element): its private
    /// values and its shares, in storage order. A vector gives one row per element,
    /// marked `[j]` (the machine's listing and its [`to_html`](Self::to_html) table, by
    /// contrast, give one row per vector).
    pub fn holdings(&self) -> Vec<(u64, String, F)> {
        let mut rows = Vec::new();
        for Held {
            number,
            holders,
            elements,
        } in self.held()
        {
            let single = elements.len() == 1;
            for (j, v) in elements.into_iter().enumerate() {
                let what = match (&holders, single) {
                    (None, true) => "PrivateScalar".to_string(),
                    (None, false) => format!("PrivateVector[{j}]"),
                    (Some(names), true) => format!("share among ({names})"),
                    (Some(names), false) => format!("share of [{j}] among ({names})"),
                };
                rows.push((number, what, v));
            }
        }
        rows
    }

    /// What the machine holds, one row per value, as its listing shows it.
    pub(crate) fn listing(&self) -> Vec<ListingRow> {
        self.held().into_iter().map(Held::into_row).collect()
    }
}

impl<F: TinyField> Held<F> {
    /// The value's row in the listing.
    fn into_row(self) -> ListingRow {
        let (what, elements, private) = match (self.holders, self.elements.as_slice()) {
            (None, [v]) => ("PrivateScalar".to_string(), v.to_string(), true),
            (None, values) => ("PrivateVector".to_string(), List(values).to_string(), true),
            (Some(names), [v]) => (format!("share among ({names})"), v.to_string(), false),
            (Some(names), shares) => {
                let n = shares.len();
                let first: Vec<String> = shares[..n.min(SHARES_SHOWN)]
                    .iter()
                    .map(|v| v.to_string())
                    .collect();
                let more = if n > SHARES_SHOWN { ", …" } else { "" };
                let what = format!("share of a vector of {n} among ({names})");
                (what, format!("[{}{more}]", first.join(", ")), false)
            }
        };
        ListingRow {
            number: self.number,
            what,
            elements,
            private,
        }
    }
}

/// Lists what the machine holds, one row per value, e.g.
///
/// ```text
/// VirtualMachine('alice') holds 4 value(s):
///   #1 PrivateScalar(25, 'alice')
///   #2 share among (alice, bob): -16
///   #3 PrivateVector([5, -6, 7], 'alice')
///   #5 share of a vector of 1000 among (alice, bob): [27, 0, 45, …]
/// ```
///
/// (in F101; a vector's row shows the machine's first few shares).
impl<F: TinyField> fmt::Display for VirtualMachine<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = self.listing();
        writeln!(
            f,
            "VirtualMachine('{}') holds {} value(s):",
            self.name,
            rows.len()
        )?;
        for ListingRow {
            number,
            what,
            elements,
            private,
        } in rows
        {
            if private {
                writeln!(f, "  #{number} {what}({elements}, '{}')", self.name)?;
            } else {
                writeln!(f, "  #{number} {what}: {elements}")?;
            }
        }
        Ok(())
    }
}
