//! The inputs of the workloads W1–W5 (the seeded parties, the values W1–W4 share and their
//! expected results, the README example of W5), shared by `benchmarks/benches/workloads.rs` and
//! `benchmarks/benches/targets.rs` (`mod inputs;`) so both time the same computations.

use tinyspdz::prelude::*;

/// A seeded simulation with default settings and its three machines.
pub fn parties(seed: u64) -> (Simulation, [VirtualMachine; 3]) {
    let sim = Simulation::with_seed(seed);
    let machines = ["alice", "bob", "carol"].map(|name| sim.machine(name));
    (sim, machines)
}

/// `values` shared by alice with bob and carol.
pub fn share_all(m: &[VirtualMachine; 3], values: impl Iterator<Item = i64>) -> Vec<SharedScalar> {
    values
        .map(|v| PrivateScalar::new(v, &m[0]).share(&[&m[1], &m[2]]))
        .collect()
}

/// The inputs of W1–W3: xᵢ = i + 1 and yᵢ = 3i + 2 (no zeros, so no product is trivial).
pub fn x(i: usize) -> i64 {
    i as i64 + 1
}

/// See [`x`].
pub fn y(i: usize) -> i64 {
    3 * i as i64 + 2
}

/// The products xᵢ·yᵢ of the first `n` inputs, as W1 must find them.
pub fn products_of(n: usize) -> Vec<i64> {
    (0..n).map(|i| x(i) * y(i)).collect()
}

/// The public bound of W4's comparisons `x < K`.
pub const K: i64 = 12_345;

/// The inputs of W4: xᵢ = 7919·i − 800,000, on both sides of [`K`].
pub fn value(i: usize) -> i64 {
    i as i64 * 7919 - 800_000
}

/// The bits xᵢ < K of the first `n` inputs of W4, as 1 or 0.
pub fn below_k(n: usize) -> Vec<i64> {
    (0..n).map(|i| i64::from(value(i) < K)).collect()
}

/// W5, the README example once: alice and bob each share an input, the three compute
/// `&a * &b - 5 * (&a + &b)`, and alice learns the result (after the MAC check that every
/// output runs).
pub fn readme_example(
    m: &[VirtualMachine; 3],
    va: i64,
    vb: i64,
) -> tinyspdz::Result<PrivateScalar> {
    let [alice, bob, carol] = m;
    let a = PrivateScalar::new(va, alice).share(&[bob, carol]);
    let b = PrivateScalar::new(vb, bob).share(&[alice, carol]);
    (&a * &b - 5 * (&a + &b)).reconstruct(alice)
}
