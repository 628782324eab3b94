//! Beaver triples as the dealer deals them: a batch, one triple per lane, moved into the
//! multiplication that consumes it.
//!
//! For each lane the dealer draws a and b uniformly, computes c = a·b, and deals all three
//! as authenticated sharings ([`Dealing`]). A batch is stored lane by lane so that a
//! vector product reads its triples in order, and it is not `Clone`: a used triple is
//! gone ([`Triples::discard`]).

use super::dealing::Dealing;
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::store::HolderSetId;
use crate::world::World;
use crate::world::preprocessed::Triples;

/// Deals `lanes` fresh triples among `set`, adding what they cost to `costs`;
/// [`Triples::hand_out`] makes the messages that deliver them. A corrupt dealer adds an
/// offset to c (zero when honest); the MACs then authenticate the wrong c, as a corrupt
/// dealer's would. A dealer told to reuse a triple deals it again, shares and MACs alike,
/// as the next one.
pub(crate) fn deal_triples<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    lanes: usize,
    costs: &mut Costs,
) -> Triples<F> {
    let dealing = Dealing::new(w, set);
    let width = dealing.width();
    let mut data = w.store.buffer();
    data.reserve(3 * width * lanes);
    let reuses = !w.adversary.repeats.is_empty();
    for _ in 0..lanes {
        w.dealer.triples += 1;
        let from = data.len();
        match reuses.then(|| w.adversary.kept.take()).flatten() {
            Some((kept_for, kept)) if kept_for == set => data.extend(kept),
            _ => {
                let offset = w.adversary.triple_offset(w.dealer.triples);
                let (a, b) = (F::random(&mut w.rng), F::random(&mut w.rng));
                for v in [a, b, a * b + offset] {
                    dealing.deal(&mut w.rng, v, &mut data);
                }
            }
        }
        if reuses && w.adversary.repeats_triple(w.dealer.triples) {
            w.adversary.kept = Some((set, data[from..].to_vec()));
        }
    }
    let (n, lanes) = (w.holder_sets.get(set).len() as u64, lanes as u64);
    *costs += Costs {
        triples: lanes,
        dealer_messages: n * lanes,
        dealer_elements: 3 * width as u64 * lanes,
        ..Costs::default()
    };
    Triples { data, width }
}
