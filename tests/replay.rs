//! Replaying a machine (`VirtualMachine::replay`): in random computations every honest
//! machine's transcript is consistent, whatever the others did, and each cheating machine
//! is inconsistent at the message where it cheated.

mod common;

use common::parties;
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tinyspdz::prelude::*;
use tinyspdz::{Replay, Step};

/// A simulation that keeps every message, with MACs and commitments as asked (and
/// triples sacrificed for seeds divisible by 7).
fn simulation(seed: u64, macs: bool, commitments: bool) -> Simulation {
    let builder = Simulation::builder()
        .seed(seed)
        .views(Views::All)
        .macs(macs)
        .sacrifice_triples(macs && seed % 7 == 0);
    match commitments {
        true => builder.build(),
        false => builder.mac_check_without_commitments().build(),
    }
}

/// Every machine's replay.
fn replays(ms: &[VirtualMachine]) -> Vec<Replay<F127>> {
    ms.iter().map(|m| m.replay().expect("a replay")).collect()
}

/// A random program over values shared among all of `ms`: inputs from random owners,
/// sums, differences, products, public constants, `+=` and `-=`, comparisons, openings
/// and outputs along the way, then vectors with their products, sums and comparisons,
/// fixed-point products (truncation) and an output to a machine that holds no share.
/// With `threshold`, values are Shamir-shared (their comparisons run in the field, among
/// additive holders in the binary domain), multiplied by BGW too, refreshed and re-shared.
fn random_program(
    ms: &[VirtualMachine],
    rng: &mut ChaCha8Rng,
    threshold: bool,
) -> Result<(), Error> {
    let n = ms.len();
    let refs: Vec<&VirtualMachine> = ms.iter().collect();
    let t = (n - 1) / 2;
    let input = |rng: &mut ChaCha8Rng| {
        let owner = &ms[rng.random_range(0..n)];
        let value = PrivateScalar::new(rng.random_range(-50i64..50), owner);
        match threshold {
            true => value.share_threshold(&refs, t.max(1)),
            false => value.share_among(&refs),
        }
    };
    let mut pool = vec![input(rng), input(rng)];
    for _ in 0..12 {
        let (i, j) = (
            rng.random_range(0..pool.len()),
            rng.random_range(0..pool.len()),
        );
        let (x, y) = (&pool[i], &pool[j]);
        let next = match rng.random_range(0..12) {
            0 => input(rng),
            1 => x + y,
            2 => x - y,
            3 | 4 => x * y,
            5 => 3 * x - 7,
            6 => {
                let mut z = x.clone();
                z += y;
                z -= &pool[0];
                z
            }
            7 => {
                x.open()?;
                x.clone()
            }
            8 => x.less_than(y).as_scalar().clone(),
            9 if threshold && rng.random_bool(0.5) => x.mul_bgw(y),
            9 if threshold => x.reshare(
                &refs,
                Scheme::Shamir {
                    threshold: t.max(1),
                },
            ),
            10 if threshold => {
                let mut z = x.clone();
                z.refresh();
                z
            }
            _ => {
                x.reconstruct(&ms[rng.random_range(0..n)])?;
                x.clone()
            }
        };
        pool.push(next);
    }
    if !threshold {
        let owner = &ms[rng.random_range(0..n)];
        let v = PrivateVector::new(vec![1i64, -2, 3], owner).share_among(&refs);
        let w = PrivateVector::new(vec![4i64, 5, 6], &ms[0]).share_among(&refs);
        (&v * &w).sum().reconstruct(&ms[n - 1])?;
        v.less_than(&w).open()?;
        let a = PrivateFixed::new(1.5, &ms[0]).share_among(&refs);
        let b = PrivateFixed::new(-2.25, &ms[n - 1]).share_among(&refs);
        (&a * &b).reconstruct(&ms[0])?;
        if n >= 3 {
            // An output to a machine that holds no share.
            let x = PrivateScalar::new(5, &ms[0]).share_among(&refs[..n - 1]);
            let y = PrivateScalar::new(-3, &ms[1]).share_among(&refs[..n - 1]);
            (&x * &y).reconstruct(&ms[n - 1])?;
        }
    }
    let last = pool.last().expect("a value");
    if last.holders().len() == n {
        last.reconstruct(&ms[0])?;
    }
    Ok(())
}

#[test]
fn honest_machines_are_consistent_in_random_computations() {
    for trial in 0..40u64 {
        let n = 2 + (trial % 4) as usize;
        let (macs, commitments) = (trial % 5 != 4, trial % 3 != 2);
        let sim = simulation(trial, macs, commitments);
        let ms = parties(&sim, n);
        let mut rng = ChaCha8Rng::seed_from_u64(trial);
        random_program(&ms, &mut rng, false).expect("an honest run");
        for replay in replays(&ms) {
            assert!(replay.is_consistent(), "trial {trial}: {replay}");
            assert!(replay.checked > 0, "trial {trial}: {replay}");
        }
    }
}

#[test]
fn honest_machines_are_consistent_with_shamir_sharing_bgw_and_re_sharing() {
    for trial in 0..12u64 {
        let n = 3 + (trial % 3) as usize;
        let sim = simulation(100 + trial, true, true);
        let ms = parties(&sim, n);
        let mut rng = ChaCha8Rng::seed_from_u64(trial);
        random_program(&ms, &mut rng, true).expect("an honest run");
        for replay in replays(&ms) {
            assert!(replay.is_consistent(), "trial {trial}: {replay}");
        }
    }
}

/// The attacks, each with the step of the first message the cheater gets wrong.
#[derive(Debug, Clone, Copy)]
enum Attack {
    /// Adds to its stored share of x before x·y: its share of d = x − a is off.
    Share,
    /// Adds to its MAC share of x before x is opened: its σᵢ is off (and so is its
    /// commitment to it, when there is one).
    Mac,
    /// Adds to what it sends in its first opening: its share of d.
    Opening,
    /// Shifts x's opening, then rushes the check (its revealed σᵢ is not its own either).
    Rush,
    /// Withholds its coin-toss seed: it sends nothing.
    Withhold,
    /// Knows α (the dealer leaked it) and forges x by δ with a matching MAC share: the
    /// check passes, and its share of x as opened is off.
    Forge,
}

/// Runs `attack` by `ms[cheater]` on a product and an opening of x.
fn attacked_run(ms: &[VirtualMachine], sim: &Simulation, attack: Attack, cheater: usize) {
    let refs: Vec<&VirtualMachine> = ms.iter().collect();
    let x = PrivateScalar::new(11, &ms[0]).share_among(&refs);
    let y = PrivateScalar::new(-4, &ms[ms.len() - 1]).share_among(&refs);
    let adversary = sim.adversary();
    let bad = &ms[cheater];
    match attack {
        Attack::Share => adversary.add_to_share(bad, &x, 5),
        Attack::Mac => adversary.add_to_mac(bad, &x, 5),
        Attack::Opening => adversary.add_to_openings(bad, 5, Openings::Nth(1)),
        Attack::Rush => {
            adversary.add_to_openings(bad, 5, Openings::Every);
            adversary.rushes_mac_check(bad);
        }
        Attack::Withhold => adversary.withholds_coin_toss(bad),
        Attack::Forge => {
            let alpha = adversary.dealer_leaks_mac_key(bad);
            adversary.add_to_share(bad, &x, 5);
            adversary.add_to_mac(bad, &x, alpha * F127::from(5u64));
        }
    }
    let z = match attack {
        Attack::Mac | Attack::Rush | Attack::Forge => x.clone(),
        _ => &x * &y,
    };
    let opened = z.open(); // caught, or (a forgery, rushing without commitments) not
    if let Attack::Forge = attack {
        assert_eq!(opened.expect("the forgery passes").value(), 16.into());
    }
}

#[test]
fn each_cheating_machine_is_inconsistent_at_its_cheat_and_only_it() {
    let attacks = [
        Attack::Share,
        Attack::Mac,
        Attack::Opening,
        Attack::Rush,
        Attack::Withhold,
        Attack::Forge,
    ];
    for trial in 0..72u64 {
        let attack = attacks[(trial % 6) as usize];
        let n = 2 + (trial / 6 % 4) as usize;
        let commitments = trial / 24 % 3 != 2;
        let cheater = (trial / 3) as usize % n;
        let sim = simulation(trial, true, commitments);
        let ms = parties(&sim, n);
        attacked_run(&ms, &sim, attack, cheater);
        let expected = match attack {
            // With triples sacrificed, its first opening is ρ of the sacrifice.
            Attack::Opening if trial % 7 == 0 => (Step::Sacrifice, 5, true), // x·y is #5
            Attack::Share | Attack::Opening => (Step::BeaverD, 5, true),
            Attack::Mac if commitments => (Step::MacCommit, 0, true),
            Attack::Mac => (Step::MacReveal, 0, true),
            // Its shifted opening of x (the clone, #5) comes first; rushing alone, with
            // nothing shifted, would reveal exactly its own σᵢ.
            Attack::Rush => (Step::Open, 5, true),
            Attack::Withhold => (Step::CoinReveal, 0, false),
            Attack::Forge => (Step::Open, 5, true),
        };
        for (k, replay) in replays(&ms).into_iter().enumerate() {
            let what = format!("trial {trial}, {attack:?} by {cheater} of {n}: {replay}");
            if k != cheater {
                assert!(replay.is_consistent(), "{what}");
                continue;
            }
            let wrong = replay.first_inconsistent.expect(&what);
            assert_eq!(
                (wrong.step, wrong.about, wrong.sent.is_some()),
                expected,
                "{what}"
            );
            assert_ne!(wrong.sent, Some(wrong.computed), "{what}");
        }
    }
}

#[test]
fn a_machine_that_dropped_out_and_came_back_is_consistent() {
    let sim = simulation(7, true, true);
    let ms = parties(&sim, 5);
    let refs: Vec<&VirtualMachine> = ms.iter().collect();
    let x = PrivateScalar::new(3, &ms[0]).share_threshold(&refs, 2);
    let y = PrivateScalar::new(4, &ms[1]).share_threshold(&refs, 2);
    ms[4].go_offline();
    let z = &x * &y + &x;
    assert_eq!(z.open().expect("three of five answer").value(), 15.into());
    ms[4].come_online();
    let w = PrivateScalar::new(5, &ms[4]).share_threshold(&refs, 2);
    (&w * &x).reconstruct(&ms[2]).expect("all answer");
    for replay in replays(&ms) {
        assert!(replay.is_consistent(), "{replay}");
    }
}

#[test]
fn the_replay_needs_every_message_and_comparisons_in_f127() {
    let sim = Simulation::with_seed(1);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    x.open().expect("honest");
    let Err(Error::CannotReplay { machine, reason }) = alice.replay() else {
        panic!("a bounded view cannot be replayed");
    };
    assert_eq!(machine, "alice");
    assert!(reason.contains("Views::All"), "{reason}");

    // The binary domain's 64-bit words do not travel whole in a field of 61 bits.
    let sim = Simulation::builder()
        .field::<F61>()
        .seed(2)
        .views(Views::All)
        .comparison_bits(16)
        .build();
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = PrivateScalar::new(9, &bob).share(&[&alice]);
    assert!(x.less_than(&y).reconstruct(&alice).expect("honest"));
    let Err(Error::CannotReplay { reason, .. }) = bob.replay() else {
        panic!("the binary domain in F61 is not followed");
    };
    assert!(reason.contains("F127"), "{reason}");
}

#[test]
fn the_report_reads_as_a_sentence() {
    let sim = simulation(1, true, true);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice]);
    sim.adversary().add_to_share(&bob, &x, 1);
    assert!((&x * &y).reconstruct(&alice).is_err());
    let (a, b) = (
        alice.replay().expect("a replay"),
        bob.replay().expect("a replay"),
    );
    // To bob: ε of x, d and e, x·y − r, the seed's commitment and the seed, σ's
    // commitment and σ.
    assert_eq!(a.checked, 8);
    assert!(
        a.to_string()
            .starts_with("alice: consistent (8 message(s) sent"),
        "{a}"
    );
    let wrong = b.first_inconsistent.as_ref().expect("bob cheated");
    let sent = wrong.sent.expect("bob sent his share of d").value;
    assert_eq!(sent - wrong.computed.value, F127::from(1u64));
    assert!(
        b.to_string()
            .contains("inconsistent at beaver d #5 to alice"),
        "{b}"
    );
}
