//! The replay of the binary domain: the edaBits the dealer deals, and BitLT among
//! XOR-shared bits with its openings (one bit per lane, 64 lanes to a word).

use num_traits::ToPrimitive;

use super::steps::{BitLane, Local, element};
use crate::field::TinyField;
use crate::store::HolderSetId;
use crate::tape;
use crate::view::Step;

/// Whether the replay goes on (`Ok(false)` once an inconsistency is found).
type Going = Result<bool, String>;

/// x ⊕ y lane by lane, bits and MAC shares alike.
fn xor(x: &[BitLane], y: &[BitLane]) -> Vec<BitLane> {
    x.iter()
        .zip(y)
        .map(|(&(a, m), &(b, n))| (a ^ b, m ^ n))
        .collect()
}

impl<F: TinyField> Local<'_, F> {
    /// A 64-bit word as it travels: an element, which holds it whole only in a field of
    /// more than 64 bits.
    fn word(&self, value: F) -> u64 {
        value.to_u128() as u64
    }

    /// The edaBits: the binary values rᵢ, bᵢ, cᵢ and β, then the field values r′, r″ and
    /// β, each as the dealer's messages.
    pub(super) fn eda_bits(&mut self, instr: &tape::EdaBits) -> Going {
        let &tape::EdaBits {
            set,
            m,
            numbers: (first_bit, first),
            lanes,
        } = instr;
        if self.position(set).is_none() {
            return Ok(true);
        }
        if F::modulus().to_f64().is_some_and(|p| p < 2f64.powi(64)) {
            return Err(format!(
                "its view holds 64-bit words of the binary domain reduced modulo p in {}: \
                 replay comparisons in F127",
                F::NAME
            ));
        }
        let (m, count) = (u64::from(m), 3 * u64::from(m) - 1);
        for about in first_bit..first_bit + count {
            let k = about - first_bit;
            let step = if k < m || k == count - 1 {
                Step::DealtBit
            } else {
                Step::BitTriple
            };
            let got: Option<Vec<BitLane>> = (0..lanes)
                .map(|_| {
                    self.dealt(step, about)
                        .map(|(v, mac)| (self.word(v), self.word(mac)))
                })
                .collect();
            if let Some(got) = got {
                self.bits.insert(about, got);
            }
        }
        for z in first..first + 3 {
            let got: Option<Vec<_>> = (0..lanes).map(|_| self.dealt(Step::MaskBit, z)).collect();
            if let Some(got) = got {
                self.registers.insert(z, got);
            }
        }
        Ok(true)
    }

    /// BitLT: lt ← ¬c₀ ∧ r₀; for each bit, e = lt ⊕ bᵢ opened, t = cᵢ ⊕ e·rᵢ and lt ← t
    /// or rᵢ ⊕ lt ⊕ t; finally v = lt ⊕ β opened.
    pub(super) fn bit_less_than(&mut self, instr: &tape::BitLessThan) -> Going {
        let &tape::BitLessThan {
            set,
            ref c,
            m,
            first_bit,
            first_about,
            serial,
        } = instr;
        if self.position(set).is_none() {
            return Ok(true);
        }
        let m = m as usize;
        let bits = |local: &Self, k: usize| -> Result<Vec<BitLane>, String> {
            let number = first_bit + k as u64;
            (local.bits.get(&number).cloned())
                .ok_or_else(|| format!("it lost track of its share of bit #{number}"))
        };
        let c_bit = |j: usize, i: usize| c[j] >> i & 1 == 1;
        let mut lt = bits(self, 0)?;
        for (j, lane) in lt.iter_mut().enumerate() {
            if c_bit(j, 0) {
                *lane = (0, 0);
            }
        }
        for i in 1..m {
            let (r, b, rb) = (
                bits(self, i)?,
                bits(self, m + 2 * (i - 1))?,
                bits(self, m + 2 * i - 1)?,
            );
            let tag = (Step::BitAndE, first_about + i as u64 - 1);
            let Some(e) = self.open_bits(set, tag, &xor(&lt, &b), serial + i as u64 - 1)? else {
                return Ok(false);
            };
            for (j, lt) in lt.iter_mut().enumerate() {
                let t = (rb[j].0 ^ (e[j] * r[j].0), rb[j].1 ^ (e[j] * r[j].1));
                *lt = match c_bit(j, i) {
                    true => t,
                    false => (r[j].0 ^ lt.0 ^ t.0, r[j].1 ^ lt.1 ^ t.1),
                };
            }
        }
        let beta = bits(self, 3 * m - 2)?;
        let tag = (Step::BitConvert, first_about + m as u64 - 1);
        let opened = self.open_bits(set, tag, &xor(&lt, &beta), serial + m as u64 - 1)?;
        Ok(opened.is_some())
    }

    /// Opens M's bits `masked` to every holder: its share bits packed 64 lanes to a word,
    /// then the others' words; returns the opened bits and keeps them, with M's MAC
    /// shares, as MAC-check run `run`. `None` at an inconsistency.
    fn open_bits(
        &mut self,
        set: HolderSetId,
        tag: (Step, u64),
        masked: &[BitLane],
        run: u64,
    ) -> Result<Option<Vec<u64>>, String> {
        let holders = self.w.holder_sets.get(set).to_vec();
        let others = self.others(set, u128::MAX);
        let words = masked.len().div_ceil(64);
        let mut opened = vec![0u64; words];
        for (k, chunk) in masked.chunks(64).enumerate() {
            let word = (chunk.iter().enumerate()).fold(0u64, |w, (j, &(bit, _))| w | bit << j);
            if !self.send(&others, tag, element(F::from(word))) {
                return Ok(None);
            }
            opened[k] ^= word;
        }
        let me = self.me;
        for &from in holders.iter().filter(|&&h| h != me) {
            for word in opened.iter_mut() {
                let got = self.receive(from.0, tag, None);
                *word ^= self.word(
                    got.ok_or("a binary opening is missing from its view")?
                        .value,
                );
            }
        }
        let bits: Vec<u64> = (0..masked.len())
            .map(|j| opened[j / 64] >> (j % 64) & 1)
            .collect();
        if self.w.macs {
            let run_bits = bits.iter().zip(masked).map(|(&v, &(_, mac))| (v, mac));
            self.bit_runs.insert(run, run_bits.collect());
        }
        Ok(Some(bits))
    }
}
