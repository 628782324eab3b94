//! Memory of a long computation: 10 million products `x * y` with the scalar API,
//! 3 parties, SPDZ MACs on, the default views, each product dropped as soon as it is made.
//! The peak resident set size is printed before the loop and after 100 k, 1 M and 10 M
//! products: it must not grow with the count.
//!
//! Run with `cargo bench --bench memory`. A shorter run for a quick look:
//! `TINYSPDZ_MEMORY_PRODUCTS=200000 cargo bench --bench memory`. The peak is Linux's
//! `VmHWM` from `/proc/self/status`; elsewhere it is reported as unavailable.
//! `tests/memory.rs` checks the same thing structurally under `cargo test`.
//!
//! Then the memory of values kept alive (issue 24, items 3 and 5), in a fresh simulation:
//! one million scalar products held in a `Vec`, then 1,000 products of 1,000-lane vectors
//! (a million lanes), each against the minimum of 2n = 6 field elements (n shares and n MAC
//! shares, 96 bytes in `F127`), as the growth of the resident set (`VmRSS`) divided by the
//! count; and the resident set after they are dropped. Each part runs in a process of its
//! own. glibc keeps freed chunks of scalar size (112 bytes) in its fast bins until a later
//! consolidation, so the resident set after dropping a million scalars says what the
//! allocator keeps, not the store (which keeps its spare buffers within twice the live
//! elements and 1 MiB, and cuts off its free slots).

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

/// `VmRSS` in bytes (0 where it is unavailable).
fn resident() -> u64 {
    let kb = status("VmRSS");
    kb.trim_end_matches(" kB")
        .trim()
        .parse::<u64>()
        .unwrap_or(0)
        * 1024
}

/// The minimum per value: n shares and n MAC shares of 16 bytes, n = 3.
const MINIMUM: f64 = 96.0;

/// Keeps `count` values made by `make` alive, prints the bytes each adds to the resident
/// set, drops them and prints what is left; returns the bytes per value.
fn live<T>(label: &str, count: usize, per: usize, mut make: impl FnMut() -> T) -> f64 {
    let before = resident();
    let held: Vec<T> = (0..count).map(|_| make()).collect();
    let alive = resident();
    let per_value = (alive - before) as f64 / (count * per) as f64;
    drop(black_box(held));
    let after = resident();
    println!(
        "{label}: {per_value:.0} bytes per live value ({:.2} × the minimum of {MINIMUM:.0}); resident {} MiB before, {} MiB alive, {} MiB after dropping them",
        per_value / MINIMUM,
        before >> 20,
        alive >> 20,
        after >> 20,
    );
    per_value
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
    match std::env::var("TINYSPDZ_MEMORY_PART").as_deref() {
        Ok("scalars") => live_scalars(),
        Ok("vectors") => live_vectors(),
        _ => {
            long_run();
            // Each part of live values in a fresh process, so that neither reuses memory
            // the other gave back to the allocator.
            for part in ["scalars", "vectors"] {
                let exe = std::env::current_exe().expect("the bench's own executable");
                let status = std::process::Command::new(exe)
                    .env("TINYSPDZ_MEMORY_PART", part)
                    .status()
                    .expect("the bench runs itself");
                assert!(status.success(), "the part {part} passed");
            }
        }
    }
}

/// Products dropped as soon as they are made: the peak must stay flat.
fn long_run() {
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

/// Three machines and the operands x = 6, y = 7 of the live products.
fn three() -> (Simulation, [VirtualMachine; 3], SharedScalar, SharedScalar) {
    let sim = Simulation::with_seed(7);
    let machines = ["alice", "bob", "carol"].map(|name| sim.machine(name));
    let [alice, bob, carol] = &machines;
    let x = PrivateScalar::new(6, alice).share(&[bob, carol]);
    let y = PrivateScalar::new(7, bob).share(&[alice, carol]);
    (sim, machines, x, y)
}

fn live_scalars() {
    let (sim, [alice, ..], x, y) = three();
    let held = alice.holdings().len();
    live("1,000,000 scalar products", 1_000_000, 1, || &x * &y);
    assert_eq!(alice.holdings().len(), held, "x and y are left");
    assert_eq!(sim.check(), Ok(()), "an honest run passes the MAC check");
}

fn live_vectors() {
    let (sim, [alice, bob, carol], ..) = three();
    let xv = PrivateVector::new(0..1_000, &alice).share(&[&bob, &carol]);
    let yv = PrivateVector::new(1_000..2_000, &bob).share(&[&alice, &carol]);
    let held = alice.holdings().len();
    live("1,000 products of 1,000-lane vectors", 1_000, 1_000, || {
        &xv * &yv
    });
    assert_eq!(alice.holdings().len(), held, "the two vectors are left");
    assert_eq!(sim.check(), Ok(()), "an honest run passes the MAC check");
}
