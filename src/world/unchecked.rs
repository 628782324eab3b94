//! The openings that wait for the MAC check: what was opened, by whom, with each holder's
//! MAC share, and how they group into checks when machines drop out.
//!
//! # The rule
//!
//! An opening can be checked only by the holders that answered in it (the others hold no
//! valid MAC share of the opened value), and only while enough of them are online: t + 1
//! for a Shamir sharing of threshold t, all n for additive sharing. The openings of one
//! holder set are checked together when the holders that answered all of them, and are
//! online, are enough; otherwise they form several groups, one check each. An opening
//! that too few of its holders can check now stays here until they can: nothing is
//! dropped unchecked.

use crate::error::Error;
use crate::store::HolderSetId;
use crate::view::Step;

/// How many openings may wait for a check before one runs on its own, which keeps memory
/// bounded in long computations without outputs.
pub(crate) const MAX_UNCHECKED: usize = 1 << 14;

/// Consecutive values opened together (a scalar, or every lane of a vector), waiting for
/// the MAC check.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OpenedTogether {
    pub set: HolderSetId,
    /// The number of the value the opening belongs to.
    pub about: u64,
    pub step: Step,
    /// Which holders answered in the opening (bit k for the k-th).
    pub answered: u128,
    /// The run's number among all runs of its buffer, from 0 (the tape names it so).
    pub serial: u64,
    /// How many values, stored one after another in [`Unchecked::values`] from `value_at`.
    len: usize,
    value_at: usize,
    /// How many MAC shares each value has in [`Unchecked::macs`] (one per holder), stored
    /// value by value from `mac_at`.
    holders: usize,
    mac_at: usize,
}

impl OpenedTogether {
    /// "beaver d of #7", or "beaver d of #9 (3 lanes)" for a vector's lanes.
    fn describe(&self) -> String {
        match self.len {
            1 => format!("{} of #{}", self.step, self.about),
            lanes => format!("{} of #{} ({lanes} lanes)", self.step, self.about),
        }
    }
}

/// Values opened and not yet checked, with each holder's MAC share of them: for every
/// value in order, its holders' MAC shares one after another in [`Unchecked::macs`].
#[derive(Debug)]
pub(crate) struct Unchecked<F> {
    runs: Vec<OpenedTogether>,
    values: Vec<F>,
    macs: Vec<F>,
    /// How many values may wait before [`is_full`](Self::is_full) asks for a check.
    limit: usize,
    /// The serial of the next run.
    next: u64,
}

impl<F> Default for Unchecked<F> {
    fn default() -> Self {
        Unchecked {
            runs: Vec::new(),
            values: Vec::new(),
            macs: Vec::new(),
            limit: MAX_UNCHECKED,
            next: 0,
        }
    }
}

/// The openings of one holder set that one check covers, and the holders that run it.
#[derive(Debug)]
pub(crate) struct Group {
    pub set: HolderSetId,
    /// The holders that answered every opening of the group and are online (bit k for the
    /// k-th); at least as many as the scheme needs.
    pub checkers: u128,
    /// The group's runs, by index, in the order they were opened.
    pub runs: Vec<usize>,
}

/// How the waiting openings split: the groups that can be checked now, and the runs
/// (by index) that too few of their holders are online to check.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub groups: Vec<Group>,
    pub waiting: Vec<usize>,
}

impl<F: Copy + 'static> Unchecked<F> {
    /// Records that `values` were opened together, with the holders' MAC shares of each
    /// (all of the first value's, then all of the second's, …).
    pub fn push<'a>(
        &mut self,
        set: HolderSetId,
        tag: (Step, u64),
        answered: u128,
        values: &[F],
        macs: impl Iterator<Item = &'a [F]>,
    ) {
        let mut holders = 0;
        for m in macs {
            holders = m.len();
            self.push_macs(m);
        }
        self.close_run(set, tag, answered, values, holders);
    }

    /// Puts aside one opened value's MAC shares (one per holder), before
    /// [`close_run`](Self::close_run) records the values they belong to.
    #[inline]
    pub fn push_macs(&mut self, macs: &[F]) {
        self.macs.extend_from_slice(macs);
    }

    /// Records that `values` were opened together, their MAC shares (`holders` per value)
    /// pushed already by [`push_macs`](Self::push_macs).
    pub fn close_run(
        &mut self,
        set: HolderSetId,
        (step, about): (Step, u64),
        answered: u128,
        values: &[F],
        holders: usize,
    ) {
        let (value_at, mac_at) = (self.values.len(), self.macs.len() - holders * values.len());
        self.values.extend_from_slice(values);
        self.runs.push(OpenedTogether {
            set,
            about,
            step,
            answered,
            serial: self.next,
            len: values.len(),
            value_at,
            holders,
            mac_at,
        });
        self.next += 1;
    }

    /// The serial the next run will get.
    pub fn next_serial(&self) -> u64 {
        self.next
    }

    /// How many opened values wait for a check.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Whether enough values wait that a check should run on its own: [`MAX_UNCHECKED`], or
    /// as many more again as waited when the last check could not cover them all.
    pub fn is_full(&self) -> bool {
        self.len() >= self.limit
    }

    /// The values of run `k` and their MAC shares (one per holder per value).
    fn opened(&self, k: usize) -> (&[F], &[F]) {
        let run = &self.runs[k];
        let values = &self.values[run.value_at..][..run.len];
        (values, &self.macs[run.mac_at..][..run.holders * run.len])
    }

    /// Every value of `group` with its holders' MAC shares, in the order they were opened.
    pub fn values_of<'a>(&'a self, group: &'a Group) -> impl Iterator<Item = (F, &'a [F])> {
        group.runs.iter().flat_map(move |&k| {
            let (values, macs) = self.opened(k);
            let n = self.runs[k].holders;
            values.iter().copied().zip(macs.chunks_exact(n))
        })
    }

    /// Groups the waiting runs into checks. `can(set)` gives the holders of `set` that are
    /// online (a mask) and how many the scheme needs. Runs of one set join the first group
    /// whose checkers, together with theirs, are still enough; the groups come in the order
    /// of their holder sets, then of their first run.
    pub fn plan(&self, can: impl Fn(HolderSetId) -> (u128, usize)) -> Plan {
        let mut plan = Plan::default();
        let mut known: Vec<(HolderSetId, (u128, usize))> = Vec::new();
        for (k, run) in self.runs.iter().enumerate() {
            let (online, needed) = match known.iter().find(|(set, _)| *set == run.set) {
                Some(&(_, can)) => can,
                None => {
                    known.push((run.set, can(run.set)));
                    known[known.len() - 1].1
                }
            };
            let checkers = run.answered & online;
            let enough = |mask: u128| mask.count_ones() as usize >= needed;
            if !enough(checkers) {
                plan.waiting.push(k);
                continue;
            }
            let joins = plan
                .groups
                .iter_mut()
                .find(|g| g.set == run.set && enough(g.checkers & checkers));
            match joins {
                Some(group) => {
                    group.checkers &= checkers;
                    group.runs.push(k);
                }
                None => plan.groups.push(Group {
                    set: run.set,
                    checkers,
                    runs: vec![k],
                }),
            }
        }
        plan.groups.sort_by_key(|g| g.set.0); // stable: a set's groups keep their order
        plan
    }

    /// Keeps only the runs at `keep` (indices in order), with their values and MAC shares,
    /// and sets the next automatic check's limit; an empty `keep` forgets everything and
    /// keeps the buffers.
    pub fn retain(&mut self, keep: &[usize]) {
        if keep.is_empty() {
            self.runs.clear();
            self.values.clear();
            self.macs.clear();
            self.limit = MAX_UNCHECKED;
            return;
        }
        let mut kept = Unchecked::default();
        for &k in keep {
            let (values, macs) = self.opened(k);
            kept.macs.extend_from_slice(macs);
            let run = self.runs[k];
            kept.close_run(
                run.set,
                (run.step, run.about),
                run.answered,
                values,
                run.holders,
            );
            kept.runs.last_mut().expect("just kept").serial = run.serial;
        }
        kept.next = self.next;
        kept.limit = kept.len() + MAX_UNCHECKED;
        *self = kept;
    }

    /// The run at index `k`.
    pub fn run(&self, k: usize) -> &OpenedTogether {
        &self.runs[k]
    }
}

/// What [`Error::MacCheckFailed`] says of the runs `runs`: how many, how many of each
/// kind, and the first few by name.
pub(crate) fn describe<'a>(
    runs: impl IntoIterator<Item = &'a OpenedTogether>,
) -> (usize, Vec<(String, usize)>, Vec<String>) {
    let (mut count, mut kinds, mut values) = (0, Vec::<(String, usize)>::new(), Vec::new());
    for run in runs {
        count += 1;
        let kind = run.step.to_string();
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
        if values.len() < Error::LISTED_OPENINGS {
            values.push(run.describe());
        }
    }
    (count, kinds, values)
}
