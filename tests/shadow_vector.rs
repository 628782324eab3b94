//! The plaintext shadow on fixed-point vectors: it follows every lane, reports each
//! operation once at its source line with the worst error over the lanes, agrees with the
//! same computation done one scalar at a time, and never changes what the protocol does.

use tinyspdz::prelude::*;
use tinyspdz::shadow::{ShadowLine, ShadowReport, WarningKind};
use tinyspdz::{Precision, PrivateFixed};

mod common;

use common::ULP;

fn two(sim: &Simulation) -> (VirtualMachine, VirtualMachine) {
    (sim.machine("alice"), sim.machine("bob"))
}

fn checking(seed: u64) -> Simulation {
    Simulation::builder().seed(seed).shadow().build()
}

/// The report's lines at source line `line`.
fn at(report: &ShadowReport, line: u32) -> Vec<&ShadowLine> {
    report
        .lines()
        .iter()
        .filter(|l| l.location.line() == line && l.location.file().ends_with("shadow_vector.rs"))
        .collect()
}

/// The first warning of one kind raised at one line.
fn warning(report: &ShadowReport, kind: WarningKind, line: u32) -> Option<String> {
    let here = |w: &&tinyspdz::shadow::Warning| {
        w.kind == kind && w.line == line && w.file.ends_with("shadow_vector.rs")
    };
    report
        .warnings()
        .iter()
        .find(here)
        .map(|w| w.detail.clone())
}

#[test]
fn vectors_run_the_same_with_or_without_the_shadow() {
    let run = |sim: Simulation| {
        let (alice, bob) = two(&sim);
        let x = PrivateFixedVector::new([1.25, -0.5, 3.0], &alice).share(&[&bob]);
        let y = PrivateFixedVector::new([-3.5, 2.0, 0.75], &bob).share(&[&alice]);
        let z = &(&(&x * &y) + 0.1).relu() - &(&x * 0.5);
        let q = &z.sigmoid() + &x.div(&y);
        let scalars = q.to_fixed();
        let back = SharedFixedVector::from_fixed(&scalars).unwrap();
        let total = back.dot(&y) + x.sum() + (&scalars[0] * &scalars[1]);
        let bits = (&y - 1.0).less_than(0.0);
        let out = (
            q.open().unwrap(),
            total.open().unwrap(),
            bits.open().unwrap(),
        );
        (out, sim.stats(), sim.machines()[0].view().to_string())
    };
    let plain = run(Simulation::with_seed(3));
    let sim = checking(3);
    let shadowed = run(sim.clone());
    // Same shares, same openings, same costs: the shadow is never used by the protocol.
    assert_eq!((plain.0, plain.1), (shadowed.0, shadowed.1));
    assert!(
        plain.2 == shadowed.2,
        "alice's view differs with the shadow on"
    );
    // And it did follow: every operation, including the scalars taken out of the vector.
    let report = sim.shadow_report().unwrap();
    let operations: Vec<_> = report.lines().iter().map(|l| l.operation).collect();
    for op in [
        "share", "×", "+", "relu", "−", "sigmoid", "÷", "dot", "sum", "<",
    ] {
        assert!(operations.contains(&op), "{op} missing from\n{report}");
    }
    assert_eq!(
        operations.iter().filter(|&&op| op == "×").count(),
        3,
        "{report}"
    );
}

#[test]
fn a_vector_overflow_is_reported_at_its_line_naming_the_lane() {
    let sim = checking(1);
    let (alice, bob) = two(&sim);
    let small = Precision { f: 16, k: 16 }; // values below 2^15 = 32768
    let x = PrivateFixedVector::with_precision([1.0, 200.0, 2.0], &alice, small)
        .unwrap()
        .share(&[&bob]);
    let y = PrivateFixedVector::with_precision([1.0, 150.0, 3.0], &bob, small)
        .unwrap()
        .share(&[&alice]);
    let (big, line) = (&x * &y, line!()); // lane 1: 30,000, close to 32,768
    let (over, over_line) = (&big * 2.0, line!()); // lane 1: 60,000, beyond
    let report = sim.shadow_report().unwrap();
    let near = warning(&report, WarningKind::NearOverflow, line).expect("near overflow");
    assert!(near.starts_with("lane 1:"), "{near}");
    let detail = warning(&report, WarningKind::Overflow, over_line).expect("overflow");
    assert!(
        detail.starts_with("lane 1:") && detail.contains("60000"),
        "{detail}"
    );
    assert!(
        warning(&report, WarningKind::Overflow, line).is_none(),
        "{report}"
    );
    // One line per operation, counted once however many lanes it has.
    let product = at(&report, over_line);
    assert_eq!(product.len(), 1, "{report}");
    assert_eq!((product[0].operation, product[0].count), ("×", 1));
    let warned = report.warnings().iter().filter(|w| w.line == over_line);
    assert_eq!(warned.map(|w| w.count).collect::<Vec<_>>(), [1], "{report}");
    assert!((over.open().unwrap()[1] - 60_000.0).abs() < 1e-2);
}

#[test]
fn a_vector_function_is_one_report_line_with_its_domain_checked() {
    let sim = checking(6);
    let (alice, bob) = two(&sim);
    let inputs = [0.7, -2.0, 4.0, 0.25];
    let x = PrivateFixedVector::new(inputs, &alice).share(&[&bob]);
    let (s, line) = (x.sigmoid(), line!());
    let (_, sqrt_line) = (x.sqrt(), line!());
    let report = sim.shadow_report().unwrap();
    let sigmoid = at(&report, line);
    assert_eq!(sigmoid.len(), 1, "{report}");
    assert_eq!((sigmoid[0].operation, sigmoid[0].count), ("sigmoid", 1));
    assert!(sigmoid[0].worst_added <= 4e-3, "{report}");
    for (got, x) in s.open().unwrap().into_iter().zip(inputs) {
        let exact = 1.0 / (1.0 + (-x).exp());
        assert!(
            (got - exact).abs() <= sigmoid[0].worst_error + 1e-12,
            "{report}"
        );
    }
    assert_eq!(at(&report, sqrt_line).len(), 1, "{report}");
    let outside = warning(&report, WarningKind::OutsideDomain, sqrt_line).expect("√−2");
    assert!(
        outside.starts_with("lane 1:") && outside.contains("x ≥ 0"),
        "{outside}"
    );
    assert!(
        warning(&report, WarningKind::OutsideDomain, line).is_none(),
        "{report}"
    );
}

#[test]
fn a_vector_comparison_of_an_overflowed_lane_is_reported_wrong() {
    let sim = checking(7);
    let (alice, bob) = two(&sim);
    let small = Precision { f: 16, k: 16 };
    let x = PrivateFixedVector::with_precision([2.0, 300.0], &alice, small)
        .unwrap()
        .share(&[&bob]);
    let square = &x * &x; // lane 1: 90,000, beyond what 33 comparison bits hold
    let (bits, line) = (square.less_than(0.0), line!());
    let report = sim.shadow_report().unwrap();
    let detail = warning(&report, WarningKind::WrongComparison, line).expect("wrong bit");
    assert!(detail.starts_with("lane 1:"), "{detail}");
    // Lane 1 wrapped around: its "bit" is not even 0 or 1, as the shadow says.
    assert_eq!(bits.open().unwrap(), [0, -1]);
    assert!(detail.contains("neither 0 nor 1"), "{detail}");
}

/// Rounds of a computation, lane by lane: the scalar report of the same lanes.
fn scalar_report(seed: u64, xs: [f64; 3], ys: [f64; 3]) -> ShadowReport {
    let sim = checking(seed);
    let (alice, bob) = two(&sim);
    for (x, y) in xs.into_iter().zip(ys) {
        let x = PrivateFixed::new(x, &alice).share(&[&bob]);
        let y = PrivateFixed::new(y, &bob).share(&[&alice]);
        let product = &x * &y;
        let _ = (&product * 0.01).sigmoid();
    }
    sim.shadow_report().unwrap()
}

#[test]
fn a_vector_report_matches_the_scalar_report_of_the_same_lanes() {
    // 0.00003 is held as 2 units in the last place: its rounding error, times 180, is
    // the product's worst error (about 6 ulps), in whichever lane it sits.
    let (xs, ys) = ([0.5, 0.00003, -1.7], [2.0, 180.0, 0.3]);
    let scalars = scalar_report(11, xs, ys);
    let sim = checking(12);
    let (alice, bob) = two(&sim);
    let x = PrivateFixedVector::new(xs, &alice).share(&[&bob]);
    let y = PrivateFixedVector::new(ys, &bob).share(&[&alice]);
    let product = &x * &y;
    let _ = (&product * 0.01).sigmoid();
    let vector = sim.shadow_report().unwrap();
    let ops = |r: &ShadowReport| r.lines().iter().map(|l| l.operation).collect::<Vec<_>>();
    assert_eq!(ops(&vector), ops(&scalars), "{vector}\n{scalars}");
    for (v, s) in vector.lines().iter().zip(scalars.lines()) {
        assert_eq!((v.count, s.count), (1, 3), "{vector}\n{scalars}");
        // Inputs round the same way; each product and truncation rounds by its own mask.
        let tolerance = if v.operation == "share" {
            0.0
        } else {
            2.0 * ULP
        };
        let why = format!("{}: {} vs {}", v.operation, v.worst_error, s.worst_error);
        assert!((v.worst_error - s.worst_error).abs() <= tolerance, "{why}");
    }
    let product = &vector.lines()[2];
    assert!(product.worst_error > 5.0 * ULP, "{vector}");
    let kinds = |r: &ShadowReport| {
        r.warnings()
            .iter()
            .map(|w| (w.operation, w.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&vector), kinds(&scalars), "{vector}\n{scalars}");
}
