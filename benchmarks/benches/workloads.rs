//! Whole computations (W1–W5: independent products, a dependent chain, an inner product,
//! comparisons, the README example) with the scalar API and the vector API, each quoted
//! as a ratio to the bare MAC floor measured in the same run.
//!
//! Every workload runs among 3 parties (alice, bob, carol) in a seeded simulation with the
//! default settings: SPDZ MACs on, the default field `F127`, the default views.
//!
//! | group | one element is | per iteration |
//! |---|---|---|
//! | `floor` | one Beaver product on bare arrays, MACs included (`benchmarks/benches/floor/`) | 1,000 |
//! | `W1 independent products` | `x * y` of two shared values | 1,000 |
//! | `W2 dependent chain` | `acc = &acc * x`, each product waiting for the last | 1,000 |
//! | `W3 inner product` | one term xᵢ·yᵢ of Σ xᵢ·yᵢ | 1,000 |
//! | `W4 comparisons` | `x.less_than(k)` at the default width (64 bits) | 200 |
//! | `W5 README example` | `&a * &b - 5 * (&a + &b)`: share both inputs, compute, reconstruct | 100 |
//!
//! W1 and W3–W5 also run with the vector API (`SharedVector`): the same elements as one
//! vector, so each operation's rounds happen once.
//!
//! After each group the simulation must pass its MAC check, and one result is checked
//! outside the timing (with its triple count), so a broken API cannot give a fast figure.
//!
//! Run with `cargo bench --bench workloads`; BENCHMARKS.md reports the figures.

mod floor;
mod inputs;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use ff::Field;
use floor::MacFloor;
use inputs::{K, below_k, parties, products_of, readme_example, share_all, value, x, y};
use tinyspdz::prelude::*;

/// Elements per iteration for W1–W3 and the floor.
const N: usize = 1_000;
/// Comparisons per iteration (W4): each uses 62 triples at the default width.
const N_COMPARISONS: usize = 200;
/// README examples evaluated per iteration (W5).
const N_EXAMPLES: usize = 100;

/// A benchmark group that counts `n` elements per iteration.
fn group<'a>(c: &'a mut Criterion, name: &str, n: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(n as u64));
    group
}

/// Runs `f` once outside the timing and returns its result and the triples it used. The
/// openings left by the timed runs are checked first, so no automatic MAC check (which
/// runs once 2¹⁴ openings wait) lands inside `f`.
fn counted<T>(sim: &Simulation, f: impl FnOnce() -> T) -> (T, u64) {
    sim.check().expect("the timed runs pass the MAC check");
    sim.reset_costs();
    let out = f();
    (out, sim.stats().triples)
}

fn floor(c: &mut Criterion) {
    let mut g = group(c, "floor", N);
    let mut floor = MacFloor::<F127>::new(N, 1);
    g.bench_function("bare loop, MACs", |b| b.iter(|| black_box(floor.run())));
    g.finish();
}

fn w1_independent_products(c: &mut Criterion) {
    let (sim, m) = parties(1);
    let xs = share_all(&m, (0..N).map(x));
    let ys = share_all(&m, (0..N).map(y));

    let mut g = group(c, "W1 independent products", N);
    g.bench_function("scalar API", |b| {
        b.iter(|| {
            for (x, y) in xs.iter().zip(&ys) {
                black_box(x * y);
            }
        })
    });
    let xv = SharedVector::from_scalars(&xs).expect("W1: one holder set");
    let yv = SharedVector::from_scalars(&ys).expect("W1: one holder set");
    g.bench_function("vector API", |b| b.iter(|| black_box(&xv * &yv)));
    g.finish();

    let (products, triples) = counted(&sim, || &xv * &yv);
    assert_eq!(triples, N as u64, "W1 vector: one triple per product");
    assert_eq!(sim.stats().rounds, 1, "W1 vector: one round");
    let opened = products.open().expect("W1 vector: the products open");
    assert_eq!(opened, products_of(N));

    let (products, triples) = counted(&sim, || {
        xs.iter().zip(&ys).map(|(x, y)| x * y).collect::<Vec<_>>()
    });
    assert_eq!(triples, N as u64, "W1: one triple per product");
    let product = products[7]
        .reconstruct(&m[0])
        .expect("W1: the product reconstructs");
    assert_eq!(product, x(7) * y(7));
    assert_eq!(
        sim.check(),
        Ok(()),
        "W1: an honest run passes the MAC check"
    );
}

fn w2_dependent_chain(c: &mut Criterion) {
    let (sim, m) = parties(2);
    let xs = share_all(&m, (0..N).map(x));
    let one = share_all(&m, std::iter::once(1)).remove(0);
    let chain = || {
        let mut acc = one.clone();
        for x in &xs {
            acc = &acc * x;
        }
        acc
    };

    let mut g = group(c, "W2 dependent chain", N);
    g.bench_function("scalar API", |b| b.iter(|| black_box(chain())));
    g.finish();

    let (acc, triples) = counted(&sim, chain);
    assert_eq!(triples, N as u64, "W2: one triple per product");
    assert_eq!(acc.depth(), N as u32, "W2: each product waits for the last");
    let expected = (0..N).fold(F127::ONE, |p, i| p * F127::from(x(i) as u64));
    let opened = acc.reconstruct(&m[0]).expect("W2: the chain reconstructs");
    assert_eq!(opened.field_value(), expected, "W2: the chain is N!");
    assert_eq!(
        sim.check(),
        Ok(()),
        "W2: an honest run passes the MAC check"
    );
}

fn w3_inner_product(c: &mut Criterion) {
    let (sim, m) = parties(3);
    let xs = share_all(&m, (0..N).map(x));
    let ys = share_all(&m, (0..N).map(y));
    let inner = || {
        let mut acc = &xs[0] * &ys[0];
        for (x, y) in xs.iter().zip(&ys).skip(1) {
            acc += x * y;
        }
        acc
    };

    let mut g = group(c, "W3 inner product", N);
    g.bench_function("scalar API", |b| b.iter(|| black_box(inner())));
    let xv = SharedVector::from_scalars(&xs).expect("W3: one holder set");
    let yv = SharedVector::from_scalars(&ys).expect("W3: one holder set");
    g.bench_function("vector API, dot", |b| b.iter(|| black_box(xv.dot(&yv))));
    g.finish();

    let expected: i64 = products_of(N).iter().sum();
    let dot = xv
        .dot(&yv)
        .reconstruct(&m[0])
        .expect("W3: the dot product reconstructs");
    assert_eq!(dot, expected, "W3 vector");

    let (sum, triples) = counted(&sim, inner);
    assert_eq!(triples, N as u64, "W3: one triple per term");
    let opened = sum.reconstruct(&m[0]).expect("W3: the sum reconstructs");
    assert_eq!(opened, expected);
    assert_eq!(
        sim.check(),
        Ok(()),
        "W3: an honest run passes the MAC check"
    );
}

fn w4_comparisons(c: &mut Criterion) {
    let (sim, m) = parties(4);
    let xs = share_all(&m, (0..N_COMPARISONS).map(value));

    let mut g = group(c, "W4 comparisons", N_COMPARISONS);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("scalar API, less_than, 64 bits", |b| {
        b.iter(|| {
            for x in &xs {
                black_box(x.less_than(K));
            }
        })
    });
    let xv = SharedVector::from_scalars(&xs).expect("W4: one holder set");
    g.bench_function("vector API, less_than, 64 bits", |b| {
        b.iter(|| black_box(xv.less_than(K)))
    });
    g.finish();

    let expected = below_k(N_COMPARISONS);
    assert_eq!(xv.less_than(K).open().expect("W4: the bits open"), expected);

    let (bits, triples) = counted(&sim, || {
        xs.iter().map(|x| x.less_than(K)).collect::<Vec<_>>()
    });
    let per = triples / N_COMPARISONS as u64;
    assert_eq!(
        triples,
        per * N_COMPARISONS as u64,
        "W4: the same cost each"
    );
    assert!(
        per >= 60,
        "W4: about a triple per bit of the range, not {per}"
    );
    for i in [0, 100, 102, 103, 199] {
        let below = bits[i].open().expect("W4: the bit opens");
        assert_eq!(below, value(i) < K, "W4: x{i} < {K}");
    }
    assert_eq!(
        sim.check(),
        Ok(()),
        "W4: an honest run passes the MAC check"
    );
}

fn w5_readme_example(c: &mut Criterion) {
    let (sim, m) = parties(5);
    let example = |va: i64, vb: i64| readme_example(&m, va, vb);

    let mut g = group(c, "W5 README example", N_EXAMPLES);
    g.bench_function("share, compute, reconstruct", |b| {
        b.iter(|| {
            for i in 0..N_EXAMPLES as i64 {
                black_box(example(25 + i, 50 - i).expect("honest"));
            }
        })
    });
    g.finish();

    // The same evaluations with the vector API: both inputs shared as vectors.
    let inputs_a: Vec<i64> = (0..N_EXAMPLES as i64).map(|i| 25 + i).collect();
    let inputs_b: Vec<i64> = (0..N_EXAMPLES as i64).map(|i| 50 - i).collect();
    let examples = || {
        let a = PrivateVector::new(inputs_a.iter().copied(), &m[0]).share(&[&m[1], &m[2]]);
        let b = PrivateVector::new(inputs_b.iter().copied(), &m[1]).share(&[&m[0], &m[2]]);
        (&a * &b - 5 * (&a + &b)).reconstruct(&m[0])
    };
    let mut g = group(c, "W5 README example", N_EXAMPLES);
    g.bench_function("vector API, share, compute, reconstruct", |b| {
        b.iter(|| black_box(examples().expect("honest")))
    });
    g.finish();
    let expected: Vec<i64> = inputs_a
        .iter()
        .zip(&inputs_b)
        .map(|(a, b)| a * b - 5 * (a + b))
        .collect();
    assert_eq!(examples().expect("W5 vector: the output passes"), expected);

    let (r, triples) = counted(&sim, || example(25, 50));
    assert_eq!(r.expect("W5: the output passes the MAC check"), 875);
    assert_eq!(triples, 1, "W5: one product");
    assert_eq!(
        sim.check(),
        Ok(()),
        "W5: an honest run passes the MAC check"
    );
}

criterion_group! {
    name = workloads;
    config = floor::short_runs();
    targets = floor, w1_independent_products, w2_dependent_chain, w3_inner_product,
        w4_comparisons, w5_readme_example
}
criterion_main!(workloads);
