//! Beaver triples and costs: every multiplication uses a fresh triple, and the ledger
//! charges what each line of the caller's code costs to that line.
//!
//! Triple tests run with SPDZ MACs (the default) and in semi-honest mode; the exact message
//! counts of outputs are those of the semi-honest protocol.

use std::collections::{HashMap, HashSet};

use num_bigint::BigInt;
use tinyspdz::prelude::*;
use tinyspdz::{Sender, Step};

/// alice, bob and charlie, each with one input shared among all three; every message kept.
fn setup(seed: u64, macs: bool) -> (Simulation, Vec<VirtualMachine>, Vec<SharedScalar>) {
    let builder = Simulation::builder().seed(seed).views(Views::All);
    let sim = if macs {
        builder.build()
    } else {
        builder.semi_honest().build()
    };
    assert_eq!(sim.macs(), macs);
    let ms: Vec<VirtualMachine> = ["alice", "bob", "charlie"]
        .iter()
        .map(|n| sim.machine(*n))
        .collect();
    let xs = [11i64, -13, 17]
        .iter()
        .zip(&ms)
        .map(|(&v, owner)| {
            let others: Vec<&VirtualMachine> = ms.iter().filter(|m| *m != owner).collect();
            PrivateScalar::new(v, owner).share(&others)
        })
        .collect();
    (sim, ms, xs)
}

/// The triple parts a machine received, per product number: (a, b, c) share lists.
fn triples_seen(m: &VirtualMachine) -> HashMap<u64, [Vec<F127>; 3]> {
    let mut seen: HashMap<u64, [Vec<F127>; 3]> = HashMap::new();
    for msg in m.view().messages {
        let part = match msg.step {
            Step::TripleA => 0,
            Step::TripleB => 1,
            Step::TripleC => 2,
            _ => continue,
        };
        assert_eq!(msg.from, Sender::Dealer, "triples come from the dealer");
        seen.entry(msg.about).or_default()[part].push(msg.value);
    }
    seen
}

#[test]
fn one_triple_per_multiplication_and_never_reused() -> Result<(), Error> {
    one_triple_per_multiplication(false)?;
    one_triple_per_multiplication(true)
}

fn one_triple_per_multiplication(macs: bool) -> Result<(), Error> {
    let (sim, ms, xs) = setup(1, macs);
    let (x, y, z) = (&xs[0], &xs[1], &xs[2]);
    assert_eq!(sim.dealer().triples_dealt(), 0, "sharing deals no triple");

    let mut k = 0u64;
    let mut products = Vec::new();
    let p = x * y; // 1
    k += 1;
    products.push(p.number());
    let q = &p * z; // 2
    k += 1;
    products.push(q.number());
    let mut r = x.clone();
    r *= y; // 3
    k += 1;
    products.push(r.number());
    let s = x.try_mul(x)?; // 4: squaring uses a triple too
    k += 1;
    products.push(s.number());
    assert_eq!(sim.dealer().triples_dealt(), k);
    assert_eq!(sim.stats().triples, k);

    let t = x.pow(5); // x², x⁴, x·x⁴: three more
    k += 3;
    assert_eq!(sim.dealer().triples_dealt(), k);
    let u: SharedScalar = xs.iter().product(); // two more
    k += 2;
    let w = SharedScalar::try_product([x, y])?; // one more
    k += 1;
    products.push(w.number());
    assert_eq!(sim.dealer().triples_dealt(), k);
    assert_eq!(sim.stats().triples, k);
    assert_eq!(sim.ledger().total().triples, k);

    // Linear operations, openings and reconstructions deal nothing.
    let _ = (x + y) - 3 * z + 7;
    let _ = -&p;
    let _ = t.open()?;
    let _ = u.reconstruct(&ms[0])?;
    assert_eq!(sim.dealer().triples_dealt(), k);
    assert_eq!(sim.stats().triples, k);

    for m in &ms {
        let seen = triples_seen(m);
        // One triple per multiplication, each under its own product number.
        assert_eq!(seen.len() as u64, k, "{} saw {k} triples", m.name());
        for parts in seen.values() {
            for part in parts {
                assert_eq!(
                    part.len(),
                    1,
                    "{}: one share of each part per triple",
                    m.name()
                );
            }
        }
        for n in &products {
            assert!(
                seen.contains_key(n),
                "{}: product #{n} has a triple",
                m.name()
            );
        }
        // A reused triple would repeat its shares: in F127 fresh ones never collide.
        for part in 0..3 {
            let values: HashSet<F127> = seen.values().map(|p| p[part][0]).collect();
            assert_eq!(
                values.len() as u64,
                k,
                "{}: part {part} shares all differ",
                m.name()
            );
        }
        let all: HashSet<F127> = seen.values().flat_map(|p| p.iter().map(|v| v[0])).collect();
        assert_eq!(
            all.len() as u64,
            3 * k,
            "{}: no share repeats across parts",
            m.name()
        );
    }
    Ok(())
}

#[test]
fn dealt_triples_satisfy_c_equals_ab_and_openings_match() -> Result<(), Error> {
    dealt_triples_and_openings(false)?;
    dealt_triples_and_openings(true)
}

fn dealt_triples_and_openings(macs: bool) -> Result<(), Error> {
    let (_sim, ms, xs) = setup(2, macs);
    let (x, y) = (&xs[0], &xs[1]);
    let z = x * y;
    let n = z.number();
    // Add the shares all three machines received (the simulation's privilege).
    let seen: Vec<_> = ms.iter().map(triples_seen).collect();
    let total = |part: usize| -> F127 {
        seen.iter()
            .map(|s| s[&n][part][0])
            .fold(F127::from(0u64), |acc, v| acc + v)
    };
    let (a, b, c) = (total(0), total(1), total(2));
    assert_eq!(a * b, c, "the dealer's triple satisfies c = ab");

    // Every holder learns d = x − a and e = y − b: its own share plus the broadcasts.
    let (xsh, ysh) = (x.shares(), y.shares());
    for (i, m) in ms.iter().enumerate() {
        let view = m.view();
        let sum = |step: Step| {
            let got: Vec<F127> = view
                .messages
                .iter()
                .filter(|msg| msg.step == step && msg.about == n)
                .map(|msg| msg.value)
                .collect();
            assert_eq!(
                got.len(),
                2,
                "{} hears {step} from the two others",
                m.name()
            );
            got.into_iter().fold(F127::from(0u64), |acc, v| acc + v)
        };
        let d = sum(Step::BeaverD) + (xsh[i] - seen[i][&n][0][0]);
        let e = sum(Step::BeaverE) + (ysh[i] - seen[i][&n][1][0]);
        assert_eq!(d, F127::from_i64(11) - a, "{} opens d = x - a", m.name());
        assert_eq!(e, F127::from_i64(-13) - b, "{} opens e = y - b", m.name());
    }
    assert_eq!(z.reconstruct(&ms[2])?, 11 * -13);
    Ok(())
}

#[test]
fn many_multiplications_deal_many_distinct_triples() -> Result<(), Error> {
    for macs in [false, true] {
        many_multiplications(macs)?;
    }
    Ok(())
}

fn many_multiplications(macs: bool) -> Result<(), Error> {
    let (sim, ms, xs) = setup(3, macs);
    let modulus: BigInt = (BigInt::from(1) << 127u32) - 1;
    let mut acc = xs[0].clone();
    let mut want = BigInt::from(11);
    for i in 0..40u64 {
        let k = (i % 3) as usize;
        acc = &acc * &xs[k];
        want = (want * [11, -13, 17][k]) % &modulus;
        assert_eq!(sim.dealer().triples_dealt(), i + 1);
    }
    let r = acc.reconstruct(&ms[1])?.value();
    assert_eq!((r - want) % &modulus, BigInt::from(0));
    for m in &ms {
        let seen = triples_seen(m);
        assert_eq!(seen.len(), 40);
        let a: HashSet<F127> = seen.values().map(|p| p[0][0]).collect();
        assert_eq!(a.len(), 40, "{}: 40 distinct a-shares", m.name());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Costs
// ---------------------------------------------------------------------------------------

#[track_caller]
fn assert_costs(c: Costs, [triples, opened, messages, elements, rounds]: [u64; 5]) {
    let got = [c.triples, c.opened, c.messages, c.elements, c.rounds];
    assert_eq!(
        got,
        [triples, opened, messages, elements, rounds],
        "[triples, opened, messages, elements, rounds] in {c:?}"
    );
}

/// One 3-party product: 1 triple; d and e opened (2 values); each holder sends its dᵢ and
/// eᵢ together to each of the 2 others (6 messages of 2 elements); 1 round.
#[test]
fn a_three_party_multiplication_costs_one_triple_two_openings_one_round() {
    for macs in [false, true] {
        let (sim, _ms, xs) = setup(4, macs);
        sim.reset_costs();
        assert_eq!(sim.stats(), Costs::default());
        let line = line!() + 1;
        let z = &xs[0] * &xs[1];
        assert_costs(sim.stats(), [1, 2, 6, 12, 1]);
        if !macs {
            // The dealer sends each holder its shares of a, b and c.
            assert_eq!(sim.stats().dealer_messages, 3);
            assert_eq!(sim.stats().dealer_elements, 9);
        }
        let ledger = sim.ledger();
        assert_eq!(ledger.lines().len(), 1, "{ledger}");
        let charged = &ledger.lines()[0];
        assert_eq!(charged.location.line(), line);
        assert_eq!(charged.location.file(), file!());
        assert_eq!(charged.operations, 1);
        assert_eq!(charged.costs, sim.stats());
        assert_eq!(ledger.total(), sim.stats());
        drop(z);
    }
}

#[test]
fn multiplication_costs_grow_with_the_number_of_parties() {
    for macs in [false, true] {
        for n in 2..=5u64 {
            let builder = Simulation::builder().seed(n);
            let sim = if macs {
                builder.build()
            } else {
                builder.semi_honest().build()
            };
            let ms: Vec<VirtualMachine> = (0..n).map(|i| sim.machine(format!("m{i}"))).collect();
            let others: Vec<&VirtualMachine> = ms[1..].iter().collect();
            let x = PrivateScalar::new(3, &ms[0]).share(&others);
            // Input sharing: the owner sends one element to each of the n − 1 others.
            assert_costs(sim.stats(), [0, 0, n - 1, n - 1, 1]);
            sim.reset_costs();
            let _ = &x * &x;
            let links = n * (n - 1);
            assert_costs(sim.stats(), [1, 2, links, 2 * links, 1]);
            if !macs {
                assert_eq!(sim.stats().dealer_messages, n);
                assert_eq!(sim.stats().dealer_elements, 3 * n);
            }
        }
    }
}

#[test]
fn linear_operations_cost_nothing() {
    for macs in [false, true] {
        let (sim, _ms, xs) = setup(5, macs);
        let (x, y) = (&xs[0], &xs[1]);
        sim.reset_costs();
        let mut z = x + y;
        z = &z - x;
        z = -z;
        z = 5 * &z + 7;
        z = 100 - z;
        z = &z * 3u64 - 2i64;
        z = z * F127::from_i64(-4) + F127::from(9u64);
        z += x;
        z -= y.clone();
        z *= -2;
        z += 1;
        let _: SharedScalar = [x, y, &z].into_iter().sum();
        let _ = x.pow(1);
        let _ = x.clone();
        assert_eq!(sim.stats(), Costs::default());
        assert!(sim.ledger().lines().is_empty(), "{}", sim.ledger());
        assert_eq!(sim.dealer().triples_dealt(), 0);
    }
}

/// Semi-honest outputs: every other holder sends its share (reconstruct), or every holder
/// broadcasts its share (open); one round, one value opened.
#[test]
fn outputs_cost_one_round() -> Result<(), Error> {
    let (sim, ms, xs) = setup(6, false);
    let dave = sim.machine("dave");
    sim.reset_costs();
    let _ = xs[0].reconstruct(&ms[0])?;
    assert_costs(sim.stats(), [0, 1, 2, 2, 1]);
    sim.reset_costs();
    let _ = xs[0].reconstruct(&dave)?;
    assert_costs(sim.stats(), [0, 1, 3, 3, 1]);
    sim.reset_costs();
    let _ = xs[0].open()?;
    assert_costs(sim.stats(), [0, 1, 6, 6, 1]);
    Ok(())
}

#[test]
fn the_ledger_charges_each_operation_to_its_own_line() -> Result<(), Error> {
    for macs in [false, true] {
        ledger_lines(macs)?;
    }
    Ok(())
}

fn ledger_lines(macs: bool) -> Result<(), Error> {
    let (sim, ms, xs) = setup(7, macs);
    let (x, y) = (&xs[0], &xs[1]);
    sim.reset_costs();
    // (line, operations, triples) per line, in the order the lines first run.
    let mut want: Vec<(u32, u64, u64)> = Vec::new();
    want.push((line!() + 1, 1, 1));
    let p = x * y;
    want.push((line!() + 1, 1, 1));
    let q = x.try_mul(&p)?;
    let mut r = p.clone();
    want.push((line!() + 1, 1, 1));
    r *= &q;
    want.push((line!() + 1, 3, 3));
    let s = x.pow(6); // x², x⁴, x²·x⁴: three multiplications
    want.push((line!() + 1, 1, 0));
    let _ = s.reconstruct(&ms[1])?;
    want.push((line!() + 1, 1, 0));
    let _ = r.open()?;
    want.push((line!() + 2, 4, 4)); // one line, run four times
    for _ in 0..4 {
        let _ = &p * &q;
    }
    let secret = PrivateScalar::new(1, &ms[2]);
    want.push((line!() + 1, 1, 0));
    let _ = secret.share(&[&ms[0], &ms[1]]);

    let ledger = sim.ledger();
    let got: Vec<(u32, u64, u64)> = ledger
        .lines()
        .iter()
        .map(|c| (c.location.line(), c.operations, c.costs.triples))
        .collect();
    assert_eq!(got, want, "macs {macs}, ledger:\n{ledger}");
    for c in ledger.lines() {
        assert_eq!(c.location.file(), file!());
    }
    assert_eq!(ledger.total(), sim.stats());
    assert_eq!(ledger.total().triples, 1 + 1 + 1 + 3 + 4);
    Ok(())
}

#[test]
fn try_product_is_charged_to_the_callers_line() -> Result<(), Error> {
    let (sim, _ms, xs) = setup(8, false);
    sim.reset_costs();
    let line = line!() + 1;
    let _ = SharedScalar::try_product(&xs)?;
    let ledger = sim.ledger();
    assert_eq!(ledger.total().triples, 2);
    let places: Vec<String> = ledger
        .lines()
        .iter()
        .map(|c| c.location.to_string())
        .collect();
    assert_eq!(ledger.lines().len(), 1, "{places:?}");
    assert_eq!(ledger.lines()[0].location.file(), file!(), "{places:?}");
    assert_eq!(ledger.lines()[0].location.line(), line, "{places:?}");
    Ok(())
}

#[test]
fn ledger_display_names_this_file() {
    let (sim, _ms, xs) = setup(9, false);
    sim.reset_costs();
    let line = line!() + 1;
    let _ = &xs[0] * &xs[2];
    let shown = sim.ledger().to_string();
    let place = format!("triples.rs:{line}");
    assert!(shown.lines().any(|l| l.starts_with(&place)), "{shown}");
    assert!(
        shown.lines().last().is_some_and(|l| l.starts_with("total")),
        "{shown}"
    );
    let md = sim.ledger().to_markdown();
    let row = format!("| {place} | 1 | 1 | 2 |");
    assert!(md.lines().any(|l| l.starts_with(&row)), "{md}");
}
