//! Beaver multiplication: multiplying two shared values with one triple and one opening.
//!
//! # The math
//!
//! Given a triple with c = a·b and the public values d = x − a and e = y − b:
//!
//! x·y = (d + a)(e + b) = c + d·b + e·a + d·e
//!
//! so \[x·y\] = \[c\] + d·\[b\] + e·\[a\] + d·e, where \[v\] is a sharing of v. The right-hand
//! side is linear in the shared values, so each holder computes its share of x·y locally,
//! and its MAC share the same way: m(xy)ᵢ = m(c)ᵢ + d·m(b)ᵢ + e·m(a)ᵢ + αᵢ·d·e.
//!
//! # Protocol (SPDZ online phase, 2011/535 fig. 1, "Multiply")
//!
//! 1. The dealer deals a fresh authenticated triple \[a\], \[b\], \[c\] with c = ab (and, with
//!    [`sacrifice_triples`](crate::SimulationBuilder::sacrifice_triples), checks it by
//!    sacrificing a second one).
//! 2. Each holder i computes dᵢ = xᵢ − aᵢ and eᵢ = yᵢ − bᵢ and broadcasts both.
//! 3. Every holder reconstructs d and e (d = Σ dᵢ for additive sharing). These are partial openings:
//!    their MAC shares m(x)ᵢ − m(a)ᵢ and m(y)ᵢ − m(b)ᵢ wait for the next MAC check.
//! 4. Each holder i sets zᵢ = cᵢ + d·bᵢ + e·aᵢ; the first holder also adds d·e; every
//!    holder updates its MAC share as above.
//!
//! One round, two opened values, one triple; the result's multiplicative depth is one more
//! than its deeper operand's. Vectors multiply lane by lane, one triple per lane: step 1
//! for every lane, then steps 2–3, then step 4, so that each step is one loop over the
//! vector. Independent products can share their round: every d and e of a batch travels
//! in one message per link (`multiply_many`).
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

use crate::error::Result;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::linear::add_public;
use crate::protocols::partial_open::{Opener, broadcast_messages};
use crate::protocols::{mac_check, sacrifice};
use crate::store::{HolderSetId, Holding, Slot};
use crate::tape::{self, Instr};
use crate::view::Step;
use crate::world::World;
use crate::world::fanout::Fanout;

/// Multiplies the shared values in slots `x` and `y` lane by lane (one lane for a
/// scalar); returns the product's slot. One round however many lanes.
///
/// # Errors
///
/// [`Error::NotEnoughOnline`] when fewer holders can answer than the scheme needs.
pub(crate) fn multiply<F: TinyField>(
    w: &mut World<F>,
    x: Slot,
    y: Slot,
    set: HolderSetId,
    at: &'static Location<'static>,
) -> Result<Slot> {
    let mut z = None;
    multiply_many(w, &[(x, y)], set, at, |_, slot| z = Some(slot))?;
    Ok(z.expect("one pair gives one product"))
}

/// Multiplies several independent pairs of shared values lane by lane, opening every d
/// and e in one round; hands each product's slot to `out` with the pair's index.
///
/// # Errors
///
/// [`Error::NotEnoughOnline`] when fewer holders can answer than the scheme needs.
pub(crate) fn multiply_many<F: TinyField>(
    w: &mut World<F>,
    pairs: &[(Slot, Slot)],
    set: HolderSetId,
    at: &'static Location<'static>,
    mut out: impl FnMut(usize, Slot),
) -> Result<()> {
    mac_check::refuse_if_aborted(w)?;
    let n = w.holder_sets.get(set).len();
    let mut costs = Costs::default();
    let mut positions = None;
    let mut opened = 0;
    for (k, &(x, y)) in pairs.iter().enumerate() {
        let about = w.store.next_number();
        let valid = w.store.meta(x).valid & w.store.meta(y).valid;
        let answering = w.answering_for(set, valid, || format!("the product #{about}"))?;
        let valid = valid & w.online_mask(set);
        let z = multiply_lanes(w, (x, y), set, &answering, about, &mut costs);
        opened += 2 * (w.store.data(x).len() / w.lane_len(set)) as u64;
        let depth = w.store.meta(x).depth.max(w.store.meta(y).depth) + 1;
        out(k, w.store.insert(Holding::Shared(set), depth, valid, z));
        positions.get_or_insert(answering);
    }
    // Steps 2 and 3 happen for every lane and pair at once: one message per link.
    let links = positions.map_or(0, |p| (p.len() * (n - 1)) as u64);
    costs += Costs {
        opened,
        messages: links,
        elements: opened * links,
        rounds: 1,
        ..Costs::default()
    };
    w.charge(at, costs);
    mac_check::check_if_full(w, at);
    Ok(())
}

/// Steps 1–4 for every lane of x and y, the holders at `positions` answering; returns
/// the product's shares (and MAC shares), lane by lane.
fn multiply_lanes<F: TinyField>(
    w: &mut World<F>,
    (x, y): (Slot, Slot),
    set: HolderSetId,
    positions: &[usize],
    about: u64,
    costs: &mut Costs,
) -> Vec<F> {
    let lane = w.lane_len(set);
    let lanes = w.store.data(x).len() / lane;
    // Step 1: fresh triples, moved in here and dropped at the end. Their messages go
    // out with step 2's (the same order per lane), unless sacrificing sends more between.
    let triples = w.preprocessing().triples(w, set, lanes, costs);
    let holders = w.holder_sets.shared(set);
    let handed_out = w.sacrifice;
    let mut sacrificed = Vec::new();
    if w.sacrifice {
        w.deliver_triples(&triples, set, about);
        for j in 0..lanes {
            let t = sacrifice::check_triple(w, set, positions, triples.lane(j), about, costs);
            sacrificed.push(t);
        }
    }
    if w.tape.is_some() {
        let xyz = (w.store.meta(x).number, w.store.meta(y).number, about);
        let (serial, online) = (w.unchecked.next_serial(), w.online_mask(set));
        w.record(|| {
            Instr::Multiply(tape::Multiply {
                set,
                xyz,
                positions: positions.to_vec(),
                online,
                serial,
                sacrifice: sacrificed,
            })
        });
    }

    // Steps 2 and 3: open d = x − a for every lane, then e = y − b (shares, then MAC
    // shares), computed as they are sent; `sent` keeps what each holder broadcast, `de`
    // the opened d's, then e's.
    let (mut sent, mut de) = (std::mem::take(&mut w.sent), std::mem::take(&mut w.opened));
    sent.clear();
    de.clear();
    let (mut opener, store) = Opener::new(w, set);
    for (v, step) in [(x, Step::BeaverD), (y, Step::BeaverE)] {
        let shares = store.data(v);
        let masked = |j: usize, out: &mut [F]| {
            let (a, b, _) = triples.lane(j);
            let mask = if step == Step::BeaverD { a } else { b };
            let vj = &shares[j * lane..(j + 1) * lane];
            for ((o, &vi), &mi) in out.iter_mut().zip(vj).zip(mask) {
                *o = vi - mi;
            }
        };
        opener.open(
            (step, about),
            positions,
            lanes,
            masked,
            (&mut sent, &mut de),
        );
    }
    let p = positions.len();
    let (sent_d, sent_e) = sent.split_at(p * lanes);
    let fanout = Fanout::broadcast(&holders, positions, 2);
    let fanout = match handed_out {
        true => fanout,
        false => fanout.after(Fanout::dealt(&holders, 3, lane)),
    };
    w.deliver_lanes(lanes, fanout, |j, out| {
        if !handed_out {
            triples.hand_out(&holders, about, j, out);
        }
        let (d, e) = (&sent_d[p * j..p * (j + 1)], &sent_e[p * j..p * (j + 1)]);
        broadcast_messages(&holders, positions, (Step::BeaverD, about), d, out);
        broadcast_messages(&holders, positions, (Step::BeaverE, about), e, out);
    });

    // Step 4: zᵢ = cᵢ + d·bᵢ + e·aᵢ (shares and MAC shares alike); d·e is a public
    // constant, added as the scheme says (and αᵢ·d·e to every MAC share).
    let mut z = w.store.buffer();
    z.reserve(lanes * lane);
    let (alphas, scheme) = (w.keys.shares(set), w.holder_sets.scheme(set));
    let (ds, es) = de.split_at(lanes);
    for (j, (&d, &e)) in ds.iter().zip(es).enumerate() {
        let (a, b, c) = triples.lane(j);
        let from = z.len();
        let terms = c.iter().zip(b).zip(a);
        z.extend(terms.map(|((&ci, &bi), &ai)| ci + d * bi + e * ai));
        add_public(&mut z[from..], alphas, scheme, d * e);
    }
    (w.sent, w.opened) = (sent, de);
    w.discard(triples);
    z
}
