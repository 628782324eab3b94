//! Fixed-point arithmetic: errors within the documented bounds, negative numbers, chains
//! of products, division by public numbers, and comparisons of reals.

use proptest::prelude::*;
use tinyspdz::prelude::*;
use tinyspdz::{Error, Precision};

mod common;

use common::{ULP, encoded, three_machines};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// x ± y is exact on encodings; x·y is within one ulp of the product of the encodings
    /// (probabilistic truncation), and x / d within an ulp plus the rounding of 1/d.
    #[test]
    fn arithmetic_within_the_documented_error(x in -30_000.0f64..30_000.0, y in -30.0f64..30.0, d in 1.0f64..50.0) {
        let [a, b, c] = three_machines(&Simulation::with_seed(7));
        let sx = PrivateFixed::new(x, &a).share(&[&b, &c]);
        let sy = PrivateFixed::new(y, &b).share(&[&a, &c]);
        let (ex, ey) = (encoded(x), encoded(y));
        prop_assert_eq!((&sx + &sy).open().unwrap(), ex + ey);
        prop_assert_eq!((&sx - &sy).open().unwrap(), ex - ey);
        prop_assert_eq!((-&sx).open().unwrap(), -ex);
        let product = (&sx * &sy).open().unwrap();
        prop_assert!((product - ex * ey).abs() <= ULP, "{} vs {}", product, ex * ey);
        let quotient = (&sx / d).open().unwrap();
        // 1/d is encoded too: |x|·ulp/2 from its rounding, plus one ulp of truncation.
        prop_assert!((quotient - ex / d).abs() <= ULP + ex.abs() * ULP / 2.0, "{} vs {}", quotient, ex / d);
        let scaled = (&sx * 0.25).open().unwrap();
        prop_assert!((scaled - ex * 0.25).abs() <= ULP);
        prop_assert_eq!((3 * &sx).open().unwrap(), 3.0 * ex);
        prop_assert_eq!((&sx + 2).open().unwrap(), ex + 2.0);
    }

    #[test]
    fn comparisons_of_reals(x in -1_000.0f64..1_000.0, y in -1_000.0f64..1_000.0) {
        let [a, b, c] = three_machines(&Simulation::with_seed(7));
        let (ex, ey) = (encoded(x), encoded(y));
        let sx = PrivateFixed::new(x, &a).share(&[&b, &c]);
        let sy = PrivateFixed::new(y, &b).share(&[&a, &c]);
        prop_assert_eq!(sx.less_than(&sy).open().unwrap(), ex < ey);
        prop_assert_eq!(sx.greater_than(&sy).open().unwrap(), ex > ey);
        prop_assert_eq!(sx.relu().open().unwrap(), ex.max(0.0));
        prop_assert_eq!(sx.abs().open().unwrap(), ex.abs());
        prop_assert_eq!(sx.max(&sy).open().unwrap(), ex.max(ey));
    }
}

#[test]
fn edges_of_the_range_and_equal_values() -> Result<(), Error> {
    let [a, b, c] = three_machines(&Simulation::with_seed(7));
    let limit = 2f64.powi(31);
    for (x, y) in [
        (0.0, 0.0),
        (1.5, 1.5),
        (-ULP, 0.0),
        (0.0, ULP),
        (limit - 1.0, -(limit - 1.0)),
        (-3.25, 3.25),
    ] {
        let sx = PrivateFixed::new(x, &a).share(&[&b, &c]);
        let sy = PrivateFixed::new(y, &b).share(&[&a, &c]);
        assert_eq!(sx.less_than(&sy).open()?, x < y, "{x} < {y}");
        assert_eq!(sx.equals(&sy).open()?, x == y, "{x} = {y}");
    }
    assert!(matches!(
        PrivateFixed::try_new(limit, &a),
        Err(Error::FixedOutOfRange { .. })
    ));
    assert!(matches!(
        PrivateFixed::try_new(f64::NAN, &a),
        Err(Error::FixedOutOfRange { .. })
    ));
    Ok(())
}

#[test]
fn a_chain_of_twenty_products_stays_within_twenty_ulps() -> Result<(), Error> {
    let [a, b, c] = three_machines(&Simulation::with_seed(7));
    let factor = PrivateFixed::new(1.01, &b).share(&[&a, &c]);
    let mut x = PrivateFixed::new(-3.7, &a).share(&[&b, &c]);
    let mut exact = encoded(-3.7);
    for _ in 0..20 {
        x = &x * &factor;
        exact *= encoded(1.01);
    }
    let got = x.open()?;
    // Each product adds at most one ulp, and earlier errors grow by the factor 1.01.
    let bound = 20.0 * ULP * 1.01f64.powi(20);
    assert!(
        (got - exact).abs() <= bound,
        "{got} vs {exact}: error {} > {bound}",
        (got - exact).abs()
    );
    Ok(())
}

#[test]
fn precision_is_part_of_the_value() -> Result<(), Error> {
    let [a, b, _] = three_machines(&Simulation::with_seed(7));
    let coarse = Precision { f: 8, k: 24 };
    let x = PrivateFixed::with_precision(2.5, &a, coarse)?.share(&[&b]);
    assert_eq!(x.precision(), coarse);
    assert_eq!((&x * &x).open()?, 6.25);
    let y = PrivateFixed::new(1.0, &b).share(&[&a]);
    assert!(matches!(
        x.try_add(&y),
        Err(Error::PrecisionMismatch { .. })
    ));
    Ok(())
}

#[test]
fn sign_and_is_zero_of_reals() -> Result<(), Error> {
    let [a, b, c] = three_machines(&Simulation::with_seed(7));
    for (x, sign) in [
        (-3.25, -1.0),
        (-1.0 / 65_536.0, -1.0),
        (0.0, 0.0),
        (0.5, 1.0),
        (20_000.0, 1.0),
    ] {
        let s = PrivateFixed::new(x, &a).share(&[&b, &c]);
        assert_eq!(s.sign().open()?, sign, "sign({x})");
        assert_eq!(s.is_zero().open()?, x == 0.0, "{x} = 0");
        assert_eq!(s.try_sign()?.open()?, sign);
    }
    Ok(())
}
