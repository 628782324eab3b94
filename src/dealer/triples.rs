//! Beaver triples as the dealer deals them: a batch, one triple per lane, moved into the
//! multiplication that consumes it.
//!
//! For each lane the dealer draws a and b uniformly, computes c = a·b, and deals all three
//! as authenticated sharings ([`Dealing`]). A batch is stored lane by lane so that a
//! vector product reads its triples in order, and it is not `Clone`: a used triple is
//! gone ([`Triples::discard`]).

use super::{Dealing, hand_out_messages};
use crate::field::TinyField;
use crate::ledger::Costs;
use crate::machine::MachineId;
use crate::store::HolderSetId;
use crate::view::{Record, Step};
use crate::world::World;

/// Beaver triples (a, b, c = ab), one per lane, in holder order: for each lane a, b and
/// c, each `width` wide (its n shares, then with MACs on its n MAC shares).
///
/// Not `Clone`: triples are moved into the multiplication that consumes them.
#[derive(Debug)]
pub(crate) struct Triples<F> {
    data: Vec<F>,
    width: usize,
}

impl<F: TinyField> Triples<F> {
    /// Lane j's dealt a, b and c, each as shares followed by MAC shares.
    pub fn lane(&self, j: usize) -> (&[F], &[F], &[F]) {
        let w = self.width;
        let t = &self.data[3 * w * j..3 * w * (j + 1)];
        (&t[..w], &t[w..2 * w], &t[2 * w..])
    }

    /// The messages that hand each holder its part of lane j's triple.
    pub fn hand_out(
        &self,
        holders: &[MachineId],
        about: u64,
        j: usize,
        out: &mut Vec<(MachineId, Record<F>)>,
    ) {
        let (a, b, c) = self.lane(j);
        for (part, step) in [(a, Step::TripleA), (b, Step::TripleB), (c, Step::TripleC)] {
            hand_out_messages(holders, step, about, part, out);
        }
    }

    /// Delivers every lane's triple to its holders now (see [`hand_out`](Self::hand_out)).
    pub fn deliver(&self, w: &mut World<F>, set: HolderSetId, about: u64) {
        let holders = w.holder_sets.shared(set);
        let lanes = self.data.len() / (3 * self.width.max(1));
        w.deliver_lanes(lanes, |j, out| self.hand_out(&holders, about, j, out));
    }

    /// Gives the triples' memory back for the next value: a used triple is gone.
    pub fn discard(self, w: &mut World<F>) {
        w.store.recycle(self.data);
    }
}

/// Deals `lanes` fresh triples among `set`, adding what they cost to `costs`;
/// [`Triples::hand_out`] makes the messages that deliver them. A corrupt dealer adds an
/// offset to c (zero when honest); the MACs then authenticate the wrong c, as a corrupt
/// dealer's would.
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
    for _ in 0..lanes {
        w.dealer.triples += 1;
        let offset = w.adversary.triple_offset(w.dealer.triples);
        let (a, b) = (F::random(&mut w.rng), F::random(&mut w.rng));
        for v in [a, b, a * b + offset] {
            dealing.deal(&mut w.rng, v, &mut data);
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
