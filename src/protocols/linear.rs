//! Linear operations: computed by each holder on its own shares, with no messages.
//!
//! # The math
//!
//! Additive sharing is linear. With x = Σ xᵢ and y = Σ yᵢ:
//!
//! - x ± y = Σ (xᵢ ± yᵢ): each holder adds or subtracts its two shares;
//! - k·x = Σ k·xᵢ for a public k: each holder scales its share;
//! - x + c = (x₁ + c) + x₂ + … + xₙ for a public c: exactly one holder adds c (with
//!   Shamir sharing every holder adds c: the polynomial's constant term moves by c);
//! - "x if the public bit b is 1, else y" = Σ (xᵢ if b else yᵢ): each holder keeps the
//!   share of the chosen value.
//!
//! MACs are linear too. With MAC shares Σ mᵢ = α·x and Σ m′ᵢ = α·y: Σ (mᵢ ± m′ᵢ) = α·(x ± y)
//! and Σ k·mᵢ = α·k·x; for x + c every holder adds αᵢ·c, since Σ αᵢ·c = α·c.
//!
//! # Protocol
//!
//! 1. Each holder i applies the operation to its own share(s) and MAC share(s). Nothing is
//!    sent, so nothing is learnt and no round is spent.
//!
//! # Security note
//!
//! No messages, so no view changes: linear operations are free and perfectly private.

use crate::field::TinyField;
use crate::sharing::Scheme;
use crate::store::{HolderSetId, Holding, Slot};
use crate::tape::{Instr, LinearOp};
use crate::world::World;

/// How two shares combine: zᵢ = xᵢ + yᵢ or zᵢ = xᵢ − yᵢ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Combine {
    Add,
    Sub,
}

impl Combine {
    /// Combines every pair of `xs` and `ys` into `out` (step 1).
    #[inline]
    fn apply<F: TinyField>(self, xs: &[F], ys: &[F], out: &mut Vec<F>) {
        let pairs = xs.iter().zip(ys);
        match self {
            Combine::Add => out.extend(pairs.map(|(&a, &b)| a + b)),
            Combine::Sub => out.extend(pairs.map(|(&a, &b)| a - b)),
        }
    }

    /// The operation as the tape records it.
    fn op<F>(self) -> LinearOp<F> {
        match self {
            Combine::Add => LinearOp::Add,
            Combine::Sub => LinearOp::Sub,
        }
    }
}

/// Records z = op(operands) on the tape (kept for replays, with `Views::All`).
fn record<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    z: Slot,
    op: LinearOp<F>,
    operands: &[Slot],
) {
    if w.tape.is_some() {
        let z = w.store.meta(z).number;
        let operands = operands.iter().map(|&s| w.store.meta(s).number).collect();
        w.record(|| Instr::Linear {
            set,
            z,
            op,
            operands,
        });
    }
}

/// zᵢ = f(xᵢ, yᵢ) for every holder i (step 1); the depth is the larger of the two, and a
/// holder has a valid share if it had both and is online.
pub(crate) fn zip<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    y: Slot,
    holders: HolderSetId,
    f: Combine,
) -> Slot {
    let (mx, my) = (w.store.meta(x), w.store.meta(y));
    let valid = mx.valid & my.valid & w.online_mask(holders);
    let mut out = w.store.buffer();
    f.apply(w.store.data(x), w.store.data(y), &mut out);
    let z = w
        .store
        .insert(Holding::Shared(holders), mx.depth.max(my.depth), valid, out);
    record(w, holders, z, f.op(), &[x, y]);
    z
}

/// Lane j of x where `choose[j]` holds, of y elsewhere: each holder keeps its share (and
/// MAC share) of the chosen value (step 1), which is a sharing of it since the choice is
/// public.
pub(crate) fn pick<F: TinyField>(
    w: &mut World<F>,
    (x, y): (Slot, Slot),
    holders: HolderSetId,
    choose: &[bool],
) -> Slot {
    let (mx, my) = (w.store.meta(x), w.store.meta(y));
    let valid = mx.valid & my.valid & w.online_mask(holders);
    let lane = w.lane_len(holders);
    let mut out = w.store.buffer();
    let (xs, ys) = (w.store.data(x).chunks(lane), w.store.data(y).chunks(lane));
    for ((xj, yj), &c) in xs.zip(ys).zip(choose) {
        out.extend_from_slice(if c { xj } else { yj });
    }
    let z = w
        .store
        .insert(Holding::Shared(holders), mx.depth.max(my.depth), valid, out);
    record(w, holders, z, LinearOp::Pick(choose.to_vec()), &[x, y]);
    z
}

/// Adds the public constant `c` to a sharing laid out as n shares then n MAC shares
/// (none with MACs off, when `alphas` is empty): the holders the scheme names add c to
/// their share (the first for additive sharing, all for Shamir), and every holder i adds
/// αᵢ·c to its MAC share.
#[inline]
pub(crate) fn add_public<F: TinyField>(data: &mut [F], alphas: &[F], scheme: Scheme, c: F) {
    let n = data.len() - alphas.len();
    for (i, share) in data[..n].iter_mut().enumerate() {
        if scheme.adds_constant(i) {
            *share += c;
        }
    }
    for (m, &alpha) in data[n..].iter_mut().zip(alphas) {
        *m += alpha * c;
    }
}

/// z = s·x + c for public s and c, lane by lane: every holder scales its share and MAC
/// share by s, then `c` is added as in [`add_public`] (step 1). `s` and `c` hold one
/// entry per lane, or a single entry for all lanes.
pub(crate) fn affine<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    set: HolderSetId,
    s: &[F],
    c: &[F],
) -> Slot {
    let meta = w.store.meta(x);
    let valid = meta.valid & w.online_mask(set);
    let lane = w.lane_len(set);
    let pick = |v: &[F], j: usize| if v.len() == 1 { v[0] } else { v[j] };
    let mut out = w.store.buffer();
    for (j, xs) in w.store.data(x).chunks(lane).enumerate() {
        let (sj, cj) = (pick(s, j), pick(c, j));
        let from = out.len();
        out.extend(xs.iter().map(|&a| sj * a));
        add_public(
            &mut out[from..],
            w.keys.shares(set),
            w.holder_sets.scheme(set),
            cj,
        );
    }
    let z = w.store.insert(Holding::Shared(set), meta.depth, valid, out);
    let (s, c) = (s.to_vec(), c.to_vec());
    record(w, set, z, LinearOp::Affine { s, c }, &[x]);
    z
}

/// A new value made of lanes of the values in slots `parts`: `lanes` lists, in order,
/// which part and which of its lanes (repeats allowed). Each holder copies its shares
/// (step 1). A scalar is a value with one lane, so this splits a vector, repeats a
/// scalar, or joins values.
pub(crate) fn gather<F: TinyField>(
    w: &mut World<F>,
    parts: &[Slot],
    set: HolderSetId,
    lanes: impl Iterator<Item = (usize, usize)> + Clone,
) -> Slot {
    let lane = w.lane_len(set);
    let mut valid = w.online_mask(set);
    let mut depth = 0;
    for &p in parts {
        let meta = w.store.meta(p);
        valid &= meta.valid;
        depth = depth.max(meta.depth);
    }
    let mut out = w.store.buffer();
    for (part, j) in lanes.clone() {
        out.extend_from_slice(&w.store.data(parts[part])[j * lane..(j + 1) * lane]);
    }
    let z = w.store.insert(Holding::Shared(set), depth, valid, out);
    if w.tape.is_some() {
        record(w, set, z, LinearOp::Gather(lanes.collect()), parts);
    }
    z
}

/// Σⱼ xⱼ over the lanes of the value in slot `x`, as a scalar: each holder adds up its
/// shares (and MAC shares) (step 1).
pub(crate) fn sum_lanes<F: TinyField>(w: &mut World<F>, x: Slot, set: HolderSetId) -> Slot {
    let meta = w.store.meta(x);
    let valid = meta.valid & w.online_mask(set);
    let lane = w.lane_len(set);
    let mut out = w.store.buffer();
    out.resize(lane, F::ZERO);
    for xs in w.store.data(x).chunks(lane) {
        for (o, &v) in out.iter_mut().zip(xs) {
            *o += v;
        }
    }
    let z = w.store.insert(Holding::Shared(set), meta.depth, valid, out);
    record(w, set, z, LinearOp::SumLanes, &[x]);
    z
}

/// xᵢ ← f(xᵢ, yᵢ) in place, for `+=` and `-=` (step 1).
pub(crate) fn zip_in_place<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    y: Slot,
    set: HolderSetId,
    f: Combine,
) {
    let (mx, my) = (w.store.meta(x), w.store.meta(y));
    let valid = mx.valid & my.valid & w.online_mask(set);
    let (xs, ys) = w.store.data_pair_mut(x, y);
    let pairs = xs.iter_mut().zip(ys);
    match f {
        Combine::Add => pairs.for_each(|(a, &b)| *a += b),
        Combine::Sub => pairs.for_each(|(a, &b)| *a -= b),
    }
    w.store.set_meta(x, mx.depth.max(my.depth), valid);
    record(w, set, x, f.op(), &[x, y]);
}
