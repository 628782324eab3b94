//! The simulated world: machines, their wires and views, the trusted dealer, the random
//! generator and the cost ledger.
//!
//! A [`Simulation`] is a cheap handle (`Rc`) to that world; every machine and every value
//! keeps one, which is how `&a * &b` can reach the dealer without being handed it.
//! Everything random comes from one ChaCha12 generator, so a simulation made with
//! [`Simulation::with_seed`] produces byte-identical shares, views and ledgers each run.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;
use std::panic::Location;
use std::rc::Rc;

use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;

use crate::adversary::{Adversary, AdversaryState};
use crate::circuits::comparison::widest;
use crate::compare::COMPARISON_BITS;
use crate::dealer::{DealerState, TrustedDealer};
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::ledger::{Costs, Ledger};
use crate::machine::{MachineId, VirtualMachine};
use crate::protocols::mac_check::{self, Pending};
use crate::shadow::{Shadow, ShadowReport};
use crate::sharing::Scheme;
use crate::store::{HolderSetId, HolderSets, MAX_HOLDERS, Store};
use crate::transcript::{Sent, Transcript};
use crate::view::{DEALER, Record, Sender, Step, ViewLog, Views};

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
        SimulationBuilder {
            seed: None,
            views: Views::default(),
            macs: true,
            sacrifice: false,
            shadow: false,
            comparison_bits: None,
            field: PhantomData,
        }
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
            return Err(width_error::<F>(bits));
        }
        Ok(bits)
    }

    /// Whether the shadow is on.
    pub(crate) fn shadowed(&self) -> bool {
        self.world.borrow().shadow.is_some()
    }
}

/// Settings for a new [`Simulation`]; made by [`Simulation::builder`].
#[derive(Debug, Clone, Copy)]
#[must_use = "call .build() to make the simulation"]
pub struct SimulationBuilder<F: TinyField = DefaultField> {
    seed: Option<u64>,
    views: Views,
    macs: bool,
    sacrifice: bool,
    shadow: bool,
    /// The width asked for with [`comparison_bits`](Self::comparison_bits), if any.
    comparison_bits: Option<u32>,
    field: PhantomData<F>,
}

impl<F: TinyField> SimulationBuilder<F> {
    /// Computes in the field `G` instead (e.g. [`crate::F101`], [`crate::F61`]).
    pub fn field<G: TinyField>(self) -> SimulationBuilder<G> {
        let SimulationBuilder {
            seed,
            views,
            macs,
            sacrifice,
            shadow,
            comparison_bits,
            ..
        } = self;
        SimulationBuilder {
            seed,
            views,
            macs,
            sacrifice,
            shadow,
            comparison_bits,
            field: PhantomData,
        }
    }

    /// Seeds the random generator, for byte-identical runs.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// How much of each machine's view to keep (default: the last 1,000 messages per machine).
    pub fn views(mut self, views: Views) -> Self {
        self.views = views;
        self
    }

    /// Semi-honest mode: no MACs and no MAC checks (TinySMPC's model). Machines are
    /// assumed to follow the protocol; one that cheats changes the result unnoticed.
    pub fn semi_honest(self) -> Self {
        self.macs(false)
    }

    /// SPDZ MACs on (the default) or off (the same as [`semi_honest`](Self::semi_honest)),
    /// for comparing the two side by side.
    pub fn macs(mut self, on: bool) -> Self {
        self.macs = on;
        self
    }

    /// Checks every triple before use by sacrificing a second one (SPDZ's offline-phase
    /// check; see [`crate::protocols::sacrifice`]). Catches a corrupt dealer; doubles the
    /// triples used. Off by default. Comparisons then run BitLT in the field, whose
    /// triples can be sacrificed, instead of among XOR-shared bits.
    pub fn sacrifice_triples(mut self, on: bool) -> Self {
        self.sacrifice = on;
        self
    }

    /// Checking mode: every shared fixed-point number carries the exact value it stands
    /// for, and [`Simulation::shadow_report`] says where precision was lost, what came
    /// close to overflowing and which function saw an input outside its domain (see
    /// [`crate::shadow`]). Off by default; it never changes what the protocol does.
    pub fn shadow(mut self) -> Self {
        self.shadow = true;
        self
    }

    /// The width ℓ of integer comparisons: [`SharedScalar`](crate::SharedScalar)s compare
    /// correctly when both operands and their difference lie in \[−2^{ℓ−1}, 2^{ℓ−1}).
    /// Default [`COMPARISON_BITS`] = 64 (the range of an `i64`); a comparison costs about
    /// ℓ multiplications, so 32 halves its cost.
    ///
    /// The width is checked when the simulation is built: it must lie in 2..=84 for
    /// [`crate::F127`] and 2..=18 for [`crate::F61`] (an equality test masks ℓ + 1 bits
    /// with 41 more, which must fit below the prime's top bit); [`crate::F101`] compares
    /// no width.
    /// [`try_build`](Self::try_build) returns [`Error::ComparisonWidth`] for any other,
    /// and [`build`](Self::build) panics. The default of 64 is not checked at build, so
    /// that a small field still builds for arithmetic; its comparisons return
    /// [`Error::FieldTooSmall`].
    pub fn comparison_bits(mut self, bits: u32) -> Self {
        self.comparison_bits = Some(bits);
        self
    }

    /// Makes the simulation.
    ///
    /// # Panics
    ///
    /// If the [comparison width](Self::comparison_bits) does not fit the field;
    /// [`try_build`](Self::try_build) returns the error instead.
    #[track_caller]
    pub fn build(self) -> Simulation<F> {
        or_panic(self.try_build())
    }

    /// Makes the simulation, after checking its settings.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// assert!(Simulation::builder().comparison_bits(32).try_build().is_ok());
    /// let err = Simulation::builder().comparison_bits(u32::MAX).try_build().unwrap_err();
    /// assert!(matches!(err, Error::ComparisonWidth { most: 84, .. }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::ComparisonWidth`] if the width set with
    /// [`comparison_bits`](Self::comparison_bits) is below 2 or too wide for the field.
    pub fn try_build(self) -> Result<Simulation<F>> {
        let comparison_bits = match self.comparison_bits {
            None => COMPARISON_BITS,
            Some(bits) if (2..=widest::<F>()).contains(&bits) => bits,
            Some(bits) => return Err(width_error::<F>(bits)),
        };
        let rng = match self.seed {
            Some(seed) => ChaCha12Rng::seed_from_u64(seed),
            None => rand::make_rng(),
        };
        let world = World {
            rng,
            machines: Vec::new(),
            holder_sets: HolderSets::default(),
            store: Store::default(),
            dealer: DealerState::default(),
            ledger: Ledger::default(),
            views: self.views,
            macs: self.macs,
            sacrifice: self.sacrifice,
            adversary: AdversaryState::default(),
            pending: Pending::default(),
            bit_pending: Pending::default(),
            aborted: None,
            scratch: Vec::new(),
            sent: Vec::new(),
            opened: Vec::new(),
            outbox: Vec::new(),
            transcript: None,
            shadow: self.shadow.then(Shadow::default),
            comparison_bits,
        };
        Ok(Simulation {
            world: Rc::new(RefCell::new(world)),
        })
    }
}

/// [`Error::ComparisonWidth`] for a width of `bits` in the field `F`.
fn width_error<F: TinyField>(bits: u32) -> Error {
    Error::ComparisonWidth {
        bits,
        field: F::NAME,
        most: widest::<F>(),
    }
}

/// The positions (0-based) of the holders that answer in a protocol step.
#[derive(Debug, Clone)]
pub(crate) enum Positions {
    /// All n holders: 0, 1, …, n − 1.
    All(usize),
    /// Some of them, in order.
    Some(Vec<usize>),
}

/// 0, 1, …, 127: the positions of [`Positions::All`], borrowed without allocating.
const INDICES: [usize; MAX_HOLDERS] = {
    let mut indices = [0; MAX_HOLDERS];
    let mut i = 0;
    while i < MAX_HOLDERS {
        indices[i] = i;
        i += 1;
    }
    indices
};

impl std::ops::Deref for Positions {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        match self {
            Positions::All(n) => &INDICES[..*n],
            Positions::Some(positions) => positions,
        }
    }
}

/// A machine as the world stores it.
#[derive(Debug)]
pub(crate) struct MachineRecord<F> {
    pub name: Rc<str>,
    pub view: ViewLog<F>,
    pub online: bool,
}

/// Everything a simulation holds; reached through [`Simulation`]'s `RefCell`.
#[derive(Debug)]
pub(crate) struct World<F> {
    pub rng: ChaCha12Rng,
    pub machines: Vec<MachineRecord<F>>,
    pub holder_sets: HolderSets,
    pub store: Store<F>,
    pub dealer: DealerState<F>,
    pub ledger: Ledger,
    pub views: Views,
    /// SPDZ MACs on (the default) or off (semi-honest).
    pub macs: bool,
    /// Check each triple by sacrificing another.
    pub sacrifice: bool,
    pub adversary: AdversaryState<F>,
    /// Values opened since the last MAC check.
    pub pending: Pending<F>,
    /// Bits opened since the last MAC check, with their 64-bit MAC shares.
    pub bit_pending: Pending<u64>,
    /// Set once a check fails: every later output returns this error.
    pub aborted: Option<Error>,
    /// A reusable buffer for protocols.
    pub scratch: Vec<F>,
    /// A reusable buffer for the shares sent in an opening.
    pub sent: Vec<F>,
    /// A reusable buffer for the values opened in a batch.
    pub opened: Vec<F>,
    /// A reusable buffer for the messages of one lane ([`World::deliver_lanes`]).
    pub outbox: Vec<(MachineId, Record<F>)>,
    /// Every message delivered while [`Simulation::capture`] runs, with its receiver.
    pub transcript: Option<Vec<(MachineId, Record<F>)>>,
    /// The plaintext shadow, in checking mode.
    pub shadow: Option<Shadow>,
    /// The width of integer comparisons.
    pub comparison_bits: u32,
}

impl<F: TinyField> World<F> {
    /// Delivers a message to `to`'s view (the simulated wire).
    #[inline]
    pub fn deliver(&mut self, to: MachineId, from: u32, step: Step, about: u64, value: F) {
        let record = Record {
            from,
            step,
            about,
            value,
        };
        self.deliver_record(to, record);
    }

    #[inline(always)]
    fn deliver_record(&mut self, to: MachineId, record: Record<F>) {
        if !self.machines[to.0 as usize].online {
            return; // an offline machine receives nothing
        }
        if let Some(transcript) = &mut self.transcript {
            transcript.push((to, record));
        }
        self.machines[to.0 as usize].view.push(self.views, record);
    }

    /// Delivers the messages of `lanes` lanes that follow one pattern (the same receivers
    /// in the same order); `lane(j, out)` appends lane j's messages to `out`. The leading
    /// lanes whose messages every receiver's bounded view would overwrite within this
    /// call are only counted as forgotten (never while a transcript is being captured).
    pub fn deliver_lanes(
        &mut self,
        lanes: usize,
        mut lane: impl FnMut(usize, &mut Vec<(MachineId, Record<F>)>),
    ) {
        let mut out = std::mem::take(&mut self.outbox);
        out.clear();
        let skip = if lanes > 1 {
            lane(lanes - 1, &mut out);
            self.forget_lanes(lanes, &out)
        } else {
            0
        };
        for j in skip..lanes {
            out.clear();
            lane(j, &mut out);
            for &(to, record) in &out {
                self.deliver_record(to, record);
            }
        }
        self.outbox = out;
    }

    /// How many of `lanes` lanes, each sending `pattern`, no view would keep; adds their
    /// messages to the receivers' forgotten counts.
    fn forget_lanes(&mut self, lanes: usize, pattern: &[(MachineId, Record<F>)]) -> usize {
        let kept = match self.views {
            _ if self.transcript.is_some() => return 0,
            Views::All => return 0,
            Views::Off => 0,
            Views::Last(n) => n,
        };
        let mut received = vec![0usize; self.machines.len()];
        for (to, _) in pattern {
            if self.machines[to.0 as usize].online {
                received[to.0 as usize] += 1;
            }
        }
        // The last `needed` lanes bring every receiver at least `kept` messages.
        let needed = received
            .iter()
            .filter(|&&r| r > 0)
            .map(|&r| kept.div_ceil(r))
            .max()
            .unwrap_or(lanes);
        let skip = lanes.saturating_sub(needed);
        for (machine, r) in self.machines.iter_mut().zip(received) {
            machine.view.forgotten += (r * skip) as u64;
        }
        skip
    }

    /// Charges `costs` for one operation to the learner's line `at`.
    #[inline]
    pub fn charge(&mut self, at: &'static Location<'static>, costs: Costs) {
        self.ledger.charge(at, 1, costs);
    }

    /// Charges `costs` to the line `at` as part of an operation already counted there.
    pub fn charge_extra(&mut self, at: &'static Location<'static>, costs: Costs) {
        self.ledger.charge(at, 0, costs);
    }

    /// How many elements one lane of a sharing among `set` takes: n shares, then (MACs
    /// on) n MAC shares. A vector of k lanes stores k such blocks one after the other.
    #[inline]
    pub fn lane_len(&self, set: HolderSetId) -> usize {
        let n = self.holder_sets.get(set).len();
        if self.macs { 2 * n } else { n }
    }

    /// How many lanes the shared value in slot `x` has (1 for a scalar).
    pub fn lanes(&self, set: HolderSetId, x: u32) -> usize {
        self.store.data(x).len() / self.lane_len(set)
    }

    /// The holders of `set` that are online, as a mask (bit k for the k-th holder).
    pub fn online_mask(&self, set: HolderSetId) -> u128 {
        let holders = self.holder_sets.get(set);
        holders
            .iter()
            .enumerate()
            .filter(|(_, m)| self.machines[m.0 as usize].online)
            .fold(0, |acc, (k, _)| acc | 1 << k)
    }

    /// The positions of the holders of `set` that can answer for the value in slot `x`
    /// (online and holding a valid share), or an error when fewer than the scheme needs.
    pub fn answering(&self, set: HolderSetId, x: u32) -> Result<Positions> {
        self.answering_for(set, self.store.meta(x).valid, self.store.meta(x).number)
    }

    /// The positions of the holders of `set` that are online and in `valid`, or an error
    /// naming value `about` when fewer than the scheme needs.
    pub fn answering_for(&self, set: HolderSetId, valid: u128, about: u64) -> Result<Positions> {
        let valid = valid & self.online_mask(set);
        let holders = self.holder_sets.get(set);
        if valid.count_ones() as usize == holders.len() {
            return Ok(Positions::All(holders.len())); // everybody answers: no allocation
        }
        let answering: Vec<usize> = (0..holders.len()).filter(|k| valid >> k & 1 == 1).collect();
        let needed = self.holder_sets.scheme(set).needed(holders.len());
        if answering.len() >= needed {
            return Ok(Positions::Some(answering));
        }
        let missing = (0..holders.len())
            .filter(|k| valid >> k & 1 == 0)
            .map(|k| holders[k]);
        Err(Error::NotEnoughOnline {
            value: about,
            holders: self.names(holders),
            missing: self.names(&missing.collect::<Vec<_>>()),
            answering: answering.len(),
            needed,
        })
    }

    /// What the shares of lane `j` in slot `x` add up to, read outside the protocol (no
    /// messages, no views, no costs): for the shadow's report only.
    pub fn peek_lane(&self, set: HolderSetId, x: u32, j: usize) -> F {
        let valid = self.store.meta(x).valid;
        let n = self.holder_sets.get(set).len();
        let data = &self.store.data(x)[j * self.lane_len(set)..];
        let positions: Vec<usize> = (0..n).filter(|k| valid >> k & 1 == 1).collect();
        let shares: Vec<F> = positions.iter().map(|&k| data[k]).collect();
        self.holder_sets
            .scheme(set)
            .reconstruct(&positions, &shares)
    }

    /// The names of a set of machines, for error messages.
    pub fn names(&self, ids: &[MachineId]) -> Vec<String> {
        ids.iter()
            .map(|id| self.machines[id.0 as usize].name.to_string())
            .collect()
    }
}
