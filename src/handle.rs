//! The handle behind every shared value, scalar or vector: which simulation, which slot,
//! which holders. Checking operands, running a protocol on the world and freeing the slot
//! live here once, so [`crate::SharedScalar`] and [`crate::SharedVector`] stay thin.

use std::panic::Location;

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::machine::VirtualMachine;
use crate::protocols::linear::Combine;
use crate::protocols::{beaver, input, linear, mac_check, output, partial_open};
use crate::shadow::Finding;
use crate::sharing::Scheme;
use crate::simulation::Simulation;
use crate::store::{HolderSetId, Slot};
use crate::world::World;
use crate::world::preprocessed::EdaBits;

/// A shared type the circuits can compute on: a scalar (one lane) or a vector.
pub(crate) trait SharedValue<F: TinyField>: Sized {
    /// The value's handle.
    fn handle(&self) -> &Handle<F>;
    /// The value of a handle.
    fn from_handle(h: Handle<F>) -> Self;
}

/// s·x + c for public s and c, on every lane (free).
pub(crate) fn affine<F: TinyField, S: SharedValue<F>>(x: &S, s: F, c: F) -> S {
    S::from_handle(x.handle().affine(&[s], &[c]))
}

/// x + y lane by lane (free).
pub(crate) fn sum<F: TinyField, S: SharedValue<F>>(x: &S, y: &S) -> Result<S> {
    Ok(S::from_handle(x.handle().try_add(y.handle())?))
}

/// x − y lane by lane (free).
pub(crate) fn difference<F: TinyField, S: SharedValue<F>>(x: &S, y: &S) -> Result<S> {
    Ok(S::from_handle(x.handle().try_sub(y.handle())?))
}

/// x·y lane by lane: one Beaver multiplication, one round for all lanes.
#[track_caller]
pub(crate) fn product<F: TinyField, S: SharedValue<F>>(x: &S, y: &S) -> Result<S> {
    let mut products = Handle::mul_many(&[(x.handle(), y.handle())], Location::caller())?;
    Ok(S::from_handle(products.remove(0)))
}

/// A shared value's place in its simulation. Dropping it frees the slot.
pub(crate) struct Handle<F: TinyField> {
    pub sim: Simulation<F>,
    pub id: Slot,
    pub holders: HolderSetId,
}

impl<F: TinyField> Handle<F> {
    /// Shares `secrets` (one per lane), known to `owner`, among `holders` under `scheme`:
    /// the input protocol ([`crate::protocols::input`]).
    pub fn input(
        owner: &VirtualMachine<F>,
        secrets: &[F],
        holders: &[&VirtualMachine<F>],
        scheme: Scheme,
        at: &'static Location<'static>,
    ) -> Result<Self> {
        let sim = owner.simulation();
        if !owner.is_online() {
            return Err(Error::Offline {
                machine: owner.name().to_string(),
            });
        }
        scheme.check_holders::<F>(holders.len())?;
        let set = sim.holder_set(holders, scheme, "the owner and the holders")?;
        let mut w = sim.world.borrow_mut();
        mac_check::refuse_if_aborted(&w)?; // an input consumes a dealt mask
        let id = input::share(&mut w, owner.id(), secrets, set, at);
        drop(w);
        Ok(Handle {
            sim: sim.clone(),
            id,
            holders: set,
        })
    }

    /// Runs `f` on the world and returns the slot it made, with the same holders.
    pub fn derive(&self, f: impl FnOnce(&mut World<F>, Slot, HolderSetId) -> Slot) -> Self {
        let id = f(&mut self.sim.world.borrow_mut(), self.id, self.holders);
        self.with_slot(id)
    }

    /// [`derive`](Self::derive) for a protocol that can fail.
    pub fn try_derive(
        &self,
        f: impl FnOnce(&mut World<F>, Slot, HolderSetId) -> Result<Slot>,
    ) -> Result<Self> {
        let id = f(&mut self.sim.world.borrow_mut(), self.id, self.holders)?;
        Ok(self.with_slot(id))
    }

    /// Another slot of the same simulation and holders.
    pub fn with_slot(&self, id: Slot) -> Self {
        Handle {
            sim: self.sim.clone(),
            id,
            holders: self.holders,
        }
    }

    /// Checks that `self` and `other` can be combined: same simulation, same holders.
    pub fn check_operands(&self, other: &Self) -> Result<()> {
        if self.sim != other.sim {
            return Err(Error::SimulationMismatch {
                what: "the operands",
            });
        }
        if self.holders != other.holders {
            let w = self.sim.world.borrow();
            let left = w.names(w.holder_sets.get(self.holders));
            let right = w.names(w.holder_sets.get(other.holders));
            return Err(Error::HolderMismatch { left, right });
        }
        Ok(())
    }

    /// Runs a two-operand protocol after checking the operands.
    pub fn with_operands(
        &self,
        other: &Self,
        f: impl FnOnce(&mut World<F>, Slot, Slot, HolderSetId) -> Result<Slot>,
    ) -> Result<Self> {
        self.check_operands(other)?;
        self.try_derive(|w, x, h| f(w, x, other.id, h))
    }

    /// `self + other` lane by lane.
    pub fn try_add(&self, other: &Self) -> Result<Self> {
        self.with_operands(other, |w, x, y, h| {
            Ok(linear::zip(w, x, y, h, Combine::Add))
        })
    }

    /// `self - other` lane by lane.
    pub fn try_sub(&self, other: &Self) -> Result<Self> {
        self.with_operands(other, |w, x, y, h| {
            Ok(linear::zip(w, x, y, h, Combine::Sub))
        })
    }

    /// The products of independent pairs, lane by lane, with every opening in one round.
    pub fn mul_many(pairs: &[(&Self, &Self)], at: &'static Location<'static>) -> Result<Vec<Self>> {
        let Some(&(first, _)) = pairs.first() else {
            return Ok(Vec::new());
        };
        for (x, y) in pairs {
            first.check_operands(x)?;
            first.check_operands(y)?;
        }
        let slots: Vec<(Slot, Slot)> = pairs.iter().map(|(x, y)| (x.id, y.id)).collect();
        let mut products = Vec::with_capacity(pairs.len());
        let mut w = first.sim.world.borrow_mut();
        beaver::multiply_many(&mut w, &slots, first.holders, at, |_, z| products.push(z))?;
        drop(w);
        Ok(products.into_iter().map(|z| first.with_slot(z)).collect())
    }

    /// Opens every lane to the holders without a MAC check yet (one round).
    pub fn partial_open(&self, at: &'static Location<'static>) -> Result<Vec<F>> {
        let mut w = self.sim.world.borrow_mut();
        partial_open::partial_open(&mut w, self.id, self.holders, at)
    }

    /// Opens every lane to the holders, after the MAC check.
    pub fn open(&self, at: &'static Location<'static>) -> Result<Vec<F>> {
        let mut w = self.sim.world.borrow_mut();
        output::open(&mut w, self.id, self.holders, at)
    }

    /// Delivers every lane to `machine` only (masked, after the MAC check).
    pub fn reconstruct(
        &self,
        machine: &VirtualMachine<F>,
        at: &'static Location<'static>,
    ) -> Result<Vec<F>> {
        if machine.simulation() != &self.sim {
            return Err(Error::SimulationMismatch {
                what: "the value and the receiving machine",
            });
        }
        let mut w = self.sim.world.borrow_mut();
        output::reconstruct(&mut w, self.id, self.holders, machine.id(), at)
    }

    /// A dealer mask for each lane: its low `m` bits (one sharing each, when `with_bits`),
    /// its low part Σ 2ⁱ·rᵢ and its high part r″ of `high_bits` bits.
    pub fn bit_mask(
        &self,
        (m, high_bits, with_bits): (u32, u32, bool),
        at: &'static Location<'static>,
    ) -> Result<(Vec<Self>, Self, Self)> {
        let lanes = self.lanes();
        let mut w = self.sim.world.borrow_mut();
        mac_check::refuse_if_aborted(&w)?;
        let mut costs = Costs::default();
        let mask = w.preprocessing().bit_mask(
            &mut w,
            self.holders,
            (m, high_bits, with_bits),
            lanes,
            &mut costs,
        );
        w.charge_extra(at, costs);
        drop(w);
        let bits = mask.bits.into_iter().map(|id| self.with_slot(id)).collect();
        Ok((bits, self.with_slot(mask.low), self.with_slot(mask.high)))
    }

    /// Whether comparisons on this value run their bits in the binary domain: among
    /// additive holders (XOR sharing is n-out-of-n too), unless triples are sacrificed,
    /// which the binary triples are not.
    pub fn compares_in_binary(&self) -> bool {
        let w = self.sim.world.borrow();
        w.holder_sets.scheme(self.holders) == Scheme::Additive && !w.sacrifice
    }

    /// An edaBit of `m` bits with its AND triples and a daBit for each lane, with r″ of
    /// `high_bits` bits; returns the binary parts and the field values r′, r″ and β.
    pub fn eda_bits(
        &self,
        (m, high_bits): (u32, u32),
        at: &'static Location<'static>,
    ) -> Result<(EdaBits, [Self; 3])> {
        let lanes = self.lanes();
        let mut w = self.sim.world.borrow_mut();
        mac_check::refuse_if_aborted(&w)?;
        let mut costs = Costs::default();
        let eda =
            w.preprocessing()
                .eda_bits(&mut w, self.holders, (m, high_bits), lanes, &mut costs);
        w.charge_extra(at, costs);
        drop(w);
        let field = [eda.low, eda.high, eda.beta_field].map(|id| self.with_slot(id));
        Ok((eda, field))
    }

    /// Counts a masked opening of `opened` followed by `steps` rounds before `self` was
    /// ready: its depth is at least `opened`'s + 1 + `steps`. (The steps after an opening
    /// start from dealt values, so their depth alone forgets what came before.)
    pub fn after_opening_of(self, opened: &Self, steps: u32) -> Self {
        {
            let mut w = self.sim.world.borrow_mut();
            let meta = w.store.meta(self.id);
            let depth = meta.depth.max(w.store.meta(opened.id).depth + 1 + steps);
            w.store.set_meta(self.id, depth, meta.valid);
        }
        self
    }

    /// `self` in the lanes where `choose` holds, `other` in the rest (a public choice).
    pub fn try_pick(&self, other: &Self, choose: &[bool]) -> Result<Self> {
        self.with_operands(other, |w, x, y, h| Ok(linear::pick(w, (x, y), h, choose)))
    }

    /// s·x + c lane by lane, for public s and c (one entry each, or one per lane).
    pub fn affine(&self, s: &[F], c: &[F]) -> Self {
        self.derive(|w, x, h| linear::affine(w, x, h, s, c))
    }

    /// xᵢ ← f(xᵢ, yᵢ) in place, after checking the operands (for `+=` and `-=`).
    pub fn try_update(&mut self, other: &Self, f: Combine) -> Result<()> {
        self.check_operands(other)?;
        let mut w = self.sim.world.borrow_mut();
        linear::zip_in_place(&mut w, self.id, other.id, self.holders, f);
        Ok(())
    }

    /// How many lanes the value has (1 for a scalar).
    pub fn lanes(&self) -> usize {
        self.sim.world.borrow().lanes(self.holders, self.id)
    }

    /// Lane `j`'s value, read outside the protocol: for the shadow's report only.
    pub fn peek(&self, j: usize) -> F {
        self.sim.world.borrow().peek_lane(self.holders, self.id, j)
    }

    /// Records a finding of the shadow at `at`, when the shadow is on.
    pub fn record(&self, at: &'static Location<'static>, finding: Finding) {
        if let Some(shadow) = &mut self.sim.world.borrow_mut().shadow {
            shadow.record(at, finding);
        }
    }

    /// The machines holding shares, in share order.
    pub fn holder_machines(&self) -> Vec<VirtualMachine<F>> {
        let ids = self
            .sim
            .world
            .borrow()
            .holder_sets
            .get(self.holders)
            .to_vec();
        let all = self.sim.machines();
        ids.iter().map(|id| all[id.0 as usize].clone()).collect()
    }

    /// Lane `j`'s shares (`macs` false) or MAC shares (`macs` true), one per holder.
    pub fn lane_shares(&self, j: usize, macs: bool) -> Vec<F> {
        let w = self.sim.world.borrow();
        let n = w.holder_sets.get(self.holders).len();
        let lane = w.lane_len(self.holders);
        let data = &w.store.data(self.id)[j * lane..(j + 1) * lane];
        match macs {
            false => data[..n].to_vec(),
            true => data[n..].to_vec(),
        }
    }

    /// The value's number, `#n` in machine listings and views.
    pub fn number(&self) -> u64 {
        self.sim.world.borrow().store.meta(self.id).number
    }

    /// The multiplicative depth.
    pub fn depth(&self) -> u32 {
        self.sim.world.borrow().store.meta(self.id).depth
    }
}

impl<F: TinyField> Clone for Handle<F> {
    /// A copy of the value, with its own (identical) shares.
    fn clone(&self) -> Self {
        self.affine(&[F::ONE], &[F::ZERO])
    }
}

impl<F: TinyField> Drop for Handle<F> {
    fn drop(&mut self) {
        if let Ok(mut w) = self.sim.world.try_borrow_mut() {
            w.store.remove(self.id);
        }
    }
}
