//! Memory of a long computation: 10 million products `x * y` with the scalar API,
//! 3 parties, SPDZ MACs on, the default views, each product dropped as soon as it is made.
//! The peak resident set size is printed before the loop and after 100 k, 1 M and 10 M
//! products: it must not grow with the count.
//!
//! Run with `cargo bench --bench memory`. A shorter run for a quick look:
//! `TINYSPDZ_MEMORY_PRODUCTS=200000 cargo bench --bench memory`. The peak is Linux's
//! `VmHWM` from `/proc/self/status`; elsewhere it is reported as unavailable.
//! `tests/memory.rs` checks the same thing structurally under `cargo test`.

use std::hint::black_box;
use std::time::Instant;

use tinyspdz::prelude::*;

const DEFAULT_PRODUCTS: u64 = 10_000_000;
const CHECKPOINTS: [u64; 3] = [100_000, 1_000_000, 10_000_000];

/// A field of `/proc/self/status` (e.g. `VmHWM`, the peak resident set size), as printed.
fn status(field: &str) -> String {
    let Ok(text) = std::fs::read_to_string("/proc/self/status") else {
        return "unavailable (no /proc/self/status)".to_string();
    };
    text.lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| format!("unavailable (no {field})"))
}

fn report(label: &str, start: Instant, machine: &VirtualMachine) {
    println!(
        "{label:>12}: peak RSS (VmHWM) {:>10}, RSS {:>10}, {:>6.1} s, alice's view keeps {} messages, holds {} values",
        status("VmHWM"),
        status("VmRSS"),
        start.elapsed().as_secs_f64(),
        machine.view().messages.len(),
        machine.holdings().len(),
    );
}

fn main() {
    let count: u64 = match std::env::var("TINYSPDZ_MEMORY_PRODUCTS") {
        Ok(v) => v
            .replace('_', "")
            .parse()
            .expect("TINYSPDZ_MEMORY_PRODUCTS is a number of products"),
        Err(_) => DEFAULT_PRODUCTS,
    };
    let sim = Simulation::with_seed(6);
    let [alice, bob, carol] = ["alice", "bob", "carol"].map(|name| sim.machine(name));
    let x = PrivateScalar::new(6, &alice).share(&[&bob, &carol]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice, &carol]);

    println!("{count} products x * y, 3 parties, MACs on, default views");
    let start = Instant::now();
    report("before", start, &alice);
    for done in 1..=count {
        black_box(&x * &y);
        if CHECKPOINTS.contains(&done) || done == count {
            report(&format!("{done}"), start, &alice);
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!("{:.0} products per second", count as f64 / elapsed);

    assert_eq!(sim.stats().triples, count, "one triple per product");
    let product = (&x * &y).reconstruct(&alice).expect("an honest run");
    assert_eq!(product, 42);
    assert_eq!(sim.check(), Ok(()), "an honest run passes the MAC check");
}
