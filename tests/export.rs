//! The `serde` feature's exports: views, transcripts, ledgers and shadow reports as JSON
//! and CSV, with the same rows in both, parsed back and checked against the values the
//! library reports. Run with `cargo test --features serde --test export`.
#![cfg(feature = "serde")]

use tinyspdz::prelude::*;

/// The three machines of a seeded simulation (views keep every message), and x·y + x.
fn run() -> (Simulation, [VirtualMachine; 3]) {
    let sim = Simulation::builder()
        .seed(5)
        .views(Views::All)
        .shadow()
        .build();
    let machines = sim.new_machines(["alice", "bob", "carol"]);
    let [alice, bob, carol] = &machines;
    let x = PrivateScalar::new(6, alice).share(&[bob, carol]);
    let y = PrivateScalar::new(-7, bob).share(&[alice, carol]);
    let z = &x * &y + &x;
    assert_eq!(z.reconstruct(alice).expect("an honest run"), -36);
    (sim, machines)
}

/// CSV text as a header and rows of cells (no cell here holds a comma or a quote).
fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect());
    let header = lines.next().expect("a header");
    (header, lines.collect())
}

fn parse_json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn a_view_exports_every_message_it_kept_in_both_formats() {
    let (_sim, [_, bob, _]) = run();
    let view = bob.view();
    let (header, rows) = parse_csv(&view.to_csv());
    assert_eq!(
        header,
        [
            "machine", "number", "from", "step", "about", "value", "bytes"
        ]
    );
    assert_eq!(rows.len(), view.messages.len());
    let json = parse_json(&view.to_json());
    let objects = json.as_array().expect("an array of messages");
    assert_eq!(objects.len(), view.messages.len());
    for ((row, object), message) in rows.iter().zip(objects).zip(&view.messages) {
        assert_eq!(row[0], "bob");
        assert_eq!(row[2], message.from.to_string());
        assert_eq!(row[3], message.step.to_string());
        assert_eq!(row[5], message.value.to_bigint().to_string());
        for (k, key) in header.iter().enumerate() {
            let cell = match &object[key.as_str()] {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            assert_eq!(cell, row[k], "column {key}");
        }
    }
    // The MAC check's commitments travel as bytes: 64 hex digits.
    let committed = rows.iter().filter(|r| !r[6].is_empty()).count();
    assert!(committed > 0, "the output's MAC check sends commitments");
    assert!(
        rows.iter()
            .filter(|r| !r[6].is_empty())
            .all(|r| r[6].len() == 64)
    );
}

#[test]
fn a_transcript_exports_sender_and_receiver() {
    let (sim, [alice, bob, carol]) = run();
    let x = PrivateScalar::new(2, &alice).share(&[&bob, &carol]);
    let (_product, transcript) = sim.capture(|| &x * &x);
    let (header, rows) = parse_csv(&transcript.to_csv());
    assert_eq!(header, ["from", "to", "step", "about", "value", "bytes"]);
    assert_eq!(rows.len(), transcript.messages.len());
    let dealt = rows.iter().filter(|r| r[0] == "dealer").count();
    assert_eq!(
        dealt, 18,
        "a triple's three shares and three MAC shares to each of three"
    );
    let json = parse_json(&transcript.to_json());
    assert_eq!(json[0]["to"], transcript.messages[0].to.as_str());
}

#[test]
fn a_ledger_exports_its_lines_with_every_cost() {
    let (sim, _) = run();
    let ledger = sim.ledger();
    let (header, rows) = parse_csv(&ledger.to_csv());
    assert_eq!(&header[..4], ["file", "line", "operations", "triples"]);
    assert_eq!(rows.len(), ledger.lines().len());
    let triples: u64 = rows
        .iter()
        .map(|r| r[3].parse::<u64>().expect("a count"))
        .sum();
    assert_eq!(triples, ledger.total().triples);
    assert_eq!(triples, 1, "one product");
    let json = parse_json(&ledger.to_json());
    assert_eq!(json[0]["file"], "tests/export.rs");
}

#[test]
fn a_shadow_report_exports_its_lines_and_warnings() {
    let sim = Simulation::builder().seed(5).shadow().build();
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let x = PrivateFixed::new(1.5, &alice).share(&[&bob]);
    let tiny = PrivateFixed::new(0.001, &alice).share(&[&bob]);
    let _ = &(&x * 0.1) * &tiny;
    let report = sim.shadow_report().expect("the shadow is on");
    let (header, rows) = parse_csv(&report.to_csv());
    assert_eq!(
        header,
        [
            "file",
            "line",
            "operation",
            "count",
            "worst_error",
            "worst_added"
        ]
    );
    assert_eq!(rows.len(), report.lines().len());
    let worst: f64 = rows
        .iter()
        .map(|r| r[4].parse::<f64>().expect("a number"))
        .fold(0.0, f64::max);
    assert_eq!(worst, report.worst_error());
    let json = parse_json(&report.to_json());
    assert_eq!(
        json["lines"].as_array().map(Vec::len),
        Some(report.lines().len())
    );
    assert_eq!(
        json["warnings"].as_array().map(Vec::len),
        Some(report.warnings().len())
    );
    assert!(
        !report.warnings().is_empty(),
        "a tiny product loses precision"
    );
}
