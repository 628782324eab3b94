//! Exercise 13: checking a triple by sacrificing another. Check with
//! `cargo test --test exercises -- --include-ignored ex13`.
//!
//! A dealer that is not trusted may hand out a bad triple (c ≠ a·b). With a second triple
//! (f, g, h) and a public random t, the holders open ρ = t·a − f and σ = b − g, compute
//! [z] = t·[c] − [h] − σ·[f] − ρ·[g] − σ·ρ locally and open z: it is 0 when both triples
//! are good, and nonzero with high probability when one is bad. The second triple is
//! thrown away (sacrificed): ρ and σ revealed its masks.

use tinyspdz::prelude::*;

/// Whether `triple` passes the check with the sacrificed `spare` and the public `t`.
pub fn sacrifice(
    triple: &[SharedScalar; 3],
    spare: &[SharedScalar; 3],
    t: F127,
) -> Result<bool, Error> {
    let _ = (triple, spare, t);
    todo!("two partial openings, a local combination, and one opening of z")
}
