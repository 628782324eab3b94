//! The plaintext shadow: it follows every fixed-point operation, reports errors and
//! warnings at the right source line, and never changes what the protocol does.

use tinyspdz::prelude::*;
use tinyspdz::shadow::{ShadowReport, WarningKind};
use tinyspdz::{Precision, PrivateFixed};

fn two(sim: &Simulation) -> (VirtualMachine, VirtualMachine) {
    (sim.machine("alice"), sim.machine("bob"))
}

fn checking(seed: u64) -> Simulation {
    Simulation::builder().seed(seed).shadow().build()
}

/// The warnings of one kind raised at one line.
fn raised(report: &ShadowReport, kind: WarningKind, line: u32) -> bool {
    report
        .warnings()
        .iter()
        .any(|w| w.kind == kind && w.line == line && w.file.ends_with("shadow.rs"))
}

#[test]
fn off_by_default_and_the_same_run_with_or_without_it() {
    let run = |sim: Simulation| {
        let (alice, bob) = two(&sim);
        let x = PrivateFixed::new(1.25, &alice).share(&[&bob]);
        let y = PrivateFixed::new(-3.5, &bob).share(&[&alice]);
        let z = (&x * &y + 0.1).relu() + x.sigmoid() - (&y / 7.0);
        let bit = x.less_than(&y);
        let out = (z.open().unwrap(), bit.open().unwrap());
        (out, sim.stats(), sim.machines()[0].view().to_string())
    };
    assert!(Simulation::with_seed(3).shadow_report().is_none());
    let plain = run(Simulation::with_seed(3));
    let shadowed = run(checking(3));
    // Same shares, same openings, same costs: the shadow is never used by the protocol.
    assert_eq!((plain.0, plain.1), (shadowed.0, shadowed.1));
    assert!(
        plain.2 == shadowed.2,
        "alice's view differs with the shadow on"
    );
}

#[test]
fn an_overflow_is_reported_at_its_line() {
    let sim = checking(1);
    let (alice, bob) = two(&sim);
    let small = Precision { f: 16, k: 16 }; // values below 2^15 = 32768
    let x = PrivateFixed::with_precision(200.0, &alice, small)
        .unwrap()
        .share(&[&bob]);
    let y = PrivateFixed::with_precision(150.0, &bob, small)
        .unwrap()
        .share(&[&alice]);
    let fine = &x + &y; // 350: fine
    let (big, line) = (&x * &y, line!()); // 30,000: close to 32,768
    let (over, over_line) = (&big * 2, line!()); // 60,000: beyond
    let report = sim.shadow_report().unwrap();
    assert!(raised(&report, WarningKind::NearOverflow, line), "{report}");
    assert!(
        raised(&report, WarningKind::Overflow, over_line),
        "{report}"
    );
    assert!(!raised(&report, WarningKind::Overflow, line), "{report}");
    assert_eq!(report.warnings().len(), 2, "{report}");
    let warning = &report.warnings()[1];
    assert_eq!(warning.operation, "×");
    assert!(warning.detail.contains("60000"), "{}", warning.detail);
    assert!(warning.to_string().contains("raise k"), "{warning}");
    // The shares still hold the products (the field has room); the shadow says they are
    // outside the declared range, where comparisons and truncations go wrong.
    assert!((fine.open().unwrap() - 350.0).abs() < 1e-3);
    assert!((over.open().unwrap() - 60_000.0).abs() < 1e-2);
}

#[test]
fn precision_lost_in_a_tiny_product_with_the_error_and_what_each_line_added() {
    let sim = checking(2);
    let (alice, bob) = two(&sim);
    let x = PrivateFixed::new(0.003, &alice).share(&[&bob]);
    let (square, line) = (&x * &x, line!());
    assert!(square.open().unwrap().abs() <= 2f64.powi(-16));
    let report = sim.shadow_report().unwrap();
    assert!(
        raised(&report, WarningKind::PrecisionLost, line),
        "{report}"
    );
    let share = &report.lines()[0];
    assert_eq!(share.operation, "share");
    // 0.003 rounded to 16 fractional bits: at most half a unit in the last place.
    assert!(share.worst_error > 0.0 && share.worst_error <= 2f64.powi(-17));
    let product = &report.lines()[1];
    assert_eq!((product.operation, product.location.line()), ("×", line));
    assert!((product.worst_error - 9e-6).abs() < 2f64.powi(-16) + 1e-9);
    assert!(product.worst_added <= 2f64.powi(-16) + 1e-12);
}

#[test]
fn errors_accumulate_along_a_chain_and_stay_within_the_bound() {
    let sim = checking(4);
    let (alice, bob) = two(&sim);
    let mut x = PrivateFixed::new(1.01, &alice).share(&[&bob]);
    let factor = PrivateFixed::new(0.99, &bob).share(&[&alice]);
    for _ in 0..20 {
        x = &x * &factor;
    }
    let exact = (1.01f64 * 0.99f64.powi(20)).abs();
    let report = sim.shadow_report().unwrap();
    let chain = report.lines().iter().find(|l| l.operation == "×").unwrap();
    assert_eq!(chain.count, 20);
    // Each product adds under one unit in the last place; the shares' own rounding
    // errors are carried along.
    assert!(chain.worst_added <= 2f64.powi(-16) + 1e-12, "{report}");
    assert!(chain.worst_error > 0.0);
    assert!(chain.worst_error <= 22.0 * 2f64.powi(-16), "{report}");
    assert!((x.open().unwrap() - exact).abs() <= chain.worst_error + 1e-12);
    assert!(report.warnings().is_empty(), "{report}");
}

#[test]
fn inputs_outside_a_functions_domain_are_reported() {
    let sim = checking(5);
    let (alice, bob) = two(&sim);
    let negative = PrivateFixed::new(-4.0, &alice).share(&[&bob]);
    let big = PrivateFixed::new(30.0, &bob).share(&[&alice]);
    let (_, sqrt_line) = (negative.sqrt(), line!());
    let (_, exp_line) = (big.exp(), line!());
    let (good, good_line) = (big.ln(), line!());
    let report = sim.shadow_report().unwrap();
    assert!(
        raised(&report, WarningKind::OutsideDomain, sqrt_line),
        "{report}"
    );
    assert!(
        raised(&report, WarningKind::OutsideDomain, exp_line),
        "{report}"
    );
    assert!(
        !raised(&report, WarningKind::OutsideDomain, good_line),
        "{report}"
    );
    // ln 30 is inside its domain and within its documented bound (3 ulps).
    let ln = report.lines().iter().find(|l| l.operation == "ln").unwrap();
    assert!(ln.worst_added < 8.0 * 2f64.powi(-16), "{report}");
    assert!((good.open().unwrap() - 30f64.ln()).abs() < 8.0 * 2f64.powi(-16));
}

#[test]
fn a_function_is_one_line_of_the_report_not_its_inner_steps() {
    let sim = checking(6);
    let (alice, bob) = two(&sim);
    let x = PrivateFixed::new(0.7, &alice).share(&[&bob]);
    let (s, line) = (x.sigmoid(), line!());
    let report = sim.shadow_report().unwrap();
    let at_line: Vec<_> = report
        .lines()
        .iter()
        .filter(|l| l.location.line() == line)
        .collect();
    assert_eq!(at_line.len(), 1, "{report}");
    assert_eq!((at_line[0].operation, at_line[0].count), ("sigmoid", 1));
    let exact = 1.0 / (1.0 + (-0.7f64).exp());
    assert!(at_line[0].worst_added <= 4e-3);
    assert!((s.open().unwrap() - exact).abs() <= at_line[0].worst_error + 1e-12);
}

#[test]
fn a_comparison_of_overflowed_values_is_reported_wrong() {
    let sim = checking(7);
    let (alice, bob) = two(&sim);
    let small = Precision { f: 16, k: 16 };
    let x = PrivateFixed::with_precision(300.0, &alice, small)
        .unwrap()
        .share(&[&bob]);
    let zero = PrivateFixed::with_precision(0.0, &bob, small)
        .unwrap()
        .share(&[&alice]);
    let square = &x * &x; // 90,000: beyond 2^15, and beyond what 33 comparison bits hold
    let (bit, line) = (square.greater_than(&zero), line!());
    let report = sim.shadow_report().unwrap();
    assert!(
        raised(&report, WarningKind::WrongComparison, line),
        "{report}"
    );
    assert!(
        !bit.open().unwrap(),
        "the comparison is wrong, as the shadow says"
    );
}

#[test]
fn integer_comparisons_outside_their_range_are_reported() {
    let sim = checking(8);
    let (alice, bob) = two(&sim);
    let huge = PrivateScalar::new(1i128 << 70, &alice).share(&[&bob]);
    let one = PrivateScalar::new(1, &bob).share(&[&alice]);
    let (_, bad) = (huge.less_than(&one), line!());
    let (_, fine) = (one.less_than(5), line!());
    let report = sim.shadow_report().unwrap();
    assert!(raised(&report, WarningKind::OutsideDomain, bad), "{report}");
    assert!(
        !raised(&report, WarningKind::OutsideDomain, fine),
        "{report}"
    );
}

#[test]
fn the_report_reads_as_a_table_with_advice() {
    let sim = checking(9);
    let (alice, bob) = two(&sim);
    let x = PrivateFixed::new(0.5, &alice).share(&[&bob]);
    let y = PrivateFixed::new(0.01, &bob).share(&[&alice]);
    let xy = &x * &y;
    let z = &xy * &y; // 5·10⁻⁵: three units in the last place
    assert!(z.open().unwrap().abs() < 1e-4);
    let report = sim.shadow_report().unwrap();
    assert_eq!(report.lines().len(), 4, "{report}");
    assert_eq!(report.warnings().len(), 1, "{report}");
    insta::assert_snapshot!(report.to_string());
}

#[test]
fn each_integer_comparison_is_reported_exactly_past_its_own_range() {
    // d = i64::MIN − 0 = −2⁶³: the end of `<`'s range, one past `>`'s; d = 2⁶⁴ − 1 is
    // past both orders' ranges and inside `=`'s.
    let sim = checking(10);
    let (alice, bob) = two(&sim);
    let low = PrivateScalar::new(i64::MIN, &alice).share(&[&bob]);
    let zero = PrivateScalar::new(0, &bob).share(&[&alice]);
    let (lt, lt_line) = (low.less_than(&zero), line!());
    let (gt, gt_line) = (low.greater_than(&zero), line!());
    let (ge, ge_line) = (low.greater_or_equal(&zero), line!());
    let (le, le_line) = (low.less_or_equal(&zero), line!());
    let wide = PrivateScalar::new((1i128 << 64) - 1, &alice).share(&[&bob]);
    let (eq, eq_line) = (wide.equals(&zero), line!());
    let report = sim.shadow_report().unwrap();
    let warned = |line| raised(&report, WarningKind::OutsideDomain, line);
    assert!(!warned(lt_line) && !warned(ge_line), "{report}");
    assert!(warned(gt_line) && warned(le_line), "{report}");
    assert!(!warned(eq_line), "{report}");
    // As the warnings say: `<`, `≥` and `=` are right, `>` is not a bit.
    assert!(lt.open().unwrap() && !ge.open().unwrap() && !eq.open().unwrap());
    assert_eq!(gt.as_scalar().open().unwrap(), -1);
    assert_eq!(le.as_scalar().open().unwrap(), 2);
}
