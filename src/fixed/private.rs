//! Real numbers known to one machine, in fixed point, before they are shared.

use std::panic::Location;

use std::fmt;

use super::precision::Precision;
use super::shadow::Domain;
use super::shared::SharedFixed;
use crate::error::{Result, or_panic};
use crate::field::{DefaultField, TinyField};
use crate::machine::VirtualMachine;
use crate::scalar::private::PrivateScalar;
use crate::scalar::share::share_methods;
use crate::scalar::shared::SharedScalar;
use crate::sharing::Scheme;

/// A real number known to one machine, in fixed point.
#[derive(Clone)]
pub struct PrivateFixed<F: TinyField = DefaultField> {
    value: PrivateScalar<F>,
    precision: Precision,
    /// The number as given, before rounding to f bits (for the shadow).
    exact: f64,
}

impl<F: TinyField> PrivateFixed<F> {
    /// `x` owned by `owner`, with the default precision (f = 16, k = 32).
    ///
    /// # Panics
    ///
    /// If |x| ≥ 2³¹ or x is not finite; [`try_new`](Self::try_new) returns the error.
    #[track_caller]
    pub fn new(x: f64, owner: &VirtualMachine<F>) -> Self {
        or_panic(Self::try_new(x, owner))
    }

    /// [`new`](Self::new), returning an error instead of panicking.
    pub fn try_new(x: f64, owner: &VirtualMachine<F>) -> Result<Self> {
        Self::with_precision(x, owner, Precision::default())
    }

    /// `x` owned by `owner` with the given precision.
    ///
    /// # Errors
    ///
    /// [`Error::PrecisionOutOfRange`](crate::Error::PrecisionOutOfRange) if f or k is 0,
    /// or the field cannot mask products and comparisons of this precision: k + 2f and
    /// k + f + 2 must both be at most 85 in [`crate::F127`] (so f ≤ 42 and k ≤ 82), 19 in
    /// [`crate::F61`] (f ≤ 9, k ≤ 16); [`Error::FieldTooSmall`](crate::Error::FieldTooSmall)
    /// in a field with room for no precision ([`crate::F101`]);
    /// [`Error::FixedOutOfRange`](crate::Error::FixedOutOfRange) if |x| ≥ 2<sup>k−1</sup>.
    pub fn with_precision(x: f64, owner: &VirtualMachine<F>, precision: Precision) -> Result<Self> {
        precision.check_supported::<F>()?;
        let value = PrivateScalar::try_new(precision.encode(x)?, owner)?;
        Ok(PrivateFixed {
            value,
            precision,
            exact: x,
        })
    }

    /// The number (as closely as f fractional bits allow).
    pub fn value(&self) -> f64 {
        self.precision.decode(self.value.field_value())
    }

    /// The machine that knows the number.
    pub fn owner(&self) -> &VirtualMachine<F> {
        self.value.owner()
    }

    share_methods!(SharedFixed<F>, "the number");

    /// The sharing of the encoding among `holders` under `scheme`, made at `at`, followed
    /// by the shadow.
    #[track_caller]
    fn share_with(
        &self,
        holders: &[&VirtualMachine<F>],
        scheme: Scheme,
        at: &'static Location<'static>,
    ) -> Result<SharedFixed<F>> {
        Ok(self.shared(self.value.share_with(holders, scheme, at)?))
    }

    /// The sharing as a fixed-point number, followed by the shadow from the number given.
    #[track_caller]
    fn shared(&self, value: SharedScalar<F>) -> SharedFixed<F> {
        let exact = self.exact;
        SharedFixed::untracked(value, self.precision).follow("share", [], |[]| exact, Domain::All)
    }
}

impl<F: TinyField> fmt::Debug for PrivateFixed<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<F: TinyField> fmt::Display for PrivateFixed<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PrivateFixed({}, '{}')",
            self.value(),
            self.value.owner().name()
        )
    }
}
