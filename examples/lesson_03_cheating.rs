//! Lesson 3: a cheater, with and without SPDZ's MACs.
//!
//! A notebook-style lesson: `// %%` starts a code cell, `// %% [markdown]` a prose cell.
//! Run it with `cargo run --example lesson_03_cheating`.

use tinyspdz::prelude::*;

fn main() -> Result<(), Error> {
    // %% [markdown]
    // # Lesson 3: catching a cheater
    //
    // Bob adds 5 to his share of d in a multiplication. Without MACs, the answer is
    // silently wrong.

    // %%
    let plain = Simulation::builder().seed(3).semi_honest().build();
    let alice = plain.machine("alice");
    let bob = plain.machine("bob");
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice]);
    plain.adversary().add_to_openings(&bob, 5, Openings::Nth(1));
    let wrong = (&x * &y).reconstruct(&alice)?;
    println!("without MACs alice gets {wrong}");
    assert_eq!(wrong, 42 + 5 * 7);

    // %% [markdown]
    // With MACs (the default), every value carries a second sharing of α·x under a key α
    // nobody knows. The MAC check before the output notices the shift.

    // %%
    let spdz = Simulation::with_seed(3);
    let alice = spdz.machine("alice");
    let bob = spdz.machine("bob");
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice]);
    spdz.adversary().add_to_openings(&bob, 5, Openings::Nth(1));
    let caught = (&x * &y).reconstruct(&alice);
    println!("with MACs alice gets {caught:?}");
    assert!(matches!(caught, Err(Error::MacCheckFailed { .. })));

    // %% [markdown]
    // What the protection cost: compare the two ledgers.

    // %%
    println!("without MACs: {}", plain.stats());
    println!("with MACs:    {}", spdz.stats());
    Ok(())
}
