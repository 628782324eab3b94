//! Helpers shared by the test files: named machines, shared values read back, the
//! field arithmetic the expected values are computed with (moduli written out, centred
//! representatives), the fixed-point encoding, and the statistical and panic checks.

use std::ops::{Add, Rem, Sub};

use num_bigint::BigInt;
use tinyspdz::prelude::*;

// ---------------------------------------------------------------------------------------
// Machines
// ---------------------------------------------------------------------------------------

/// Machines of `sim` with these names, made in this order.
#[allow(dead_code)] // not every test file uses every helper
pub fn named_machines<F: TinyField, const N: usize>(
    sim: &Simulation<F>,
    names: [&str; N],
) -> [VirtualMachine<F>; N] {
    sim.new_machines(names)
}

/// alice, bob and charlie, made in this order: the first three of [`parties`].
#[allow(dead_code)] // not every test file uses every helper
pub fn three_machines<F: TinyField>(sim: &Simulation<F>) -> [VirtualMachine<F>; 3] {
    named_machines(sim, ["alice", "bob", "charlie"])
}

/// alice, bob and carol, made in this order: three machines whose third is not the
/// charlie of [`three_machines`] (the files that use it assert on the name carol).
#[allow(dead_code)] // not every test file uses every helper
pub fn alice_bob_carol<F: TinyField>(sim: &Simulation<F>) -> [VirtualMachine<F>; 3] {
    named_machines(sim, ["alice", "bob", "carol"])
}

/// The first `n` (at most five) machines of the alphabet, made in this order: alice, bob,
/// charlie, dave, erin.
#[allow(dead_code)] // not every test file uses every helper
pub fn parties<F: TinyField>(sim: &Simulation<F>, n: usize) -> Vec<VirtualMachine<F>> {
    const NAMES: [&str; 5] = ["alice", "bob", "charlie", "dave", "erin"];
    NAMES[..n].iter().map(|name| sim.machine(*name)).collect()
}

/// A seeded simulation in the teaching field `F101`, with MACs.
#[allow(dead_code)] // not every test file uses every helper
pub fn f101_sim(seed: u64) -> Simulation<F101> {
    Simulation::builder().field::<F101>().seed(seed).build()
}

// ---------------------------------------------------------------------------------------
// Shared values
// ---------------------------------------------------------------------------------------

/// `v`, owned by `owner`, shared among every machine of `all`.
#[allow(dead_code)] // not every test file uses every helper
pub fn share<F: TinyField>(
    v: impl Into<BigInt>,
    owner: &VirtualMachine<F>,
    all: &[VirtualMachine<F>],
) -> SharedScalar<F> {
    let others: Vec<&VirtualMachine<F>> = all.iter().filter(|m| *m != owner).collect();
    PrivateScalar::new(v.into(), owner).share(&others)
}

/// The value of `x`, reconstructed to its first holder.
#[allow(dead_code)] // not every test file uses every helper
#[track_caller]
pub fn read<F: TinyField>(x: &SharedScalar<F>) -> BigInt {
    let to = &x.holders()[0];
    x.reconstruct(to)
        .expect("a holder of the same simulation")
        .value()
}

// ---------------------------------------------------------------------------------------
// Field arithmetic, written out independently of the crate
// ---------------------------------------------------------------------------------------

/// The modulus of `F`, written out here rather than taken from the crate.
#[allow(dead_code)] // not every test file uses every helper
pub fn modulus<F: TinyField>() -> BigInt {
    match F::NAME {
        "F101" => BigInt::from(101),
        "F61" => (BigInt::from(1) << 61u32) - 1,
        "F127" => (BigInt::from(1) << 127u32) - 1,
        other => panic!("unknown field {other}"),
    }
}

/// The centred representative of `v` modulo an odd `p`: the one in −(p − 1)/2 ..= (p − 1)/2.
/// For `BigInt` and for machine integers (`centred(v, 101)` with an `i128` v).
#[allow(dead_code)] // not every test file uses every helper
pub fn centred<T>(v: T, p: T) -> T
where
    T: Clone + PartialOrd + Add<Output = T> + Sub<Output = T> + Rem<Output = T>,
{
    let r = (v % p.clone() + p.clone()) % p.clone();
    if r.clone() + r.clone() > p { r - p } else { r }
}

/// `v` reduced into `F` and read back as the crate should read it: its centred
/// representative modulo the modulus of `F`.
#[allow(dead_code)] // not every test file uses every helper
pub fn reduced<F: TinyField>(v: impl Into<BigInt>) -> BigInt {
    centred(v.into(), modulus::<F>())
}

// ---------------------------------------------------------------------------------------
// Fixed point
// ---------------------------------------------------------------------------------------

/// One unit in the last place at the default precision (f = 16): 2⁻¹⁶.
#[allow(dead_code)] // not every test file uses every helper
pub const ULP: f64 = 1.0 / 65_536.0;

/// What an f64 becomes after encoding at the default precision (f = 16): the value the
/// protocol really computes with.
#[allow(dead_code)] // not every test file uses every helper
pub fn encoded(x: f64) -> f64 {
    (x * 65_536.0).round() / 65_536.0
}

// ---------------------------------------------------------------------------------------
// Statistics and panics
// ---------------------------------------------------------------------------------------

/// χ² statistic of `counts` against a uniform distribution.
#[allow(dead_code)] // not every test file uses every helper
pub fn chi2(counts: &[u64]) -> f64 {
    let total: u64 = counts.iter().sum();
    let expected = total as f64 / counts.len() as f64;
    counts
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum()
}

/// Brings the machines at positions `online` online and takes the others offline.
#[allow(dead_code)] // not every test file uses every helper
pub fn only_online(ms: &[tinyspdz::VirtualMachine], online: &[usize]) {
    for (i, m) in ms.iter().enumerate() {
        match online.contains(&i) {
            true => m.come_online(),
            false => m.go_offline(),
        }
    }
}

/// Checks a reconstruction of a value Shamir-shared among n holders with threshold t,
/// made while only the holders at `online` answer: more than t give `expected`; fewer
/// give `NotEnoughOnline`, counting those that answered and naming the others.
#[allow(dead_code)] // not every test file uses every helper
pub fn assert_threshold_reconstruction<T, E>(
    result: Result<T, tinyspdz::Error>,
    expected: E,
    (n, t): (usize, usize),
    online: &[usize],
) where
    T: PartialEq<E> + std::fmt::Debug,
    E: std::fmt::Debug,
{
    if online.len() > t {
        let value = result.unwrap_or_else(|e| panic!("n={n} t={t} online={online:?}: {e}"));
        assert_eq!(value, expected, "n={n} t={t} online={online:?}");
        return;
    }
    match result {
        Err(tinyspdz::Error::NotEnoughOnline {
            answering,
            needed,
            missing,
            ..
        }) => {
            assert_eq!((answering, needed), (online.len(), t + 1));
            assert_eq!(missing.len(), n - online.len());
        }
        other => panic!("n={n} t={t} online={online:?}: {other:?}"),
    }
}

/// What `f` panicked with: the message and the file of the line the panic points at
/// (the caller's, for a `#[track_caller]` method). Other panics print as usual.
#[allow(dead_code)] // not every test file uses every helper
pub fn catch_panic(f: impl FnOnce()) -> (String, String) {
    use std::cell::{Cell, RefCell};
    use std::panic::{self, AssertUnwindSafe};
    use std::sync::Once;

    thread_local! {
        static CAPTURING: Cell<bool> = const { Cell::new(false) };
        static SITE: RefCell<String> = const { RefCell::new(String::new()) };
    }
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                let file = info
                    .location()
                    .map_or(String::new(), |l| l.file().to_string());
                SITE.with(|s| *s.borrow_mut() = file);
            } else {
                previous(info);
            }
        }));
    });
    CAPTURING.with(|c| c.set(true));
    let caught = panic::catch_unwind(AssertUnwindSafe(f));
    CAPTURING.with(|c| c.set(false));
    let payload = match caught {
        Ok(()) => panic!("the call should have panicked"),
        Err(payload) => payload,
    };
    let message = match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(payload) => payload
            .downcast::<&str>()
            .map_or_else(|_| String::from("(no message)"), |m| m.to_string()),
    };
    (message, SITE.with(|s| s.borrow().clone()))
}
