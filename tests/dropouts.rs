//! Machines that drop out and come back: the MAC check never drops an opening it could
//! not check, never lets a failed check go unreported, and honest runs whose every
//! operation had t + 1 answering holders complete.

use rand::rngs::ChaCha12Rng;
use rand::{RngExt, SeedableRng};
use tinyspdz::prelude::*;

/// The attacks a machine can make on a value it holds.
#[derive(Debug, Clone, Copy)]
enum Attack {
    Share,
    Mac,
    Opening,
}

const ATTACKS: [Attack; 3] = [Attack::Share, Attack::Mac, Attack::Opening];

/// n machines m0, m1, … of a fresh seeded simulation.
fn machines(seed: u64, n: usize) -> (Simulation, Vec<VirtualMachine>) {
    let sim = Simulation::builder().seed(seed).comparison_bits(24).build();
    let ms = (0..n).map(|i| sim.machine(format!("m{i}"))).collect();
    (sim, ms)
}

fn refs(ms: &[VirtualMachine]) -> Vec<&VirtualMachine> {
    ms.iter().collect()
}

/// x·y among all of `ms`, with machine `who` making `attack` before the product.
fn cheated_product(
    ms: &[VirtualMachine],
    scheme: Scheme,
    who: usize,
    attack: Attack,
) -> SharedScalar {
    let sim = ms[0].simulation().clone();
    let holders = refs(ms);
    let share = |v: i64| {
        let private = PrivateScalar::new(v, &ms[0]);
        match scheme {
            Scheme::Additive => private.share_among(&holders),
            Scheme::Shamir { threshold } => private.share_threshold(&holders, threshold),
        }
    };
    let (x, y) = (share(6), share(7));
    let adversary = sim.adversary();
    match attack {
        Attack::Share => adversary.add_to_share(&ms[who], &x, 1),
        Attack::Mac => adversary.add_to_mac(&ms[who], &x, 1),
        Attack::Opening => adversary.add_to_openings(&ms[who], 1, Openings::Nth(1)),
    }
    &x * &y
}

#[test]
fn a_cheat_before_a_dropout_is_caught_after_it() {
    const TRIALS: u64 = 200;
    let schemes = [Scheme::Additive, Scheme::Shamir { threshold: 1 }];
    for scheme in schemes {
        for attack in ATTACKS {
            for ending in ["output", "retry", "check"] {
                let mut caught = 0;
                for trial in 0..TRIALS {
                    let (sim, ms) = machines(trial, 3);
                    let who = (trial % 3) as usize;
                    let z = cheated_product(&ms, scheme, who, attack);
                    // Two of the three drop out: too few to check anything.
                    let away = [(who + 1) % 3, (who + 2) % 3];
                    ms[away[0]].go_offline();
                    ms[away[1]].go_offline();
                    let while_away = match ending {
                        "check" => sim.check().map(|()| 0),
                        _ => z.reconstruct(&ms[who]).map(|_| 0),
                    };
                    match while_away {
                        Err(Error::NotEnoughOnline { .. }) => {}
                        other => panic!("{scheme:?} {attack:?}: {other:?} while away"),
                    }
                    if ending == "retry" {
                        // Still away: refused again, and nothing is lost.
                        assert!(matches!(
                            z.reconstruct(&ms[who]),
                            Err(Error::NotEnoughOnline { .. })
                        ));
                    }
                    for m in &ms {
                        m.come_online();
                    }
                    let back = match ending {
                        "check" => sim.check().map(|()| 0),
                        _ => z.reconstruct(&ms[who]).map(|_| 0),
                    };
                    if let Err(Error::MacCheckFailed { .. }) = back {
                        caught += 1;
                    }
                    // An abort stops everything: the value never comes out.
                    assert!(matches!(
                        z.reconstruct(&ms[0]),
                        Err(Error::MacCheckFailed { .. })
                    ));
                }
                assert_eq!(caught, TRIALS, "{scheme:?} {attack:?} then {ending}");
            }
        }
    }
}

#[test]
fn a_failed_check_aborts_even_when_another_holder_set_lacks_holders() {
    for trial in 0..200 {
        let (sim, ms) = machines(trial, 4);
        // One set cheats; another, which has openings waiting, loses a holder.
        let cheats = [&ms[0], &ms[1]];
        let other = [&ms[2], &ms[3]];
        let x = PrivateScalar::new(3, &ms[0]).share_among(&cheats);
        let y = PrivateScalar::new(4, &ms[2]).share_among(&other);
        let honest = &y * &y;
        sim.adversary()
            .add_to_openings(&ms[1], 1 + trial, Openings::Every);
        let bad = &x * &x;
        ms[3].go_offline();
        match bad.reconstruct(&ms[0]) {
            Err(Error::MacCheckFailed { suspects, .. }) => assert_eq!(suspects, ["m1"]),
            other => panic!("trial {trial}: {other:?}"),
        }
        // The abort stops the other set too, once its holder is back.
        ms[3].come_online();
        assert!(matches!(
            honest.reconstruct(&ms[2]),
            Err(Error::MacCheckFailed { .. })
        ));
    }
}

#[test]
fn openings_of_different_answering_holders_are_checked_apart() -> Result<(), Error> {
    // One machine away during one product, another during a later one: each product has
    // t + 1 = 2 answering holders, and the outputs check both groups.
    let (sim, ms) = machines(9, 3);
    let holders = refs(&ms);
    let x = PrivateScalar::new(5, &ms[0]).share_threshold(&holders, 1);
    let y = PrivateScalar::new(-8, &ms[1]).share_threshold(&holders, 1);
    ms[1].go_offline();
    let first = &x * &y;
    ms[1].come_online();
    ms[2].go_offline();
    let second = &x * &x;
    // m2 is still away, and only m0 and m2 can check the first product's openings: no
    // output until m2 is back, and nothing waiting is lost meanwhile.
    match second.reconstruct(&ms[1]) {
        Err(Error::NotEnoughOnline { offline, .. }) => assert_eq!(offline, ["m2"]),
        other => panic!("{other:?}"),
    }
    ms[2].come_online();
    assert_eq!(second.reconstruct(&ms[1])?, 25);
    assert_eq!(first.reconstruct(&ms[2])?, -40);
    sim.check()?;
    // A machine away for a product holds no share of it until it is re-shared back in.
    ms[0].go_offline();
    let err = first.reconstruct(&ms[2]).unwrap_err();
    let Error::NotEnoughOnline {
        what,
        missing,
        offline,
        answering,
        needed,
        ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!((*answering, *needed), (1, 2));
    assert_eq!(what, &format!("value #{}", first.number()));
    assert_eq!(
        (missing.clone(), offline.clone()),
        (vec!["m0".to_string(), "m1".into()], vec!["m0".to_string()])
    );
    ms[0].come_online();
    let everyone = first.reshare(&holders, Scheme::Shamir { threshold: 1 });
    ms[0].go_offline();
    assert_eq!(everyone.reconstruct(&ms[1])?, -40);
    Ok(())
}

#[test]
fn the_check_says_which_machines_it_waits_for() {
    let (sim, ms) = machines(4, 3);
    let holders = refs(&ms);
    let x = PrivateScalar::new(5, &ms[0]).share_threshold(&holders, 1);
    ms[2].go_offline();
    let _product = &x * &x; // opened by m0 and m1
    ms[1].go_offline();
    let err = sim.check().unwrap_err();
    let message = err.to_string();
    let Error::NotEnoughOnline {
        what,
        offline,
        answering,
        needed,
        ..
    } = err
    else {
        panic!("{message}");
    };
    assert_eq!((answering, needed), (1, 2));
    assert_eq!(offline, ["m1"], "m2 holds no MAC share of these openings");
    assert!(what.starts_with("the MAC check of 2 openings still waiting (beaver d of #"));
    assert!(!message.contains("#0"), "{message}");
    ms[1].come_online();
    assert_eq!(sim.check(), Ok(()));
}

/// A value of the random schedule, with the positions of the holders of a valid share.
#[derive(Clone)]
enum Value {
    Int(SharedScalar, i64, u32),
    Vector(SharedVector, Vec<i64>, u32),
    Fixed(SharedFixed, f64, u32),
}

impl Value {
    fn valid(&self) -> u32 {
        match self {
            Value::Int(.., v) | Value::Vector(.., v) | Value::Fixed(.., v) => *v,
        }
    }
}

/// Takes a random set of machines offline, keeping at least t + 1 of `valid` online;
/// returns the mask of those online.
fn drop_some(rng: &mut ChaCha12Rng, ms: &[VirtualMachine], t: usize, valid: u32) -> u32 {
    let n = ms.len();
    let mut online: u32 = (0..n)
        .filter(|_| rng.random_bool(0.6))
        .fold(0, |m, k| m | 1 << k);
    while ((online & valid).count_ones() as usize) < t + 1 {
        online |= 1 << rng.random_range(0..n);
    }
    for (k, m) in ms.iter().enumerate() {
        match online >> k & 1 == 1 {
            true => m.come_online(),
            false => m.go_offline(),
        }
    }
    online
}

/// One random schedule: inputs, then products, comparisons, fixed-point products (with
/// truncation), vector products and re-sharings, each run with random machines offline
/// but t + 1 of its operands' holders online, then every value output with everyone back.
/// With `cheat`, one answering machine shifts every opening from a random step on.
/// Returns each output: whether it came out as expected, or the error.
fn schedule(seed: u64, cheat: bool) -> Vec<Result<bool, Error>> {
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    let n = rng.random_range(3..=5);
    let t = rng.random_range(1..n);
    let (sim, ms) = machines(seed, n);
    let holders = refs(&ms);
    let all = (1u32 << n) - 1;
    let scheme = Scheme::Shamir { threshold: t };
    let mut values = Vec::new();
    for k in 0..3 {
        let a = rng.random_range(-30..30);
        let owner = &ms[k % n];
        values.push(Value::Int(
            PrivateScalar::new(a, owner).share_threshold(&holders, t),
            a,
            all,
        ));
    }
    let lanes: Vec<i64> = (0..3).map(|_| rng.random_range(-30..30)).collect();
    let v = PrivateVector::new(lanes.clone(), &ms[1]).share_threshold(&holders, t);
    values.push(Value::Vector(v, lanes, all));
    let f = rng.random_range(-3.0..3.0);
    let shared = PrivateFixed::new(f, &ms[2]).share_threshold(&holders, t);
    values.push(Value::Fixed(shared, f, all));
    let steps = rng.random_range(4..9);
    let cheat_at = rng.random_range(0..steps);
    for step in 0..steps {
        // Operands whose holders of valid shares overlap in at least t + 1 machines.
        let pick = |rng: &mut ChaCha12Rng, small: &dyn Fn(&Value) -> bool, with: u32| {
            let overlap = |v: &Value| (v.valid() & with).count_ones() as usize > t;
            let fits: Vec<usize> = (0..values.len())
                .filter(|&i| small(&values[i]) && overlap(&values[i]))
                .collect();
            fits[rng.random_range(0..fits.len())]
        };
        let two = |rng: &mut ChaCha12Rng, small: &dyn Fn(&Value) -> bool| {
            let i = pick(rng, small, all);
            (i, pick(rng, small, values[i].valid()))
        };
        // Op 4 re-shares, which opens nothing: the cheat goes with another.
        let op = rng.random_range(0..if cheat && step == cheat_at { 4 } else { 5 });
        let (i, j) = match op {
            0 | 1 | 4 => {
                let int = |v: &Value| matches!(v, Value::Int(_, a, _) if a.abs() <= 1000);
                two(&mut rng, &int)
            }
            2 => {
                let vector = |v: &Value| matches!(v, Value::Vector(_, a, _) if a.iter().all(|x| x.abs() <= 1000));
                two(&mut rng, &vector)
            }
            _ => {
                let fixed = |v: &Value| matches!(v, Value::Fixed(_, a, _) if a.abs() <= 4.0);
                two(&mut rng, &fixed)
            }
        };
        let valid = values[i].valid() & values[j].valid();
        if op == 4 {
            // The recovery step: everyone back, the value re-shared to all of them.
            for m in &ms {
                m.come_online();
            }
            if let Value::Int(x, a, _) = &values[i] {
                if let Ok(x) = x.try_reshare(&holders, scheme) {
                    values.push(Value::Int(x, *a, all));
                }
            }
            continue;
        }
        let online = drop_some(&mut rng, &ms, t, valid);
        if cheat && step == cheat_at {
            let answering: Vec<usize> = (0..n).filter(|k| (valid & online) >> k & 1 == 1).collect();
            let who = answering[rng.random_range(0..answering.len())];
            sim.adversary()
                .add_to_openings(&ms[who], 1 + step as u64, Openings::Every);
        }
        let result = match (&values[i], &values[j]) {
            (Value::Int(x, a, _), Value::Int(y, b, _)) if op == 0 => {
                x.try_mul(y).map(|z| Value::Int(z, a * b, valid & online))
            }
            (Value::Int(x, a, _), Value::Int(y, b, _)) => x
                .try_less_than(y)
                .map(|z| Value::Int(z.into_scalar(), i64::from(a < b), valid & online)),
            (Value::Vector(x, a, _), Value::Vector(y, b, _)) => {
                let ab = a.iter().zip(b).map(|(a, b)| a * b).collect();
                x.try_mul(y).map(|z| Value::Vector(z, ab, valid & online))
            }
            (Value::Fixed(x, a, _), Value::Fixed(y, b, _)) => {
                x.try_mul(y).map(|z| Value::Fixed(z, a * b, valid & online))
            }
            _ => unreachable!("operands are picked of one kind"),
        };
        match result {
            Ok(value) => values.push(value),
            // After a cheat, a check inside a step may already have aborted.
            Err(e) if cheat => assert!(matches!(e, Error::MacCheckFailed { .. }), "{e}"),
            Err(e) => panic!("seed {seed}: step {step} refused: {e}"),
        }
    }
    for m in &ms {
        m.come_online();
    }
    let mut outputs = Vec::new();
    for value in &values {
        let to = &ms[rng.random_range(0..n)];
        outputs.push(match value {
            Value::Int(x, a, _) => x.reconstruct(to).map(|v| v == *a),
            Value::Vector(x, a, _) => x.reconstruct(to).map(|v| v == *a),
            Value::Fixed(x, a, _) => x.reconstruct(to).map(|v| (v - a).abs() < 1e-3),
        });
    }
    outputs.push(sim.check().map(|()| true));
    outputs
}

#[test]
fn rolling_dropouts_within_the_threshold_complete_in_honest_runs() {
    for seed in 0..500 {
        for (k, got) in schedule(seed, false).into_iter().enumerate() {
            match got {
                Ok(right) => assert!(right, "seed {seed}: output {k} is wrong"),
                Err(e) => panic!("seed {seed}: a false alarm or a refusal: {e}"),
            }
        }
    }
}

#[test]
fn rolling_dropouts_with_a_cheat_are_caught_in_every_run() {
    for seed in 0..500 {
        for got in schedule(seed, true) {
            match got {
                Err(Error::MacCheckFailed { .. }) => {}
                other => panic!("seed {seed}: after a cheat an output gave {other:?}"),
            }
        }
    }
}
