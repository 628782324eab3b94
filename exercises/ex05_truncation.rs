//! Exercise 5: probabilistic truncation. Check with
//! `cargo test --test exercises -- --include-ignored ex05`.
//!
//! For a shared a with |a| < 2^{ℓ−1}, TruncPr gives ⌊a/2ᵐ⌋ or ⌊a/2ᵐ⌋ + 1 with one opening:
//! deal a random r′ < 2ᵐ and r″ < 2^{ℓ+κ−m} (κ = 40), open c = 2^{ℓ−1} + a + 2ᵐ·r″ + r′,
//! and return (a + r′ − (c mod 2ᵐ))·2⁻ᵐ. Deal the mask with `sim.dealer().custom(...)`.

use tinyspdz::prelude::*;

/// ⌊a/2ᵐ⌋ or ⌊a/2ᵐ⌋ + 1, for |a| < 2^{bits−1}.
pub fn trunc_pr(a: &SharedScalar, bits: u32, m: u32) -> Result<SharedScalar, Error> {
    let _ = (a, bits, m);
    todo!("deal [r′] and [r″], open the masked c, then compute locally")
}
