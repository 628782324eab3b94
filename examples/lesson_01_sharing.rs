//! Lesson 1: secret sharing, in the teaching field where every number fits in your head.
//!
//! A notebook-style lesson: `// %%` starts a code cell, `// %% [markdown]` a prose cell.
//! Run it with `cargo run --example lesson_01_sharing`; `notebooks/` has it as a Jupyter
//! notebook (generated from this file by `notebooks/generate.py`).

use tinyspdz::prelude::*;

fn main() -> Result<(), Error> {
    // %% [markdown]
    // # Lesson 1: secret sharing
    //
    // Alice wants to give bob and charlie a number without either of them learning it. She
    // splits it into three *shares* that add up to it modulo p = 101, keeping one herself.

    // %%
    let sim = Simulation::builder()
        .field::<F101>()
        .seed(1)
        .semi_honest()
        .build();
    let alice = sim.machine("alice");
    let bob = sim.machine("bob");
    let charlie = sim.machine("charlie");
    let secret = PrivateScalar::new(42, &alice);
    let shared = secret.share(&[&bob, &charlie]);
    println!("{shared}");

    // %% [markdown]
    // Each machine holds one share. Printing a machine shows what it holds: alice has her
    // private 42 and a share; bob and charlie have one share each, random-looking numbers.

    // %%
    println!("{alice}");
    println!("{bob}");
    println!("{charlie}");

    // %% [markdown]
    // The shares add up to the secret modulo 101. Any two of them are uniformly random:
    // for every candidate secret there is exactly one third share that fits.

    // %%
    let shares = shared.shares();
    let sum: F101 = shares.iter().copied().sum();
    println!("sum of the shares = {sum}");
    assert_eq!(sum.to_bigint(), 42.into());

    // %% [markdown]
    // Adding shared values is local: each machine adds its own shares, and nobody sends
    // anything.

    // %%
    let other = PrivateScalar::new(-10, &bob).share(&[&alice, &charlie]);
    sim.reset_costs();
    let total = &shared + &other;
    println!("messages sent for the addition: {}", sim.stats().messages);
    let result = total.reconstruct(&charlie)?;
    println!("charlie learns the total: {result}");
    assert_eq!(result, 32);
    Ok(())
}
