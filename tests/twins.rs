//! Every panicking public method has a `try_` twin: for each misuse, the twin returns an
//! error, and the panicking method panics with exactly that error's message, at the
//! caller's line.

mod common;

use tinyspdz::prelude::*;
use tinyspdz::sharing::shamir;

/// A holder list naming nobody.
const NOBODY: &[&VirtualMachine] = &[];

/// Runs the panicking call and its twin, and checks they agree: the twin's error is
/// `expected`, and the panic says the same, pointing at this file.
fn agree<T>(
    what: &str,
    panicking: impl FnOnce(),
    twin: Result<T, Error>,
    expected: impl Fn(&Error) -> bool,
) {
    let Err(error) = twin else {
        panic!("{what}: the twin should have returned an error");
    };
    assert!(expected(&error), "{what}: {error:?}");
    let (message, file) = common::catch_panic(panicking);
    assert_eq!(message, error.to_string(), "{what}");
    assert!(
        file.ends_with("twins.rs"),
        "{what} panicked in {file}, not at the caller"
    );
}

fn two(sim: &Simulation) -> (VirtualMachine, VirtualMachine) {
    (sim.machine("alice"), sim.machine("bob"))
}

#[test]
fn fixed_point_sharing() {
    let sim = Simulation::with_seed(1);
    let (alice, bob) = two(&sim);
    let x = PrivateFixed::new(1.5, &alice);
    let v = PrivateFixedVector::new([1.5, -2.0], &alice);
    let too_few = |e: &Error| matches!(e, Error::TooFewHolders { .. });
    let zero = |e: &Error| matches!(e, Error::ZeroThreshold);
    agree(
        "PrivateFixed::share",
        || drop(x.share(NOBODY)),
        x.try_share(NOBODY),
        too_few,
    );
    agree(
        "PrivateFixed::share_among",
        || drop(x.share_among(&[&alice])),
        x.try_share_among(&[&alice]),
        too_few,
    );
    agree(
        "PrivateFixed::share_threshold",
        || drop(x.share_threshold(&[&alice, &bob], 0)),
        x.try_share_threshold(&[&alice, &bob], 0),
        zero,
    );
    agree(
        "PrivateFixedVector::share",
        || drop(v.share(NOBODY)),
        v.try_share(NOBODY),
        too_few,
    );
    agree(
        "PrivateFixedVector::share_among",
        || drop(v.share_among(&[&bob])),
        v.try_share_among(&[&bob]),
        too_few,
    );
    agree(
        "PrivateFixedVector::share_threshold",
        || drop(v.share_threshold(&[&alice, &bob], 0)),
        v.try_share_threshold(&[&alice, &bob], 0),
        zero,
    );
}

#[test]
fn fixed_point_integers_and_constants() {
    let sim = Simulation::with_seed(2);
    let (alice, bob) = two(&sim);
    let carol = sim.machine("carol");
    let x = PrivateFixed::new(1.5, &alice).share(&[&bob]);
    let n = PrivateScalar::new(3, &alice).share(&[&carol]);
    let mismatch = |e: &Error| matches!(e, Error::HolderMismatch { .. });
    agree(
        "SharedFixed::mul_integer",
        || drop(x.mul_integer(&n)),
        x.try_mul_integer(&n),
        mismatch,
    );
    agree(
        "SharedFixed::add_integer",
        || drop(x.add_integer(&n)),
        x.try_add_integer(&n),
        mismatch,
    );
    let nan = |e: &Error| matches!(e, Error::FixedOutOfRange { .. });
    agree(
        "x + NaN",
        || drop(&x + f64::NAN),
        x.try_add_public(f64::NAN),
        nan,
    );
    agree(
        "x - ∞",
        || drop(&x - f64::INFINITY),
        x.try_sub_public(f64::INFINITY),
        nan,
    );
    agree(
        "NaN - x",
        || drop(f64::NAN - &x),
        x.try_sub_from_public(f64::NAN),
        nan,
    );
    agree(
        "x · NaN",
        || drop(&x * f64::NAN),
        x.try_mul_public(f64::NAN),
        nan,
    );
    agree(
        "x / 0",
        || drop(&x / 0.0),
        x.try_div_public(0.0),
        |e| *e == Error::DivisionByZero,
    );
}

#[test]
fn bit_operators() {
    let sim = Simulation::with_seed(3);
    let (alice, bob) = two(&sim);
    let carol = sim.machine("carol");
    let a = PrivateScalar::new(5, &alice).share(&[&bob]).less_than(9);
    let b = PrivateScalar::new(5, &alice).share(&[&carol]).less_than(1);
    let mismatch = |e: &Error| matches!(e, Error::HolderMismatch { .. });
    agree("&a & &b", || drop(&a & &b), a.try_and(&b), mismatch);
    agree("&a | &b", || drop(&a | &b), a.try_or(&b), mismatch);
    agree("&a ^ &b", || drop(&a ^ &b), a.try_xor(&b), mismatch);
}

#[test]
fn shared_scalars_and_vectors() {
    let sim = Simulation::with_seed(4);
    let (alice, bob) = two(&sim);
    let carol = sim.machine("carol");
    let x = PrivateScalar::new(5, &alice).share(&[&bob]);
    let y = PrivateScalar::new(6, &alice).share(&[&carol]);
    let mismatch = |e: &Error| matches!(e, Error::HolderMismatch { .. });
    agree("&x * &y", || drop(&x * &y), x.try_mul(&y), mismatch);
    agree("&x + &y", || drop(&x + &y), x.try_add(&y), mismatch);
    agree(
        "x.less_than(y)",
        || drop(x.less_than(&y)),
        x.try_less_than(&y),
        mismatch,
    );
    let additive = |e: &Error| matches!(e, Error::BgwNeedsShamir { .. });
    agree(
        "x.mul_bgw(x)",
        || drop(x.mul_bgw(&x)),
        x.try_mul_bgw(&x),
        additive,
    );
    let u = PrivateVector::new([1, 2], &alice).share(&[&bob]);
    let w = PrivateVector::new([1, 2, 3], &alice).share(&[&bob]);
    let lengths = |e: &Error| matches!(e, Error::LengthMismatch { .. });
    agree("&u * &w", || drop(&u * &w), u.try_mul(&w), lengths);
    agree("u.dot(w)", || drop(u.dot(&w)), u.try_dot(&w), lengths);
}

#[test]
fn the_adversary_and_the_builder() {
    let sim = Simulation::with_seed(5);
    let (alice, _) = two(&sim);
    let adversary = sim.adversary();
    let nth_zero = |e: &Error| *e == Error::NthZero;
    agree(
        "add_to_openings",
        || adversary.add_to_openings(&alice, 1, Openings::Nth(0)),
        adversary.try_add_to_openings(&alice, 1, Openings::Nth(0)),
        nth_zero,
    );
    agree(
        "dealer_bad_triple",
        || adversary.dealer_bad_triple(1, Openings::Nth(0)),
        adversary.try_dealer_bad_triple(1, Openings::Nth(0)),
        nth_zero,
    );
    let stranger = Simulation::with_seed(6).machine("mallory");
    let mismatch = |e: &Error| matches!(e, Error::SimulationMismatch { .. });
    agree(
        "rushes_mac_check",
        || adversary.rushes_mac_check(&stranger),
        adversary.try_rushes_mac_check(&stranger),
        mismatch,
    );
    agree(
        "withholds_coin_toss",
        || adversary.withholds_coin_toss(&stranger),
        adversary.try_withholds_coin_toss(&stranger),
        mismatch,
    );
    let builder = Simulation::builder().comparison_bits(u32::MAX);
    agree(
        "build",
        || drop(builder.build()),
        builder.try_build(),
        |e| {
            matches!(
                e,
                Error::FieldTooSmall { .. } | Error::ComparisonWidth { .. }
            )
        },
    );
}

#[test]
fn the_sharing_helpers_return_errors_for_bad_positions() {
    let shares = [DefaultField::from(3u64), DefaultField::from(5u64)];
    assert!(matches!(
        shamir::reconstruct(&[1, 1], &shares),
        Err(Error::RepeatedPosition { .. })
    ));
    assert!(matches!(
        shamir::reconstruct(&[0, 1, 2], &shares),
        Err(Error::ShareCountMismatch { .. })
    ));
    assert!(matches!(
        shamir::lagrange_at_zero::<DefaultField>(&[2, 2]),
        Err(Error::RepeatedPosition { .. })
    ));
    assert!(matches!(
        Scheme::Additive.try_reconstruct(&[0, 1, 2], &shares),
        Err(Error::ShareCountMismatch { .. })
    ));
    assert_eq!(
        shamir::reconstruct(&[0, 1], &shares),
        Ok(DefaultField::from(1u64))
    );
}
