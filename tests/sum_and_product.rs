//! `Sum` and `Product` of shared values, over values and references, `try_sum` and
//! `try_product`, a single value, and the `Empty` error of an empty sum or product.

use tinyspdz::prelude::*;

mod common;

use common::{parties, share};

#[test]
fn sum_and_product_over_values_and_references() -> Result<(), Error> {
    let sim = Simulation::with_seed(50);
    let ms = parties(&sim, 3);
    let values = [3i64, -5, 7, 11, -13, 1 << 20];
    let xs: Vec<SharedScalar> = values
        .iter()
        .enumerate()
        .map(|(i, &v)| share(v, &ms[i % 3], &ms))
        .collect();
    let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
    let product: i128 = values.iter().map(|&v| i128::from(v)).product();

    let by_ref: SharedScalar = xs.iter().sum();
    assert_eq!(by_ref.reconstruct(&ms[0])?, sum);
    let by_value: SharedScalar = xs.clone().into_iter().sum();
    assert_eq!(by_value.reconstruct(&ms[1])?, sum);
    assert_eq!(SharedScalar::try_sum(&xs)?.reconstruct(&ms[2])?, sum);

    let by_ref: SharedScalar = xs.iter().product();
    assert_eq!(by_ref.reconstruct(&ms[0])?, product);
    let by_value: SharedScalar = xs.clone().into_iter().product();
    assert_eq!(by_value.reconstruct(&ms[1])?, product);
    assert_eq!(
        SharedScalar::try_product(xs.iter())?.reconstruct(&ms[2])?,
        product
    );

    // One value: its own sum and product.
    let one: SharedScalar = xs[..1].iter().product();
    assert_eq!(one.reconstruct(&ms[0])?, values[0]);
    let one: SharedScalar = xs[..1].iter().sum();
    assert_eq!(one.reconstruct(&ms[0])?, values[0]);
    Ok(())
}

#[test]
fn try_sum_and_try_product_of_nothing_are_empty_errors() {
    let none: Vec<SharedScalar> = Vec::new();
    let err = SharedScalar::try_sum(&none).expect_err("an empty sum has no holders");
    assert!(matches!(err, Error::Empty { .. }), "{err:?}");
    assert!(err.to_string().contains("empty"), "{err}");
    let err = SharedScalar::try_product(none.iter()).expect_err("an empty product has no holders");
    assert!(matches!(err, Error::Empty { .. }), "{err:?}");
    let err = SharedScalar::<F101>::try_sum(std::iter::empty()).expect_err("empty");
    assert!(matches!(err, Error::Empty { .. }), "{err:?}");
}

/// The same folds for fixed-point numbers, integer vectors and fixed-point vectors: a
/// sum of five salaries, a product of three factors, lane by lane for vectors.
#[test]
fn sum_and_product_of_fixed_point_numbers_and_vectors() -> Result<(), Error> {
    let sim = Simulation::with_seed(51);
    let [alice, bob, carol] = sim.new_machines(["alice", "bob", "carol"]);
    let salaries = [51_000.0, 48_500.25, 60_250.5, 39_999.75, 58_249.5];
    let shared: Vec<SharedFixed> = (salaries.iter())
        .map(|&s| PrivateFixed::new(s, &alice).share(&[&bob, &carol]))
        .collect();
    let total: SharedFixed = shared.iter().sum();
    assert!((total.reconstruct(&bob)? - salaries.iter().sum::<f64>()).abs() < 1e-3);
    let owned: SharedFixed = shared.clone().into_iter().sum();
    assert!((owned.open()? - 258_000.0).abs() < 1e-3);
    let factors: Vec<SharedFixed> = ([1.5, -2.0, 0.25].iter())
        .map(|&v| PrivateFixed::new(v, &bob).share(&[&alice, &carol]))
        .collect();
    let product: SharedFixed = factors.iter().product();
    assert!((product.open()? - -0.75).abs() < 1e-3);

    let vectors: Vec<SharedVector> = (0..3)
        .map(|k| PrivateVector::new(vec![k + 1, 2 * k, -k], &carol).share(&[&alice, &bob]))
        .collect();
    let sum: SharedVector = vectors.iter().sum();
    assert_eq!(sum.open()?, [6, 6, -3]);
    let product: SharedVector = vectors.into_iter().product();
    assert_eq!(product.open()?, [6, 0, 0]);

    let fixed: Vec<SharedFixedVector> = ([[0.5, 1.0], [2.0, -0.25]].iter())
        .map(|v| PrivateFixedVector::new(v.to_vec(), &alice).share(&[&bob, &carol]))
        .collect();
    let sum = SharedFixedVector::try_sum(&fixed)?.open()?;
    let product = SharedFixedVector::try_product(&fixed)?.open()?;
    for (got, want) in sum
        .iter()
        .zip([2.5, 0.75])
        .chain(product.iter().zip([1.0, -0.25]))
    {
        assert!((got - want).abs() < 1e-3, "{got} against {want}");
    }
    assert!(matches!(
        SharedFixedVector::<F127>::try_sum([]),
        Err(Error::Empty { .. })
    ));
    Ok(())
}
