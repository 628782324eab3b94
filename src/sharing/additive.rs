//! Additive secret sharing over 𝔽ₚ.
//!
//! # The math
//!
//! x = x₁ + x₂ + … + xₙ (mod p)
//!
//! The first n − 1 shares are drawn uniformly from 𝔽ₚ and the last is x − (x₁ + … + xₙ₋₁).
//! Any n − 1 shares are then uniform and independent of x: for every candidate secret x′
//! there is exactly one last share that makes the shares add up to it. All n shares
//! together give x back by adding them.
//!
//! # References
//!
//! - I. Damgård, V. Pastro, N. Smart, S. Zakarias, *Multiparty Computation from Somewhat
//!   Homomorphic Encryption* (SPDZ), CRYPTO 2012, eprint 2011/535, §2.

use rand::Rng;

use crate::error::{Error, Result};
use crate::field::TinyField;

/// Appends n additive shares of `secret` to `out`.
///
/// # Errors
///
/// [`Error::NoShares`] if `n` is 0.
#[inline]
pub fn share<F: TinyField, R: Rng + ?Sized>(
    secret: F,
    n: usize,
    rng: &mut R,
    out: &mut Vec<F>,
) -> Result<()> {
    if n == 0 {
        return Err(Error::NoShares);
    }
    share_checked(secret, n, rng, out);
    Ok(())
}

/// [`share`] for an n ≥ 1 the caller has checked.
#[inline]
pub(crate) fn share_checked<F: TinyField, R: Rng + ?Sized>(
    secret: F,
    n: usize,
    rng: &mut R,
    out: &mut Vec<F>,
) {
    let mut last = secret;
    for _ in 1..n {
        let s = F::random(&mut *rng);
        last -= s;
        out.push(s);
    }
    out.push(last);
}

/// The secret the shares stand for: their sum.
pub fn reconstruct<F: TinyField>(shares: &[F]) -> F {
    shares.iter().copied().sum()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::ChaCha12Rng;

    use super::*;
    use crate::field::F101;

    #[test]
    fn shares_add_up_to_the_secret() {
        let mut rng = ChaCha12Rng::seed_from_u64(3);
        for n in 1..6 {
            for x in [-50i64, -1, 0, 1, 37, 50] {
                let mut out = Vec::new();
                share(F101::from_i64(x), n, &mut rng, &mut out).unwrap();
                assert_eq!(out.len(), n);
                assert_eq!(reconstruct(&out), F101::from_i64(x));
            }
        }
    }
}
