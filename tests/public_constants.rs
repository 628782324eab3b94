//! Public constants with shared values: integers of every width and field elements on
//! either side of `+`, `-`, `*`, reduced into the field (mod 101 in `F101`), an element of
//! another field read as its signed value, and compound assignment (`+=`, `-=`, `*=`)
//! with shared values and constants, keeping the holders.
//!
//! Every expected value is computed with `i128` or `BigInt` arithmetic and reduced to the
//! centred representative modulo p, with p written out independently of the crate (101
//! for `F101`, 2¹²⁷ − 1 for `F127`; see `tests/common`).

use num_bigint::BigInt;
use tinyspdz::prelude::*;

mod common;

use common::{centred, f101_sim, parties, read, reduced, share};

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
