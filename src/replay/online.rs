//! The replay of the protocols that send: input, Beaver multiplication, openings and
//! outputs, and the MAC check with its coin toss (steps 1–4 of the module above, for
//! each).

use super::steps::{Lane, Local, add_public, element};
use crate::field::TinyField;
use crate::store::{HolderSetId, MachineId};
use crate::tape;
use crate::view::{DEALER, Step};

/// A triple's a, b and c, one lane of M's shares and MAC shares.
type Triple<F> = (Lane<F>, Lane<F>, Lane<F>);

/// Whether the replay goes on (`Ok(false)` once an inconsistency is found).
type Going = Result<bool, String>;

impl<F: TinyField> Local<'_, F> {
    /// The input protocol: the owner's ε = x − r (or its shares, MACs off), and each
    /// holder's [x] = [r] + ε.
    pub(super) fn input(&mut self, instr: &tape::Input<F>) -> Going {
        let &tape::Input {
            owner,
            set,
            z,
            ref secrets,
            ref drawn,
            online,
        } = instr;
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
    /// zᵢ = cᵢ + d·bᵢ + e·aᵢ (+ d·e as the scheme says); each triple first sacrificed
    /// against a second one when the simulation does that.
    pub(super) fn multiply(&mut self, instr: &tape::Multiply<F>) -> Going {
        let &tape::Multiply {
            set,
            xyz: (x, y, z),
            ref positions,
            online,
            serial,
            ref sacrifice,
        } = instr;
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
        let first_run = serial - 3 * sacrifice.len() as u64;
        for (j, &t) in sacrifice.iter().enumerate() {
            let run = first_run + 3 * j as u64;
            if !self.sacrifice((set, positions, i), &others, (triples[j], t), (z, run))? {
                return Ok(false);
            }
        }
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

    /// Checks one triple by sacrificing a second one the dealer sent (ρ = t·a − f and
    /// σ = b − g opened, then τ = t·c − h − σ·f − ρ·g − σ·ρ), its openings the runs from
    /// `run`. `Ok(false)` at an inconsistency.
    fn sacrifice(
        &mut self,
        (set, positions, i): (HolderSetId, &[usize], usize),
        others: &[MachineId],
        ((a, b, c), t): (Triple<F>, F),
        (z, run): (u64, u64),
    ) -> Result<bool, String> {
        let mut part = |step| self.dealt(step, z).ok_or("a triple is missing");
        let (f, g, h) = (
            part(Step::TripleA)?,
            part(Step::TripleB)?,
            part(Step::TripleC)?,
        );
        let tag = (Step::Sacrifice, z);
        let open = |local: &mut Self, mine: Lane<F>, k: u64| -> Result<Option<F>, String> {
            if !local.send(others, tag, element(mine.0)) {
                return Ok(None);
            }
            let value = local.reconstruct(set, positions, i, tag, mine.0)?;
            if local.w.macs {
                local.runs.insert(run + k, vec![(value, mine.1)]);
            }
            Ok(Some(value))
        };
        let rho = (t * a.0 - f.0, t * a.1 - f.1);
        let Some(rho) = open(self, rho, 0)? else {
            return Ok(false);
        };
        let Some(sigma) = open(self, (b.0 - g.0, b.1 - g.1), 1)? else {
            return Ok(false);
        };
        let tau = |c: F, h: F, f: F, g: F| t * c - h - sigma * f - rho * g;
        let tau = (tau(c.0, h.0, f.0, g.0), tau(c.1, h.1, f.1, g.1));
        let (scheme, alpha) = (self.w.holder_sets.scheme(set), self.alpha(set));
        let tau = add_public(tau, scheme, i, alpha, -(sigma * rho));
        Ok(open(self, tau, 2)?.is_some())
    }

    /// The value M reconstructs from its own share `mine` and the shares the other
    /// answering holders sent it.
    fn reconstruct(
        &mut self,
        set: HolderSetId,
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
    pub(super) fn open(&mut self, instr: &tape::Open) -> Going {
        let &tape::Open {
            set,
            x,
            to,
            ref positions,
            online,
            serial,
        } = instr;
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
}
