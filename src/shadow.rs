//! The plaintext shadow: the exact value beside every shared fixed-point number, and a
//! report of where precision was lost.
//!
//! # The idea
//!
//! A simulation built with [`SimulationBuilder::shadow`](crate::SimulationBuilder::shadow)
//! runs every fixed-point operation twice: once on shares, as always, and once on the
//! plain `f64` numbers the shares stand for. The plain computation is never used by the
//! protocol; after each operation the shadow reads what the shares add up to and compares:
//!
//! - **error** = |result − exact|: everything lost so far, carried in by the operands;
//! - **added here** = |result − op(operands as they really are)|: what this operation lost
//!   (rounding of a product, of a constant, the error of a function's approximation);
//! - **range**: an exact value at or beyond ±2<sup>k−1</sup> has overflowed; beyond ±2<sup>k−2</sup> it is
//!   close to it;
//! - **domain**: a function's input outside the domain where its error bound holds
//!   (see [`crate::math`]);
//! - **comparisons**: a shared bit different from the exact comparison, and integer
//!   comparisons of operands outside [`COMPARISON_BITS`](crate::COMPARISON_BITS).
//!
//! [`Simulation::shadow_report`](crate::Simulation::shadow_report) lists, per operation
//! and source line, the worst error and every warning with advice.
//!
//! A [`SharedFixedVector`](crate::SharedFixedVector) carries an exact number per lane,
//! and each of its operations is one line too: the worst error over the lanes, and each
//! kind of warning once, naming the first lane that raised it.
//!
//! ```
//! use tinyspdz::prelude::*;
//!
//! let sim = Simulation::builder().seed(1).shadow().build();
//! let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
//! let x = PrivateFixed::new(0.01, &alice).share(&[&bob]);
//! let y = PrivateFixed::new(0.005, &bob).share(&[&alice]);
//! let (product, here) = (&x * &y, line!()); // 5·10⁻⁵ is about 3 units of 2⁻¹⁶
//! assert!((product.open()? - 5e-5).abs() > 5e-7); // off by over 1%
//!
//! let report = sim.shadow_report().expect("the shadow is on");
//! let warning = &report.warnings()[0];
//! assert_eq!(warning.kind, tinyspdz::shadow::WarningKind::PrecisionLost);
//! assert_eq!((warning.operation, warning.line), ("×", here));
//! # Ok::<(), tinyspdz::Error>(())
//! ```
//!
//! # Cost
//!
//! None when off: a value without a shadow carries `None`, and no operation looks further.
//! When on, each operation reconstructs its operands and result outside the protocol (no
//! messages, no views, no ledger entries).

use std::collections::HashMap;
use std::fmt;
use std::panic::Location;

use crate::ledger::place;
use crate::table::{Column, Options, Row, Table};

/// What went wrong, or nearly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// The exact value is at or beyond ±2<sup>k−1</sup>: the shares hold a wrapped-around number.
    Overflow,
    /// The exact value is beyond ±2<sup>k−2</sup>: one more doubling overflows.
    NearOverflow,
    /// The error is over 1% of the value (and over 1/64 of a unit in the last place, so
    /// that rounding noise around 0 does not count).
    PrecisionLost,
    /// A function's input lies outside the domain where its error bound holds.
    OutsideDomain,
    /// A shared bit differs from the comparison of the exact values.
    WrongComparison,
}

impl WarningKind {
    /// What to do about it.
    pub fn advice(self) -> &'static str {
        match self {
            WarningKind::Overflow => {
                "raise k (Precision::k), or rescale the inputs so every intermediate value stays below 2^(k-1)"
            }
            WarningKind::NearOverflow => {
                "raise k, or rescale the inputs: one more doubling overflows"
            }
            WarningKind::PrecisionLost => {
                "raise f (Precision::f), or rescale the inputs so values are not tiny compared with 2^-f"
            }
            WarningKind::OutsideDomain => {
                "rescale the input into the function's domain (see the table in tinyspdz::math)"
            }
            WarningKind::WrongComparison => {
                "the operands differ by less than their accumulated error, or lie outside the comparison's range: raise f, or compare values further apart"
            }
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WarningKind::Overflow => "overflow",
            WarningKind::NearOverflow => "near overflow",
            WarningKind::PrecisionLost => "precision lost",
            WarningKind::OutsideDomain => "outside the domain",
            WarningKind::WrongComparison => "wrong comparison",
        })
    }
}

/// One kind of warning at one line: how often, and the first occurrence in words.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Warning {
    /// What kind.
    pub kind: WarningKind,
    /// The operation that raised it, such as `"×"` or `"sqrt"`.
    pub operation: &'static str,
    /// The source file of the operation.
    pub file: &'static str,
    /// Its line.
    pub line: u32,
    /// How many times it was raised there.
    pub count: u64,
    /// The first occurrence, with the numbers.
    pub detail: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.rsplit(['/', '\\']).next().unwrap_or(self.file);
        write!(
            f,
            "{file}:{} {}: {} ({} time{}): {}. Advice: {}.",
            self.line,
            self.operation,
            self.kind,
            self.count,
            if self.count == 1 { "" } else { "s" },
            self.detail,
            self.kind.advice()
        )
    }
}

/// The operations of one kind at one source line.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ShadowLine {
    /// Where the operation was written.
    pub location: &'static Location<'static>,
    /// The operation, such as `"share"`, `"×"`, `"<"` or `"sigmoid"`.
    pub operation: &'static str,
    /// How many times it ran.
    pub count: u64,
    /// The largest |result − exact| seen.
    pub worst_error: f64,
    /// The largest error this operation itself added.
    pub worst_added: f64,
}

/// The shadow's findings, per operation and line, in the order the lines first ran.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShadowReport {
    lines: Vec<ShadowLine>,
    warnings: Vec<Warning>,
}

impl ShadowReport {
    /// Every operation and line, in the order they first ran.
    pub fn lines(&self) -> &[ShadowLine] {
        &self.lines
    }

    /// Every warning, one per kind, operation and line, in the order first raised.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The largest error of any operation.
    pub fn worst_error(&self) -> f64 {
        self.lines.iter().map(|l| l.worst_error).fold(0.0, f64::max)
    }
}

impl fmt::Display for ShadowReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.table(), f)
    }
}

impl ShadowReport {
    /// The report as a table to tune before showing: [`ShadowTable::with_code`] puts each
    /// line's code beside `file:line`.
    pub fn table(&self) -> ShadowTable<'_> {
        ShadowTable {
            report: self,
            code: false,
        }
    }
}

/// A shadow report ready to show, with or without each line's code: see
/// [`ShadowReport::table`]. Displays as text, then the warnings.
#[derive(Clone, Copy, Debug)]
pub struct ShadowTable<'a> {
    report: &'a ShadowReport,
    code: bool,
}

impl ShadowTable<'_> {
    /// Each line's code beside its `file:line`, read from the source file when it can be
    /// read from the working directory (as under `cargo run` and `cargo test`).
    pub fn with_code(self) -> Self {
        ShadowTable { code: true, ..self }
    }
}

impl fmt::Display for ShadowTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let column = |header, width, number| Column {
            header,
            width,
            number,
        };
        let rows = self.report.lines.iter().map(|line| Row {
            name: place(line.location),
            at: Some(line.location),
            cells: vec![
                (line.operation.to_string(), false),
                (line.count.to_string(), false),
                (format!("{:.2e}", line.worst_error), false),
                (format!("{:.2e}", line.worst_added), false),
            ],
        });
        let table = Table {
            columns: vec![
                column("operation", 10, false),
                column("count", 6, true),
                column("worst error", 11, true),
                column("added here", 10, true),
            ],
            rows: rows.collect(),
            name_width: 4,
        };
        let options = Options {
            code: self.code,
            hide_empty: false,
        };
        f.write_str(&table.text(options))?;
        let warnings = &self.report.warnings;
        if warnings.is_empty() {
            return writeln!(f, "no warnings");
        }
        writeln!(f, "{} warning(s):", warnings.len())?;
        for warning in warnings {
            writeln!(f, "- {warning}")?;
        }
        Ok(())
    }
}

/// What one operation found, for [`Shadow::record`].
pub(crate) struct Finding {
    pub operation: &'static str,
    pub error: f64,
    pub added: f64,
    pub warnings: Vec<(WarningKind, String)>,
}

/// The shadow's state inside a simulation.
#[derive(Debug, Default)]
pub(crate) struct Shadow {
    report: ShadowReport,
    lines: HashMap<(&'static Location<'static>, &'static str), usize>,
    warnings: HashMap<(&'static Location<'static>, &'static str, WarningKind), usize>,
}

impl Shadow {
    /// Adds one operation's finding to the line `at`.
    pub fn record(&mut self, at: &'static Location<'static>, finding: Finding) {
        let op = finding.operation;
        let report = &mut self.report;
        let i = *self.lines.entry((at, op)).or_insert_with(|| {
            report.lines.push(ShadowLine {
                location: at,
                operation: op,
                count: 0,
                worst_error: 0.0,
                worst_added: 0.0,
            });
            report.lines.len() - 1
        });
        let line = &mut report.lines[i];
        line.count += 1;
        line.worst_error = line.worst_error.max(finding.error);
        line.worst_added = line.worst_added.max(finding.added);
        for (kind, detail) in finding.warnings {
            let i = *self.warnings.entry((at, op, kind)).or_insert_with(|| {
                report.warnings.push(Warning {
                    kind,
                    operation: op,
                    file: at.file(),
                    line: at.line(),
                    count: 0,
                    detail,
                });
                report.warnings.len() - 1
            });
            report.warnings[i].count += 1;
        }
    }

    /// A copy of the findings so far.
    pub fn report(&self) -> ShadowReport {
        self.report.clone()
    }
}
