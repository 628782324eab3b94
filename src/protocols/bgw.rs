//! BGW multiplication: multiplying Shamir sharings by local products and degree reduction,
//! with no triple at all (honest majority: n ≥ 2t + 1).
//!
//! # The math
//!
//! If f and g are polynomials of degree t with f(0) = x and g(0) = y, then h = f·g has
//! degree 2t and h(0) = x·y, so the local products hᵢ = f(i)·g(i) are a sharing of x·y, but
//! of degree 2t. With 2t + 1 of them, Lagrange interpolation still gives h(0):
//!
//! x·y = Σ_{i∈S} λᵢ·hᵢ  (|S| ≥ 2t + 1).
//!
//! That sum is linear, so each holder re-shares its hᵢ with a fresh polynomial of degree t
//! and everyone combines the sub-shares with the same λᵢ: the result is a degree-t
//! sharing of x·y. MAC shares go the same way: mᵢ·g(i) lies on a degree-2t polynomial with
//! constant term α·x·y.
//!
//! # Protocol (Ben-Or, Goldwasser, Wigderson 1988; Gennaro, Rabin, Rabin 1998)
//!
//! 1. Each answering holder i ∈ S computes hᵢ = xᵢ·yᵢ (and h′ᵢ = m(x)ᵢ·yᵢ with MACs).
//! 2. Each i ∈ S shares hᵢ (and h′ᵢ) with a random polynomial of degree t and sends holder
//!    j its sub-share hᵢⱼ.
//! 3. Each holder j sets zⱼ = Σ_{i∈S} λᵢ·hᵢⱼ (and its MAC share likewise).
//!
//! One round, no triple, |S|·(n − 1) messages; it needs |S| ≥ 2t + 1 holders answering.
//!
//! # Security note
//!
//! BGW is secure against a minority of honest-but-curious holders: any t sub-shares of any
//! hᵢ are uniform. A holder that re-shares a wrong hᵢ shifts x·y; with MACs on, its shift
//! of the MAC product would have to be α times as large, so the MAC check catches it like
//! any other cheat.
//!
//! # References
//!
//! - M. Ben-Or, S. Goldwasser, A. Wigderson, *Completeness Theorems for Non-Cryptographic
//!   Fault-Tolerant Distributed Computation*, STOC 1988.
//! - R. Gennaro, M. Rabin, T. Rabin, *Simplified VSS and Fast-Track Multiparty Computations*,
//!   PODC 1998 (the degree reduction used here).

use std::panic::Location;

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::mac_check;
use crate::sharing::{Scheme, shamir};
use crate::store::{HolderSetId, Holding, Slot};
use crate::tape::{self, Instr};
use crate::view::Step;
use crate::world::World;

/// Multiplies the Shamir-shared values in slots `x` and `y` (steps 1–3).
///
/// # Errors
///
/// [`Error::BgwNeedsHonestMajority`] unless the sharing is Shamir with at least 2t + 1
/// holders answering.
pub(crate) fn multiply<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    y: Slot,
    set: HolderSetId,
    at: &'static Location<'static>,
) -> Result<Slot> {
    mac_check::refuse_if_aborted(w)?;
    let n = w.holder_sets.get(set).len();
    let threshold = match w.holder_sets.scheme(set) {
        Scheme::Shamir { threshold } => threshold,
        Scheme::Additive => return Err(Error::BgwNeedsShamir { holders: n }),
    };
    let about = w.store.next_number();
    let valid = w.store.meta(x).valid & w.store.meta(y).valid;
    let online = w.online_mask(set);
    let answering: Vec<usize> = (0..n).filter(|&k| (valid & online) >> k & 1 == 1).collect();
    if answering.len() < 2 * threshold + 1 {
        let (needed, answering) = (2 * threshold + 1, answering.len());
        return Err(Error::BgwNeedsHonestMajority {
            threshold,
            needed,
            answering,
        });
    }
    let lambda = w.weights.of(&answering);
    let macs = w.store.data(x).len() > n;
    let mut z = w.store.buffer();
    z.resize(w.store.data(x).len(), F::ZERO);
    let mut sub = Vec::with_capacity(n);
    let mut drawn = Vec::new(); // each holder's randomness, for the tape
    for (&i, &l) in answering.iter().zip(lambda.iter()) {
        // Step 1: the local products.
        let (xs, ys) = (w.store.data(x), w.store.data(y));
        let products = [Some(xs[i] * ys[i]), macs.then(|| xs[n + i] * ys[i])];
        for (part, h) in products.into_iter().enumerate() {
            let Some(h) = h else { continue };
            // Step 2: re-share hᵢ with degree t and send the sub-shares.
            sub.clear();
            shamir::share_checked(h, n, threshold, &mut w.rng, &mut sub);
            if w.tape.is_some() {
                drawn.extend(sub.iter().map(|&s| s - h));
            }
            let from = w.holder_sets.get(set)[i];
            for (j, &s) in sub.iter().enumerate() {
                let to = w.holder_sets.get(set)[j];
                if to != from {
                    w.deliver(to, from.0, Step::BgwReshare, about, s);
                }
                // Step 3: zⱼ += λᵢ·hᵢⱼ.
                z[part * n + j] += l * s;
            }
        }
    }
    let width = if macs { 2 } else { 1 };
    let links = (answering.len() * (n - 1)) as u64;
    w.charge(
        at,
        Costs {
            messages: links,
            elements: width * links,
            rounds: 1,
            ..Costs::default()
        },
    );
    let depth = w.store.meta(x).depth.max(w.store.meta(y).depth) + 1;
    let xyz = (w.store.meta(x).number, w.store.meta(y).number, about);
    w.record(|| {
        Instr::Bgw(tape::Bgw {
            set,
            xyz,
            positions: answering,
            online,
            drawn,
        })
    });
    Ok(w.store.insert(Holding::Shared(set), depth, online, z))
}
