//! `pow` on a shared value: 2ᵉ for every exponent up to 62 within the triples of square
//! and multiply, other bases against `i128`, wrapping past (p − 1)/2 as `BigInt`
//! arithmetic mod p does, and modular arithmetic in `F101` (Fermat's x¹⁰⁰ = 1).
//!
//! Every expected value is computed with `i128` or `BigInt` arithmetic and reduced to the
//! centred representative modulo p, with p written out independently of the crate (101
//! for `F101`, 2¹²⁷ − 1 for `F127`; see `tests/common`).

use num_bigint::BigInt;
use tinyspdz::prelude::*;

mod common;

use common::{centred, parties, reduced, share};

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
