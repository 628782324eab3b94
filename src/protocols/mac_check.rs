//! The MAC check: before anything is output, the holders verify that every value opened
//! since the last check was opened honestly, without revealing the MAC key α.
//!
//! # The math
//!
//! Every shared value x carries MAC shares m₁, …, mₙ with
//!
//! m₁ + m₂ + … + mₙ = α·x
//!
//! under a global key α = α₁ + … + αₙ that no machine knows. The relation is linear, so it
//! survives additions and public constants (x + c gets MAC shares mᵢ + αᵢ·c). When x is
//! opened as a possibly wrong value x′, each holder computes σᵢ = mᵢ − αᵢ·x′, and
//!
//! σ₁ + … + σₙ = α·x − α·x′ = α·(x − x′),
//!
//! which is zero exactly when x′ = x (or α = 0). Many openings a₁, …, aₖ are checked at
//! once with public random coefficients r₁, …, rₖ: with a = Σ rⱼ·aⱼ and γᵢ = Σ rⱼ·mⱼᵢ,
//! σᵢ = γᵢ − αᵢ·a. A cheat goes unnoticed with probability about 2/p.
//!
//! # Protocol (MACCheck, Damgård et al. 2012/642, fig. 10)
//!
//! 1. The holders draw public random coefficients r₁, …, rₖ together.
//! 2. Each holder computes a = Σ rⱼ·aⱼ (all holders know the opened aⱼ).
//! 3. Each holder i computes γᵢ = Σ rⱼ·mⱼᵢ and σᵢ = γᵢ − αᵢ·a.
//! 4. Each holder commits to σᵢ and sends the commitment to the others.
//! 5. Each holder opens its commitment, revealing σᵢ.
//! 6. Everyone checks σ₁ + … + σₙ = 0; if not, they abort and output nothing.
//!
//! Three rounds per check, however many values it covers.
//!
//! # Dropouts
//!
//! Only the holders that answered in an opening hold valid MAC shares of what was opened,
//! so only they can check it (`src/world/unchecked.rs` groups the openings into checks).
//! A check covers every group that enough of its holders are online to check. The others
//! stay pending, and an output is refused with [`crate::Error::NotEnoughOnline`] until the
//! missing machines return; the next check then covers them, so a cheat made before a
//! dropout is still caught after it. A failed group aborts the simulation whatever the
//! other groups' state: [`crate::Error::MacCheckFailed`] takes precedence.
//!
//! # Security note
//!
//! The coin toss of step 1 is simulated by the simulation's generator. The commitment of
//! step 4 is simulated too: the view shows σᵢ hidden by a fresh random pad (standing in
//! for a hash commitment), and the simulation itself guarantees that the value opened in
//! step 5 is the one committed to. α is never revealed, so one key serves the whole
//! computation. After a failed check the simulation aborts: every later opening, output
//! and use of preprocessing is refused with the same error. The check says *that* somebody cheated, not who; the error names
//! the machines the simulation was told misbehave ([`crate::Adversary`]).
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535.
//! - Damgård, Keller, Larraia, Pastro, Scholl, Smart, *Practical Covertly Secure MPC for
//!   Dishonest Majority — or: Breaking the SPDZ Limits*, eprint 2012/642, §4 (MACCheck).

use std::panic::Location;

use rand::RngExt;

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::field::gf2_64::Times;
use crate::ledger::Costs;
use crate::store::HolderSetId;
use crate::view::Step;
use crate::world::World;
use crate::world::unchecked::{self, Group, Plan, Unchecked};

/// Refuses any opening, output or use of preprocessing once a check has failed: the
/// protocol has aborted.
pub(crate) fn refuse_if_aborted<F>(w: &World<F>) -> Result<()> {
    match &w.aborted {
        Some(e) => Err(e.clone()),
        None => Ok(()),
    }
}

/// Runs the MAC check over everything opened and not yet checked (steps 1–6), for every
/// group of openings that enough of its holders are online to check.
///
/// # Errors
///
/// [`Error::MacCheckFailed`] when some opened value was not what its MACs say; the
/// simulation then refuses every later opening and output too. Otherwise
/// [`Error::NotEnoughOnline`] when some openings could not be checked for want of
/// holders; they stay pending for the next check.
pub(crate) fn check<F: TinyField>(w: &mut World<F>, at: &'static Location<'static>) -> Result<()> {
    refuse_if_aborted(w)?;
    if w.unchecked.is_empty() && w.unchecked_bits.is_empty() {
        return Ok(());
    }
    let (mut field, mut bits) = (
        std::mem::take(&mut w.unchecked),
        std::mem::take(&mut w.unchecked_bits),
    );
    let can = |set: HolderSetId| {
        let n = w.holder_sets.get(set).len();
        (w.online_mask(set), w.holder_sets.scheme(set).needed(n))
    };
    let (field_plan, bit_plan) = (field.plan(can), bits.plan(can));
    let mut costs = Costs::default();
    if !field_plan.groups.is_empty() || !bit_plan.groups.is_empty() {
        costs += Costs {
            mac_checks: 1,
            rounds: 3,
            ..Costs::default()
        };
    }
    let mut failed = Vec::new();
    for group in &field_plan.groups {
        if !check_field(w, &field, group, &mut costs) {
            failed.extend(group.runs.iter().map(|&k| *field.run(k)));
        }
    }
    for group in &bit_plan.groups {
        if !check_bits(w, &bits, group, &mut costs) {
            failed.extend(group.runs.iter().map(|&k| *bits.run(k)));
        }
    }
    w.charge_extra(at, costs);
    if !failed.is_empty() {
        field.retain(&[]);
        bits.retain(&[]);
        (w.unchecked, w.unchecked_bits) = (field, bits); // keep the buffers
        return Err(abort(w, &failed));
    }
    let short =
        waiting_error(w, &field, &field_plan).or_else(|| waiting_error(w, &bits, &bit_plan));
    field.retain(&field_plan.waiting);
    bits.retain(&bit_plan.waiting);
    (w.unchecked, w.unchecked_bits) = (field, bits);
    match short {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Runs the check on its own when too many openings wait, field or binary (the bounded
/// buffers); Beaver multiplication and the binary comparison, which open the most, call
/// it after their openings. A failed check aborts the simulation, and every later output
/// returns its error; openings that too few holders are online to check stay pending, for
/// the next output or check.
pub(crate) fn check_if_full<F: TinyField>(w: &mut World<F>, at: &'static Location<'static>) {
    if w.unchecked.is_full() || w.unchecked_bits.is_full() {
        let _ = check(w, at);
    }
}

/// Aborts the simulation after a failed check of `failed`, naming the suspects.
fn abort<F: TinyField>(w: &mut World<F>, failed: &[unchecked::OpenedTogether]) -> Error {
    let (openings, kinds, values) = unchecked::describe(failed);
    let mut told = w.adversary.cheaters.clone();
    told.sort();
    told.dedup();
    let mut suspects = w.names(&told);
    if w.adversary.dealer_cheats {
        suspects.push("dealer".to_string());
    }
    let error = Error::MacCheckFailed {
        openings,
        kinds,
        values,
        suspects,
    };
    w.aborted = Some(error.clone());
    error
}

/// The error for the first of the openings that wait for want of holders, if any.
fn waiting_error<F: TinyField, V: Copy + 'static>(
    w: &World<F>,
    pending: &Unchecked<V>,
    plan: &Plan,
) -> Option<Error> {
    let first = *pending.run(*plan.waiting.first()?);
    let alike: Vec<&unchecked::OpenedTogether> = (plan.waiting.iter().map(|&k| pending.run(k)))
        .filter(|r| r.set == first.set && r.answered == first.answered)
        .collect();
    let (count, _, values) = unchecked::describe(alike);
    let more = count.saturating_sub(values.len());
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let noun = if count == 1 { "opening" } else { "openings" };
    let what = format!(
        "the MAC check of {count} {noun} still waiting ({}{tail}), which only the holders that \
         answered in them can run",
        values.join(", ")
    );
    Some(w.not_enough(first.set, first.answered, what))
}

/// Steps 1–6 for one group of field openings. Returns whether the σᵢ reconstruct to zero.
fn check_field<F: TinyField>(
    w: &mut World<F>,
    pending: &Unchecked<F>,
    group: &Group,
    costs: &mut Costs,
) -> bool {
    let (set, n) = (group.set, w.holder_sets.get(group.set).len());
    let positions: Vec<usize> = (0..n).filter(|k| group.checkers >> k & 1 == 1).collect();
    // Steps 1–3 in one pass: a public random rⱼ per opened value, a = Σ rⱼ·aⱼ, and
    // σᵢ = Σ rⱼ·mⱼᵢ − αᵢ·a for each checking holder i.
    let mut a = F::ZERO;
    let mut sigma = vec![F::ZERO; positions.len()];
    for (value, macs) in pending.values_of(group) {
        let rj = F::random(&mut w.rng);
        a += rj * value;
        for (s, &i) in sigma.iter_mut().zip(&positions) {
            *s += rj * macs[i];
        }
    }
    let alphas = w.keys.shares(set);
    for (s, &i) in sigma.iter_mut().zip(&positions) {
        *s -= alphas[i] * a;
    }
    // Steps 4 and 5: commit to σᵢ, then open it.
    *costs += commit_and_reveal(w, set, &positions, &sigma);
    // Step 6: the σᵢ must reconstruct to zero (add up to zero, for additive sharing).
    w.holder_sets.scheme(set).reconstruct(&positions, &sigma) == F::ZERO
}

/// Steps 4 and 5 for one group: each checking holder commits to its σᵢ, then opens
/// it. Returns the messages' costs.
fn commit_and_reveal<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    positions: &[usize],
    sigma: &[F],
) -> Costs {
    let n = w.holder_sets.get(set).len();
    let pads: Vec<F> = sigma.iter().map(|_| F::random(&mut w.rng)).collect();
    for step in [Step::MacCommit, Step::MacReveal] {
        for ((&i, &s), &pad) in positions.iter().zip(sigma).zip(&pads) {
            let sent = if step == Step::MacCommit { s + pad } else { s };
            for k in (0..n).filter(|&k| k != i) {
                let (from, to) = (w.holder_sets.get(set)[i], w.holder_sets.get(set)[k]);
                w.deliver(to, from.0, step, 0, sent);
            }
        }
    }
    let links = (positions.len() * (n - 1)) as u64;
    Costs {
        messages: 2 * links,
        elements: 2 * links,
        mac_elements: 2 * links,
        ..Costs::default()
    }
}

/// Steps 1–6 for one group of bits, in GF(2⁶⁴): with one public random χ, each holder
/// computes σᵢ = Σⱼ χ^{k−j}·(mⱼᵢ ⊕ vⱼ·Δᵢ) over the k opened bits (Horner's rule), and the
/// σᵢ must XOR to zero. A wrong bit survives with probability about k/2⁶⁴. Binary sharing
/// is n-out-of-n, so every holder of the set checks. Returns whether they XOR to zero.
fn check_bits<F: TinyField>(
    w: &mut World<F>,
    bits: &Unchecked<u64>,
    group: &Group,
    costs: &mut Costs,
) -> bool {
    let (set, n) = (group.set, w.holder_sets.get(group.set).len());
    let positions: Vec<usize> = (0..n).collect();
    // Step 1: the public random χ.
    let times = Times::new(w.rng.random());
    // Steps 2–3, by Horner's rule: σᵢ ← σᵢ·χ ⊕ mⱼᵢ ⊕ vⱼ·Δᵢ.
    let keys = w.keys.bit_shares(set);
    let mut sigma = vec![0u64; n];
    for (v, macs) in bits.values_of(group) {
        for ((s, &m), &key) in sigma.iter_mut().zip(macs).zip(keys) {
            *s = times.apply(*s) ^ m ^ (v * key);
        }
    }
    // Steps 4–5, then step 6: the σᵢ XOR to zero.
    let sent: Vec<F> = sigma.iter().map(|&s| F::from(s)).collect();
    *costs += commit_and_reveal(w, set, &positions, &sent);
    sigma.iter().fold(0, |acc, s| acc ^ s) == 0
}
