//! The default field `F127` (hand-written on `u128`, reduced by shifts and adds) against
//! `ff`'s derived Montgomery field for the same modulus, in the same run: a dependent
//! chain of multiplications, a sum of random elements, `random` with ChaCha12, and the
//! bare SPDZ Beaver loop with MACs of `benchmarks/benches/floor/`, in each field.
//!
//! Operands are fresh random values in every iteration. The derived field branches on
//! whether a result needs a subtraction of p; replaying the same operands lets the branch
//! predictor learn those branches and flatters it (a sum over a fixed array ran 3× faster
//! than over fresh ones), while share arithmetic in a real run is on fresh randomness.
//! `F127` selects without branching, so its times do not depend on the data.
//!
//! Run with `cargo bench --bench field`.

mod floor;

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main,
};
use ff::{Field, PrimeField};
use floor::MacFloor;
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::F127;

/// `ff`'s derived Montgomery field for p = 2¹²⁷ − 1 (two `u64` limbs), what `F127` was.
#[derive(PrimeField)]
#[PrimeFieldModulus = "170141183460469231731687303715884105727"]
#[PrimeFieldGenerator = "43"]
#[PrimeFieldReprEndianness = "little"]
struct Derived127([u64; 2]);

const N: usize = 1_000;

/// A dependent chain of `N` multiplications: each waits for the one before.
fn mul_chain<F: Field>(x: F, y: F) -> F {
    let mut acc = x;
    for _ in 0..N {
        acc *= y;
    }
    acc
}

/// The sum of `N` elements: a dependent chain of additions whose operands are random, so
/// a field that branches on overflow cannot predict the branch.
fn sum<F: Field>(xs: &[F]) -> F {
    let mut acc = F::ZERO;
    for x in xs {
        acc += x;
    }
    acc
}

/// `N` draws of `F::random`.
fn randoms<F: Field>(rng: &mut ChaCha12Rng) {
    for _ in 0..N {
        black_box(F::random(&mut *rng));
    }
}

type Group<'a> = BenchmarkGroup<'a, WallTime>;

/// Fresh random operands for every iteration (made outside the timing): the same data
/// every time would let the branch predictor learn a branching field's pattern.
fn mul_bench<F: Field>(group: &mut Group<'_>, label: &str) {
    let mut rng = ChaCha12Rng::seed_from_u64(1);
    group.bench_function(label, |b| {
        b.iter_batched(
            || (F::random(&mut rng), F::random(&mut rng)),
            |(x, y)| mul_chain(x, y),
            BatchSize::SmallInput,
        )
    });
}

fn add_bench<F: Field>(group: &mut Group<'_>, label: &str) {
    let mut rng = ChaCha12Rng::seed_from_u64(1);
    group.bench_function(label, |b| {
        b.iter_batched_ref(
            || (0..N).map(|_| F::random(&mut rng)).collect::<Vec<F>>(),
            |xs| sum(xs),
            BatchSize::SmallInput,
        )
    });
}

fn random_bench<F: Field>(group: &mut Group<'_>, label: &str) {
    let mut rng = ChaCha12Rng::seed_from_u64(1);
    group.bench_function(label, |b| b.iter(|| randoms::<F>(&mut rng)));
}

fn beaver_bench<F: PrimeField>(group: &mut Group<'_>, label: &str) {
    let mut floor = MacFloor::<F>::new(N, 1);
    group.bench_function(label, |b| b.iter(|| black_box(floor.run())));
}

/// One measurement, registered for both fields.
type Measure = fn(&mut Group<'_>, &str);

fn fields(c: &mut Criterion) {
    let measurements: [(&str, Measure, Measure); 4] = [
        (
            "multiplication chain (1,000 muls)",
            mul_bench::<F127>,
            mul_bench::<Derived127>,
        ),
        (
            "sum of 1,000 random elements",
            add_bench::<F127>,
            add_bench::<Derived127>,
        ),
        (
            "random with ChaCha12 (1,000 draws)",
            random_bench::<F127>,
            random_bench::<Derived127>,
        ),
        (
            "bare Beaver loop with MACs (1,000 products, 3 parties)",
            beaver_bench::<F127>,
            beaver_bench::<Derived127>,
        ),
    ];
    for (name, ours, derived) in measurements {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Elements(N as u64));
        ours(&mut group, "F127, hand-written");
        derived(&mut group, "Derived127, ff derive");
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = floor::short_runs();
    targets = fields
}
criterion_main!(benches);
