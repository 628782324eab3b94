//! Property tests: random expression trees over 2–4 parties, evaluated on shared values and
//! in plain integer arithmetic, must agree.

use num_bigint::BigInt;
use proptest::prelude::*;
use tinyspdz::SimulationBuilder;
use tinyspdz::prelude::*;

mod common;

use common::{centred, reduced};

/// An expression over the inputs. Binary nodes carry a flag choosing owned or borrowed
/// operands, constant nodes one choosing the constant's side.
#[derive(Debug, Clone)]
enum Expr {
    Input(usize),
    Add(Box<Expr>, Box<Expr>, bool),
    Sub(Box<Expr>, Box<Expr>, bool),
    Mul(Box<Expr>, Box<Expr>, bool),
    Neg(Box<Expr>),
    AddK(i64, Box<Expr>, bool),
    SubK(i64, Box<Expr>, bool),
    MulK(i64, Box<Expr>, bool),
    /// `x * k` with a 64-bit constant on the right (the only side Rust allows for it).
    MulK64(i64, Box<Expr>),
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = (0usize..8).prop_map(Expr::Input);
    leaf.prop_recursive(4, 24, 2, |inner| {
        let b = || inner.clone().prop_map(Box::new);
        prop_oneof![
            (b(), b(), any::<bool>()).prop_map(|(x, y, o)| Expr::Add(x, y, o)),
            (b(), b(), any::<bool>()).prop_map(|(x, y, o)| Expr::Sub(x, y, o)),
            (b(), b(), any::<bool>()).prop_map(|(x, y, o)| Expr::Mul(x, y, o)),
            b().prop_map(Expr::Neg),
            (-1000i64..1000, b(), any::<bool>()).prop_map(|(k, x, l)| Expr::AddK(k, x, l)),
            (-1000i64..1000, b(), any::<bool>()).prop_map(|(k, x, l)| Expr::SubK(k, x, l)),
            (-1000i64..1000, b(), any::<bool>()).prop_map(|(k, x, l)| Expr::MulK(k, x, l)),
            (any::<i64>(), b()).prop_map(|(k, x)| Expr::MulK64(k, x)),
        ]
    })
}

/// The expression on shared values.
fn eval_shared<F: TinyField>(e: &Expr, inputs: &[SharedScalar<F>]) -> SharedScalar<F> {
    let go = |e: &Expr| eval_shared(e, inputs);
    match e {
        Expr::Input(i) => inputs[i % inputs.len()].clone(),
        Expr::Add(x, y, owned) => {
            let (x, y) = (go(x), go(y));
            if *owned { x + y } else { &x + &y }
        }
        Expr::Sub(x, y, owned) => {
            let (x, y) = (go(x), go(y));
            if *owned { x - &y } else { &x - y }
        }
        Expr::Mul(x, y, owned) => {
            let (x, y) = (go(x), go(y));
            if *owned { x * y } else { &x * &y }
        }
        Expr::Neg(x) => -go(x),
        Expr::AddK(k, x, left) => {
            if *left {
                *k + go(x)
            } else {
                &go(x) + *k
            }
        }
        Expr::SubK(k, x, left) => {
            if *left {
                *k - &go(x)
            } else {
                go(x) - *k
            }
        }
        Expr::MulK(k, x, left) => {
            if *left {
                *k * &go(x)
            } else {
                go(x) * *k
            }
        }
        Expr::MulK64(k, x) => &go(x) * *k,
    }
}

/// The expression in exact integer arithmetic.
fn eval_big(e: &Expr, inputs: &[i64]) -> BigInt {
    let go = |e: &Expr| eval_big(e, inputs);
    match e {
        Expr::Input(i) => BigInt::from(inputs[i % inputs.len()]),
        Expr::Add(x, y, _) => go(x) + go(y),
        Expr::Sub(x, y, _) => go(x) - go(y),
        Expr::Mul(x, y, _) => go(x) * go(y),
        Expr::Neg(x) => -go(x),
        Expr::AddK(k, x, _) => go(x) + k,
        Expr::SubK(k, x, true) => k - go(x),
        Expr::SubK(k, x, false) => go(x) - k,
        Expr::MulK(k, x, _) => go(x) * k,
        Expr::MulK64(k, x) => go(x) * k,
    }
}

/// The expression in checked `i128` arithmetic; `None` if an intermediate overflows.
fn eval_i128(e: &Expr, inputs: &[i64]) -> Option<i128> {
    let go = |e: &Expr| eval_i128(e, inputs);
    match e {
        Expr::Input(i) => Some(inputs[i % inputs.len()].into()),
        Expr::Add(x, y, _) => go(x)?.checked_add(go(y)?),
        Expr::Sub(x, y, _) => go(x)?.checked_sub(go(y)?),
        Expr::Mul(x, y, _) => go(x)?.checked_mul(go(y)?),
        Expr::Neg(x) => go(x)?.checked_neg(),
        Expr::AddK(k, x, _) => go(x)?.checked_add((*k).into()),
        Expr::SubK(k, x, true) => i128::from(*k).checked_sub(go(x)?),
        Expr::SubK(k, x, false) => go(x)?.checked_sub((*k).into()),
        Expr::MulK(k, x, _) => go(x)?.checked_mul((*k).into()),
        Expr::MulK64(k, x) => go(x)?.checked_mul((*k).into()),
    }
}

/// The expression modulo 101, centred, in plain `i128` arithmetic (every intermediate is
/// reduced, so nothing overflows).
fn eval_mod101(e: &Expr, inputs: &[i64]) -> i128 {
    let go = |e: &Expr| eval_mod101(e, inputs);
    let r = match e {
        Expr::Input(i) => inputs[i % inputs.len()].into(),
        Expr::Add(x, y, _) => go(x) + go(y),
        Expr::Sub(x, y, _) => go(x) - go(y),
        Expr::Mul(x, y, _) => go(x) * go(y),
        Expr::Neg(x) => -go(x),
        Expr::AddK(k, x, _) => go(x) + i128::from(*k),
        Expr::SubK(k, x, true) => i128::from(*k) - go(x),
        Expr::SubK(k, x, false) => go(x) - i128::from(*k),
        Expr::MulK(k, x, _) => go(x) * i128::from(*k),
        Expr::MulK64(k, x) => go(x) * i128::from(*k),
    };
    centred(r, 101)
}

/// The simulation, with SPDZ MACs (the default) or semi-honest.
fn build<F: TinyField>(builder: SimulationBuilder<F>, macs: bool) -> Simulation<F> {
    let sim = builder.macs(macs).build();
    assert_eq!(sim.macs(), macs);
    sim
}

/// Machines `0..parties`, and each input shared by the machine `owners[i] % parties` among
/// all of them.
fn setup<F: TinyField>(
    sim: &Simulation<F>,
    parties: usize,
    values: &[i64],
    owners: &[usize],
) -> (Vec<VirtualMachine<F>>, Vec<SharedScalar<F>>) {
    let ms = common::parties(sim, parties);
    let inputs = values
        .iter()
        .zip(owners)
        .map(|(&v, &o)| {
            let owner = &ms[o % parties];
            let others: Vec<&VirtualMachine<F>> = ms.iter().filter(|m| *m != owner).collect();
            PrivateScalar::new(v, owner).share(&others)
        })
        .collect();
    (ms, inputs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Inputs below 2²⁴ in magnitude: most trees stay far below p/2 ≈ 2¹²⁶, and those
    /// checked against `i128` must.
    #[test]
    fn expressions_in_f127_match_integer_arithmetic(
        e in expr(),
        parties in 2usize..=4,
        values in prop::collection::vec(-(1i64 << 24)..(1i64 << 24), 1..=8),
        owners in prop::collection::vec(0usize..4, 8),
        seed in any::<u64>(),
        receiver in 0usize..4,
        macs in any::<bool>(),
    ) {
        let sim = build(Simulation::builder().seed(seed), macs);
        let (ms, inputs) = setup(&sim, parties, &values, &owners);
        let out = eval_shared(&e, &inputs);
        let got = out.reconstruct(&ms[receiver % parties]).expect("same simulation");
        prop_assert_eq!(out.holders(), ms.clone());

        // Exact when the result fits i128 and lies within ±(p − 1)/2.
        let half = (1i128 << 126) - 1;
        if let Some(v) = eval_i128(&e, &values).filter(|v| v.abs() <= half) {
            prop_assert_eq!(&got, &v, "i128 result {}", v);
        }
        // Always: the exact result reduced to the centred representative mod p.
        let want = reduced::<F127>(eval_big(&e, &values));
        prop_assert_eq!(got.value(), want);
        let opened = out.open().expect("open");
        prop_assert_eq!(opened.value(), got.value());
    }

    /// Inputs anywhere in −100..=100 (all fit F101; those above 50 in magnitude wrap).
    #[test]
    fn expressions_in_f101_match_centred_arithmetic_mod_101(
        e in expr(),
        parties in 2usize..=4,
        values in prop::collection::vec(-100i64..=100, 1..=8),
        owners in prop::collection::vec(0usize..4, 8),
        seed in any::<u64>(),
        macs in any::<bool>(),
    ) {
        let sim = build(Simulation::builder().field::<F101>().seed(seed), macs);
        let (ms, inputs) = setup(&sim, parties, &values, &owners);
        let out = eval_shared(&e, &inputs);
        let got = out.reconstruct(&ms[0]).expect("same simulation");
        prop_assert_eq!(&got, &eval_mod101(&e, &values));
        // The same from exact integer arithmetic, reduced once at the end.
        let want = reduced::<F101>(eval_big(&e, &values));
        prop_assert_eq!(got.value(), want);
    }

    /// The shares add up to the value.
    #[test]
    fn shares_add_up_to_the_value(
        v in any::<i64>(),
        parties in 2usize..=4,
        owner in 0usize..4,
        seed in any::<u64>(),
        macs in any::<bool>(),
    ) {
        let sim = build(Simulation::builder().seed(seed), macs);
        let (_, inputs) = setup(&sim, parties, &[v], &[owner]);
        // The first share of each holder (`shares_are_one_per_holder` in outputs.rs
        // checks that there are no more).
        let shares = inputs[0].shares();
        let total = shares[..parties].iter().fold(F127::from(0u64), |acc, s| acc + s);
        prop_assert_eq!(total, F127::from_i64(v));
    }
}
