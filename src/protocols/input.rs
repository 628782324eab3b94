//! Input sharing: a machine turns its private value into (authenticated) shares.
//!
//! # The math
//!
//! Without MACs: x = x₁ + … + xₙ with x₁, …, xₙ₋₁ uniform (see
//! [`crate::sharing::additive`]), or Shamir shares f(1), …, f(n) of a random polynomial with
//! f(0) = x (see [`crate::sharing::shamir`]).
//!
//! With MACs the owner cannot make MAC shares (it does not know α), so it uses a mask
//! \[r\] from the dealer whose value r only it knows: \[x\] = \[r\] + (x − r), adding the public
//! constant ε = x − r to an authenticated sharing.
//!
//! # Protocol
//!
//! Without MACs:
//! 1. The owner draws n − 1 uniform shares and sets the last to x minus their sum.
//! 2. The owner sends share k to holder k (keeping its own if it is a holder).
//!
//! With MACs (SPDZ, 2011/535 fig. 1, "Input"):
//! 1. The dealer deals an authenticated \[r\] among the holders and tells r to the owner.
//! 2. The owner broadcasts ε = x − r to the holders.
//! 3. Each holder sets its share to rᵢ (+ ε for the first holder) and its MAC share to
//!    m(r)ᵢ + αᵢ·ε.
//!
//! One round either way.
//!
//! # Security note
//!
//! Every holder but the owner sees uniform elements only (shares, or ε masked by r). The
//! simulation's broadcast is consistent; a real network would have to check that the
//! owner sent every holder the same ε. An owner may of course lie about its input: no
//! protocol can prevent that.
//!
//! # References
//!
//! - Damgård, Pastro, Smart, Zakarias, SPDZ, eprint 2011/535.

use std::panic::Location;

use crate::field::TinyField;
use crate::ledger::Costs;
use crate::protocols::linear::add_public;
use crate::store::MachineId;
use crate::store::{HolderSetId, Holding, Slot};
use crate::tape::{self, Instr};
use crate::view::Step;
use crate::world::World;

/// Shares `secrets` (one per lane: one for a scalar), owned by `owner`, among `set`;
/// returns the shared value's slot. Holders that are offline receive nothing and hold no
/// valid share. All lanes travel in one message per holder.
pub(crate) fn share<F: TinyField>(
    w: &mut World<F>,
    owner: MachineId,
    secrets: &[F],
    set: HolderSetId,
    at: &'static Location<'static>,
) -> Slot {
    let about = w.store.next_number();
    let n = w.holder_sets.get(set).len();
    let scheme = w.holder_sets.scheme(set);
    let mut costs = Costs {
        rounds: 1,
        ..Costs::default()
    };
    w.preprocessing().mac_key(w, set, &mut costs);
    let mut shares = w.store.buffer();
    let sent = w
        .holder_sets
        .get(set)
        .iter()
        .filter(|&&to| to != owner)
        .count() as u64;
    for &secret in secrets {
        let from = shares.len();
        if w.macs {
            // Step 1: the mask [r], with r told to the owner.
            let r = w.preprocessing().mask(
                w,
                (set, owner),
                (about, Step::InputMask),
                &mut shares,
                &mut costs,
            );
            // Step 2: the owner broadcasts ε = x − r.
            let epsilon = secret - r;
            for k in 0..n {
                let to = w.holder_sets.get(set)[k];
                if to != owner {
                    w.deliver(to, owner.0, Step::InputShare, about, epsilon);
                }
            }
            // Step 3: [x] = [r] + ε.
            add_public(&mut shares[from..], w.keys.shares(set), scheme, epsilon);
        } else {
            // Steps 1 and 2: random shares, each sent to its holder.
            scheme.share_checked(secret, n, &mut w.rng, &mut shares);
            for k in 0..n {
                let to = w.holder_sets.get(set)[k];
                if to != owner {
                    w.deliver(to, owner.0, Step::InputShare, about, shares[from + k]);
                }
            }
        }
    }
    costs += Costs {
        messages: sent,
        elements: sent * secrets.len() as u64,
        ..Costs::default()
    };
    w.charge(at, costs);
    let valid = w.online_mask(set);
    let macs = w.macs;
    w.record(|| {
        Instr::Input(tape::Input {
            owner,
            set,
            z: about,
            secrets: secrets.to_vec(),
            drawn: if macs { Vec::new() } else { shares.clone() },
            online: valid,
        })
    });
    w.store.insert(Holding::Shared(set), 0, valid, shares)
}
