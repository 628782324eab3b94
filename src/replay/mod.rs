//! Replaying one machine: redo its local computation from its view, its own inputs and
//! its own randomness, and check that every message it sent is what that computation
//! gives.
//!
//! # The idea
//!
//! A machine's messages are functions of what it knows: its inputs, its randomness and
//! what it received. An honest machine's transcript is therefore *consistent*: replaying
//! the program on those three things alone gives back every message it sent. A machine
//! that shifted a share, forged a MAC share, or chose its σᵢ after seeing the others'
//! sent something its computation does not give, and the replay points at the first such
//! message. This is what "each machine can verify itself" means, made concrete; it is
//! also how a protocol with *identifiable* abort blames a cheater (the MAC check itself
//! only says *that* somebody cheated).
//!
//! # Protocol
//!
//! For machine M and each step of the public program, in order (the program is the
//! learner's code, which every machine runs; the simulation keeps it as its tape):
//!
//! 1. Take what M received in that step from its view (the dealer's shares and MAC
//!    shares, the others' broadcasts).
//! 2. Compute M's part as the protocol says, from M's registers (its shares and MAC
//!    shares of every value it holds), its MAC key shares αᵢ and Δᵢ, its inputs and the
//!    randomness it drew: seeds and nonces, and the sub-sharings it re-shared with (their
//!    random part: the sub-shares less the value they share).
//! 3. Compare each message M sent in that step, as every receiver got it, with the
//!    computed one; the first that differs (or that M never sent) is the inconsistency.
//! 4. When M received something that makes an honest machine abort (a withheld opening,
//!    a broken commitment), stop: M sent nothing more.
//!
//! # What it follows
//!
//! Every protocol of the crate: inputs, linear operations, Beaver multiplication (with
//! its triples sacrificed or not), BGW multiplication, the proactive refresh and
//! re-sharing, openings and outputs, the values the dealer deals (triples, masks with
//! their bits, edaBits), BitLT among XOR-shared bits with its openings, and both MAC
//! checks with their coin tosses and commitments. So every operation on numbers,
//! vectors, fixed point and comparisons can be replayed. One limit: the binary domain's
//! 64-bit words travel as field elements in the views, whole only in a field of more
//! than 64 bits, so a comparison among additive holders replays in `F127` only
//! ([`crate::Error::CannotReplay`] says so in `F61` and `F101`).
//!
//! # Security note
//!
//! The replay reads only what M knows: M's view, the messages M sent as its receivers
//! got them (M knows what it sent), M's own inputs and randomness, and the public
//! program and settings. It reads no store and no other machine's secret. It needs every
//! message, so the simulation must keep them all (`Views::All`).

/// Stops the replay at an inconsistency: `sent!(self.send(…))`.
macro_rules! sent {
    ($local:ident . send($($arg:expr),*)) => {
        if !$local.send($($arg),*) {
            return Ok(false);
        }
    };
}

mod binary;
mod checks;
mod online;
mod report;
mod resharing;
mod steps;

pub use report::{Inconsistency, Payload, Replay};

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::store::MachineId;
use crate::view::Views;
use crate::world::World;

/// Replays machine `me` of world `w` (steps 1–4).
///
/// # Errors
///
/// [`Error::CannotReplay`] when the simulation does not keep every message, or compared
/// in the binary domain in a field of 64 bits or less.
pub(crate) fn replay<F: TinyField>(w: &World<F>, me: MachineId) -> Result<Replay<F>> {
    let machine = w.machines[me.0 as usize].name.to_string();
    let cannot = |reason: String| Error::CannotReplay {
        machine: machine.clone(),
        reason,
    };
    let tape = match (&w.tape, w.views) {
        (Some(tape), Views::All) => tape,
        _ => {
            return Err(cannot(
                "a replay needs every message: build the simulation with \
                 `.views(Views::All)`"
                    .to_string(),
            ));
        }
    };
    let mut local = steps::Local::new(w, me);
    for instr in tape {
        match local.step(instr) {
            Ok(true) => {}
            Ok(false) => break, // an inconsistency: the first is reported
            Err(reason) => return Err(cannot(reason)),
        }
    }
    Ok(Replay {
        machine,
        checked: local.checked,
        first_inconsistent: local.first,
    })
}
