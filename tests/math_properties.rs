//! Property tests of the math library: each function sampled across its whole documented
//! domain (uniformly, log-uniformly, and at both ends and the values next to them), as a
//! vector and as a scalar, among additive and Shamir holders, within the bound of the
//! module docs' table against `f64` on the encoded input.

use proptest::prelude::*;
use tinyspdz::prelude::*;

mod common;

use common::{ULP, encoded};

/// The largest encoded value, 2³¹ − 2⁻¹⁶ (f = 16, k = 32).
const TOP: f64 = 2_147_483_648.0 - ULP;
/// Lanes per case.
const LANES: usize = 4;
/// Cases per function: each runs a vector call of `LANES` lanes and one scalar call. The
/// functions through normalization cost 48 comparisons a lane: fewer cases for them.
const CASES: u32 = 64;
const NORMALIZING_CASES: u32 = 32;

/// A value between `lo` and `hi` > `lo` > 0 whose logarithm is uniform.
fn log_uniform(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (0.0..1.0f64).prop_map(move |t| (lo.ln() + t * (hi.ln() - lo.ln())).exp())
}

/// Encoded inputs across [lo, hi): uniform, log-uniform in magnitude on either side of 0
/// (within `tiny` of it at the closest), and the `edges`.
fn inputs(lo: f64, hi: f64, tiny: f64, edges: Vec<f64>) -> impl Strategy<Value = f64> {
    let mut choices: Vec<BoxedStrategy<f64>> = vec![(lo..hi).boxed()];
    if hi > tiny {
        choices.push(log_uniform(tiny, hi).boxed());
    }
    if lo < -tiny {
        choices.push(log_uniform(tiny, -lo).prop_map(|x| -x).boxed());
    }
    let spread = proptest::strategy::Union::new(choices)
        .prop_map(encoded)
        .prop_filter("inside [lo, hi)", move |x| lo <= *x && *x < hi);
    prop_oneof![spread, proptest::sample::select(edges)]
}

/// Holders: two or three additive, or three Shamir with threshold 1.
#[derive(Debug, Clone, Copy)]
enum Holders {
    Two,
    Three,
    Shamir,
}

fn holders() -> impl Strategy<Value = Holders> {
    prop_oneof![
        Just(Holders::Two),
        Just(Holders::Three),
        Just(Holders::Shamir)
    ]
}

/// A simulation and its machines.
fn machines(seed: u64, holders: Holders) -> (Simulation, Vec<VirtualMachine>) {
    let sim = Simulation::builder().seed(seed).views(Views::Off).build();
    let n = match holders {
        Holders::Two => 2,
        _ => 3,
    };
    let machines = (0..n).map(|i| sim.machine(format!("m{i}"))).collect();
    (sim, machines)
}

/// `xs` shared by the first machine among all of them, as a vector and each as a scalar.
fn share(
    xs: &[f64],
    machines: &[VirtualMachine],
    holders: Holders,
) -> (SharedFixedVector, Vec<SharedFixed>) {
    let all: Vec<&VirtualMachine> = machines.iter().collect();
    let scalars = xs
        .iter()
        .map(|&x| {
            let p = PrivateFixed::new(x, &machines[0]);
            match holders {
                Holders::Shamir => p.share_threshold(&all, 1),
                _ => p.share_among(&all),
            }
        })
        .collect::<Vec<_>>();
    let vector = SharedFixedVector::from_fixed(&scalars).expect("same format and holders");
    (vector, scalars)
}

/// A one-operand function: its vector and scalar forms, f64 twin and documented bound.
struct Function {
    name: &'static str,
    vector: fn(&SharedFixedVector) -> SharedFixedVector,
    scalar: fn(&SharedFixed) -> SharedFixed,
    exact: fn(f64) -> f64,
    bound: fn(f64) -> f64,
}

/// Every lane of the vector call and the scalar call of the first lane within the bound.
fn check(f: &Function, xs: &[f64], seed: u64, holders: Holders) -> Result<(), TestCaseError> {
    let (_sim, machines) = machines(seed, holders);
    let (vector, scalars) = share(xs, &machines, holders);
    let got = (f.vector)(&vector).open().expect("honest");
    let scalar = (f.scalar)(&scalars[0]).open().expect("honest");
    for (i, (&x, &v)) in xs.iter().zip(&got).enumerate() {
        let e = encoded(x);
        let (want, bound) = ((f.exact)(e), (f.bound)(e));
        prop_assert!(
            (v - want).abs() <= bound,
            "{}({e}) lane {i}: {v}, want {want} ± {bound} ({holders:?})",
            f.name
        );
    }
    let e = encoded(xs[0]);
    let (want, bound) = ((f.exact)(e), (f.bound)(e));
    prop_assert!(
        (scalar - want).abs() <= bound,
        "{}({e}) scalar: {scalar}, want {want} ± {bound} ({holders:?})",
        f.name
    );
    Ok(())
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// eˣ's domain ends below (k − 1)·ln 2.
const EXP_TOP: f64 = 31.0 * std::f64::consts::LN_2;

const SIGMOID: Function = Function {
    name: "sigmoid",
    vector: SharedFixedVector::sigmoid,
    scalar: SharedFixed::sigmoid,
    exact: sigmoid,
    bound: |_| 4e-3,
};
const TANH: Function = Function {
    name: "tanh",
    vector: SharedFixedVector::tanh,
    scalar: SharedFixed::tanh,
    exact: f64::tanh,
    bound: |_| 8e-3,
};
const RECIPROCAL: Function = Function {
    name: "reciprocal",
    vector: SharedFixedVector::reciprocal,
    scalar: SharedFixed::reciprocal,
    exact: f64::recip,
    bound: |x| 2.0 * ULP / x.abs() + ULP,
};
const SQRT: Function = Function {
    name: "sqrt",
    vector: SharedFixedVector::sqrt,
    scalar: SharedFixed::sqrt,
    exact: f64::sqrt,
    bound: |x| 2.0 * ULP * x.sqrt() + 2.0 * ULP,
};
const LN: Function = Function {
    name: "ln",
    vector: SharedFixedVector::ln,
    scalar: SharedFixed::ln,
    exact: f64::ln,
    bound: |_| 3.0 * ULP,
};
const EXP: Function = Function {
    name: "exp",
    vector: SharedFixedVector::exp,
    scalar: SharedFixed::exp,
    exact: f64::exp,
    bound: |x| 4.0 * ULP * x.exp() + ULP,
};

/// Both ends of [lo, hi) for encoded values and the values next to them, with `more`.
fn ends(lo: f64, hi: f64, more: &[f64]) -> Vec<f64> {
    let mut edges = vec![lo, lo + ULP, lo + 2.0 * ULP, hi - ULP, hi - 2.0 * ULP];
    edges.extend_from_slice(more);
    edges
}

/// The clamps' and the sign's edges, for sigmoid and tanh.
fn logistic_edges() -> Vec<f64> {
    let mut more = vec![0.0, ULP, -ULP, TOP - 3.0, -TOP + 3.0, TOP - 1.0];
    for edge in [3.0, 6.0] {
        for x in [edge - ULP, edge, edge + ULP] {
            more.extend([x, -x]);
        }
    }
    ends(-TOP, TOP + ULP, &more)
}

fn exp_edges() -> Vec<f64> {
    let ln2 = std::f64::consts::LN_2;
    // The end of the domain lies between encodings: `last` is the largest one below it.
    let last = ((EXP_TOP * 65_536.0).ceil() - 1.0) / 65_536.0;
    let mut more = vec![0.0, ULP, -ULP, -68.0, -67.0, -100.0];
    for edge in [-16.0 * ln2, -17.0 * ln2] {
        let e = encoded(edge);
        more.extend([e - ULP, e, e + ULP]);
    }
    ends(-TOP, last + ULP, &more)
}

fn lanes(inputs: impl Strategy<Value = f64>) -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec(inputs, LANES)
}

/// Every number in range.
fn anywhere() -> impl Strategy<Value = f64> {
    inputs(-TOP, TOP + ULP, ULP, logistic_edges())
}

/// x ≠ 0.
fn non_zero() -> impl Strategy<Value = f64> {
    let more = [ULP, -ULP, 2.0 * ULP, -2.0 * ULP, 1.0, -1.0, 1.0e6, 7.0e4];
    let edges = ends(-TOP, TOP + ULP, &more);
    inputs(-TOP, TOP + ULP, ULP, edges).prop_filter("x ≠ 0", |&x| x != 0.0)
}

/// x ≥ 0.
fn non_negative() -> impl Strategy<Value = f64> {
    let edges = ends(0.0, TOP + ULP, &[1.0, 1.0 - ULP, 1.0 + ULP, 50.0]);
    inputs(0.0, TOP + ULP, ULP, edges)
}

/// x > 0.
fn positive() -> impl Strategy<Value = f64> {
    let edges = ends(ULP, TOP + ULP, &[1.0, 1.0 - ULP, 1.0 + ULP, 0.5, 0.5 - ULP]);
    inputs(ULP, TOP + ULP, ULP, edges)
}

/// x < (k − 1)·ln 2.
fn below_exp_top() -> impl Strategy<Value = f64> {
    inputs(-TOP, EXP_TOP, ULP, exp_edges())
}

/// Quotients for the divisions.
fn quotients() -> impl Strategy<Value = f64> {
    inputs(-1.0e6, 1.0e6, 1.0e-4, vec![0.0, 1.0, -1.0, ULP])
}

/// Public divisors: |d| < 2⁴⁷, below the documented 2^ℓ = 2⁴⁸.
fn public_divisors() -> impl Strategy<Value = f64> {
    let big = 2f64.powi(47);
    let edges = vec![
        1.0,
        -1.0,
        3.0,
        3000.0,
        7.0e4,
        2f64.powi(40),
        big - 1.0,
        2f64.powi(-20),
    ];
    inputs(-big, big, 2f64.powi(-20), edges).prop_filter("d ≠ 0", |&d| d != 0.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn sigmoid_within_its_bound(xs in lanes(anywhere()), seed: u64, h in holders()) {
        check(&SIGMOID, &xs, seed, h)?;
    }

    #[test]
    fn tanh_within_its_bound(xs in lanes(anywhere()), seed: u64, h in holders()) {
        check(&TANH, &xs, seed, h)?;
    }

    #[test]
    fn exp_within_its_bound_and_0_below_the_underflow(
        xs in lanes(below_exp_top()), seed: u64, h in holders()
    ) {
        check(&EXP, &xs, seed, h)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(NORMALIZING_CASES))]

    #[test]
    fn reciprocal_within_its_bound(xs in lanes(non_zero()), seed: u64, h in holders()) {
        check(&RECIPROCAL, &xs, seed, h)?;
    }

    #[test]
    fn sqrt_within_its_bound(xs in lanes(non_negative()), seed: u64, h in holders()) {
        check(&SQRT, &xs, seed, h)?;
    }

    #[test]
    fn ln_within_its_bound(xs in lanes(positive()), seed: u64, h in holders()) {
        check(&LN, &xs, seed, h)?;
    }

    #[test]
    fn division_keeps_a_relative_bound_for_every_divisor(
        ys in lanes(non_zero()), qs in lanes(quotients()), seed: u64, h in holders()
    ) {
        // x = q·y, within range, so that every quotient is in range too.
        let xs: Vec<f64> = ys
            .iter()
            .zip(&qs)
            .map(|(&y, &q)| encoded((q * y).clamp(-TOP, TOP)))
            .collect();
        let (_sim, machines) = machines(seed, h);
        let (x, x_scalars) = share(&xs, &machines, h);
        let (y, y_scalars) = share(&ys, &machines, h);
        let got = (&x / &y).open().expect("honest");
        let bound = |q: f64| 2.0 * ULP * q.abs() + 2.0 * ULP;
        for ((&a, &b), &v) in xs.iter().zip(&ys).zip(&got) {
            prop_assert!((v - a / b).abs() <= bound(a / b), "{a} / {b}: {v} ({h:?})");
        }
        let scalar = (&x_scalars[0] / &y_scalars[0]).open().expect("honest");
        let (a, b) = (xs[0], ys[0]);
        prop_assert!((scalar - a / b).abs() <= bound(a / b), "{a} / {b}: {scalar}");
        // By the same number, public: 2⁻ᶠ relative, plus one ulp.
        let public = (&x_scalars[0] / b).open().expect("honest");
        let within = ULP * (a / b).abs() + ULP;
        prop_assert!((public - a / b).abs() <= within, "{a} / {b} public: {public}");
    }

    #[test]
    fn division_by_a_public_number_keeps_a_relative_bound(
        d in public_divisors(), q in quotients(), seed: u64
    ) {
        let x = encoded((q * d).clamp(-TOP, TOP));
        let (_sim, machines) = machines(seed, Holders::Two);
        let sx = PrivateFixed::new(x, &machines[0]).share(&[&machines[1]]);
        let got = (&sx / d).open().expect("honest");
        let within = ULP * (x / d).abs() + ULP;
        prop_assert!((got - x / d).abs() <= within, "{x} / {d}: {got}");
    }
}
