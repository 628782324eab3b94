//! Private vectors: values that one machine knows, shared together.

use std::fmt;
use std::panic::Location;

use num_bigint::BigInt;

use super::shared::SharedVector;
use crate::error::{Error, Result, or_panic};
use crate::field::equality::eq_integers;
use crate::field::{DefaultField, IntoField, TinyField};
use crate::handle::{Handle, SharedValue};
use crate::machine::VirtualMachine;
use crate::machine::listing::write_list;
use crate::scalar::share::share_methods;
use crate::sharing::Scheme;
use crate::store::{Holding, Slot};

/// Values known to one machine, shared together as a [`SharedVector`]: one round and one
/// message per holder for the whole vector.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::with_seed(1);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let ages = PrivateVector::new([31, 45, 27], &alice);
/// assert_eq!(ages.to_string(), "PrivateVector([31, 45, 27], 'alice')");
/// let shared = ages.share(&[&bob]);
/// assert_eq!(shared.len(), 3);
/// assert!(PrivateVector::try_new([i128::MAX], &alice).is_err()); // beyond p = 2¹²⁷ − 1
/// ```
pub struct PrivateVector<F: TinyField = DefaultField> {
    owner: VirtualMachine<F>,
    id: Slot,
}

impl<F: TinyField> PrivateVector<F> {
    /// The integers `values`, known to `owner`.
    ///
    /// # Panics
    ///
    /// When a value does not fit the field (|x| ≥ p); [`try_new`](Self::try_new) returns
    /// the error instead.
    #[track_caller]
    pub fn new<V: IntoField>(
        values: impl IntoIterator<Item = V>,
        owner: &VirtualMachine<F>,
    ) -> Self {
        or_panic(Self::try_new(values, owner))
    }

    /// [`new`](Self::new), returning an error instead of panicking.
    pub fn try_new<V: IntoField>(
        values: impl IntoIterator<Item = V>,
        owner: &VirtualMachine<F>,
    ) -> Result<Self> {
        let values = values
            .into_iter()
            .map(|v| {
                let shown = v.to_string();
                v.exact::<F>().ok_or(Error::OutOfRange {
                    value: shown,
                    field: F::NAME,
                })
            })
            .collect::<Result<Vec<F>>>()?;
        Ok(Self::from_field(values, owner))
    }

    /// Field elements known to `owner`.
    pub fn from_field(values: Vec<F>, owner: &VirtualMachine<F>) -> Self {
        let mut w = owner.simulation().world.borrow_mut();
        let id = w
            .store
            .insert(Holding::Private(owner.id()), 0, u128::MAX, values);
        drop(w);
        PrivateVector {
            owner: owner.clone(),
            id,
        }
    }

    /// The values as signed integers.
    pub fn values(&self) -> Vec<BigInt> {
        self.field_values().iter().map(|v| v.to_bigint()).collect()
    }

    /// The values as field elements.
    pub fn field_values(&self) -> Vec<F> {
        self.owner
            .simulation()
            .world
            .borrow()
            .store
            .data(self.id)
            .to_vec()
    }

    /// How many values.
    pub fn len(&self) -> usize {
        self.field_values().len()
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The machine that knows the values.
    pub fn owner(&self) -> &VirtualMachine<F> {
        &self.owner
    }

    share_methods!(SharedVector<F>, "the values";
        /// Every operation still runs its rounds once for the whole vector.
        ///
        /// ```
        /// use tinyspdz::prelude::*;
        ///
        /// let sim = Simulation::with_seed(1);
        /// let machines = ["s1", "s2", "s3"].map(|n| sim.machine(n));
        /// let [s1, s2, s3] = &machines;
        /// let x = PrivateVector::new([5, 6], s1).share_threshold(&[s1, s2, s3], 1);
        /// let y = PrivateVector::new([7, -1], s2).share_threshold(&[s1, s2, s3], 1);
        /// s3.go_offline();                     // one of three may drop out when t = 1
        /// assert_eq!((&x * &y + 1).reconstruct(s1)?, [36, -5]);
        /// # Ok::<(), tinyspdz::Error>(())
        /// ```
    );

    /// The sharing of the values among `holders` under `scheme`, made at `at`.
    pub(crate) fn share_with(
        &self,
        holders: &[&VirtualMachine<F>],
        scheme: Scheme,
        at: &'static Location<'static>,
    ) -> Result<SharedVector<F>> {
        let secrets = self.field_values();
        Handle::input(&self.owner, &secrets, holders, scheme, at).map(SharedVector::from_handle)
    }
}

impl<F: TinyField> Drop for PrivateVector<F> {
    fn drop(&mut self) {
        if let Ok(mut w) = self.owner.simulation().world.try_borrow_mut() {
            w.store.remove(self.id);
        }
    }
}

/// `PrivateVector([31, 45, 27], 'alice')`.
impl<F: TinyField> fmt::Display for PrivateVector<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateVector(")?;
        write_list(f, &self.field_values())?;
        write!(f, ", '{}')", self.owner.name())
    }
}

impl<F: TinyField> fmt::Debug for PrivateVector<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

eq_integers!(lanes PrivateVector);
