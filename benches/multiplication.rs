//! Independent 3-party multiplications in the default field: the scalar API against a
//! bare loop doing the same Beaver arithmetic on plain arrays (dealer included).
//!
//! Run with `cargo bench --bench multiplication`; BENCHMARKS.md reports the figures as
//! ratios to the bare loop from the same run.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ff::Field;
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::prelude::*;

const N: usize = 1_000;
const PARTIES: usize = 3;

/// Additive shares of `x` for the three parties.
fn share3(x: F127, rng: &mut ChaCha12Rng) -> [F127; PARTIES] {
    let s0 = F127::random(&mut *rng);
    let s1 = F127::random(&mut *rng);
    [s0, s1, x - s0 - s1]
}

/// The floor: N Beaver multiplications on bare arrays, the dealer's triples included.
fn bare_loop(xs: &[[F127; PARTIES]], ys: &[[F127; PARTIES]], rng: &mut ChaCha12Rng) -> F127 {
    let mut acc = F127::ZERO;
    for (x, y) in xs.iter().zip(ys) {
        let (a, b) = (F127::random(&mut *rng), F127::random(&mut *rng));
        let (a_s, b_s, c_s) = (share3(a, rng), share3(b, rng), share3(a * b, rng));
        let mut d = F127::ZERO;
        let mut e = F127::ZERO;
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
    group.bench_function("bare loop", |b| {
        b.iter(|| black_box(bare_loop(&xs, &ys, &mut rng)))
    });

    for (label, views) in [
        ("scalar API", Views::default()),
        ("scalar API, views off", Views::Off),
    ] {
        let sim = Simulation::builder().seed(1).views(views).build();
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
