//! A coin toss: public random bits that no holder can choose, drawn by the holders
//! together for the MAC check's random coefficients.
//!
//! # The math
//!
//! Each holder i contributes a random seed sᵢ of 256 bits, and the coin is
//!
//! s = SHA-256(t ‖ s₁ ‖ s₂ ‖ … ‖ sₙ),
//!
//! which is uniformly random as soon as one sᵢ is and was chosen without knowing the
//! others. Commitments make sure of that: every holder commits to sᵢ before anyone
//! reveals. The coefficients r₁, …, rₖ (or χ, for bits) are then drawn from a ChaCha12
//! stream seeded with s, the same on every holder.
//!
//! # Protocol (the coin toss F_Rand that MACCheck's step 1 assumes, Damgård et al.
//! 2012/642, §4)
//!
//! 1. Each holder i draws sᵢ and sends cᵢ = SHA-256(t ‖ i ‖ sᵢ) to the others
//!    ([`crate::protocols::commitment`]; sᵢ is 256 random bits, so it needs no nonce).
//! 2. Once it has every commitment, each holder reveals sᵢ.
//! 3. Each holder checks every sᵢ against cᵢ and computes s. A holder that withholds sᵢ or
//!    reveals one that does not match is named, and everybody aborts.
//!
//! Two rounds, which the MAC check adds to its own two.
//!
//! # Security note
//!
//! What the coin toss protects against: a holder that could choose the coefficients, or
//! learn them before σᵢ is fixed, could pick its tampering so that r·α·δ cancels, or
//! cancel it with a second tampering. With the coin toss nobody knows r before every σᵢ
//! depends on it. What it cannot protect against is a holder that walks away after
//! seeing the others' seeds: SPDZ is secure *with abort*, and the check then outputs
//! nothing. Without commitments
//! ([`crate::SimulationBuilder::mac_check_without_commitments`]) the last holder to reveal
//! chooses s. The seeds come from the simulation's one seeded generator.
//!
//! # References
//!
//! - Damgård, Keller, Larraia, Pastro, Scholl, Smart, eprint 2012/642, §4.
//! - Blum, *Coin Flipping by Telephone*, CRYPTO 1981 (commit-then-reveal coin tossing).

use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use sha2::{Digest, Sha256};

use super::commitment::{COIN_TOSS, Round, random_bytes};
use crate::error::Result;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::store::HolderSetId;
use crate::view::Bytes32;
use crate::world::World;

/// Steps 1–3 among the holders at `positions` of `set`, each with its seed from `seeds`
/// (step 1, drawn by the caller): a random stream they all agree on.
///
/// # Errors
///
/// [`crate::Error::BrokenCommitment`] when a holder withholds its seed or reveals one that
/// does not open its commitment.
pub(crate) fn toss<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    positions: &[usize],
    seeds: &[Bytes32],
    costs: &mut Costs,
) -> Result<ChaCha12Rng> {
    // Step 1: each holder's seed, as its own nonce (the committed value is empty).
    let seeds: Vec<((), Bytes32)> = seeds.iter().map(|&s| ((), s)).collect();
    // Steps 2–3 (a rushing holder gains nothing here: it keeps its seed).
    let round = Round::coin_toss(set, positions);
    let revealed = round.run(w, seeds, |_| F::ZERO, |_, _| (), costs)?;
    Ok(stream(revealed.iter().map(|(_, seed)| seed)))
}

/// Step 3: the stream seeded by SHA-256 of the revealed seeds, in the holders' order.
pub fn stream<'a>(seeds: impl IntoIterator<Item = &'a Bytes32>) -> ChaCha12Rng {
    let mut hash = Sha256::new();
    hash.update(COIN_TOSS);
    for seed in seeds {
        hash.update(seed.0);
    }
    ChaCha12Rng::from_seed(hash.finalize().into())
}

/// Step 1 for `count` holders, then a commitment nonce for each: what each checking
/// holder draws for one MAC check, from the simulation's generator.
pub(crate) fn draw<F>(w: &mut World<F>, count: usize) -> (Vec<Bytes32>, Vec<Bytes32>) {
    let mut draw = || (0..count).map(|_| random_bytes(&mut w.rng)).collect();
    let seeds = draw();
    (seeds, draw())
}
