//! The floor that the benchmarks are measured against: Beaver multiplications among three
//! parties on bare arrays of `F127` elements, the dealer included, with no tinyspdz types.
//!
//! Shared by `benches/multiplication.rs` and `benches/workloads.rs` (`mod floor;`), so
//! every figure is quoted against the same loop.

// The floor indexes shares as the math does (xᵢ, aᵢ, …), several arrays at once.
#![allow(clippy::needless_range_loop)]

use ff::Field;
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::F127;

pub const PARTIES: usize = 3;
/// Openings between two MAC checks in the bare loop, as in the crate.
pub const BATCH: usize = 1 << 14;

pub type Shares = [F127; PARTIES];

/// Additive shares of `x` for the three parties.
pub fn share3(x: F127, rng: &mut ChaCha12Rng) -> Shares {
    let s0 = F127::random(&mut *rng);
    let s1 = F127::random(&mut *rng);
    [s0, s1, x - s0 - s1]
}

/// A value's shares and MAC shares.
#[derive(Clone, Copy)]
pub struct Auth {
    pub v: Shares,
    pub m: Shares,
}

/// Authenticated shares of `x` under the MAC key `alpha`.
pub fn auth(x: F127, alpha: F127, rng: &mut ChaCha12Rng) -> Auth {
    Auth {
        v: share3(x, rng),
        m: share3(alpha * x, rng),
    }
}

/// The SPDZ floor: N Beaver multiplications on bare arrays with authenticated triples,
/// MAC shares of d and e kept for a batched MAC check (random linear combination) every
/// `BATCH` openings, and the product's MAC shares. `alpha` is the MAC key and its shares;
/// `pending` is the reused buffer of openings awaiting the check.
pub fn bare_loop_macs(
    xs: &[Auth],
    ys: &[Auth],
    alpha: (F127, Shares),
    pending: &mut Vec<(F127, Shares)>,
    rng: &mut ChaCha12Rng,
) -> F127 {
    let (key, key_shares) = alpha;
    let mut acc = F127::ZERO;
    for (x, y) in xs.iter().zip(ys) {
        let (a, b) = (F127::random(&mut *rng), F127::random(&mut *rng));
        let (ta, tb, tc) = (auth(a, key, rng), auth(b, key, rng), auth(a * b, key, rng));
        let (mut d, mut e) = (F127::ZERO, F127::ZERO);
        let (mut md, mut me) = ([F127::ZERO; PARTIES], [F127::ZERO; PARTIES]);
        for i in 0..PARTIES {
            d += x.v[i] - ta.v[i];
            e += y.v[i] - tb.v[i];
            md[i] = x.m[i] - ta.m[i];
            me[i] = y.m[i] - tb.m[i];
        }
        pending.push((d, md));
        pending.push((e, me));
        let mut z = Auth {
            v: [F127::ZERO; PARTIES],
            m: [F127::ZERO; PARTIES],
        };
        for i in 0..PARTIES {
            z.v[i] = tc.v[i] + d * tb.v[i] + e * ta.v[i];
            z.m[i] = tc.m[i] + d * tb.m[i] + e * ta.m[i] + key_shares[i] * d * e;
        }
        z.v[0] += d * e;
        acc += z.v[0] + z.m[0];
        if pending.len() >= BATCH {
            let mut sigma = [F127::ZERO; PARTIES];
            let mut opened = F127::ZERO;
            for (value, macs) in pending.drain(..) {
                let r = F127::random(&mut *rng);
                opened += r * value;
                for i in 0..PARTIES {
                    sigma[i] += r * macs[i];
                }
            }
            let total: F127 = (0..PARTIES)
                .map(|i| sigma[i] - key_shares[i] * opened)
                .sum();
            assert_eq!(total, F127::ZERO, "the bare loop's MAC check failed");
        }
    }
    acc
}

/// The MAC floor ready to run: N authenticated pairs (xᵢ = i, yᵢ = 3i), the key, the
/// pending buffer and a seeded generator.
pub struct MacFloor {
    xs: Vec<Auth>,
    ys: Vec<Auth>,
    alpha: (F127, Shares),
    pending: Vec<(F127, Shares)>,
    rng: ChaCha12Rng,
}

impl MacFloor {
    pub fn new(n: usize, seed: u64) -> Self {
        let mut rng = ChaCha12Rng::seed_from_u64(seed);
        let key = F127::random(&mut rng);
        let alpha = (key, share3(key, &mut rng));
        let xs = (0..n as u64)
            .map(|i| auth(F127::from(i), key, &mut rng))
            .collect();
        let ys = (0..n as u64)
            .map(|i| auth(F127::from(3 * i), key, &mut rng))
            .collect();
        MacFloor {
            xs,
            ys,
            alpha,
            pending: Vec::with_capacity(BATCH),
            rng,
        }
    }

    /// N products, see [`bare_loop_macs`].
    pub fn run(&mut self) -> F127 {
        bare_loop_macs(
            &self.xs,
            &self.ys,
            self.alpha,
            &mut self.pending,
            &mut self.rng,
        )
    }
}
