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
