//! Private values: a number that one machine knows.

use std::fmt;
use std::panic::Location;

use num_bigint::BigInt;

use crate::error::{Error, Result, or_panic};
use crate::field::{DefaultField, IntoField, TinyField};
use crate::handle::{Handle, SharedValue};
use crate::machine::VirtualMachine;
use crate::scalar::share::share_methods;
use crate::scalar::shared::SharedScalar;
use crate::sharing::Scheme;
use crate::store::{Holding, Slot};

/// A value known to one machine, its owner.
///
/// Made from `i32`, `i64`, `u64`, `usize`, `i128` or `BigInt`, in the owner's field; compares equal
/// to integers, and prints as `PrivateScalar(875, 'alice')`.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let alice = VirtualMachine::new("alice");
/// let bob = VirtualMachine::new("bob");
/// let a = PrivateScalar::new(-25, &alice);
/// assert_eq!(a, -25);
/// assert_eq!(a.to_string(), "PrivateScalar(-25, 'alice')");
/// let shared = a.share(&[&bob]);            // alice keeps one share, bob gets one
/// assert_eq!(shared.reconstruct(&bob)?, -25);
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub struct PrivateScalar<F: TinyField = DefaultField> {
    owner: VirtualMachine<F>,
    id: Slot,
}

impl<F: TinyField> PrivateScalar<F> {
    /// A private value of `owner`.
    ///
    /// # Panics
    ///
    /// If |value| ≥ p; [`try_new`](Self::try_new) returns the error instead.
    #[track_caller]
    pub fn new(value: impl IntoField, owner: &VirtualMachine<F>) -> Self {
        or_panic(Self::try_new(value, owner))
    }

    /// A private value of `owner`, or [`Error::OutOfRange`] when |value| ≥ p.
    pub fn try_new(value: impl IntoField, owner: &VirtualMachine<F>) -> Result<Self> {
        let shown = value.to_string();
        let x = value.exact::<F>().ok_or(Error::OutOfRange {
            value: shown,
            field: F::NAME,
        })?;
        Ok(Self::from_field(x, owner))
    }

    /// A private value of `owner` given as a field element.
    pub fn from_field(x: F, owner: &VirtualMachine<F>) -> Self {
        let mut w = owner.simulation().world.borrow_mut();
        let mut data = w.store.buffer();
        data.push(x);
        let id = w
            .store
            .insert(Holding::Private(owner.id()), 0, u128::MAX, data);
        drop(w);
        PrivateScalar {
            owner: owner.clone(),
            id,
        }
    }

    /// The value, as a signed integer.
    pub fn value(&self) -> BigInt {
        self.field_value().to_bigint()
    }

    /// The value as a field element.
    pub fn field_value(&self) -> F {
        self.owner.simulation().world.borrow().store.data(self.id)[0]
    }

    crate::scalar::public::integer_reads!();

    /// The machine that knows the value.
    pub fn owner(&self) -> &VirtualMachine<F> {
        &self.owner
    }

    share_methods!(SharedScalar<F>, "the value";
        /// ```
        /// use tinyspdz::prelude::*;
        ///
        /// let sim = Simulation::with_seed(1);
        /// let machines = ["s1", "s2", "s3"].map(|n| sim.machine(n));
        /// let [s1, s2, s3] = &machines;
        /// let x = PrivateScalar::new(5, s1).share_threshold(&[s1, s2, s3], 1);
        /// let y = PrivateScalar::new(7, s2).share_threshold(&[s1, s2, s3], 1);
        /// s3.go_offline();                     // one of three may drop out when t = 1
        /// assert_eq!((&x * &y + 1).reconstruct(s1)?, 36);
        /// # Ok::<(), tinyspdz::Error>(())
        /// ```
    );

    /// The sharing of the value among `holders` under `scheme`, made at `at`.
    pub(crate) fn share_with(
        &self,
        holders: &[&VirtualMachine<F>],
        scheme: Scheme,
        at: &'static Location<'static>,
    ) -> Result<SharedScalar<F>> {
        let secret = [self.field_value()];
        Handle::input(&self.owner, &secret, holders, scheme, at).map(SharedScalar::from_handle)
    }
}

impl<F: TinyField> Clone for PrivateScalar<F> {
    fn clone(&self) -> Self {
        Self::from_field(self.field_value(), &self.owner)
    }
}

impl<F: TinyField> Drop for PrivateScalar<F> {
    fn drop(&mut self) {
        if let Ok(mut w) = self.owner.simulation().world.try_borrow_mut() {
            w.store.remove(self.id);
        }
    }
}

impl<F: TinyField> fmt::Display for PrivateScalar<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PrivateScalar({}, '{}')",
            self.field_value(),
            self.owner.name()
        )
    }
}

impl<F: TinyField> fmt::Debug for PrivateScalar<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Equal when both hold the same value (owners may differ).
impl<F: TinyField> PartialEq for PrivateScalar<F> {
    fn eq(&self, other: &Self) -> bool {
        self.field_value() == other.field_value()
    }
}

crate::field::equality::eq_integers!(scalar PrivateScalar);
