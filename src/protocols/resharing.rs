//! Re-sharing: fresh shares of the same secret, for the same holders (proactive refresh) or
//! for new ones (handing a value over to another committee).
//!
//! # The math
//!
//! A sharing of 0 added to a sharing of x is a new sharing of x: the shares change, the
//! secret does not. And a secret is a linear function of its shares, x = Σ_{i∈S} λᵢ·xᵢ
//! (λᵢ = 1 for additive sharing, Lagrange coefficients for Shamir), so if each old holder
//! shares λᵢ·xᵢ among the new holders, the new holders' sums of what they received are a
//! sharing of x. MAC shares are re-shared the same way: they are a sharing of α·x, and the
//! new holders' key shares are a sharing of the same α.
//!
//! # Protocol
//!
//! Refresh (proactive secret sharing, Herzberg et al. 1995):
//! 1. Each answering holder i deals a fresh sharing of 0 (same scheme) and sends holder j
//!    its share zᵢⱼ (with a sharing of 0 for the MAC shares too).
//! 2. Each holder j adds Σᵢ zᵢⱼ to its share (and MAC share).
//!
//! Re-share to new holders (Desmedt and Jajodia 1997):
//! 1. Each answering old holder i shares λᵢ·xᵢ (and λᵢ·mᵢ) under the new scheme and sends
//!    new holder j its sub-share.
//! 2. Each new holder j sets its share to the sum of what it received.
//!
//! One round each.
//!
//! # Security note
//!
//! Shares stolen before a refresh and shares stolen after it lie on unrelated polynomials:
//! t of each reveal nothing together (the tests count it in the teaching field). After a
//! re-share the old holders' shares do not combine with the new ones. Machines offline
//! during a refresh miss their sub-shares and hold no valid share afterwards.
//!
//! # References
//!
//! - A. Herzberg, S. Jarecki, H. Krawczyk, M. Yung, *Proactive Secret Sharing*, CRYPTO 1995.
//! - Y. Desmedt, S. Jajodia, *Redistributing Secret Shares to New Access Structures*, 1997.

use std::panic::Location;

use crate::error::Result;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::mac_check;
use crate::sharing::{Scheme, shamir};
use crate::store::{HolderSetId, Holding, Slot};
use crate::tape::{self, Instr};
use crate::view::Step;
use crate::world::World;

/// Refreshes the shares of slot `x` in place (steps 1–2 of refresh).
pub(crate) fn refresh<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    set: HolderSetId,
    at: &'static Location<'static>,
) -> Result<()> {
    mac_check::refuse_if_aborted(w)?;
    let answering = w.answering(set, x)?;
    let (n, about) = (w.holder_sets.get(set).len(), w.store.meta(x).number);
    let scheme = w.holder_sets.scheme(set);
    let width = w.store.data(x).len();
    let mut zero = Vec::with_capacity(n);
    let mut drawn = Vec::new(); // each holder's zero sharings, for the tape
    for &i in answering.iter() {
        let from = w.holder_sets.get(set)[i];
        for part in 0..width / n {
            // Step 1: a fresh sharing of 0 from holder i.
            zero.clear();
            scheme.share_checked(F::ZERO, n, &mut w.rng, &mut zero);
            if w.tape.is_some() {
                drawn.extend_from_slice(&zero);
            }
            for (j, &z) in zero.iter().enumerate() {
                let to = w.holder_sets.get(set)[j];
                if to != from {
                    w.deliver(to, from.0, Step::Refresh, about, z);
                }
                // Step 2: add it.
                w.store.data_mut(x)[part * n + j] += z;
            }
        }
    }
    let (meta, online) = (w.store.meta(x), w.online_mask(set));
    w.store.set_meta(x, meta.depth, meta.valid & online);
    w.record(|| {
        Instr::Refresh(tape::Refresh {
            set,
            x: about,
            positions: answering.to_vec(),
            online,
            drawn,
        })
    });
    let links = (answering.len() * (n - 1)) as u64;
    let elements = links * (width / n) as u64;
    w.charge(
        at,
        Costs {
            messages: links,
            elements,
            rounds: 1,
            ..Costs::default()
        },
    );
    Ok(())
}

/// Re-shares slot `x` from `old` to the holders `new` (steps 1–2 of re-share); returns
/// the new value's slot.
pub(crate) fn reshare<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    old: HolderSetId,
    new: HolderSetId,
    at: &'static Location<'static>,
) -> Result<Slot> {
    mac_check::refuse_if_aborted(w)?;
    let answering = w.answering(old, x)?;
    let about = w.store.next_number();
    let (n_old, n_new) = (w.holder_sets.get(old).len(), w.holder_sets.get(new).len());
    let lambda: Vec<F> = match w.holder_sets.scheme(old) {
        Scheme::Additive => vec![F::ONE; answering.len()],
        Scheme::Shamir { .. } => shamir::lagrange_checked(&answering),
    };
    let mut costs = Costs {
        rounds: 1,
        ..Costs::default()
    };
    w.preprocessing().mac_key(w, new, &mut costs);
    let scheme = w.holder_sets.scheme(new);
    let parts = w.store.data(x).len() / n_old;
    let mut out = w.store.buffer();
    out.resize(parts * n_new, F::ZERO);
    let mut sub = Vec::with_capacity(n_new);
    let mut drawn = Vec::new(); // each old holder's randomness, for the tape
    for (&i, &l) in answering.iter().zip(&lambda) {
        let from = w.holder_sets.get(old)[i];
        for part in 0..parts {
            // Step 1: old holder i shares λᵢ·xᵢ among the new holders.
            sub.clear();
            let v = l * w.store.data(x)[part * n_old + i];
            scheme.share_checked(v, n_new, &mut w.rng, &mut sub);
            if w.tape.is_some() {
                let added = |j| if scheme.adds_constant(j) { v } else { F::ZERO };
                drawn.extend(sub.iter().enumerate().map(|(j, &s)| s - added(j)));
            }
            for (j, &s) in sub.iter().enumerate() {
                let to = w.holder_sets.get(new)[j];
                if to != from {
                    w.deliver(to, from.0, Step::Reshare, about, s);
                }
                // Step 2: new holder j adds up what it received.
                out[part * n_new + j] += s;
            }
        }
    }
    let links = (answering.len() * n_new) as u64;
    costs += Costs {
        messages: links,
        elements: links * parts as u64,
        ..Costs::default()
    };
    w.charge(at, costs);
    let (depth, valid) = (w.store.meta(x).depth, w.online_mask(new));
    let xz = (w.store.meta(x).number, about);
    w.record(|| {
        Instr::Reshare(tape::Reshare {
            sets: (old, new),
            xz,
            positions: answering.to_vec(),
            online: valid,
            drawn,
        })
    });
    Ok(w.store.insert(Holding::Shared(new), depth, valid, out))
}
