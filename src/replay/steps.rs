//! The replay's steps: one machine's part of each step of the program, computed from
//! what it knows (see the module above for the protocol).

use std::collections::{HashMap, VecDeque};

use super::report::{Inconsistency, Payload};
use crate::field::TinyField;
use crate::sharing::Scheme;
use crate::store::{HolderSetId, MachineId};
use crate::tape::{Instr, LinearOp};
use crate::view::{Bytes32, DEALER, Step};
use crate::world::World;

/// One lane of a register: the machine's share and MAC share (zero with MACs off).
pub(super) type Lane<F> = (F, F);

/// One lane of a binary register: the machine's share bit and its 64-bit MAC share.
pub(super) type BitLane = (u64, u64);

/// A message as its receiver got it, with the MAC share the dealer sent right after it.
#[derive(Clone, Copy)]
struct Got<F> {
    value: F,
    bytes: Option<Bytes32>,
    mac: Option<F>,
}

/// Receiver, sender, step, value number.
type Key = (u32, u32, Step, u64);

/// Why the replay cannot go on.
type Cannot = String;

/// One machine's replay in progress.
pub(super) struct Local<'w, F> {
    pub(super) w: &'w World<F>,
    pub(super) me: MachineId,
    /// Every message of the simulation, by receiver, sender, step and value, oldest first.
    wire: HashMap<Key, VecDeque<Got<F>>>,
    pub(super) alphas: HashMap<HolderSetId, F>,
    pub(super) registers: HashMap<u64, Vec<Lane<F>>>,
    /// The values opened in each MAC-check run, with the machine's MAC shares of them.
    pub(super) runs: HashMap<u64, Vec<Lane<F>>>,
    /// The binary key's share Δᵢ of each holder set.
    pub(super) bit_keys: HashMap<HolderSetId, u64>,
    /// Binary values: the machine's bit and 64-bit MAC share, lane by lane.
    pub(super) bits: HashMap<u64, Vec<BitLane>>,
    /// The bits opened in each binary MAC-check run, with the machine's MAC shares.
    pub(super) bit_runs: HashMap<u64, Vec<BitLane>>,
    pub(super) checked: usize,
    pub(super) first: Option<Inconsistency<F>>,
}

impl<'w, F: TinyField> Local<'w, F> {
    /// The replay of `me`, with every view indexed (a dealt MAC share joins the dealer's
    /// message before it).
    pub(super) fn new(w: &'w World<F>, me: MachineId) -> Self {
        let mut wire: HashMap<Key, VecDeque<Got<F>>> = HashMap::new();
        for (to, machine) in w.machines.iter().enumerate() {
            let mut last = None;
            for (r, bytes) in machine.view.records() {
                if r.step == Step::DealtMac && r.from == DEALER {
                    let got = last.and_then(|k| wire.get_mut(&k)?.back_mut());
                    if let Some(got) = got {
                        got.mac = Some(r.value);
                    }
                    continue;
                }
                let key = (to as u32, r.from, r.step, r.about);
                let (value, mac) = (r.value, None);
                wire.entry(key)
                    .or_default()
                    .push_back(Got { value, bytes, mac });
                last = Some(key);
            }
        }
        Local {
            w,
            me,
            wire,
            alphas: HashMap::new(),
            registers: HashMap::new(),
            runs: HashMap::new(),
            bit_keys: HashMap::new(),
            bits: HashMap::new(),
            bit_runs: HashMap::new(),
            checked: 0,
            first: None,
        }
    }

    /// Replays one step; `Ok(false)` once an inconsistency is found.
    pub(super) fn step(&mut self, instr: &Instr<F>) -> Result<bool, Cannot> {
        match instr {
            Instr::MacKey { set } => {
                if self.position(*set).is_some() {
                    let alpha = self.receive(DEALER, (Step::MacKey, 0), Some(false));
                    let alpha = alpha.ok_or("its MAC key share is missing from its view")?;
                    self.alphas.insert(*set, alpha.value);
                }
                Ok(true)
            }
            Instr::Dealt {
                set,
                z,
                step,
                lanes,
            } => {
                if self.position(*set).is_some() {
                    let got: Option<Vec<_>> = (0..*lanes).map(|_| self.dealt(*step, *z)).collect();
                    if let Some(lanes) = got {
                        self.registers.insert(*z, lanes);
                    }
                }
                Ok(true)
            }
            Instr::Input(x) => self.input(x),
            Instr::Linear {
                set,
                z,
                op,
                operands,
            } => {
                self.linear(*set, *z, op, operands);
                Ok(true)
            }
            Instr::Multiply(x) => self.multiply(x),
            Instr::Open(x) => self.open(x),
            Instr::MacCheck(x) => self.mac_check(x),
            Instr::Bgw(x) => self.bgw(x),
            Instr::Refresh(x) => self.refresh(x),
            Instr::Reshare(x) => self.reshare(x),
            Instr::BitKey { set } => {
                if self.position(*set).is_some() {
                    let delta = self.receive(DEALER, (Step::MacKey, 0), Some(false));
                    let delta = delta.ok_or("its binary key share is missing from its view")?;
                    self.bit_keys.insert(*set, delta.value.to_u128() as u64);
                }
                Ok(true)
            }
            Instr::EdaBits(x) => self.eda_bits(x),
            Instr::BitLessThan(x) => self.bit_less_than(x),
            Instr::BitMacCheck(x) => self.bit_mac_check(x),
            Instr::Leak { to } => {
                if *to == self.me {
                    self.receive(DEALER, (Step::MacKey, 0), Some(false)); // α itself
                }
                Ok(true)
            }
        }
    }

    /// M's position among the holders of `set`, if it holds shares there.
    pub(super) fn position(&self, set: HolderSetId) -> Option<usize> {
        self.w
            .holder_sets
            .get(set)
            .iter()
            .position(|&h| h == self.me)
    }

    /// The next message to M from `from` in `(step, about)`; with `mac` given, the next one
    /// that comes with a dealt MAC share (`Some(true)`) or without one (`Some(false)`).
    pub(super) fn receive(
        &mut self,
        from: u32,
        (step, about): (Step, u64),
        mac: Option<bool>,
    ) -> Option<Payload<F>> {
        let queue = self.wire.get_mut(&(self.me.0, from, step, about))?;
        let k = queue
            .iter()
            .position(|g| mac.is_none_or(|m| g.mac.is_some() == m))?;
        let got = queue.remove(k)?;
        Some(Payload {
            value: got.value,
            bytes: got.bytes,
        })
    }

    /// M's share and MAC share of a value the dealer dealt, as `step`'s message.
    pub(super) fn dealt(&mut self, step: Step, about: u64) -> Option<Lane<F>> {
        let macs = self.w.macs;
        let queue = self.wire.get_mut(&(self.me.0, DEALER, step, about))?;
        let k = queue.iter().position(|g| g.mac.is_some() == macs)?;
        let got = queue.remove(k)?;
        Some((got.value, got.mac.unwrap_or(F::ZERO)))
    }

    /// Step 3 for one message M should send in `(step, about)` to each of `to`: compares
    /// every receiver's copy with `computed`. `Ok(false)` at an inconsistency.
    pub(super) fn send(
        &mut self,
        to: &[MachineId],
        (step, about): (Step, u64),
        computed: Payload<F>,
    ) -> bool {
        let me = self.me.0;
        let mut copies = Vec::with_capacity(to.len());
        for &r in to {
            let got = self.wire.get_mut(&(r.0, me, step, about));
            copies.push((r, got.and_then(|q| q.pop_front())));
        }
        let wrong = |(r, got): &(MachineId, Option<Got<F>>)| {
            let sent = got.map(|g| Payload {
                value: g.value,
                bytes: g.bytes,
            });
            (sent != Some(computed)).then_some((*r, sent))
        };
        let nothing_at_all = copies.iter().all(|(_, got)| got.is_none());
        let found = match copies.iter().find_map(|c| c.1.is_some().then(|| wrong(c))) {
            Some(found) => found,
            None if nothing_at_all && !copies.is_empty() => Some((copies[0].0, None)),
            None => None,
        };
        match found {
            None => {
                self.checked += copies.len();
                true
            }
            Some((r, sent)) => {
                self.first = Some(Inconsistency {
                    step,
                    about,
                    to: self.w.machines[r.0 as usize].name.to_string(),
                    sent,
                    computed,
                });
                false
            }
        }
    }

    /// The other online holders of `set` (bit k of `online` for the k-th).
    pub(super) fn others(&self, set: HolderSetId, online: u128) -> Vec<MachineId> {
        let holders = self.w.holder_sets.get(set);
        let online = |k: usize| online >> k & 1 == 1;
        (holders.iter().enumerate())
            .filter(|&(k, &h)| online(k) && h != self.me)
            .map(|(_, &h)| h)
            .collect()
    }

    /// αᵢ of `set` (zero with MACs off, where no MAC share is kept).
    pub(super) fn alpha(&self, set: HolderSetId) -> F {
        self.alphas.get(&set).copied().unwrap_or(F::ZERO)
    }

    /// A register M must hold to go on.
    pub(super) fn register(&self, number: u64) -> Result<&Vec<Lane<F>>, Cannot> {
        (self.registers.get(&number))
            .ok_or_else(|| format!("it lost track of its share of #{number}"))
    }

    /// Linear operations (step 2 only: nothing is sent).
    fn linear(&mut self, set: HolderSetId, z: u64, op: &LinearOp<F>, operands: &[u64]) {
        let Some(i) = self.position(set) else { return };
        let Some(xs) = operands
            .iter()
            .map(|n| self.registers.get(n))
            .collect::<Option<Vec<_>>>()
        else {
            return; // M holds no valid share of an operand (it was offline)
        };
        let (scheme, alpha) = (self.w.holder_sets.scheme(set), self.alpha(set));
        let constant = |(s, m): Lane<F>, c: F| add_public((s, m), scheme, i, alpha, c);
        let pick = |v: &[F], j: usize| if v.len() == 1 { v[0] } else { v[j] };
        let out: Vec<Lane<F>> = match op {
            LinearOp::Add => zip(xs[0], xs[1], |a, b| a + b),
            LinearOp::Sub => zip(xs[0], xs[1], |a, b| a - b),
            LinearOp::Pick(choose) => (xs[0].iter().zip(xs[1]).zip(choose))
                .map(|((&x, &y), &c)| if c { x } else { y })
                .collect(),
            LinearOp::Affine { s, c } => (xs[0].iter().enumerate())
                .map(|(j, &(a, m))| constant((pick(s, j) * a, pick(s, j) * m), pick(c, j)))
                .collect(),
            LinearOp::Gather(lanes) => lanes.iter().map(|&(p, j)| xs[p][j]).collect(),
            LinearOp::SumLanes => {
                let sum = xs[0]
                    .iter()
                    .fold((F::ZERO, F::ZERO), |(a, m), &(b, n)| (a + b, m + n));
                vec![sum]
            }
        };
        self.registers.insert(z, out);
    }
}

/// An element on the wire.
pub(super) fn element<F>(value: F) -> Payload<F> {
    Payload { value, bytes: None }
}

/// Bytes on the wire (a commitment or a seed).
pub(super) fn bytes<F: TinyField>(bytes: Bytes32) -> Payload<F> {
    Payload {
        value: F::ZERO,
        bytes: Some(bytes),
    }
}

/// Lane by lane f of the shares and of the MAC shares.
fn zip<F: TinyField>(x: &[Lane<F>], y: &[Lane<F>], f: impl Fn(F, F) -> F) -> Vec<Lane<F>> {
    x.iter()
        .zip(y)
        .map(|(&(a, m), &(b, n))| (f(a, b), f(m, n)))
        .collect()
}

/// x + c for a public c at holder i: the share moves if the scheme says so, the MAC share
/// by αᵢ·c.
pub(super) fn add_public<F: TinyField>(
    (s, m): Lane<F>,
    scheme: Scheme,
    i: usize,
    alpha: F,
    c: F,
) -> Lane<F> {
    let s = if scheme.adds_constant(i) { s + c } else { s };
    (s, m + alpha * c)
}
