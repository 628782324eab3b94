//! Secure comparisons with the scalar API: 3 parties, SPDZ MACs on, the default field.
//!
//! Each iteration compares N shared integers with a public constant (`x.less_than(k)`),
//! at the default width (64 bits, the `i64` range) and at 32 bits (the `i32` range, as
//! MPyC's default `secint`), and N shared fixed-point numbers (f = 16, k = 32: 49 bits).
//!
//! Run with `cargo bench --bench comparison`; BENCHMARKS.md reports the figures.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tinyspdz::prelude::*;

const N: usize = 200;

/// Three machines; N values shared among them by the first.
fn setup(sim: &Simulation) -> Vec<SharedScalar> {
    let m: Vec<VirtualMachine> = ["alice", "bob", "carol"]
        .iter()
        .map(|name| sim.machine(*name))
        .collect();
    (0..N as i64)
        .map(|i| PrivateScalar::new(i * 7919 - 800_000, &m[0]).share(&[&m[1], &m[2]]))
        .collect()
}

fn comparisons(c: &mut Criterion) {
    let mut group = c.benchmark_group("comparison");
    group.throughput(Throughput::Elements(N as u64));
    group.measurement_time(Duration::from_secs(5));

    for bits in [64, 32] {
        let sim = Simulation::builder().seed(1).comparison_bits(bits).build();
        let xs = setup(&sim);
        group.bench_function(format!("scalar less_than, {bits} bits"), |b| {
            b.iter(|| {
                for x in &xs {
                    black_box(x.less_than(12_345));
                }
            })
        });
    }

    let sim = Simulation::with_seed(2);
    let m: Vec<VirtualMachine> = ["alice", "bob", "carol"]
        .iter()
        .map(|name| sim.machine(*name))
        .collect();
    let xs: Vec<SharedFixed> = (0..N)
        .map(|i| PrivateFixed::new(i as f64 * 0.37 - 20.0, &m[0]).share(&[&m[1], &m[2]]))
        .collect();
    group.bench_function("fixed-point less_than, 49 bits", |b| {
        b.iter(|| {
            for x in &xs {
                black_box(x.less_than(1.5));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, comparisons);
criterion_main!(benches);
