//! The binary domain: bits shared by XOR and authenticated with 64-bit MACs, for the
//! inside of a comparison.
//!
//! # The math
//!
//! A bit x is shared as x = x₁ ⊕ … ⊕ xₙ. With MACs on, holder i also has a MAC share
//! mᵢ ∈ {0,1}⁶⁴ and a share Δᵢ of a global binary key Δ = Δ₁ ⊕ … ⊕ Δₙ, with
//!
//! m₁ ⊕ … ⊕ mₙ = x·Δ  (Δ when x = 1, zero when x = 0).
//!
//! The relation survives XOR (x ⊕ y has MAC shares mᵢ ⊕ m′ᵢ) and AND with a public bit p
//! (p ∧ x has MAC shares p·mᵢ), which is all the protocols here need. An AND of two shared
//! bits x ∧ y uses a triple (a, b, c = a ∧ b) like Beaver's in the field, with ⊕ for + and
//! ∧ for ×. When one factor is a bit the dealer dealt anyway, the triple can be built on it
//! (a = that bit), and only e = y ⊕ b needs opening: x ∧ y = c ⊕ e·x.
//!
//! # Protocol (partial opening of bits)
//!
//! 1. Each holder i broadcasts its share xᵢ (one bit per lane; views show the bits of
//!    64 lanes as one number, lane j as bit j mod 64 of message ⌊j/64⌋).
//! 2. Every holder XORs the shares: x′ = x₁ ⊕ … ⊕ xₙ.
//! 3. Each holder keeps x′ and mᵢ for the MAC check, which tests
//!    ⊕ᵢ (mᵢ ⊕ x′·Δᵢ) = (x ⊕ x′)·Δ = 0 for a random GF(2⁶⁴) combination of all
//!    openings ([`super::mac_check`]).
//!
//! One round, one bit per lane and link.
//!
//! # Security note
//!
//! A holder that flips its share of x′ would have to add Δ to its MAC share without
//! knowing Δ: it is caught except with probability 2⁻⁶⁴ per flip (plus the check's own
//! error, k/2⁶⁴ for k openings). Binary sharing is n-out-of-n like additive sharing, so
//! it is used only among additive holders; Shamir sharings compare in the field.
//!
//! # References
//!
//! - J. B. Nielsen, P. S. Nordholt, C. Orlandi, S. S. Burra, *A New Approach to Practical
//!   Active-Secure Two-Party Computation* (TinyOT), eprint 2011/091: MACs on bits.
//! - D. Escudero, S. Ghosh, M. Keller, R. Rachuri, P. Scholl, *Improved Primitives for MPC
//!   over Mixed Arithmetic-Binary Circuits* (edaBits), eprint 2020/338.

use crate::error::Result;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::mac_check;
use crate::protocols::partial_open::broadcast_messages;
use crate::store::HolderSetId;
use crate::view::Step;
use crate::world::World;
use crate::world::fanout::Fanout;

/// Shared bits, lane by lane: per lane n shares (0 or 1), then (MACs on) n MAC shares,
/// the layout of a field sharing ([`World::lane_len`] words per lane).
pub(crate) type Bits = Vec<u64>;

/// x ⊕ y, lane by lane (shares and MAC shares alike).
pub(crate) fn xor(x: &[u64], y: &[u64]) -> Bits {
    x.iter().zip(y).map(|(x, y)| x ^ y).collect()
}

/// Opens `masked` (lanes of shared bits among `set`) to all holders (steps 1–3); returns
/// one bit (0 or 1) per lane, and the costs: one round, one message per link.
///
/// # Errors
///
/// [`crate::Error::NotEnoughOnline`] when a holder is offline (binary sharing needs all).
pub(crate) fn open_bits<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    (step, about): (Step, u64),
    masked: &[u64],
) -> Result<(Vec<u64>, Costs)> {
    mac_check::refuse_if_aborted(w)?;
    let n = w.holder_sets.get(set).len();
    let positions = w.answering_for(set, u128::MAX, || {
        format!("the comparison's binary opening #{about}")
    })?;
    let width = w.lane_len(set);
    let holders = w.holder_sets.shared(set);
    // Steps 1–2: every holder's share, through the adversary when it shifts openings,
    // XORed. The shares travel packed, 64 lanes to a word (lane j is bit j mod 64 of word
    // ⌊j/64⌋).
    let lanes = masked.len() / width;
    let honest = !w.adversary.shifts_openings();
    if honest {
        for &holder in holders.iter() {
            w.adversary.count(holder, lanes as u64);
        }
    }
    let mut sent = vec![F::ZERO; lanes.div_ceil(64) * n];
    let mut packed = vec![0u64; n];
    let mut opened = Vec::with_capacity(lanes);
    for (j, lane) in masked.chunks_exact(width).enumerate() {
        let mut bit = 0;
        for (i, &share) in lane[..n].iter().enumerate() {
            let share = match honest {
                true => share,
                false => w.adversary.opening_bit(holders[i], share),
            };
            packed[i] |= share << (j % 64);
            bit ^= share;
        }
        opened.push(bit);
        if j % 64 == 63 || j + 1 == lanes {
            for (i, word) in packed.iter_mut().enumerate() {
                sent[j / 64 * n + i] = F::from(std::mem::take(word));
            }
        }
    }
    let fanout = Fanout::broadcast(&holders, &positions, 1);
    w.deliver_lanes(lanes.div_ceil(64), fanout, |k, out| {
        broadcast_messages(
            &holders,
            &positions,
            (step, about),
            &sent[k * n..][..n],
            out,
        );
    });
    // Step 3: the MAC shares wait for the check.
    if w.macs {
        let macs = masked.chunks_exact(width).map(|lane| &lane[n..]);
        w.unchecked_bits
            .push(set, (step, about), u128::MAX, &opened, macs);
    }
    let (lanes, links) = (opened.len() as u64, (n * (n - 1)) as u64);
    let costs = Costs {
        opened: lanes,
        messages: links,
        bits: lanes * links,
        rounds: 1,
        ..Costs::default()
    };
    Ok((opened, costs))
}
