//! The products' floor for any number of parties n, with SPDZ MACs or semi-honest (no
//! MACs): the loop of [`super::bare_loop_macs`] with the shares of each value in a slice
//! of n elements instead of an array of three, so that its cost per product can be
//! followed as n grows (`benchmarks/benches/scaling.rs`).

use ff::Field;
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::F127;

use super::BATCH;

/// Writes n additive shares of `x` into `out`.
fn share(x: F127, rng: &mut ChaCha12Rng, out: &mut [F127]) {
    let (last, first) = out.split_last_mut().expect("at least one party");
    let mut rest = x;
    for s in first {
        *s = F127::random(&mut *rng);
        rest -= *s;
    }
    *last = rest;
}

/// A value's n shares and (with MACs) n MAC shares, side by side.
struct Value {
    v: Vec<F127>,
    m: Vec<F127>,
}

impl Value {
    fn new(n: usize, macs: bool) -> Self {
        Value {
            v: vec![F127::ZERO; n],
            m: vec![F127::ZERO; if macs { n } else { 0 }],
        }
    }

    /// Fresh shares of `x` (and of α·x).
    fn deal(&mut self, x: F127, alpha: F127, rng: &mut ChaCha12Rng) {
        share(x, rng, &mut self.v);
        if !self.m.is_empty() {
            share(alpha * x, rng, &mut self.m);
        }
    }
}

/// N Beaver products among n parties on bare slices, ready to run.
pub struct PartiesFloor {
    n: usize,
    macs: bool,
    alpha: F127,
    alpha_shares: Vec<F127>,
    xs: Vec<Value>,
    ys: Vec<Value>,
    /// The triple's a, b, c and the product z, reused from product to product.
    scratch: [Value; 4],
    /// Opened values and their MAC shares (n per value), awaiting the check.
    pending: Vec<F127>,
    pending_macs: Vec<F127>,
    rng: ChaCha12Rng,
}

impl PartiesFloor {
    /// `count` products of xᵢ = i and yᵢ = 3i among `n` parties.
    pub fn new(n: usize, count: usize, macs: bool, seed: u64) -> Self {
        let mut rng = ChaCha12Rng::seed_from_u64(seed);
        let alpha = if macs {
            F127::random(&mut rng)
        } else {
            F127::ZERO
        };
        let mut alpha_shares = vec![F127::ZERO; n];
        share(alpha, &mut rng, &mut alpha_shares);
        let mut dealt = |x: u64| {
            let mut value = Value::new(n, macs);
            value.deal(F127::from(x), alpha, &mut rng);
            value
        };
        let xs = (0..count as u64).map(&mut dealt).collect();
        let ys = (0..count as u64).map(|i| dealt(3 * i)).collect();
        PartiesFloor {
            n,
            macs,
            alpha,
            alpha_shares,
            xs,
            ys,
            scratch: std::array::from_fn(|_| Value::new(n, macs)),
            pending: Vec::with_capacity(BATCH),
            pending_macs: Vec::with_capacity(BATCH * n),
            rng,
        }
    }

    /// The products; returns party 0's shares of them, summed, so nothing is optimized
    /// away.
    pub fn run(&mut self) -> F127 {
        let (n, alpha, rng) = (self.n, self.alpha, &mut self.rng);
        let [a, b, c, z] = &mut self.scratch;
        let mut acc = F127::ZERO;
        for (x, y) in self.xs.iter().zip(&self.ys) {
            let (ra, rb) = (F127::random(&mut *rng), F127::random(&mut *rng));
            a.deal(ra, alpha, rng);
            b.deal(rb, alpha, rng);
            c.deal(ra * rb, alpha, rng);
            let (mut d, mut e) = (F127::ZERO, F127::ZERO);
            for i in 0..n {
                d += x.v[i] - a.v[i];
                e += y.v[i] - b.v[i];
            }
            for i in 0..n {
                z.v[i] = c.v[i] + d * b.v[i] + e * a.v[i];
            }
            z.v[0] += d * e;
            acc += z.v[0];
            if self.macs {
                self.pending.extend([d, e]);
                let macs = x.m.iter().zip(&a.m).chain(y.m.iter().zip(&b.m));
                self.pending_macs.extend(macs.map(|(x, a)| *x - *a));
                for i in 0..n {
                    z.m[i] = c.m[i] + d * b.m[i] + e * a.m[i] + self.alpha_shares[i] * d * e;
                }
                acc += z.m[0];
                if self.pending.len() >= BATCH {
                    check(
                        &mut self.pending,
                        &mut self.pending_macs,
                        &self.alpha_shares,
                        rng,
                    );
                }
            }
        }
        acc
    }
}

/// The MAC check: a random combination of the openings, Σᵢ (σᵢ − αᵢ·a) = 0.
fn check(
    pending: &mut Vec<F127>,
    pending_macs: &mut Vec<F127>,
    alpha_shares: &[F127],
    rng: &mut ChaCha12Rng,
) {
    let n = alpha_shares.len();
    let (mut a, mut sigma) = (F127::ZERO, vec![F127::ZERO; n]);
    for (value, macs) in pending.drain(..).zip(pending_macs.chunks(n)) {
        let r = F127::random(&mut *rng);
        a += r * value;
        for (s, m) in sigma.iter_mut().zip(macs) {
            *s += r * *m;
        }
    }
    pending_macs.clear();
    let total: F127 = sigma
        .iter()
        .zip(alpha_shares)
        .map(|(s, alpha)| *s - *alpha * a)
        .sum();
    assert!(total == F127::ZERO, "the n-party floor's MAC check failed");
}
