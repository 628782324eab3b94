//! Beaver multiplication: multiplying two shared values with one triple and one opening.
//!
//! # The math
//!
//! Given a triple with c = a·b and the public values d = x − a and e = y − b:
//!
//! x·y = (d + a)(e + b) = c + d·b + e·a + d·e
//!
//! so [x·y] = [c] + d·[b] + e·[a] + d·e, where [v] is a sharing of v. The right-hand
//! side is linear in the shared values, so each holder computes its share of x·y locally,
//! and its MAC share the same way: m(xy)ᵢ = m(c)ᵢ + d·m(b)ᵢ + e·m(a)ᵢ + αᵢ·d·e.
//!
//! # Protocol (SPDZ online phase, 2011/535 fig. 1, "Multiply")
//!
//! 1. The dealer deals a fresh authenticated triple [a], [b], [c] with c = ab (and, with
//!    [`sacrifice_triples`](crate::SimulationBuilder::sacrifice_triples), checks it by
//!    sacrificing a second one).
//! 2. Each holder i computes dᵢ = xᵢ − aᵢ and eᵢ = yᵢ − bᵢ and broadcasts both.
//! 3. Every holder reconstructs d and e (d = Σ dᵢ for additive sharing). These are partial openings:
//!    their MAC shares m(x)ᵢ − m(a)ᵢ and m(y)ᵢ − m(b)ᵢ wait for the next MAC check.
//! 4. Each holder i sets zᵢ = cᵢ + d·bᵢ + e·aᵢ; the first holder also adds d·e; every
//!    holder updates its MAC share as above.
//!
//! One round, two opened values, one triple; the result's multiplicative depth is one more
//! than its deeper operand's.
//!
//! # Security note
//!
//! d and e are x and y masked by a and b, which are uniform and used once, so d and e are
//! uniform whatever x and y are: the views of step 2 do not depend on the inputs. This
//! relies on the dealer being trusted and on no triple ever being reused (a reused
//! triple would give d − d′ = x − x′). The simulation computes d and e once instead of
//! once per holder; every holder would get the same sums.
//!
//! # References
//!
//! - D. Beaver, *Efficient Multiparty Protocols Using Circuit Randomization*, CRYPTO 1991.
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535, §3 (the online phase).

use std::panic::Location;

use crate::dealer::deal_triple;
use crate::error::Result;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::linear::add_public;
use crate::protocols::{mac_check, partial_open::partial_open, sacrifice};
use crate::simulation::World;
use crate::store::{HolderSetId, Holding};
use crate::view::Step;

/// Multiplies the shared values in slots `x` and `y`; returns the product's slot.
///
/// # Errors
///
/// [`Error::NotEnoughOnline`] when fewer holders can answer than the scheme needs.
pub(crate) fn multiply<F: TinyField>(
    w: &mut World<F>,
    x: u32,
    y: u32,
    set: HolderSetId,
    at: &'static Location<'static>,
) -> Result<u32> {
    let about = w.store.next_number();
    let n = w.holder_sets.get(set).len();
    let valid = w.store.meta(x).valid & w.store.meta(y).valid & w.online_mask(set);
    let positions = w.answering_for(set, valid, about)?;
    let mut costs = Costs::default();

    // Step 1: a fresh triple, moved in here and dropped at the end.
    let triple = deal_triple(w, set, about, &mut costs);
    if w.sacrifice {
        sacrifice::check_triple(w, set, &positions, &triple, about, &mut costs);
    }
    let (a, b, c) = triple.parts();

    // Steps 2 and 3: open d = x − a and e = y − b (shares, then MAC shares).
    let mut masked = std::mem::take(&mut w.scratch);
    masked.clear();
    masked.extend(w.store.data(x).iter().zip(a).map(|(&xi, &ai)| xi - ai));
    let d = partial_open(w, set, about, Step::BeaverD, &positions, &masked);
    masked.clear();
    masked.extend(w.store.data(y).iter().zip(b).map(|(&yi, &bi)| yi - bi));
    let e = partial_open(w, set, about, Step::BeaverE, &positions, &masked);
    w.scratch = masked;

    // Step 4: zᵢ = cᵢ + d·bᵢ + e·aᵢ (shares and MAC shares alike); d·e is a public
    // constant, added as the scheme says (and αᵢ·d·e to every MAC share).
    let mut z = w.store.buffer();
    z.extend((0..c.len()).map(|i| c[i] + d * b[i] + e * a[i]));
    add_public(
        &mut z,
        w.dealer.key_shares(set),
        w.holder_sets.scheme(set),
        d * e,
    );

    triple.discard(w);
    let depth = w.store.meta(x).depth.max(w.store.meta(y).depth) + 1;
    let links = (positions.len() * (n - 1)) as u64;
    costs += Costs {
        opened: 2,
        messages: links,
        elements: 2 * links,
        rounds: 1,
        ..Costs::default()
    };
    w.charge(at, costs);
    if w.pending.len() >= mac_check::MAX_PENDING {
        // The error, if any, is kept by the world and returned by the next output.
        let _ = mac_check::check(w, at);
    }
    Ok(w.store.insert(Holding::Shared(set), depth, valid, z))
}
