//! The replay of the protocols that re-share: BGW multiplication, the proactive refresh
//! and re-sharing to new holders. A holder's randomness is its sub-sharings less the
//! value they share, so the replay recomputes each sub-share from the machine's own
//! share and checks it.

use super::steps::{Lane, Local, element};
use crate::field::TinyField;
use crate::sharing::{Scheme, shamir};
use crate::tape;
use crate::view::Step;

/// Whether the replay goes on (`Ok(false)` once an inconsistency is found).
type Going = Result<bool, String>;

/// Part `part` of a register: the share (even parts) or the MAC share (odd, with MACs on)
/// of lane `part / per_lane`.
fn part_of<F: Copy>(lanes: &mut [Lane<F>], part: usize, per_lane: usize) -> &mut F {
    let lane = &mut lanes[part / per_lane];
    if part % per_lane == 0 {
        &mut lane.0
    } else {
        &mut lane.1
    }
}

impl<F: TinyField> Local<'_, F> {
    /// How many parts one lane has: its share, and its MAC share with MACs on.
    fn per_lane(&self) -> usize {
        if self.w.macs { 2 } else { 1 }
    }

    /// BGW: hᵢ = xᵢ·yᵢ (and mᵢ·yᵢ) re-shared with degree t, then zⱼ = Σ λᵢ·hᵢⱼ.
    pub(super) fn bgw(&mut self, instr: &tape::Bgw<F>) -> Going {
        let &tape::Bgw {
            set,
            xyz: (x, y, z),
            ref positions,
            online,
            ref drawn,
        } = instr;
        let Some(j) = self.position(set).filter(|&j| online >> j & 1 == 1) else {
            return Ok(true); // an offline holder gets no share of z
        };
        let holders = self.w.holder_sets.get(set).to_vec();
        let (n, parts) = (holders.len(), self.per_lane());
        let mut own = [F::ZERO; 2];
        if let Some(q) = positions.iter().position(|&i| i == j) {
            let (xj, yj) = (self.register(x)?[0], self.register(y)?[0]);
            let products = [xj.0 * yj.0, xj.1 * yj.0];
            for (part, &h) in products.iter().take(parts).enumerate() {
                let base = (q * parts + part) * n;
                for (k, &to) in holders.iter().enumerate() {
                    let sub = h + drawn[base + k];
                    if k == j {
                        own[part] = sub;
                    } else if online >> k & 1 == 1 {
                        sent!(self.send(&[to], (Step::BgwReshare, z), element(sub)));
                    }
                }
            }
        }
        let lambda = shamir::lagrange_checked::<F>(positions);
        let mut out = [F::ZERO; 2];
        for (&i, &l) in positions.iter().zip(&lambda) {
            for (part, o) in out.iter_mut().take(parts).enumerate() {
                let sub = match i == j {
                    true => Some(own[part]),
                    false => {
                        (self.receive(holders[i].0, (Step::BgwReshare, z), None)).map(|p| p.value)
                    }
                };
                *o += l * sub.ok_or("a BGW sub-share is missing from its view")?;
            }
        }
        self.registers.insert(z, vec![(out[0], out[1])]);
        Ok(true)
    }

    /// A proactive refresh: each answering holder sends a fresh sharing of zero, and every
    /// holder adds what it got to its share.
    pub(super) fn refresh(&mut self, instr: &tape::Refresh<F>) -> Going {
        let &tape::Refresh {
            set,
            x,
            ref positions,
            online,
            ref drawn,
        } = instr;
        let Some(j) = self.position(set) else {
            return Ok(true);
        };
        if online >> j & 1 == 0 {
            self.registers.remove(&x); // offline: its share is no longer valid
            return Ok(true);
        }
        let holders = self.w.holder_sets.get(set).to_vec();
        let (n, per_lane) = (holders.len(), self.per_lane());
        let mut lanes = self.register(x)?.clone();
        let parts = lanes.len() * per_lane;
        for (q, &i) in positions.iter().enumerate() {
            for part in 0..parts {
                let zero = &drawn[(q * parts + part) * n..][..n];
                let got = if i == j {
                    for (k, &to) in holders.iter().enumerate() {
                        if k != j && online >> k & 1 == 1 {
                            sent!(self.send(&[to], (Step::Refresh, x), element(zero[k])));
                        }
                    }
                    Some(zero[j])
                } else {
                    (self.receive(holders[i].0, (Step::Refresh, x), None)).map(|p| p.value)
                };
                *part_of(&mut lanes, part, per_lane) += got.ok_or("a refresh share is missing")?;
            }
        }
        self.registers.insert(x, lanes);
        Ok(true)
    }

    /// Re-sharing: each answering old holder shares λᵢ·xᵢ among the new holders, who add
    /// up what they get.
    pub(super) fn reshare(&mut self, instr: &tape::Reshare<F>) -> Going {
        let &tape::Reshare {
            sets: (old, new),
            xz: (x, z),
            ref positions,
            online,
            ref drawn,
        } = instr;
        let (olds, news) = (
            self.w.holder_sets.get(old).to_vec(),
            self.w.holder_sets.get(new).to_vec(),
        );
        let (n_new, per_lane) = (news.len(), self.per_lane());
        let parts = drawn.len() / (positions.len() * n_new).max(1);
        let scheme = self.w.holder_sets.scheme(new);
        let lambda = match self.w.holder_sets.scheme(old) {
            Scheme::Additive => vec![F::ONE; positions.len()],
            Scheme::Shamir { .. } => shamir::lagrange_checked(positions),
        };
        let (me_old, me_new) = (self.position(old), self.position(new));
        let mut own = vec![F::ZERO; parts];
        if let Some(q) = me_old.and_then(|i| positions.iter().position(|&k| k == i)) {
            let mut xs = self.register(x)?.clone();
            for (part, own) in own.iter_mut().enumerate() {
                let v = lambda[q] * *part_of(&mut xs, part, per_lane);
                let base = (q * parts + part) * n_new;
                for (k, &to) in news.iter().enumerate() {
                    let added = if scheme.adds_constant(k) { v } else { F::ZERO };
                    let sub = drawn[base + k] + added;
                    if to == self.me {
                        *own = sub;
                    } else if online >> k & 1 == 1 {
                        sent!(self.send(&[to], (Step::Reshare, z), element(sub)));
                    }
                }
            }
        }
        if me_new.is_none_or(|j| online >> j & 1 == 0) {
            return Ok(true); // M gets no share of z
        }
        let mut lanes = vec![(F::ZERO, F::ZERO); parts / per_lane];
        for &i in positions {
            for (part, &own) in own.iter().enumerate() {
                let sub = match olds[i] == self.me {
                    true => Some(own),
                    false => (self.receive(olds[i].0, (Step::Reshare, z), None)).map(|p| p.value),
                };
                *part_of(&mut lanes, part, per_lane) +=
                    sub.ok_or("a re-shared share is missing")?;
            }
        }
        self.registers.insert(z, lanes);
        Ok(true)
    }
}
