//! The output of the tutorial's printing blocks in the chapters up to threshold sharing, generated from their seeded runs
//! as insta snapshots under `tutorial/src/generated/`: each chapter includes a block's
//! code from here (between its `ANCHOR` lines) and, under it, what it printed, so the
//! page and the code cannot disagree (`tests/book_outputs_numbers.rs` has the other chapters).
//!
//! The blocks print with `println!` as a reader's program would; here that macro writes
//! to a buffer that the test then snapshots (`tests/printed/`). Update with
//! `INSTA_UPDATE=always cargo test --test book_outputs --test book_outputs_numbers` and
//! review the diff.

use tinyspdz::Error;

#[macro_use]
mod printed;

use printed::book_output;

/// `tutorial/src/why-mpc.md`.
#[test]
fn why_mpc() -> Result<(), Error> {
    // ANCHOR: why_mpc
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(1);
    let alice = sim.machine("alice");
    let bob = sim.machine("bob");
    let charlie = sim.machine("charlie");
    let friends = [&alice, &bob, &charlie];

    // Each friend shares a salary among all three: nobody's share says anything.
    let a = PrivateScalar::new(52_000, &alice).share_among(&friends);
    let b = PrivateScalar::new(61_000, &bob).share_among(&friends);
    let c = PrivateScalar::new(47_000, &charlie).share_among(&friends);

    // They add their shares, then open only the total.
    let total = (&a + &b + &c).open()?;
    assert_eq!(total, 160_000);
    println!("the average salary is {}", total.value() / 3);
    // ANCHOR_END: why_mpc
    book_output("why_mpc");
    Ok(())
}

/// `tutorial/src/sharing.md`.
#[test]
fn sharing() -> Result<(), Error> {
    // ANCHOR: sharing
    use tinyspdz::prelude::*;

    let sim = Simulation::builder()
        .field::<F101>()
        .seed(3)
        .semi_honest()
        .build();
    let (alice, bob, charlie) = (
        sim.machine("alice"),
        sim.machine("bob"),
        sim.machine("charlie"),
    );
    let x = PrivateScalar::new(25, &alice).share(&[&bob, &charlie]);
    let shares = x.shares();
    println!("{x}"); // SharedScalar(#2: alice …, bob …, charlie …)
    let sum: F101 = shares.iter().copied().sum();
    assert_eq!(sum.to_bigint(), 25.into());
    // ANCHOR_END: sharing
    book_output("sharing");
    Ok(())
}

/// `tutorial/src/cheaters-and-macs.md`.
#[test]
fn cheaters_and_macs() -> Result<(), Error> {
    // ANCHOR: cheaters_and_macs
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(7); // MACs are on by default
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice]);
    sim.adversary().add_to_openings(&bob, 1, Openings::Nth(1));
    let product = &x * &y;
    match product.reconstruct(&alice) {
        Err(Error::MacCheckFailed {
            values, suspects, ..
        }) => {
            println!("caught! the batch held {values:?}");
            assert_eq!(suspects, ["bob"]); // only because we told the simulation
        }
        other => panic!("bob got away with it: {other:?}"),
    }
    // ANCHOR_END: cheaters_and_macs
    book_output("cheaters_and_macs");
    Ok(())
}

/// `tutorial/src/costs.md`.
#[test]
fn costs() -> Result<(), Error> {
    // ANCHOR: costs
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(9);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let a = PrivateScalar::new(3, &alice).share(&[&bob]);
    let b = PrivateScalar::new(4, &bob).share(&[&alice]);
    let c = PrivateScalar::new(5, &bob).share(&[&alice]);

    sim.reset_costs();
    let two = &a * &b + &a * &c;
    assert_eq!(sim.stats().triples, 2);
    sim.reset_costs();
    let one = &a * (&b + &c);
    assert_eq!(sim.stats().triples, 1);

    let chain = &a * &a * &a * &a;
    let squares = a.pow(4);
    assert_eq!((chain.depth(), squares.depth()), (3, 2));

    assert_eq!(two.reconstruct(&alice)?, 27);
    assert_eq!(one.reconstruct(&alice)?, 27);
    assert_eq!(squares.reconstruct(&alice)?, 81);
    println!("{}", sim.ledger());
    // ANCHOR_END: costs
    book_output("costs");
    Ok(())
}

/// `tutorial/src/threshold.md`.
#[test]
fn threshold_1() -> Result<(), Error> {
    // ANCHOR: threshold_1
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(2);
    let servers = [sim.machine("s1"), sim.machine("s2"), sim.machine("s3")];
    let [s1, s2, s3] = &servers;
    let x = PrivateScalar::new(9, s1).share_threshold(&[s1, s2, s3], 1);
    s2.go_offline();
    s3.go_offline();
    let err = x.try_mul(&x).unwrap_err();
    println!("{err}");
    assert!(matches!(
        err,
        Error::NotEnoughOnline {
            answering: 1,
            needed: 2,
            ..
        }
    ));
    s3.come_online();
    assert_eq!(x.pow(2).reconstruct(s3)?, 81);
    // ANCHOR_END: threshold_1
    book_output("threshold_1");
    Ok(())
}

/// `tutorial/src/threshold.md`.
#[test]
fn threshold_2() -> Result<(), Error> {
    // ANCHOR: threshold_2
    use tinyspdz::prelude::*;

    let sim = Simulation::with_seed(4);
    let servers = [sim.machine("s1"), sim.machine("s2"), sim.machine("s3")];
    let [s1, s2, s3] = &servers;
    let x = PrivateScalar::new(5, s1).share_threshold(&[s1, s2, s3], 1);
    s3.go_offline();
    let y = &x * &x; // s1 and s2 answer; s3 holds no share of y
    s3.come_online();
    s1.go_offline();
    // Only s2 of y's shareholders is online.
    let err = y.reconstruct(s2).unwrap_err();
    assert!(matches!(
        err,
        Error::NotEnoughOnline {
            answering: 1,
            needed: 2,
            ..
        }
    ));
    println!("{err}");
    s1.come_online();
    // The recovery step: re-share y to all three while s1 and s2 are online, and check
    // what s1 and s2 opened while s3 was away before s1 leaves.
    let y = y.reshare(&[s1, s2, s3], Scheme::Shamir { threshold: 1 });
    sim.check()?;
    s1.go_offline();
    assert_eq!(y.reconstruct(s3)?, 25); // s2 and s3 suffice
    // ANCHOR_END: threshold_2
    book_output("threshold_2");
    Ok(())
}
