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

use std::collections::HashMap;
use std::rc::Rc;

use num_traits::ToPrimitive;
use rand::Rng;

use crate::error::{Error, Result};
use crate::field::TinyField;

/// Appends the shares f(1), …, f(n) of `secret` under a random polynomial f of degree `t`.
///
/// ```
/// use tinyspdz::sharing::shamir;
/// use tinyspdz::{Error, F101};
/// use rand::SeedableRng;
///
/// let mut rng = rand::rngs::ChaCha12Rng::seed_from_u64(1);
/// let mut shares = Vec::new();
/// shamir::share(F101::from(9u64), 3, 1, &mut rng, &mut shares)?;
/// assert_eq!(shamir::reconstruct(&[0, 2], &[shares[0], shares[2]])?, F101::from(9u64));
/// let refused = shamir::share(F101::from(9u64), 3, 3, &mut rng, &mut shares);
/// assert!(matches!(refused, Err(Error::BadThreshold { threshold: 3, holders: 3 })));
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
///
/// [`Error::ZeroThreshold`] if t = 0 (every share would be the secret);
/// [`Error::BadThreshold`] if t ≥ n (the secret could never be recovered);
/// [`Error::TooManyHolders`] if n ≥ p (the points 1, …, n would repeat, and the point
/// p ≡ 0 is the secret itself).
pub fn share<F: TinyField, R: Rng + ?Sized>(
    secret: F,
    n: usize,
    t: usize,
    rng: &mut R,
    out: &mut Vec<F>,
) -> Result<()> {
    if t == 0 {
        return Err(Error::ZeroThreshold);
    }
    if t >= n {
        return Err(Error::BadThreshold {
            threshold: t,
            holders: n,
        });
    }
    check_holders::<F>(n)?;
    share_checked(secret, n, t, rng, out);
    Ok(())
}

/// [`Error::TooManyHolders`] unless the points 1, …, n are distinct and non-zero modulo p.
pub(crate) fn check_holders<F: TinyField>(n: usize) -> Result<()> {
    match F::modulus().to_usize() {
        Some(p) if n >= p => Err(Error::TooManyHolders {
            holders: n,
            most: p - 1,
        }),
        _ => Ok(()),
    }
}

/// [`share`] for arguments the caller has checked (t < n < p).
pub(crate) fn share_checked<F: TinyField, R: Rng + ?Sized>(
    secret: F,
    n: usize,
    t: usize,
    rng: &mut R,
    out: &mut Vec<F>,
) {
    // The coefficients on the stack for the usual thresholds (no allocation per value).
    let (mut on_stack, mut on_heap) = ([F::ZERO; ON_STACK], Vec::new());
    let coefficients = match t <= ON_STACK {
        true => &mut on_stack[..t],
        false => {
            on_heap.resize(t, F::ZERO);
            &mut on_heap[..]
        }
    };
    for c in coefficients.iter_mut() {
        *c = F::random(&mut *rng);
    }
    out.extend((1..=n as u64).map(|i| evaluate(secret, coefficients, F::from(i))));
}

/// Thresholds up to this keep their polynomial's coefficients on the stack.
const ON_STACK: usize = 32;

/// The point of the holder at position `i`: i + 1, as a field element.
fn point<F: TinyField>(i: usize) -> F {
    F::from(i as u64) + F::ONE
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
///
/// # Errors
///
/// [`Error::RepeatedPosition`] if two positions name the same point (modulo p);
/// [`Error::PositionOutOfRange`] if a point is 0 modulo p.
pub fn lagrange_at_zero<F: TinyField>(holders: &[usize]) -> Result<Vec<F>> {
    holders
        .iter()
        .map(|&i| {
            let xi = point::<F>(i);
            if xi == F::ZERO {
                let most = F::modulus().to_usize().map_or(usize::MAX, |p| p - 2);
                return Err(Error::PositionOutOfRange {
                    position: i,
                    field: F::NAME,
                    most,
                });
            }
            if holders.iter().filter(|&&j| j == i).count() > 1 {
                return Err(Error::RepeatedPosition { position: i });
            }
            let (mut num, mut den) = (F::ONE, F::ONE);
            for &j in holders.iter().filter(|&&j| j != i) {
                let xj = point::<F>(j);
                num *= xj;
                den *= xj - xi;
            }
            let repeated = Error::RepeatedPosition { position: i };
            Ok(num * Option::<F>::from(den.invert()).ok_or(repeated)?)
        })
        .collect()
}

/// [`lagrange_at_zero`] for positions the caller has checked (distinct, each below p − 1).
pub(crate) fn lagrange_checked<F: TinyField>(holders: &[usize]) -> Vec<F> {
    holders
        .iter()
        .map(|&i| {
            let xi = point::<F>(i);
            let (mut num, mut den) = (F::ONE, F::ONE);
            for &j in holders.iter().filter(|&&j| j != i) {
                let xj = point::<F>(j);
                num *= xj;
                den *= xj - xi;
            }
            num * Option::<F>::from(den.invert())
                .expect("the caller checked the points are distinct")
        })
        .collect()
}

/// The secret from the shares of the holders at positions `holders`: Σ λᵢ·sharesᵢ.
///
/// # Errors
///
/// [`Error::ShareCountMismatch`] unless there is one share per position; otherwise as
/// [`lagrange_at_zero`].
pub fn reconstruct<F: TinyField>(holders: &[usize], shares: &[F]) -> Result<F> {
    if holders.len() != shares.len() {
        return Err(Error::ShareCountMismatch {
            positions: holders.len(),
            shares: shares.len(),
        });
    }
    Ok(combine(&lagrange_at_zero::<F>(holders)?, shares))
}

/// [`reconstruct`] for positions the caller has checked, one share each.
pub(crate) fn reconstruct_checked<F: TinyField>(holders: &[usize], shares: &[F]) -> F {
    combine(&lagrange_checked::<F>(holders), shares)
}

/// The Lagrange weights of each set of positions that answered so far, computed once: the
/// same holders answer in opening after opening, and each set's weights cost n field
/// inversions.
#[derive(Debug, Default)]
pub(crate) struct Weights<F> {
    by_positions: HashMap<Box<[usize]>, Rc<[F]>>,
}

impl<F: TinyField> Weights<F> {
    /// [`lagrange_checked`] for `positions`, from the cache when it has them.
    pub fn of(&mut self, positions: &[usize]) -> Rc<[F]> {
        if let Some(lambda) = self.by_positions.get(positions) {
            return Rc::clone(lambda);
        }
        let lambda: Rc<[F]> = lagrange_checked(positions).into();
        self.by_positions
            .insert(positions.into(), Rc::clone(&lambda));
        lambda
    }
}

/// Σ λᵢ·sharesᵢ.
pub(crate) fn combine<F: TinyField>(lambda: &[F], shares: &[F]) -> F {
    lambda.iter().zip(shares).map(|(&l, &s)| l * s).sum()
}
