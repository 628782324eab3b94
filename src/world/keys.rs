//! The holders' shares of the MAC keys: αᵢ of α for the field, Δᵢ of Δ for bits.
//!
//! A share of a key is a holder's own state: the holder uses it to check openings and to
//! add public constants to authenticated values (see [`crate::protocols::mac_check`]), and
//! nobody else reads it. Where the shares come from is the preprocessing's business
//! ([`super::preprocessing`]); here they are kept, one entry per holder set.

use crate::store::HolderSetId;

/// One holder set's shares of α (in holder order), and of Δ once a comparison has needed
/// it (XOR-shared; empty before).
#[derive(Debug)]
struct SetKeys<F> {
    shares: Vec<F>,
    bit_shares: Vec<u64>,
}

/// Every holder set's key shares; a set has none until it first needs them, and none at
/// all when MACs are off.
#[derive(Debug)]
pub(crate) struct MacKeys<F> {
    sets: Vec<Option<SetKeys<F>>>,
}

impl<F> Default for MacKeys<F> {
    fn default() -> Self {
        MacKeys { sets: Vec::new() }
    }
}

impl<F> MacKeys<F> {
    /// Whether `set`'s holders hold shares of α.
    pub fn has(&self, set: HolderSetId) -> bool {
        matches!(self.sets.get(set.0 as usize), Some(Some(_)))
    }

    /// The holders' shares αᵢ, or an empty slice when they hold none (MACs off).
    #[inline]
    pub fn shares(&self, set: HolderSetId) -> &[F] {
        match self.sets.get(set.0 as usize) {
            Some(Some(keys)) => &keys.shares,
            _ => &[],
        }
    }

    /// The holders' shares Δᵢ of the binary key, or an empty slice when MACs are off or
    /// no comparison has needed them yet.
    pub fn bit_shares(&self, set: HolderSetId) -> &[u64] {
        match self.sets.get(set.0 as usize) {
            Some(Some(keys)) => &keys.bit_shares,
            _ => &[],
        }
    }

    /// Gives `set`'s holders their shares of α.
    pub fn give(&mut self, set: HolderSetId, shares: Vec<F>) {
        let i = set.0 as usize;
        if self.sets.len() <= i {
            self.sets.resize_with(i + 1, || None);
        }
        self.sets[i] = Some(SetKeys {
            shares,
            bit_shares: Vec::new(),
        });
    }

    /// Gives `set`'s holders, who already hold shares of α, their shares of Δ.
    pub fn give_bits(&mut self, set: HolderSetId, bit_shares: Vec<u64>) {
        if let Some(Some(keys)) = self.sets.get_mut(set.0 as usize) {
            keys.bit_shares = bit_shares;
        }
    }
}
