//! Errors: what the `try_` methods return, what the operators panic with, and how the
//! messages read.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use num_bigint::BigInt;
use tinyspdz::prelude::*;

/// A holder list naming nobody.
const NOBODY: &[&VirtualMachine] = &[];

mod common;

use common::{centred, three_machines};

/// x held by {alice, bob} and y held by {alice, charlie}.
fn mismatched() -> (SharedScalar, SharedScalar) {
    let [a, b, c] = three_machines(&Simulation::with_seed(1));
    let x = PrivateScalar::new(5, &a).share(&[&b]);
    let y = PrivateScalar::new(7, &a).share(&[&c]);
    (x, y)
}

/// Error messages start lowercase, end without a full stop, and mention every name given.
#[track_caller]
fn check_message(err: &Error, names: &[&str]) {
    let msg = err.to_string();
    let first = msg
        .chars()
        .find(|c| c.is_alphabetic())
        .expect("a message with words");
    assert!(
        first.is_lowercase(),
        "message should start lowercase: {msg}"
    );
    assert!(
        !msg.ends_with('.'),
        "message should not end with a full stop: {msg}"
    );
    for name in names {
        assert!(msg.contains(name), "message should name {name}: {msg}");
    }
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------------------
// Holder mismatches
// ---------------------------------------------------------------------------------------

#[test]
fn try_ops_with_mismatched_holders_name_the_machines() {
    let (x, y) = mismatched();
    let want = Error::HolderMismatch {
        left: strings(&["alice", "bob"]),
        right: strings(&["alice", "charlie"]),
    };
    for err in [
        x.try_add(&y).expect_err("different holders"),
        x.try_sub(&y).expect_err("different holders"),
        x.try_mul(&y).expect_err("different holders"),
    ] {
        assert_eq!(err, want);
        check_message(&err, &["alice", "bob", "charlie"]);
    }
    // The other way round, left and right swap.
    let err = y.try_mul(&x).expect_err("different holders");
    assert_eq!(
        err,
        Error::HolderMismatch {
            left: strings(&["alice", "charlie"]),
            right: strings(&["alice", "bob"])
        }
    );
    // A failed multiplication deals no triple.
    assert_eq!(x.simulation().dealer().triples_dealt(), 0);
    assert_eq!(x.simulation().stats().triples, 0);
}

#[test]
fn try_sum_and_try_product_with_mismatched_holders() {
    let (x, y) = mismatched();
    let err = SharedScalar::try_sum([&x, &y]).expect_err("different holders");
    assert!(matches!(err, Error::HolderMismatch { .. }), "{err:?}");
    let err = SharedScalar::try_product([&x, &x, &y]).expect_err("different holders");
    assert!(matches!(err, Error::HolderMismatch { .. }), "{err:?}");
}

#[test]
fn same_holders_listed_in_another_order_combine() -> Result<(), Error> {
    let [a, b, c] = three_machines(&Simulation::with_seed(2));
    let x = PrivateScalar::new(5, &a).share_among(&[&c, &b, &a]);
    let y = PrivateScalar::new(7, &c).share(&[&b, &a]);
    assert_eq!(x.try_mul(&y)?.reconstruct(&b)?, 35);
    Ok(())
}

#[test]
#[should_panic(expected = "cannot combine a value held by")]
fn add_operator_panics_on_mismatched_holders() {
    let (x, y) = mismatched();
    let _ = &x + &y;
}

#[test]
#[should_panic(expected = "[\"alice\", \"charlie\"]")]
fn sub_operator_panic_names_the_holders() {
    let (x, y) = mismatched();
    let _ = x - y;
}

#[test]
#[should_panic(expected = "cannot combine a value held by")]
fn mul_operator_panics_on_mismatched_holders() {
    let (x, y) = mismatched();
    let _ = &x * y;
}

#[test]
#[should_panic(expected = "cannot combine a value held by")]
fn add_assign_panics_on_mismatched_holders() {
    let (mut x, y) = mismatched();
    x += &y;
}

#[test]
#[should_panic(expected = "cannot combine a value held by")]
fn mul_assign_panics_on_mismatched_holders() {
    let (mut x, y) = mismatched();
    x *= y;
}

#[test]
#[should_panic(expected = "cannot combine a value held by")]
fn sum_panics_on_mismatched_holders() {
    let (x, y) = mismatched();
    let _: SharedScalar = [x, y].into_iter().sum();
}

#[test]
#[should_panic(expected = "cannot sum an empty list")]
fn sum_of_nothing_panics() {
    let none: Vec<SharedScalar> = Vec::new();
    let _: SharedScalar = none.iter().sum();
}

#[test]
#[should_panic(expected = "empty list")]
fn product_of_nothing_panics() {
    let none: Vec<SharedScalar<F101>> = Vec::new();
    let _: SharedScalar<F101> = none.into_iter().product();
}

// ---------------------------------------------------------------------------------------
// Simulation mismatches
// ---------------------------------------------------------------------------------------

#[test]
fn values_from_two_simulations_do_not_combine() {
    // Same seed, same names, same holder layout: only the simulation differs.
    let [a1, b1, _] = three_machines(&Simulation::with_seed(3));
    let [a2, b2, _] = three_machines(&Simulation::with_seed(3));
    let x = PrivateScalar::new(5, &a1).share(&[&b1]);
    let y = PrivateScalar::new(7, &a2).share(&[&b2]);
    for err in [
        x.try_add(&y).expect_err("two simulations"),
        x.try_sub(&y).expect_err("two simulations"),
        x.try_mul(&y).expect_err("two simulations"),
        SharedScalar::try_sum([&x, &y]).expect_err("two simulations"),
    ] {
        assert!(matches!(err, Error::SimulationMismatch { .. }), "{err:?}");
        check_message(&err, &["different simulations"]);
    }
    assert_eq!(x.simulation().dealer().triples_dealt(), 0);
    assert_eq!(y.simulation().dealer().triples_dealt(), 0);
}

#[test]
#[should_panic(expected = "belong to different simulations")]
fn operator_panics_on_values_from_two_simulations() {
    let [a1, b1, _] = three_machines(&Simulation::with_seed(4));
    let [a2, b2, _] = three_machines(&Simulation::with_seed(4));
    let x = PrivateScalar::new(5, &a1).share(&[&b1]);
    let y = PrivateScalar::new(7, &a2).share(&[&b2]);
    let _ = x * y;
}

#[test]
fn reconstruct_to_a_machine_of_another_simulation_errors() -> Result<(), Error> {
    let [a, b, _] = three_machines(&Simulation::with_seed(5));
    let [other_alice, _, _] = three_machines(&Simulation::with_seed(5));
    let x = PrivateScalar::new(5, &a).share(&[&b]);
    let err = x.reconstruct(&other_alice).expect_err("another simulation");
    assert!(matches!(err, Error::SimulationMismatch { .. }), "{err:?}");
    check_message(&err, &["different simulations"]);
    // Nothing was sent to anyone.
    assert!(other_alice.view().messages.is_empty());
    // The value is still fine for its own machines.
    assert_eq!(x.reconstruct(&a)?, 5);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Sharing
// ---------------------------------------------------------------------------------------

#[test]
fn try_share_with_only_the_owner_is_too_few_holders() {
    let [a, _, _] = three_machines(&Simulation::with_seed(6));
    let secret = PrivateScalar::new(5, &a);
    for err in [
        secret.try_share(NOBODY).expect_err("only the owner"),
        secret.try_share(&[&a]).expect_err("only the owner"),
    ] {
        assert_eq!(
            err,
            Error::TooFewHolders {
                holders: strings(&["alice"])
            }
        );
        check_message(&err, &["alice", "at least two"]);
    }
}

#[test]
fn try_share_with_a_machine_listed_twice_is_a_duplicate() {
    let [a, b, c] = three_machines(&Simulation::with_seed(7));
    let secret = PrivateScalar::new(5, &a);
    let err = secret.try_share(&[&b, &c, &b]).expect_err("bob twice");
    assert_eq!(
        err,
        Error::DuplicateHolder {
            machine: "bob".to_string()
        }
    );
    check_message(&err, &["'bob'", "twice"]);
    let err = secret.try_share(&[&a, &b, &a]).expect_err("alice twice");
    assert_eq!(
        err,
        Error::DuplicateHolder {
            machine: "alice".to_string()
        }
    );
    let err = secret
        .try_share_among(&[&c, &c])
        .expect_err("charlie twice");
    assert_eq!(
        err,
        Error::DuplicateHolder {
            machine: "charlie".to_string()
        }
    );
    // Listing the owner once among the others is fine.
    assert!(secret.try_share(&[&a, &b]).is_ok());
}

#[test]
fn try_share_with_a_machine_of_another_simulation() {
    let [a, b, _] = three_machines(&Simulation::with_seed(8));
    let [_, other_bob, _] = three_machines(&Simulation::with_seed(8));
    let secret = PrivateScalar::new(5, &a);
    for err in [
        secret
            .try_share(&[&other_bob])
            .expect_err("another simulation"),
        secret
            .try_share(&[&b, &other_bob])
            .expect_err("another simulation"),
        secret
            .try_share_among(&[&b, &other_bob])
            .expect_err("another simulation"),
    ] {
        assert!(matches!(err, Error::SimulationMismatch { .. }), "{err:?}");
        check_message(&err, &["different simulations"]);
    }
    // Nothing was sent.
    assert!(b.view().messages.is_empty());
    assert!(other_bob.view().messages.is_empty());
}

#[test]
fn try_share_among_one_holder_is_too_few() {
    let [a, b, _] = three_machines(&Simulation::with_seed(9));
    let secret = PrivateScalar::new(5, &a);
    let err = secret.try_share_among(&[&b]).expect_err("one holder");
    assert_eq!(
        err,
        Error::TooFewHolders {
            holders: strings(&["bob"])
        }
    );
    check_message(&err, &["bob"]);
    let err = secret.try_share_among(&[&a]).expect_err("one holder");
    assert_eq!(
        err,
        Error::TooFewHolders {
            holders: strings(&["alice"])
        }
    );
    let err = secret.try_share_among(NOBODY).expect_err("no holder");
    assert!(matches!(err, Error::TooFewHolders { .. }), "{err:?}");
    assert!(
        b.view().messages.is_empty(),
        "a refused sharing sends nothing"
    );
}

#[test]
#[should_panic(expected = "listed twice")]
fn share_panics_on_a_duplicate() {
    let [a, b, _] = three_machines(&Simulation::with_seed(10));
    let _ = PrivateScalar::new(5, &a).share(&[&b, &b]);
}

#[test]
#[should_panic(expected = "at least two distinct holders")]
fn share_among_panics_on_one_holder() {
    let [a, b, _] = three_machines(&Simulation::with_seed(11));
    let _ = PrivateScalar::new(5, &a).share_among(&[&b]);
}

#[test]
fn two_machines_with_the_same_name_are_two_holders() -> Result<(), Error> {
    let sim = Simulation::with_seed(12);
    let (twin1, twin2) = (sim.machine("twin"), sim.machine("twin"));
    assert_ne!(twin1, twin2);
    let x = PrivateScalar::new(9, &twin1).share(&[&twin2]);
    assert_eq!(x.holders().len(), 2);
    assert_eq!(x.reconstruct(&twin2)?, 9);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------

#[test]
fn private_values_out_of_range_in_f101() {
    let sim = Simulation::builder().field::<F101>().seed(13).build();
    let m = sim.machine("alice");
    for v in [101i64, -101, 102, 1000, i64::MAX, i64::MIN] {
        let err = PrivateScalar::try_new(v, &m).expect_err("|v| ≥ 101");
        assert_eq!(
            err,
            Error::OutOfRange {
                value: v.to_string(),
                field: "F101"
            }
        );
        check_message(&err, &[&v.to_string(), "F101"]);
    }
    assert!(PrivateScalar::try_new(u64::MAX, &m).is_err());
    assert!(PrivateScalar::try_new(i128::MIN, &m).is_err());
    assert!(PrivateScalar::try_new(BigInt::from(101), &m).is_err());
    let minus_p = BigInt::from(-101);
    assert!(PrivateScalar::try_new(&minus_p, &m).is_err());
    assert!(PrivateScalar::try_new(minus_p, &m).is_err());

    // |v| < p is accepted and encoded modulo p.
    for v in [100i64, -100, 99, 51, -51, 50, -50, 0] {
        let x = PrivateScalar::try_new(v, &m).expect("|v| < 101");
        let reduced = v.rem_euclid(101);
        assert_eq!(
            x.field_value(),
            F101::from(reduced as u64),
            "{v} ≡ {reduced}"
        );
        assert_eq!(x, centred(v, 101));
    }
    assert_eq!(PrivateScalar::try_new(100, &m).expect("fits"), -1);
    assert_eq!(PrivateScalar::try_new(-100, &m).expect("fits"), 1);
}

#[test]
fn private_values_out_of_range_in_f127() {
    let [a, _, _] = three_machines(&Simulation::with_seed(14));
    let p: BigInt = (BigInt::from(1) << 127u32) - 1;
    assert!(
        PrivateScalar::try_new(i128::MAX, &a).is_err(),
        "i128::MAX = p"
    );
    assert!(
        PrivateScalar::try_new(i128::MIN, &a).is_err(),
        "|i128::MIN| > p"
    );
    assert!(PrivateScalar::try_new(p.clone(), &a).is_err());
    assert!(PrivateScalar::try_new(-p.clone(), &a).is_err());
    assert!(PrivateScalar::try_new(&p + 1, &a).is_err());
    assert!(PrivateScalar::try_new(&p - 1, &a).is_ok());
    assert!(PrivateScalar::try_new(i128::MAX - 1, &a).is_ok());
    assert!(PrivateScalar::try_new(u64::MAX, &a).is_ok());
    let err = PrivateScalar::try_new(i128::MAX, &a).expect_err("p");
    assert_eq!(
        err,
        Error::OutOfRange {
            value: i128::MAX.to_string(),
            field: "F127"
        }
    );
}

#[test]
#[should_panic(expected = "101 does not fit F101")]
fn new_panics_out_of_range() {
    let sim = Simulation::builder().field::<F101>().build();
    let _ = PrivateScalar::new(101, &sim.machine("alice"));
}

// ---------------------------------------------------------------------------------------
// Where panics point
// ---------------------------------------------------------------------------------------

thread_local! {
    /// Set while `panic_site` runs on this thread: the hook then records the location.
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static CAUGHT: RefCell<Option<(String, u32)>> = const { RefCell::new(None) };
}

/// Runs `f`, which must panic, and returns the file and line the panic points at.
/// Panics on other threads (other tests) go to the previous hook as usual.
fn panic_site(f: impl FnOnce()) -> (String, u32) {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                let at = info.location().map(|l| (l.file().to_string(), l.line()));
                CAUGHT.with(|c| *c.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
    CAPTURING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CAPTURING.with(|c| c.set(false));
    assert!(result.is_err(), "expected a panic");
    CAUGHT
        .with(|c| c.borrow_mut().take())
        .expect("the panic has a location")
}

/// The crate documents that operators carry `#[track_caller]` "so costs are charged to the
/// learner's line and panics point at it": every panic below must name this file and the
/// line of the offending expression.
#[test]
fn panics_point_at_the_callers_line() {
    let (x, y) = mismatched();
    let want = Cell::new(0);
    let here = |line: u32| (file!().to_string(), line);
    let mut wrong = Vec::new();

    let got = panic_site(|| {
        want.set(line!() + 1);
        let _ = &x + &y;
    });
    if got != here(want.get()) {
        wrong.push(format!("{}: {}:{}", "&x + &y", got.0, got.1));
    }
    let got = panic_site(|| {
        want.set(line!() + 1);
        let _ = x.clone() - y.clone();
    });
    if got != here(want.get()) {
        wrong.push(format!("{}: {}:{}", "x - y", got.0, got.1));
    }
    let got = panic_site(|| {
        want.set(line!() + 1);
        let _ = &x * &y;
    });
    if got != here(want.get()) {
        wrong.push(format!("{}: {}:{}", "&x * &y", got.0, got.1));
    }
    let got = panic_site(|| {
        let mut z = x.clone();
        want.set(line!() + 1);
        z += &y;
    });
    if got != here(want.get()) {
        wrong.push(format!("{}: {}:{}", "z += &y", got.0, got.1));
    }
    let got = panic_site(|| {
        let mut z = x.clone();
        want.set(line!() + 1);
        z *= &y;
    });
    if got != here(want.get()) {
        wrong.push(format!("{}: {}:{}", "z *= &y", got.0, got.1));
    }

    let owner = &x.holders()[0];
    let got = panic_site(|| {
        want.set(line!() + 1);
        let _ = PrivateScalar::new(i128::MAX, owner);
    });
    if got != here(want.get()) {
        wrong.push(format!(
            "{}: {}:{}",
            "PrivateScalar::new out of range", got.0, got.1
        ));
    }
    let got = panic_site(|| {
        let secret = PrivateScalar::new(1, owner);
        want.set(line!() + 1);
        let _ = secret.share(NOBODY);
    });
    if got != here(want.get()) {
        wrong.push(format!("{}: {}:{}", "share with nobody", got.0, got.1));
    }
    let got = panic_site(|| {
        let secret = PrivateScalar::new(1, owner);
        want.set(line!() + 1);
        let _ = secret.share_among(&[owner]);
    });
    if got != here(want.get()) {
        wrong.push(format!("{}: {}:{}", "share_among one holder", got.0, got.1));
    }
    assert!(
        wrong.is_empty(),
        "panics point into the crate:\n{}",
        wrong.join("\n")
    );
}

/// `Debug` prints the message, so a `main() -> Result<(), Error>` that fails shows what to
/// do, not a struct.
#[test]
fn debug_prints_the_same_message_as_display() {
    let sim = Simulation::with_seed(1);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(1, &alice).share(&[&bob]);
    bob.go_offline();
    let error = x.reconstruct(&alice).unwrap_err();
    assert_eq!(format!("{error:?}"), error.to_string());
    assert!(format!("{error:?}").contains("bring the offline machines back online"));
    assert_eq!(format!("{:?}", Error::NthZero), Error::NthZero.to_string());
}
