//! Independent 3-party multiplications in the default field: the scalar API against a
//! bare loop doing the same Beaver arithmetic on plain arrays (dealer included), with
//! SPDZ MACs and without.
//!
//! Run with `cargo bench --bench multiplication`; BENCHMARKS.md reports the figures as
//! ratios to the bare loops from the same run.

// The floors index shares as the math does (xᵢ, aᵢ, …), several arrays at once.
#![allow(clippy::needless_range_loop)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ff::Field;
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::prelude::*;

const N: usize = 1_000;
const PARTIES: usize = 3;
/// Openings between two MAC checks in the bare loop, as in the crate.
const BATCH: usize = 1 << 14;

type Shares = [F127; PARTIES];

/// Additive shares of `x` for the three parties.
fn share3(x: F127, rng: &mut ChaCha12Rng) -> Shares {
    let s0 = F127::random(&mut *rng);
    let s1 = F127::random(&mut *rng);
    [s0, s1, x - s0 - s1]
}

/// The semi-honest floor: N Beaver multiplications on bare arrays, triples included.
fn bare_loop(xs: &[Shares], ys: &[Shares], rng: &mut ChaCha12Rng) -> F127 {
    let mut acc = F127::ZERO;
    for (x, y) in xs.iter().zip(ys) {
        let (a, b) = (F127::random(&mut *rng), F127::random(&mut *rng));
        let (a_s, b_s, c_s) = (share3(a, rng), share3(b, rng), share3(a * b, rng));
        let (mut d, mut e) = (F127::ZERO, F127::ZERO);
        for i in 0..PARTIES {
            d += x[i] - a_s[i];
            e += y[i] - b_s[i];
        }
        let mut z = [F127::ZERO; PARTIES];
        for i in 0..PARTIES {
            z[i] = c_s[i] + d * b_s[i] + e * a_s[i];
        }
        z[0] += d * e;
        acc += z[0];
    }
    acc
}

/// A value's shares and MAC shares.
#[derive(Clone, Copy)]
struct Auth {
    v: Shares,
    m: Shares,
}

fn auth(x: F127, alpha: F127, rng: &mut ChaCha12Rng) -> Auth {
    Auth {
        v: share3(x, rng),
        m: share3(alpha * x, rng),
    }
}

/// The SPDZ floor: as [`bare_loop`], with authenticated triples, MAC shares of d and e
/// kept for a batched MAC check (random linear combination) every `BATCH` openings, and
/// the product's MAC shares.
fn bare_loop_macs(
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

fn multiplications(c: &mut Criterion) {
    let mut group = c.benchmark_group("independent products (3 parties, F127)");
    group.throughput(Throughput::Elements(N as u64));

    let mut rng = ChaCha12Rng::seed_from_u64(1);
    let xs: Vec<_> = (0..N)
        .map(|i| share3(F127::from(i as u64), &mut rng))
        .collect();
    let ys: Vec<_> = (0..N)
        .map(|i| share3(F127::from(3 * i as u64), &mut rng))
        .collect();
    group.bench_function("bare loop, semi-honest", |b| {
        b.iter(|| black_box(bare_loop(&xs, &ys, &mut rng)))
    });

    let key = F127::random(&mut rng);
    let alpha = (key, share3(key, &mut rng));
    let xs: Vec<_> = (0..N)
        .map(|i| auth(F127::from(i as u64), key, &mut rng))
        .collect();
    let ys: Vec<_> = (0..N)
        .map(|i| auth(F127::from(3 * i as u64), key, &mut rng))
        .collect();
    let mut pending = Vec::with_capacity(BATCH);
    group.bench_function("bare loop, MACs", |b| {
        b.iter(|| black_box(bare_loop_macs(&xs, &ys, alpha, &mut pending, &mut rng)))
    });

    let settings = [
        (
            "scalar API, semi-honest",
            Simulation::builder().semi_honest(),
        ),
        ("scalar API, MACs", Simulation::builder()),
        (
            "scalar API, MACs, views off",
            Simulation::builder().views(Views::Off),
        ),
    ];
    for (label, builder) in settings {
        let sim = builder.seed(1).build();
        let (alice, bob, carol) = (
            sim.machine("alice"),
            sim.machine("bob"),
            sim.machine("carol"),
        );
        let share = |v: i64| PrivateScalar::new(v, &alice).share(&[&bob, &carol]);
        let xs: Vec<SharedScalar> = (0..N as i64).map(share).collect();
        let ys: Vec<SharedScalar> = (0..N as i64).map(|v| share(3 * v)).collect();
        group.bench_function(label, |b| {
            b.iter(|| {
                for (x, y) in xs.iter().zip(&ys) {
                    black_box(x * y);
                }
            })
        });
        assert_eq!(
            sim.check(),
            Ok(()),
            "{label}: honest runs pass the MAC check"
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = multiplications
}
criterion_main!(benches);
