//! Lesson 2: multiplication with a Beaver triple, and what everybody saw.
//!
//! A notebook-style lesson: `// %%` starts a code cell, `// %% [markdown]` a prose cell.
//! Run it with `cargo run --example lesson_02_multiplication`.

use tinyspdz::prelude::*;

fn main() -> Result<(), Error> {
    // %% [markdown]
    // # Lesson 2: multiplication
    //
    // Multiplying shares needs help: a *triple* (a, b, c = ab) from the trusted dealer.
    // The machines open d = x − a and e = y − b, random numbers, and compute
    // x·y = c + d·b + e·a + d·e on their shares.

    // %%
    let sim = Simulation::builder()
        .field::<F101>()
        .seed(2)
        .semi_honest()
        .build();
    let alice = sim.machine("alice");
    let bob = sim.machine("bob");
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice]);
    let (product, transcript) = sim.capture(|| &x * &y);
    println!("{transcript}");

    // %% [markdown]
    // The transcript lists every message: the dealer's shares of a, b and c, then each
    // machine's shares of d and e. As a diagram (paste it into any Mermaid viewer):

    // %%
    println!("{}", transcript.to_mermaid());

    // %% [markdown]
    // Bob's view is everything he received. None of it depends on alice's 6.

    // %%
    println!("{}", bob.view());
    let result = product.reconstruct(&alice)?;
    println!("alice learns {result}");
    assert_eq!(result, 42);

    // %% [markdown]
    // And the bill, line by line:

    // %%
    println!("{}", sim.ledger());
    assert_eq!(sim.stats().triples, 1);
    Ok(())
}
