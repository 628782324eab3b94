//! The simulated wire: every message a protocol sends lands in its receiver's view.
//!
//! Delivery keeps bounded views cheap: when a vector's lanes send the same pattern of
//! messages, the leading lanes that every receiver's bounded view would overwrite within
//! the call are only counted as forgotten ([`World::deliver_lanes`]), from the lane's
//! [`Fanout`], without building their messages.

use super::World;
use super::fanout::Fanout;
use crate::field::TinyField;
use crate::store::MachineId;
use crate::view::{Bytes32, Record, Step, Views};

impl<F: TinyField> World<F> {
    /// Delivers a message to `to`'s view (the simulated wire).
    #[inline]
    pub fn deliver(&mut self, to: MachineId, from: u32, step: Step, about: u64, value: F) {
        let record = Record {
            from,
            step,
            about,
            value,
        };
        self.deliver_record(to, record, None);
    }

    /// Sends `value` (and `bytes`, if any) from the holder at `position` among `holders`
    /// to every other holder: one broadcast of the MAC check.
    pub fn broadcast(
        &mut self,
        holders: &[MachineId],
        position: usize,
        step: Step,
        value: F,
        bytes: Option<Bytes32>,
    ) {
        let record = Record {
            from: holders[position].0,
            step,
            about: 0,
            value,
        };
        for (k, &to) in holders.iter().enumerate() {
            if k != position {
                self.deliver_record(to, record, bytes);
            }
        }
    }

    #[inline(always)]
    fn deliver_record(&mut self, to: MachineId, record: Record<F>, bytes: Option<Bytes32>) {
        if !self.machines[to.0 as usize].online {
            return; // an offline machine receives nothing
        }
        if let Some(transcript) = &mut self.transcript {
            transcript.push((to, record, bytes));
        }
        let view = &mut self.machines[to.0 as usize].view;
        match bytes {
            None => view.push(self.views, record),
            Some(bytes) => view.push_bytes(self.views, record, bytes),
        }
    }

    /// Delivers the messages of `lanes` lanes that follow one pattern (the same receivers
    /// in the same order, as many as `fanout` says); `lane(j, out)` appends lane j's
    /// messages to `out`. The leading lanes whose messages every receiver's bounded view
    /// would overwrite within this call are only counted as forgotten (never while a
    /// transcript is being captured); with views off, that is every lane, a single one
    /// included, and no message is built.
    pub fn deliver_lanes(
        &mut self,
        lanes: usize,
        fanout: Fanout<'_>,
        mut lane: impl FnMut(usize, &mut Vec<(MachineId, Record<F>)>),
    ) {
        let mut out = std::mem::take(&mut self.outbox);
        out.clear();
        let off = self.views == Views::Off && self.transcript.is_none();
        if cfg!(debug_assertions) && lanes > 0 {
            lane(lanes - 1, &mut out);
            let (mut built, mut counted) =
                (vec![0; self.machines.len()], vec![0; self.machines.len()]);
            out.iter().for_each(|(to, _)| built[to.0 as usize] += 1);
            fanout.count(&mut counted);
            assert_eq!(built, counted, "a lane sends what its fanout says");
        }
        let skip = if lanes > 1 || (lanes == 1 && off) {
            self.forget_lanes(lanes, fanout)
        } else {
            0
        };
        for j in skip..lanes {
            out.clear();
            lane(j, &mut out);
            for &(to, record) in &out {
                self.deliver_record(to, record, None);
            }
        }
        self.outbox = out;
    }

    /// How many of `lanes` lanes, each sending as `fanout` says, no view would keep; adds
    /// their messages to the online receivers' forgotten counts.
    fn forget_lanes(&mut self, lanes: usize, fanout: Fanout<'_>) -> usize {
        let kept = match self.views {
            _ if self.transcript.is_some() => return 0,
            Views::All => return 0,
            Views::Off => 0,
            Views::Last(n) => n,
        };
        let mut received = std::mem::take(&mut self.received);
        received.clear();
        received.resize(self.machines.len(), 0);
        fanout.count(&mut received);
        for (r, machine) in received.iter_mut().zip(&self.machines) {
            if !machine.online {
                *r = 0;
            }
        }
        // The last `needed` lanes bring every receiver at least `kept` messages.
        let needed = received
            .iter()
            .filter(|&&r| r > 0)
            .map(|&r| kept.div_ceil(r))
            .max()
            .unwrap_or(lanes);
        let skip = lanes.saturating_sub(needed);
        for (machine, &r) in self.machines.iter_mut().zip(&received) {
            machine.view.forgotten += (r * skip) as u64;
        }
        self.received = received;
        skip
    }
}
