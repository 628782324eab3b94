//! The replay of the MAC checks, field and binary: the coin toss (commit to a seed,
//! reveal it), σᵢ from the coefficients, then the commitment to σᵢ and its opening. M
//! stops where an honest holder aborts: an opening withheld, or one that does not match
//! its commitment.

use rand::RngExt;

use super::report::Payload;
use super::steps::{Local, bytes};
use crate::field::TinyField;
use crate::field::gf2_64::Times;
use crate::protocols::{coin_toss, commitment};
use crate::store::{HolderSetId, MachineId};
use crate::tape;
use crate::view::{Bytes32, Step};

/// Whether the replay goes on (`Ok(false)` once an inconsistency is found).
type Going = Result<bool, String>;

/// One check as M takes part in it: the set, the checking positions, M's place among
/// them, who receives, and M's seed and nonce.
struct Check<'a> {
    set: HolderSetId,
    positions: &'a [usize],
    p: usize,
    others: Vec<MachineId>,
    seed: Bytes32,
    nonce: Bytes32,
}

/// What the coin toss leaves M with.
enum Toss {
    /// M sent something else than its seed or its commitment: the inconsistency.
    Wrong,
    /// Another holder withheld or broke its commitment: M aborts with the others.
    Aborted,
    /// Every checker's seed, in the holders' order: the coefficients' stream comes from
    /// them.
    Seeds(Vec<Bytes32>),
}

impl<F: TinyField> Local<'_, F> {
    /// The field check: σᵢ = Σ rⱼ·mⱼᵢ − αᵢ·Σ rⱼ·aⱼ over the runs' openings.
    pub(super) fn mac_check(&mut self, instr: &tape::MacCheck) -> Going {
        let tape::MacCheck {
            set,
            positions,
            online,
            runs,
            seeds,
            nonces,
        } = instr;
        let Some(check) = self.check(*set, positions, *online, (seeds, nonces)) else {
            return Ok(true);
        };
        let mut coins = match self.toss(&check) {
            Toss::Wrong => return Ok(false),
            Toss::Aborted => return Ok(true),
            Toss::Seeds(all) => coin_toss::stream(&all),
        };
        let (mut a, mut gamma) = (F::ZERO, F::ZERO);
        for serial in runs {
            let run = self.runs.remove(serial);
            for (v, m) in run.ok_or("it lost track of an opening")? {
                let r = F::random(&mut coins);
                a += r * v;
                gamma += r * m;
            }
        }
        let sigma = gamma - self.alpha(*set) * a;
        let i = positions[check.p];
        let committed = commitment::to_sigma(i, &check.nonce, sigma);
        Ok(self.reveal(&check, sigma, committed))
    }

    /// The binary check, in GF(2⁶⁴): σᵢ = Σⱼ χ<sup>k−j</sup>·(mⱼᵢ ⊕ vⱼ·Δᵢ) by Horner's rule.
    pub(super) fn bit_mac_check(&mut self, instr: &tape::BitMacCheck) -> Going {
        let tape::BitMacCheck {
            set,
            online,
            runs,
            seeds,
            nonces,
        } = instr;
        let positions: Vec<usize> = (0..self.w.holder_sets.get(*set).len()).collect();
        let Some(check) = self.check(*set, &positions, *online, (seeds, nonces)) else {
            return Ok(true);
        };
        let times = match self.toss(&check) {
            Toss::Wrong => return Ok(false),
            Toss::Aborted => return Ok(true),
            Toss::Seeds(all) => Times::new(coin_toss::stream(&all).random()),
        };
        let key = self.bit_keys.get(set).copied().unwrap_or(0);
        let mut sigma = 0u64;
        for serial in runs {
            let run = self.bit_runs.remove(serial);
            for (v, m) in run.ok_or("it lost track of a binary opening")? {
                sigma = times.apply(sigma) ^ m ^ (v * key);
            }
        }
        let committed = commitment::to_bit_sigma(positions[check.p], &check.nonce, sigma);
        Ok(self.reveal(&check, F::from(sigma), committed))
    }

    /// M's part in a check among `positions` of `set`, if it checks.
    fn check<'a>(
        &self,
        set: HolderSetId,
        positions: &'a [usize],
        online: u128,
        (seeds, nonces): (&[Bytes32], &[Bytes32]),
    ) -> Option<Check<'a>> {
        let i = self.position(set)?;
        let p = positions.iter().position(|&k| k == i)?;
        Some(Check {
            set,
            positions,
            p,
            others: self.others(set, online),
            seed: seeds[p],
            nonce: nonces[p],
        })
    }

    /// The coin toss: M's commitment and seed, then the others'.
    fn toss(&mut self, check: &Check<'_>) -> Toss {
        let i = check.positions[check.p];
        if self.w.commitments {
            let c = commitment::to_seed(i, &check.seed);
            if !self.send(&check.others, (Step::CoinCommit, 0), bytes(c)) {
                return Toss::Wrong;
            }
        }
        if !self.send(&check.others, (Step::CoinReveal, 0), bytes(check.seed)) {
            return Toss::Wrong;
        }
        match self.seeds(check) {
            Some(all) => Toss::Seeds(all),
            None => Toss::Aborted,
        }
    }

    /// The coin toss's seeds in the holders' order, M's own in its place; `None` when
    /// another holder withheld its seed or revealed one that does not open its
    /// commitment.
    fn seeds(&mut self, check: &Check<'_>) -> Option<Vec<Bytes32>> {
        let holders = self.w.holder_sets.get(check.set).to_vec();
        let mut all = Vec::with_capacity(check.positions.len());
        for (q, &k) in check.positions.iter().enumerate() {
            if q == check.p {
                all.push(check.seed);
                continue;
            }
            let from = holders[k].0;
            let committed = match self.w.commitments {
                true => Some(self.receive(from, (Step::CoinCommit, 0), None)?.bytes?),
                false => None,
            };
            let seed = self.receive(from, (Step::CoinReveal, 0), None)?.bytes?;
            if committed.is_some_and(|c| c != commitment::to_seed(k, &seed)) {
                return None;
            }
            all.push(seed);
        }
        Some(all)
    }

    /// M's commitment to σᵢ (`committed`) and its opening, then the others' (which the
    /// simulation checks). Whether M sent both as computed.
    fn reveal(&mut self, check: &Check<'_>, sigma: F, committed: Bytes32) -> bool {
        let with_commitments = self.w.commitments;
        if with_commitments && !self.send(&check.others, (Step::MacCommit, 0), bytes(committed)) {
            return false;
        }
        let reveal = Payload {
            value: sigma,
            bytes: with_commitments.then_some(check.nonce),
        };
        if !self.send(&check.others, (Step::MacReveal, 0), reveal) {
            return false;
        }
        let holders = self.w.holder_sets.get(check.set).to_vec();
        for (q, &k) in check.positions.iter().enumerate() {
            if q != check.p {
                if with_commitments {
                    self.receive(holders[k].0, (Step::MacCommit, 0), None);
                }
                self.receive(holders[k].0, (Step::MacReveal, 0), None);
            }
        }
        true
    }
}
