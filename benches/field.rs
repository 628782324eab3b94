//! The default field `F127` (hand-written on `u128`, reduced by shifts and adds) against
//! `ff`'s derived Montgomery field for the same modulus, in the same run: a dependent
//! chain of multiplications, a sum of random elements, `random` with ChaCha12, and the
//! bare SPDZ Beaver loop with MACs from `benches/multiplication.rs`, made generic over the
//! field.
//!
//! Operands are fresh random values in every iteration. The derived field branches on
//! whether a result needs a subtraction of p; replaying the same operands lets the branch
//! predictor learn those branches and flatters it (a sum over a fixed array ran 3× faster
//! than over fresh ones), while share arithmetic in a real run is on fresh randomness.
//! `F127` selects without branching, so its times do not depend on the data.
//!
//! Run with `cargo bench --bench field`.

// The loop indexes shares as the math does (xᵢ, aᵢ, …), several arrays at once.
#![allow(clippy::needless_range_loop)]

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main,
};
use ff::{Field, PrimeField};
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
const PARTIES: usize = 3;
/// Openings between two MAC checks in the bare loop, as in the crate.
const BATCH: usize = 1 << 14;

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

/// Additive shares of `x` for the three parties.
fn share3<F: Field>(x: F, rng: &mut ChaCha12Rng) -> [F; PARTIES] {
    let s0 = F::random(&mut *rng);
    let s1 = F::random(&mut *rng);
    [s0, s1, x - s0 - s1]
}

/// A value's shares and MAC shares.
#[derive(Clone, Copy)]
struct Auth<F> {
    v: [F; PARTIES],
    m: [F; PARTIES],
}

fn auth<F: Field>(x: F, alpha: F, rng: &mut ChaCha12Rng) -> Auth<F> {
    Auth {
        v: share3(x, rng),
        m: share3(alpha * x, rng),
    }
}

/// The SPDZ floor of `benches/multiplication.rs`: Beaver products with authenticated
/// triples, MAC shares of d and e kept for a batched MAC check every `BATCH` openings,
/// and the product's MAC shares.
fn bare_loop_macs<F: Field>(
    xs: &[Auth<F>],
    ys: &[Auth<F>],
    alpha: (F, [F; PARTIES]),
    pending: &mut Vec<(F, [F; PARTIES])>,
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
    let mut rng = ChaCha12Rng::seed_from_u64(1);
    let key = F::random(&mut rng);
    let alpha = (key, share3(key, &mut rng));
    let xs: Vec<_> = (0..N as u64)
        .map(|i| auth(F::from(i), key, &mut rng))
        .collect();
    let ys: Vec<_> = (0..N as u64)
        .map(|i| auth(F::from(3 * i), key, &mut rng))
        .collect();
    let mut pending = Vec::with_capacity(BATCH);
    group.bench_function(label, |b| {
        b.iter(|| black_box(bare_loop_macs(&xs, &ys, alpha, &mut pending, &mut rng)))
    });
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
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = fields
}
criterion_main!(benches);
