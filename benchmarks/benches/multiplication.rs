//! Independent 3-party multiplications in the default field: the scalar API against a
//! bare loop doing the same Beaver arithmetic on plain arrays (dealer included), with
//! SPDZ MACs and without.
//!
//! Run with `cargo bench --bench multiplication`; BENCHMARKS.md reports the figures as
//! ratios to the bare loops from the same run. The MAC floor lives in `benchmarks/benches/floor/`,
//! shared with `benchmarks/benches/workloads.rs`.

// The semi-honest floor indexes shares as the math does (xᵢ, aᵢ, …), several arrays at once.
#![allow(clippy::needless_range_loop)]

mod floor;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ff::Field;
use floor::{MacFloor, PARTIES, share3};
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::prelude::*;

const N: usize = 1_000;

/// The semi-honest floor: N Beaver multiplications on bare arrays, triples included.
fn bare_loop(xs: &[floor::Shares], ys: &[floor::Shares], rng: &mut ChaCha12Rng) -> F127 {
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

    let mut floor = MacFloor::<F127>::new(N, 1);
    group.bench_function("bare loop, MACs", |b| b.iter(|| black_box(floor.run())));

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
    config = floor::short_runs();
    targets = multiplications
}
criterion_main!(benches);
