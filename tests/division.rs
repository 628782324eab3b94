//! Division of a shared fixed-point number by a public integer (`x / 5`): the floor of the
//! encoding, exactly, for any value and divisor, in F127 and in the smaller F61; cheap;
//! free for ±1, refused for 0.

use proptest::prelude::*;
use tinyspdz::prelude::*;
use tinyspdz::{F61, Precision};

/// ⌊x/d⌋ for integers, rounding towards −∞.
fn floor_div(x: i64, d: i32) -> i64 {
    let (q, r) = (x / i64::from(d), x % i64::from(d));
    if r != 0 && ((r < 0) != (d < 0)) {
        q - 1
    } else {
        q
    }
}

/// `x / d` on shares among three machines of a simulation over F, for x given by its
/// encoding x·2ᶠ in `precision`; returns the quotient's encoding.
fn shared_quotient<F: TinyField>(
    sim: &Simulation<F>,
    (encoded, precision): (i64, Precision),
    d: i32,
) -> Result<i64, Error> {
    let unit = f64::from(precision.f).exp2();
    let machines = sim.new_machines(["alice", "bob", "carol"]);
    let x = PrivateFixed::with_precision(encoded as f64 / unit, &machines[0], precision)?
        .share_among(&machines);
    let q = x.try_div_integer(d)?.reconstruct(&machines[1])?;
    Ok((q * unit) as i64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_quotient_is_the_floor_of_the_encoding_exactly(
        x in -(1i64 << 47) + 1..(1i64 << 47),
        d in prop_oneof![1i32..12, 1i32..1_000_000, i32::MIN..-1, Just(i32::MAX)],
        seed in 0u64..1_000,
    ) {
        let sim = Simulation::with_seed(seed);
        let quotient = shared_quotient(&sim, (x, Precision::default()), d);
        prop_assert_eq!(quotient, Ok(floor_div(x, d)));
        prop_assert_eq!(sim.check(), Ok(()));
    }

    // A smaller field leaves less room for r·c, so the remainder shrinks in more steps.
    #[test]
    fn a_smaller_field_takes_more_steps_to_the_same_floor(
        x in -(1i64 << 14) + 1..(1i64 << 14),
        d in prop_oneof![1i32..12, 1i32..40_000, -300i32..-1, Just(1 << 20)],
    ) {
        let sim = Simulation::builder().seed(3).field::<F61>().build();
        let narrow = Precision { f: 4, k: 11 };
        prop_assert_eq!(shared_quotient(&sim, (x, narrow), d), Ok(floor_div(x, d)));
        prop_assert_eq!(sim.check(), Ok(()));
    }
}

#[test]
fn averaging_five_salaries_gives_the_average_exactly() {
    let sim = Simulation::with_seed(7);
    let machines = sim.new_machines(["alice", "bob", "carol", "dave", "erin"]);
    let salaries = [48_000.0, 51_000.0, 52_500.0, 55_000.0, 51_500.0];
    let total: SharedFixed = machines
        .iter()
        .zip(salaries)
        .map(|(m, s)| PrivateFixed::new(s, m).share_among(&machines))
        .sum();
    let before = sim.stats();
    let average = &total / 5;
    let cost = sim.stats().triples - before.triples;
    assert_eq!(average.reconstruct(&machines[0]), Ok(51_600.0));
    // A reciprocal is off by a unit in the last place here, the exact division is not.
    assert_ne!((&total / 5.0).reconstruct(&machines[0]), Ok(51_600.0));
    // Two truncations (no triples) and three comparisons of 5 bits (3 ANDs each).
    assert_eq!(cost, 9, "three narrow comparisons");
}

#[test]
fn dividing_by_one_or_minus_one_costs_nothing_and_by_zero_is_refused() {
    let sim = Simulation::with_seed(2);
    let machines = sim.new_machines(["alice", "bob", "carol"]);
    let x = PrivateFixed::new(-12.5, &machines[0]).share_among(&machines);
    assert_eq!((&x / 1).reconstruct(&machines[0]), Ok(-12.5));
    assert_eq!((&x / -1).reconstruct(&machines[0]), Ok(12.5));
    assert_eq!(sim.stats().triples, 0);
    assert_eq!(x.try_div_integer(0).err(), Some(Error::DivisionByZero));
}
