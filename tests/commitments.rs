//! The MAC check's commitments and coin toss: a holder that rushes (reveals σᵢ last,
//! chosen to cancel the others') is caught by its own commitment, and gets a tampered value
//! through only when the check runs without commitments; a holder that withholds its seed
//! aborts everything; and every commitment in a view opens to what was revealed.

mod common;

use common::parties;
use num_bigint::BigInt;
use tinyspdz::prelude::*;
use tinyspdz::protocols::commitment;
use tinyspdz::{Bytes32, Message, Sender, Step};

/// How `rusher` tampers: it adds an offset to what it sends in every opening, then (with
/// `rush`) rushes the MAC check. With `product`, the tampered opening is d of a Beaver product; else the
/// opening of the value itself. Returns the outcome of opening the result to all, and the
/// true result.
fn rushing_run(
    trial: u64,
    commitments: bool,
    rush: bool,
) -> (Result<BigInt, Error>, BigInt, String) {
    let n = 2 + (trial % 4) as usize;
    let builder = Simulation::builder().seed(trial);
    let sim = if commitments {
        builder.build()
    } else {
        builder.mac_check_without_commitments().build()
    };
    let ms = parties(&sim, n);
    let refs: Vec<&VirtualMachine> = ms.iter().collect();
    let rusher = &ms[(trial / 4) as usize % n];
    let (a, b) = (1_000 + trial as i64, 3 + (trial % 7) as i64);
    let x = PrivateScalar::new(a, &ms[0]).share_among(&refs);
    let y = PrivateScalar::new(b, &ms[n - 1]).share_among(&refs);
    let adversary = sim.adversary();
    adversary.add_to_openings(rusher, 1 + trial % 5, Openings::Every);
    if rush {
        adversary.rushes_mac_check(rusher);
    }
    let product = trial % 2 == 1;
    let (result, truth) = if product {
        ((&x * &y).open(), BigInt::from(a * b))
    } else {
        (x.open(), BigInt::from(a))
    };
    let result = result.map(|v| v.value());
    (result, truth, rusher.name().to_string())
}

#[test]
fn a_rushing_holder_is_named_by_its_own_commitment_in_every_trial() {
    for trial in 0..200 {
        let (result, _, rusher) = rushing_run(trial, true, true);
        match result {
            Err(Error::BrokenCommitment {
                machine,
                opening,
                withheld: false,
            }) => {
                assert_eq!(machine, rusher, "trial {trial}");
                assert_eq!(opening, "σᵢ", "trial {trial}");
            }
            other => panic!("trial {trial}: the rusher was not caught: {other:?}"),
        }
    }
}

#[test]
fn without_commitments_the_rushing_holder_gets_a_wrong_value_through_in_every_trial() {
    for trial in 0..200 {
        let (result, truth, _) = rushing_run(trial, false, true);
        let opened = result.unwrap_or_else(|e| panic!("trial {trial}: caught after all: {e}"));
        assert_ne!(
            opened, truth,
            "trial {trial}: the tampering changed nothing"
        );
    }
}

/// The control: without commitments but without rushing, the tampering is still caught,
/// so it is the rushing that gets it through.
#[test]
fn without_commitments_a_tamperer_that_does_not_rush_is_still_caught() {
    for trial in 0..50 {
        let (result, _, _) = rushing_run(trial, false, false);
        assert!(
            matches!(result, Err(Error::MacCheckFailed { .. })),
            "trial {trial}: {result:?}"
        );
    }
}

/// The same attack in a Shamir sharing, where the rusher must cancel the others' σᵢ with
/// Lagrange weights: caught with commitments, through without.
#[test]
fn rushing_in_a_threshold_sharing_is_caught_only_with_commitments() {
    for trial in 0..40u64 {
        for commitments in [true, false] {
            let builder = Simulation::builder().seed(trial);
            let sim = match commitments {
                true => builder.build(),
                false => builder.mac_check_without_commitments().build(),
            };
            let ms = parties(&sim, 5);
            let refs: Vec<&VirtualMachine> = ms.iter().collect();
            let x = PrivateScalar::new(77, &ms[0]).share_threshold(&refs, 2);
            let rusher = &ms[1 + trial as usize % 4];
            sim.adversary().add_to_openings(rusher, 9, Openings::Every);
            sim.adversary().rushes_mac_check(rusher);
            let opened = x.open();
            match (commitments, opened) {
                (true, Err(Error::BrokenCommitment { machine, .. })) => {
                    assert_eq!(machine, rusher.name(), "trial {trial}")
                }
                (false, Ok(v)) => assert_ne!(v, 77, "trial {trial}"),
                (_, other) => panic!("trial {trial}, commitments {commitments}: {other:?}"),
            }
        }
    }
}

/// In a comparison the rusher tampers with the binary openings too: the bits' check, in
/// GF(2⁶⁴), catches it the same way.
#[test]
fn rushing_the_check_of_a_comparison_is_caught() {
    for trial in 0..20u64 {
        let sim = Simulation::with_seed(trial);
        let ms = parties(&sim, 3);
        let refs: Vec<&VirtualMachine> = ms.iter().collect();
        let x = PrivateScalar::new(5, &ms[0]).share_among(&refs);
        let y = PrivateScalar::new(9, &ms[1]).share_among(&refs);
        let rusher = &ms[trial as usize % 3];
        sim.adversary().add_to_openings(rusher, 1, Openings::Every);
        sim.adversary().rushes_mac_check(rusher);
        let result = x.less_than(&y).open();
        assert!(
            matches!(&result, Err(Error::BrokenCommitment { machine, .. }) if machine == rusher.name()),
            "trial {trial}: {result:?}"
        );
    }
}

#[test]
fn a_holder_that_withholds_its_seed_aborts_the_check_and_everything_after() -> Result<(), Error> {
    let sim = Simulation::with_seed(5);
    let [alice, bob, charlie] = common::three_machines(&sim);
    let x = PrivateScalar::new(6, &alice).share(&[&bob, &charlie]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice, &charlie]);
    sim.adversary().withholds_coin_toss(&charlie);
    let error = (&x * &y).open().unwrap_err();
    assert_eq!(
        error,
        Error::BrokenCommitment {
            machine: "charlie".to_string(),
            opening: "coin-toss seed",
            withheld: true,
        }
    );
    assert!(error.to_string().contains("charlie") && error.to_string().contains("withheld"));
    // An abort stops everything: later outputs and openings return the same error.
    assert_eq!(x.open().unwrap_err(), error);
    assert_eq!(x.partial_open().unwrap_err(), error);
    assert_eq!(y.reconstruct(&alice).unwrap_err(), error);
    // charlie's commitment reached the others; its seed never did.
    let steps = |m: &VirtualMachine, step| {
        let from_charlie = |msg: &&Message<F127>| msg.from == Sender::Machine("charlie".into());
        (m.view().messages.iter().filter(from_charlie)).any(|msg| msg.step == step)
    };
    assert!(steps(&alice, Step::CoinCommit) && !steps(&alice, Step::CoinReveal));
    Ok(())
}

/// Every `mac commit` and `coin commit` a machine received is opened by the matching
/// reveal from the same holder, checked with the public hash functions: the bytes in the
/// views are the real commitments.
#[test]
fn every_commitment_in_a_view_opens_to_what_its_holder_revealed() -> Result<(), Error> {
    for seed in 0..10 {
        let sim = Simulation::with_seed(seed);
        let ms = parties(&sim, 4);
        let refs: Vec<&VirtualMachine> = ms.iter().collect();
        let x = PrivateScalar::new(seed as i64, &ms[0]).share_among(&refs);
        assert_eq!((&x * &x).open()?, i128::from(seed * seed));
        for (me, m) in ms.iter().enumerate() {
            let view = m.view();
            let from = |msg: &Message<F127>, step| {
                let Sender::Machine(name) = &msg.from else {
                    return None;
                };
                let k = ms.iter().position(|h| h.name() == name)?;
                (msg.step == step).then_some((k, msg.bytes?, msg.value))
            };
            let pick = |step| -> Vec<(usize, Bytes32, F127)> {
                view.messages
                    .iter()
                    .filter_map(|msg| from(msg, step))
                    .collect()
            };
            let (mac_commits, mac_reveals) = (pick(Step::MacCommit), pick(Step::MacReveal));
            let (coin_commits, coin_reveals) = (pick(Step::CoinCommit), pick(Step::CoinReveal));
            assert_eq!(mac_commits.len(), 3, "machine {me}, seed {seed}");
            assert_eq!(coin_reveals.len(), 3);
            for ((k, c, _), (k2, nonce, sigma)) in mac_commits.iter().zip(&mac_reveals) {
                assert_eq!(k, k2);
                assert_eq!(*c, commitment::to_sigma(*k, nonce, *sigma));
                assert_ne!(
                    *c,
                    commitment::to_sigma(*k, nonce, *sigma + F127::from(1u64))
                );
            }
            for ((k, c, _), (_, s, _)) in coin_commits.iter().zip(&coin_reveals) {
                assert_eq!(*c, commitment::to_seed(*k, s));
            }
        }
    }
    Ok(())
}

/// With commitments a check takes four rounds and 128 bytes per link (a commitment and a
/// seed, a commitment and a nonce); without, two rounds and the seeds' 32 bytes.
#[test]
fn the_commitments_cost_two_rounds_and_their_bytes() -> Result<(), Error> {
    let costs = |commitments: bool| -> Result<Costs, Error> {
        let builder = Simulation::builder().seed(1);
        let sim = match commitments {
            true => builder.build(),
            false => builder.mac_check_without_commitments().build(),
        };
        let ms = parties(&sim, 3);
        let refs: Vec<&VirtualMachine> = ms.iter().collect();
        let x = PrivateScalar::new(4, &ms[0]).share_among(&refs);
        x.partial_open()?;
        let before = sim.stats();
        sim.check()?;
        Ok(sim.stats() - before)
    };
    let (with, without) = (costs(true)?, costs(false)?);
    let links = 3 * 2;
    assert_eq!((with.mac_checks, with.rounds), (1, 4));
    assert_eq!((without.mac_checks, without.rounds), (1, 2));
    assert_eq!(with.messages, 4 * links);
    assert_eq!(without.messages, 2 * links);
    assert_eq!(with.hash_bytes, 4 * 32 * links);
    assert_eq!(without.hash_bytes, 32 * links);
    assert_eq!((with.mac_elements, without.mac_elements), (links, links));
    Ok(())
}

/// A bounded view that has overwritten part of a check's messages still shows the bytes
/// of the part it keeps.
#[test]
fn a_bounded_view_keeps_the_bytes_of_the_check_messages_it_keeps() -> Result<(), Error> {
    let sim = Simulation::builder().seed(3).views(Views::Last(24)).build();
    let ms = parties(&sim, 3);
    let refs: Vec<&VirtualMachine> = ms.iter().collect();
    let x = PrivateScalar::new(4, &ms[0]).share_among(&refs);
    x.partial_open()?;
    sim.check()?; // alice receives 8 messages with bytes, from bob and charlie
    let with_bytes = |m: &&Message<F127>| {
        matches!(
            m.step,
            Step::CoinCommit | Step::CoinReveal | Step::MacCommit | Step::MacReveal
        )
    };
    // Two products bring alice 20 messages: of the check's 8, the oldest 4 are overwritten.
    drop(&x * &x);
    drop(&x * &x);
    let view = ms[0].view();
    let kept: Vec<&Message<F127>> = view.messages.iter().filter(with_bytes).collect();
    assert_eq!(kept.len(), 4, "{view}");
    assert!(kept.iter().all(|m| m.bytes.is_some()), "{view}");
    Ok(())
}
