//! How the dealer deals: the MAC key's shares, authenticated sharings of values, the
//! messages that hand them out, and masks told to one machine.

use rand::rngs::ChaCha12Rng;

use crate::field::TinyField;
use crate::ledger::Costs;
use crate::sharing::Scheme;
use crate::store::{HolderSetId, MachineId};
use crate::tape::Instr;
use crate::view::{DEALER, Step};
use crate::world::World;
use crate::world::fanout::Fanout;
use crate::world::preprocessed::hand_out_messages;

/// Deals α's shares to a holder set the first time it needs them (MACs on only).
pub(crate) fn ensure_key<F: TinyField>(w: &mut World<F>, set: HolderSetId, costs: &mut Costs) {
    if !w.macs || w.keys.has(set) {
        return;
    }
    let alpha = global_key(w);
    let n = w.holder_sets.get(set).len();
    let mut shares = Vec::with_capacity(n);
    w.holder_sets
        .scheme(set)
        .share(alpha, n, &mut w.rng, &mut shares);
    for (k, &share) in shares.iter().enumerate() {
        let to = w.holder_sets.get(set)[k];
        w.deliver(to, DEALER, Step::MacKey, 0, share);
    }
    *costs += Costs {
        dealer_messages: n as u64,
        dealer_elements: n as u64,
        ..Costs::default()
    };
    w.keys.give(set, shares);
    w.record(|| Instr::MacKey { set });
}

/// The global MAC key α, drawn by the dealer when first needed.
pub(crate) fn global_key<F: TinyField>(w: &mut World<F>) -> F {
    match w.dealer.alpha {
        Some(alpha) => alpha,
        None => *w.dealer.alpha.insert(F::random(&mut w.rng)),
    }
}

/// How the dealer shares values among one holder set: its size, its scheme, and α when
/// MACs are on. Looked up once for many values.
#[derive(Clone, Copy)]
pub(crate) struct Dealing<F> {
    n: usize,
    scheme: Scheme,
    alpha: Option<F>,
}

impl<F: TinyField> Dealing<F> {
    /// How the dealer shares among `set`.
    pub fn new(w: &World<F>, set: HolderSetId) -> Self {
        Dealing {
            n: w.holder_sets.get(set).len(),
            scheme: w.holder_sets.scheme(set),
            alpha: w.dealer.alpha.filter(|_| w.macs),
        }
    }

    /// How many elements one dealt value takes: n shares, and n MAC shares with MACs on.
    pub fn width(&self) -> usize {
        if self.alpha.is_some() {
            2 * self.n
        } else {
            self.n
        }
    }

    /// Appends an authenticated sharing of `v` to `out`: n shares, then (MACs on) n MAC
    /// shares of α·v.
    #[inline(always)]
    pub fn deal(&self, rng: &mut ChaCha12Rng, v: F, out: &mut Vec<F>) {
        self.scheme.share_checked(v, self.n, rng, out);
        if let Some(alpha) = self.alpha {
            self.scheme.share_checked(alpha * v, self.n, rng, out);
        }
    }
}

/// Appends an authenticated sharing of `v` to `out` (see [`Dealing::deal`]). Returns the
/// number of elements appended.
pub(crate) fn deal_value<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    v: F,
    out: &mut Vec<F>,
) -> usize {
    let dealing = Dealing::new(w, set);
    dealing.deal(&mut w.rng, v, out);
    dealing.width()
}

/// Delivers each holder its part of a dealt value stored at `out[start..start + width]`.
pub(crate) fn hand_out<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    step: Step,
    about: u64,
    dealt: &[F],
) {
    let holders = w.holder_sets.shared(set);
    let fanout = Fanout::dealt(&holders, 1, dealt.len());
    w.deliver_lanes(1, fanout, |_, out| {
        hand_out_messages(&holders, step, about, dealt, out)
    });
}

/// Deals an authenticated random mask [r] among `set` and tells r to `owner` alone.
/// Appends the sharing to `out` and returns r.
pub(crate) fn deal_mask<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    owner: MachineId,
    about: u64,
    step: Step,
    out: &mut Vec<F>,
    costs: &mut Costs,
) -> F {
    w.dealer.masks += 1;
    let r = F::random(&mut w.rng);
    let width = deal_value(w, set, r, out) as u64;
    hand_out(w, set, step, about, &out[out.len() - width as usize..]);
    w.deliver(owner, DEALER, step, about, r);
    let n = w.holder_sets.get(set).len() as u64;
    *costs += Costs {
        masks: 1,
        dealer_messages: n + 1,
        dealer_elements: width + 1,
        ..Costs::default()
    };
    r
}
