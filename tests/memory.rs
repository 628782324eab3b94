//! A long computation keeps what it stores bounded: after many products, each dropped,
//! every machine's view holds at most the default 1,000 messages, the machines hold only
//! the values still alive, and the ledger has one line per source line.
//!
//! This is the cheap, structural side of `benchmarks/benches/memory.rs`, which runs 10
//! million products and prints the peak resident set size.

use tinyspdz::prelude::*;

const PRODUCTS: u64 = 20_000;
/// What `Views::default()` keeps per machine.
const DEFAULT_VIEW: usize = 1_000;

#[test]
fn many_products_keep_views_values_and_ledger_bounded() {
    let sim = Simulation::with_seed(6);
    let machines = ["alice", "bob", "carol"].map(|name| sim.machine(name));
    let [alice, bob, carol] = &machines;
    let x = PrivateScalar::new(6, alice).share(&[bob, carol]);
    let y = PrivateScalar::new(7, bob).share(&[alice, carol]);
    let held: Vec<usize> = machines.iter().map(|m| m.holdings().len()).collect();

    for _ in 0..PRODUCTS {
        let _ = &x * &y;
    }

    assert_eq!(sim.stats().triples, PRODUCTS, "one triple per product");
    for (m, before) in machines.iter().zip(held) {
        let view = m.view();
        assert_eq!(view.messages.len(), DEFAULT_VIEW, "{}'s view", m.name());
        assert!(
            view.forgotten >= PRODUCTS * 2,
            "{}'s view forgot the older messages (at least d and e of each product)",
            m.name()
        );
        assert_eq!(
            m.holdings().len(),
            before,
            "{} holds only x and y",
            m.name()
        );
    }
    assert!(
        sim.ledger().lines().len() <= 3,
        "one ledger line per source line, not per product: {}",
        sim.ledger().lines().len()
    );

    let product = (&x * &y).reconstruct(alice).expect("an honest run");
    assert_eq!(product, 42);
    assert_eq!(sim.check(), Ok(()));
}
