//! Math functions on fixed-point vectors, through the public API: each element as the
//! f64 function within the module docs' bound and as the scalar function, the rounds of
//! one scalar call for the whole vector, and division's errors.

use tinyspdz::prelude::*;

mod common;

use common::{ULP, encoded};

/// A function on vectors and on scalars, with its f64 twin, its error bound at an input
/// (the module docs' table), how far two runs may differ, and inputs in its domain.
struct Case {
    name: &'static str,
    vector: fn(&SharedFixedVector) -> SharedFixedVector,
    scalar: fn(&SharedFixed) -> SharedFixed,
    exact: fn(f64) -> f64,
    bound: fn(f64) -> f64,
    /// Vector and scalar round probabilistically with different masks, so they are not
    /// bit-identical. Sigmoid and tanh share their polynomial's error and differ only by
    /// rounding: 8 ulps (seen: at most 4 over 30 seeds). The others have bounds relative
    /// to the result, and each run is within its bound: twice the bound.
    agree: fn(f64) -> f64,
    inputs: [f64; 4],
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

const CASES: [Case; 6] = [
    Case {
        name: "sigmoid",
        vector: SharedFixedVector::sigmoid,
        scalar: SharedFixed::sigmoid,
        exact: sigmoid,
        bound: |_| 4e-3,
        agree: |_| 8.0 * ULP,
        inputs: [-9.0, -2.0, 0.3, 2.5],
    },
    Case {
        name: "tanh",
        vector: SharedFixedVector::tanh,
        scalar: SharedFixed::tanh,
        exact: f64::tanh,
        bound: |_| 8e-3,
        agree: |_| 8.0 * ULP,
        inputs: [-9.0, -2.0, 0.3, 2.5],
    },
    Case {
        name: "reciprocal",
        vector: SharedFixedVector::reciprocal,
        scalar: SharedFixed::reciprocal,
        exact: f64::recip,
        bound: |x| 2.0 * ULP / x.abs() + ULP,
        agree: |x| 2.0 * (2.0 * ULP / x.abs() + ULP),
        inputs: [-2.5, 0.3, 7.0, 100.0],
    },
    Case {
        name: "sqrt",
        vector: SharedFixedVector::sqrt,
        scalar: SharedFixed::sqrt,
        exact: f64::sqrt,
        // The table's 2·2⁻ᶠ relative, plus two ulps.
        bound: |x| 2.0 * (x.sqrt() * ULP + ULP),
        agree: |x| 4.0 * (x.sqrt() * ULP + ULP),
        inputs: [0.3, 2.5, 7.0, 100.0],
    },
    Case {
        name: "ln",
        vector: SharedFixedVector::ln,
        scalar: SharedFixed::ln,
        exact: f64::ln,
        bound: |_| 3.0 * ULP,
        agree: |_| 6.0 * ULP,
        inputs: [0.3, 2.5, 7.0, 100.0],
    },
    Case {
        name: "exp",
        vector: SharedFixedVector::exp,
        scalar: SharedFixed::exp,
        exact: f64::exp,
        bound: |x| 4.0 * ULP * x.exp() + ULP,
        agree: |x| 2.0 * (4.0 * ULP * x.exp() + ULP),
        inputs: [-2.0, 0.3, 2.5, 7.0],
    },
];

#[test]
fn each_function_matches_f64_and_the_scalar_function_element_by_element() -> Result<(), Error> {
    let sim = Simulation::builder().seed(31).views(Views::Off).build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    for case in CASES {
        let x = PrivateFixedVector::new(case.inputs, &alice).share(&[&bob]);
        let got = (case.vector)(&x).open()?;
        assert_eq!(got.len(), case.inputs.len());
        for (&v, &input) in got.iter().zip(&case.inputs) {
            let (e, name) = (encoded(input), case.name);
            let exact = (case.exact)(e);
            assert!((v - exact).abs() <= (case.bound)(e), "{name}({input}): {v}");
            let one = PrivateFixed::new(input, &alice).share(&[&bob]);
            let scalar = (case.scalar)(&one).open()?;
            let apart = (v - scalar).abs();
            assert!(apart <= (case.agree)(e), "{name}({input}): {v} vs {scalar}");
        }
    }
    sim.check()
}

#[test]
fn division_divides_element_by_element_and_checks_lengths_first() -> Result<(), Error> {
    let sim = Simulation::builder().seed(32).views(Views::Off).build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    // Small and large divisors: the bound is relative to the quotient for both.
    let (xs, ys) = ([7.5, -1.0, 1.0e6, 3.0e4], [-2.5, 0.3, 1.0e6, 7.0e4]);
    let x = PrivateFixedVector::new(xs, &alice).share(&[&bob]);
    let y = PrivateFixedVector::new(ys, &bob).share(&[&alice]);
    let quotient = (&x / &y).open()?;
    for ((&q, &a), &b) in quotient.iter().zip(&xs).zip(&ys) {
        let (a, b) = (encoded(a), encoded(b));
        // The module docs' bound: 2·2⁻ᶠ relative, plus two ulps.
        let bound = 2.0 * ULP * (a / b).abs() + 2.0 * ULP;
        assert!((q - a / b).abs() <= bound, "{a} / {b}: {q}");
        let one = PrivateFixed::new(a, &alice).share(&[&bob]);
        let by = PrivateFixed::new(b, &bob).share(&[&alice]);
        let scalar = (&one / &by).open()?;
        assert!(
            (q - scalar).abs() <= 2.0 * bound,
            "{a} / {b}: {q} vs {scalar}"
        );
    }
    assert_eq!(x.div(&y).len(), 4);

    // Mismatched lengths: an error before any step runs, or a panic that says why.
    let short = PrivateFixedVector::new([1.0, 2.0, 3.0], &bob).share(&[&alice]);
    let before = sim.stats();
    assert_eq!(
        x.try_div(&short).err(),
        Some(Error::LengthMismatch { left: 4, right: 3 })
    );
    assert_eq!(sim.stats(), before, "nothing was computed");
    let message = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| &x / &short))
        .err()
        .and_then(|e| e.downcast_ref::<String>().cloned());
    assert!(message.is_some_and(|m| m.contains("4 and 3 elements")));
    sim.check()
}

/// A vector function and its scalar twin, by name, for the cost comparisons.
type Costly = (
    &'static str,
    fn(&SharedFixedVector, &SharedFixedVector) -> SharedFixedVector,
    fn(&SharedFixed, &SharedFixed) -> SharedFixed,
);

const COSTLY: [Costly; 7] = [
    ("sigmoid", |x, _| x.sigmoid(), |x, _| x.sigmoid()),
    ("tanh", |x, _| x.tanh(), |x, _| x.tanh()),
    ("reciprocal", |x, _| x.reciprocal(), |x, _| x.reciprocal()),
    ("sqrt", |x, _| x.sqrt(), |x, _| x.sqrt()),
    ("ln", |x, _| x.ln(), |x, _| x.ln()),
    ("exp", |x, _| x.exp(), |x, _| x.exp()),
    ("div", |x, y| x / y, |x, y| x / y),
];

/// What one call of `f` cost on four elements, and on one.
fn vector_and_scalar_costs(sim: &Simulation, (_, vector, scalar): &Costly) -> (Costs, Costs) {
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixedVector::new([0.3, 2.5, 7.0, 100.0], &alice).share(&[&bob]);
    let y = PrivateFixedVector::new([1.5, -2.0, 0.5, 4.0], &bob).share(&[&alice]);
    let one = PrivateFixed::new(2.5, &alice).share(&[&bob]);
    let by = PrivateFixed::new(-2.0, &bob).share(&[&alice]);
    sim.reset_costs();
    let _ = scalar(&one, &by);
    let one_call = sim.stats();
    sim.reset_costs();
    let _ = vector(&x, &y);
    (sim.stats(), one_call)
}

#[test]
fn a_function_of_four_elements_takes_one_calls_rounds_and_four_times_its_triples() {
    // Semi-honest, so that no MAC check runs on its own inside a call (see below).
    let sim = Simulation::builder()
        .seed(33)
        .views(Views::Off)
        .semi_honest()
        .build();
    for case in &COSTLY {
        let (vector, one_call) = vector_and_scalar_costs(&sim, case);
        assert_eq!(vector.rounds, one_call.rounds, "{}", case.0);
        assert_eq!(vector.triples, 4 * one_call.triples, "{}", case.0);
    }
}

#[test]
fn with_macs_the_only_extra_rounds_are_a_mac_check_that_runs_on_its_own() {
    // At most 2¹⁴ openings wait for a MAC check (field and binary ones apart), so a long
    // vector call may run a check inside; the scalar call of one lane never does. The
    // vector may then differ from one scalar call by the check's rounds and nothing else.
    let sim = Simulation::builder().seed(34).views(Views::Off).build();
    let check = 3; // a MAC check's rounds: commit, reveal, and the coin toss before
    for case in [&COSTLY[0], &COSTLY[2]] {
        let (vector, one_call) = vector_and_scalar_costs(&sim, case);
        assert_eq!(one_call.mac_checks, 0, "{}", case.0);
        assert_eq!(vector.rounds, one_call.rounds + check * vector.mac_checks);
        assert_eq!(vector.triples, 4 * one_call.triples);
    }
}

#[test]
fn the_ledger_charges_a_whole_function_to_the_line_that_called_it() {
    let sim = Simulation::builder().seed(35).views(Views::Off).build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixedVector::new([0.5, 4.0], &alice).share(&[&bob]);
    let one = PrivateFixed::new(0.5, &alice).share(&[&bob]);
    sim.reset_costs();
    let (_, line) = (x.ln(), line!());
    let (_, scalar_line) = (one.ln(), line!());
    let ledger = sim.ledger();
    let lines: Vec<u32> = ledger.lines().iter().map(|l| l.location.line()).collect();
    assert_eq!(lines, [line, scalar_line], "{ledger}");
    assert!(ledger.lines().iter().all(|l| l.location.file() == file!()));
}
