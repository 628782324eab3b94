//! Snapshots of a seeded three-party run: what alice holds, what she saw, and the ledger.
//!
//! A seeded simulation prints byte-identical output on every run, so any change to shares,
//! views, costs or formatting shows up here. The ledger names this file's lines
//! (`snapshots.rs:LINE`): moving the code of `run` changes the ledger snapshots. Update
//! the snapshots with `INSTA_UPDATE=always cargo test --test snapshots` and review the
//! diff of `tests/snapshots/`.

use num_bigint::BigInt;
use tinyspdz::prelude::*;
use tinyspdz::{Sender, Step, View};

/// What one run shows.
struct Run {
    sim: Simulation,
    alice: VirtualMachine,
    result: PrivateScalar,
    /// a, b, c and the output, kept alive: alice holds shares of them.
    values: [SharedScalar; 4],
}

/// TinySMPC's three-party example: a = 25 (alice), b = 50 (bob), c = 10 (charlie),
/// (a·b) − 5·(a + c) reconstructed to alice.
fn run(sim: Simulation) -> Result<Run, Error> {
    let alice = sim.machine("alice");
    let bob = sim.machine("bob");
    let charlie = sim.machine("charlie");

    let a = PrivateScalar::new(25, &alice).share(&[&bob, &charlie]);
    let b = PrivateScalar::new(50, &bob).share(&[&alice, &charlie]);
    let c = PrivateScalar::new(10, &charlie).share(&[&alice, &bob]);

    let out = (&a * &b) - 5 * (&a + &c);
    let result = out.reconstruct(&alice)?;

    Ok(Run {
        sim,
        alice,
        result,
        values: [a, b, c, out],
    })
}

/// The checks that do not depend on the protocol's mode.
fn check_common(run: &Run) -> View<F127> {
    // The result, derived independently.
    let want = 25 * 50 - 5 * (25 + 10);
    assert_eq!(want, 1075);
    assert_eq!(run.result, want);
    assert_eq!(run.result.value(), BigInt::from(want));
    assert_eq!(run.result.owner(), &run.alice);

    // What alice holds: her result, and her shares of a, b, c and the output.
    let listing = run.alice.to_string();
    assert!(
        listing.contains("PrivateScalar(1075, 'alice')"),
        "{listing}"
    );
    for x in &run.values {
        let line = format!("#{} share among (alice, bob, charlie)", x.number());
        assert!(listing.contains(&line), "{listing}");
    }

    // One multiplication: one triple, and the other two holders' d and e shares.
    let view = run.alice.view();
    let count = |step: Step| view.messages.iter().filter(|m| m.step == step).count();
    assert_eq!(count(Step::TripleA), 1);
    assert_eq!(count(Step::TripleB), 1);
    assert_eq!(count(Step::TripleC), 1);
    assert_eq!(count(Step::BeaverD), 2);
    assert_eq!(count(Step::BeaverE), 2);
    assert_eq!(count(Step::Reconstruct), 2, "bob and charlie each send one");
    assert_eq!(view.forgotten, 0);
    let from_self = Sender::Machine("alice".into());
    assert!(view.messages.iter().all(|m| m.from != from_self));
    let header = format!("alice received {} message(s):", view.messages.len());
    assert!(view.to_string().starts_with(&header), "{view}");

    let ledger = run.sim.ledger();
    assert_eq!(ledger.total().triples, 1);
    assert_eq!(run.sim.stats().triples, 1);
    assert_eq!(run.sim.dealer().triples_dealt(), 1);
    assert_eq!(ledger.total(), run.sim.stats());
    assert!(ledger.lines().iter().all(|l| l.location.file() == file!()));
    // Three inputs, the product line, the output line.
    assert_eq!(ledger.lines().len(), 5, "{ledger}");
    view
}

#[test]
fn three_party_run_semi_honest() -> Result<(), Error> {
    let run = run(Simulation::builder().seed(2024).semi_honest().build())?;
    let view = check_common(&run);

    insta::assert_snapshot!("semi_honest_alice_listing", run.alice.to_string());

    // Alice saw the shares of bob's and charlie's inputs, one triple (a, b, c), the
    // others' d and e shares, and the others' shares of the output: 2 + 3 + 4 + 2.
    let inputs = view.messages.iter().filter(|m| m.step == Step::InputShare);
    assert_eq!(inputs.count(), 2);
    assert_eq!(view.messages.len(), 2 + 3 + 4 + 2);
    insta::assert_snapshot!("semi_honest_alice_view", view.to_string());

    let stats = run.sim.stats();
    assert_eq!(stats.opened, 2 + 1, "d and e, then the output");
    assert_eq!(
        stats.rounds,
        3 + 1 + 1,
        "three inputs, one product, one output"
    );
    let ledger = run.sim.ledger();
    insta::assert_snapshot!("semi_honest_ledger", ledger.to_string());
    insta::assert_snapshot!("semi_honest_ledger_markdown", ledger.to_markdown());
    insta::assert_snapshot!("semi_honest_stats", format!("{stats}\n{stats:#?}"));
    Ok(())
}

#[test]
fn three_party_run_with_macs() -> Result<(), Error> {
    let run = run(Simulation::with_seed(2024))?;
    assert!(run.sim.macs(), "MACs are on by default");
    let view = check_common(&run);

    insta::assert_snapshot!("macs_alice_listing", run.alice.to_string());
    insta::assert_snapshot!("macs_alice_view", view.to_string());
    let stats = run.sim.stats();
    let ledger = run.sim.ledger();
    insta::assert_snapshot!("macs_ledger", ledger.to_string());
    insta::assert_snapshot!("macs_ledger_markdown", ledger.to_markdown());
    insta::assert_snapshot!("macs_stats", format!("{stats}\n{stats:#?}"));
    Ok(())
}

#[test]
fn seeded_runs_are_reproducible() -> Result<(), Error> {
    let run = |seed: u64| -> Result<(String, String, String), Error> {
        let sim = Simulation::with_seed(seed);
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let a = PrivateScalar::new(6, &alice).share(&[&bob]);
        let b = PrivateScalar::new(7, &bob).share(&[&alice]);
        let _ = (&a * &b).reconstruct(&bob)?;
        Ok((alice.to_string(), bob.view().to_string(), a.to_string()))
    };
    assert_eq!(run(7)?, run(7)?, "the same seed gives the same run");
    assert_ne!(run(7)?.0, run(8)?.0, "another seed gives other shares");
    Ok(())
}
