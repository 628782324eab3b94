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

use crate::table::{Column, Options, Row, Table};

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

    /// The ledger as a Markdown table, for the tutorial and notebooks (see
    /// [`table`](Self::table) for the code of each line and fewer columns).
    pub fn to_markdown(&self) -> String {
        self.table().to_markdown()
    }

    /// The ledger as a table to tune before showing: [`LedgerTable::with_code`] puts each
    /// line's code beside `file:line`, [`LedgerTable::without_empty_columns`] drops the
    /// columns that are zero on every line.
    ///
    /// ```
    /// use tinyspdz::prelude::*;
    ///
    /// let sim = Simulation::with_seed(1);
    /// let [alice, bob] = sim.new_machines(["alice", "bob"]);
    /// let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    /// let y = &x * &x;
    /// let table = sim.ledger().table().with_code().without_empty_columns().to_string();
    /// assert!(table.contains("let y = &x * &x;"), "{table}");
    /// assert!(!table.contains("MAC checks"), "no line ran a MAC check");
    /// # drop(y);
    /// ```
    pub fn table(&self) -> LedgerTable<'_> {
        LedgerTable {
            ledger: self,
            options: Options {
                code: false,
                hide_empty: false,
            },
        }
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
        fmt::Display::fmt(&self.table(), f)
    }
}

/// A ledger ready to show, with or without each line's code and its empty columns: see
/// [`Ledger::table`]. Displays as text; [`to_markdown`](Self::to_markdown) for Markdown.
#[derive(Clone, Copy, Debug)]
pub struct LedgerTable<'a> {
    ledger: &'a Ledger,
    options: Options,
}

impl LedgerTable<'_> {
    /// Each line's code beside its `file:line`, read from the source file when it can be
    /// read from the working directory (as under `cargo run` and `cargo test`).
    pub fn with_code(self) -> Self {
        let options = Options {
            code: true,
            ..self.options
        };
        LedgerTable { options, ..self }
    }

    /// Without the columns that are zero on every line.
    pub fn without_empty_columns(self) -> Self {
        let options = Options {
            hide_empty: true,
            ..self.options
        };
        LedgerTable { options, ..self }
    }

    /// The table in Markdown, with every column (the text table leaves out MAC checks,
    /// dealer messages and masks).
    pub fn to_markdown(&self) -> String {
        let columns = COLUMNS.map(|header| (header, 0)).to_vec();
        self.ledger
            .tabled(columns, |ops, c| counts(ops, c).to_vec())
            .markdown(self.options)
    }
}

impl fmt::Display for LedgerTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let columns = vec![
            ("ops", 5),
            ("triples", 7),
            ("opened", 6),
            ("messages", 8),
            ("elements", 8),
            ("rounds", 6),
            ("dealer elems", 11),
        ];
        let cells = |ops, c: &Costs| {
            let [
                ops,
                triples,
                opened,
                messages,
                elements,
                rounds,
                ..,
                dealer,
                _,
            ] = counts(ops, c);
            vec![ops, triples, opened, messages, elements, rounds, dealer]
        };
        f.write_str(&self.ledger.tabled(columns, cells).text(self.options))
    }
}

impl Ledger {
    /// The rows (each line, then the total) with the given numeric columns.
    fn tabled(
        &self,
        columns: Vec<(&'static str, usize)>,
        cells: impl Fn(u64, &Costs) -> Vec<u64>,
    ) -> Table {
        let ops = self.lines.iter().map(|l| l.operations).sum();
        let total = ("total".to_string(), None, ops, self.total());
        let lines = self
            .lines
            .iter()
            .map(|l| (place(l.location), Some(l.location), l.operations, l.costs));
        let rows = lines
            .chain(std::iter::once(total))
            .map(|(name, at, ops, c)| Row {
                name,
                at,
                cells: cells(ops, &c)
                    .iter()
                    .map(|&v| (v.to_string(), v == 0))
                    .collect(),
            })
            .collect();
        let columns = columns
            .into_iter()
            .map(|(header, width)| Column {
                header,
                width,
                number: true,
            })
            .collect();
        Table {
            columns,
            rows,
            name_width: 5,
        }
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
