//! Secret-sharing schemes: how a secret becomes shares and shares become the secret again.
//!
//! A [`Scheme`] is chosen per sharing: [`Scheme::Additive`] (all n shares needed, the
//! SPDZ default) or [`Scheme::Shamir`] (any t + 1 of n). Every protocol of the crate works
//! on either; the few steps that differ (adding a public constant, reconstructing) ask the
//! scheme.

pub mod additive;
pub mod shamir;

use rand::Rng;

use crate::error::{Error, Result, or_panic};
use crate::field::TinyField;

/// How a value is split into shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// x = x₁ + … + xₙ: all n shares are needed ([`additive`]).
    Additive,
    /// Shares on a random polynomial of degree `threshold`: any `threshold + 1` shares
    /// give the secret, any `threshold` reveal nothing ([`shamir`]).
    Shamir {
        /// t: how many shares together still reveal nothing.
        threshold: usize,
    },
}

impl Scheme {
    /// Appends n shares of `secret`.
    ///
    /// # Panics
    ///
    /// If n is 0, or for Shamir if t = 0, t ≥ n or n ≥ p; [`try_share`](Self::try_share)
    /// returns the error instead.
    #[inline]
    #[track_caller]
    pub fn share<F: TinyField, R: Rng + ?Sized>(
        self,
        secret: F,
        n: usize,
        rng: &mut R,
        out: &mut Vec<F>,
    ) {
        or_panic(self.try_share(secret, n, rng, out));
    }

    /// [`share`](Self::share), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// As [`additive::share`] or [`shamir::share`].
    #[inline]
    pub fn try_share<F: TinyField, R: Rng + ?Sized>(
        self,
        secret: F,
        n: usize,
        rng: &mut R,
        out: &mut Vec<F>,
    ) -> Result<()> {
        match self {
            Scheme::Additive => additive::share(secret, n, rng, out),
            Scheme::Shamir { threshold } => shamir::share(secret, n, threshold, rng, out),
        }
    }

    /// [`share`](Self::share) for a holder count the protocols have checked: every holder
    /// set is checked once, when it is made ([`check`](Self::check)), not per share.
    #[inline]
    pub(crate) fn share_checked<F: TinyField, R: Rng + ?Sized>(
        self,
        secret: F,
        n: usize,
        rng: &mut R,
        out: &mut Vec<F>,
    ) {
        match self {
            Scheme::Additive => additive::share_checked(secret, n, rng, out),
            Scheme::Shamir { threshold } => shamir::share_checked(secret, n, threshold, rng, out),
        }
    }

    /// The secret from the shares of the holders at positions `holders` (0-based), which
    /// must number at least [`needed`](Self::needed), one share per position. The
    /// positions are not checked here (the protocols' are right by construction): use
    /// [`try_reconstruct`](Self::try_reconstruct) for positions of your own.
    ///
    /// # Panics
    ///
    /// For a Shamir sharing whose positions repeat.
    pub fn reconstruct<F: TinyField>(self, holders: &[usize], shares: &[F]) -> F {
        match self {
            Scheme::Additive => additive::reconstruct(shares),
            Scheme::Shamir { .. } => shamir::reconstruct_checked(holders, shares),
        }
    }

    /// How the holders at `holders` reconstruct: by adding up, or with Lagrange weights
    /// from `weights`, which computes each set of positions' weights once.
    pub(crate) fn reconstructor<F: TinyField>(
        self,
        weights: &mut shamir::Weights<F>,
        holders: &[usize],
    ) -> Reconstructor<F> {
        match self {
            Scheme::Additive => Reconstructor(None),
            Scheme::Shamir { .. } => Reconstructor(Some(weights.of(holders))),
        }
    }

    /// [`reconstruct`](Self::reconstruct), checking the positions and shares.
    ///
    /// # Errors
    ///
    /// [`Error::ShareCountMismatch`] unless there is one share per position; for a
    /// Shamir sharing, as [`shamir::reconstruct`].
    pub fn try_reconstruct<F: TinyField>(self, holders: &[usize], shares: &[F]) -> Result<F> {
        match self {
            Scheme::Additive if holders.len() != shares.len() => Err(Error::ShareCountMismatch {
                positions: holders.len(),
                shares: shares.len(),
            }),
            Scheme::Additive => Ok(additive::reconstruct(shares)),
            Scheme::Shamir { .. } => shamir::reconstruct(holders, shares),
        }
    }

    /// Checks that a sharing among `holders` machines under this scheme hides the secret
    /// in the field `F`: a Shamir threshold of at least 1, and fewer holders than p (each
    /// needs a point of its own other than 0).
    pub(crate) fn check_holders<F: TinyField>(self, holders: usize) -> Result<()> {
        let Scheme::Shamir { threshold } = self else {
            return Ok(());
        };
        if threshold == 0 {
            return Err(Error::ZeroThreshold);
        }
        shamir::check_holders::<F>(holders)
    }

    /// How many of n shares it takes to reconstruct.
    pub fn needed(self, n: usize) -> usize {
        match self {
            Scheme::Additive => n,
            Scheme::Shamir { threshold } => threshold + 1,
        }
    }

    /// Which holders add a public constant to their share: the first only (additive) or
    /// every one (Shamir, whose constant term is the secret).
    pub fn adds_constant(self, holder: usize) -> bool {
        match self {
            Scheme::Additive => holder == 0,
            Scheme::Shamir { .. } => true,
        }
    }
}

/// Reconstructs values shared among one set of answering holders
/// ([`Scheme::reconstructor`]): Σ sharesᵢ, or Σ λᵢ·sharesᵢ.
pub(crate) struct Reconstructor<F>(Option<std::rc::Rc<[F]>>);

impl<F: TinyField> Reconstructor<F> {
    /// The value of `shares`, one per answering holder, in their order.
    #[inline]
    pub fn apply(&self, shares: &[F]) -> F {
        match &self.0 {
            None => additive::reconstruct(shares),
            Some(lambda) => shamir::combine(lambda, shares),
        }
    }
}

#[cfg(test)]
mod tests {
    //! One test suite, run against every scheme.
    use rand::SeedableRng;
    use rand::rngs::ChaCha12Rng;

    use super::*;
    use crate::field::{F101, F127};

    fn schemes(n: usize) -> Vec<Scheme> {
        let mut s = vec![Scheme::Additive];
        s.extend((1..n).map(|t| Scheme::Shamir { threshold: t }));
        s
    }

    /// Every subset of positions 0..n, as a list.
    fn subsets(n: usize) -> impl Iterator<Item = Vec<usize>> {
        (0u32..1 << n).map(move |mask| (0..n).filter(|i| mask >> i & 1 == 1).collect())
    }

    #[test]
    fn every_large_enough_subset_reconstructs() {
        let mut rng = ChaCha12Rng::seed_from_u64(1);
        for n in 1..=6 {
            for scheme in schemes(n) {
                for x in [-50i64, -1, 0, 7, 50] {
                    let mut shares = Vec::new();
                    scheme.share(F101::from_i64(x), n, &mut rng, &mut shares);
                    assert_eq!(shares.len(), n);
                    for subset in subsets(n).filter(|s| s.len() >= scheme.needed(n)) {
                        let picked: Vec<F101> = subset.iter().map(|&i| shares[i]).collect();
                        assert_eq!(
                            scheme.reconstruct(&subset, &picked),
                            F101::from_i64(x),
                            "{scheme:?} {subset:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn sharings_are_linear_and_constants_go_where_the_scheme_says() {
        let mut rng = ChaCha12Rng::seed_from_u64(2);
        let n = 5;
        for scheme in schemes(n) {
            let (mut xs, mut ys) = (Vec::new(), Vec::new());
            scheme.share(F127::from_i64(1234), n, &mut rng, &mut xs);
            scheme.share(F127::from_i64(-34), n, &mut rng, &mut ys);
            let all: Vec<usize> = (0..n).collect();
            let mut z: Vec<F127> = xs
                .iter()
                .zip(&ys)
                .map(|(a, b)| *a * F127::from(3) + b)
                .collect();
            for (i, s) in z.iter_mut().enumerate() {
                if scheme.adds_constant(i) {
                    *s += F127::from(100);
                }
            }
            assert_eq!(
                scheme.reconstruct(&all, &z),
                F127::from_i64(3 * 1234 - 34 + 100),
                "{scheme:?}"
            );
        }
    }

    #[test]
    fn too_few_shamir_shares_leave_every_secret_possible() {
        // t shares of a degree-t sharing in F101: for each candidate secret exactly one
        // polynomial passes through them, so every secret is equally consistent.
        let mut rng = ChaCha12Rng::seed_from_u64(3);
        let (n, t) = (4, 2);
        let mut shares = Vec::new();
        shamir::share(F101::from(9u64), n, t, &mut rng, &mut shares).unwrap();
        let known = [0usize, 2];
        for candidate in 0..101u64 {
            // The unique degree-t polynomial through (0, candidate) and the known points
            // gives some share for holder 4; with it the three points reconstruct the
            // candidate, and the known shares are unchanged.
            let points = [known[0], known[1], 3];
            let l = shamir::lagrange_at_zero::<F101>(&points).unwrap();
            let missing = (F101::from(candidate) - l[0] * shares[0] - l[1] * shares[2])
                * Option::<F101>::from(ff::Field::invert(&l[2])).expect("non-zero");
            let picked = [shares[0], shares[2], missing];
            assert_eq!(
                shamir::reconstruct(&points, &picked).unwrap(),
                F101::from(candidate)
            );
        }
    }
}
