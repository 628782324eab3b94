//! The trusted dealer as the learner sees it: its counts, and correlated randomness dealt
//! as ordinary shared values for a protocol of one's own.

use std::panic::Location;

use rand::rngs::ChaCha12Rng;

use crate::dealer::dealing::{deal_value, ensure_key, hand_out};
use crate::error::Result;
use crate::field::TinyField;
use crate::handle::{Handle, SharedValue};
use crate::ledger::Costs;
use crate::machine::{Machines, VirtualMachine};
use crate::protocols::mac_check;
use crate::scalar::shared::SharedScalar;
use crate::sharing::Scheme;
use crate::simulation::Simulation;
use crate::store::Holding;
use crate::tape::Instr;
use crate::view::Step;

/// The simulation's trusted dealer, as the learner sees it.
#[derive(Debug, Clone)]
pub struct TrustedDealer<F: TinyField> {
    sim: Simulation<F>,
}

impl<F: TinyField> TrustedDealer<F> {
    pub(crate) fn new(sim: Simulation<F>) -> Self {
        TrustedDealer { sim }
    }

    /// How many triples the dealer has dealt; each was used by exactly one multiplication
    /// (or sacrificed to check another).
    pub fn triples_dealt(&self) -> u64 {
        self.sim.world.borrow().dealer.triples
    }

    /// Deals a fresh Beaver triple (\[a\], \[b\], \[c\]) with c = ab among `holders`, for a
    /// protocol of your own (see the tutorial's playground chapter). Each part is an
    /// ordinary shared value, authenticated when MACs are on.
    ///
    /// # Errors
    ///
    /// As [`crate::PrivateScalar::try_share_among`] for a bad list of holders.
    #[track_caller]
    pub fn triple(&self, holders: impl Machines<F>) -> Result<[SharedScalar<F>; 3]> {
        let (a, b, offset) = {
            let mut w = self.sim.world.borrow_mut();
            let (a, b) = (F::random(&mut w.rng), F::random(&mut w.rng));
            // A corrupt dealer corrupts these triples too (counted with the protocols').
            (a, b, w.adversary.triple_offset(w.dealer.triples + 1))
        };
        self.deal(
            &holders.machines(),
            [a, b, a * b + offset],
            &[Step::TripleA, Step::TripleB, Step::TripleC],
            true,
        )
    }

    /// Deals a fresh square pair (\[a\], \[a²\]) among `holders`: the correlated randomness
    /// for squaring with one opening instead of a triple's two.
    ///
    /// # Errors
    ///
    /// As [`triple`](Self::triple).
    #[track_caller]
    pub fn square_pair(&self, holders: impl Machines<F>) -> Result<[SharedScalar<F>; 2]> {
        let a = F::random(&mut self.sim.world.borrow_mut().rng);
        let steps = [Step::TripleA, Step::TripleC];
        self.deal(&holders.machines(), [a, a * a], &steps, false)
    }

    /// Deals a fresh uniformly random shared value \[r\] that nobody knows.
    ///
    /// # Errors
    ///
    /// As [`triple`](Self::triple).
    #[track_caller]
    pub fn random(&self, holders: impl Machines<F>) -> Result<SharedScalar<F>> {
        let r = F::random(&mut self.sim.world.borrow_mut().rng);
        let [r] = self.deal(&holders.machines(), [r], &[Step::TripleA], false)?;
        Ok(r)
    }

    /// Deals material of your own design among `holders`: `make` draws what it needs from
    /// the dealer's (seeded) randomness and returns the values, and each is dealt as an
    /// authenticated sharing, its messages marked `custom` in the holders' views. For
    /// example a triple made by hand, for a Beaver multiplication written out step by step:
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    /// use ff::Field;
    ///
    /// let sim = Simulation::with_seed(4);
    /// let [alice, bob] = sim.new_machines(["alice", "bob"]);
    /// let x = PrivateScalar::new(5, &alice).share(&[&bob]);
    /// let y = PrivateScalar::new(-8, &bob).share(&[&alice]);
    /// let [a, b, c] = sim.dealer().custom(&[&alice, &bob], |rng| {
    ///     let (a, b) = (F127::random(&mut *rng), F127::random(&mut *rng));
    ///     [a, b, a * b]
    /// })?;
    /// let d = (&x - &a).partial_open()?;
    /// let e = (&y - &b).partial_open()?;
    /// let z = &c + &b * d + &a * e + d * e;
    /// assert_eq!(z.open()?, -40);
    /// assert_eq!(sim.dealer().triples_dealt(), 0, "custom material is not a triple");
    /// # Ok::<(), tinyspdz::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`triple`](Self::triple).
    #[track_caller]
    pub fn custom<const K: usize>(
        &self,
        holders: impl Machines<F>,
        make: impl FnOnce(&mut ChaCha12Rng) -> [F; K],
    ) -> Result<[SharedScalar<F>; K]> {
        let values = make(&mut self.sim.world.borrow_mut().rng);
        self.deal(&holders.machines(), values, &[Step::Custom; K], false)
    }

    /// Deals `values` as authenticated sharings among `holders`, one step each.
    #[track_caller]
    fn deal<const K: usize>(
        &self,
        holders: &[VirtualMachine<F>],
        values: [F; K],
        steps: &[Step; K],
        counts_as_triple: bool,
    ) -> Result<[SharedScalar<F>; K]> {
        let holders: Vec<&VirtualMachine<F>> = holders.iter().collect();
        let set =
            (self.sim).holder_set(&holders, Scheme::Additive, "the dealer and the holders")?;
        let at = Location::caller();
        let mut w = self.sim.world.borrow_mut();
        mac_check::refuse_if_aborted(&w)?;
        let mut costs = Costs::default();
        ensure_key(&mut w, set, &mut costs);
        if counts_as_triple {
            w.dealer.triples += 1;
            costs.triples += 1;
        }
        let mut steps = steps.iter().copied();
        let slots = values.map(|v| {
            let about = w.store.next_number();
            let mut data = w.store.buffer();
            let width = deal_value(&mut w, set, v, &mut data);
            let step = steps.next().unwrap_or(Step::TripleA);
            hand_out(&mut w, set, step, about, &data);
            let n = w.holder_sets.get(set).len() as u64;
            costs += Costs {
                dealer_messages: n,
                dealer_elements: width as u64,
                ..Costs::default()
            };
            let valid = w.online_mask(set);
            w.record(|| Instr::Dealt {
                set,
                z: about,
                step,
                lanes: 1,
            });
            w.store.insert(Holding::Shared(set), 0, valid, data)
        });
        w.charge(at, costs);
        drop(w);
        let handle = |id| Handle {
            sim: self.sim.clone(),
            id,
            holders: set,
        };
        Ok(slots.map(|id| SharedScalar::from_handle(handle(id))))
    }

    /// How many input and output masks the dealer has dealt.
    pub fn masks_dealt(&self) -> u64 {
        self.sim.world.borrow().dealer.masks
    }
}

impl<F: TinyField> Simulation<F> {
    /// The trusted dealer of this simulation.
    pub fn dealer(&self) -> TrustedDealer<F> {
        TrustedDealer::new(self.clone())
    }
}
