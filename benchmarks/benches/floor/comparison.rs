//! The comparison floor: the 64-bit comparison `x < k` of the binary domain among three
//! parties on bare arrays, with no tinyspdz types (the field is `F127`), as the crate runs
//! it (`circuits/comparison.rs`, `circuits/truncation.rs`, `circuits/binary_bit_lt.rs`):
//!
//! 1. the dealer's edaBit of m = ℓ − 1 = 63 bits (its bits XOR-shared with GF(2⁶⁴) MACs,
//!    r′ in the field), the AND triple on each bit, r″ of ℓ + κ − m = 41 bits and a daBit;
//! 2. c = 2^{ℓ−1} + (x − k) + 2ᵐ·r″ + r′ opened in the field;
//! 3. BitLT of c mod 2ᵐ and r′ among the XOR-shared bits (62 openings of one bit);
//! 4. the daBit's conversion of the answer u to the field, and
//!    \[x < k\] = −(a − (2ᵐ·u − r′ + c mod 2ᵐ))·2⁻ᵐ;
//! 5. the MAC checks: the field's random combination and the bits' Horner sum in
//!    GF(2⁶⁴), every [`BATCH`] openings of each kind.
//!
//! No commitments, no coin toss, no views and no ledger: what is left is the arithmetic
//! and the randomness every comparison needs.

use ff::{Field, PrimeField};
use rand::rngs::ChaCha12Rng;
use rand::{RngExt, SeedableRng};
use tinyspdz::{F127, TinyField};

use super::{Auth, BATCH, PARTIES, Shares, auth, share3};

/// The width ℓ of the comparison, and m = ℓ − 1 bits of BitLT.
pub const BITS: u32 = 64;
const M: usize = BITS as usize - 1;
/// r″'s bits: ℓ + κ − m with κ = 40.
const HIGH: u32 = BITS + 40 - M as u32;

/// A bit XOR-shared among the parties, and XOR shares of its MAC bit·Δ.
#[derive(Clone, Copy, Default)]
struct Bit {
    v: [u64; PARTIES],
    m: [u64; PARTIES],
}

impl Bit {
    fn xor(self, other: Bit) -> Bit {
        Bit {
            v: std::array::from_fn(|i| self.v[i] ^ other.v[i]),
            m: std::array::from_fn(|i| self.m[i] ^ other.m[i]),
        }
    }

    /// p ∧ self for a public bit p (0 or 1).
    fn and_public(self, p: u64) -> Bit {
        let mask = p.wrapping_neg();
        Bit {
            v: self.v.map(|s| s & mask),
            m: self.m.map(|s| s & mask),
        }
    }

    /// The opened bit (XOR of the shares) and the MAC shares the check needs.
    fn open(self, pending: &mut Vec<(u64, Shares<u64>)>) -> u64 {
        let bit = self.v.iter().fold(0, |acc, s| acc ^ s);
        pending.push((bit, self.m));
        bit
    }
}

/// Random share bits, 128 drawn at a time.
struct Pool {
    word: u128,
    left: u32,
}

impl Pool {
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

/// The dealer's XOR sharing of `bit` and of its MAC bit·Δ.
#[inline(always)]
fn deal_bit(bit: u64, delta: u64, rng: &mut ChaCha12Rng, pool: &mut Pool) -> Bit {
    let (s0, s1) = (pool.bit(rng), pool.bit(rng));
    let (m0, m1): (u64, u64) = (rng.random(), rng.random());
    Bit {
        v: [s0, s1, bit ^ s0 ^ s1],
        m: [m0, m1, (bit * delta) ^ m0 ^ m1],
    }
}

/// a·b in GF(2⁶⁴) modulo x⁶⁴ + x⁴ + x³ + x + 1, by shifting and adding.
fn gf_mul(mut a: u64, mut b: u64) -> u64 {
    let mut product = 0;
    while b != 0 {
        product ^= a * (b & 1);
        b >>= 1;
        a = (a << 1) ^ ((a >> 63) * 0x1b);
    }
    product
}

/// Tables for multiplying by one χ: entry b of table k is (b·x^{8k})·χ.
fn tables(chi: u64) -> Box<[[u64; 256]; 8]> {
    let mut tables = Box::new([[0u64; 256]; 8]);
    for (k, table) in tables.iter_mut().enumerate() {
        for b in 1..256usize {
            let low = b.trailing_zeros() as usize;
            table[b] = table[b & (b - 1)] ^ gf_mul(1 << (8 * k + low), chi);
        }
    }
    tables
}

/// The comparison floor ready to run: N authenticated inputs xᵢ = 7919·i − 800,000, the
/// public k, both keys and their shares, the buffers of openings awaiting their checks and
/// a seeded generator.
pub struct ComparisonFloor {
    xs: Vec<Auth<F127>>,
    k: F127,
    alpha: (F127, Shares<F127>),
    delta: (u64, Shares<u64>),
    pending: Vec<(F127, Shares<F127>)>,
    pending_bits: Vec<(u64, Shares<u64>)>,
    rng: ChaCha12Rng,
}

impl ComparisonFloor {
    pub fn new(n: usize, k: i64, seed: u64) -> Self {
        let mut rng = ChaCha12Rng::seed_from_u64(seed);
        let key = F127::random(&mut rng);
        let alpha = (key, share3(key, &mut rng));
        let delta: u64 = rng.random();
        let (d0, d1): (u64, u64) = (rng.random(), rng.random());
        let xs = (0..n as i64)
            .map(|i| auth(signed(7919 * i - 800_000), key, &mut rng))
            .collect();
        ComparisonFloor {
            xs,
            k: signed(k),
            alpha,
            delta: (delta, [d0, d1, delta ^ d0 ^ d1]),
            pending: Vec::with_capacity(BATCH),
            pending_bits: Vec::with_capacity(BATCH),
            rng,
        }
    }

    /// N comparisons xᵢ < k; returns the sum of party 0's shares of the results, so that
    /// nothing is optimized away, and the results opened.
    pub fn run(&mut self) -> (F127, Vec<i64>) {
        let (key, key_shares) = self.alpha;
        let (delta, _) = self.delta;
        let two_m = F127::from_u128(1 << M);
        let inverse_two_m: F127 = Option::from(two_m.invert()).expect("p is odd");
        let half = F127::from_u128(1 << (BITS - 1));
        let rng = &mut self.rng;
        let mut pool = Pool { word: 0, left: 0 };
        let (mut acc, mut opened) = (F127::ZERO, Vec::with_capacity(self.xs.len()));
        for x in &self.xs {
            // Step 1: the dealer's edaBit, AND triples, r″ and daBit.
            let (bits, masks): (u128, u128) = (rng.random(), rng.random());
            let r: [Bit; M] =
                std::array::from_fn(|i| deal_bit((bits >> i & 1) as u64, delta, rng, &mut pool));
            let mut and = [(Bit::default(), Bit::default()); M];
            for i in 1..M {
                let (ri, bi) = ((bits >> i & 1) as u64, (masks >> i & 1) as u64);
                let b = deal_bit(bi, delta, rng, &mut pool);
                and[i] = (b, deal_bit(ri & bi, delta, rng, &mut pool));
            }
            let beta_bit = (masks & 1) as u64;
            let beta = deal_bit(beta_bit, delta, rng, &mut pool);
            let low = auth(F127::from_u128(bits & ((1 << M) - 1)), key, rng);
            let high_value = rng.random::<u128>() & ((1 << HIGH) - 1);
            let high = auth(F127::from_u128(high_value), key, rng);
            let beta_field = auth(F127::from(beta_bit), key, rng);
            // Step 2: a = x − k, and c = 2^{ℓ−1} + a + 2ᵐ·r″ + r′ opened.
            let mut a = *x;
            a.v[0] -= self.k;
            for i in 0..PARTIES {
                a.m[i] -= key_shares[i] * self.k;
            }
            let mut c = F127::ZERO;
            let mut c_macs = [F127::ZERO; PARTIES];
            for i in 0..PARTIES {
                c += a.v[i] + two_m * high.v[i] + low.v[i];
                c_macs[i] = a.m[i] + two_m * high.m[i] + low.m[i] + key_shares[i] * half;
            }
            c += half;
            self.pending.push((c, c_macs));
            let c_low = c.to_u128() & ((1 << M) - 1);
            // Step 3: BitLT of c mod 2ᵐ and r′.
            let c_bit = |i: usize| (c_low >> i & 1) as u64;
            let mut lt = r[0].and_public(1 - c_bit(0));
            for i in 1..M {
                let (b, rb) = and[i];
                let e = lt.xor(b).open(&mut self.pending_bits);
                let t = rb.xor(r[i].and_public(e));
                lt = match c_bit(i) {
                    1 => t,
                    _ => r[i].xor(lt).xor(t),
                };
            }
            // Step 4: u = β or 1 − β, then the truncation and the sign.
            let v = lt.xor(beta).open(&mut self.pending_bits);
            let (s, k) = (F127::ONE - F127::from(2 * v), F127::from(v));
            let c_low = F127::from_u128(c_low);
            let mut result = Auth {
                v: [F127::ZERO; PARTIES],
                m: [F127::ZERO; PARTIES],
            };
            for i in 0..PARTIES {
                let u = s * beta_field.v[i] + if i == 0 { k } else { F127::ZERO };
                let u_mac = s * beta_field.m[i] + key_shares[i] * k;
                let mut low_v = two_m * u - low.v[i];
                if i == 0 {
                    low_v += c_low;
                }
                let low_m = two_m * u_mac - low.m[i] + key_shares[i] * c_low;
                result.v[i] = -(a.v[i] - low_v) * inverse_two_m;
                result.m[i] = -(a.m[i] - low_m) * inverse_two_m;
            }
            acc += result.v[0] + result.m[0];
            opened.push(result.v.iter().sum::<F127>());
            // Step 5: the checks, when a buffer is full.
            if self.pending.len() >= BATCH {
                check_field(&mut self.pending, key_shares, rng);
            }
            if self.pending_bits.len() >= BATCH {
                check_bits(&mut self.pending_bits, self.delta.1, rng);
            }
        }
        let bits = opened.iter().map(|b| i64::from(*b == F127::ONE)).collect();
        (acc, bits)
    }
}

/// `v` as a field element, negative numbers as p − |v|.
fn signed(v: i64) -> F127 {
    match v < 0 {
        true => -F127::from(v.unsigned_abs()),
        false => F127::from(v as u64),
    }
}

/// The field's MAC check: a random combination of the openings.
fn check_field(
    pending: &mut Vec<(F127, Shares<F127>)>,
    key_shares: Shares<F127>,
    rng: &mut ChaCha12Rng,
) {
    let (mut sigma, mut a) = ([F127::ZERO; PARTIES], F127::ZERO);
    for (value, macs) in pending.drain(..) {
        let r = F127::random(&mut *rng);
        a += r * value;
        for i in 0..PARTIES {
            sigma[i] += r * macs[i];
        }
    }
    let total: F127 = (0..PARTIES).map(|i| sigma[i] - key_shares[i] * a).sum();
    assert!(
        total == F127::ZERO,
        "the comparison floor's MAC check failed"
    );
}

/// The bits' MAC check: σᵢ = Σⱼ χ^{k−j}·(mⱼᵢ ⊕ vⱼ·Δᵢ) by Horner's rule, XORed to zero.
fn check_bits(
    pending: &mut Vec<(u64, Shares<u64>)>,
    delta_shares: Shares<u64>,
    rng: &mut ChaCha12Rng,
) {
    let times = tables(rng.random());
    let apply = |x: u64| {
        let bytes = x.to_le_bytes();
        (0..8).fold(0, |acc, k| acc ^ times[k][bytes[k] as usize])
    };
    let mut sigma = [0u64; PARTIES];
    for (v, macs) in pending.drain(..) {
        for i in 0..PARTIES {
            sigma[i] = apply(sigma[i]) ^ macs[i] ^ (v * delta_shares[i]);
        }
    }
    let total = sigma.iter().fold(0, |acc, s| acc ^ s);
    assert!(total == 0, "the comparison floor's binary MAC check failed");
}
