//! Linear operations: computed by each holder on its own shares, with no messages.
//!
//! # The math
//!
//! Additive sharing is linear. With x = Σ xᵢ and y = Σ yᵢ:
//!
//! - x ± y = Σ (xᵢ ± yᵢ): each holder adds or subtracts its two shares;
//! - k·x = Σ k·xᵢ for a public k: each holder scales its share;
//! - x + c = (x₁ + c) + x₂ + … + xₙ for a public c: exactly one holder adds c.
//!
//! # Protocol
//!
//! 1. Each holder i applies the operation to its own share(s). Nothing is sent, so
//!    nothing is learnt and no round is spent.
//!
//! # Security note
//!
//! No messages, so no view changes: linear operations are free and perfectly private.

use crate::field::TinyField;
use crate::simulation::World;
use crate::store::{HolderSetId, Holding};

/// zᵢ = f(xᵢ, yᵢ) for every holder i (step 1); the depth is the larger of the two.
pub(crate) fn zip<F: TinyField>(
    w: &mut World<F>,
    x: u32,
    y: u32,
    holders: HolderSetId,
    f: impl Fn(F, F) -> F,
) -> u32 {
    let depth = w.store.meta(x).depth.max(w.store.meta(y).depth);
    let mut out = w.store.buffer();
    let (xs, ys) = (w.store.data(x), w.store.data(y));
    out.extend(xs.iter().zip(ys).map(|(&a, &b)| f(a, b)));
    w.store.insert(Holding::Shared(holders), depth, out)
}

/// zᵢ = f(xᵢ) for every holder i (step 1), then the first holder adds `c`.
pub(crate) fn map<F: TinyField>(
    w: &mut World<F>,
    x: u32,
    holders: HolderSetId,
    f: impl Fn(F) -> F,
    c: F,
) -> u32 {
    let depth = w.store.meta(x).depth;
    let mut out = w.store.buffer();
    out.extend(w.store.data(x).iter().map(|&a| f(a)));
    out[0] += c;
    w.store.insert(Holding::Shared(holders), depth, out)
}

/// xᵢ ← f(xᵢ, yᵢ) in place, for `+=` and `-=` (step 1).
pub(crate) fn zip_in_place<F: TinyField>(w: &mut World<F>, x: u32, y: u32, f: impl Fn(F, F) -> F) {
    let depth = w.store.meta(x).depth.max(w.store.meta(y).depth);
    let (xs, ys) = w.store.data_pair_mut(x, y);
    for (a, &b) in xs.iter_mut().zip(ys) {
        *a = f(*a, b);
    }
    w.store.set_depth(x, depth);
}
