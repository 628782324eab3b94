//! The store's slot size, its compaction, and no slot handed out twice while it grows
//! and shrinks.

use super::*;
use crate::field::F127;
use ff::Field;

#[test]
fn a_slot_takes_48_bytes_beside_its_data() {
    assert_eq!(std::mem::size_of::<Entry<F127>>(), 48);
}

#[test]
fn a_mostly_empty_store_gives_its_memory_back() {
    let mut store = Store::<F127>::default();
    let shared = Holding::Shared(HolderSetId(0));
    let keep: Vec<Slot> = (0..2)
        .map(|_| store.insert(shared, 0, 0b111, vec![F127::ONE; 6]))
        .collect();
    let many: Vec<Slot> = (0..100_000)
        .map(|_| store.insert(shared, 0, 0b111, vec![F127::ONE; 6]))
        .collect();
    for id in many {
        store.remove(id);
    }
    assert_eq!(
        store.slots.len(),
        2,
        "the free slots at the end are cut off"
    );
    assert!(store.slots.capacity() <= 4, "{}", store.slots.capacity());
    assert!(store.spare_elements <= 2 * 12 + SPARE_SLACK);
    assert!(store.free.len() <= 4 && store.free.capacity() <= 2 * SMALL);
    // The slots left are intact, and new values reuse the store as before.
    assert_eq!(
        keep.iter()
            .map(|&id| store.meta(id).number)
            .collect::<Vec<_>>(),
        [1, 2]
    );
    let next = store.insert(Holding::Private(MachineId(1)), 0, 0b1, vec![F127::ONE]);
    assert_eq!(next, Slot(2));
    assert_eq!(store.meta(next).valid, 0b1);
    assert_eq!(store.live().count(), 3);
}

#[test]
fn slots_are_never_handed_out_twice_while_the_store_grows_and_shrinks() {
    use rand::{RngExt, SeedableRng};
    let mut rng = rand::rngs::ChaCha12Rng::seed_from_u64(3);
    let mut store = Store::<F127>::default();
    let mut live: Vec<(Slot, u64)> = Vec::new();
    for phase in 0..12 {
        let target = if phase % 2 == 0 { 3_000 } else { 5 };
        while live.len() != target {
            if live.len() < target && rng.random_bool(0.8) || live.is_empty() {
                let id = store.insert(Holding::Private(MachineId(0)), 0, 1, vec![F127::ONE]);
                assert!(
                    live.iter().all(|&(other, _)| other != id),
                    "{id:?} is in use"
                );
                live.push((id, store.meta(id).number));
            } else {
                // Drop the newest, the oldest or one in between.
                let k = match rng.random_range(0..3) {
                    0 => live.len() - 1,
                    1 => 0,
                    _ => rng.random_range(0..live.len()),
                };
                store.remove(live.remove(k).0);
            }
        }
        for &(id, number) in &live {
            assert_eq!(store.meta(id).number, number);
        }
        assert_eq!(store.live().count(), live.len());
    }
}
