//! Generates what the tutorial shows beside its code (diagrams, listings, ledgers) from
//! seeded runs, as insta snapshots under `tutorial/src/generated/`. The book includes
//! them from their fourth line on (after insta's header), so it always shows what the
//! code really prints; a protocol change shows up here as a snapshot diff.
//!
//! Update with `INSTA_UPDATE=always cargo test --test book` and review the diff.

use tinyspdz::prelude::*;
use tinyspdz::{Precision, Sender, Step};

mod common;

use common::{centred, three_machines};

/// Snapshots `text` as `tutorial/src/generated/<name>.snap`.
fn book_snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../tutorial/src/generated",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

/// The tutorial's simulation, in the teaching field so numbers stay short, and its parties.
fn tutorial(seed: u64, macs: bool) -> (Simulation<F101>, [VirtualMachine<F101>; 3]) {
    let sim = Simulation::builder()
        .field::<F101>()
        .seed(seed)
        .macs(macs)
        .build();
    let machines = three_machines(&sim);
    (sim, machines)
}

#[test]
fn beaver_multiplication_diagram() -> Result<(), Error> {
    let (sim, [alice, bob, charlie]) = tutorial(5, false);
    let x = PrivateScalar::new(6, &alice).share(&[&bob, &charlie]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice, &charlie]);
    let (product, transcript) = sim.capture(|| &x * &y);
    assert_eq!(product.reconstruct(&charlie)?, 42);
    // Three dealt shares per holder, then d and e from each holder to the two others.
    assert_eq!(transcript.messages.len(), 9 + 12);
    assert!(
        transcript.messages[..9]
            .iter()
            .all(|m| m.from == Sender::Dealer)
    );
    book_snapshot("beaver_diagram", &transcript.to_mermaid());
    Ok(())
}

#[test]
fn mac_check_diagram() -> Result<(), Error> {
    let (sim, [alice, bob, _]) = tutorial(5, true);
    let x = PrivateScalar::new(6, &alice).share(&[&bob]);
    let y = &x * &x;
    let (result, transcript) = sim.capture(|| y.reconstruct(&alice));
    assert_eq!(result?, 36);
    let steps: Vec<Step> = transcript.messages.iter().map(|m| m.step).collect();
    assert!(steps.contains(&Step::MacCommit) && steps.contains(&Step::MacReveal));
    book_snapshot("output_diagram", &transcript.to_mermaid());
    Ok(())
}

#[test]
fn what_alice_holds_and_saw() -> Result<(), Error> {
    let (sim, [alice, bob, charlie]) = tutorial(2, false);
    let a = PrivateScalar::new(25, &alice).share(&[&bob, &charlie]);
    let b = PrivateScalar::new(-30, &bob).share(&[&alice, &charlie]);
    let product = &a * &b;
    let r = product.reconstruct(&alice)?;
    // 25 · (−30) = −750 ≡ 58 (mod 101), read back as the centred 58 − 101 = −43.
    let want = centred(25 * -30i64, 101);
    assert_eq!(want, -43);
    assert_eq!(r, want);
    book_snapshot("alice_holds", &alice.to_string());
    book_snapshot("alice_saw", &alice.view().to_string());
    assert_eq!(alice.view().messages.len(), 1 + 3 + 4 + 2);
    let ledger = sim.ledger();
    let table = ledger.table().with_code().without_empty_columns();
    book_snapshot("ledger", &table.to_markdown());
    assert_eq!(sim.stats().triples, 1);
    Ok(())
}

#[test]
fn notebook_tables_show_holdings_views_ledgers_and_transcripts() -> Result<(), Error> {
    let (sim, [alice, bob, _]) = tutorial(12, true);
    let x = PrivateScalar::new(4, &alice).share(&[&bob]);
    let (y, transcript) = sim.capture(|| &x * &x);
    let html = alice.to_html();
    assert!(
        html.starts_with("<table>\n<caption>what alice holds</caption>"),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<td>#{}</td><td>share among (alice, bob)</td>",
        y.number()
    )));
    let view = bob.view().to_html();
    assert!(view.contains("<td>beaver d</td><td>alice</td>"), "{view}");
    assert_eq!(
        transcript.to_html().matches("<tr>").count(),
        transcript.messages.len() + 1
    );
    assert_eq!(y.reconstruct(&alice)?, 16);
    let ledger = sim.ledger().to_html();
    assert!(
        ledger.contains("<th>MAC checks</th>") && ledger.contains("<td>total</td>"),
        "{ledger}"
    );
    Ok(())
}

#[test]
fn shadow_report_of_a_small_model() -> Result<(), Error> {
    // ANCHOR: shadow
    let sim = Simulation::builder().seed(11).shadow().build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let small = Precision { f: 16, k: 16 }; // numbers below 2¹⁵ = 32 768
    let price = PrivateFixed::with_precision(180.0, &alice, small)?.share(&[&bob]);
    let rate = PrivateFixed::with_precision(0.00003, &bob, small)?.share(&[&alice]); // ≈ 2 ulps
    let fee = &price * &rate; // 0.0054
    let squared = &price * &price; // 32 400: close to the range
    let total = &squared + &(&price * 10); // 34 200: beyond it
    let risk = (&fee - 0.01).sqrt(); // √(−0.0046): outside the domain
    // ANCHOR_END: shadow
    let report = sim.shadow_report().expect("built with .shadow()");
    let kinds: Vec<WarningKind> = report.warnings().iter().map(|w| w.kind).collect();
    use tinyspdz::WarningKind;
    assert_eq!(
        kinds,
        [
            WarningKind::PrecisionLost,
            WarningKind::PrecisionLost,
            WarningKind::NearOverflow,
            WarningKind::Overflow,
            WarningKind::PrecisionLost,
            WarningKind::OutsideDomain,
        ],
        "{report}"
    );
    assert!(
        (fee.open()? - 0.0054).abs() > 0.0054 * 0.01,
        "off by over 1%"
    );
    assert!((total.open()? - 34_200.0).abs() < 1.0);
    let _ = risk;
    book_snapshot("shadow_report", &report.table().with_code().to_string());
    Ok(())
}

#[test]
fn rushing_the_mac_check_with_and_without_commitments() -> Result<(), Error> {
    use tinyspdz::View;
    // ANCHOR: rushing
    let mut printed = String::new();
    for commitments in [true, false] {
        let builder = Simulation::builder().seed(2);
        let sim = match commitments {
            true => builder.build(),
            false => builder.mac_check_without_commitments().build(),
        };
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let x = PrivateScalar::new(5, &alice).share(&[&bob]);
        let adversary = sim.adversary();
        adversary.add_to_openings(&bob, 100, Openings::Every); // bob lies about his share
        adversary.rushes_mac_check(&bob); // and reveals σ last, chosen to cancel alice's
        let outcome = match x.open() {
            Ok(v) => format!("x opened as {}, and the MAC check passed", v.value()),
            Err(e) => format!("{e}"),
        };
        // What alice received in the MAC check: the messages about no single value.
        let view = alice.view();
        let check = (view.messages.iter())
            .filter(|m| m.about == 0 && m.step != Step::MacKey)
            .cloned()
            .collect();
        let check = View {
            messages: check,
            ..view
        };
        let on = if commitments { "on" } else { "off" };
        printed += &format!("commitments {on}: {outcome}\n{check}\n");
    }
    // ANCHOR_END: rushing
    assert!(printed.contains("machine 'bob' revealed a σᵢ that does not open its commitment"));
    assert!(printed.contains("x opened as 105, and the MAC check passed"));
    book_snapshot("rushing", &printed);
    Ok(())
}

#[test]
fn replaying_each_machine_finds_the_cheater() -> Result<(), Error> {
    // ANCHOR: replay
    let sim = Simulation::builder()
        .field::<F101>()
        .seed(3)
        .views(Views::All) // a replay needs every message
        .build();
    let [alice, bob, charlie] = sim.new_machines(["alice", "bob", "charlie"]);
    let x = PrivateScalar::new(6, &alice).share(&[&bob, &charlie]);
    let y = PrivateScalar::new(7, &bob).share(&[&alice, &charlie]);
    sim.adversary().add_to_share(&charlie, &x, 1); // charlie quietly shifts his share of x
    let outcome = (&x * &y).reconstruct(&alice);
    let mut printed = format!(
        "{}\n",
        outcome.as_ref().map_err(|e| e.to_string()).unwrap_err()
    );
    for machine in [&alice, &bob, &charlie] {
        printed += &format!("{}\n", machine.replay()?);
    }
    // ANCHOR_END: replay
    assert!(matches!(outcome, Err(Error::MacCheckFailed { .. })));
    assert!(alice.replay()?.is_consistent() && bob.replay()?.is_consistent());
    let wrong = charlie
        .replay()?
        .first_inconsistent
        .expect("charlie cheated");
    assert_eq!(wrong.step, Step::BeaverD);
    let sent = wrong.sent.expect("charlie sent his share of d").value;
    assert_eq!(sent - wrong.computed.value, F101::from(1u64));
    book_snapshot("replay", &printed);
    Ok(())
}
