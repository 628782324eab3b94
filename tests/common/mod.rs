//! Helpers shared by the statistical tests.

/// χ² statistic of `counts` against a uniform distribution.
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
