//! What preprocessing produces, as the protocols consume it: Beaver triples, masks with
//! known bits, and edaBits with their AND triples and daBit.
//!
//! These are plain data, whoever made them: slots of the store for what is shared in the
//! field, and bit vectors laid out as in [`crate::protocols::binary`] for what is shared
//! in GF(2). [`super::Preprocessing`] is the interface that makes them.

use crate::field::TinyField;
use crate::store::{MachineId, Slot};
use crate::view::{DEALER, Record, Step};

/// Slots of a dealt mask r = 2ᵐ·r″ + Σ 2ⁱ·rᵢ: the bits (least significant first, empty
/// when they were not asked for), the low part Σ 2ⁱ·rᵢ, and r″.
pub(crate) struct BitMask {
    pub bits: Vec<Slot>,
    pub low: Slot,
    pub high: Slot,
}

/// What the dealer deals for comparisons of `m` low bits, each part one lane per
/// comparison, binary parts laid out as in [`crate::protocols::binary`].
pub(crate) struct EdaBits {
    /// The number of r₀ (the binary values are numbered as [`crate::tape::Instr::EdaBits`]
    /// says).
    pub first_bit: u64,
    /// r₀, …, r_{m−1}.
    pub r: Vec<Vec<u64>>,
    /// (bᵢ, cᵢ = rᵢ ∧ bᵢ) for i = 1, …, m − 1, at index i − 1.
    pub and: Vec<[Vec<u64>; 2]>,
    /// The daBit β in the binary domain.
    pub beta: Vec<u64>,
    /// Field slots: r′ = Σ 2ⁱ·rᵢ, r″, and β.
    pub low: Slot,
    pub high: Slot,
    pub beta_field: Slot,
}

/// Beaver triples (a, b, c = ab), one per lane, in holder order: for each lane a, b and
/// c, each `width` wide (its n shares, then with MACs on its n MAC shares).
///
/// Not `Clone`: triples are moved into the multiplication that consumes them.
#[derive(Debug)]
pub(crate) struct Triples<F> {
    pub data: Vec<F>,
    pub width: usize,
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

    /// The triples' memory, to give back to the store once they are used.
    pub fn into_data(self) -> Vec<F> {
        self.data
    }
}

/// The messages that hand each holder its part of a dealt value (its share, then its MAC
/// share when there is one).
pub(crate) fn hand_out_messages<F: TinyField>(
    holders: &[MachineId],
    step: Step,
    about: u64,
    dealt: &[F],
    out: &mut Vec<(MachineId, Record<F>)>,
) {
    let n = holders.len();
    let record = |step, value| Record {
        from: DEALER,
        step,
        about,
        value,
    };
    for (k, &to) in holders.iter().enumerate() {
        out.push((to, record(step, dealt[k])));
        if dealt.len() > n {
            out.push((to, record(Step::DealtMac, dealt[n + k])));
        }
    }
}
