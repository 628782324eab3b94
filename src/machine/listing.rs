//! What a machine holds, as its `Display` lists it and its notebook table shows it.

use std::fmt;

use super::VirtualMachine;
use crate::field::TinyField;
use crate::store::Holding;

/// Writes `[v₀, v₁, …]`, eliding the middle of long vectors.
pub(crate) fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    const SHOWN: usize = 8;
    write!(f, "[")?;
    for (i, item) in items.iter().enumerate() {
        if items.len() > SHOWN && i == SHOWN - 2 {
            write!(f, ", … ({} more)", items.len() - SHOWN + 1)?;
        }
        if items.len() > SHOWN && i >= SHOWN - 2 && i + 1 < items.len() {
            continue;
        }
        write!(f, "{}{item}", if i == 0 { "" } else { ", " })?;
    }
    write!(f, "]")
}

/// One value a machine holds, for its listing: its number, what it is, and the machine's
/// elements of it (one for a scalar, one per lane for a vector).
struct Held<F> {
    number: u64,
    /// `None` for a private value of the machine; the holders' names for a share.
    holders: Option<String>,
    elements: Vec<F>,
}

/// How many of a vector's shares a listing row shows before `…`.
const SHARES_SHOWN: usize = 3;

/// One row of a machine's listing: what its `Display` prints and its notebook table shows
/// (one row per value, a vector included).
pub(crate) struct ListingRow {
    /// The value's number, `#number` in the listing.
    pub number: u64,
    /// What the value is: `PrivateScalar`, `PrivateVector`, `share among (alice, bob)` or
    /// `share of a vector of 1000 among (alice, bob)`.
    pub what: String,
    /// The machine's elements of it: `25`, `[5, -6, 7]`, `-16` or, for a vector's shares,
    /// the first few, `[27, 0, 45, …]`.
    pub elements: String,
    /// A private value of the machine (listed as `PrivateScalar(25, 'alice')`) rather than
    /// a share (listed as `share among (alice, bob): -16`).
    pub private: bool,
}

/// A list of values as [`write_list`] prints it, for `to_string`.
struct List<'a, F>(&'a [F]);

impl<F: fmt::Display> fmt::Display for List<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_list(f, self.0)
    }
}

impl<F: TinyField> VirtualMachine<F> {
    /// What the machine holds, one entry per value: its private values and its shares,
    /// in storage order.
    fn held(&self) -> Vec<Held<F>> {
        let w = self.sim.world.borrow();
        let mut held = Vec::new();
        for (meta, data) in w.store.live() {
            match meta.holding {
                Holding::Private(owner) if owner == self.id => held.push(Held {
                    number: meta.number,
                    holders: None,
                    elements: data.to_vec(),
                }),
                Holding::Shared(set) => {
                    let holders = w.holder_sets.get(set);
                    if let Some(i) = holders.iter().position(|&h| h == self.id) {
                        let lane = w.lane_len(set);
                        held.push(Held {
                            number: meta.number,
                            holders: Some(w.names(holders).join(", ")),
                            elements: data.chunks(lane).map(|shares| shares[i]).collect(),
                        });
                    }
                }
                Holding::Private(_) => {}
            }
        }
        held
    }

    /// What the machine holds, as (value number, what it is, the element): its private
    /// values and its shares, in storage order. A vector gives one row per element,
    /// marked `[j]` (the machine's listing and its [`to_html`](Self::to_html) table, by
    /// contrast, give one row per vector).
    pub fn holdings(&self) -> Vec<(u64, String, F)> {
        let mut rows = Vec::new();
        for Held {
            number,
            holders,
            elements,
        } in self.held()
        {
            let single = elements.len() == 1;
            for (j, v) in elements.into_iter().enumerate() {
                let what = match (&holders, single) {
                    (None, true) => "PrivateScalar".to_string(),
                    (None, false) => format!("PrivateVector[{j}]"),
                    (Some(names), true) => format!("share among ({names})"),
                    (Some(names), false) => format!("share of [{j}] among ({names})"),
                };
                rows.push((number, what, v));
            }
        }
        rows
    }

    /// What the machine holds, one row per value, as its listing shows it.
    pub(crate) fn listing(&self) -> Vec<ListingRow> {
        self.held().into_iter().map(Held::into_row).collect()
    }
}

impl<F: TinyField> Held<F> {
    /// The value's row in the listing.
    fn into_row(self) -> ListingRow {
        let (what, elements, private) = match (self.holders, self.elements.as_slice()) {
            (None, [v]) => ("PrivateScalar".to_string(), v.to_string(), true),
            (None, values) => ("PrivateVector".to_string(), List(values).to_string(), true),
            (Some(names), [v]) => (format!("share among ({names})"), v.to_string(), false),
            (Some(names), shares) => {
                let n = shares.len();
                let first: Vec<String> = shares[..n.min(SHARES_SHOWN)]
                    .iter()
                    .map(|v| v.to_string())
                    .collect();
                let more = if n > SHARES_SHOWN { ", …" } else { "" };
                let what = format!("share of a vector of {n} among ({names})");
                (what, format!("[{}{more}]", first.join(", ")), false)
            }
        };
        ListingRow {
            number: self.number,
            what,
            elements,
            private,
        }
    }
}

/// Lists what the machine holds, one row per value, e.g.
///
/// ```text
/// VirtualMachine('alice') holds 4 value(s):
///   #1 PrivateScalar(25, 'alice')
///   #2 share among (alice, bob): -16
///   #3 PrivateVector([5, -6, 7], 'alice')
///   #5 share of a vector of 1000 among (alice, bob): [27, 0, 45, …]
/// ```
///
/// (in F101; a vector's row shows the machine's first few shares).
impl<F: TinyField> fmt::Display for VirtualMachine<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = self.listing();
        writeln!(
            f,
            "VirtualMachine('{}') holds {} value(s):",
            self.name,
            rows.len()
        )?;
        for ListingRow {
            number,
            what,
            elements,
            private,
        } in rows
        {
            if private {
                writeln!(f, "  #{number} {what}({elements}, '{}')", self.name)?;
            } else {
                writeln!(f, "  #{number} {what}: {elements}")?;
            }
        }
        Ok(())
    }
}
