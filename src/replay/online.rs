//! The replay of the protocols that send: input, Beaver multiplication, openings and
//! outputs, and the MAC check with its coin toss (steps 1–4 of the module above, for
//! each).

use super::report::Payload;
use super::steps::{Lane, Local, add_public};
use crate::field::TinyField;
use crate::protocols::{coin_toss, commitment};
use crate::store::MachineId;
use crate::tape::Instr;
use crate::view::{Bytes32, DEALER, Step};

/// Whether the replay goes on (`Ok(false)` once an inconsistency is found).
type Going = Result<bool, String>;

/// An element on the wire.
fn element<F>(value: F) -> Payload<F> {
    Payload { value, bytes: None }
}

/// Bytes on the wire (a commitment or a seed).
fn bytes<F: TinyField>(bytes: Bytes32) -> Payload<F> {
    Payload {
        value: F::ZERO,
        bytes: Some(bytes),
    }
}

/// Stops the replay at an inconsistency.
macro_rules! sent {
    ($local:ident . send($($arg:expr),*)) => {
        if !$local.send($($arg),*) {
            return Ok(false);
        }
    };
}

impl<F: TinyField> Local<'_, F> {
    /// The input protocol: the owner's ε = x − r (or its shares, MACs off), and each
    /// holder's [x] = [r] + ε.
    pub(super) fn input(&mut self, instr: &Instr<F>) -> Going {
        let &Instr::Input {
            owner,
            set,
            z,
            ref secrets,
            ref drawn,
            online,
        } = instr
        else {
            return Ok(true);
        };
        let holders = self.w.holder_sets.get(set).to_vec();
        let (n, i, me) = (holders.len(), self.position(set), self.me);
        let (scheme, alpha) = (self.w.holder_sets.scheme(set), self.alpha(set));
        let receivers: Vec<MachineId> = (holders.iter().enumerate())
            .filter(|&(k, &h)| h != owner && online >> k & 1 == 1)
            .map(|(_, &h)| h)
            .collect();
        let mut lanes: Option<Vec<Lane<F>>> = Some(Vec::new());
        for (j, &x) in secrets.iter().enumerate() {
            let lane = if self.w.macs {
                let epsilon = if me == owner {
                    let r = self.receive(DEALER, (Step::InputMask, z), Some(false));
                    let epsilon = x - r.ok_or("its input mask is missing from its view")?.value;
                    sent!(self.send(&receivers, (Step::InputShare, z), element(epsilon)));
                    Some(epsilon)
                } else {
                    let got = self.receive(owner.0, (Step::InputShare, z), None);
                    got.map(|p| p.value)
                };
                let mask = i.and_then(|_| self.dealt(Step::InputMask, z));
                mask.zip(epsilon)
                    .zip(i)
                    .map(|((r, e), i)| add_public(r, scheme, i, alpha, e))
            } else {
                let shares = &drawn[j * n..(j + 1) * n];
                if me == owner {
                    for (&h, &share) in holders.iter().zip(shares) {
                        if receivers.contains(&h) {
                            sent!(self.send(&[h], (Step::InputShare, z), element(share)));
                        }
                    }
                }
                match i {
                    Some(i) if me == owner => Some((shares[i], F::ZERO)),
                    Some(_) => (self.receive(owner.0, (Step::InputShare, z), None))
                        .map(|p| (p.value, F::ZERO)),
                    None => None,
                }
            };
            match (&mut lanes, lane) {
                (Some(lanes), Some(lane)) => lanes.push(lane),
                _ => lanes = None,
            }
        }
        if let (Some(lanes), Some(_)) = (lanes, i) {
            self.registers.insert(z, lanes);
        }
        Ok(true)
    }

    /// Beaver multiplication: dᵢ = xᵢ − aᵢ and eᵢ = yᵢ − bᵢ sent, d and e reconstructed,
    /// zᵢ = cᵢ + d·bᵢ + e·aᵢ (+ d·e as the scheme says).
    pub(super) fn multiply(&mut self, instr: &Instr<F>) -> Going {
        let &Instr::Multiply {
            set,
            xyz: (x, y, z),
            ref positions,
            online,
            serial,
        } = instr
        else {
            return Ok(true);
        };
        let Some(i) = self.position(set).filter(|i| positions.contains(i)) else {
            return Ok(true); // M does not answer: it holds no valid share of z
        };
        let (xs, ys) = (self.register(x)?.clone(), self.register(y)?.clone());
        let mut triples = Vec::with_capacity(xs.len());
        for _ in 0..xs.len() {
            let mut part = |step| {
                self.dealt(step, z)
                    .ok_or("a triple is missing from its view")
            };
            triples.push((
                part(Step::TripleA)?,
                part(Step::TripleB)?,
                part(Step::TripleC)?,
            ));
        }
        let others = self.others(set, online);
        let mut opened: [Vec<Lane<F>>; 2] = [Vec::new(), Vec::new()];
        for (k, (v, step)) in [(&xs, Step::BeaverD), (&ys, Step::BeaverE)]
            .into_iter()
            .enumerate()
        {
            for (j, &(share, mac)) in v.iter().enumerate() {
                let (a, b, _) = triples[j];
                let mask = if k == 0 { a } else { b };
                let mine = (share - mask.0, mac - mask.1);
                sent!(self.send(&others, (step, z), element(mine.0)));
                let value = self.reconstruct(set, positions, i, (step, z), mine.0)?;
                opened[k].push((value, mine.1));
            }
        }
        let (scheme, alpha) = (self.w.holder_sets.scheme(set), self.alpha(set));
        let product = (triples.iter().zip(&opened[0]).zip(&opened[1]))
            .map(|(((a, b, c), &(d, _)), &(e, _))| {
                let lane = (c.0 + d * b.0 + e * a.0, c.1 + d * b.1 + e * a.1);
                add_public(lane, scheme, i, alpha, d * e)
            })
            .collect();
        self.registers.insert(z, product);
        if self.w.macs {
            let [d, e] = opened;
            self.runs.insert(serial, d);
            self.runs.insert(serial + 1, e);
        }
        Ok(true)
    }

    /// The value M reconstructs from its own share `mine` and the shares the other
    /// answering holders sent it.
    fn reconstruct(
        &mut self,
        set: crate::store::HolderSetId,
        positions: &[usize],
        i: usize,
        tag: (Step, u64),
        mine: F,
    ) -> Result<F, String> {
        let holders = self.w.holder_sets.get(set).to_vec();
        let mut shares = Vec::with_capacity(positions.len());
        for &p in positions {
            let share = match p == i {
                true => Some(mine),
                false => self.receive(holders[p].0, tag, None).map(|g| g.value),
            };
            shares.push(share.ok_or_else(|| format!("a share of #{} is missing", tag.1))?);
        }
        Ok(self
            .w
            .holder_sets
            .scheme(set)
            .reconstruct(positions, &shares))
    }

    /// Opening to every holder (its share broadcast) or an output to `to`: its share
    /// sent to the receiver (MACs off), or x − r opened among the holders and sent on to
    /// a receiver that holds no share (MACs on).
    pub(super) fn open(&mut self, instr: &Instr<F>) -> Going {
        let &Instr::Open {
            set,
            x,
            to,
            ref positions,
            online,
            serial,
        } = instr
        else {
            return Ok(true);
        };
        let Some(i) = self.position(set).filter(|i| positions.contains(i)) else {
            return Ok(true); // M sends nothing: it holds no share, or no valid one
        };
        let xs = self.register(x)?.clone();
        let others = self.others(set, online);
        let receiver_holds = to.is_none_or(|r| self.w.holder_sets.get(set).contains(&r));
        for (j, &(share, mac)) in xs.iter().enumerate() {
            let (step, mine) = match to {
                None => (Step::Open, (share, mac)),
                Some(r) if !self.w.macs => {
                    if r != self.me {
                        sent!(self.send(&[r], (Step::Reconstruct, x), element(share)));
                    }
                    continue;
                }
                Some(_) => {
                    let r = self
                        .dealt(Step::OutputMask, x)
                        .ok_or("an output mask is missing")?;
                    (Step::Reconstruct, (share - r.0, mac - r.1))
                }
            };
            sent!(self.send(&others, (step, x), element(mine.0)));
            let value = self.reconstruct(set, positions, i, (step, x), mine.0)?;
            if let (Some(r), false) = (to, receiver_holds) {
                sent!(self.send(&[r], (Step::Reconstruct, x), element(value)));
            }
            if self.w.macs {
                self.runs.insert(serial + j as u64, vec![(value, mine.1)]);
            }
        }
        Ok(true)
    }

    /// The MAC check: the coin toss (commit to a seed, reveal it), the coefficients from
    /// the seeds, σᵢ = Σ rⱼ·mⱼᵢ − αᵢ·Σ rⱼ·aⱼ, then commit to σᵢ and reveal it. M stops
    /// where an honest holder aborts: an opening withheld, or not matching its commitment.
    pub(super) fn mac_check(&mut self, instr: &Instr<F>) -> Going {
        let Instr::MacCheck {
            set,
            positions,
            online,
            runs,
            seeds,
            nonces,
        } = instr
        else {
            return Ok(true);
        };
        let Some(p) = (self.position(*set)).and_then(|i| positions.iter().position(|&k| k == i))
        else {
            return Ok(true);
        };
        let (i, others, committed) = (positions[p], self.others(*set, *online), self.w.commitments);
        // The coin toss.
        if committed {
            let c = commitment::to_seed(i, &seeds[p]);
            sent!(self.send(&others, (Step::CoinCommit, 0), bytes(c)));
        }
        sent!(self.send(&others, (Step::CoinReveal, 0), bytes(seeds[p])));
        let Some(all) = self.seeds(*set, positions, seeds[p]) else {
            return Ok(true); // M aborts with the others
        };
        // σᵢ.
        let mut coins = coin_toss::stream(&all);
        let (mut a, mut gamma) = (F::ZERO, F::ZERO);
        for serial in runs {
            let run = self
                .runs
                .remove(serial)
                .ok_or("it lost track of an opening")?;
            for (v, m) in run {
                let r = F::random(&mut coins);
                a += r * v;
                gamma += r * m;
            }
        }
        let sigma = gamma - self.alpha(*set) * a;
        // The commitment to σᵢ and its opening.
        let nonce = nonces[p];
        if committed {
            let c = commitment::to_sigma(i, &nonce, sigma);
            sent!(self.send(&others, (Step::MacCommit, 0), bytes(c)));
        }
        let reveal = Payload {
            value: sigma,
            bytes: committed.then_some(nonce),
        };
        sent!(self.send(&others, (Step::MacReveal, 0), reveal));
        // The others' commitments and openings (the simulation checks them).
        for &k in positions.iter().filter(|&&k| k != i) {
            let from = self.w.holder_sets.get(*set)[k].0;
            if committed {
                self.receive(from, (Step::MacCommit, 0), None);
            }
            self.receive(from, (Step::MacReveal, 0), None);
        }
        Ok(true)
    }

    /// The coin toss's seeds in the holders' order, M's own (`mine`) in its place; `None`
    /// when another holder withheld its seed or revealed one that does not open its
    /// commitment.
    fn seeds(
        &mut self,
        set: crate::store::HolderSetId,
        positions: &[usize],
        mine: Bytes32,
    ) -> Option<Vec<Bytes32>> {
        let holders = self.w.holder_sets.get(set).to_vec();
        let mut all = Vec::with_capacity(positions.len());
        for &k in positions {
            if holders[k] == self.me {
                all.push(mine);
                continue;
            }
            let from = holders[k].0;
            let commitment = if self.w.commitments {
                Some(self.receive(from, (Step::CoinCommit, 0), None)?.bytes?)
            } else {
                None
            };
            let seed = self.receive(from, (Step::CoinReveal, 0), None)?.bytes?;
            if commitment.is_some_and(|c| c != commitment::to_seed(k, &seed)) {
                return None;
            }
            all.push(seed);
        }
        Some(all)
    }
}
