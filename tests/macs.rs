//! SPDZ authentication: every attack of the adversary is caught before output with MACs
//! on, and silently changes the answer with MACs off.

use proptest::prelude::*;
use rand::rngs::ChaCha12Rng;
use rand::{RngExt, SeedableRng};
use tinyspdz::prelude::*;
use tinyspdz::{Adversary, Step};

const TRIALS: u64 = 200;

/// One of the adversary's attacks, aimed at the holder in position `who`.
#[derive(Debug, Clone, Copy)]
enum Attack {
    /// Shift the holder's share of the input x.
    Share,
    /// Shift the holder's MAC share of the input x.
    Mac,
    /// Shift what the holder sends in its k-th opening (1: d, 2: e, 3: the output).
    Opening(u64),
    /// Shift every opening of the holder.
    EveryOpening,
    /// The dealer's first triple has c = ab + δ (caught only when sacrificing).
    BadTriple,
}

const ATTACKS: [Attack; 6] = [
    Attack::Share,
    Attack::Mac,
    Attack::Opening(1),
    Attack::Opening(2),
    Attack::Opening(3),
    Attack::EveryOpening,
];

/// Computes x·y + z among n machines, the `who`-th cheating with `attack` by `delta`;
/// reconstructs to the first machine. Returns the result and the expected value.
fn run(
    sim: &Simulation,
    n: usize,
    who: usize,
    attack: Attack,
    delta: i64,
    inputs: [i64; 3],
) -> (Result<i64, Error>, i64) {
    let machines: Vec<VirtualMachine> = (0..n).map(|i| sim.machine(format!("m{i}"))).collect();
    let holders: Vec<&VirtualMachine> = machines.iter().collect();
    let share =
        |v: i64, owner: usize| PrivateScalar::new(v, &machines[owner]).share_among(&holders);
    let x = share(inputs[0], 0);
    let y = share(inputs[1], n - 1);
    let z = share(inputs[2], n / 2);
    let adversary: Adversary<F127> = sim.adversary();
    let cheater = &machines[who];
    match attack {
        Attack::Share => adversary.add_to_share(cheater, &x, delta),
        Attack::Mac => adversary.add_to_mac(cheater, &x, delta),
        Attack::Opening(k) => adversary.add_to_openings(cheater, delta, Openings::Nth(k)),
        Attack::EveryOpening => adversary.add_to_openings(cheater, delta, Openings::Every),
        Attack::BadTriple => adversary.dealer_bad_triple(delta, Openings::Nth(1)),
    }
    let out = &x * &y + &z;
    let result = out
        .reconstruct(&machines[0])
        .map(|r| i64::try_from(r.value()).expect("small"));
    (result, inputs[0] * inputs[1] + inputs[2])
}

/// Positions to attack among n holders: the first, a middle one and the last.
fn positions(n: usize) -> Vec<usize> {
    let mut p = vec![0, n / 2, n - 1];
    p.dedup();
    p
}

fn random_delta(rng: &mut ChaCha12Rng) -> i64 {
    let magnitude = rng.random_range(1..1_000_000i64);
    if rng.random::<bool>() {
        magnitude
    } else {
        -magnitude
    }
}

#[test]
fn every_attack_is_caught_with_macs_on() {
    let mut rng = ChaCha12Rng::seed_from_u64(11);
    for attack in ATTACKS {
        let mut caught = 0;
        for trial in 0..TRIALS {
            let n = 2 + (trial % 4) as usize; // 2 to 5 holders
            let who = positions(n)[(trial / 4) as usize % positions(n).len()];
            let sim = Simulation::with_seed(trial);
            let inputs = [
                rng.random_range(-1000..1000),
                rng.random_range(-1000..1000),
                rng.random_range(-1000..1000),
            ];
            let (result, _) = run(&sim, n, who, attack, random_delta(&mut rng), inputs);
            match result {
                Err(Error::MacCheckFailed {
                    suspects, values, ..
                }) => {
                    assert_eq!(
                        suspects,
                        vec![format!("m{who}")],
                        "the simulation names the machine it was told about"
                    );
                    assert!(!values.is_empty());
                    caught += 1;
                }
                other => panic!("{attack:?} by m{who} of {n} went unnoticed: {other:?}"),
            }
        }
        assert_eq!(caught, TRIALS);
    }
}

#[test]
fn the_same_attacks_change_the_answer_with_macs_off() {
    let mut rng = ChaCha12Rng::seed_from_u64(12);
    // A MAC attack does nothing without MACs; every other one changes the result.
    for attack in ATTACKS.into_iter().filter(|a| !matches!(a, Attack::Mac)) {
        for trial in 0..TRIALS {
            let n = 2 + (trial % 4) as usize;
            let who = positions(n)[(trial / 4) as usize % positions(n).len()];
            let sim = Simulation::builder().seed(trial).semi_honest().build();
            // Non-zero inputs: a shifted d or e changes x·y by δ·y or δ·x.
            let inputs = [
                rng.random_range(1..1000),
                rng.random_range(1..1000),
                rng.random_range(-1000..1000),
            ];
            let (result, expected) = run(&sim, n, who, attack, random_delta(&mut rng), inputs);
            let got = result.expect("without MACs nothing is checked");
            assert_ne!(got, expected, "{attack:?} by m{who} of {n} had no effect");
        }
    }
}

#[test]
fn a_corrupt_dealer_is_caught_only_by_sacrificing_triples() {
    let mut rng = ChaCha12Rng::seed_from_u64(13);
    for trial in 0..TRIALS {
        let n = 2 + (trial % 4) as usize;
        let inputs = [
            rng.random_range(-1000..1000),
            rng.random_range(-1000..1000),
            5,
        ];
        let delta = random_delta(&mut rng);

        // The MACs vouch for the wrong c: the MAC check passes and the result is off by δ.
        let sim = Simulation::with_seed(trial);
        let (result, expected) = run(&sim, n, 0, Attack::BadTriple, delta, inputs);
        assert_eq!(result.expect("valid MACs pass the check"), expected + delta);

        // Sacrificing a second triple exposes it.
        let sim = Simulation::builder()
            .seed(trial)
            .sacrifice_triples(true)
            .build();
        let (result, _) = run(&sim, n, 0, Attack::BadTriple, delta, inputs);
        assert!(
            matches!(result, Err(Error::TripleCheckFailed { .. })),
            "{result:?}"
        );

        // Without MACs the wrong c changes the answer.
        let sim = Simulation::builder().seed(trial).semi_honest().build();
        let (result, expected) = run(&sim, n, 0, Attack::BadTriple, delta, inputs);
        assert_eq!(result.expect("no checks"), expected + delta);
    }
}

#[test]
fn sacrificing_honest_triples_costs_triples_but_raises_no_alarm() -> Result<(), Error> {
    let sim = Simulation::builder()
        .seed(5)
        .sacrifice_triples(true)
        .build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(12, &alice).share(&[&bob]);
    let y = PrivateScalar::new(-3, &bob).share(&[&alice]);
    assert_eq!((&x * &y * &x).reconstruct(&bob)?, -432);
    assert_eq!(sim.dealer().triples_dealt(), 4);
    Ok(())
}

#[test]
fn a_failed_check_refuses_every_later_output() {
    let sim = Simulation::with_seed(9);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(2, &alice).share(&[&bob]);
    sim.adversary().add_to_openings(&bob, 5, Openings::Nth(1));
    let y = &x * &x;
    assert!(matches!(sim.check(), Err(Error::MacCheckFailed { .. })));
    assert!(matches!(
        y.reconstruct(&alice),
        Err(Error::MacCheckFailed { .. })
    ));
    assert!(matches!(x.open(), Err(Error::MacCheckFailed { .. })));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Honest runs of random expressions never raise an alarm.
    #[test]
    fn no_false_alarms(seed in any::<u64>(), n in 2usize..6, values in prop::collection::vec(-1000i64..1000, 3..8), ops in prop::collection::vec(0u8..3, 2..8)) {
        let sim = Simulation::with_seed(seed);
        let machines: Vec<VirtualMachine> = (0..n).map(|i| sim.machine(format!("m{i}"))).collect();
        let holders: Vec<&VirtualMachine> = machines.iter().collect();
        let shared: Vec<SharedScalar> = values.iter().enumerate()
            .map(|(i, &v)| PrivateScalar::new(v, &machines[i % n]).share_among(&holders))
            .collect();
        let mut acc = shared[0].clone();
        let mut expected = values[0] as i128;
        for (i, op) in ops.iter().enumerate() {
            let k = (i + 1) % values.len();
            let (v, s) = (values[k] as i128, &shared[k]);
            match op {
                0 => { acc = &acc + s; expected += v; }
                1 => { acc = &acc - s; expected -= v; }
                _ => { acc = &acc * s; expected *= v; }
            }
        }
        prop_assert_eq!(sim.check(), Ok(()));
        let out = acc.open().expect("honest runs pass the MAC check");
        prop_assert_eq!(out.value(), expected.into());
        prop_assert_eq!(acc.reconstruct(&machines[0]).expect("honest").value(), expected.into());
    }
}

/// The holders' views during a private output do not depend on the output: in F101, the
/// value bob receives while alice's output is opened (x − r) is uniform whatever x is.
#[test]
fn private_output_views_do_not_depend_on_the_output() -> Result<(), Error> {
    let runs = 20_200u64; // 200 expected per value of F101
    let mut histograms = Vec::new();
    for secret in [3i64, -40] {
        let mut counts = [0u64; 101];
        for seed in 0..runs {
            let sim = Simulation::builder().field::<F101>().seed(seed).build();
            let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
            let x = PrivateScalar::new(secret, &alice).share(&[&bob]);
            let r = x.reconstruct(&alice)?;
            assert_eq!(r, secret, "the receiver learns the value");
            let opened: Vec<F101> = bob
                .view()
                .messages
                .iter()
                .filter(|m| m.step == Step::Reconstruct)
                .map(|m| m.value)
                .collect();
            // Bob receives alice's share of x − r; with his own it gives x − r, which
            // is uniform because r is.
            assert_eq!(opened.len(), 1, "bob receives alice's share of x − r");
            let index = opened[0]
                .to_biguint()
                .to_u64_digits()
                .first()
                .copied()
                .unwrap_or(0);
            counts[index as usize] += 1;
        }
        histograms.push(counts);
    }
    // χ² with 100 degrees of freedom: P(χ² > 153) ≈ 5·10⁻⁴ for a uniform histogram.
    for counts in &histograms {
        let expected = runs as f64 / 101.0;
        let chi2: f64 = counts
            .iter()
            .map(|&c| (c as f64 - expected).powi(2) / expected)
            .sum();
        assert!(chi2 < 153.0, "bob's view is not uniform: chi2 = {chi2}");
    }
    Ok(())
}
