//! An abort stops everything, the adversary counts as its docs say, and a failed check's
//! error stays short however long the run.

use tinyspdz::prelude::*;

/// Alice, bob and carol, x = 6 and y = 7 shared among all three, and bob cheating in his
/// first opening, caught by the first output.
fn aborted(seed: u64) -> (Simulation, Vec<VirtualMachine>, SharedScalar, SharedScalar) {
    let sim = Simulation::with_seed(seed);
    let ms: Vec<VirtualMachine> = ["alice", "bob", "carol"]
        .into_iter()
        .map(|name| sim.machine(name))
        .collect();
    let holders: Vec<&VirtualMachine> = ms.iter().collect();
    let x = PrivateScalar::new(6, &ms[0]).share_among(&holders);
    let y = PrivateScalar::new(7, &ms[1]).share_among(&holders);
    sim.adversary().add_to_openings(&ms[1], 5, Openings::Nth(1));
    let z = &x * &y;
    assert!(matches!(
        z.reconstruct(&ms[0]),
        Err(Error::MacCheckFailed { .. })
    ));
    (sim, ms, x, y)
}

fn is_abort<T: std::fmt::Debug>(result: Result<T, Error>) -> bool {
    matches!(result, Err(Error::MacCheckFailed { .. }))
}

#[test]
fn after_an_abort_nothing_is_opened_output_or_computed() {
    let (sim, ms, x, y) = aborted(1);
    let opened_before = sim.stats().opened;
    assert!(is_abort(x.partial_open()));
    assert!(is_abort(x.open()));
    assert!(is_abort(x.reconstruct(&ms[2])));
    assert!(is_abort(x.try_mul(&y)));
    assert!(is_abort(x.try_less_than(&y)));
    assert!(is_abort(x.try_less_than(0)));
    assert!(is_abort(sim.check()));
    let holders: Vec<&VirtualMachine> = ms.iter().collect();
    assert!(is_abort(sim.dealer().triple(&holders)));
    assert!(is_abort(
        PrivateScalar::new(1, &ms[0]).try_share_among(&holders)
    ));
    assert!(is_abort(x.try_reshare(&holders, Scheme::Additive)));
    let v = PrivateVector::new([1, 2], &ms[0]);
    assert!(is_abort(v.try_share_among(&holders)));
    // Nothing was opened after the abort, and no triple was consumed.
    assert_eq!(sim.stats().opened, opened_before);
    let triples = sim.dealer().triples_dealt();
    let _ = x.try_mul(&x);
    assert_eq!(sim.dealer().triples_dealt(), triples);
    // Local arithmetic sends nothing and still works; its result is never output.
    let sum = &x + &y;
    assert!(is_abort(sum.open()));
}

#[test]
fn after_a_failed_triple_check_everything_is_refused() {
    let sim = Simulation::builder()
        .seed(3)
        .sacrifice_triples(true)
        .build();
    let ms: Vec<VirtualMachine> = ["a", "b"].into_iter().map(|n| sim.machine(n)).collect();
    let x = PrivateScalar::new(3, &ms[0]).share(&[&ms[1]]);
    sim.adversary().dealer_bad_triple(1, Openings::Nth(1));
    let _ = x.try_mul(&x);
    for result in [
        x.partial_open().map(|_| ()),
        x.open().map(|_| ()),
        x.try_mul(&x).map(|_| ()),
    ] {
        assert!(
            matches!(result, Err(Error::TripleCheckFailed { .. })),
            "{result:?}"
        );
    }
}

#[test]
fn nth_counts_openings_from_the_start_of_the_simulation() -> Result<(), Error> {
    // Bob's 1st and 2nd openings are his shares of d and e in the first product; the
    // attack is registered after them, so Nth(2) has passed and nothing is shifted.
    let sim = Simulation::with_seed(5);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let first = &x * &x;
    sim.adversary().add_to_openings(&bob, 1, Openings::Nth(2));
    let second = &x * &x;
    assert_eq!(second.reconstruct(&alice)?, 36);
    assert_eq!(first.reconstruct(&alice)?, 36);
    // Then 3rd and 4th (the second product), 5th and 6th (the two outputs): the third
    // product's d is his 7th.
    sim.adversary().add_to_openings(&bob, 1, Openings::Nth(7));
    let third = &x * &x;
    assert!(matches!(
        third.reconstruct(&alice),
        Err(Error::MacCheckFailed { .. })
    ));
    Ok(())
}

#[test]
fn the_adversary_refuses_what_matches_nothing_or_belongs_elsewhere() {
    let sim = Simulation::with_seed(1);
    let other = Simulation::with_seed(2);
    let (alice, stranger) = (sim.machine("alice"), other.machine("stranger"));
    let adversary = sim.adversary();
    assert_eq!(
        adversary.try_add_to_openings(&alice, 1, Openings::Nth(0)),
        Err(Error::NthZero)
    );
    assert_eq!(
        adversary.try_dealer_bad_triple(1, Openings::Nth(0)),
        Err(Error::NthZero)
    );
    assert!(matches!(
        adversary.try_add_to_openings(&stranger, 1, Openings::Every),
        Err(Error::SimulationMismatch { .. })
    ));
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        adversary.add_to_openings(&alice, 1, Openings::Nth(0));
    }))
    .expect_err("Nth(0) panics in the panicking twin");
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    assert_eq!(message, Error::NthZero.to_string());
}

#[test]
fn a_corrupt_dealer_corrupts_the_playgrounds_triples_and_sacrifice_catches_it() -> Result<(), Error>
{
    let sim = Simulation::with_seed(8);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let holders = [&alice, &bob];
    sim.adversary().dealer_bad_triple(3, Openings::Nth(1));
    let [a, b, c] = sim.dealer().triple(&holders)?;
    let [f, g, h] = sim.dealer().triple(&holders)?;
    // The sacrifice of SPDZ's offline phase, written with the playground's values:
    // ρ = t·a − f and σ = b − g are opened, and t·c − h − σ·f − ρ·g − σ·ρ must be 0.
    let t = 5;
    let rho = (t * &a - &f).open()?;
    let sigma = (&b - &g).open()?;
    let (rho, sigma) = (rho.field_value(), sigma.field_value());
    let zero = t * &c - &h - &f * sigma - &g * rho - sigma * rho;
    let opened = zero.open()?;
    assert_eq!(opened, 15, "t·δ = 5·3: the first triple's c is off by 3");
    // The MACs were made for the wrong c, so opening c passes the MAC check.
    let (a, b, c) = (a.open()?, b.open()?, c.open()?);
    assert_eq!(
        c.field_value(),
        a.field_value() * b.field_value() + DefaultField::from(3)
    );
    Ok(())
}

#[test]
fn a_failed_check_after_a_long_run_has_a_short_message() {
    let sim = Simulation::with_seed(11);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(2, &alice).share(&[&bob]);
    sim.adversary().add_to_openings(&bob, 1, Openings::Every);
    let mut y = x.clone();
    for _ in 0..3_000 {
        y = &y * &x;
    }
    let err = y.reconstruct(&alice).unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 600, "{} bytes: {message}", message.len());
    let Error::MacCheckFailed {
        openings,
        kinds,
        values,
        ..
    } = err
    else {
        panic!("{message}");
    };
    assert_eq!(openings, 6_001);
    assert_eq!(
        kinds,
        [
            ("beaver d".to_string(), 3_000),
            ("beaver e".to_string(), 3_000),
            ("reconstruct".to_string(), 1)
        ]
    );
    assert_eq!(values.len(), Error::LISTED_OPENINGS);
    assert!(message.contains("and 5996 more"), "{message}");
}
