//! The playground: a template for writing and testing a protocol of your own with the
//! crate's lower-level API. Copy this file, rename the protocol, and change the steps.
//!
//! The protocol here squares a shared value with one *square pair* ([a], [a²]) from the
//! dealer and a single opening, instead of a Beaver triple and two openings:
//!
//! x² = (d + a)² = a² + 2·d·a + d², with d = x − a opened.

use tinyspdz::prelude::*;
use tinyspdz::{Step, TrustedDealer};

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
