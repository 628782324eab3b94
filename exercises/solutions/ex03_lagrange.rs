//! Reference solution of exercise 3 (`exercises/ex03_lagrange.rs`).

use ff::Field;
use tinyspdz::F127;

/// The weights λᵢ for the holders at `positions` (distinct, 0-based).
pub fn lagrange_weights(positions: &[usize]) -> Vec<F127> {
    let point = |k: usize| F127::from(k as u64 + 1);
    positions
        .iter()
        .map(|&i| {
            let others = positions.iter().filter(|&&j| j != i);
            others.fold(F127::ONE, |weight, &j| {
                let denominator = (point(j) - point(i)).invert().unwrap_or(F127::ZERO);
                weight * point(j) * denominator
            })
        })
        .collect()
}
