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
//! 1. The holders draw public random coefficients r₁, …, rₖ together, by a commit-then-
//!    reveal coin toss ([`crate::protocols::coin_toss`]: two rounds).
//! 2. Each holder computes a = Σ rⱼ·aⱼ (all holders know the opened aⱼ).
//! 3. Each holder i computes γᵢ = Σ rⱼ·mⱼᵢ and σᵢ = γᵢ − αᵢ·a.
//! 4. Each holder commits to σᵢ with a SHA-256 hash commitment and sends the commitment to
//!    the others ([`crate::protocols::commitment`]).
//! 5. Once it has every commitment, each holder opens its own, revealing σᵢ and its nonce;
//!    every holder verifies every opening.
//! 6. Everyone checks σ₁ + … + σₙ = 0; if not, they abort and output nothing.
//!
//! Four rounds per check, however many values it covers. Why step 4 comes before step 5:
//! a holder that saw the others' σᵢ first could reveal σ = −Σ of theirs, and the sum would
//! be zero whatever it tampered with ([`crate::Adversary::rushes_mac_check`]). Committed
//! first, its σᵢ is fixed before it learns anything.
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
//! The coin toss and the commitments are real: SHA-256 over fresh nonces, verified by
//! every holder, with a holder that withholds an opening or opens something else named in
//! [`crate::Error::BrokenCommitment`]. The simulation still provides consistent broadcast
//! and draws every holder's nonces and seeds from its one seeded generator. α is never
//! revealed, so one key serves the whole computation. After a failed check the simulation
//! aborts: every later opening, output and use of preprocessing is refused with the same
//! error. A failed sum says *that* somebody cheated, not who; the error names the machines
//! the simulation was told misbehave ([`crate::Adversary`]). Under the unsafe
//! [`crate::SimulationBuilder::mac_check_without_commitments`] steps 4 and the coin toss's
//! commit are skipped (two rounds), for the lesson of the rushing attack.
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535.
//! - Damgård, Keller, Larraia, Pastro, Scholl, Smart, *Practical Covertly Secure MPC for
//!   Dishonest Majority — or: Breaking the SPDZ Limits*, eprint 2012/642, §4 (MACCheck).

use std::panic::Location;

use rand::RngExt;

use super::coin_toss;
use super::commitment::{Committed, Round};
use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::field::gf2_64::Times;
use crate::ledger::Costs;
use crate::store::HolderSetId;
use crate::tape::{self, Instr};
use crate::view::Bytes32;
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
/// [`Error::MacCheckFailed`] when some opened value was not what its MACs say, and
/// [`Error::BrokenCommitment`] when a holder withheld an opening or opened something it
/// had not committed to; the simulation then refuses every later opening and output too.
/// Otherwise
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
            rounds: if w.commitments { 4 } else { 2 },
            ..Costs::default()
        };
    }
    let mut failed = Vec::new();
    let mut check_all = || -> Result<()> {
        for group in &field_plan.groups {
            if !check_field(w, &field, group, &mut costs)? {
                failed.extend(group.runs.iter().map(|&k| *field.run(k)));
            }
        }
        for group in &bit_plan.groups {
            if !check_bits(w, &bits, group, &mut costs)? {
                failed.extend(group.runs.iter().map(|&k| *bits.run(k)));
            }
        }
        Ok(())
    };
    let outcome = check_all();
    w.charge_extra(at, costs);
    if outcome.is_err() || !failed.is_empty() {
        field.retain(&[]);
        bits.retain(&[]);
        (w.unchecked, w.unchecked_bits) = (field, bits); // keep the buffers
        outcome?; // a broken commitment names its machine and has aborted already
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
) -> Result<bool> {
    let (set, n) = (group.set, w.holder_sets.get(group.set).len());
    let positions: Vec<usize> = (0..n).filter(|k| group.checkers >> k & 1 == 1).collect();
    // Step 1: the public random rⱼ come from a coin toss among the checking holders.
    let (seeds, nonces) = coin_toss::draw(w, positions.len());
    let online = w.online_mask(set);
    w.record(|| {
        Instr::MacCheck(tape::MacCheck {
            set,
            positions: positions.clone(),
            online,
            runs: group.runs.iter().map(|&k| pending.run(k).serial).collect(),
            seeds: seeds.clone(),
            nonces: nonces.clone(),
        })
    });
    let mut coins = coin_toss::toss(w, set, &positions, &seeds, costs)?;
    // Steps 2–3 in one pass: a = Σ rⱼ·aⱼ, and σᵢ = Σ rⱼ·mⱼᵢ − αᵢ·a for each checker i.
    let mut a = F::ZERO;
    let mut sigma = vec![F::ZERO; positions.len()];
    for (value, macs) in pending.values_of(group) {
        let rj = F::random(&mut coins);
        a += rj * value;
        for (s, &i) in sigma.iter_mut().zip(&positions) {
            *s += rj * macs[i];
        }
    }
    let alphas = w.keys.shares(set);
    for (s, &i) in sigma.iter_mut().zip(&positions) {
        *s -= alphas[i] * a;
    }
    // Steps 4 and 5: commit to σᵢ, then open it. A rushing holder k reveals the σₖ that
    // makes the σᵢ reconstruct to zero: −(Σ_{i≠k} λᵢσᵢ)/λₖ (λᵢ = 1 when additive).
    let scheme = w.holder_sets.scheme(set);
    let reconstruct = |s: &[F]| scheme.reconstruct(&positions, s);
    let rush = |sigma: &[F], k: usize| {
        let mut others = sigma.to_vec();
        others[k] = F::ZERO;
        let mut unit = vec![F::ZERO; sigma.len()];
        unit[k] = F::ONE;
        let weight = reconstruct(&unit).invert().unwrap_or(F::ZERO);
        -reconstruct(&others) * weight
    };
    let revealed = reveal(w, (set, &positions), (&sigma, &nonces), |s| s, rush, costs)?;
    // Step 6: the σᵢ must reconstruct to zero (add up to zero, for additive sharing).
    Ok(reconstruct(&revealed) == F::ZERO)
}

/// Steps 4 and 5 for one group: each checking holder commits to its σᵢ with a fresh
/// nonce, then opens it ([`crate::protocols::commitment`]). Returns the σᵢ as revealed.
fn reveal<F: TinyField, V: Committed>(
    w: &mut World<F>,
    (set, positions): (HolderSetId, &[usize]),
    (sigma, nonces): (&[V], &[Bytes32]),
    wire: impl Fn(V) -> F,
    rush: impl Fn(&[V], usize) -> V,
    costs: &mut Costs,
) -> Result<Vec<V>> {
    let committed = sigma.iter().copied().zip(nonces.iter().copied()).collect();
    let round = Round::sigma(set, positions);
    let revealed = round.run(w, committed, wire, rush, costs)?;
    Ok(revealed.into_iter().map(|(s, _)| s).collect())
}

/// Steps 1–6 for one group of bits, in GF(2⁶⁴): with one public random χ, each holder
/// computes σᵢ = Σⱼ χ<sup>k−j</sup>·(mⱼᵢ ⊕ vⱼ·Δᵢ) over the k opened bits (Horner's rule), and the
/// σᵢ must XOR to zero. A wrong bit survives with probability about k/2⁶⁴. Binary sharing
/// is n-out-of-n, so every holder of the set checks. Returns whether they XOR to zero.
fn check_bits<F: TinyField>(
    w: &mut World<F>,
    bits: &Unchecked<u64>,
    group: &Group,
    costs: &mut Costs,
) -> Result<bool> {
    let (set, n) = (group.set, w.holder_sets.get(group.set).len());
    let positions: Vec<usize> = (0..n).collect();
    // Step 1: the public random χ, from a coin toss.
    let (seeds, nonces) = coin_toss::draw(w, n);
    let online = w.online_mask(set);
    w.record(|| {
        Instr::BitMacCheck(tape::BitMacCheck {
            set,
            online,
            runs: group.runs.iter().map(|&k| bits.run(k).serial).collect(),
            seeds: seeds.clone(),
            nonces: nonces.clone(),
        })
    });
    let times = Times::new(coin_toss::toss(w, set, &positions, &seeds, costs)?.random());
    // Steps 2–3, by Horner's rule: σᵢ ← σᵢ·χ ⊕ mⱼᵢ ⊕ vⱼ·Δᵢ.
    let keys = w.keys.bit_shares(set);
    let mut sigma = vec![0u64; n];
    for (v, macs) in bits.values_of(group) {
        for ((s, &m), &key) in sigma.iter_mut().zip(macs).zip(keys) {
            *s = times.apply(*s) ^ m ^ (v * key);
        }
    }
    // Steps 4–5 (a rushing holder reveals the XOR of the others), then step 6.
    let xor = |sigma: &[u64]| sigma.iter().fold(0, |acc, s| acc ^ s);
    let rush = |sigma: &[u64], k: usize| xor(sigma) ^ sigma[k];
    let revealed = reveal(
        w,
        (set, &positions),
        (&sigma, &nonces),
        F::from,
        rush,
        costs,
    )?;
    Ok(xor(&revealed) == 0)
}
