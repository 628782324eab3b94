//! [`SimulationBuilder`]: the settings of a new [`Simulation`] (field, seed, views, MACs,
//! sacrifice, shadow, comparison width), and the world it builds.

use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;

use super::Simulation;
use crate::dealer::Dealer;
use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::ledger::Ledger;
use crate::masking::widest_comparison;
use crate::shadow::Shadow;
use crate::store::{HolderSets, Store};
use crate::view::Views;
use crate::world::World;
use crate::world::cheats::AdversaryState;
use crate::world::dealt::DealerBooks;
use crate::world::keys::MacKeys;
use crate::world::unchecked::Unchecked;

/// The default width ℓ of integer comparisons. `x < y` is right when x − y lies in
/// \[−2⁶³, 2⁶³), `x > y` when it lies in (−2⁶³, 2⁶³\], `x = y` when |x − y| < 2⁶⁴: any two
/// `i64` compare equal or not correctly, and order correctly unless they are 2⁶³ or more
/// apart. Another width is picked with
/// [`SimulationBuilder::comparison_bits`](crate::SimulationBuilder::comparison_bits).
pub const COMPARISON_BITS: u32 = 64;

/// Settings for a new [`Simulation`]; made by [`Simulation::builder`].
#[derive(Debug, Clone, Copy)]
#[must_use = "call .build() to make the simulation"]
pub struct SimulationBuilder<F: TinyField = DefaultField> {
    seed: Option<u64>,
    views: Views,
    macs: bool,
    sacrifice: bool,
    commitments: bool,
    shadow: bool,
    /// The width asked for with [`comparison_bits`](Self::comparison_bits), if any.
    comparison_bits: Option<u32>,
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
            commitments: true,
            shadow: false,
            comparison_bits: None,
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
            commitments,
            shadow,
            comparison_bits,
            ..
        } = self;
        SimulationBuilder {
            seed,
            views,
            macs,
            sacrifice,
            commitments,
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

    /// **Unsafe, for the lesson only**: runs the MAC check without its commitments, so
    /// each holder reveals σᵢ (and its coin-toss seed) directly, in two rounds instead of
    /// four. A holder that reveals last can then choose its σᵢ to cancel the others' and
    /// let a tampered value through ([`crate::Adversary::rushes_mac_check`]); with the
    /// commitments (the default) it must commit before it sees them, and is caught. See
    /// [`crate::protocols::commitment`].
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::builder().seed(2).mac_check_without_commitments().build();
    /// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    /// let x = PrivateScalar::new(5, &alice).share(&[&bob]);
    /// let adversary = sim.adversary();
    /// adversary.add_to_openings(&bob, 100, Openings::Every);
    /// adversary.rushes_mac_check(&bob);
    /// assert_eq!(x.reconstruct(&alice)?, 105); // wrong, and the check let it through
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    pub fn mac_check_without_commitments(mut self) -> Self {
        self.commitments = false;
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
    /// `x < y` and `x ≥ y` are right when d = x − y lies in \[−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>), `x > y`
    /// and `x ≤ y` when d lies in (−2<sup>ℓ−1</sup>, 2<sup>ℓ−1</sup>\], `x = y` when |d| < 2^ℓ. Default [`COMPARISON_BITS`] = 64 (the range of an
    /// `i64`); a comparison costs about ℓ multiplications, so 32 halves its cost.
    ///
    /// The width is checked when the simulation is built: it must lie in 2..=84 for
    /// [`crate::F127`] and 2..=18 for [`crate::F61`] (an equality test masks ℓ + 1 bits
    /// with 41 more, which must fit below the prime's top bit); [`crate::F101`] compares
    /// no width. [`try_build`](Self::try_build) returns [`Error::ComparisonWidth`] for any
    /// other, and [`build`](Self::build) panics. The default of 64 is not checked at
    /// build, so that a small field still builds for arithmetic; its comparisons return
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
            Some(bits) if (2..=widest_comparison::<F>()).contains(&bits) => bits,
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
            dealer: DealerBooks::default(),
            keys: MacKeys::default(),
            preprocessing: Rc::new(Dealer),
            ledger: Ledger::default(),
            views: self.views,
            macs: self.macs,
            sacrifice: self.sacrifice,
            commitments: self.commitments,
            adversary: AdversaryState::default(),
            unchecked: Unchecked::default(),
            unchecked_bits: Unchecked::default(),
            aborted: None,
            weights: Default::default(),
            scratch: Vec::new(),
            sent: Vec::new(),
            opened: Vec::new(),
            outbox: Vec::new(),
            received: Vec::new(),
            transcript: None,
            tape: (self.views == Views::All).then(Vec::new),
            shadow: self.shadow.then(Shadow::default),
            comparison_bits,
        };
        Ok(Simulation {
            world: Rc::new(RefCell::new(world)),
        })
    }
}

/// [`Error::ComparisonWidth`] for a width of `bits` in the field `F`.
pub(super) fn width_error<F: TinyField>(bits: u32) -> Error {
    Error::ComparisonWidth {
        bits,
        field: F::NAME,
        most: widest_comparison::<F>(),
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

    /// This thread's default simulation, the one [`VirtualMachine::new`](crate::VirtualMachine::new) uses.
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
    /// Runs `f` with integer comparisons `bits` wide, then goes back to the simulation's
    /// own width ([`SimulationBuilder::comparison_bits`]): a comparison costs about one
    /// triple per bit, so an age compared in 8 bits costs an eighth of the default 64.
    /// Inside, `x < y` is right when x − y lies in \[−2^(bits−1), 2^(bits−1)), and the
    /// other comparisons as the builder's width says.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(1);
    /// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    /// let age = PrivateScalar::new(42, &alice).share(&[&bob]);
    /// let adult = sim.with_comparison_bits(8, || age.greater_than(17));
    /// let narrow = sim.stats().triples;
    /// let _ = age.greater_than(17); // 64 bits
    /// assert!(sim.stats().triples - narrow > 4 * narrow);
    /// assert!(adult.reconstruct(&alice)?);
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    ///
    /// # Panics
    ///
    /// If `bits` does not fit the field (as for the builder's width);
    /// [`try_with_comparison_bits`](Self::try_with_comparison_bits) returns the error.
    #[track_caller]
    pub fn with_comparison_bits<T>(&self, bits: u32, f: impl FnOnce() -> T) -> T {
        or_panic(self.try_with_comparison_bits(bits, f))
    }

    /// [`with_comparison_bits`](Self::with_comparison_bits), returning an error instead of
    /// panicking.
    ///
    /// # Errors
    ///
    /// [`Error::ComparisonWidth`] if `bits` is below 2 or too wide for the field.
    pub fn try_with_comparison_bits<T>(&self, bits: u32, f: impl FnOnce() -> T) -> Result<T> {
        if !(2..=widest_comparison::<F>()).contains(&bits) {
            return Err(width_error::<F>(bits));
        }
        /// Puts the width back when `f` returns or panics.
        struct Restore<'a, F: TinyField>(&'a Simulation<F>, u32);
        impl<F: TinyField> Drop for Restore<'_, F> {
            fn drop(&mut self) {
                self.0.world.borrow_mut().comparison_bits = self.1;
            }
        }
        let outer = std::mem::replace(&mut self.world.borrow_mut().comparison_bits, bits);
        let _restore = Restore(self, outer);
        Ok(f())
    }

    /// The width of integer comparisons, or an error when it is too narrow.
    pub(crate) fn comparison_bits(&self) -> Result<u32> {
        let bits = self.world.borrow().comparison_bits;
        if bits < 2 {
            return Err(width_error::<F>(bits));
        }
        Ok(bits)
    }
}
