//! How many messages one lane of a protocol sends to each holder, so that messages no
//! view keeps can be counted without being built ([`super::World::deliver_lanes`]).

use crate::store::MachineId;

/// How many messages each holder receives in one lane: `dealt` from the dealer, and
/// `broadcast` from each other holder at one of `positions`.
#[derive(Clone, Copy)]
pub struct Fanout<'a> {
    holders: &'a [MachineId],
    dealt: usize,
    broadcast: usize,
    positions: &'a [usize],
}

impl<'a> Fanout<'a> {
    /// The dealer hands each holder its part of `values` dealt values of `width` words per
    /// lane: its share, and its MAC share when the width holds MACs.
    #[inline]
    pub fn dealt(holders: &'a [MachineId], values: usize, width: usize) -> Self {
        let parts = if width > holders.len() { 2 } else { 1 };
        Fanout {
            holders,
            dealt: values * parts,
            broadcast: 0,
            positions: &[],
        }
    }

    /// Each holder at `positions` sends `times` messages to every other holder.
    #[inline]
    pub fn broadcast(holders: &'a [MachineId], positions: &'a [usize], times: usize) -> Self {
        Fanout {
            holders,
            dealt: 0,
            broadcast: times,
            positions,
        }
    }

    /// These broadcasts, after the dealer's messages of `dealt`.
    #[inline]
    pub fn after(self, dealt: Fanout<'a>) -> Self {
        Fanout {
            dealt: dealt.dealt,
            ..self
        }
    }

    /// Adds each holder's count to `received` (indexed by machine).
    pub(super) fn count(&self, received: &mut [usize]) {
        let everyone = self.dealt + self.broadcast * self.positions.len();
        for to in self.holders {
            received[to.0 as usize] += everyone;
        }
        for &i in self.positions {
            received[self.holders[i].0 as usize] -= self.broadcast;
        }
    }
}
