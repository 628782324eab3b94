//! Taking shared vectors apart and putting them together, by local copies of shares.
//!
//! Element j of a shared vector is lane j of every holder's shares (and MAC shares). A
//! holder can copy lanes into a new value on its own: taking one element out as a
//! [`SharedScalar`], a range of elements, or joining vectors and scalars into one vector.
//! None of this sends a message or changes a share; the copies keep the depth of what
//! they came from.

use std::ops::Range;

use super::shared::SharedVector;
use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::handle::SharedValue;
use crate::protocols::linear;
use crate::scalar::shared::SharedScalar;
use crate::store::Slot;

impl<F: TinyField> SharedVector<F> {
    /// Element `i` as a shared scalar (a local copy of its shares), or `None` past the end.
    pub fn get(&self, i: usize) -> Option<SharedScalar<F>> {
        (i < self.len()).then(|| {
            let h = self
                .handle()
                .derive(|w, x, set| linear::gather(w, &[x], set, [(0, i)].into_iter()));
            SharedScalar::from_handle(h)
        })
    }

    /// The elements as shared scalars (local copies, no messages).
    pub fn to_scalars(&self) -> Vec<SharedScalar<F>> {
        (0..self.len()).filter_map(|i| self.get(i)).collect()
    }

    /// The vector of the shared scalars `values` (local copies, no messages).
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for no values; [`Error::HolderMismatch`] or
    /// [`Error::SimulationMismatch`] when they cannot be combined.
    pub fn from_scalars(values: &[SharedScalar<F>]) -> Result<Self> {
        let first = values.first().ok_or(Error::Empty { what: "collect" })?;
        for v in values {
            first.handle().check_operands(v.handle())?;
        }
        let slots: Vec<Slot> = values.iter().map(|v| v.handle().id).collect();
        let h = first
            .handle()
            .derive(|w, _, set| linear::gather(w, &slots, set, (0..slots.len()).map(|i| (i, 0))));
        Ok(SharedVector::from_handle(h))
    }

    /// Elements `range` as a vector of their own (a local copy of their shares).
    ///
    /// # Panics
    ///
    /// When `range` reaches past the end: callers compute it from [`len`](Self::len).
    pub(crate) fn slice(&self, range: Range<usize>) -> Self {
        assert!(
            range.start <= range.end && range.end <= self.len(),
            "lanes {range:?} of a vector of {}",
            self.len()
        );
        let h = self
            .handle()
            .derive(|w, x, set| linear::gather(w, &[x], set, range.map(|j| (0, j))));
        SharedVector::from_handle(h)
    }

    /// The elements of `parts` one after the other (a local copy of their shares).
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for no parts; [`Error::HolderMismatch`] or
    /// [`Error::SimulationMismatch`] when they cannot be combined.
    pub(crate) fn concat(parts: &[&Self]) -> Result<Self> {
        let first = parts.first().ok_or(Error::Empty {
            what: "concatenate",
        })?;
        for part in parts {
            first.handle().check_operands(part.handle())?;
        }
        let slots: Vec<Slot> = parts.iter().map(|v| v.handle().id).collect();
        let lanes = parts
            .iter()
            .enumerate()
            .flat_map(|(k, v)| (0..v.len()).map(move |j| (k, j)));
        let h = first
            .handle()
            .derive(|w, _, set| linear::gather(w, &slots, set, lanes));
        Ok(SharedVector::from_handle(h))
    }
}
