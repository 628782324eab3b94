//! The cost ledger: what each line of the learner's code cost in triples, openings,
//! messages and rounds.
//!
//! Every public operation carries `#[track_caller]`, so the costs of `&a * &b` are charged
//! to the line where the learner wrote it. Costs are split between the *online* phase
//! (what the holders send each other) and what the trusted dealer sends (the *offline*
//! material: triples).

use std::fmt;
use std::ops::{AddAssign, Sub};
use std::panic::Location;

/// Counts of what a computation cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Costs {
    /// Beaver triples consumed.
    pub triples: u64,
    /// Values opened: each is learnt by every holder (e.g. d and e in a multiplication).
    pub opened: u64,
    /// Messages between machines (a broadcast to k machines counts k).
    pub messages: u64,
    /// Field elements inside those messages.
    pub elements: u64,
    /// Communication rounds: steps in which machines must wait for each other.
    pub rounds: u64,
    /// Messages from the dealer to machines.
    pub dealer_messages: u64,
    /// Field elements the dealer sent (MAC shares of dealt values included).
    pub dealer_elements: u64,
    /// Input and output masks the dealer dealt.
    pub masks: u64,
    /// MAC checks run.
    pub mac_checks: u64,
    /// Of `elements`, those sent in MAC checks (commitments and σᵢ): the online MAC
    /// overhead. The dealer's MAC overhead is inside `dealer_elements`.
    pub mac_elements: u64,
    /// Bits inside messages between machines (openings in the binary domain). The
    /// ledger's tables leave the bits out; `Display` shows them when there are any.
    pub bits: u64,
    /// Bits the dealer sent (binary shares and their 64-bit MAC shares).
    pub dealer_bits: u64,
    /// Bytes of the MAC check's hash commitments, their nonces and its coin-toss seeds,
    /// 32 per message that carries them. The ledger's tables leave them out; `Display`
    /// shows them when there are any.
    pub hash_bytes: u64,
}

impl Costs {
    /// Every count of `self` and `o` combined by `op`, field by field.
    fn zip_with(self, o: Costs, op: impl Fn(u64, u64) -> u64) -> Costs {
        Costs {
            triples: op(self.triples, o.triples),
            opened: op(self.opened, o.opened),
            messages: op(self.messages, o.messages),
            elements: op(self.elements, o.elements),
            rounds: op(self.rounds, o.rounds),
            dealer_messages: op(self.dealer_messages, o.dealer_messages),
            dealer_elements: op(self.dealer_elements, o.dealer_elements),
            masks: op(self.masks, o.masks),
            mac_checks: op(self.mac_checks, o.mac_checks),
            mac_elements: op(self.mac_elements, o.mac_elements),
            bits: op(self.bits, o.bits),
            dealer_bits: op(self.dealer_bits, o.dealer_bits),
            hash_bytes: op(self.hash_bytes, o.hash_bytes),
        }
    }
}

impl AddAssign for Costs {
    fn add_assign(&mut self, o: Costs) {
        *self = self.zip_with(o, |a, b| a + b);
    }
}

/// What was spent between two readings of [`crate::Simulation::stats`]: `after - before`.
impl Sub for Costs {
    type Output = Costs;
    fn sub(self, o: Costs) -> Costs {
        self.zip_with(o, |a, b| a - b)
    }
}

impl fmt::Display for Costs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} triple(s), {} opened, {} message(s) with {} element(s), {} round(s), \
             {} MAC check(s) with {} element(s); dealer: {} message(s) with {} element(s), \
             {} mask(s)",
            self.triples,
            self.opened,
            self.messages,
            self.elements,
            self.rounds,
            self.mac_checks,
            self.mac_elements,
            self.dealer_messages,
            self.dealer_elements,
            self.masks
        )?;
        if self.bits + self.dealer_bits > 0 {
            write!(
                f,
                "; bits: {} between machines, {} from the dealer",
                self.bits, self.dealer_bits
            )?;
        }
        if self.hash_bytes > 0 {
            write!(f, "; {} byte(s) of commitments and seeds", self.hash_bytes)?;
        }
        Ok(())
    }
}

/// The costs charged to one source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    /// Where the operation was written (file, line, column).
    pub location: &'static Location<'static>,
    /// How many operations ran there.
    pub operations: u64,
    /// What they cost.
    pub costs: Costs,
}

/// The columns of the ledger's tables after the line: see [`counts`].
pub(crate) const COLUMNS: [&str; 10] = [
    "ops",
    "triples",
    "opened",
    "messages",
    "elements",
    "rounds",
    "MAC checks",
    "dealer msgs",
    "dealer elems",
    "masks",
];

/// A table row's numbers, in [`COLUMNS`] order.
pub(crate) fn counts(ops: u64, c: &Costs) -> [u64; 10] {
    [
        ops,
        c.triples,
        c.opened,
        c.messages,
        c.elements,
        c.rounds,
        c.mac_checks,
        c.dealer_messages,
        c.dealer_elements,
        c.masks,
    ]
}

/// Costs per source line, in the order the lines first ran.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    lines: Vec<LedgerLine>,
    last: usize,
}

impl Ledger {
    /// Charges `costs` to the line at `location`, counting `operations` more operations
    /// there (0 for a step of an operation already counted, such as its MAC check).
    pub(crate) fn charge(
        &mut self,
        location: &'static Location<'static>,
        operations: u64,
        costs: Costs,
    ) {
        // A loop charges the same line over and over: check the last one first.
        let hit = self
            .lines
            .get(self.last)
            .is_some_and(|l| same_place(l.location, location));
        if !hit {
            match self
                .lines
                .iter()
                .position(|l| same_place(l.location, location))
            {
                Some(i) => self.last = i,
                None => {
                    let line = LedgerLine {
                        location,
                        operations: 0,
                        costs: Costs::default(),
                    };
                    self.lines.push(line);
                    self.last = self.lines.len() - 1;
                }
            }
        }
        let line = &mut self.lines[self.last];
        line.operations += operations;
        line.costs += costs;
    }

    /// The lines, in the order they first ran.
    pub fn lines(&self) -> &[LedgerLine] {
        &self.lines
    }

    /// The sum over all lines.
    pub fn total(&self) -> Costs {
        let mut total = Costs::default();
        for line in &self.lines {
            total += line.costs;
        }
        total
    }

    /// The ledger as a Markdown table, for the tutorial and notebooks.
    pub fn to_markdown(&self) -> String {
        let header: Vec<&str> = std::iter::once("line").chain(COLUMNS).collect();
        let rule: Vec<&str> = std::iter::once("---")
            .chain(COLUMNS.map(|_| "---:"))
            .collect();
        let mut out = format!("| {} |\n| {} |\n", header.join(" | "), rule.join(" | "));
        for (name, ops, c) in self.rows() {
            let cells: Vec<String> = counts(ops, &c).iter().map(u64::to_string).collect();
            out += &format!("| {name} | {} |\n", cells.join(" | "));
        }
        out
    }

    /// One row per line, then the total: (place, operations, costs).
    pub(crate) fn rows(&self) -> impl Iterator<Item = (String, u64, Costs)> + '_ {
        let ops = self.lines.iter().map(|l| l.operations).sum();
        let lines = self
            .lines
            .iter()
            .map(|l| (place(l.location), l.operations, l.costs));
        lines.chain(std::iter::once(("total".to_string(), ops, self.total())))
    }
}

impl fmt::Display for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .lines
            .iter()
            .map(|l| place(l.location).len())
            .max()
            .unwrap_or(5)
            .max(5);
        writeln!(
            f,
            "{:<width$}  {:>5}  {:>7}  {:>6}  {:>8}  {:>8}  {:>6}  {:>11}",
            "line", "ops", "triples", "opened", "messages", "elements", "rounds", "dealer elems"
        )?;
        for (name, ops, c) in self.rows() {
            writeln!(
                f,
                "{name:<width$}  {ops:>5}  {:>7}  {:>6}  {:>8}  {:>8}  {:>6}  {:>11}",
                c.triples, c.opened, c.messages, c.elements, c.rounds, c.dealer_elements
            )?;
        }
        Ok(())
    }
}

fn same_place(a: &Location<'_>, b: &Location<'_>) -> bool {
    std::ptr::eq(a, b) || a == b
}

/// `file:line`, with the file's directories dropped for readability.
pub(crate) fn place(l: &Location<'_>) -> String {
    let file = l.file().rsplit(['/', '\\']).next().unwrap_or(l.file());
    format!("{file}:{}", l.line())
}
