//! BitLT among XOR-shared bits, and the daBit that carries its answer back to the field.
//!
//! # The math
//!
//! The recurrence of [`super::bit_lt`], with ⊕ for + and ∧ for ×: after bit i,
//! ltᵢ = \[c mod 2<sup>i+1</sup> < r mod 2<sup>i+1</sup>\], where
//!
//! ltᵢ = rᵢ ∧ ltᵢ₋₁            if cᵢ = 1,
//! ltᵢ = rᵢ ⊕ ltᵢ₋₁ ⊕ (rᵢ ∧ ltᵢ₋₁)  if cᵢ = 0  (rᵢ or ltᵢ₋₁),
//!
//! from lt₀ = ¬c₀ ∧ r₀. The dealer built an AND triple on each rᵢ (bᵢ and \[rᵢ ∧ bᵢ\], see
//! [`crate::dealer::edabits`]), so with e = ltᵢ₋₁ ⊕ bᵢ opened,
//!
//! rᵢ ∧ ltᵢ₋₁ = rᵢ ∧ (e ⊕ bᵢ) = (rᵢ ∧ bᵢ) ⊕ e·rᵢ.
//!
//! The answer u is a binary bit; the field needs it as 0 or 1. With a daBit β (the same
//! random bit in both worlds) and v = u ⊕ β opened, u = v + β − 2vβ: β when v = 0 and
//! 1 − β when v = 1, a public choice.
//!
//! # Protocol
//!
//! 1. lt ← r₀ where c₀ = 0, and 0 where c₀ = 1 (local).
//! 2. For i = 1, …, m − 1: open e = lt ⊕ bᵢ (one round, every lane at once);
//!    t ← (rᵢ ∧ bᵢ) ⊕ e·rᵢ; lt ← t where cᵢ = 1, rᵢ ⊕ lt ⊕ t where cᵢ = 0 (local).
//! 3. Open v = lt ⊕ β (one round); \[u\] = \[β\] where v = 0, 1 − \[β\] where v = 1 (local,
//!    in the field).
//!
//! m rounds, m − 1 AND triples and one daBit per lane; every message carries one bit per
//! lane.
//!
//! # Security note
//!
//! e is lt masked by the fresh random bit bᵢ, and v is u masked by β: both are uniform
//! whatever the secrets. The MACs of the opened bits are checked with the field's, before
//! any output.
//!
//! # References
//!
//! - O. Catrina, S. de Hoogh, *Improved Primitives for Secure Multiparty Integer
//!   Computation*, SCN 2010, §3 (BitLT).
//! - D. Escudero et al., *Improved Primitives for MPC over Mixed Arithmetic-Binary
//!   Circuits*, eprint 2020/338 (edaBits, and the comparison built on them).

use std::panic::Location;

use crate::error::Result;
use crate::field::TinyField;
use crate::handle::Handle;
use crate::ledger::Costs;
use crate::protocols::binary::{open_bits, xor};
use crate::protocols::mac_check;
use crate::tape::{self, Instr};
use crate::view::Step;
use crate::world::preprocessed::EdaBits;

/// [c < r] in the field, for public c (one per lane) and r dealt as `eda` (steps 1–3).
/// `beta` is the daBit's field half.
pub(crate) fn bit_lt_binary<F: TinyField>(
    c: &[u128],
    eda: &EdaBits,
    beta: &Handle<F>,
    at: &'static Location<'static>,
) -> Result<Handle<F>> {
    let mut w = beta.sim.world.borrow_mut();
    let set = beta.holders;
    let width = w.lane_len(set);
    let c_bit = |j: usize, i: usize| c[j] >> i & 1 == 1;
    let mut costs = Costs::default();
    let (first_about, serial) = (w.store.next_number(), w.unchecked_bits.next_serial());
    w.record(|| {
        Instr::BitLessThan(tape::BitLessThan {
            set,
            c: c.to_vec(),
            m: eda.r.len() as u32,
            first_bit: eda.first_bit,
            first_about,
            serial,
        })
    });
    // Step 1: lt = ¬c₀ ∧ r₀.
    let mut lt = eda.r[0].clone();
    for (j, lane) in lt.chunks_exact_mut(width).enumerate() {
        if c_bit(j, 0) {
            lane.fill(0);
        }
    }
    // Step 2: one AND per bit, every lane at once.
    for (i, [b, rb]) in eda.and.iter().enumerate() {
        let (i, r) = (i + 1, &eda.r[i + 1]);
        let about = w.store.take_numbers(1);
        let (e, cost) = open_bits(&mut w, set, (Step::BitAndE, about), &xor(&lt, b))?;
        costs += cost;
        for (j, lt) in lt.chunks_exact_mut(width).enumerate() {
            let (r, rb) = (&r[j * width..][..width], &rb[j * width..][..width]);
            for ((lt, &r), &rb) in lt.iter_mut().zip(r).zip(rb) {
                let t = rb ^ (e[j] * r);
                *lt = if c_bit(j, i) { t } else { r ^ *lt ^ t };
            }
        }
    }
    // Step 3: v = lt ⊕ β, opened; then u = β or 1 − β.
    let about = w.store.take_numbers(1);
    let (v, cost) = open_bits(&mut w, set, (Step::BitConvert, about), &xor(&lt, &eda.beta))?;
    costs += cost;
    w.charge_extra(at, costs);
    mac_check::check_if_full(&mut w, at);
    drop(w);
    let s: Vec<F> = v.iter().map(|&v| F::ONE - F::from(2 * v)).collect();
    let k: Vec<F> = v.iter().map(|&v| F::from(v)).collect();
    Ok(beta.affine(&s, &k))
}
