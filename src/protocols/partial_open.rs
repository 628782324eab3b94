//! Partial opening: the holders reveal a shared value to each other, and put its MAC
//! shares aside for the next MAC check.
//!
//! # The math
//!
//! x = x₁ + … + xₙ; the MAC shares m₁ + … + mₙ = α·x are *not* sent.
//!
//! # Protocol (SPDZ's partial opening, 2011/535 §3)
//!
//! 1. Each holder i broadcasts its share xᵢ.
//! 2. Every holder adds the shares it received to its own: x′ = Σ xᵢ (for Shamir
//!    sharing: interpolates x′ = Σ λᵢ·xᵢ over the holders that answered).
//! 3. Each holder keeps x′ and its MAC share mᵢ until the next MAC check
//!    ([`super::mac_check`]), which runs before anything is output.
//!
//! One round. Until the check, x′ may be wrong: a cheating holder may have sent
//! xᵢ + δ.
//!
//! # Security note
//!
//! Every holder learns x. Protocols only open values that are masked by fresh dealer
//! randomness (d = x − a, e = y − b, x − r), which are uniform whatever the secrets are.
//! The simulation has each holder broadcast one value to all; a real network would also
//! have to make sure a cheater cannot send different values to different holders.
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535, §3.

use crate::field::TinyField;
use crate::machine::MachineId;
use crate::simulation::World;
use crate::store::HolderSetId;
use crate::view::{Record, Step};

/// Opens the value whose `sharing` is laid out as one share per holder of `set`, then
/// (MACs on) one MAC share per holder, using the holders at `positions` (those that can
/// answer; all of them for additive sharing) (steps 1–3); returns the opened value. The
/// caller charges the costs.
pub(crate) fn partial_open<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    about: u64,
    step: Step,
    positions: &[usize],
    sharing: &[F],
) -> F {
    let (mut sent, mut opened) = (std::mem::take(&mut w.sent), std::mem::take(&mut w.opened));
    sent.clear();
    opened.clear();
    open_quietly(
        w,
        set,
        (step, about),
        positions,
        sharing,
        (&mut sent, &mut opened),
    );
    let holders = w.holder_sets.shared(set);
    w.deliver_lanes(1, |_, out| {
        broadcast_messages(&holders, positions, (step, about), &sent, out);
    });
    let value = opened[0];
    (w.sent, w.opened) = (sent, opened);
    value
}

/// Steps 1–3 for one value or many (the lanes of a vector), without delivering the
/// broadcast. `sharings` holds the values one after another, each laid out as in
/// [`partial_open`]. Appends the shares the holders at `positions` send (as the adversary
/// lets them through), value by value, to `sent`, and the opened values to `opened`.
/// [`broadcast_messages`] makes the messages.
pub(crate) fn open_quietly<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    (step, about): (Step, u64),
    positions: &[usize],
    sharings: &[F],
    (sent, opened): (&mut Vec<F>, &mut Vec<F>),
) {
    let n = w.holder_sets.get(set).len();
    let width = if w.macs { 2 * n } else { n };
    let (holders, scheme) = (w.holder_sets.get(set), w.holder_sets.scheme(set));
    let first = opened.len();
    for sharing in sharings.chunks_exact(width) {
        let start = sent.len();
        // Step 1: broadcast (through the adversary, who may shift it).
        for &i in positions {
            sent.push(w.adversary.opening(holders[i], sharing[i]));
        }
        // Step 2: reconstruct (add up, or interpolate for Shamir).
        opened.push(scheme.reconstruct(positions, &sent[start..]));
    }
    // Step 3: keep the MAC shares for the check.
    if w.macs {
        let answered = positions.iter().fold(0u128, |acc, &i| acc | 1 << i);
        let macs = sharings.chunks_exact(width).map(|s| &s[n..]);
        w.pending
            .push(set, (step, about), answered, &opened[first..], macs);
    }
}

/// Step 1's messages: the share `sent[p]` of the holder at `positions[p]`, to every other
/// holder.
pub(crate) fn broadcast_messages<F: TinyField>(
    holders: &[MachineId],
    positions: &[usize],
    (step, about): (Step, u64),
    sent: &[F],
    out: &mut Vec<(MachineId, Record<F>)>,
) {
    for (&i, &value) in positions.iter().zip(sent) {
        let record = Record {
            from: holders[i].0,
            step,
            about,
            value,
        };
        for (k, &to) in holders.iter().enumerate() {
            if k != i {
                out.push((to, record));
            }
        }
    }
}
