//! Outputs: delivering a shared value to one machine, or opening it to all holders, and
//! never before a MAC check has passed.
//!
//! # The math
//!
//! x = x₁ + … + xₙ. To give x to one machine R alone without revealing α or x to the
//! holders, SPDZ masks it with a dealt \[r\] whose value only R knows:
//! x = (x − r) + r, where x − r is uniform to everybody but R.
//!
//! # Protocol
//!
//! Reconstruct for machine R, with MACs (SPDZ private output):
//! 1. The dealer deals an authenticated \[r\] among the holders and tells r to R.
//! 2. The holders partially open x − r ([`super::partial_open`]); if R is not a holder,
//!    each holder also sends the opened x − r to R.
//! 3. The holders run the MAC check ([`super::mac_check`]) over everything opened since
//!    the last check, x − r included; on failure nothing is output.
//! 4. R computes x = (x − r) + r.
//!
//! Reconstruct for machine R, without MACs:
//! 1. Each holder other than R sends its share to R.
//! 2. R adds the n shares.
//!
//! Open to all holders:
//! 1. The holders partially open x.
//! 2. With MACs, they run the MAC check; on failure nothing is output.
//!
//! # Security note
//!
//! With MACs, the holders see only x − r, uniform whatever x is, and MAC-check messages;
//! they learn neither x nor α. Without MACs, R learns x from shares that are uniform
//! subject to adding up to x, and a holder that sends a wrong share changes x unnoticed.
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535, §3 (outputs).
//! - Damgård et al., eprint 2012/642, §4 (output without revealing α).

use std::panic::Location;

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::mac_check;
use crate::protocols::partial_open::{partial_open, partial_open_sharing};
use crate::store::MachineId;
use crate::store::{HolderSetId, Slot};
use crate::tape::{self, Instr};
use crate::view::Step;
use crate::world::World;

/// Delivers the value in slot `x` to `to` (steps 1–4); returns it, one element per lane.
/// All lanes travel together: one message per link.
pub(crate) fn reconstruct<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    set: HolderSetId,
    to: MachineId,
    at: &'static Location<'static>,
) -> Result<Vec<F>> {
    mac_check::refuse_if_aborted(w)?;
    if !w.machines[to.0 as usize].online {
        return Err(Error::Offline {
            machine: w.machines[to.0 as usize].name.to_string(),
        });
    }
    let about = w.store.meta(x).number;
    let n = w.holder_sets.get(set).len();
    let lane = w.lane_len(set);
    let lanes = w.lanes(set, x) as u64;
    let positions = w.answering(set, x)?;
    let to_is_holder = w.holder_sets.get(set).contains(&to);
    let (serial, online) = (w.unchecked.next_serial(), w.online_mask(set));
    w.record(|| {
        Instr::Open(tape::Open {
            set,
            x: about,
            to: Some(to),
            positions: positions.to_vec(),
            online,
            serial,
        })
    });
    let mut values = Vec::with_capacity(lanes as usize);
    if !w.macs {
        // Steps 1 and 2: every other answering holder sends R its share.
        let mut sent = Vec::with_capacity(positions.len());
        let scheme = w.holder_sets.scheme(set);
        let reconstruct = scheme.reconstructor(&mut w.weights, &positions);
        for start in (0..lanes as usize).map(|j| j * lane) {
            sent.clear();
            for &k in positions.iter() {
                let from = w.holder_sets.get(set)[k];
                let share = w.adversary.opening(from, w.store.data(x)[start + k]);
                sent.push(share);
                if from != to {
                    w.deliver(to, from.0, Step::Reconstruct, about, share);
                }
            }
            values.push(reconstruct.apply(&sent));
        }
        let messages = positions
            .iter()
            .filter(|&&k| w.holder_sets.get(set)[k] != to)
            .count() as u64;
        let costs = Costs {
            opened: lanes,
            messages,
            elements: messages * lanes,
            rounds: 1,
            ..Costs::default()
        };
        w.charge(at, costs);
        return Ok(values);
    }
    let mut costs = Costs {
        opened: lanes,
        rounds: 1,
        ..Costs::default()
    };
    let mut masks = Vec::with_capacity(lanes as usize);
    let mut masked = w.store.buffer();
    for start in (0..lanes as usize).map(|j| j * lane) {
        // Step 1: the mask [r]; r goes to R alone.
        masked.clear();
        let r = w.preprocessing().mask(
            w,
            (set, to),
            (about, Step::OutputMask),
            &mut masked,
            &mut costs,
        );
        masks.push(r);
        // Step 2: open x − r among the holders, and send it to R if R holds no share.
        for (m, &xi) in masked.iter_mut().zip(&w.store.data(x)[start..]) {
            *m = xi - *m;
        }
        let opened = partial_open_sharing(w, set, about, Step::Reconstruct, &positions, &masked);
        if !to_is_holder {
            for &k in positions.iter() {
                let from = w.holder_sets.get(set)[k];
                w.deliver(to, from.0, Step::Reconstruct, about, opened);
            }
        }
        values.push(opened);
    }
    w.store.recycle(masked);
    let links = (positions.len() * (n - 1)) as u64;
    costs += Costs {
        messages: links,
        elements: links * lanes,
        ..Costs::default()
    };
    if !to_is_holder {
        let m = positions.len() as u64;
        costs += Costs {
            messages: m,
            elements: m * lanes,
            rounds: 1,
            ..Costs::default()
        };
    }
    w.charge(at, costs);
    // Step 3: check everything opened so far.
    mac_check::check(w, at)?;
    // Step 4: unmask.
    Ok(values.iter().zip(&masks).map(|(&v, &r)| v + r).collect())
}

/// Opens the value in slot `x` to every holder and checks it (steps 1–2); returns it, one
/// element per lane.
pub(crate) fn open<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    set: HolderSetId,
    at: &'static Location<'static>,
) -> Result<Vec<F>> {
    // Step 1: partial opening (refused after an abort).
    let values = partial_open(w, x, set, at)?;
    // Step 2: the MAC check.
    mac_check::check(w, at)?;
    Ok(values)
}
