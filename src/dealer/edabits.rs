//! edaBits and daBits: masks whose bits live in the binary domain.
//!
//! A comparison opens a + r and then compares the public c = a + r with r bit by bit.
//! Bit by bit is cheap among XOR-shared bits ([`crate::protocols::binary`]) and dear in
//! the field, so the dealer deals r in both worlds at once:
//!
//! - an *edaBit*: r′ = Σ 2ⁱ·rᵢ shared in the field, and its bits r₀, …, r_{m−1} shared in
//!   the binary domain; r″ of ℓ + κ − m bits in the field completes the mask
//!   r = 2ᵐ·r″ + r′ as in [`super::bits`];
//! - for each i ≥ 1 an AND triple built on rᵢ: a random bᵢ and cᵢ = rᵢ ∧ bᵢ, so that
//!   rᵢ ∧ y costs one opening (e = y ⊕ bᵢ) instead of two;
//! - a *daBit*: one random bit β shared in both worlds, which carries a binary result
//!   back to the field.
//!
//! # Security note
//!
//! The dealer is trusted to deal consistent bits. Real protocols make edaBits with a
//! cut-and-choose and daBits with a check of many at once (eprint 2020/338, 2019/207).
//! A corrupt dealer ([`crate::Adversary::dealer_bad_triple`]) flips cᵢ and makes MACs for
//! the flipped bit, which no MAC check catches.
//!
//! # References
//!
//! - D. Escudero, S. Ghosh, M. Keller, R. Rachuri, P. Scholl, *Improved Primitives for MPC
//!   over Mixed Arithmetic-Binary Circuits* (edaBits), CRYPTO 2020, eprint 2020/338.
//! - D. Rotaru, T. Wood, *MArBled Circuits: Mixing Arithmetic and Boolean Circuits with
//!   Active Security* (daBits), INDOCRYPT 2019, eprint 2019/207.

use rand::RngExt;
use rand::rngs::ChaCha12Rng;

use super::dealing::{Dealing, ensure_key};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::store::{HolderSetId, Holding};
use crate::tape::{self, Instr};
use crate::view::{DEALER, Record, Step};
use crate::world::World;
use crate::world::fanout::Fanout;
use crate::world::preprocessed::{EdaBits, hand_out_messages};

/// Deals a holder set's shares of the binary key Δ the first time it needs them, beside
/// its shares of α (which [`ensure_key`] dealt first).
fn ensure_bit_key<F: TinyField>(w: &mut World<F>, set: HolderSetId, costs: &mut Costs) {
    if !w.macs || !w.keys.bit_shares(set).is_empty() {
        return;
    }
    let delta = match w.dealer.bit_delta {
        Some(delta) => delta,
        None => *w.dealer.bit_delta.insert(w.rng.random()),
    };
    let holders = w.holder_sets.shared(set);
    let mut shares: Vec<u64> = (1..holders.len()).map(|_| w.rng.random()).collect();
    shares.push(shares.iter().fold(delta, |acc, s| acc ^ s));
    for (&to, &share) in holders.iter().zip(&shares) {
        w.deliver(to, DEALER, Step::MacKey, 0, F::from(share));
    }
    *costs += Costs {
        dealer_messages: holders.len() as u64,
        dealer_bits: 64 * holders.len() as u64,
        ..Costs::default()
    };
    w.keys.give_bits(set, shares);
    w.record(|| Instr::BitKey { set });
}

/// Random bits for shares, drawn 128 at a time.
struct BitPool {
    word: u128,
    left: u32,
}

impl BitPool {
    /// The next random bit.
    #[inline(always)]
    fn bit(&mut self, rng: &mut ChaCha12Rng) -> u64 {
        if self.left == 0 {
            (self.word, self.left) = (rng.random(), 128);
        }
        let bit = (self.word & 1) as u64;
        (self.word, self.left) = (self.word >> 1, self.left - 1);
        bit
    }
}

/// Appends an XOR sharing of `bit` among n holders, then (with a key Δ) n MAC shares of
/// bit·Δ.
#[inline(always)]
fn deal_bit(
    (rng, pool): (&mut ChaCha12Rng, &mut BitPool),
    bit: u64,
    n: usize,
    delta: Option<u64>,
    out: &mut Vec<u64>,
) {
    let mut last = bit;
    for _ in 0..n - 1 {
        let share = pool.bit(rng);
        out.push(share);
        last ^= share;
    }
    out.push(last);
    if let Some(delta) = delta {
        let mut last = bit * delta;
        for _ in 0..n - 1 {
            let share: u64 = rng.random();
            out.push(share);
            last ^= share;
        }
        out.push(last);
    }
}

/// Deals, for each of `lanes` comparisons among `set`, an edaBit of `m` bits with its
/// AND triples, r″ of `high_bits` bits, and a daBit.
pub(crate) fn deal_eda_bits<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    (m, high_bits): (u32, u32),
    lanes: usize,
    costs: &mut Costs,
) -> EdaBits {
    ensure_key(w, set, costs);
    ensure_bit_key(w, set, costs);
    let dealing = Dealing::new(w, set);
    let (n, m) = (w.holder_sets.get(set).len(), m as usize);
    let delta = w.dealer.bit_delta.filter(|_| w.macs);
    let buffer = || Vec::with_capacity(lanes * w.lane_len(set));
    let mut r: Vec<Vec<u64>> = (0..m).map(|_| buffer()).collect();
    let mut and: Vec<[Vec<u64>; 2]> = (1..m).map(|_| [buffer(), buffer()]).collect();
    let mut beta = buffer();
    let mut field: [Vec<F>; 3] = std::array::from_fn(|_| w.store.buffer());
    let mut pool = BitPool { word: 0, left: 0 };
    for _ in 0..lanes {
        let (bits, masks): (u128, u128) = (w.rng.random(), w.rng.random());
        for (i, r) in r.iter_mut().enumerate() {
            deal_bit((&mut w.rng, &mut pool), (bits >> i & 1) as u64, n, delta, r);
        }
        for (i, [b, c]) in and.iter_mut().enumerate() {
            w.dealer.triples += 1;
            let flip = w.adversary.triple_offset(w.dealer.triples) != F::ZERO;
            let (ri, bi) = ((bits >> (i + 1) & 1) as u64, (masks >> (i + 1) & 1) as u64);
            deal_bit((&mut w.rng, &mut pool), bi, n, delta, b);
            deal_bit(
                (&mut w.rng, &mut pool),
                (ri & bi) ^ u64::from(flip),
                n,
                delta,
                c,
            );
        }
        let beta_bit = (masks & 1) as u64;
        deal_bit((&mut w.rng, &mut pool), beta_bit, n, delta, &mut beta);
        let low = F::from_u128(bits & ((1u128 << m) - 1));
        let high = F::from_u128(w.rng.random::<u128>() & ((1u128 << high_bits) - 1));
        for (v, out) in [low, high, F::from(beta_bit)].into_iter().zip(&mut field) {
            dealing.deal(&mut w.rng, v, out);
        }
    }
    // Numbers for the binary values, so that views can name them.
    let first_bit = w.store.take_numbers(m + 2 * (m - 1) + 1);
    let first = w.store.next_number();
    hand_out_all(w, set, lanes, (first_bit, first), (&r, &and, &beta), &field);
    w.record(|| {
        Instr::EdaBits(tape::EdaBits {
            set,
            m: m as u32,
            numbers: (first_bit, first),
            lanes,
        })
    });
    let width = w.lane_len(set) as u64;
    let (bit_values, n64) = ((3 * m - 1) as u64 * lanes as u64, n as u64);
    w.dealer.masks += 2 * lanes as u64;
    *costs += Costs {
        triples: (m as u64 - 1) * lanes as u64,
        masks: 2 * lanes as u64,
        dealer_messages: n64 * (bit_values + 3 * lanes as u64),
        dealer_elements: 3 * width * lanes as u64,
        dealer_bits: bit_values * if delta.is_some() { 65 * n64 } else { n64 },
        ..Costs::default()
    };
    let valid = w.online_mask(set);
    let [low, high, beta_field] = field.map(|d| w.store.insert(Holding::Shared(set), 0, valid, d));
    EdaBits {
        first_bit,
        r,
        and,
        beta,
        low,
        high,
        beta_field,
    }
}

/// The binary parts of [`EdaBits`]: r, the AND triples, β.
type Binary<'a> = (&'a [Vec<u64>], &'a [[Vec<u64>; 2]], &'a [u64]);

/// Every holder's part of everything dealt, lane by lane: the binary values numbered
/// from `first_bit` (rᵢ, then each bᵢ and cᵢ, then β), the field ones from `first`.
fn hand_out_all<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    lanes: usize,
    (first_bit, first): (u64, u64),
    (r, and, beta): Binary<'_>,
    field: &[Vec<F>; 3],
) {
    let holders = w.holder_sets.shared(set);
    let (n, width) = (holders.len(), w.lane_len(set));
    let binary_values = r.len() + 2 * and.len() + 1;
    let fanout = Fanout::dealt(&holders, binary_values + field.len(), width);
    w.deliver_lanes(lanes, fanout, |j, out| {
        let binary = r.iter().map(|v| (Step::DealtBit, v.as_slice())).chain(
            and.iter()
                .flatten()
                .map(|v| (Step::BitTriple, v.as_slice())),
        );
        let beta = std::iter::once((Step::DealtBit, beta));
        for (about, (step, v)) in (first_bit..).zip(binary.chain(beta)) {
            let dealt = &v[j * width..(j + 1) * width];
            for (k, &to) in holders.iter().enumerate() {
                let record = |step, value: u64| Record {
                    from: DEALER,
                    step,
                    about,
                    value: F::from(value),
                };
                out.push((to, record(step, dealt[k])));
                if width > n {
                    out.push((to, record(Step::DealtMac, dealt[n + k])));
                }
            }
        }
        for (k, slot) in field.iter().enumerate() {
            let dealt = &slot[j * width..(j + 1) * width];
            hand_out_messages(&holders, Step::MaskBit, first + k as u64, dealt, out);
        }
    });
}
