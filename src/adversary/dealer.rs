//! The dealer's attacks: a bad triple, a triple dealt twice, the MAC key given away.

use super::Adversary;
use crate::dealer::dealing::global_key;
use crate::error::{Error, Result, or_panic};
use crate::field::{Constant, TinyField};
use crate::machine::VirtualMachine;
use crate::tape::Instr;
use crate::view::{DEALER, Step};
use crate::world::cheats::Openings;

impl<F: TinyField> Adversary<F> {
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
        self.same_simulation(machine)?;
        let mut w = self.sim.world.borrow_mut();
        if !w.macs {
            return Err(Error::NoMacKey);
        }
        let alpha = global_key(&mut w);
        w.deliver(machine.id(), DEALER, Step::MacKey, 0, alpha);
        w.record(|| Instr::Leak { to: machine.id() });
        w.adversary.dealer_cheats = true;
        Ok(alpha)
    }
}
