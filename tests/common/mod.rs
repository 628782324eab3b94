//! Helpers shared by the statistical tests.

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
