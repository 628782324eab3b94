//! Shamir secret sharing over 𝔽ₚ: any t + 1 of n shares give the secret, any t say nothing.
//!
//! # The math
//!
//! To share x with threshold t, draw a random polynomial of degree t with x as its
//! constant term,
//!
//! f(X) = x + a₁·X + a₂·X² + … + aₜ·Xᵗ,
//!
//! and give holder i (numbered from 1) the share f(i). Any t + 1 points fix f, and the
//! secret is its value at 0, by Lagrange interpolation over the answering holders S:
//!
//! x = f(0) = Σ_{i∈S} λᵢ·f(i),  λᵢ = Π_{j∈S, j≠i} j / (j − i).
//!
//! Any t shares are uniform and independent of x: for every candidate secret there is
//! exactly one polynomial of degree t through those t points and (0, x).
//!
//! Shamir sharing is linear, like additive sharing: shares of x + y are f(i) + g(i), and
//! adding a public c means *every* holder adds c (the constant term moves by c). The
//! product of two sharings, f(i)·g(i), lies on a polynomial of degree 2t: that is what
//! BGW's degree reduction (see [`crate::protocols::bgw`]) repairs.
//!
//! # References
//!
//! - A. Shamir, *How to Share a Secret*, Communications of the ACM 22(11), 1979.

use rand::Rng;

use crate::field::TinyField;

/// Appends the shares f(1), …, f(n) of `secret` under a random polynomial f of degree `t`.
///
/// # Panics
///
/// If t ≥ n (the secret could never be recovered).
pub fn share<F: TinyField, R: Rng + ?Sized>(
    secret: F,
    n: usize,
    t: usize,
    rng: &mut R,
    out: &mut Vec<F>,
) {
    assert!(t < n, "a threshold-{t} sharing needs more than {t} holders");
    let coefficients: Vec<F> = (0..t).map(|_| F::random(&mut *rng)).collect();
    out.extend((1..=n as u64).map(|i| evaluate(secret, &coefficients, F::from(i))));
}

/// f(X) = constant + Σ cₖ·Xᵏ⁺¹ at `x`, by Horner's rule.
fn evaluate<F: TinyField>(constant: F, coefficients: &[F], x: F) -> F {
    coefficients
        .iter()
        .rev()
        .fold(F::ZERO, |acc, &c| (acc + c) * x)
        + constant
}

/// The Lagrange coefficients λᵢ that give f(0) from the shares of the holders at
/// positions `holders` (0-based; holder k's point is k + 1).
pub fn lagrange_at_zero<F: TinyField>(holders: &[usize]) -> Vec<F> {
    holders
        .iter()
        .map(|&i| {
            let xi = F::from(i as u64 + 1);
            let (mut num, mut den) = (F::ONE, F::ONE);
            for &j in holders.iter().filter(|&&j| j != i) {
                let xj = F::from(j as u64 + 1);
                num *= xj;
                den *= xj - xi;
            }
            num * Option::<F>::from(den.invert()).expect("distinct points")
        })
        .collect()
}

/// The secret from the shares of the holders at positions `holders`: Σ λᵢ·sharesᵢ.
pub fn reconstruct<F: TinyField>(holders: &[usize], shares: &[F]) -> F {
    lagrange_at_zero::<F>(holders)
        .iter()
        .zip(shares)
        .map(|(&l, &s)| l * s)
        .sum()
}
