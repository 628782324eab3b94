//! Masks with known bits: what truncation and comparison need from the dealer.
//!
//! To work on the bits of a shared value a without opening it, the protocols open
//! a + r for a random r, public afterwards but statistically hiding a, and need r in two
//! forms: as a whole and split into its low bits. The dealer deals
//!
//! - r₀, …, r_{m−1}: random bits, each shared (and authenticated) on its own;
//! - r″: a random integer of ℓ + κ − m bits, shared as one value;
//!
//! and r = 2ᵐ·r″ + Σ 2ⁱ·rᵢ follows by linearity. With κ = 40 extra bits, a + r reveals
//! nothing about a of ℓ bits except with probability about 2⁻⁴⁰ (statistical masking).
//! This is the preprocessing of Catrina and de Hoogh, in the role that Escudero et al.'s
//! edaBits play in dishonest-majority SPDZ.
//!
//! # Security note
//!
//! The dealer is trusted to deal bits that are 0 or 1; real SPDZ checks that, or makes
//! edaBits with a cut-and-choose.
//!
//! # References
//!
//! - O. Catrina, S. de Hoogh, *Improved Primitives for Secure Multiparty Integer
//!   Computation*, SCN 2010.
//! - D. Escudero, S. Ghosh, M. Keller, R. Rachuri, P. Scholl, *Improved Primitives for MPC
//!   over Mixed Arithmetic-Binary Circuits* (edaBits), CRYPTO 2020, eprint 2020/338.

use rand::RngExt;

use super::dealing::{Dealing, ensure_key};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::store::{HolderSetId, Holding, Slot};
use crate::tape::Instr;
use crate::view::Step;
use crate::world::World;
use crate::world::fanout::Fanout;
use crate::world::preprocessed::{BitMask, hand_out_messages};

/// Deals, for each of `lanes` lanes, a mask with `m` low bits and `high_bits` more above
/// them among `set`, as fresh authenticated sharings; with `with_bits` the low part also
/// comes bit by bit. Each returned slot holds one lane per mask.
pub(crate) fn deal_bit_mask<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    (m, high_bits, with_bits): (u32, u32, bool),
    lanes: usize,
    costs: &mut Costs,
) -> BitMask {
    ensure_key(w, set, costs);
    let valid = w.online_mask(set);
    let dealing = Dealing::new(w, set);
    // The slots, in the order they are stored: the bits, the low part, the high part.
    let count = if with_bits { m as usize } else { 0 } + 2;
    let first = w.store.next_number();
    let mut data: Vec<Vec<F>> = (0..count).map(|_| w.store.buffer()).collect();
    for _ in 0..lanes {
        // r′ = Σ 2ⁱ·rᵢ, drawn bit by bit.
        let mut low = 0u128;
        for i in 0..m as usize {
            let bit: bool = w.rng.random();
            low |= (bit as u128) << i;
            // The bits' slots come first (none when the bits were not asked for).
            if let Some(slot) = data[..count - 2].get_mut(i) {
                dealing.deal(&mut w.rng, F::from(bit as u64), slot);
            }
        }
        let low = F::from_u128(low);
        dealing.deal(&mut w.rng, low, &mut data[count - 2]);
        let high = random_below::<F>(w, high_bits);
        dealing.deal(&mut w.rng, high, &mut data[count - 1]);
    }
    // Each holder gets its part of every slot, lane by lane.
    let holders = w.holder_sets.shared(set);
    let width = dealing.width();
    let fanout = Fanout::dealt(&holders, data.len(), width);
    w.deliver_lanes(lanes, fanout, |j, out| {
        for (k, slot) in data.iter().enumerate() {
            let dealt = &slot[j * width..(j + 1) * width];
            hand_out_messages(&holders, Step::MaskBit, first + k as u64, dealt, out);
        }
    });
    let (n, values) = (holders.len() as u64, (count * lanes) as u64);
    w.dealer.masks += lanes as u64;
    *costs += Costs {
        masks: lanes as u64,
        dealer_messages: n * values,
        dealer_elements: width as u64 * values,
        ..Costs::default()
    };
    let mut slots: Vec<Slot> = data
        .into_iter()
        .map(|d| w.store.insert(Holding::Shared(set), 0, valid, d))
        .collect();
    for z in first..first + count as u64 {
        w.record(|| Instr::Dealt {
            set,
            z,
            step: Step::MaskBit,
            lanes,
        });
    }
    let high = slots.pop().expect("the mask's high half was dealt last");
    let low = slots
        .pop()
        .expect("the mask's low half was dealt before it");
    BitMask {
        bits: slots,
        low,
        high,
    }
}

/// A uniformly random integer in [0, 2^bits), as a field element (bits ≤ 126).
fn random_below<F: TinyField>(w: &mut World<F>, bits: u32) -> F {
    assert!(bits <= 126, "masks fit in 126 bits");
    let v: u128 = w.rng.random();
    F::from_u128(v & ((1u128 << bits) - 1))
}
