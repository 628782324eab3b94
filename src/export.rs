//! Views, transcripts, ledgers and shadow reports as JSON and CSV, for notebooks and
//! data tools (pandas: `pd.read_csv(io.StringIO(text))`); with the `serde` feature.
//!
//! Each export is a table of flat rows, one per message, ledger line or shadow line, with
//! the same columns in JSON (an array of objects) and in CSV (a header line, then a line
//! per row). Field elements are written as signed decimal strings, since they can exceed
//! what a JSON number or a float holds; bytes (commitments, nonces, seeds) as 64 hex digits.
//!
//! ```
//! use tinyspdz::prelude::*;
//!
//! let sim = Simulation::with_seed(1);
//! let [alice, bob] = sim.new_machines(["alice", "bob"]);
//! let x = PrivateScalar::new(6, &alice).share(&[&bob]);
//! let y = &x * &x;
//! let csv = bob.view().to_csv();
//! assert!(csv.starts_with("machine,number,from,step,about,value,bytes\n"));
//! assert!(csv.contains("\nbob,3,alice,input share,2,"));
//! let json = sim.ledger().to_json();
//! assert!(json.starts_with(r#"[{"file":"#));
//! assert!(json.contains(r#""operations":1,"triples":1,"opened":2,"#), "{json}");
//! # drop(y);
//! ```

use serde::Serialize;

use crate::field::{Decimal, TinyField};
use crate::ledger::Ledger;
use crate::shadow::ShadowReport;
use crate::transcript::Transcript;
use crate::view::{Bytes32, View};

/// `rows` as a JSON array of objects.
fn json<T: Serialize>(rows: &[T]) -> String {
    serde_json::to_string(rows).expect("flat rows of strings and numbers always serialize")
}

/// `rows` as CSV: the field names as a header, then one line per row.
fn csv<T: Serialize>(rows: &[T], header: &[&str]) -> String {
    let mut out = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let written = out
        .write_record(header)
        .and_then(|()| rows.iter().try_for_each(|row| out.serialize(row)));
    written.expect("flat rows of strings and numbers always serialize");
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

/// 32 bytes as 64 hex digits.
fn hex(bytes: &Bytes32) -> String {
    bytes.0.iter().map(|b| format!("{b:02x}")).collect()
}

/// One received message.
#[derive(Serialize)]
struct MessageRow {
    machine: String,
    number: u64,
    from: String,
    step: String,
    about: u64,
    value: String,
    bytes: Option<String>,
}

const MESSAGE: [&str; 7] = [
    "machine", "number", "from", "step", "about", "value", "bytes",
];

impl<F: TinyField> View<F> {
    fn export_rows(&self) -> Vec<MessageRow> {
        (self.forgotten..)
            .zip(&self.messages)
            .map(|(number, m)| MessageRow {
                machine: self.machine.clone(),
                number,
                from: m.from.to_string(),
                step: m.step.to_string(),
                about: m.about,
                value: Decimal(&m.value).to_string(),
                bytes: m.bytes.as_ref().map(hex),
            })
            .collect()
    }

    /// The messages kept, as a JSON array: machine (the receiver), number (counting
    /// forgotten messages), from, step, about, value, bytes.
    pub fn to_json(&self) -> String {
        json(&self.export_rows())
    }

    /// The messages kept, as CSV with the columns of [`to_json`](Self::to_json).
    pub fn to_csv(&self) -> String {
        csv(&self.export_rows(), &MESSAGE)
    }
}

/// One message of a transcript.
#[derive(Serialize)]
struct SentRow {
    from: String,
    to: String,
    step: String,
    about: u64,
    value: String,
    bytes: Option<String>,
}

const SENT: [&str; 6] = ["from", "to", "step", "about", "value", "bytes"];

impl<F: TinyField> Transcript<F> {
    fn export_rows(&self) -> Vec<SentRow> {
        let row = |m: &crate::transcript::Sent<F>| SentRow {
            from: m.from.to_string(),
            to: m.to.clone(),
            step: m.step.to_string(),
            about: m.about,
            value: Decimal(&m.value).to_string(),
            bytes: m.bytes.as_ref().map(hex),
        };
        self.messages.iter().map(row).collect()
    }

    /// The messages, oldest first, as a JSON array: from, to, step, about, value, bytes.
    pub fn to_json(&self) -> String {
        json(&self.export_rows())
    }

    /// The messages as CSV with the columns of [`to_json`](Self::to_json).
    pub fn to_csv(&self) -> String {
        csv(&self.export_rows(), &SENT)
    }
}

/// One line of the ledger, its costs spelled out.
#[derive(Serialize)]
struct LedgerRow {
    file: String,
    line: u32,
    operations: u64,
    triples: u64,
    opened: u64,
    messages: u64,
    elements: u64,
    rounds: u64,
    dealer_messages: u64,
    dealer_elements: u64,
    masks: u64,
    mac_checks: u64,
    mac_elements: u64,
    bits: u64,
    dealer_bits: u64,
    hash_bytes: u64,
}

const LEDGER: [&str; 16] = [
    "file",
    "line",
    "operations",
    "triples",
    "opened",
    "messages",
    "elements",
    "rounds",
    "dealer_messages",
    "dealer_elements",
    "masks",
    "mac_checks",
    "mac_elements",
    "bits",
    "dealer_bits",
    "hash_bytes",
];

impl Ledger {
    fn export_rows(&self) -> Vec<LedgerRow> {
        let row = |l: &crate::ledger::LedgerLine| {
            let c = l.costs;
            LedgerRow {
                file: l.location.file().to_string(),
                line: l.location.line(),
                operations: l.operations,
                triples: c.triples,
                opened: c.opened,
                messages: c.messages,
                elements: c.elements,
                rounds: c.rounds,
                dealer_messages: c.dealer_messages,
                dealer_elements: c.dealer_elements,
                masks: c.masks,
                mac_checks: c.mac_checks,
                mac_elements: c.mac_elements,
                bits: c.bits,
                dealer_bits: c.dealer_bits,
                hash_bytes: c.hash_bytes,
            }
        };
        self.lines().iter().map(row).collect()
    }

    /// The lines, as a JSON array: file, line, operations, and every field of
    /// [`crate::Costs`].
    pub fn to_json(&self) -> String {
        json(&self.export_rows())
    }

    /// The lines as CSV with the columns of [`to_json`](Self::to_json).
    pub fn to_csv(&self) -> String {
        csv(&self.export_rows(), &LEDGER)
    }
}

/// One line of the shadow's report.
#[derive(Serialize)]
struct ShadowRow {
    file: String,
    line: u32,
    operation: String,
    count: u64,
    worst_error: f64,
    worst_added: f64,
}

const SHADOW: [&str; 6] = [
    "file",
    "line",
    "operation",
    "count",
    "worst_error",
    "worst_added",
];

/// One warning of the shadow's report.
#[derive(Serialize)]
struct WarningRow {
    kind: String,
    operation: String,
    file: String,
    line: u32,
    count: u64,
    detail: String,
}

impl ShadowReport {
    fn export_rows(&self) -> Vec<ShadowRow> {
        let row = |l: &crate::shadow::ShadowLine| ShadowRow {
            file: l.location.file().to_string(),
            line: l.location.line(),
            operation: l.operation.to_string(),
            count: l.count,
            worst_error: l.worst_error,
            worst_added: l.worst_added,
        };
        self.lines().iter().map(row).collect()
    }

    /// The report as a JSON object: `lines` (file, line, operation, count, worst_error,
    /// worst_added) and `warnings` (kind, operation, file, line, count, detail).
    pub fn to_json(&self) -> String {
        let warnings: Vec<WarningRow> = self
            .warnings()
            .iter()
            .map(|w| WarningRow {
                kind: format!("{:?}", w.kind),
                operation: w.operation.to_string(),
                file: w.file.to_string(),
                line: w.line,
                count: w.count,
                detail: w.detail.clone(),
            })
            .collect();
        format!(
            r#"{{"lines":{},"warnings":{}}}"#,
            json(&self.export_rows()),
            json(&warnings)
        )
    }

    /// The lines as CSV: file, line, operation, count, worst_error, worst_added.
    pub fn to_csv(&self) -> String {
        csv(&self.export_rows(), &SHADOW)
    }
}
