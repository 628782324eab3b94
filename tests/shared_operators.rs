//! Operators between shared values: `+`, `-`, `*` in every owned/borrowed combination and
//! unary `-`, with MACs and semi-honest, among two to five parties in `F127` and `F101`,
//! against plain integer arithmetic; `F101` wraps around as documented, for every sum,
//! difference and product of its values.
//!
//! Every expected value is computed with `i128` or `BigInt` arithmetic and reduced to the
//! centred representative modulo p, with p written out independently of the crate (101
//! for `F101`, 2¹²⁷ − 1 for `F127`; see `tests/common`).

use num_bigint::BigInt;
use tinyspdz::prelude::*;

mod common;

use common::{centred, f101_sim, parties, read, reduced, share};

/// `+`, `-`, `*` in all four owned/borrowed combinations and unary `-` both ways.
fn check_binary_ops<F: TinyField>(seed: u64, n: usize, pairs: &[(i64, i64)]) {
    for macs in [true, false] {
        let builder = Simulation::builder().field::<F>().seed(seed);
        let sim = if macs {
            builder.build()
        } else {
            builder.semi_honest().build()
        };
        assert_eq!(sim.macs(), macs);
        check_binary_ops_in(&sim, n, pairs);
    }
}

fn check_binary_ops_in<F: TinyField>(sim: &Simulation<F>, n: usize, pairs: &[(i64, i64)]) {
    let ms = parties(sim, n);
    for &(xv, yv) in pairs {
        let x = share(xv, &ms[0], &ms);
        let y = share(yv, &ms[n - 1], &ms);
        let (xb, yb) = (BigInt::from(xv), BigInt::from(yv));
        let ctx = format!(
            "{} with {n} parties, macs {}, x = {xv}, y = {yv}",
            F::NAME,
            sim.macs()
        );

        let sum = reduced::<F>(&xb + &yb);
        assert_eq!(read(&(&x + &y)), sum, "&x + &y, {ctx}");
        assert_eq!(read(&(x.clone() + &y)), sum, "x + &y, {ctx}");
        assert_eq!(read(&(&x + y.clone())), sum, "&x + y, {ctx}");
        assert_eq!(read(&(x.clone() + y.clone())), sum, "x + y, {ctx}");

        let diff = reduced::<F>(&xb - &yb);
        assert_eq!(read(&(&x - &y)), diff, "&x - &y, {ctx}");
        assert_eq!(read(&(x.clone() - &y)), diff, "x - &y, {ctx}");
        assert_eq!(read(&(&x - y.clone())), diff, "&x - y, {ctx}");
        assert_eq!(read(&(x.clone() - y.clone())), diff, "x - y, {ctx}");
        assert_eq!(read(&(&y - &x)), reduced::<F>(&yb - &xb), "&y - &x, {ctx}");

        let prod = reduced::<F>(&xb * &yb);
        assert_eq!(read(&(&x * &y)), prod, "&x * &y, {ctx}");
        assert_eq!(read(&(x.clone() * &y)), prod, "x * &y, {ctx}");
        assert_eq!(read(&(&x * y.clone())), prod, "&x * y, {ctx}");
        assert_eq!(read(&(x.clone() * y.clone())), prod, "x * y, {ctx}");
        assert_eq!(read(&(&x * &x)), reduced::<F>(&xb * &xb), "&x * &x, {ctx}");

        assert_eq!(read(&(-&x)), reduced::<F>(-&xb), "-&x, {ctx}");
        assert_eq!(read(&(-y.clone())), reduced::<F>(-&yb), "-y, {ctx}");
        assert_eq!(read(&(-(-&x))), reduced::<F>(xb.clone()), "--x, {ctx}");

        // A mixed expression: (x + y)·(x − y) = x² − y².
        let mixed = (&x + &y) * (&x - &y);
        assert_eq!(
            read(&mixed),
            reduced::<F>(&xb * &xb - &yb * &yb),
            "(x+y)(x-y), {ctx}"
        );
    }
}

const F127_PAIRS: [(i64, i64); 7] = [
    (25, 50),
    (-7, 3),
    (0, 12345),
    (-1, -1),
    (i64::MAX, i64::MIN), // the product is −2¹²⁶ + 2⁶³, inside the field's range
    (i64::MIN, i64::MIN), // 2¹²⁶ = (p − 1)/2 + 1 wraps to −(p − 1)/2
    (3_037_000_499, -3_037_000_499),
];

#[test]
fn binary_ops_f127_two_parties() {
    check_binary_ops::<F127>(10, 2, &F127_PAIRS);
}

#[test]
fn binary_ops_f127_three_parties() {
    check_binary_ops::<F127>(11, 3, &F127_PAIRS);
}

#[test]
fn binary_ops_f127_four_and_five_parties() {
    check_binary_ops::<F127>(12, 4, &F127_PAIRS[..4]);
    check_binary_ops::<F127>(13, 5, &F127_PAIRS[..4]);
}

const F101_PAIRS: [(i64, i64); 7] = [
    (60, 60),
    (40, 40),
    (-50, -50),
    (50, 50),
    (7, -13),
    (100, -100),
    (0, 99),
];

#[test]
fn binary_ops_f101_two_and_three_parties() {
    check_binary_ops::<F101>(14, 2, &F101_PAIRS);
    check_binary_ops::<F101>(15, 3, &F101_PAIRS);
}

#[test]
fn f101_wraps_around_as_documented() -> Result<(), Error> {
    let sim = f101_sim(16);
    let ms = parties(&sim, 3);
    let sixty = share(60, &ms[0], &ms);
    // 60 is stored as 60 ≡ −41 and 60 + 60 = 120 ≡ 19 (mod 101).
    assert_eq!(sixty.reconstruct(&ms[1])?, -41);
    assert_eq!((&sixty + &sixty).reconstruct(&ms[1])?, 19);
    assert_eq!(
        (&sixty + &sixty).reconstruct(&ms[1])?,
        centred(120i128, 101)
    );
    let forty = share(40, &ms[2], &ms);
    assert_eq!((&forty + &forty).reconstruct(&ms[0])?, -21);
    assert_eq!(
        (&forty * &forty).reconstruct(&ms[0])?,
        centred(1600i128, 101)
    );
    Ok(())
}

#[test]
fn f101_every_sum_difference_and_product() -> Result<(), Error> {
    let sim = Simulation::builder()
        .field::<F101>()
        .seed(17)
        .views(Views::Off)
        .build();
    let ms = parties(&sim, 2);
    let xs: Vec<SharedScalar<F101>> = (-50..=50).map(|v| share(v, &ms[0], &ms)).collect();
    let ys: Vec<SharedScalar<F101>> = (-50..=50).map(|v| share(v, &ms[1], &ms)).collect();
    for (i, x) in xs.iter().enumerate() {
        let xv = i as i128 - 50;
        for (j, y) in ys.iter().enumerate() {
            let yv = j as i128 - 50;
            let (s, d, p) = (x + y, x - y, x * y);
            assert_eq!(s.reconstruct(&ms[0])?, centred(xv + yv, 101), "{xv} + {yv}");
            assert_eq!(d.reconstruct(&ms[1])?, centred(xv - yv, 101), "{xv} - {yv}");
            assert_eq!(p.reconstruct(&ms[0])?, centred(xv * yv, 101), "{xv} * {yv}");
        }
    }
    Ok(())
}
