//! [`SimulationBuilder`]: the settings of a new [`Simulation`] (field, seed, views, MACs,
//! sacrifice, shadow, comparison width), and the world it builds.

use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;

use super::Simulation;
use crate::adversary::AdversaryState;
use crate::compare::COMPARISON_BITS;
use crate::dealer::DealerState;
use crate::field::{DefaultField, TinyField};
use crate::ledger::Ledger;
use crate::protocols::pending::Pending;
use crate::shadow::Shadow;
use crate::store::{HolderSets, Store};
use crate::view::Views;
use crate::world::World;

/// Settings for a new [`Simulation`]; made by [`Simulation::builder`].
#[derive(Debug, Clone, Copy)]
#[must_use = "call .build() to make the simulation"]
pub struct SimulationBuilder<F: TinyField = DefaultField> {
    seed: Option<u64>,
    views: Views,
    macs: bool,
    sacrifice: bool,
    shadow: bool,
    comparison_bits: u32,
    field: PhantomData<F>,
}

impl SimulationBuilder {
    /// The default settings: the default field, seeded from the operating system, the
    /// default views, MACs on, no sacrifice, no shadow, 64-bit comparisons.
    pub(super) fn new() -> Self {
        SimulationBuilder {
            seed: None,
            views: Views::default(),
            macs: true,
            sacrifice: false,
            shadow: false,
            comparison_bits: COMPARISON_BITS,
            field: PhantomData,
        }
    }
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

    /// The width ℓ of integer comparisons: for [`SharedScalar`](crate::SharedScalar)s,
    /// `x < y` and `x ≥ y` are right when d = x − y lies in \[−2^{ℓ−1}, 2^{ℓ−1}), `x > y`
    /// and `x ≤ y` when d lies in (−2^{ℓ−1}, 2^{ℓ−1}\], `x = y` when |d| < 2^ℓ. Default [`COMPARISON_BITS`] = 64 (the range of an `i64`); a comparison costs about
    /// ℓ multiplications, so 32 halves its cost. Widths the field cannot mask (ℓ + 41 bits
    /// must fit) make comparisons return [`Error::FieldTooSmall`](crate::Error::FieldTooSmall), widths below 2
    /// [`Error::ComparisonWidth`](crate::Error::ComparisonWidth).
    pub fn comparison_bits(mut self, bits: u32) -> Self {
        self.comparison_bits = bits;
        self
    }

    /// Makes the simulation.
    pub fn build(self) -> Simulation<F> {
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
            comparison_bits: self.comparison_bits,
        };
        Simulation {
            world: Rc::new(RefCell::new(world)),
        }
    }
}
