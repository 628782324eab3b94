//! The tape: the computation as the protocols ran it, step by step, so that a machine's
//! replay can redo its own part ([`crate::VirtualMachine::replay`]).
//!
//! Every holder of a sharing runs the same local program on its own shares; the program
//! is public (it is the learner's code). The tape records it: which protocol ran, on
//! which values (by number, `#n`), among which holders, with which public constants.
//! It records no shares and no opened value. Two things on it belong to one machine
//! alone and are read only by that machine's replay: an input's owner's secrets, and the
//! randomness a machine drew itself (the shares it split an input into without MACs, its
//! coin-toss seeds and commitment nonces, the random part of its re-sharings).
//!
//! The tape is kept when the simulation keeps every message (`Views::All`): a replay
//! needs the whole view.

use crate::store::{HolderSetId, MachineId};
use crate::view::{Bytes32, Step};

/// A linear operation, as each holder applies it to its own shares (no messages).
#[derive(Debug, Clone)]
pub(crate) enum LinearOp<F> {
    /// zᵢ = xᵢ + yᵢ.
    Add,
    /// zᵢ = xᵢ − yᵢ.
    Sub,
    /// Lane j of x where the public bit is set, of y elsewhere.
    Pick(Vec<bool>),
    /// zᵢ = s·xᵢ + c (c added as the scheme says), one s and c per lane or one for all.
    Affine { s: Vec<F>, c: Vec<F> },
    /// Lanes of the operands, as (operand, lane) in order.
    Gather(Vec<(usize, usize)>),
    /// The sum of x's lanes.
    SumLanes,
}

/// One step of the computation.
#[derive(Debug, Clone)]
pub(crate) enum Instr<F> {
    /// The holders of `set` take their shares αᵢ of the MAC key from the dealer.
    MacKey { set: HolderSetId },
    /// The dealer deals the holders of `set` their shares (and MAC shares) of value `z`,
    /// `lanes` lanes, as `step`'s messages.
    Dealt {
        set: HolderSetId,
        z: u64,
        step: Step,
        lanes: usize,
    },
    /// See [`Input`].
    Input(Input<F>),
    /// z = op(operands) among `set`. With `z` equal to the first operand, it updates
    /// that value in place (`+=`, `-=`).
    Linear {
        set: HolderSetId,
        z: u64,
        op: LinearOp<F>,
        operands: Vec<u64>,
    },
    /// See [`Multiply`].
    Multiply(Multiply<F>),
    /// See [`Bgw`].
    Bgw(Bgw<F>),
    /// See [`Refresh`].
    Refresh(Refresh<F>),
    /// See [`Reshare`].
    Reshare(Reshare<F>),
    /// The holders of `set` take their shares Δᵢ of the binary MAC key from the dealer.
    BitKey { set: HolderSetId },
    /// See [`EdaBits`].
    EdaBits(EdaBits),
    /// See [`BitLessThan`].
    BitLessThan(BitLessThan),
    /// See [`BitMacCheck`].
    BitMacCheck(BitMacCheck),
    /// The dealer leaked α to `to` (an attack): one more MAC key message in its view.
    Leak { to: MachineId },
    /// See [`Open`].
    Open(Open),
    /// See [`MacCheck`].
    MacCheck(MacCheck),
}

/// The tape of one simulation.
pub(crate) type Tape<F> = Vec<Instr<F>>;

/// `owner` shares `secrets` (one per lane) among `set` as value `z`; without MACs
/// `drawn` holds the shares it split them into (its own randomness).
#[derive(Debug, Clone)]
pub(crate) struct Input<F> {
    pub owner: MachineId,
    pub set: HolderSetId,
    pub z: u64,
    pub secrets: Vec<F>,
    pub drawn: Vec<F>,
    pub online: u128,
}

/// Beaver multiplication of x and y into z, every lane, the holders at `positions`
/// answering; `serial` is the MAC check's number for its openings of d (those of e
/// follow). With `sacrifice` (one public t per lane), each lane's triple was first
/// checked by sacrificing a second one, its three openings just before d's.
#[derive(Debug, Clone)]
pub(crate) struct Multiply<F> {
    pub set: HolderSetId,
    pub xyz: (u64, u64, u64),
    pub positions: Vec<usize>,
    pub online: u128,
    pub serial: u64,
    pub sacrifice: Vec<F>,
}

/// BGW multiplication of x and y into z by the holders at `positions`; `drawn` holds
/// each one's randomness: per part (share, then MAC share) the sub-shares it sent
/// minus the value they share, n per part.
#[derive(Debug, Clone)]
pub(crate) struct Bgw<F> {
    pub set: HolderSetId,
    pub xyz: (u64, u64, u64),
    pub positions: Vec<usize>,
    pub online: u128,
    pub drawn: Vec<F>,
}

/// A proactive refresh of x: each holder at `positions` adds a fresh sharing of zero,
/// `drawn` (n per part, part by part, holder by holder).
#[derive(Debug, Clone)]
pub(crate) struct Refresh<F> {
    pub set: HolderSetId,
    pub x: u64,
    pub positions: Vec<usize>,
    pub online: u128,
    pub drawn: Vec<F>,
}

/// x among `old` re-shared as z among `new`: each old holder at `positions` shares
/// λᵢ·xᵢ; `drawn` holds each one's sub-shares minus what the scheme adds the value
/// to (n_new per part).
#[derive(Debug, Clone)]
pub(crate) struct Reshare<F> {
    pub sets: (HolderSetId, HolderSetId),
    pub xz: (u64, u64),
    pub positions: Vec<usize>,
    pub online: u128,
    pub drawn: Vec<F>,
}

/// x is opened to every holder of `set` (as `Step::Open`, or masked by the output
/// mask as `Step::Reconstruct` when `to` receives it), lane by lane, one MAC-check
/// run per lane from `serial`.
#[derive(Debug, Clone)]
pub(crate) struct Open {
    pub set: HolderSetId,
    pub x: u64,
    pub to: Option<MachineId>,
    pub positions: Vec<usize>,
    pub online: u128,
    pub serial: u64,
}

/// A MAC check of the runs `runs` (by serial, in order) by the holders at
/// `positions`, with the seeds and nonces each of them drew (`online`: who receives).
#[derive(Debug, Clone)]
pub(crate) struct MacCheck {
    pub set: HolderSetId,
    pub positions: Vec<usize>,
    pub online: u128,
    pub runs: Vec<u64>,
    pub seeds: Vec<Bytes32>,
    pub nonces: Vec<Bytes32>,
}

/// edaBits for `lanes` comparisons of `m` bits: binary values numbered from
/// `first_bit` (rᵢ, then each bᵢ and cᵢ, then β), field values from `first` (r′, r″,
/// β).
#[derive(Debug, Clone)]
pub(crate) struct EdaBits {
    pub set: HolderSetId,
    pub m: u32,
    pub numbers: (u64, u64),
    pub lanes: usize,
}

/// BitLT among XOR-shared bits for the public `c` (one per lane), on the edaBits
/// numbered from `first_bit`; its openings are numbered from `first_about`, its MAC
/// check runs (in the binary buffer) from `serial`.
#[derive(Debug, Clone)]
pub(crate) struct BitLessThan {
    pub set: HolderSetId,
    pub c: Vec<u128>,
    pub m: u32,
    pub first_bit: u64,
    pub first_about: u64,
    pub serial: u64,
}

/// The MAC check of binary openings: as [`Instr::MacCheck`], every holder checking.
#[derive(Debug, Clone)]
pub(crate) struct BitMacCheck {
    pub set: HolderSetId,
    pub online: u128,
    pub runs: Vec<u64>,
    pub seeds: Vec<Bytes32>,
    pub nonces: Vec<Bytes32>,
}
