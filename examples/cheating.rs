//! Cheat and get caught: bob adds 1 to what he sends in one multiplication.
//!
//! Without MACs (semi-honest mode) alice silently gets a wrong answer. With SPDZ's MACs
//! (the default) the MAC check before the output fails, and alice gets an error instead
//! of a number.
//!
//! Run with `cargo run --example cheating`.

use tinyspdz::prelude::*;

/// 6 × 7 with bob shifting his share of d (his first opening) by 1.
fn run(sim: &Simulation) -> Result<PrivateScalar, Error> {
    let alice = sim.machine("alice");
    let bob = sim.machine("bob");
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice]);

    // ANCHOR: cheat
    sim.adversary().add_to_openings(&bob, 1, Openings::Nth(1));
    // ANCHOR_END: cheat
    let product = &x * &y;
    product.reconstruct(&alice)
}

fn main() {
    let honest_but_gullible = Simulation::builder().seed(7).semi_honest().build();
    match run(&honest_but_gullible) {
        Ok(r) => println!("MACs off: alice receives {r}, but 6 × 7 = 42"),
        Err(e) => println!("MACs off: unexpected error: {e}"),
    }

    let spdz = Simulation::with_seed(7);
    match run(&spdz) {
        Ok(r) => println!("MACs on: alice receives {r} (the cheat went unnoticed!)"),
        Err(e) => println!("MACs on: alice receives nothing: {e}"),
    }
    println!("\nWhat it cost with MACs on:\n{}", spdz.ledger());
}
