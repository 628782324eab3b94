//! Attacks that explain why SPDZ is built as it is: a dealer that reuses a triple leaks
//! x − x′ to every holder, from its own view; a machine that knows α forges outputs the
//! MAC check accepts. Each over many seeds, beside the honest case it is measured against.

mod common;

use common::parties;
use num_bigint::BigInt;
use tinyspdz::prelude::*;
use tinyspdz::{Sender, Step};

/// splitmix64, for reproducible secrets without a dependency.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What `machine` can compute from its own share of x and x′ and what it received in the
/// openings of d in two products: its share of x − x′, plus the others' d − d′.
fn leak_seen_by(
    machine: &VirtualMachine,
    position: usize,
    (x, x2): (&SharedScalar, &SharedScalar),
) -> F127 {
    let d: Vec<(u64, F127)> = (machine.view().messages.iter())
        .filter(|m| m.step == Step::BeaverD && matches!(m.from, Sender::Machine(_)))
        .map(|m| (m.about, m.value))
        .collect();
    let first = d[0].0;
    let own = x.shares()[position] - x2.shares()[position];
    d.iter().fold(own, |acc, &(about, v)| match about == first {
        true => acc + v,
        false => acc - v,
    })
}

/// Two products x·y and x′·y of bob's secrets x, x′ among n holders, triple 1 reused or
/// not; returns alice's computed leak and the true x − x′.
fn two_products(seed: u64, n: usize, reuse: bool) -> Result<(F127, F127), Error> {
    let sim = Simulation::with_seed(seed);
    let ms = parties(&sim, n);
    if reuse {
        sim.adversary().dealer_reuses_triple(Openings::Nth(1));
    }
    let refs: Vec<&VirtualMachine> = ms.iter().collect();
    let (a, b) = ((mix(seed) >> 2) as i64, (mix(seed + 1) >> 2) as i64);
    let x = PrivateScalar::new(a, &ms[1]).share_among(&refs);
    let x2 = PrivateScalar::new(b, &ms[1]).share_among(&refs);
    let y = PrivateScalar::new(7, &ms[0]).share_among(&refs);
    let (p, q) = (&x * &y, &x2 * &y);
    // The results stay right: the harm is to privacy alone.
    assert_eq!(p.open()?, i128::from(a) * 7);
    assert_eq!(q.open()?, i128::from(b) * 7);
    let truth = F127::from(a as u64) - F127::from(b as u64); // a, b ≥ 0
    Ok((leak_seen_by(&ms[0], 0, (&x, &x2)), truth))
}

#[test]
fn a_reused_triple_shows_every_holder_the_difference_of_the_secrets() -> Result<(), Error> {
    for seed in 0..60 {
        let n = 2 + (seed as usize % 4);
        let (leak, truth) = two_products(seed, n, true)?;
        assert_eq!(leak, truth, "seed {seed}, {n} holders");
    }
    Ok(())
}

#[test]
fn fresh_triples_show_nothing_of_the_kind() -> Result<(), Error> {
    for seed in 0..60 {
        let n = 2 + (seed as usize % 4);
        let (leak, truth) = two_products(seed, n, false)?;
        assert_ne!(leak, truth, "seed {seed}, {n} holders");
    }
    Ok(())
}

/// A forgery by bob of δ on alice's input x among n holders, with the true α (leaked) or a
/// guess of it; returns what alice reconstructs.
fn forge(seed: u64, n: usize, leaked: bool) -> (i64, Result<BigInt, Error>) {
    let sim = Simulation::with_seed(seed);
    let ms = parties(&sim, n);
    let refs: Vec<&VirtualMachine> = ms.iter().collect();
    let secret = (mix(seed) >> 40) as i64;
    let delta = 1 + (mix(seed + 7) >> 44) as i64;
    let x = PrivateScalar::new(secret, &ms[0]).share_among(&refs);
    let adversary = sim.adversary();
    let alpha = match leaked {
        true => adversary.dealer_leaks_mac_key(&ms[1]),
        false => F127::from(mix(seed + 3)), // the best bob can do: guess
    };
    adversary.add_to_share(&ms[1], &x, delta);
    adversary.add_to_mac(&ms[1], &x, alpha * F127::from(delta as u64));
    let out = x.reconstruct(&ms[0]).map(|v| v.value());
    (secret + delta, out)
}

#[test]
fn a_machine_that_knows_alpha_forges_what_the_check_accepts() {
    for seed in 0..200 {
        let n = 2 + (seed as usize % 4);
        let (forged, out) = forge(seed, n, true);
        let got = out.unwrap_or_else(|e| panic!("seed {seed}: the forgery was caught: {e}"));
        assert_eq!(got, BigInt::from(forged), "seed {seed}, {n} holders");
    }
}

#[test]
fn a_machine_that_guesses_alpha_is_caught() {
    for seed in 0..200 {
        let n = 2 + (seed as usize % 4);
        let (_, out) = forge(seed, n, false);
        assert!(
            matches!(out, Err(Error::MacCheckFailed { .. })),
            "seed {seed}: {out:?}"
        );
    }
}

#[test]
fn the_leaked_key_is_in_the_machines_view_and_refused_without_macs() {
    let sim = Simulation::with_seed(4);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let alpha = sim.adversary().dealer_leaks_mac_key(&bob);
    let last = bob.view().messages.last().cloned().expect("bob received α");
    assert_eq!(
        (last.from, last.step, last.value),
        (Sender::Dealer, Step::MacKey, alpha)
    );
    assert!(alice.view().messages.is_empty());

    let plain = Simulation::builder().seed(4).macs(false).build();
    let carol = plain.machine("carol");
    assert!(matches!(
        plain.adversary().try_dealer_leaks_mac_key(&carol),
        Err(Error::NoMacKey)
    ));
    assert!(matches!(
        sim.adversary().try_dealer_leaks_mac_key(&carol),
        Err(Error::SimulationMismatch { .. })
    ));
    assert!(matches!(
        sim.adversary().try_dealer_reuses_triple(Openings::Nth(0)),
        Err(Error::NthZero)
    ));
}
