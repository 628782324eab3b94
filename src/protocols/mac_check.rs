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
//! # Security note
//!
//! The coin toss of step 1 is simulated by the simulation's generator. The commitment of
//! step 4 is simulated too: the view shows σᵢ hidden by a fresh random pad (standing in
//! for a hash commitment), and the simulation itself guarantees that the value opened in
//! step 5 is the one committed to. α is never revealed, so one key serves the whole
//! computation. After a failed check the simulation aborts: every later output is refused
//! with the same error. The check says *that* somebody cheated, not who; the error names
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
use crate::simulation::World;
use crate::store::HolderSetId;
use crate::view::Step;

/// How many openings may wait for a check before one runs on its own, which keeps memory
/// bounded in long computations without outputs.
pub(crate) const MAX_PENDING: usize = 1 << 14;

/// Consecutive values opened together (a scalar, or every lane of a vector), waiting for
/// the MAC check.
#[derive(Debug, Clone, Copy)]
struct Run {
    set: HolderSetId,
    about: u64,
    step: Step,
    /// Which holders answered in the opening (bit k for the k-th).
    answered: u128,
    /// How many values, stored one after another in [`Pending::values`].
    len: usize,
    /// How many MAC shares each value has in [`Pending::macs`] (one per holder).
    holders: usize,
}

/// Values opened since the last check, with each holder's MAC share of them: for every
/// value in order, its holders' MAC shares one after another in [`Pending::macs`].
#[derive(Debug)]
pub(crate) struct Pending<F> {
    runs: Vec<Run>,
    values: Vec<F>,
    macs: Vec<F>,
}

impl<F> Default for Pending<F> {
    fn default() -> Self {
        Pending {
            runs: Vec::new(),
            values: Vec::new(),
            macs: Vec::new(),
        }
    }
}

impl<F: Copy + 'static> Pending<F> {
    /// Records that `values` were opened together, with the holders' MAC shares of each
    /// (all of the first value's, then all of the second's, …).
    pub fn push<'a>(
        &mut self,
        set: HolderSetId,
        tag: (Step, u64),
        answered: u128,
        values: &[F],
        macs: impl Iterator<Item = &'a [F]>,
    ) {
        let mut holders = 0;
        for m in macs {
            holders = m.len();
            self.push_macs(m);
        }
        self.close_run(set, tag, answered, values, holders);
    }

    /// Puts aside one opened value's MAC shares (one per holder), before
    /// [`close_run`](Self::close_run) records the values they belong to.
    #[inline]
    pub fn push_macs(&mut self, macs: &[F]) {
        self.macs.extend_from_slice(macs);
    }

    /// Records that `values` were opened together, their MAC shares (`holders` per value)
    /// pushed already by [`push_macs`](Self::push_macs).
    pub fn close_run(
        &mut self,
        set: HolderSetId,
        (step, about): (Step, u64),
        answered: u128,
        values: &[F],
        holders: usize,
    ) {
        self.values.extend_from_slice(values);
        self.runs.push(Run {
            set,
            about,
            step,
            answered,
            len: values.len(),
            holders,
        });
    }

    /// Forgets everything, keeping the buffers.
    fn clear(&mut self) {
        self.runs.clear();
        self.values.clear();
        self.macs.clear();
    }

    /// How many opened values wait for a check.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Every run with its values and their MAC shares (one per holder per value).
    fn runs(&self) -> impl Iterator<Item = (&Run, &[F], &[F])> {
        let (mut value, mut mac) = (0, 0);
        self.runs.iter().map(move |run| {
            let n = run.holders;
            let values = &self.values[value..value + run.len];
            let macs = &self.macs[mac..mac + n * run.len];
            (value, mac) = (value + run.len, mac + n * run.len);
            (run, values, macs)
        })
    }

    /// The holder sets with openings waiting, each once (in order), with the holders that
    /// answered every one of its openings.
    fn sets(&self) -> Vec<(HolderSetId, u128)> {
        let mut sets: Vec<(HolderSetId, u128)> = Vec::new();
        for run in &self.runs {
            match sets.iter_mut().find(|(set, _)| *set == run.set) {
                Some((_, answered)) => *answered &= run.answered,
                None => sets.push((run.set, run.answered)),
            }
        }
        sets.sort_by_key(|(set, _)| set.0);
        sets
    }

    /// One holder set's openings: their values and MAC shares, run by run.
    fn batch(&self, set: HolderSetId) -> impl Iterator<Item = (&[F], &[F])> {
        self.runs()
            .filter(move |(run, ..)| run.set == set)
            .map(|(_, values, macs)| (values, macs))
    }
}

/// Refuses any output once a check has failed: the protocol has aborted.
pub(crate) fn refuse_if_aborted<F>(w: &World<F>) -> Result<()> {
    match &w.aborted {
        Some(e) => Err(e.clone()),
        None => Ok(()),
    }
}

/// Runs the MAC check over everything opened since the last one (steps 1–6).
///
/// # Errors
///
/// [`Error::MacCheckFailed`] when some opened value was not what its MACs say; the
/// simulation then refuses every later output too.
pub(crate) fn check<F: TinyField>(w: &mut World<F>, at: &'static Location<'static>) -> Result<()> {
    refuse_if_aborted(w)?;
    if w.pending.runs.is_empty() && w.bit_pending.runs.is_empty() {
        return Ok(());
    }
    let pending = std::mem::take(&mut w.pending);
    let mut costs = Costs {
        mac_checks: 1,
        rounds: 3,
        ..Costs::default()
    };
    let mut failed = false;
    let mut short = None;
    for (set, answered) in pending.sets() {
        let n = w.holder_sets.get(set).len();
        // The holders that answered every opening of the batch and are still online.
        let positions = match w.answering_for(set, answered, 0) {
            Ok(positions) => positions,
            Err(e) => {
                short = Some(e);
                continue;
            }
        };

        // Steps 1–3 in one pass: a public random rⱼ per opened value, a = Σ rⱼ·aⱼ, and
        // σᵢ = Σ rⱼ·mⱼᵢ − αᵢ·a for each answering holder i.
        let mut a = F::ZERO;
        let mut sigma = vec![F::ZERO; positions.len()];
        let answering: &[usize] = &positions;
        for (values, macs) in pending.batch(set) {
            for (&value, macs) in values.iter().zip(macs.chunks_exact(n)) {
                let rj = F::random(&mut w.rng);
                a += rj * value;
                for (s, &i) in sigma.iter_mut().zip(answering) {
                    *s += rj * macs[i];
                }
            }
        }
        let alphas = w.dealer.key_shares(set);
        for (s, &i) in sigma.iter_mut().zip(positions.iter()) {
            *s -= alphas[i] * a;
        }
        // Steps 4 and 5: commit to σᵢ, then open it.
        costs += commit_and_reveal(w, set, &positions, &sigma);
        // Step 6: the σᵢ must reconstruct to zero (add up to zero, for additive sharing).
        failed |= w.holder_sets.scheme(set).reconstruct(&positions, &sigma) != F::ZERO;
    }
    let bits = std::mem::take(&mut w.bit_pending);
    if let Err(e) = check_bits(w, &bits, &mut costs, &mut failed) {
        short = Some(e);
    }
    w.charge_extra(at, costs);
    let values: Vec<String> = match failed {
        true => pending
            .runs
            .iter()
            .chain(&bits.runs)
            .map(|o| match o.len {
                1 => format!("{} of #{}", o.step, o.about),
                lanes => format!("{} of #{} ({lanes} lanes)", o.step, o.about),
            })
            .collect(),
        false => Vec::new(),
    };
    let mut pending = pending;
    pending.clear();
    w.pending = pending; // keep the buffers for the next batch
    let mut bits = bits;
    bits.clear();
    w.bit_pending = bits;
    if let Some(e) = short {
        return Err(e);
    }
    if !failed {
        return Ok(());
    }
    let mut told = w.adversary.cheaters.clone();
    told.sort();
    told.dedup();
    let mut suspects = w.names(&told);
    if w.adversary.dealer_cheats {
        suspects.push("dealer".to_string());
    }
    let error = Error::MacCheckFailed { values, suspects };
    w.aborted = Some(error.clone());
    Err(error)
}

/// Steps 4 and 5 for one holder set: each answering holder commits to its σᵢ, then opens
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

/// Steps 1–6 for the bits opened since the last check, in GF(2⁶⁴): with one public
/// random χ, each holder computes σᵢ = Σⱼ χ^{k−j}·(mⱼᵢ ⊕ vⱼ·Δᵢ) over the k opened bits
/// (Horner's rule), and the σᵢ must XOR to zero. A wrong bit survives with probability
/// about k/2⁶⁴. Sets `failed` when they do not.
fn check_bits<F: TinyField>(
    w: &mut World<F>,
    bits: &Pending<u64>,
    costs: &mut Costs,
    failed: &mut bool,
) -> Result<()> {
    for (set, answered) in bits.sets() {
        let n = w.holder_sets.get(set).len();
        let positions = w.answering_for(set, answered, 0)?;
        // Step 1: the public random χ.
        let times = Times::new(w.rng.random());
        // Steps 2–3, by Horner's rule: σᵢ ← σᵢ·χ ⊕ mⱼᵢ ⊕ vⱼ·Δᵢ.
        let keys = w.dealer.bit_key_shares(set);
        let mut sigma = vec![0u64; n];
        for (values, macs) in bits.batch(set) {
            for (&v, macs) in values.iter().zip(macs.chunks_exact(n)) {
                for ((s, &m), &key) in sigma.iter_mut().zip(macs).zip(keys) {
                    *s = times.apply(*s) ^ m ^ (v * key);
                }
            }
        }
        // Steps 4–5, then step 6: the σᵢ XOR to zero.
        let sent: Vec<F> = sigma.iter().map(|&s| F::from(s)).collect();
        *costs += commit_and_reveal(w, set, &positions, &sent);
        *failed |= sigma.iter().fold(0, |acc, s| acc ^ s) != 0;
    }
    Ok(())
}
