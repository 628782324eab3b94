//! Which constants compile on which side of `+ - *`, as the operand tables of
//! `SharedScalar`, `SharedVector`, `SharedFixed` and `SharedFixedVector` say. That these
//! expressions compile is half of each test; the values are the other half.

use num_bigint::BigInt;
use tinyspdz::prelude::*;

/// alice and bob in a seeded simulation.
fn two(seed: u64) -> (VirtualMachine, VirtualMachine) {
    let sim = Simulation::with_seed(seed);
    (sim.machine("alice"), sim.machine("bob"))
}

#[test]
fn unsuffixed_literals_compile_on_both_sides_without_annotations() -> Result<(), Error> {
    let (a, b) = two(1);
    let x = PrivateScalar::new(6, &a).share(&[&b]);
    let y = PrivateScalar::new(-4, &b).share(&[&a]);
    // A method call straight on the result, where the literal's type must be known.
    assert_eq!((5 * &x).reconstruct(&a)?, 30);
    assert_eq!((&x * 5).reconstruct(&a)?, 30);
    assert_eq!((5 - &x).reconstruct(&a)?, -1);
    assert_eq!((5 + &x).reconstruct(&a)?, 11);
    assert_eq!((&x - 5).reconstruct(&a)?, 1);
    assert_eq!((5 * x.clone()).reconstruct(&a)?, 30);
    // A literal on the left is the one integer type there, i64, so an untyped variable
    // becomes one too.
    let k = 4;
    assert_eq!((k * &x).reconstruct(&a)?, 24);
    // Further operators on the result, then a method call.
    let out = &x * &y - 5 * (&x + &y) + 1;
    assert_eq!(out.reconstruct(&b)?, -24 - 10 + 1);
    let mut z = x.clone();
    z += 3;
    z *= -2;
    z -= 1;
    assert_eq!(z.reconstruct(&a)?, -19);
    Ok(())
}

#[test]
fn wider_integers_compile_on_the_right_of_scalars() -> Result<(), Error> {
    let (a, b) = two(2);
    let x = PrivateScalar::new(6, &a).share(&[&b]);
    let (k64, u, big): (i64, u64, i128) = (-3, 4, 1 << 70);
    assert_eq!((&x * k64).reconstruct(&a)?, -18);
    assert_eq!((&x + k64).reconstruct(&a)?, 3);
    assert_eq!((-&x + k64).reconstruct(&a)?, -9, "k − x, written −x + k");
    assert_eq!((&x - u).reconstruct(&a)?, 2);
    assert_eq!((x.clone() * u).reconstruct(&a)?, 24);
    assert_eq!(
        (&x * big).reconstruct(&a)?.value(),
        BigInt::from(6) << 70u32,
        "i128 constants beyond i64"
    );
    let mut y = x.clone();
    y += big;
    y -= big;
    y *= k64;
    assert_eq!(y.reconstruct(&a)?, -18);
    // Comparisons take the same constants (inside the 64-bit comparison range).
    assert!(x.try_less_than(1i128 << 40)?.open()?);
    assert!(!x.try_less_than(k64)?.open()?);
    Ok(())
}

#[test]
fn i64_and_field_elements_compile_on_the_left_of_scalars() -> Result<(), Error> {
    let (a, b) = two(3);
    let x = PrivateScalar::new(6, &a).share(&[&b]);
    let k: i64 = 7;
    assert_eq!((k * &x).reconstruct(&a)?, 42);
    assert_eq!((k - &x).reconstruct(&a)?, 1);
    assert_eq!((k + x.clone()).reconstruct(&a)?, 13);
    let e = F127::from(2u64);
    assert_eq!((e * &x).reconstruct(&a)?, 12);
    assert_eq!((e - &x).reconstruct(&a)?, -4);
    // A PublicScalar goes on the right.
    assert_eq!((&x * PublicScalar::new(e)).reconstruct(&a)?, 12);
    Ok(())
}

#[test]
fn vectors_take_the_same_constants_on_the_same_sides() -> Result<(), Error> {
    let (a, b) = two(4);
    let x = PrivateVector::new([1, -2, 3], &a).share(&[&b]);
    assert_eq!((5 * &x).reconstruct(&a)?, [5, -10, 15]);
    assert_eq!((&x * 5).reconstruct(&a)?, [5, -10, 15]);
    assert_eq!((5 - &x).reconstruct(&a)?, [4, 7, 2]);
    assert_eq!((5 + &x).reconstruct(&a)?, [6, 3, 8]);
    let (k64, u, big): (i64, u64, i128) = (-1, 10, 1 << 65);
    assert_eq!((&x * k64).reconstruct(&a)?, [-1, 2, -3]);
    assert_eq!((&x + u).reconstruct(&a)?, [11, 8, 13]);
    assert_eq!((-&x + k64).reconstruct(&a)?, [-2, 1, -4]);
    assert_eq!((&x * big - big * 2).reconstruct(&a)?.len(), 3);
    let k: i64 = 2;
    assert_eq!((k * x.clone()).reconstruct(&a)?, [2, -4, 6]);
    assert_eq!((k * &x - k).reconstruct(&a)?, [0, -6, 4]);
    Ok(())
}

#[test]
fn fixed_point_takes_f64_and_i32_on_both_sides() -> Result<(), Error> {
    let (a, b) = two(5);
    let x = PrivateFixed::new(1.5, &a).share(&[&b]);
    let close = |got: f64, want: f64| (got - want).abs() < 1e-3;
    assert!(close((2.0 * &x).open()?, 3.0));
    assert!(close((&x * 2.0).open()?, 3.0));
    assert!(close((2.0 - &x).open()?, 0.5));
    assert!(close((0.25 + x.clone()).open()?, 1.75));
    assert!(close((3 * &x).open()?, 4.5));
    assert!(close((3 - &x).open()?, 1.5));
    assert!(close((&x + 3).open()?, 4.5));
    let k: i64 = 4;
    assert!(
        close((&x * k as f64).open()?, 6.0),
        "other integers via f64"
    );
    Ok(())
}

#[test]
fn fixed_point_vectors_take_f64_on_both_sides() -> Result<(), Error> {
    let (a, b) = two(6);
    let x = PrivateFixedVector::new([0.5, -1.0], &a).share(&[&b]);
    let close =
        |got: Vec<f64>, want: [f64; 2]| got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-3);
    assert!(close((2.0 * &x).open()?, [1.0, -2.0]));
    assert!(close((1.0 - &x).open()?, [0.5, 2.0]));
    assert!(close((0.5 + &x).open()?, [1.0, -0.5]));
    assert!(close((&x - 0.5).open()?, [0.0, -1.5]));
    assert!(close(x.try_sub_from_public(1.0)?.open()?, [0.5, 2.0]));
    Ok(())
}
