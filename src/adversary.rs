//! The adversary: make a machine (or the dealer) cheat, and watch SPDZ catch it.
//!
//! Each attack is one call on [`Adversary`], reached with [`crate::Simulation::adversary`]:
//!
//! | attack | what changes | MACs on | MACs off |
//! |---|---|---|---|
//! | [`add_to_share`](Adversary::add_to_share) | a machine's stored share of a value | caught at the next check once the value is opened or output | the value silently changes |
//! | [`add_to_mac`](Adversary::add_to_mac) | a machine's MAC share of a value | caught likewise | no effect (there is no MAC) |
//! | [`add_to_openings`](Adversary::add_to_openings) | what a machine sends when a value is opened (d and e in a product, an output; in a comparison's binary openings a nonzero offset flips the bit) | caught before any output | the result silently changes |
//! | [`dealer_bad_triple`](Adversary::dealer_bad_triple) | c = ab + δ in a dealt triple (a flipped c in a comparison's binary AND triple), MACs made for the wrong c | **not** caught by the MAC check: caught only with [`sacrifice_triples`](crate::SimulationBuilder::sacrifice_triples) | the result silently changes |
//! | [`dealer_reuses_triple`](Adversary::dealer_reuses_triple) | a triple dealt again for the next product | nothing to catch: results stay right, but every holder learns x − x′ and y − y′ of the two products | the same leak |
//! | [`dealer_leaks_mac_key`](Adversary::dealer_leaks_mac_key) | α sent to one machine | that machine can forge a value with a matching MAC, and the check passes | no key to leak |
//!
//! Why the first three are caught: a machine that shifts a value by δ ≠ 0 without
//! knowing α would also have to shift the MAC by α·δ. The MAC check of
//! [`crate::protocols::mac_check`] then finds σ₁ + … + σₙ = −r·α·δ ≠ 0, except with
//! probability about 2/p (r or α happening to be 0). In the teaching field [`crate::F101`]
//! that is 2%, so a cheat there slips through now and then: a lesson in why p must be large.
//!
//! A corrupt dealer is different: it knows α and makes the MACs itself, so a bad triple
//! carries *valid* MACs for the wrong c. SPDZ's offline phase guards against it by
//! sacrificing one triple to check another (see [`crate::protocols::sacrifice`]).
//!
//! The last two attacks show what the protocol assumes rather than checks. A triple must
//! be used once: d = x − a is uniformly random only while a is, and a second opening
//! d′ = x′ − a gives d − d′ = x − x′ away. α must stay secret: a machine that knows it
//! shifts its share by δ and its MAC share by α·δ, and σ₁ + … + σₙ stays zero.

use crate::dealer::dealing::global_key;
use crate::error::{Error, Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::handle::SharedValue;
use crate::machine::VirtualMachine;
use crate::scalar::shared::SharedScalar;
use crate::simulation::Simulation;
use crate::view::{DEALER, Step};
pub use crate::world::cheats::Openings;

/// Makes machines and the dealer of one simulation misbehave. See the [module
/// docs](crate::adversary) for what each attack does and whether it is caught.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(3);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateScalar::new(6, &alice).share(&[&bob]);
/// let y = PrivateScalar::new(7, &bob).share(&[&alice]);
/// sim.adversary().add_to_openings(&bob, 1, Openings::Nth(1)); // bob shifts his share of d
/// let product = &x * &y;
/// assert!(matches!(product.reconstruct(&alice), Err(Error::MacCheckFailed { .. })));
/// ```
#[derive(Debug, Clone)]
pub struct Adversary<F: TinyField> {
    sim: Simulation<F>,
}

impl<F: TinyField> Adversary<F> {
    pub(crate) fn new(sim: Simulation<F>) -> Self {
        Adversary { sim }
    }

    /// Adds `offset` to `machine`'s stored share of `value` (its MAC share is unchanged).
    ///
    /// # Panics
    ///
    /// If `machine` holds no share of `value` or belongs to another simulation;
    /// [`try_add_to_share`](Self::try_add_to_share) returns the error instead.
    #[track_caller]
    pub fn add_to_share(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) {
        or_panic(self.try_add_to_share(machine, value, offset));
    }

    /// [`add_to_share`](Self::add_to_share), returning an error instead of panicking.
    pub fn try_add_to_share(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) -> Result<()> {
        self.tamper(machine, value, offset.to_field(), false)
    }

    /// Adds `offset` to `machine`'s MAC share of `value` (no effect with MACs off).
    ///
    /// # Panics
    ///
    /// As [`add_to_share`](Self::add_to_share); [`try_add_to_mac`](Self::try_add_to_mac)
    /// returns the error instead.
    #[track_caller]
    pub fn add_to_mac(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) {
        or_panic(self.try_add_to_mac(machine, value, offset));
    }

    /// [`add_to_mac`](Self::add_to_mac), returning an error instead of panicking.
    pub fn try_add_to_mac(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: impl Constant,
    ) -> Result<()> {
        self.tamper(machine, value, offset.to_field(), true)
    }

    /// From now on `machine` adds `offset` to what it sends in its `which` opening(s):
    /// its shares of d and e in a multiplication, and its share of a value being opened or
    /// output (each lane of a vector is one opening). Openings are counted per machine
    /// from the start of the simulation, from 1: `Openings::Nth(3)` is the third share
    /// `machine` ever sends in an opening, even if it was sent before this call.
    ///
    /// # Panics
    ///
    /// If `machine` belongs to another simulation, or `which` is `Openings::Nth(0)`;
    /// [`try_add_to_openings`](Self::try_add_to_openings) returns the error instead.
    #[track_caller]
    pub fn add_to_openings(
        &self,
        machine: &VirtualMachine<F>,
        offset: impl Constant,
        which: Openings,
    ) {
        or_panic(self.try_add_to_openings(machine, offset, which));
    }

    /// [`add_to_openings`](Self::add_to_openings), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// [`Error::SimulationMismatch`] if `machine` belongs to another simulation;
    /// [`Error::NthZero`] for `Openings::Nth(0)`.
    pub fn try_add_to_openings(
        &self,
        machine: &VirtualMachine<F>,
        offset: impl Constant,
        which: Openings,
    ) -> Result<()> {
        if machine.simulation() != &self.sim {
            return Err(Error::SimulationMismatch {
                what: "the adversary and the machine",
            });
        }
        which.check()?;
        let mut w = self.sim.world.borrow_mut();
        w.adversary
            .openings
            .push((machine.id(), offset.to_field(), which));
        w.adversary.cheaters.push(machine.id());
        Ok(())
    }

    /// From now on the dealer adds `offset` to c in its `which` triple(s), counting every
    /// triple dealt in the simulation from 1 (the protocols' and those of
    /// [`TrustedDealer::triple`](crate::TrustedDealer::triple) alike), and authenticates
    /// the wrong c.
    ///
    /// # Panics
    ///
    /// For `Openings::Nth(0)`; [`try_dealer_bad_triple`](Self::try_dealer_bad_triple)
    /// returns the error instead.
    #[track_caller]
    pub fn dealer_bad_triple(&self, offset: impl Constant, which: Openings) {
        or_panic(self.try_dealer_bad_triple(offset, which));
    }

    /// [`dealer_bad_triple`](Self::dealer_bad_triple), returning an error instead of
    /// panicking.
    ///
    /// # Errors
    ///
    /// [`Error::NthZero`] for `Openings::Nth(0)`.
    pub fn try_dealer_bad_triple(&self, offset: impl Constant, which: Openings) -> Result<()> {
        which.check()?;
        let mut w = self.sim.world.borrow_mut();
        w.adversary.triples.push((offset.to_field(), which));
        w.adversary.dealer_cheats = true;
        Ok(())
    }

    /// From now on the dealer deals its `which` triple(s) again as the next triple: the
    /// same shares of a, b and c, MACs included (triples are counted from 1, as in
    /// [`dealer_bad_triple`](Self::dealer_bad_triple); the repeat counts as a triple too,
    /// so `Openings::Every` deals the first triple forever).
    ///
    /// Nothing checks it, and nothing is wrong in the results: the harm is to privacy. Two
    /// products x·y and x′·y′ with the same triple open d = x − a and d′ = x′ − a, so every
    /// holder learns d − d′ = x − x′ (and e − e′ = y − y′) from what it received.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    /// use tinyspdz::Step;
    ///
    /// let sim = Simulation::with_seed(8);
    /// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    /// sim.adversary().dealer_reuses_triple(Openings::Nth(1));
    /// let y = PrivateScalar::new(3, &alice).share(&[&bob]);
    /// let (x, x2) = (PrivateScalar::new(40, &bob), PrivateScalar::new(12, &bob));
    /// let (x, x2) = (x.share(&[&alice]), x2.share(&[&alice]));
    /// let _ = (&x * &y, &x2 * &y); // both products use triple 1
    /// // alice: her own shares' difference, plus bob's d − d′ from her view
    /// let own = x.shares()[0] - x2.shares()[0];
    /// let d: Vec<F127> = alice.view().messages.iter()
    ///     .filter(|m| m.step == Step::BeaverD).map(|m| m.value).collect();
    /// assert_eq!((own + d[0] - d[1]).to_bigint(), (40 - 12).into()); // bob's x − x′
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    ///
    /// # Panics
    ///
    /// For `Openings::Nth(0)`; [`try_dealer_reuses_triple`](Self::try_dealer_reuses_triple)
    /// returns the error instead.
    #[track_caller]
    pub fn dealer_reuses_triple(&self, which: Openings) {
        or_panic(self.try_dealer_reuses_triple(which));
    }

    /// [`dealer_reuses_triple`](Self::dealer_reuses_triple), returning an error instead of
    /// panicking.
    ///
    /// # Errors
    ///
    /// [`Error::NthZero`] for `Openings::Nth(0)`.
    pub fn try_dealer_reuses_triple(&self, which: Openings) -> Result<()> {
        which.check()?;
        let mut w = self.sim.world.borrow_mut();
        w.adversary.repeats.push(which);
        w.adversary.dealer_cheats = true;
        Ok(())
    }

    /// The dealer gives the global MAC key α to `machine` (a message in its view) and
    /// returns it. With α, that machine can forge: adding δ to its share of a value and
    /// α·δ to its MAC share keeps Σ mᵢ = α·x true for the shifted x, so the MAC check
    /// passes and the output is wrong. Why α must stay secret.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(9);
    /// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    /// let x = PrivateScalar::new(5, &alice).share(&[&bob]);
    /// let adversary = sim.adversary();
    /// let alpha = adversary.dealer_leaks_mac_key(&bob);
    /// adversary.add_to_share(&bob, &x, 100);
    /// adversary.add_to_mac(&bob, &x, alpha * F127::from(100u64));
    /// assert_eq!(x.reconstruct(&alice)?, 105); // forged, and the check passed
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    ///
    /// # Panics
    ///
    /// If `machine` belongs to another simulation or the simulation runs without MACs;
    /// [`try_dealer_leaks_mac_key`](Self::try_dealer_leaks_mac_key) returns the error.
    #[track_caller]
    pub fn dealer_leaks_mac_key(&self, machine: &VirtualMachine<F>) -> F {
        or_panic(self.try_dealer_leaks_mac_key(machine))
    }

    /// [`dealer_leaks_mac_key`](Self::dealer_leaks_mac_key), returning an error instead of
    /// panicking.
    ///
    /// # Errors
    ///
    /// [`Error::SimulationMismatch`] if `machine` belongs to another simulation;
    /// [`Error::NoMacKey`] if the simulation runs without MACs.
    pub fn try_dealer_leaks_mac_key(&self, machine: &VirtualMachine<F>) -> Result<F> {
        if machine.simulation() != &self.sim {
            return Err(Error::SimulationMismatch {
                what: "the adversary and the machine",
            });
        }
        let mut w = self.sim.world.borrow_mut();
        if !w.macs {
            return Err(Error::NoMacKey);
        }
        let alpha = global_key(&mut w);
        w.deliver(machine.id(), DEALER, Step::MacKey, 0, alpha);
        w.adversary.dealer_cheats = true;
        Ok(alpha)
    }

    fn tamper(
        &self,
        machine: &VirtualMachine<F>,
        value: &SharedScalar<F>,
        offset: F,
        mac: bool,
    ) -> Result<()> {
        if machine.simulation() != &self.sim || value.simulation() != &self.sim {
            return Err(Error::SimulationMismatch {
                what: "the adversary, the machine and the value",
            });
        }
        let holders = value.holders();
        let Some(k) = holders.iter().position(|h| h == machine) else {
            return Err(Error::NotAHolder {
                machine: machine.name().to_string(),
                value: value.number(),
            });
        };
        let mut w = self.sim.world.borrow_mut();
        w.adversary.cheaters.push(machine.id());
        let n = holders.len();
        let data = w.store.data_mut(value.handle().id);
        match (mac, data.len() > n) {
            (false, _) => data[k] += offset,
            (true, true) => data[n + k] += offset,
            (true, false) => {}
        }
        Ok(())
    }
}

impl<F: TinyField> Simulation<F> {
    /// The adversary, to make machines or the dealer of this simulation cheat.
    pub fn adversary(&self) -> Adversary<F> {
        Adversary::new(self.clone())
    }
}
