//! The operations that only threshold (Shamir) sharing makes useful: multiplication
//! without triples (BGW), proactive refresh, and handing a value to new holders.

use std::panic::Location;

use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::handle::{Handle, SharedValue};
use crate::machine::{Machines, VirtualMachine};
use crate::protocols::{bgw, resharing};
use crate::scalar::shared::SharedScalar;
use crate::sharing::Scheme;

impl<F: TinyField> SharedScalar<F> {
    /// `self * other` by BGW multiplication: local products and degree reduction, no triple
    /// (see [`crate::protocols::bgw`]).
    ///
    /// # Panics
    ///
    /// Unless both are Shamir sharings of threshold t with at least 2t + 1 holders
    /// answering, or when they cannot be combined; [`try_mul_bgw`](Self::try_mul_bgw)
    /// returns the error instead.
    #[track_caller]
    pub fn mul_bgw(&self, other: &Self) -> Self {
        or_panic(self.try_mul_bgw(other))
    }

    /// [`mul_bgw`](Self::mul_bgw), returning an error instead of panicking.
    #[track_caller]
    pub fn try_mul_bgw(&self, other: &Self) -> Result<Self> {
        let at = Location::caller();
        let product = self
            .handle()
            .with_operands(other.handle(), |w, x, y, h| bgw::multiply(w, x, y, h, at))?;
        Ok(Self::from_handle(product))
    }

    /// Re-randomizes every share in place (proactive refresh): each answering holder deals
    /// a sharing of zero. The value stays; shares stolen before and after never combine.
    ///
    /// # Panics
    ///
    /// When too few holders can answer; [`try_refresh`](Self::try_refresh) returns the
    /// error instead.
    #[track_caller]
    pub fn refresh(&mut self) {
        or_panic(self.try_refresh());
    }

    /// [`refresh`](Self::refresh), returning an error instead of panicking.
    #[track_caller]
    pub fn try_refresh(&mut self) -> Result<()> {
        let at = Location::caller();
        resharing::refresh(
            &mut self.handle().sim.world.borrow_mut(),
            self.handle().id,
            self.handle().holders,
            at,
        )
    }

    /// The same value shared among new `holders` under `scheme`: the old holders deal
    /// sub-shares of their shares to the new ones (a hand-over to a new committee).
    ///
    /// # Panics
    ///
    /// For a bad list of holders or threshold, or too few old holders answering;
    /// [`try_reshare`](Self::try_reshare) returns the error instead.
    #[track_caller]
    pub fn reshare(&self, holders: impl Machines<F>, scheme: Scheme) -> Self {
        or_panic(self.try_reshare(holders, scheme))
    }

    /// [`reshare`](Self::reshare), returning an error instead of panicking.
    #[track_caller]
    pub fn try_reshare(&self, holders: impl Machines<F>, scheme: Scheme) -> Result<Self> {
        let at = Location::caller();
        let holders = holders.machines();
        let holders: Vec<&VirtualMachine<F>> = holders.iter().collect();
        scheme.check_holders::<F>(holders.len())?;
        let new =
            self.handle()
                .sim
                .holder_set(&holders, scheme, "the value and the new holders")?;
        let id = resharing::reshare(
            &mut self.handle().sim.world.borrow_mut(),
            self.handle().id,
            self.handle().holders,
            new,
            at,
        )?;
        Ok(SharedScalar::from_handle(Handle {
            sim: self.handle().sim.clone(),
            id,
            holders: new,
        }))
    }
}
