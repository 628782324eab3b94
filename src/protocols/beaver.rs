//! Beaver multiplication: multiplying two shared values with one triple and one opening.
//!
//! # The math
//!
//! Given a triple with c = a·b and the public values d = x − a and e = y − b:
//!
//! x·y = (d + a)(e + b) = c + d·b + e·a + d·e
//!
//! so [x·y] = [c] + d·[b] + e·[a] + d·e, where [v] is a sharing of v. The right-hand
//! side is linear in the shared values, so each holder computes its share of x·y locally.
//!
//! # Protocol
//!
//! 1. The dealer deals a fresh triple [a], [b], [c] with c = ab among the holders.
//! 2. Each holder i computes dᵢ = xᵢ − aᵢ and eᵢ = yᵢ − bᵢ and broadcasts both.
//! 3. Every holder adds what it received: d = Σ dᵢ, e = Σ eᵢ (d and e are now *opened*).
//! 4. Each holder i sets zᵢ = cᵢ + d·bᵢ + e·aᵢ; the first holder also adds d·e.
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
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::simulation::World;
use crate::store::{HolderSetId, Holding};
use crate::view::Step;

/// Multiplies the shared values in slots `x` and `y`; returns the product's slot.
pub(crate) fn multiply<F: TinyField>(
    w: &mut World<F>,
    x: u32,
    y: u32,
    holders: HolderSetId,
    at: &'static Location<'static>,
) -> u32 {
    let about = w.store.next_number();
    let n = w.holder_sets.get(holders).len();

    // Step 1: a fresh triple, moved in here and dropped at the end.
    let (triple, mut costs) = deal_triple(w, holders, about);
    let (a, b, c) = triple.parts();

    // Steps 2 and 3: every holder broadcasts dᵢ and eᵢ; everyone sums them.
    let (mut d, mut e) = (F::ZERO, F::ZERO);
    for i in 0..n {
        let d_i = w.store.data(x)[i] - a[i];
        let e_i = w.store.data(y)[i] - b[i];
        d += d_i;
        e += e_i;
        for k in (0..n).filter(|&k| k != i) {
            let (from, to) = (w.holder_sets.get(holders)[i], w.holder_sets.get(holders)[k]);
            w.deliver(to, from.0, Step::BeaverD, about, d_i);
            w.deliver(to, from.0, Step::BeaverE, about, e_i);
        }
    }

    // Step 4: zᵢ = cᵢ + d·bᵢ + e·aᵢ, and the first holder adds d·e.
    let mut z = w.store.buffer();
    z.extend((0..n).map(|i| c[i] + d * b[i] + e * a[i]));
    z[0] += d * e;

    let depth = w.store.meta(x).depth.max(w.store.meta(y).depth) + 1;
    let links = (n * (n - 1)) as u64;
    costs += Costs {
        opened: 2,
        messages: links,
        elements: 2 * links,
        rounds: 1,
        ..Costs::default()
    };
    w.charge(at, costs);
    w.store.insert(Holding::Shared(holders), depth, z)
}
