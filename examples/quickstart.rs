//! The first steps: private values, shares, an expression over shares, the result.
//!
//! Run with `cargo run --example quickstart`.

use tinyspdz::prelude::*;

fn main() -> Result<(), Error> {
    // ANCHOR: two_parties
    // Two parties (MicroSMPC's README example).
    let alice = VirtualMachine::new("alice");
    let bob = VirtualMachine::new("bob");
    let a = PrivateScalar::new(25, &alice);
    let b = PrivateScalar::new(50, &bob);
    let shared_a = a.share(&[&bob]); // alice keeps one share, bob gets one
    let shared_b = b.share(&[&alice]);
    let out = &shared_a * &shared_b - 5 * (&shared_a + &shared_b);
    let r = out.reconstruct(&alice)?;
    println!("{r}"); // PrivateScalar(875, 'alice')
    // ANCHOR_END: two_parties
    assert_eq!(r, 875);

    three_parties()
}

/// TinySMPC's three-party example, in a seeded simulation so the output is the same on
/// every run.
fn three_parties() -> Result<(), Error> {
    // ANCHOR: three_parties
    let sim = Simulation::with_seed(2024);
    let alice = sim.machine("alice");
    let bob = sim.machine("bob");
    let charlie = sim.machine("charlie");

    let a = PrivateScalar::new(25, &alice).share(&[&bob, &charlie]);
    let b = PrivateScalar::new(50, &bob).share(&[&alice, &charlie]);
    let c = PrivateScalar::new(10, &charlie).share(&[&alice, &bob]);

    let out = (&a * &b) - 5 * (&a + &c);
    let r = out.reconstruct(&alice)?;
    println!("\n(a*b) - 5*(a+c) = {r}");
    // ANCHOR_END: three_parties
    assert_eq!(r, 1075);

    println!("\nWhat alice holds now:\n{alice}");
    println!(
        "What alice saw (every message she received):\n{}",
        alice.view()
    );
    println!("What it cost, line by line:\n{}", sim.ledger());
    Ok(())
}
