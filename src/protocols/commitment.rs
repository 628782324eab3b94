//! Hash commitments: a holder binds itself to a value first and reveals it later, so that
//! nobody can choose what it reveals after seeing what the others revealed.
//!
//! # The math
//!
//! Holder i commits to a value v with a fresh random 256-bit nonce ρ:
//!
//! c = SHA-256(t ‖ i ‖ ρ ‖ v)
//!
//! (t one tag byte, i four bytes, v at most 16: one 64-byte block of SHA-256) and later
//! opens c by sending (v, ρ). Every receiver recomputes the hash and compares.
//!
//! - *Hiding*: while ρ is secret, c says nothing about v (SHA-256 modelled as a random
//!   oracle: every input it has not seen maps to fresh random bytes).
//! - *Binding*: opening c as (v′, ρ′) ≠ (v, ρ) needs SHA-256(… ρ′ ‖ v′) = c, a collision.
//!
//! The tag t separates the uses (the MAC check's σᵢ, the coin toss's seeds), and i stops a
//! holder from replaying another holder's commitment as its own. A value that is itself
//! 256 random bits (a coin-toss seed) needs no nonce: it hides itself.
//!
//! # Protocol (the commitments F_Commit that MACCheck of Damgård et al. 2012/642 assumes,
//! realised with a hash in the random-oracle model)
//!
//! 1. Commit: each holder i draws ρᵢ and sends cᵢ = SHA-256(t ‖ i ‖ ρᵢ ‖ vᵢ) to the
//!    others, and waits until it has every other holder's commitment.
//! 2. Open: each holder sends (vᵢ, ρᵢ).
//! 3. Verify: each receiver checks every cᵢ; a holder whose opening does not match, or who
//!    sends none, is named, and everybody aborts.
//!
//! Two rounds. With [`crate::SimulationBuilder::mac_check_without_commitments`], step 1
//! is skipped and step 2 alone remains, which is what lets a rushing holder choose its
//! value last ([`crate::Adversary::rushes_mac_check`]).
//!
//! # Security note
//!
//! The hash is real and so are the nonces, drawn from the simulation's seeded generator
//! (one generator for all machines, where real machines have one each). What the
//! simulation still provides is the network: every holder receives the same commitment
//! from a sender (a consistent broadcast), and the honest holders wait for every
//! commitment before they open, as step 1 demands. Because every receiver gets the same
//! bytes, step 3 hashes each opening once, standing for every receiver's check.
//!
//! # References
//!
//! - Damgård, Keller, Larraia, Pastro, Scholl, Smart, eprint 2012/642, §4 (MACCheck and
//!   the commitments it uses).
//! - Bellare, Rogaway, *Random Oracles are Practical*, CCS 1993 (hash commitments).

use rand::Rng;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::store::{HolderSetId, MachineId};
use crate::view::{Bytes32, Step};
use crate::world::World;

/// A value a holder commits to: its bytes go into the hash.
pub(crate) trait Committed: Copy {
    /// Feeds the value's canonical bytes to `hash`.
    fn hash_into(&self, hash: &mut Sha256);
}

impl<F: TinyField> Committed for F {
    fn hash_into(&self, hash: &mut Sha256) {
        hash.update(self.to_repr().as_ref());
    }
}

/// Nothing: a coin-toss seed is committed as the nonce alone.
impl Committed for () {
    fn hash_into(&self, _: &mut Sha256) {}
}

impl Committed for u64 {
    fn hash_into(&self, hash: &mut Sha256) {
        hash.update(self.to_le_bytes());
    }
}

/// The tag of the MAC check's commitments to σᵢ.
const MAC_CHECK: &[u8] = b"m";
/// The tag of the coin toss's commitments to seeds, and of the hash of the seeds.
pub(crate) const COIN_TOSS: &[u8] = b"c";

/// The commitment the holder at `position` (0-based, among the value's holders) sends
/// for σᵢ = `sigma` with `nonce` in the MAC check of field values, so that a learner can
/// check by hand, from a view, that a `mac reveal` opens the `mac commit` before it.
///
/// ```
/// use tinyspdz::prelude::*;
/// use tinyspdz::Step;
/// use tinyspdz::protocols::commitment;
///
/// let sim = Simulation::with_seed(4);
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateScalar::new(5, &alice).share(&[&bob]);
/// assert_eq!(x.reconstruct(&alice)?, 5);
/// let view = alice.view();
/// let find = |step| view.messages.iter().find(|m| m.step == step).unwrap();
/// let (commit, reveal) = (find(Step::MacCommit), find(Step::MacReveal));
/// let nonce = reveal.bytes.unwrap();
/// assert_eq!(commit.bytes, Some(commitment::to_sigma(1, &nonce, reveal.value))); // bob is holder 1
/// # Ok::<(), tinyspdz::Error>(())
/// ```
pub fn to_sigma<F: TinyField>(position: usize, nonce: &Bytes32, sigma: F) -> Bytes32 {
    commitment(MAC_CHECK, position, nonce, sigma)
}

/// The commitment the holder at `position` sends for its σᵢ in the MAC check of binary
/// openings, with `nonce`.
pub(crate) fn to_bit_sigma(position: usize, nonce: &Bytes32, sigma: u64) -> Bytes32 {
    commitment(MAC_CHECK, position, nonce, sigma)
}

/// The commitment the holder at `position` sends for its coin-toss `seed` (the seed is
/// its own nonce): SHA-256(t ‖ i ‖ sᵢ).
pub fn to_seed(position: usize, seed: &Bytes32) -> Bytes32 {
    commitment(COIN_TOSS, position, seed, ())
}

/// c = SHA-256(t ‖ i ‖ ρ ‖ v), i as four bytes (a position beyond them, which no
/// holder has, hashes as the largest).
pub(crate) fn commitment(tag: &[u8], sender: usize, nonce: &Bytes32, v: impl Committed) -> Bytes32 {
    let mut hash = Sha256::new();
    hash.update(tag);
    hash.update(u32::try_from(sender).unwrap_or(u32::MAX).to_le_bytes());
    hash.update(nonce.0);
    v.hash_into(&mut hash);
    Bytes32(hash.finalize().into())
}

/// 32 fresh random bytes from the simulation's generator.
pub(crate) fn random_bytes(rng: &mut impl Rng) -> Bytes32 {
    let mut bytes = [0; 32];
    rng.fill_bytes(&mut bytes);
    Bytes32(bytes)
}

/// One commit-then-reveal among the holders at `positions` of `set`.
pub(crate) struct Round<'a> {
    set: HolderSetId,
    positions: &'a [usize],
    /// The steps of the two messages, as views show them (commit, then reveal).
    steps: (Step, Step),
    /// Separates the uses of commitments.
    tag: &'static [u8],
    /// What is opened, as [`Error::BrokenCommitment`] names it.
    opening: &'static str,
    /// Whether the opened value is a seed: its nonce is the value, sent as bytes alone.
    seeds: bool,
}

impl<'a> Round<'a> {
    /// The coin toss's round: seeds, committed as their own nonces.
    pub fn coin_toss(set: HolderSetId, positions: &'a [usize]) -> Self {
        Round {
            set,
            positions,
            steps: (Step::CoinCommit, Step::CoinReveal),
            tag: COIN_TOSS,
            opening: "coin-toss seed",
            seeds: true,
        }
    }

    /// The MAC check's round: each σᵢ with a fresh nonce.
    pub fn sigma(set: HolderSetId, positions: &'a [usize]) -> Self {
        Round {
            set,
            positions,
            steps: (Step::MacCommit, Step::MacReveal),
            tag: MAC_CHECK,
            opening: "σᵢ",
            seeds: false,
        }
    }

    /// Steps 1–3 for the values `v` of the holders at `positions` (with their nonces):
    /// commit, let `rush` rewrite what rushing holders reveal once the others' values are
    /// known, reveal, verify. Returns the values and nonces as revealed, and adds the
    /// messages to `costs`.
    ///
    /// # Errors
    ///
    /// [`Error::BrokenCommitment`] naming the first holder who withheld its opening or
    /// opened something its commitment does not match.
    pub fn run<F: TinyField, V: Committed>(
        &self,
        w: &mut World<F>,
        mut v: Vec<(V, Bytes32)>,
        wire: impl Fn(V) -> F,
        rush: impl Fn(&[V], usize) -> V,
        costs: &mut Costs,
    ) -> Result<Vec<(V, Bytes32)>> {
        let holders = w.holder_sets.shared(self.set);
        let (commit, reveal) = self.steps;
        let links = (self.positions.len() * (holders.len() - 1)) as u64;
        // Step 1: commit (skipped without commitments).
        let commitments: Option<Vec<Bytes32>> = w.commitments.then(|| {
            let c: Vec<Bytes32> = (self.positions.iter().zip(&v))
                .map(|(&i, (value, nonce))| commitment(self.tag, i, nonce, *value))
                .collect();
            for (&i, &ci) in self.positions.iter().zip(&c) {
                w.broadcast(&holders, i, commit, F::ZERO, Some(ci));
            }
            *costs += link_costs(links, 0, 32);
            c
        });
        // A rushing holder waits for the others' values and reveals one that suits it.
        if !w.adversary.rushers.is_empty() {
            let values: Vec<V> = v.iter().map(|(value, _)| *value).collect();
            for (k, &i) in self.positions.iter().enumerate() {
                if w.adversary.rushers.contains(&holders[i]) {
                    v[k].0 = rush(&values, k);
                }
            }
        }
        // Step 2: reveal, all in the same round (a withholding holder sends nothing, and
        // the first one is named once the others have revealed).
        // A seed goes on the wire as bytes; σᵢ as an element, with its nonce if committed.
        let with_bytes = self.seeds || w.commitments;
        let mut withheld = None;
        for (&i, &(value, nonce)) in self.positions.iter().zip(&v) {
            if w.adversary.withholders.contains(&holders[i]) {
                withheld = withheld.or(Some(holders[i]));
                continue;
            }
            w.broadcast(
                &holders,
                i,
                reveal,
                wire(value),
                with_bytes.then_some(nonce),
            );
        }
        if let Some(machine) = withheld {
            return Err(w.broken(machine, self.opening, true));
        }
        let elements = if self.seeds { 0 } else { links };
        *costs += link_costs(links, elements, if with_bytes { 32 } else { 0 });
        // Step 3: verify every opening against its commitment.
        if let Some(c) = commitments {
            for ((&i, &(value, nonce)), ci) in self.positions.iter().zip(&v).zip(&c) {
                // Commitments are public: a plain comparison leaks nothing.
                if commitment(self.tag, i, &nonce, value) != *ci {
                    return Err(w.broken(holders[i], self.opening, false));
                }
            }
        }
        Ok(v)
    }
}

/// The costs of one message on each of `links` links, carrying `bytes` bytes each and
/// `elements` field elements in all (those count as the MAC check's elements too).
fn link_costs(links: u64, elements: u64, bytes: u64) -> Costs {
    Costs {
        messages: links,
        elements,
        mac_elements: elements,
        hash_bytes: bytes * links,
        ..Costs::default()
    }
}

impl<F: TinyField> World<F> {
    /// Aborts the simulation: `machine` broke its commitment to its `opening`.
    fn broken(&mut self, machine: MachineId, opening: &'static str, withheld: bool) -> Error {
        let error = Error::BrokenCommitment {
            machine: self.names(&[machine]).remove(0),
            opening,
            withheld,
        };
        self.aborted = Some(error.clone());
        error
    }
}
