//! Round trips: a value shared and reconstructed comes back as it went in, for `i32`,
//! `i64`, `u64`, `i128` and `BigInt` in `F127` and every value of `F101`; a value above
//! (p − 1)/2 comes back as its centred representative; and the moduli are the
//! documented primes.
//!
//! Every expected value is computed with `i128` or `BigInt` arithmetic and reduced to the
//! centred representative modulo p, with p written out independently of the crate (101
//! for `F101`, 2¹²⁷ − 1 for `F127`; see `tests/common`).

use num_bigint::BigInt;
use tinyspdz::prelude::*;

mod common;

use common::{centred, f101_sim, modulus, parties, share, three_machines};

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

/// Counts and indices go in as they are: `usize` inputs, scalar and vector.
#[test]
fn usize_inputs_share_and_open() -> Result<(), Error> {
    let sim = Simulation::with_seed(71);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let count: usize = 1_000_000;
    let x = PrivateScalar::new(count, &alice).share(&[&bob]);
    assert_eq!(x.open()?.to_i64()?, 1_000_000);
    let lengths: Vec<usize> = vec![3, 0, 17];
    let v = PrivateVector::new(lengths, &bob).share(&[&alice]);
    assert_eq!(v.open()?, [3, 0, 17]);
    let tiny = Simulation::builder().field::<F101>().seed(1).build();
    let owner = tiny.machine("owner");
    assert!(matches!(
        PrivateScalar::try_new(200usize, &owner),
        Err(Error::OutOfRange { .. })
    ));
    Ok(())
}
