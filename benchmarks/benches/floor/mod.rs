//! The floor that the benchmarks are measured against: Beaver multiplications among three
//! parties on bare arrays of field elements (`F127` unless another field is named), the
//! dealer included, with no tinyspdz types.
//!
//! Shared by `benchmarks/benches/multiplication.rs`, `benchmarks/benches/workloads.rs`, `benchmarks/benches/field.rs` and
//! `benchmarks/benches/targets.rs` (`mod floor;`), so every figure is quoted against the same loop.

// The floor indexes shares as the math does (xᵢ, aᵢ, …), several arrays at once.
#![allow(clippy::needless_range_loop)]

use ff::{Field, PrimeField};
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::F127;

#[allow(dead_code)] // only `benchmarks/benches/targets.rs` compares
pub mod comparison;
#[allow(dead_code)] // only `benchmarks/benches/scaling.rs` varies the parties
pub mod parties;

/// The criterion settings every criterion bench that measures against the floor uses: 20
/// samples after a 1 s warm-up, 3 s per row.
#[allow(dead_code)] // `benchmarks/benches/targets.rs` times its own slices
pub fn short_runs() -> criterion::Criterion {
    criterion::Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3))
        .sample_size(20)
}

/// The rounds an interleaved bench runs: `TINYSPDZ_ROUNDS`, or `default`.
#[allow(dead_code)] // only `benches/targets.rs` and `benches/scaling.rs` run rounds
pub fn rounds(default: usize) -> usize {
    match std::env::var("TINYSPDZ_ROUNDS") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|&r| r > 0)
            .expect("TINYSPDZ_ROUNDS is a positive number of rounds"),
        Err(_) => default,
    }
}

pub const PARTIES: usize = 3;
/// Openings between two MAC checks in the bare loop, as in the crate.
pub const BATCH: usize = 1 << 14;

pub type Shares<F = F127> = [F; PARTIES];

/// Additive shares of `x` for the three parties.
pub fn share3<F: Field>(x: F, rng: &mut ChaCha12Rng) -> Shares<F> {
    let s0 = F::random(&mut *rng);
    let s1 = F::random(&mut *rng);
    [s0, s1, x - s0 - s1]
}

/// A value's shares and MAC shares.
#[derive(Clone, Copy)]
pub struct Auth<F = F127> {
    pub v: Shares<F>,
    pub m: Shares<F>,
}

/// Authenticated shares of `x` under the MAC key `alpha`.
pub fn auth<F: Field>(x: F, alpha: F, rng: &mut ChaCha12Rng) -> Auth<F> {
    Auth {
        v: share3(x, rng),
        m: share3(alpha * x, rng),
    }
}

/// The SPDZ floor: N Beaver multiplications on bare arrays with authenticated triples,
/// MAC shares of d and e kept for a batched MAC check (random linear combination) every
/// `BATCH` openings, and the product's MAC shares. `alpha` is the MAC key and its shares;
/// `pending` is the reused buffer of openings awaiting the check.
pub fn bare_loop_macs<F: Field>(
    xs: &[Auth<F>],
    ys: &[Auth<F>],
    alpha: (F, Shares<F>),
    pending: &mut Vec<(F, Shares<F>)>,
    rng: &mut ChaCha12Rng,
) -> F {
    let (key, key_shares) = alpha;
    let mut acc = F::ZERO;
    for (x, y) in xs.iter().zip(ys) {
        let (a, b) = (F::random(&mut *rng), F::random(&mut *rng));
        let (ta, tb, tc) = (auth(a, key, rng), auth(b, key, rng), auth(a * b, key, rng));
        let (mut d, mut e) = (F::ZERO, F::ZERO);
        let (mut md, mut me) = ([F::ZERO; PARTIES], [F::ZERO; PARTIES]);
        for i in 0..PARTIES {
            d += x.v[i] - ta.v[i];
            e += y.v[i] - tb.v[i];
            md[i] = x.m[i] - ta.m[i];
            me[i] = y.m[i] - tb.m[i];
        }
        pending.push((d, md));
        pending.push((e, me));
        let mut z = Auth {
            v: [F::ZERO; PARTIES],
            m: [F::ZERO; PARTIES],
        };
        for i in 0..PARTIES {
            z.v[i] = tc.v[i] + d * tb.v[i] + e * ta.v[i];
            z.m[i] = tc.m[i] + d * tb.m[i] + e * ta.m[i] + key_shares[i] * d * e;
        }
        z.v[0] += d * e;
        acc += z.v[0] + z.m[0];
        if pending.len() >= BATCH {
            let mut sigma = [F::ZERO; PARTIES];
            let mut opened = F::ZERO;
            for (value, macs) in pending.drain(..) {
                let r = F::random(&mut *rng);
                opened += r * value;
                for i in 0..PARTIES {
                    sigma[i] += r * macs[i];
                }
            }
            let total: F = (0..PARTIES)
                .map(|i| sigma[i] - key_shares[i] * opened)
                .sum();
            assert!(total == F::ZERO, "the bare loop's MAC check failed");
        }
    }
    acc
}

/// The MAC floor ready to run: N authenticated pairs (xᵢ = i, yᵢ = 3i), the key, the
/// pending buffer and a seeded generator.
pub struct MacFloor<F = F127> {
    xs: Vec<Auth<F>>,
    ys: Vec<Auth<F>>,
    alpha: (F, Shares<F>),
    pending: Vec<(F, Shares<F>)>,
    rng: ChaCha12Rng,
}

impl<F: PrimeField> MacFloor<F> {
    pub fn new(n: usize, seed: u64) -> Self {
        let mut rng = ChaCha12Rng::seed_from_u64(seed);
        let key = F::random(&mut rng);
        let alpha = (key, share3(key, &mut rng));
        let xs = (0..n as u64)
            .map(|i| auth(F::from(i), key, &mut rng))
            .collect();
        let ys = (0..n as u64)
            .map(|i| auth(F::from(3 * i), key, &mut rng))
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
    pub fn run(&mut self) -> F {
        bare_loop_macs(
            &self.xs,
            &self.ys,
            self.alpha,
            &mut self.pending,
            &mut self.rng,
        )
    }
}
