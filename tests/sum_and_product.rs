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
