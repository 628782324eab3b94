//! Where the simulated machines keep their values: one slot per live value.
//!
//! A slot holds a private value (one element, on its owner) or the shares of a shared
//! value (one element per holder, in the holder set's order). Slots are reused once a
//! value is dropped, buffers included, so a long computation allocates nothing in its
//! steady state and a machine's listing shows only what is still alive.

use std::rc::Rc;

use crate::sharing::Scheme;

/// A machine's index in its simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct MachineId(pub u32);

/// An interned holder set, as an index into [`HolderSets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct HolderSetId(pub u32);

/// Where a live value is kept in its simulation's [`Store`]: what a value's handle
/// holds, and what protocols read and write shares through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Slot(pub u32);

impl Slot {
    /// The slot's position in the store.
    #[inline]
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// The most holders one sharing may have (validity is tracked in a 128-bit mask).
pub(crate) const MAX_HOLDERS: usize = 128;

/// The holder sets in use, each kept once: machines sorted by id, and a sharing scheme.
#[derive(Debug, Default)]
pub(crate) struct HolderSets {
    sets: Vec<(Rc<[MachineId]>, Scheme)>,
}

impl HolderSets {
    /// The id of `holders` (sorted, distinct) under `scheme`, interning it the first time.
    pub fn intern(&mut self, holders: &[MachineId], scheme: Scheme) -> HolderSetId {
        let found = self
            .sets
            .iter()
            .position(|(s, sc)| &**s == holders && *sc == scheme);
        let index = found.unwrap_or_else(|| {
            self.sets.push((holders.into(), scheme));
            self.sets.len() - 1
        });
        HolderSetId(index as u32)
    }

    /// The machines of a holder set, sorted by id.
    #[inline]
    pub fn get(&self, id: HolderSetId) -> &[MachineId] {
        &self.sets[id.0 as usize].0
    }

    /// The machines of a holder set, to keep while the world is borrowed mutably.
    pub fn shared(&self, id: HolderSetId) -> Rc<[MachineId]> {
        Rc::clone(&self.sets[id.0 as usize].0)
    }

    /// The sharing scheme of a holder set.
    #[inline]
    pub fn scheme(&self, id: HolderSetId) -> Scheme {
        self.sets[id.0 as usize].1
    }
}

/// Who holds a slot's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holding {
    /// A private value known to one machine.
    Private(MachineId),
    /// Shares, one per holder (and as many MAC shares with MACs on).
    Shared(HolderSetId),
}

/// The bookkeeping of one value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub holding: Holding,
    /// A number shown to learners, `#7`, unique within the simulation.
    pub number: u64,
    /// Multiplicative depth: how many multiplications lie on the longest path to it.
    pub depth: u32,
    /// Which holders (bit k for the k-th) hold a valid share: a machine that was offline
    /// when a value was computed holds no share of it.
    pub valid: u128,
}

#[derive(Debug)]
struct Entry<F> {
    data: Vec<F>,
    meta: Option<Meta>,
}

/// The slots of one simulation.
#[derive(Debug)]
pub(crate) struct Store<F> {
    slots: Vec<Entry<F>>,
    free: Vec<Slot>,
    spare: Vec<Vec<F>>,
    next_number: u64,
}

impl<F> Default for Store<F> {
    fn default() -> Self {
        Store {
            slots: Vec::new(),
            free: Vec::new(),
            spare: Vec::new(),
            next_number: 1,
        }
    }
}

impl<F: Copy> Store<F> {
    /// An empty buffer for a new value, reusing one from a dropped value when there is one.
    pub fn buffer(&mut self) -> Vec<F> {
        self.spare.pop().unwrap_or_default()
    }

    /// The number the next stored value will get.
    pub fn next_number(&self) -> u64 {
        self.next_number
    }

    /// Takes `count` numbers for values that are not stored (bits in the binary domain),
    /// so views can name them; returns the first.
    pub fn take_numbers(&mut self, count: usize) -> u64 {
        self.next_number += count as u64;
        self.next_number - count as u64
    }

    /// Returns a buffer that was not stored, for the next value to reuse.
    pub fn recycle(&mut self, mut buffer: Vec<F>) {
        buffer.clear();
        self.spare.push(buffer);
    }

    /// Stores a new value; returns its slot id.
    pub fn insert(&mut self, holding: Holding, depth: u32, valid: u128, data: Vec<F>) -> Slot {
        let number = self.next_number;
        self.next_number += 1;
        let meta = Meta {
            holding,
            depth,
            number,
            valid,
        };
        let entry = Entry {
            data,
            meta: Some(meta),
        };
        match self.free.pop() {
            Some(id) => {
                self.slots[id.index()] = entry;
                id
            }
            None => {
                self.slots.push(entry);
                Slot((self.slots.len() - 1) as u32)
            }
        }
    }

    /// Frees a slot and keeps its buffer for the next value.
    pub fn remove(&mut self, id: Slot) {
        if let Some(slot) = self.slots.get_mut(id.index()) {
            if slot.meta.take().is_some() {
                let mut data = std::mem::take(&mut slot.data);
                data.clear();
                self.spare.push(data);
                self.free.push(id);
            }
        }
    }

    /// The data of a live slot.
    pub fn data(&self, id: Slot) -> &[F] {
        &self.slots[id.index()].data
    }

    /// The data of a live slot, to change in place.
    pub fn data_mut(&mut self, id: Slot) -> &mut [F] {
        &mut self.slots[id.index()].data
    }

    /// The data of slot `x` to change, beside the data of another slot `y`.
    pub fn data_pair_mut(&mut self, x: Slot, y: Slot) -> (&mut [F], &[F]) {
        let (x, y) = (x.index(), y.index());
        assert_ne!(x, y, "a value cannot be updated from itself in place");
        if x < y {
            let (lo, hi) = self.slots.split_at_mut(y);
            (&mut lo[x].data, &hi[0].data)
        } else {
            let (lo, hi) = self.slots.split_at_mut(x);
            (&mut hi[0].data, &lo[y].data)
        }
    }

    /// Sets the multiplicative depth and the valid holders of a live slot.
    pub fn set_meta(&mut self, id: Slot, depth: u32, valid: u128) {
        if let Some(meta) = &mut self.slots[id.index()].meta {
            meta.depth = depth;
            meta.valid = valid;
        }
    }

    /// The bookkeeping of a live slot.
    pub fn meta(&self, id: Slot) -> Meta {
        self.slots[id.index()]
            .meta
            .expect("a live value has metadata")
    }

    /// Every live value, in slot order, with its data.
    pub fn live(&self) -> impl Iterator<Item = (Meta, &[F])> {
        self.slots
            .iter()
            .filter_map(|s| s.meta.map(|m| (m, &s.data[..])))
    }
}
