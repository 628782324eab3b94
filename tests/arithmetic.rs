//! Arithmetic on shared values, checked against plain integer arithmetic.
//!
//! Every expected value is computed here with `i128` or `BigInt` arithmetic and reduced to
//! the centred representative modulo p, with p written out independently of the crate
//! (101 for `F101`, 2¹²⁷ − 1 for `F127`).

use num_bigint::BigInt;
use tinyspdz::prelude::*;
use tinyspdz::{Sender, Step};

mod common;

use common::{centred, f101_sim, modulus, parties, read, reduced, share, three_machines};

#[test]
fn moduli_are_the_documented_primes() {
    assert_eq!(BigInt::from(F101::modulus().clone()), BigInt::from(101));
    assert_eq!(
        BigInt::from(F127::modulus().clone()),
        (BigInt::from(1) << 127u32) - 1
    );
    assert_eq!(F127::max_signed(), (BigInt::from(1) << 126u32) - 1);
    assert_eq!(F101::max_signed(), BigInt::from(50));
}

// ---------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------

#[test]
fn round_trip_i32_i64_u64_in_f127() -> Result<(), Error> {
    let sim = Simulation::with_seed(1);
    let [a, b, c] = three_machines(&sim);
    for v in [0i32, 1, -1, 42, -42, 1_000_000, i32::MAX, i32::MIN] {
        let x = PrivateScalar::new(v, &a);
        assert_eq!(x, v);
        let s = x.share(&[&b, &c]);
        assert_eq!(s.reconstruct(&b)?, v);
        assert_eq!(s.reconstruct(&c)?.value(), BigInt::from(v));
        assert_eq!(s.reconstruct(&a)?, v);
    }
    for v in [0i64, -1, i64::MAX, i64::MIN, i64::MIN + 1, -9_876_543_210] {
        let s = PrivateScalar::new(v, &b).share(&[&a, &c]);
        assert_eq!(s.reconstruct(&a)?, v);
        assert_eq!(s.reconstruct(&b)?.value(), BigInt::from(v));
    }
    for v in [0u64, 1, u64::MAX, u64::MAX - 1, 1 << 63] {
        let s = PrivateScalar::new(v, &c).share(&[&a, &b]);
        assert_eq!(s.reconstruct(&a)?, v);
        assert_eq!(s.reconstruct(&c)?.value(), BigInt::from(v));
    }
    Ok(())
}

#[test]
fn round_trip_large_i128_and_bigint_in_f127() -> Result<(), Error> {
    let sim = Simulation::with_seed(2);
    let [a, b]: [VirtualMachine; 2] = parties(&sim, 2).try_into().expect("two machines");
    let half: i128 = (1 << 126) - 1; // (p − 1)/2 for p = 2¹²⁷ − 1
    for v in [
        half,
        -half,
        half - 1,
        -half + 1,
        1 << 100,
        -(1 << 100),
        i128::from(i64::MIN) * 3,
    ] {
        let s = PrivateScalar::new(v, &a).share(&[&b]);
        assert_eq!(s.reconstruct(&b)?, v, "{v} round trip");
        let big = BigInt::from(v);
        let s = PrivateScalar::new(big.clone(), &b).share(&[&a]);
        assert_eq!(s.reconstruct(&a)?, big, "BigInt {v} round trip");
        let s = PrivateScalar::new(&big, &b).share(&[&a]);
        assert_eq!(s.reconstruct(&a)?.value(), big, "&BigInt {v} round trip");
    }
    // Above (p − 1)/2 but below p: accepted, and read back as the centred representative.
    let p = modulus::<F127>();
    for v in [1i128 << 126, i128::MAX - 1, -(1 << 126), i128::MIN + 2] {
        let s = PrivateScalar::new(v, &a).share(&[&b]);
        let want = centred(BigInt::from(v), p.clone());
        assert_ne!(want, BigInt::from(v), "{v} is not its own representative");
        assert_eq!(s.reconstruct(&b)?.value(), want, "{v} wraps to {want}");
    }
    let p_minus_1: BigInt = &p - 1;
    assert_eq!(PrivateScalar::new(p_minus_1.clone(), &a), -1);
    assert_eq!(PrivateScalar::new(-p_minus_1, &a), 1);
    Ok(())
}

#[test]
fn round_trip_every_value_of_f101() -> Result<(), Error> {
    let sim = f101_sim(3);
    let ms = parties(&sim, 3);
    for v in -100i64..=100 {
        let x = PrivateScalar::new(v, &ms[0]);
        assert_eq!(
            x,
            centred(i128::from(v), 101) as i64,
            "PrivateScalar({v}) in F101"
        );
        assert_eq!(x.field_value(), F101::from_i64(v));
        let s = x.share(&[&ms[1], &ms[2]]);
        assert_eq!(
            s.reconstruct(&ms[2])?,
            centred(i128::from(v), 101),
            "{v} in F101"
        );
    }
    // The bounds ±(p − 1)/2 come back exactly.
    for v in [50i32, -50] {
        let s = share(v, &ms[1], &ms);
        assert_eq!(s.reconstruct(&ms[0])?, v);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Operators between shared values
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Public constants
// ---------------------------------------------------------------------------------------

#[test]
fn integer_constants_on_both_sides_f127() -> Result<(), Error> {
    let sim = Simulation::with_seed(20);
    let ms = parties(&sim, 3);
    for xv in [25i64, -25, 0, i64::MAX, i64::MIN] {
        let x = share(xv, &ms[1], &ms);
        let xb = BigInt::from(xv);
        let e = |v: BigInt| reduced::<F127>(v);

        assert_eq!(read(&(5 * &x)), e(5 * &xb));
        assert_eq!(read(&(5 * x.clone())), e(5 * &xb));
        assert_eq!(read(&(&x * 5)), e(5 * &xb));
        assert_eq!(read(&(100 - &x)), e(100 - &xb));
        assert_eq!(read(&(100 - x.clone())), e(100 - &xb));
        assert_eq!(read(&(-3 + &x)), e(-3 + &xb));
        assert_eq!(read(&(-3 + x.clone())), e(-3 + &xb));
        assert_eq!(read(&(&x * (-2))), e(-2 * &xb));
        assert_eq!(read(&(x.clone() * (-2))), e(-2 * &xb));
        assert_eq!(read(&(&x - 7i64)), e(&xb - 7));
        assert_eq!(read(&(x.clone() - 7i64)), e(&xb - 7));
        assert_eq!(read(&(&x + 7i64)), e(&xb + 7));
        assert_eq!(read(&(&x * 3u64)), e(3 * &xb));
        assert_eq!(read(&(x.clone() * 3u64)), e(3 * &xb));
        assert_eq!(read(&(&x + u64::MAX)), e(&xb + u64::MAX));
        assert_eq!(read(&(&x - u64::MAX)), e(&xb - u64::MAX));
        assert_eq!(read(&(&x * i64::MIN)), e(&xb * i64::MIN));
        assert_eq!(read(&(&x * i64::MAX)), e(&xb * i64::MAX));
        assert_eq!(read(&(&x - i32::MIN)), e(&xb - i32::MIN));
        assert_eq!(read(&(i64::MIN - &x)), e(i64::MIN - &xb));
        for k in [0i64, 1, -1, i64::MAX] {
            assert_eq!(read(&(k * &x)), e(k * &xb), "{k} * x");
            assert_eq!(read(&(&x * k)), e(k * &xb), "x * {k}");
        }
    }
    Ok(())
}

#[test]
fn integer_constants_are_reduced_mod_101() -> Result<(), Error> {
    let sim = f101_sim(21);
    let ms = parties(&sim, 2);
    for xv in [7i128, -7, 50, -50, 0] {
        let x = share(xv as i64, &ms[0], &ms);
        let r = |s: SharedScalar<F101>| read(&s);
        assert_eq!(r(5 * &x), centred(5 * xv, 101).into());
        assert_eq!(r(100 - &x), centred(100 - xv, 101).into());
        assert_eq!(r(&x * (-2)), centred(-2 * xv, 101).into());
        assert_eq!(r(&x - 7i64), centred(xv - 7, 101).into());
        assert_eq!(r(&x * 3u64), centred(3 * xv, 101).into());
        assert_eq!(
            r(&x * u64::MAX),
            centred(xv * i128::from(u64::MAX), 101).into()
        );
        assert_eq!(
            r(&x * i64::MIN),
            centred(xv * i128::from(i64::MIN), 101).into()
        );
        assert_eq!(
            r(&x + i64::MAX),
            centred(xv + i128::from(i64::MAX), 101).into()
        );
        assert_eq!(
            r(i64::MIN - &x),
            centred(i128::from(i64::MIN) - xv, 101).into()
        );
        assert_eq!(r(1000 * &x), centred(1000 * xv, 101).into());
    }
    Ok(())
}

#[test]
fn field_constants_on_both_sides() -> Result<(), Error> {
    // F127 constants with F127 values.
    let sim = Simulation::with_seed(22);
    let ms = parties(&sim, 3);
    let x = share(-1234, &ms[2], &ms);
    let xb = BigInt::from(-1234);
    let k = F127::from_i64(-9);
    let e = |v: BigInt| reduced::<F127>(v);
    assert_eq!(read(&(k * &x)), e(-9 * &xb));
    assert_eq!(read(&(k * x.clone())), e(-9 * &xb));
    assert_eq!(read(&(&x * k)), e(-9 * &xb));
    assert_eq!(read(&(x.clone() * k)), e(-9 * &xb));
    assert_eq!(read(&(k + &x)), e(-9 + &xb));
    assert_eq!(read(&(&x + k)), e(-9 + &xb));
    assert_eq!(read(&(k - &x)), e(-9 - &xb));
    assert_eq!(read(&(k - x.clone())), e(-9 - &xb));
    assert_eq!(read(&(&x - k)), e(&xb + 9));
    let big = F127::from_i128(i128::MAX); // ≡ 0 mod 2¹²⁷ − 1
    assert_eq!(read(&(&x * big)), e(&xb * i128::MAX));
    assert_eq!(read(&(big - &x)), e(i128::MAX - &xb));

    // F101 constants with F101 values.
    let sim = f101_sim(23);
    let ms = parties(&sim, 3);
    let y = share(30, &ms[0], &ms);
    let k = F101::from(4u64);
    assert_eq!(read(&(k * &y)), BigInt::from(centred(120i128, 101)));
    assert_eq!(read(&(&y * k)), BigInt::from(centred(120i128, 101)));
    assert_eq!(read(&(y.clone() * k)), BigInt::from(centred(120i128, 101)));
    assert_eq!(read(&(k + &y)), BigInt::from(34));
    assert_eq!(read(&(&y + k)), BigInt::from(34));
    assert_eq!(read(&(k - &y)), BigInt::from(centred(4i128 - 30, 101)));
    assert_eq!(
        read(&(k - y.clone())),
        BigInt::from(centred(4i128 - 30, 101))
    );
    assert_eq!(read(&(&y - k)), BigInt::from(26));
    let m = F101::from_i64(-77);
    assert_eq!(read(&(m * &y)), BigInt::from(centred(-77i128 * 30, 101)));

    // An element of another field is read as its signed value and reduced.
    assert_eq!(
        read(&(&y * F127::from_i64(200))),
        BigInt::from(centred(30i128 * 200, 101))
    );
    assert_eq!(
        read(&(&y + F127::from_i64(-1000))),
        BigInt::from(centred(30i128 - 1000, 101))
    );
    assert_eq!(read(&(&x * F101::from_i64(-3))), e(-3 * &xb));
    assert_eq!(read(&(&x - F101::from_i64(50))), e(&xb - 50));
    Ok(())
}

#[test]
fn compound_assignment_with_shared_values_and_constants() -> Result<(), Error> {
    for n in [2, 3] {
        let sim = Simulation::with_seed(30 + n as u64);
        let ms = parties(&sim, n);
        let y = share(-17, &ms[n - 1], &ms);
        let mut z = share(1000, &ms[0], &ms);
        let mut want = BigInt::from(1000);
        let yb = BigInt::from(-17);

        z += &y;
        want += &yb;
        assert_eq!(read(&z), want);
        z += y.clone();
        want += &yb;
        assert_eq!(read(&z), want);
        z -= &y;
        want -= &yb;
        assert_eq!(read(&z), want);
        z -= y.clone();
        want -= &yb;
        assert_eq!(read(&z), want);
        z *= &y;
        want *= &yb;
        assert_eq!(read(&z), want);
        z *= y.clone();
        want *= &yb;
        assert_eq!(read(&z), want);
        z += 5;
        want += 5;
        z += 5i64;
        want += 5;
        z -= 3u64;
        want -= 3;
        assert_eq!(read(&z), want);
        z *= -2;
        want *= -2;
        z *= 7u64;
        want *= 7;
        z -= i64::MIN;
        want -= i64::MIN;
        assert_eq!(read(&z), want);
        z += F127::from_i64(-11);
        want -= 11;
        z *= F127::from_i64(3);
        want *= 3;
        z -= F127::from_i64(4);
        want -= 4;
        assert_eq!(read(&z), reduced::<F127>(want.clone()));
        assert_eq!(z.holders(), ms, "holders are kept by compound assignment");
    }
    Ok(())
}

#[test]
fn compound_assignment_wraps_in_f101() -> Result<(), Error> {
    let sim = f101_sim(33);
    let ms = parties(&sim, 3);
    let mut z = share(45, &ms[0], &ms);
    let y = share(-33, &ms[1], &ms);
    let mut want: i128 = 45;
    for _ in 0..5 {
        z += &y;
        want += -33;
        z *= &y;
        want *= -33;
        z -= 77;
        want -= 77;
        z *= 3u64;
        want *= 3;
        want = centred(want, 101); // keep the i128 small; reduction commutes with + and ×
        assert_eq!(z.reconstruct(&ms[2])?, want);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// pow
// ---------------------------------------------------------------------------------------

#[test]
fn pow_of_two_for_every_exponent_up_to_62() -> Result<(), Error> {
    let sim = Simulation::builder().seed(40).views(Views::Off).build();
    let ms = parties(&sim, 3);
    let two = share(2, &ms[0], &ms);
    for e in 0..=62u32 {
        let before = sim.dealer().triples_dealt();
        let r = two.pow(e).reconstruct(&ms[1])?;
        assert_eq!(r, 2i128.pow(e), "2^{e}");
        assert_eq!(r, 2i64.pow(e), "2^{e} fits i64");
        // Square and multiply needs at most 2·⌊log₂ e⌋ multiplications.
        let used = sim.dealer().triples_dealt() - before;
        let bound = if e == 0 { 0 } else { 2 * u64::from(e.ilog2()) };
        assert!(
            used <= bound,
            "2^{e} used {used} triples, more than {bound}"
        );
    }
    Ok(())
}

#[test]
fn pow_of_other_bases_matches_i128() -> Result<(), Error> {
    let sim = Simulation::builder().seed(41).views(Views::Off).build();
    let ms = parties(&sim, 2);
    let half = (1i128 << 126) - 1;
    for base in [-2i64, 3, -3, 7, -1, 0, 1, 10, 1_000_003] {
        let x = share(base, &ms[1], &ms);
        for e in 0..=70u32 {
            let Some(want) = i128::from(base).checked_pow(e).filter(|v| v.abs() <= half) else {
                break;
            };
            assert_eq!(x.pow(e).reconstruct(&ms[0])?, want, "{base}^{e}");
        }
    }
    // Past (p − 1)/2 the result wraps: compare with BigInt arithmetic mod p.
    let x = share(3, &ms[0], &ms);
    for e in [80u32, 81, 100, 200] {
        let want = reduced::<F127>(BigInt::from(3).pow(e));
        assert_eq!(x.pow(e).reconstruct(&ms[1])?.value(), want, "3^{e} mod p");
    }
    Ok(())
}

#[test]
fn pow_in_f101_matches_modular_arithmetic() -> Result<(), Error> {
    let sim = Simulation::builder()
        .field::<F101>()
        .seed(42)
        .views(Views::Off)
        .build();
    let ms = parties(&sim, 3);
    for base in [-50i128, -7, -1, 0, 1, 2, 3, 49] {
        let x = share(base as i64, &ms[2], &ms);
        let mut want: i128 = 1;
        for e in 0..=101u32 {
            assert_eq!(
                x.pow(e).reconstruct(&ms[0])?,
                centred(want, 101),
                "{base}^{e} mod 101"
            );
            if e == 100 && base != 0 {
                // Fermat: x¹⁰⁰ = 1 for x ≠ 0 in F101.
                assert_eq!(x.pow(e).reconstruct(&ms[0])?, 1);
            }
            want = centred(want * base, 101);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Sum and Product
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------

#[test]
fn open_reveals_the_value_to_every_holder() -> Result<(), Error> {
    let sim = Simulation::with_seed(60);
    let ms = parties(&sim, 3);
    let x = share(-4242, &ms[0], &ms);
    let y = share(17, &ms[2], &ms);
    let z = &x * &y + 1;
    let opened = z.open()?;
    let want = -4242 * 17 + 1;
    assert_eq!(opened, want);
    assert_eq!(opened.value(), BigInt::from(want));
    assert_eq!(opened.field_value(), F127::from_i64(want));

    // Each holder received every other holder's share, and with its own they add up.
    let (holders, shares) = (z.holders(), z.shares());
    assert_eq!(holders.len(), 3);
    for (i, m) in holders.iter().enumerate() {
        let view = m.view();
        let received: Vec<F127> = view
            .messages
            .iter()
            .filter(|msg| msg.step == Step::Open && msg.about == z.number())
            .map(|msg| msg.value)
            .collect();
        assert_eq!(received.len(), 2, "{} receives two shares", m.name());
        let total = received.iter().fold(shares[i], |acc, v| acc + v);
        assert_eq!(
            total,
            F127::from_i64(want),
            "{} computes the opened value",
            m.name()
        );
    }
    Ok(())
}

#[test]
fn reconstruct_to_a_machine_that_holds_no_share() -> Result<(), Error> {
    for macs in [false, true] {
        let builder = Simulation::builder().seed(61);
        let sim = if macs {
            builder.build()
        } else {
            builder.semi_honest().build()
        };
        let ms = parties(&sim, 3);
        let dave = sim.machine("dave");
        let x = share(123_456_789, &ms[1], &ms);
        let r = x.reconstruct(&dave)?;
        assert_eq!(r, 123_456_789);
        assert_eq!(r.owner(), &dave);
        let listing = dave.to_string();
        assert!(
            listing.contains("PrivateScalar(123456789, 'dave')"),
            "{listing}"
        );

        // Dave hears from every holder, and can compute the value from his view alone.
        let view = dave.view();
        let about_x = |step: Step| -> Vec<F127> {
            let msgs = view.messages.iter();
            let about = msgs.filter(|m| m.step == step && m.about == x.number());
            about.map(|m| m.value).collect()
        };
        let received = about_x(Step::Reconstruct);
        assert_eq!(received.len(), 3, "every holder sends dave a message");
        let from: Vec<Sender> = view.messages.iter().map(|m| m.from.clone()).collect();
        for m in &ms {
            assert!(from.contains(&Sender::Machine(m.name().to_string())));
        }
        let computed = if macs {
            // x − r from every holder, and the mask r from the dealer.
            assert!(
                received.iter().all(|v| *v == received[0]),
                "one opened x − r"
            );
            let mask = about_x(Step::OutputMask);
            assert_eq!(mask.len(), 1, "dave alone learns the mask");
            received[0] + mask[0]
        } else {
            // Every holder's share.
            received.iter().fold(F127::from(0u64), |acc, v| acc + v)
        };
        assert_eq!(computed, F127::from(123_456_789u64), "macs {macs}");
        if !macs {
            for m in &ms {
                let steps: Vec<Step> = m.view().messages.iter().map(|m| m.step).collect();
                assert!(
                    !steps.contains(&Step::Reconstruct),
                    "{}: {steps:?}",
                    m.name()
                );
            }
        }
    }
    Ok(())
}

#[test]
fn shares_are_one_per_holder() {
    for macs in [false, true] {
        for n in 2..=4 {
            let builder = Simulation::builder().seed(63);
            let sim = if macs {
                builder.build()
            } else {
                builder.semi_honest().build()
            };
            let ms = parties(&sim, n);
            let x = share(-5, &ms[0], &ms);
            let y = &x * &x + 1;
            for v in [&x, &y] {
                let shares = v.shares();
                assert_eq!(
                    shares.len(),
                    n,
                    "macs {macs}: one share per holder: {shares:?}"
                );
                assert_eq!(v.holders().len(), n);
                let total = shares.iter().fold(F127::from(0u64), |acc, s| acc + s);
                let want = if std::ptr::eq(v, &x) { -5 } else { 26 };
                assert_eq!(total, F127::from_i64(want), "macs {macs}: shares add up");
            }
        }
    }
}

#[test]
fn share_among_leaves_the_owner_without_a_share() -> Result<(), Error> {
    let sim = Simulation::with_seed(62);
    let owner = sim.machine("owner");
    let bob = sim.machine("bob");
    let charlie = sim.machine("charlie");
    let secret = PrivateScalar::new(-31_337, &owner);
    let x = secret.share_among(&[&bob, &charlie]);

    assert_eq!(x.holders(), vec![bob.clone(), charlie.clone()]);
    let n = x.number();
    let listing = owner.to_string();
    assert!(
        !listing.contains("share among"),
        "owner holds no share:\n{listing}"
    );
    assert!(
        !listing.contains(&format!("#{n} ")),
        "owner holds no share:\n{listing}"
    );
    assert!(
        listing.contains("PrivateScalar(-31337, 'owner')"),
        "{listing}"
    );
    assert!(
        bob.to_string()
            .contains(&format!("#{n} share among (bob, charlie)"))
    );
    assert!(
        charlie
            .to_string()
            .contains(&format!("#{n} share among (bob, charlie)"))
    );
    let shown = x.to_string();
    assert!(!shown.contains("owner"), "{shown}");
    assert!(
        shown.contains("bob") && shown.contains("charlie"),
        "{shown}"
    );

    assert_eq!(x.reconstruct(&owner)?, -31_337);
    assert_eq!(x.reconstruct(&bob)?, -31_337);
    // Computing on it works as usual among the holders.
    let y = PrivateScalar::new(3, &owner).share_among(&[&charlie, &bob]);
    assert_eq!((&x * &y).reconstruct(&owner)?, -31_337 * 3);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Depth
// ---------------------------------------------------------------------------------------

#[test]
fn multiplicative_depth() {
    let sim = Simulation::with_seed(70);
    let ms = parties(&sim, 3);
    let x = share(2, &ms[0], &ms);
    let y = share(3, &ms[1], &ms);
    let z = share(5, &ms[2], &ms);
    assert_eq!(x.depth(), 0);
    assert_eq!((&x + &y).depth(), 0);
    assert_eq!((&x - &y).depth(), 0);
    assert_eq!((5 * &x + 7).depth(), 0);
    let xy = &x * &y;
    assert_eq!(xy.depth(), 1);
    assert_eq!((&xy * &z).depth(), 2);
    assert_eq!((&x * (&y * &z)).depth(), 2);
    assert_eq!((&xy + &z).depth(), 1);
    assert_eq!((&z + &xy).depth(), 1);
    assert_eq!((&xy * &(&x * &z)).depth(), 2);
    assert_eq!(x.pow(8).depth(), 3);
    assert_eq!(x.pow(2).depth(), 1);
    assert_eq!(x.pow(1).depth(), 0);
    for k in 1..=6 {
        assert_eq!(x.pow(1 << k).depth(), k, "x^(2^{k})");
    }
    let mut w = x.clone();
    w += &xy;
    assert_eq!(w.depth(), 1, "+= takes the deeper operand's depth");
    w *= &z;
    assert_eq!(w.depth(), 2);
    w *= 3;
    assert_eq!(w.depth(), 2, "a public factor adds no depth");
}

#[test]
fn views_keep_the_last_messages_oldest_first() -> Result<(), Error> {
    let run = |views: Views| -> Result<tinyspdz::View<F127>, Error> {
        let sim = Simulation::builder().seed(5).views(views).build();
        let ms = parties(&sim, 2);
        let x = share(3, &ms[0], &ms);
        for _ in 0..20 {
            let _ = &x * &x;
        }
        Ok(ms[1].view())
    };
    let all = run(Views::All)?;
    let last = run(Views::Last(7))?;
    let none = run(Views::Last(0))?;
    let total = all.messages.len();
    assert!(total > 7);
    assert_eq!(last.forgotten as usize, total - 7);
    let tail: Vec<_> = all.messages[total - 7..]
        .iter()
        .map(|m| (m.step, m.value))
        .collect();
    let kept: Vec<_> = last.messages.iter().map(|m| (m.step, m.value)).collect();
    assert_eq!(kept, tail);
    assert!(none.messages.is_empty());
    assert_eq!(none.forgotten as usize, total);
    Ok(())
}
