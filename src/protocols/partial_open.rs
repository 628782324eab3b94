//! Partial opening: the holders reveal a shared value to each other, and put its MAC
//! shares aside for the next MAC check.
//!
//! # The math
//!
//! x = x₁ + … + xₙ; the MAC shares m₁ + … + mₙ = α·x are *not* sent.
//!
//! # Protocol (SPDZ's partial opening, 2011/535 §3)
//!
//! 1. Each holder i broadcasts its share xᵢ.
//! 2. Every holder adds the shares it received to its own: x′ = Σ xᵢ.
//! 3. Each holder keeps x′ and its MAC share mᵢ until the next MAC check
//!    ([`super::mac_check`]), which runs before anything is output.
//!
//! One round. Until the check, x′ may be wrong: a cheating holder may have sent
//! xᵢ + δ.
//!
//! # Security note
//!
//! Every holder learns x. Protocols only open values that are masked by fresh dealer
//! randomness (d = x − a, e = y − b, x − r), which are uniform whatever the secrets are.
//! The simulation has each holder broadcast one value to all; a real network would also
//! have to make sure a cheater cannot send different values to different holders.
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535, §3.

use crate::field::TinyField;
use crate::simulation::World;
use crate::store::HolderSetId;
use crate::view::Step;

/// Opens the value with `shares` (and MAC shares `macs`, empty with MACs off) among `set`
/// (steps 1–3); returns the opened value. The caller charges the costs: n·(n − 1)
/// messages of one element, one round.
pub(crate) fn partial_open<F: TinyField>(
    w: &mut World<F>,
    set: HolderSetId,
    about: u64,
    step: Step,
    shares: &[F],
    macs: &[F],
) -> F {
    let n = shares.len();
    let mut value = F::ZERO;
    // Steps 1 and 2: broadcast (through the adversary, who may shift it) and add up.
    for (i, &share) in shares.iter().enumerate() {
        let from = w.holder_sets.get(set)[i];
        let sent = w.adversary.opening(from, share);
        value += sent;
        for k in (0..n).filter(|&k| k != i) {
            let to = w.holder_sets.get(set)[k];
            w.deliver(to, from.0, step, about, sent);
        }
    }
    // Step 3: keep the MAC shares for the check.
    if !macs.is_empty() {
        w.pending
            .push(set, about, step, value, macs.iter().copied());
    }
    value
}
