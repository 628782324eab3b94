//! Parameters at their edges: thresholds, comparison widths and fixed-point precisions
//! are refused with an error that says what is allowed, in debug and release builds
//! alike, before anything is computed or allocated from them.

mod common;

use tinyspdz::prelude::*;

/// `n` machines of one seeded simulation over `F`.
fn machines<F: TinyField>(n: usize) -> Vec<VirtualMachine<F>> {
    let sim = Simulation::builder().field::<F>().seed(3).build();
    (0..n).map(|i| sim.machine(format!("m{i}"))).collect()
}

/// The message `f` panicked with.
fn panic_message(f: impl FnOnce()) -> String {
    common::catch_panic(f).0
}

// ---------------------------------------------------------------------------------------
// Shamir thresholds
// ---------------------------------------------------------------------------------------

/// Every family's `try_share_threshold` with threshold `t` among the three machines.
fn threshold_errors(t: usize) -> Vec<Error> {
    let ms = machines::<F127>(3);
    let holders: Vec<&VirtualMachine> = ms.iter().collect();
    let owner = &ms[0];
    vec![
        PrivateScalar::new(5, owner)
            .try_share_threshold(&holders, t)
            .expect_err("scalar"),
        PrivateVector::new([5, 6], owner)
            .try_share_threshold(&holders, t)
            .expect_err("vector"),
        PrivateFixed::new(0.5, owner)
            .try_share_threshold(&holders, t)
            .expect_err("fixed point"),
        PrivateFixedVector::new([0.5, 1.5], owner)
            .try_share_threshold(&holders, t)
            .err()
            .expect("fixed-point vector"),
    ]
}

#[test]
fn a_threshold_of_zero_is_refused_in_every_family() {
    for err in threshold_errors(0) {
        assert_eq!(err, Error::ZeroThreshold);
        let message = err.to_string();
        assert!(
            message.contains("every share equal the secret"),
            "{message}"
        );
        assert!(message.contains("at least 1"), "{message}");
    }
}

#[test]
fn a_threshold_of_n_or_more_is_refused_in_every_family() {
    for t in [3, 4, usize::MAX] {
        for err in threshold_errors(t) {
            assert_eq!(
                err,
                Error::BadThreshold {
                    threshold: t,
                    holders: 3
                }
            );
        }
    }
}

#[test]
fn the_panicking_share_threshold_says_the_same() {
    let ms = machines::<F127>(3);
    let holders: Vec<&VirtualMachine> = ms.iter().collect();
    let owner = &ms[0];
    let message = Error::ZeroThreshold.to_string();
    assert_eq!(
        panic_message(|| drop(PrivateScalar::new(5, owner).share_threshold(&holders, 0))),
        message
    );
    assert_eq!(
        panic_message(|| drop(PrivateVector::new([5], owner).share_threshold(&holders, 0))),
        message
    );
    assert_eq!(
        panic_message(|| drop(PrivateFixed::new(0.5, owner).share_threshold(&holders, 0))),
        message
    );
    assert_eq!(
        panic_message(|| drop(PrivateFixedVector::new([0.5], owner).share_threshold(&holders, 0))),
        message
    );
}

#[test]
fn resharing_to_a_threshold_of_zero_is_refused() -> Result<(), Error> {
    let ms = machines::<F127>(3);
    let x = PrivateScalar::new(5, &ms[0]).share(&[&ms[1]]);
    let holders: Vec<&VirtualMachine> = ms.iter().collect();
    let err = x
        .try_reshare(&holders, Scheme::Shamir { threshold: 0 })
        .expect_err("t = 0");
    assert_eq!(err, Error::ZeroThreshold);
    // A threshold of 1 among the same holders is fine, and keeps the value.
    let y = x.try_reshare(&holders, Scheme::Shamir { threshold: 1 })?;
    assert_eq!(y.reconstruct(&ms[2])?, 5);
    Ok(())
}

#[test]
fn shamir_sharings_need_fewer_holders_than_the_prime() {
    // In F101 the point of a 101st holder would be 101 ≡ 0: the secret itself.
    let ms = machines::<F101>(101);
    let holders: Vec<&VirtualMachine<F101>> = ms.iter().collect();
    let err = PrivateScalar::new(7, &ms[0])
        .try_share_threshold(&holders, 1)
        .expect_err("101 holders in F101");
    assert_eq!(
        err,
        Error::TooManyHolders {
            holders: 101,
            most: 100
        }
    );
    assert!(
        PrivateScalar::new(7, &ms[0])
            .try_share_threshold(&holders[..100], 1)
            .is_ok()
    );
}

// ---------------------------------------------------------------------------------------
// Comparison widths
// ---------------------------------------------------------------------------------------

#[test]
fn comparison_widths_outside_the_field_are_refused_at_build() {
    for bits in [0, 1, 85, 1 << 20, u32::MAX] {
        let err = Simulation::builder()
            .comparison_bits(bits)
            .try_build()
            .expect_err("outside 2..=84");
        assert_eq!(
            err,
            Error::ComparisonWidth {
                bits,
                field: "F127",
                most: 84
            }
        );
        assert!(err.to_string().contains("2 to 84 bits"), "{err}");
    }
    for bits in [0, 19, u32::MAX] {
        let err = Simulation::builder()
            .field::<F61>()
            .comparison_bits(bits)
            .try_build()
            .expect_err("outside 2..=18");
        assert!(err.to_string().contains("2 to 18 bits"), "{err}");
    }
    let err = Simulation::builder()
        .field::<F101>()
        .comparison_bits(8)
        .try_build()
        .expect_err("F101 masks no width");
    assert!(
        matches!(err, Error::ComparisonWidth { most: 0, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("use F127"), "{err}");
}

#[test]
fn the_field_can_be_named_after_the_width() {
    // The width is checked against the field the simulation is finally built with.
    let err = Simulation::builder()
        .comparison_bits(64)
        .field::<F61>()
        .try_build()
        .expect_err("64 bits do not fit F61");
    assert!(
        matches!(
            err,
            Error::ComparisonWidth {
                bits: 64,
                most: 18,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn build_panics_with_the_error_message() {
    let err = Simulation::builder()
        .comparison_bits(u32::MAX)
        .try_build()
        .expect_err("too wide");
    let message = panic_message(|| drop(Simulation::builder().comparison_bits(u32::MAX).build()));
    assert_eq!(message, err.to_string());
}

#[test]
fn the_widest_and_narrowest_widths_compare_correctly() -> Result<(), Error> {
    for (bits, value) in [(84, -(1i128 << 80)), (2, -1)] {
        let sim = Simulation::builder()
            .seed(4)
            .comparison_bits(bits)
            .try_build()?;
        let (a, b) = (sim.machine("a"), sim.machine("b"));
        let x = PrivateScalar::new(value, &a).share(&[&b]);
        assert!(x.try_less_than(0)?.open()?, "{value} < 0 in {bits} bits");
        assert!(!x.try_equals(0)?.open()?, "{value} ≠ 0 in {bits} bits");
    }
    let sim = Simulation::builder()
        .field::<F61>()
        .comparison_bits(18)
        .try_build()?;
    let (a, b) = (sim.machine("a"), sim.machine("b"));
    let x = PrivateScalar::new(-100_000, &a).share(&[&b]);
    assert!(x.try_less_than(3)?.open()?);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Fixed-point precisions
// ---------------------------------------------------------------------------------------

/// The error `with_precision` gives for `(f, k)`, for scalars and vectors alike.
fn precision_error<F: TinyField>(f: u32, k: u32) -> Option<Error> {
    let ms = machines::<F>(1);
    let p = Precision { f, k };
    let scalar = PrivateFixed::with_precision(0.0, &ms[0], p).err();
    let vector = PrivateFixedVector::with_precision([0.0], &ms[0], p).err();
    assert_eq!(scalar, vector, "f = {f}, k = {k}");
    scalar
}

#[test]
fn precisions_at_the_edges_of_f127() {
    let out_of_range = |f, k| Error::PrecisionOutOfRange {
        f,
        k,
        field: "F127",
        most: 85,
        max_f: 42,
        max_k: 82,
    };
    let edges = [
        (0, 0),
        (0, 32),
        (16, 0),
        (43, 1),
        (1, 83),
        (2, 82),
        (27, 32),
        (u32::MAX, 1),
        (1, u32::MAX),
        (u32::MAX, u32::MAX),
        (1 << 31, 1 << 31),
        (u32::MAX / 2 + 1, 1),
    ];
    for (f, k) in edges {
        let err = precision_error::<F127>(f, k).expect("refused");
        assert_eq!(err, out_of_range(f, k));
        let message = err.to_string();
        for largest in ["f = 42", "k = 82", "at most 85"] {
            assert!(message.contains(largest), "{message}");
        }
    }
    for (f, k) in [(42, 1), (1, 82), (2, 81), (26, 32), (16, 32), (1, 1)] {
        assert_eq!(precision_error::<F127>(f, k), None, "f = {f}, k = {k}");
    }
}

#[test]
fn the_largest_precisions_compute() -> Result<(), Error> {
    let sim = Simulation::with_seed(8);
    let (a, b) = (sim.machine("a"), sim.machine("b"));
    let finest = Precision { f: 42, k: 1 };
    let x = PrivateFixed::with_precision(0.25, &a, finest)?.share(&[&b]);
    let y = PrivateFixed::with_precision(-0.5, &b, finest)?.share(&[&a]);
    assert!(((&x * &y).open()? + 0.125).abs() < 1e-9);
    assert!(x.try_less_than(&y).is_ok());
    let widest = Precision { f: 1, k: 82 };
    let big = 2f64.powi(79);
    let x = PrivateFixed::with_precision(big, &a, widest)?.share(&[&b]);
    assert_eq!((&x + &x).open()?, 2.0 * big);
    assert!(!x.try_equals(&(&x + 1.0))?.open()?);
    assert!(x.try_less_than(&(&x + 1.0))?.open()?);
    Ok(())
}

#[test]
fn precisions_in_smaller_fields() {
    let err = precision_error::<F61>(10, 1).expect("1 + 20 > 19");
    assert_eq!(
        err,
        Error::PrecisionOutOfRange {
            f: 10,
            k: 1,
            field: "F61",
            most: 19,
            max_f: 9,
            max_k: 16,
        }
    );
    assert_eq!(precision_error::<F61>(9, 1), None);
    assert_eq!(precision_error::<F61>(1, 16), None);
    assert!(precision_error::<F61>(1, 17).is_some());
    // F101 has room for no precision at all.
    for (f, k) in [(1, 1), (16, 32), (u32::MAX, u32::MAX)] {
        let err = precision_error::<F101>(f, k).expect("F101");
        assert!(matches!(err, Error::FieldTooSmall { .. }), "{err}");
    }
}

#[test]
fn precision_arithmetic_saturates_instead_of_wrapping() {
    let huge = Precision {
        f: u32::MAX,
        k: u32::MAX,
    };
    assert_eq!(huge.bits(), u32::MAX);
    assert!(huge.encode(1.0).is_err(), "2^f is infinite");
    let wide = Precision { f: 0, k: 1 << 31 };
    assert_eq!(wide.encode(3.0), Ok(3));
    let none = Precision { f: 0, k: 0 };
    assert!(none.encode(1.0).is_err(), "k = 0 holds only |x| < 1/2");
}

#[test]
fn the_panicking_constructors_say_the_same() {
    let ms = machines::<F127>(1);
    let bad = Precision { f: 0, k: 0 };
    let err = PrivateFixed::with_precision(1.0, &ms[0], bad).expect_err("refused");
    assert!(
        err.to_string().contains("f and k must be at least 1"),
        "{err}"
    );
    let err = PrivateFixed::try_new(f64::INFINITY, &ms[0]).expect_err("refused");
    assert_eq!(
        panic_message(|| drop(PrivateFixed::new(f64::INFINITY, &ms[0]))),
        err.to_string()
    );
    let err = PrivateFixedVector::try_new([f64::NAN], &ms[0])
        .err()
        .expect("refused");
    assert_eq!(
        panic_message(|| drop(PrivateFixedVector::new([f64::NAN], &ms[0]))),
        err.to_string()
    );
}
