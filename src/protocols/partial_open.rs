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

use std::panic::Location;

use super::mac_check;
use crate::error::Result;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::sharing::Scheme;
use crate::sharing::shamir::Weights;
use crate::store::MachineId;
use crate::store::{HolderSetId, Slot, Store};
use crate::tape::{self, Instr};
use crate::view::{Record, Step};
use crate::world::World;
use crate::world::cheats::AdversaryState;
use crate::world::fanout::Fanout;
use crate::world::unchecked::Unchecked;

/// Opens the value whose `sharing` is laid out as one share per holder of `set`, then
/// (MACs on) one MAC share per holder, using the holders at `positions` (those that can
/// answer; all of them for additive sharing) (steps 1–3); returns the opened value. The
/// caller charges the costs.
pub(crate) fn partial_open_sharing<F: TinyField>(
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
    let (mut opener, _) = Opener::new(w, set);
    let copy = |_, lane: &mut [F]| lane.copy_from_slice(sharing);
    opener.open((step, about), positions, 1, copy, (&mut sent, &mut opened));
    let holders = w.holder_sets.shared(set);
    let fanout = Fanout::broadcast(&holders, positions, 1);
    w.deliver_lanes(1, fanout, |_, out| {
        broadcast_messages(&holders, positions, (step, about), &sent, out);
    });
    let value = opened[0];
    (w.sent, w.opened) = (sent, opened);
    value
}

/// Opens the value stored in slot `x` to every holder, without the check: each lane as
/// [`partial_open_sharing`] opens it, all lanes in one message per link. Refused after an
/// abort, and when too few holders can answer.
pub(crate) fn partial_open<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    set: HolderSetId,
    at: &'static Location<'static>,
) -> Result<Vec<F>> {
    mac_check::refuse_if_aborted(w)?;
    let about = w.store.meta(x).number;
    let n = w.holder_sets.get(set).len();
    let lane = w.lane_len(set);
    let positions = w.answering(set, x)?;
    let (serial, online) = (w.unchecked.next_serial(), w.online_mask(set));
    w.record(|| {
        Instr::Open(tape::Open {
            set,
            x: about,
            to: None,
            positions: positions.to_vec(),
            online,
            serial,
        })
    });
    // Copy the shares out: the opening needs the whole world.
    let mut data = w.store.buffer();
    data.extend_from_slice(w.store.data(x));
    let values: Vec<F> = data
        .chunks(lane)
        .map(|sharing| partial_open_sharing(w, set, about, Step::Open, &positions, sharing))
        .collect();
    w.store.recycle(data);
    let links = (positions.len() * (n - 1)) as u64;
    let lanes = values.len() as u64;
    w.charge(
        at,
        Costs {
            opened: lanes,
            messages: links,
            elements: links * lanes,
            rounds: 1,
            ..Costs::default()
        },
    );
    Ok(values)
}

/// What an opening changes in the world, borrowed apart from the store, so that the
/// sharings to open can be computed from stored values as they are sent, with no buffer
/// in between.
pub(crate) struct Opener<'w, F> {
    set: HolderSetId,
    holders: &'w [MachineId],
    scheme: Scheme,
    weights: &'w mut Weights<F>,
    adversary: &'w mut AdversaryState<F>,
    /// Where the MAC shares wait for the check; `None` with MACs off.
    pending: Option<&'w mut Unchecked<F>>,
    /// One sharing at a time: n shares, then (MACs on) n MAC shares.
    sharing: &'w mut [F],
}

impl<'w, F: TinyField> Opener<'w, F> {
    /// The opener for `set`, and the store to read the values to open from.
    pub fn new(w: &'w mut World<F>, set: HolderSetId) -> (Self, &'w Store<F>) {
        let World {
            holder_sets,
            adversary,
            unchecked: pending,
            scratch,
            store,
            macs,
            weights,
            ..
        } = w;
        let holders = holder_sets.get(set);
        let width = if *macs {
            2 * holders.len()
        } else {
            holders.len()
        };
        scratch.clear();
        scratch.resize(width, F::ZERO);
        let opener = Opener {
            set,
            holders,
            scheme: holder_sets.scheme(set),
            weights,
            adversary,
            pending: macs.then_some(pending),
            sharing: &mut scratch[..],
        };
        (opener, store)
    }

    /// Steps 1–3 for `count` values (the lanes of a vector), without delivering the
    /// broadcast: `fill(k, sharing)` writes value k's sharing, laid out as in
    /// [`partial_open`]. Appends the shares the holders at `positions` send (as the
    /// adversary lets them through), value by value, to `sent`, and the opened values to
    /// `opened`. [`broadcast_messages`] makes the messages.
    pub fn open(
        &mut self,
        (step, about): (Step, u64),
        positions: &[usize],
        count: usize,
        mut fill: impl FnMut(usize, &mut [F]),
        (sent, opened): (&mut Vec<F>, &mut Vec<F>),
    ) {
        let n = self.holders.len();
        let first = opened.len();
        sent.reserve(count * positions.len());
        opened.reserve(count);
        let reconstruct = self.scheme.reconstructor(self.weights, positions);
        let honest = !self.adversary.shifts_openings();
        if honest {
            for &i in positions {
                self.adversary.count(self.holders[i], count as u64);
            }
        }
        for k in 0..count {
            fill(k, self.sharing);
            let start = sent.len();
            // Step 1: broadcast (through the adversary, who may shift it).
            if honest {
                sent.extend(positions.iter().map(|&i| self.sharing[i]));
            } else {
                for &i in positions {
                    let share = self.adversary.opening(self.holders[i], self.sharing[i]);
                    sent.push(share);
                }
            }
            // Step 2: reconstruct (add up, or interpolate for Shamir).
            opened.push(reconstruct.apply(&sent[start..]));
            // Step 3: keep the MAC shares for the check.
            if let Some(pending) = &mut self.pending {
                pending.push_macs(&self.sharing[n..]);
            }
        }
        if let Some(pending) = &mut self.pending {
            let answered = positions.iter().fold(0u128, |acc, &i| acc | 1 << i);
            pending.close_run(self.set, (step, about), answered, &opened[first..], n);
        }
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
