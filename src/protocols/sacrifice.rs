//! Sacrificing a triple: checking that c = ab without learning a, b or c.
//!
//! # The math
//!
//! Take the triple to check (a, b, c) and a second one (f, g, h), and a public random t.
//! With ρ = t·a − f and σ = b − g,
//!
//! t·c − h − σ·f − ρ·g − σ·ρ = t·(c − ab) − (h − fg),
//!
//! which is zero when both triples are good. If c = ab + δ and the second is good, it is
//! t·δ, zero only when t = 0; two bad triples cancel only when t = (h − fg)/δ, a 1/p
//! chance.
//!
//! # Protocol (SPDZ, 2011/535 fig. 9, "triple check")
//!
//! 1. The dealer deals a second triple \[f\], \[g\], \[h\].
//! 2. The holders draw a public random t.
//! 3. They partially open ρ = t·a − f and σ = b − g.
//! 4. They partially open τ = t·c − h − σ·f − ρ·g − σ·ρ.
//! 5. If τ ≠ 0 they abort. The second triple is discarded (sacrificed).
//!
//! The openings of steps 3 and 4 are MAC-checked with everything else.
//!
//! # Security note
//!
//! In SPDZ the machines produce triples themselves, and sacrificing catches a cheater in
//! that production. Here it catches a corrupt dealer ([`crate::Adversary::dealer_bad_triple`]).
//! It doubles the triples used. A failed check aborts the simulation: the multiplication
//! still returns, but every later output is refused with [`crate::Error::TripleCheckFailed`].
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535, §5 and fig. 9.

use crate::error::Error;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::linear::add_public;
use crate::protocols::partial_open::partial_open_sharing;
use crate::store::HolderSetId;
use crate::view::Step;
use crate::world::World;

/// Checks the triple `(a, b, c)` by sacrificing a fresh one (steps 1–5), adding the costs
/// to `costs`; returns the public t.
pub(crate) fn check_triple<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    positions: &[usize],
    (a, b, c): (&[F], &[F], &[F]),
    about: u64,
    costs: &mut Costs,
) -> F {
    let n = w.holder_sets.get(set).len();
    // Step 1: the triple to sacrifice.
    let other = w.preprocessing().triples(w, set, 1, costs);
    w.deliver_triples(&other, set, about);
    let (f, g, h) = other.lane(0);
    // Step 2: a public random t.
    let t = F::random(&mut w.rng);
    // Step 3: open ρ = t·a − f and σ = b − g.
    let rho_shares: Vec<F> = a.iter().zip(f).map(|(&ai, &fi)| t * ai - fi).collect();
    let rho = partial_open_sharing(w, set, about, Step::Sacrifice, positions, &rho_shares);
    let sigma_shares: Vec<F> = b.iter().zip(g).map(|(&bi, &gi)| bi - gi).collect();
    let sigma = partial_open_sharing(w, set, about, Step::Sacrifice, positions, &sigma_shares);
    // Step 4: open τ = t·c − h − σ·f − ρ·g − σ·ρ (the public σ·ρ goes to the first share,
    // and αᵢ·σ·ρ to every MAC share).
    let mut tau: Vec<F> = (0..c.len())
        .map(|i| t * c[i] - h[i] - sigma * f[i] - rho * g[i])
        .collect();
    add_public(
        &mut tau,
        w.keys.shares(set),
        w.holder_sets.scheme(set),
        -(sigma * rho),
    );
    let tau = partial_open_sharing(w, set, about, Step::Sacrifice, positions, &tau);
    w.discard(other);
    let links = (positions.len() * (n - 1)) as u64;
    *costs += Costs {
        opened: 3,
        messages: 3 * links,
        elements: 3 * links,
        rounds: 2,
        ..Costs::default()
    };
    // Step 5: abort unless τ = 0.
    if tau != F::ZERO && w.aborted.is_none() {
        w.aborted = Some(Error::TripleCheckFailed { product: about });
    }
    t
}
