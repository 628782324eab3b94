//! The output of the tutorial's printing blocks in the chapters on numbers (fixed point, comparison, the shadow), generated from their seeded runs
//! as insta snapshots under `tutorial/src/generated/`: each chapter includes a block's
//! code from here (between its `ANCHOR` lines) and, under it, what it printed, so the
//! page and the code cannot disagree (`tests/book_outputs.rs` has the other chapters).
//!
//! The blocks print with `println!` as a reader's program would; here that macro writes
//! to a buffer that the test then snapshots (`tests/printed/`). Update with
//! `INSTA_UPDATE=always cargo test --test book_outputs --test book_outputs_numbers` and
//! review the diff.

use tinyspdz::Error;

#[macro_use]
mod printed;

use printed::book_output;

/// `tutorial/src/fixed-point.md`.
#[test]
fn fixed_point_1() -> Result<(), Error> {
    // ANCHOR: fixed_point_1
    use tinyspdz::Precision;
    use tinyspdz::prelude::*;

    /// What the protocol computes with: x rounded to 16 fractional bits.
    fn encoded(x: f64) -> f64 {
        (x * 65_536.0).round() / 65_536.0
    }

    let sim = Simulation::with_seed(1);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let p = Precision::default();
    assert_eq!((p.f, p.k), (16, 32));
    assert_eq!(p.encode(0.1)?, 6554); // round(0.1 · 65 536) = round(6553.6)

    let tenth = PrivateFixed::new(0.1, &alice);
    println!("{tenth}"); // PrivateFixed(0.100006103515625, 'alice'): 0.1 itself is not there
    assert_eq!(tenth.value(), encoded(0.1));
    assert!((tenth.value() - 0.1).abs() <= 0.5 / 65_536.0); // half an ulp at most

    let x = tenth.share(&[&bob]);
    let y = PrivateFixed::new(-2.75, &bob).share(&[&alice]);
    // Addition adds the encodings: exact, no rounding beyond the inputs'.
    assert_eq!((&x + &y).open()?, encoded(0.1) + encoded(-2.75));
    assert_eq!((&x - &y).open()?, encoded(0.1) - encoded(-2.75));
    // ANCHOR_END: fixed_point_1
    book_output("fixed_point_1");
    Ok(())
}

/// `tutorial/src/fixed-point.md`.
#[test]
fn fixed_point_2() -> Result<(), Error> {
    // ANCHOR: fixed_point_2
    use tinyspdz::prelude::*;

    const ULP: f64 = 1.0 / 65_536.0;
    fn encoded(x: f64) -> f64 {
        (x * 65_536.0).round() / 65_536.0
    }

    let sim = Simulation::with_seed(3);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixed::new(0.3, &alice).share(&[&bob]);
    let y = PrivateFixed::new(-0.7, &bob).share(&[&alice]);

    sim.reset_costs();
    let xy = &x * &y;
    let costs = sim.stats();
    assert_eq!((costs.triples, costs.masks), (1, 1)); // a Beaver triple, a truncation mask
    assert_eq!(costs.rounds, 2); // Beaver's opening of d and e, then the opening of c
    let exact = encoded(0.3) * encoded(-0.7);
    assert!((xy.open()? - exact).abs() < ULP);

    // Half an ulp, 200 times: each product is 0 or 1 ulp, rounded up with probability ½.
    let tiny = PrivateFixed::new(ULP, &alice).share(&[&bob]);
    let mut total = PrivateFixed::new(0.0, &alice).share(&[&bob]);
    for _ in 0..200 {
        total = &total + &(&tiny * 0.5);
    }
    let ups = total.open()? / ULP;
    println!("{ups} of 200 rounded up");
    assert!((60.0..=140.0).contains(&ups)); // about 100: unbiased
    // ANCHOR_END: fixed_point_2
    book_output("fixed_point_2");
    Ok(())
}

/// `tutorial/src/fixed-point.md`.
#[test]
fn fixed_point_3() -> Result<(), Error> {
    // ANCHOR: fixed_point_3
    use tinyspdz::prelude::*;

    const ULP: f64 = 1.0 / 65_536.0;
    fn encoded(x: f64) -> f64 {
        (x * 65_536.0).round() / 65_536.0
    }

    let sim = Simulation::with_seed(4);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let factor = PrivateFixed::new(1.01, &bob).share(&[&alice]);
    let mut x = PrivateFixed::new(-3.7, &alice).share(&[&bob]);
    let mut exact = encoded(-3.7);
    for _ in 0..20 {
        x = &x * &factor;
        exact *= encoded(1.01);
    }
    let error = (x.open()? - exact).abs();
    println!("after 20 products: {:.2} ulps", error / ULP);
    assert!(error <= 20.0 * 1.01f64.powi(20) * ULP);

    let a = PrivateFixed::new(0.3, &alice).share(&[&bob]);
    let b = PrivateFixed::new(0.7, &bob).share(&[&alice]);
    let exact = 1000.0 * encoded(0.3) * encoded(0.7);
    let late = (&(&a * &b) * 1000).open()?; // the product's error, times 1000
    let early = (&(&a * 1000) * &b).open()?; // one truncation, at the end
    let (late_error, early_error) = ((late - exact).abs(), (early - exact).abs());
    println!(
        "late: {:.1} ulps, early: {:.2} ulps",
        late_error / ULP,
        early_error / ULP
    );
    assert!(late_error < 1000.0 * ULP);
    assert!(early_error < ULP);
    // ANCHOR_END: fixed_point_3
    book_output("fixed_point_3");
    Ok(())
}

/// `tutorial/src/fixed-point.md`.
#[test]
fn fixed_point_4() -> Result<(), Error> {
    // ANCHOR: fixed_point_4
    use tinyspdz::Precision;
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(5);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let limit = 2f64.powi(31);
    assert!(PrivateFixed::try_new(limit - 1.0, &alice).is_ok());
    let err = PrivateFixed::try_new(3.0e9, &alice).err().unwrap();
    println!("{err}");
    assert!(matches!(err, Error::FixedOutOfRange { .. }));
    assert!(PrivateFixed::try_new(f64::NAN, &alice).is_err());

    let fine = Precision { f: 24, k: 32 }; // 32 + 48 + 41 = 121 bits
    let ulp = 2f64.powi(-24);
    let third = PrivateFixed::with_precision(1.0 / 3.0, &alice, fine)?.share(&[&bob]);
    let ninth = (&third * &third).open()?;
    assert!((ninth - 1.0 / 9.0).abs() < 2.0 * ulp);

    let too_fine = Precision { f: 27, k: 32 }; // 32 + 54 + 41 = 127 bits
    let err = PrivateFixed::with_precision(0.5, &alice, too_fine)
        .err()
        .unwrap();
    assert!(matches!(err, Error::PrecisionOutOfRange { most: 85, .. }));
    // ANCHOR_END: fixed_point_4
    book_output("fixed_point_4");
    Ok(())
}

/// `tutorial/src/fixed-point.md`.
#[test]
fn fixed_point_5() -> Result<(), Error> {
    // ANCHOR: fixed_point_5
    use tinyspdz::prelude::*;

    const ULP: f64 = 1.0 / 65_536.0;

    let sim = Simulation::with_seed(6);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixed::new(1000.0, &alice).share(&[&bob]);
    assert!(((&x / 4.0).open()? - 250.0).abs() < ULP);

    let q = (&x / 3000.0).open()?;
    println!("1000 / 3000 = {q}");
    assert!((q - 1000.0 / 3000.0).abs() <= ULP * (1000.0 / 3000.0) + ULP);
    let slim = PrivateFixed::new(30_000.0, &alice).share(&[&bob]);
    assert!(((&slim / 70_000.0).open()? - 3.0 / 7.0).abs() <= 2.0 * ULP);
    assert!(matches!(x.try_div_public(0.0), Err(Error::DivisionByZero)));
    // ANCHOR_END: fixed_point_5
    book_output("fixed_point_5");
    Ok(())
}

/// `tutorial/src/fixed-point.md`.
#[test]
fn fixed_point_6() -> Result<(), Error> {
    // ANCHOR: fixed_point_6
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(7);
    let friends = sim.new_machines(["ann", "ben", "cai", "dee", "eve"]);
    let salaries = [48_000.0, 51_000.0, 52_500.0, 55_000.0, 51_500.0];
    let total: SharedFixed = friends
        .iter()
        .zip(salaries)
        .map(|(f, s)| PrivateFixed::new(s, f).share_among(&friends))
        .sum();
    let by_reciprocal = (&total / 5.0).open()?;
    let before = sim.stats().triples;
    let exact = (&total / 5).open()?;
    println!("258000 / 5.0 = {by_reciprocal}");
    println!(
        "258000 / 5   = {exact} ({} triples)",
        sim.stats().triples - before
    );
    assert_eq!(exact, 51_600.0);
    assert!((by_reciprocal - 51_600.0 - 0.197).abs() < 0.001);
    // ANCHOR_END: fixed_point_6
    book_output("fixed_point_6");
    Ok(())
}

/// `tutorial/src/comparison.md`.
#[test]
fn comparison_1() -> Result<(), Error> {
    // ANCHOR: comparison_1
    use tinyspdz::COMPARISON_BITS;
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(4);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(5, &alice).share(&[&bob]);
    let y = PrivateScalar::new(9, &bob).share(&[&alice]);

    sim.reset_costs();
    let _ = &x * &y;
    assert_eq!(sim.stats().triples, 1);
    sim.reset_costs();
    let lt = x.less_than(&y);
    let costs = sim.stats();
    println!("one comparison: {costs}");
    assert_eq!(costs.masks, 2); // the edaBit and the daBit
    assert!(costs.triples > 50 && costs.rounds > 50);
    assert_eq!(costs.bits, 2 * (62 + 1)); // each AND's e and the daBit's v, a bit each way
    assert!(costs.triples < u64::from(COMPARISON_BITS));
    let eq = x.equals(&y);
    assert!(lt.as_scalar().depth() > 50);
    assert!(eq.as_scalar().depth() <= 7);

    // Outside the range: i64::MIN − 1 < 0, but the bit says otherwise.
    let low = PrivateScalar::new(i64::MIN, &alice).share(&[&bob]);
    let wrong = low.less_than(1);
    let d = i128::from(i64::MIN) - 1;
    assert_eq!(wrong.as_scalar().open()?, -d.div_euclid(1i128 << 63));
    assert!(!wrong.open()?);
    // ANCHOR_END: comparison_1
    book_output("comparison_1");
    Ok(())
}

/// `tutorial/src/comparison.md`.
#[test]
fn comparison_2() -> Result<(), Error> {
    // ANCHOR: comparison_2
    use tinyspdz::prelude::*;

    const ULP: f64 = 1.0 / 65_536.0;

    let sim = Simulation::builder().seed(5).views(Views::Off).build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let (a, b) = (7.5, -2.5);
    let x = PrivateFixed::new(a, &alice).share(&[&bob]);
    let y = PrivateFixed::new(b, &bob).share(&[&alice]);
    sim.reset_costs();
    let q = &x / &y;
    let triples = sim.stats().triples;
    println!("x / y: {triples} triples");
    assert!(triples > 40 * 40); // dozens of comparisons
    let bound = 2.0 * ULP * (a / b).abs() + 2.0 * ULP;
    assert!((q.open()? - a / b).abs() <= bound);

    let million = PrivateFixed::new(1.0e6, &alice).share(&[&bob]);
    let same = PrivateFixed::new(1.0e6, &bob).share(&[&alice]);
    assert!(((&million / &same).open()? - 1.0).abs() <= 4.0 * ULP);
    // ANCHOR_END: comparison_2
    book_output("comparison_2");
    Ok(())
}

/// `tutorial/src/shadow.md`.
#[test]
fn shadow() -> Result<(), Error> {
    // ANCHOR: shadow
    use tinyspdz::WarningKind;
    use tinyspdz::prelude::*;

    let sim = Simulation::builder().seed(3).shadow().build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let big = PrivateScalar::new(1i128 << 80, &alice).share(&[&bob]);
    let (bit, line) = (big.greater_than(0), line!());
    let report = sim.shadow_report().expect("built with .shadow()");
    let warning = &report.warnings()[0];
    assert_eq!(
        (warning.kind, warning.line),
        (WarningKind::OutsideDomain, line)
    );
    println!("{warning}");
    let _ = bit; // wrong, and now we know why
    // ANCHOR_END: shadow
    book_output("shadow");
    Ok(())
}
