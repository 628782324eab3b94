//! The playground: a template for writing and testing a protocol of your own with the
//! crate's lower-level API. Copy this file, rename the protocol, and change the steps.
//!
//! The protocol here squares a shared value with one *square pair* ([a], [a²]) from the
//! dealer and a single opening, instead of a Beaver triple and two openings:
//!
//! x² = (d + a)² = a² + 2·d·a + d², with d = x − a opened.
//!
//! A second protocol, `product_to`, takes material made to order from the dealer
//! (`TrustedDealer::custom`) and sends messages of its own (`VirtualMachine::send`).

use ff::Field;
use tinyspdz::prelude::*;
use tinyspdz::{Message, Step, TrustedDealer};

// ANCHOR: square
/// [x²] from [x] with one square pair and one opening.
fn square(x: &SharedScalar, dealer: &TrustedDealer<F127>) -> Result<SharedScalar, Error> {
    // Step 1: the dealer deals [a] and [a²] among x's holders.
    let [a, a_squared] = dealer.square_pair(&x.holders())?;
    // Step 2: open d = x − a (masked by a, so it says nothing about x). The MAC check
    // comes later, before any output.
    let d = (x - &a).partial_open()?;
    // Step 3: [x²] = [a²] + 2·d·[a] + d² (all local).
    Ok(&a_squared + &a * d * 2 + d * d)
}
// ANCHOR_END: square

#[test]
fn squaring_with_a_square_pair_is_correct_and_cheaper() -> Result<(), Error> {
    for macs in [true, false] {
        let sim = Simulation::builder().seed(4).macs(macs).build();
        let (alice, bob, carol) = (
            sim.machine("alice"),
            sim.machine("bob"),
            sim.machine("carol"),
        );
        for v in [-12i64, 0, 7, 1 << 30] {
            // ANCHOR: use
            let x = PrivateScalar::new(v, &alice).share(&[&bob, &carol]);
            sim.reset_costs();
            let x2 = square(&x, &sim.dealer())?;
            // ANCHOR_END: use
            let mine = sim.stats();
            assert_eq!(mine.opened, 1, "one opening instead of two");
            assert_eq!(mine.triples, 0, "a square pair is not a triple");
            assert_eq!(x2.depth(), 0, "depth counts Beaver multiplications only");

            sim.reset_costs();
            let beaver = &x * &x;
            assert_eq!(sim.stats().opened, 2);
            assert_eq!(x2.reconstruct(&bob)?, (v as i128) * (v as i128));
            assert_eq!(beaver.reconstruct(&bob)?, (v as i128) * (v as i128));
        }
    }
    Ok(())
}

#[test]
fn the_opened_d_is_what_bob_sees_and_the_mac_check_covers_it() -> Result<(), Error> {
    let sim = Simulation::with_seed(8);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateScalar::new(5, &alice).share(&[&bob]);
    // A cheating alice shifts her share of d: the check before the output catches it.
    sim.adversary().add_to_openings(&alice, 3, Openings::Every);
    let x2 = square(&x, &sim.dealer())?;
    assert!(bob.view().messages.iter().any(|m| m.step == Step::Open));
    assert!(matches!(
        x2.reconstruct(&bob),
        Err(Error::MacCheckFailed { .. })
    ));
    Ok(())
}

// ANCHOR: messages
/// A protocol of your own can also send its own messages and take its own material from
/// the dealer. Here a product is opened to one machine only, by hand: the dealer deals a
/// triple made to order, the holders open d and e, and each holder other than `to` sends
/// its share of the product straight to `to`, which adds them up.
fn product_to(x: &SharedScalar, y: &SharedScalar, to: &VirtualMachine) -> Result<F127, Error> {
    let dealer = x.simulation().dealer();
    // Step 1: custom material, a triple drawn from the dealer's randomness.
    let [a, b, c] = dealer.custom(&x.holders(), |rng| {
        let (a, b) = (F127::random(&mut *rng), F127::random(&mut *rng));
        [a, b, a * b]
    })?;
    // Step 2: d and e, opened to all holders (their MACs wait for a check).
    let d = (x - &a).partial_open()?;
    let e = (y - &b).partial_open()?;
    let z = &c + &b * d + &a * e + d * e;
    // Step 3: custom messages, every other holder's share of z to `to`.
    let holders = z.holders();
    let mut sum = F127::ZERO;
    for (holder, share) in holders.iter().zip(z.shares()) {
        if holder != to {
            holder.send(to, share)?;
        }
        sum += share;
    }
    Ok(sum)
}
// ANCHOR_END: messages

#[test]
fn custom_messages_land_in_views_and_the_ledger() -> Result<(), Error> {
    let sim = Simulation::builder().seed(9).views(Views::All).build();
    let [alice, bob, carol] = sim.new_machines(["alice", "bob", "carol"]);
    let x = PrivateScalar::new(6, &alice).share(&[&bob, &carol]);
    let y = PrivateScalar::new(-7, &bob).share(&[&alice, &carol]);
    let before = sim.stats().messages;
    let product = product_to(&x, &y, &carol)?;
    assert_eq!(product, -F127::from(42));
    // What carol received of it: two custom messages, from alice and bob, and the
    // dealer's custom material (three values, with their MAC shares).
    let custom: Vec<Message<F127>> = (carol.view().messages.into_iter())
        .filter(|m| m.step == Step::Custom)
        .collect();
    let from = |who: &str| custom.iter().filter(|m| m.from.to_string() == who).count();
    assert_eq!((from("alice"), from("bob"), from("dealer")), (1, 1, 3));
    // The ledger charged the sending line: 2 custom messages beyond d's and e's 2·6.
    assert_eq!(sim.stats().messages - before, 12 + 2);
    assert_eq!(sim.dealer().triples_dealt(), 0);
    // The replay leaves custom messages out: every honest machine is consistent.
    for m in [&alice, &bob, &carol] {
        assert_eq!(m.replay()?.first_inconsistent, None, "{}", m.name());
    }
    assert_eq!(sim.check(), Ok(()));
    Ok(())
}

#[test]
fn a_custom_message_needs_both_machines_online_and_in_one_simulation() {
    let sim = Simulation::with_seed(1);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let elsewhere = Simulation::with_seed(2).machine("eve");
    assert_eq!(
        alice.send(&elsewhere, F127::ONE),
        Err(Error::SimulationMismatch {
            what: "the sender and the receiver"
        })
    );
    bob.go_offline();
    assert_eq!(
        alice.send(&bob, F127::ONE),
        Err(Error::Offline {
            machine: "bob".to_string()
        })
    );
    assert_eq!(sim.stats().messages, 0, "nothing was sent");
}
