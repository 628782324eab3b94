//! Where the simulated machines keep their values: one slot per live value.
//!
//! A slot holds a private value (one element, on its owner) or the shares of a shared
//! value (one element per holder, in the holder set's order). Slots are reused once a
//! value is dropped, buffers included, so a long computation allocates nothing in its
//! steady state and a machine's listing shows only what is still alive; a store that
//! held many values and dropped most gives their memory back ([`Store`]).

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

/// [`Meta`] as a slot keeps it: the mask of valid holders as an index into the store's
/// [`Masks`], so that a slot takes 48 bytes beside its data, not 80.
#[derive(Debug, Clone, Copy)]
struct Kept {
    holding: Holding,
    number: u64,
    depth: u32,
    valid: u32,
}

#[derive(Debug)]
struct Entry<F> {
    data: Vec<F>,
    meta: Option<Kept>,
}

/// The distinct masks of valid holders, each kept once; nearly every value has one of the
/// few full masks, so the last one found is tried first.
#[derive(Debug, Default)]
struct Masks {
    masks: Vec<u128>,
    last: u32,
}

impl Masks {
    #[inline]
    fn intern(&mut self, valid: u128) -> u32 {
        if self.masks.get(self.last as usize) != Some(&valid) {
            let found = self.masks.iter().position(|&m| m == valid);
            let index = found.unwrap_or_else(|| {
                self.masks.push(valid);
                self.masks.len() - 1
            });
            self.last = u32::try_from(index).expect("fewer than 2³² masks of valid holders");
        }
        self.last
    }
}

/// Moves `v` into a new allocation of its length. Shrinking in place would leave the
/// allocation where it grew, often at the top of the heap, where it keeps the allocator
/// from giving the memory below it back to the system.
fn moved<T>(v: &mut Vec<T>) {
    let mut fresh = Vec::with_capacity(v.len());
    fresh.append(v);
    *v = fresh;
}

/// Spare buffers are kept up to twice the elements of the live values and this many more.
const SPARE_SLACK: usize = 1 << 16;
/// A store this many slots or smaller is never compacted.
const SMALL: usize = 1 << 10;

/// The slots of one simulation.
///
/// Memory is given back when most of it is unused: spare buffers beyond twice the live
/// elements (and [`SPARE_SLACK`] more) are dropped, and when the last slot is free while
/// fewer than a quarter of the slots are live, the free slots at the end are cut off
/// (each slot cut off was freed once, so this costs O(1) per value, amortized). The free
/// list may then name slots past the end, which [`Store::insert`] skips; it pops every
/// such entry before it grows the store again, so the rest of the list is free.
#[derive(Debug)]
pub(crate) struct Store<F> {
    slots: Vec<Entry<F>>,
    free: Vec<Slot>,
    spare: Vec<Vec<F>>,
    masks: Masks,
    next_number: u64,
    /// Live slots, the elements their buffers can hold, the elements the spare buffers
    /// can hold, and the slots freed since the free list was last cleaned.
    live: usize,
    live_elements: usize,
    spare_elements: usize,
    freed: usize,
}

impl<F> Default for Store<F> {
    fn default() -> Self {
        Store {
            slots: Vec::new(),
            free: Vec::new(),
            spare: Vec::new(),
            masks: Masks::default(),
            next_number: 1,
            live: 0,
            live_elements: 0,
            spare_elements: 0,
            freed: 0,
        }
    }
}

impl<F: Copy> Store<F> {
    /// An empty buffer for a new value, reusing one from a dropped value when there is one.
    #[inline]
    pub fn buffer(&mut self) -> Vec<F> {
        let buffer = self.spare.pop().unwrap_or_default();
        self.spare_elements -= buffer.capacity();
        buffer
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
    #[inline]
    pub fn recycle(&mut self, mut buffer: Vec<F>) {
        buffer.clear();
        self.spare_elements += buffer.capacity();
        self.spare.push(buffer);
        while self.spare_elements > 2 * self.live_elements + SPARE_SLACK {
            let dropped = self
                .spare
                .pop()
                .expect("spare elements are in spare buffers");
            self.spare_elements -= dropped.capacity();
        }
    }

    /// Stores a new value; returns its slot id.
    pub fn insert(&mut self, holding: Holding, depth: u32, valid: u128, data: Vec<F>) -> Slot {
        let number = self.next_number;
        self.next_number += 1;
        let meta = Kept {
            holding,
            depth,
            number,
            valid: self.masks.intern(valid),
        };
        self.live += 1;
        self.live_elements += data.capacity();
        let entry = Entry {
            data,
            meta: Some(meta),
        };
        while let Some(id) = self.free.pop() {
            // Slots past the end were cut off; the rest of the free list is free.
            if let Some(slot) = self.slots.get_mut(id.index()) {
                debug_assert!(slot.meta.is_none(), "a free slot is not in use");
                *slot = entry;
                return id;
            }
        }
        self.slots.push(entry);
        Slot((self.slots.len() - 1) as u32)
    }

    /// Frees a slot and keeps its buffer for the next value.
    pub fn remove(&mut self, id: Slot) {
        let Some(slot) = self.slots.get_mut(id.index()) else {
            return;
        };
        if slot.meta.take().is_some() {
            let data = std::mem::take(&mut slot.data);
            self.live -= 1;
            self.live_elements -= data.capacity();
            self.recycle(data);
            self.free.push(id);
            self.freed += 1;
            let len = self.slots.len();
            let last_free = self.slots.last().is_some_and(|s| s.meta.is_none());
            if last_free && len > SMALL && 4 * self.live < len {
                self.compact();
            }
        }
    }

    /// Cuts off the free slots at the end, forgets the free slots past it once enough
    /// slots were freed to pay for the pass, and gives back unused capacity.
    fn compact(&mut self) {
        while self.slots.last().is_some_and(|s| s.meta.is_none()) {
            self.slots.pop();
        }
        let len = self.slots.len();
        if self.free.len() > 2 * len && 2 * self.freed >= self.free.len() {
            self.freed = 0;
            let slots = &self.slots;
            self.free
                .retain(|id| slots.get(id.index()).is_some_and(|s| s.meta.is_none()));
        }
        if self.slots.capacity() > 2 * len {
            moved(&mut self.slots);
        }
        if self.free.capacity() > 2 * self.free.len() + SMALL {
            moved(&mut self.free);
        }
        if self.spare.capacity() > 2 * self.spare.len() + SMALL {
            moved(&mut self.spare);
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
        let valid = self.masks.intern(valid);
        if let Some(meta) = &mut self.slots[id.index()].meta {
            meta.depth = depth;
            meta.valid = valid;
        }
    }

    /// The bookkeeping of a live slot.
    pub fn meta(&self, id: Slot) -> Meta {
        let kept = self.slots[id.index()]
            .meta
            .expect("a live value has metadata");
        self.unpack(kept)
    }

    /// Every live value, in slot order, with its data.
    pub fn live(&self) -> impl Iterator<Item = (Meta, &[F])> {
        self.slots
            .iter()
            .filter_map(|s| s.meta.map(|m| (self.unpack(m), &s.data[..])))
    }

    #[inline]
    fn unpack(&self, kept: Kept) -> Meta {
        Meta {
            holding: kept.holding,
            number: kept.number,
            depth: kept.depth,
            valid: self.masks.masks[kept.valid as usize],
        }
    }
}

#[cfg(test)]
mod tests;
