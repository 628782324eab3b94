//! The binary domain inside comparisons: XOR-shared bits with 64-bit MACs, edaBits and
//! daBits. Where it runs, what it costs, that cheating in it is caught, and that what it
//! opens does not depend on the secrets.

use tinyspdz::prelude::*;
use tinyspdz::{Sender, Step};

mod common;

use common::alice_bob_carol;

/// alice, bob and carol, and alice's secrets as a vector shared with bob and carol.
fn shared_by_alice(sim: &Simulation, secrets: Vec<i64>) -> (SharedVector, [VirtualMachine; 3]) {
    let m = alice_bob_carol(sim);
    let x = PrivateVector::new(secrets, &m[0]).share(&[&m[1], &m[2]]);
    (x, m)
}

#[test]
fn additive_comparisons_run_in_binary_and_shamir_or_sacrificing_ones_in_the_field()
-> Result<(), Error> {
    let secrets = vec![-7, 0, 12, -1, 900];
    let expected = [1, 0, 0, 1, 0];
    // Additive, MACs on and off: bits between machines, the same answers.
    for sim in [
        Simulation::with_seed(1),
        Simulation::builder().seed(1).semi_honest().build(),
    ] {
        let (x, _) = shared_by_alice(&sim, secrets.clone());
        sim.reset_costs();
        let below = x.less_than(0);
        let costs = sim.stats();
        assert!(costs.bits > 0 && costs.dealer_bits > 0, "{costs}");
        assert_eq!(below.open()?, expected);
    }
    // Shamir sharing and sacrificed triples: BitLT in the field, no bits.
    let sacrificing = Simulation::builder()
        .seed(2)
        .sacrifice_triples(true)
        .build();
    let (x, _) = shared_by_alice(&sacrificing, secrets.clone());
    sacrificing.reset_costs();
    let below = x.less_than(0);
    assert_eq!(sacrificing.stats().bits, 0);
    assert_eq!(below.open()?, expected);
    let sim = Simulation::with_seed(3);
    let m = alice_bob_carol(&sim);
    let x = PrivateVector::new(secrets, &m[0]).share_threshold(&[&m[1], &m[2]], 1);
    sim.reset_costs();
    let below = x.less_than(0);
    assert_eq!(sim.stats().bits, 0);
    assert_eq!(below.open()?, expected);
    Ok(())
}

#[test]
fn a_flipped_bit_in_a_binary_opening_is_caught() {
    let sim = Simulation::with_seed(4);
    let (x, m) = shared_by_alice(&sim, vec![5, -5, 40]);
    // Carol's openings 1–3 are the masked c's lanes; 4–6 the first AND's e: flip lane 1.
    sim.adversary().add_to_openings(&m[2], 1, Openings::Nth(5));
    let below = x.less_than(0);
    let err = below.open().expect_err("the MAC check must fail");
    let Error::MacCheckFailed {
        values, suspects, ..
    } = err
    else {
        panic!("expected a MAC check failure, got {err}");
    };
    assert_eq!(suspects, ["carol"]);
    assert!(
        values.iter().any(|v| v.starts_with("bit and e of #")),
        "{values:?}"
    );
}

#[test]
fn without_macs_a_flipped_bit_goes_unnoticed() -> Result<(), Error> {
    let sim = Simulation::builder().seed(5).semi_honest().build();
    let (x, m) = shared_by_alice(&sim, (-32..32).collect());
    // Bob flips every bit he sends in the binary domain, and his share of c.
    sim.adversary().add_to_openings(&m[1], 1, Openings::Every);
    let below = x.less_than(0).open()?;
    let honest: Vec<i64> = (-32..32).map(|v| i64::from(v < 0)).collect();
    assert_ne!(
        below, honest,
        "some answers come out wrong, and nobody notices"
    );
    Ok(())
}

#[test]
fn bits_opened_in_a_vector_comparison_look_uniform_whatever_the_secrets() {
    // Bob's view of alice's binary openings packs 64 lanes into each message. If the
    // openings depended on the secrets, the share of ones would drift from ½; with
    // 63 × 2 048 bits, 4 standard deviations are about 0.0055.
    for secret in [0i64, -1_000_000_007] {
        let sim = Simulation::builder().seed(6).views(Views::All).build();
        let (x, m) = shared_by_alice(&sim, vec![secret; 2_048]);
        let before = m[1].view().messages.len();
        let _ = x.less_than(17);
        let (mut ones, mut words) = (0u32, 0u32);
        for msg in &m[1].view().messages[before..] {
            if matches!(msg.step, Step::BitAndE | Step::BitConvert)
                && msg.from == Sender::Machine("alice".into())
            {
                ones += (msg.value.to_u128() as u64).count_ones();
                words += 1;
            }
        }
        assert_eq!(words, 63 * 2_048 / 64, "32 words of 64 lanes per opening");
        let share = f64::from(ones) / f64::from(words * 64);
        assert!((share - 0.5).abs() < 0.0055, "secret {secret}: {share}");
    }
}

#[test]
fn a_seeded_binary_comparison_is_deterministic() {
    let run = || {
        let sim = Simulation::with_seed(7);
        let (x, m) = shared_by_alice(&sim, vec![3, -3]);
        let _ = x.less_than(1);
        (sim.stats(), format!("{:?}", m[2].view().messages))
    };
    assert_eq!(run(), run());
}
