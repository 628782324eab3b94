//! Shared vectors: element-wise arithmetic, one round per operation, conversions, Shamir
//! sharing with machines offline, and errors, all through the public API.

use tinyspdz::prelude::*;
use tinyspdz::{Sender, Step};

mod common;

use common::alice_bob_carol;

#[test]
fn element_wise_arithmetic_matches_plain_integers() -> Result<(), Error> {
    let sim = Simulation::with_seed(11);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let xs = [3i64, -7, 12, 0, 5];
    let ys = [4i64, 2, -3, 9, 11];
    let x = PrivateVector::new(xs, &alice).share(&[&bob, &carol]);
    let y = PrivateVector::new(ys, &bob).share(&[&alice, &carol]);
    let out = &x * &y - 5 * (&x + &y) + 1;
    let expected: Vec<i64> = xs
        .iter()
        .zip(&ys)
        .map(|(a, b)| a * b - 5 * (a + b) + 1)
        .collect();
    assert_eq!(out.reconstruct(&carol)?, expected);
    assert_eq!(out.depth(), 1);
    let dot: i64 = xs.iter().zip(&ys).map(|(a, b)| a * b).sum();
    assert_eq!(x.dot(&y).reconstruct(&alice)?, dot);
    assert_eq!(x.sum().reconstruct(&alice)?, xs.iter().sum::<i64>());
    let mut z = x.clone();
    z += &y;
    z *= &y;
    z -= 2;
    let expected: Vec<i64> = xs.iter().zip(&ys).map(|(a, b)| (a + b) * b - 2).collect();
    assert_eq!(z.open()?, expected);
    assert_eq!((-&x).open()?, xs.map(|v| -v));
    assert_eq!((100 - &x).open()?, xs.map(|v| 100 - v));
    Ok(())
}

#[test]
fn a_vector_product_is_one_round_and_one_triple_per_element() -> Result<(), Error> {
    let sim = Simulation::with_seed(12);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let n = 50;
    let x = PrivateVector::new(0..n, &alice).share(&[&bob, &carol]);
    let y = PrivateVector::new(0..n, &bob).share(&[&alice, &carol]);
    let before = sim.stats();
    let z = &x * &y;
    let cost = sim.stats() - before;
    assert_eq!(cost.rounds, 1);
    assert_eq!(cost.triples, n as u64);
    assert_eq!(cost.opened, 2 * n as u64);
    // Each of the three holders sends one message (all 2n elements) to each other one.
    assert_eq!(cost.messages, 6);
    assert_eq!(cost.elements, 6 * 2 * n as u64);
    let squares: Vec<i64> = (0..n).map(|i| i * i).collect();
    assert_eq!(z.reconstruct(&alice)?, squares);
    // The same products one by one take one round each.
    let xs = x.to_scalars();
    let ys = y.to_scalars();
    let before = sim.stats();
    let products: Vec<SharedScalar> = xs.iter().zip(&ys).map(|(a, b)| a * b).collect();
    assert_eq!((sim.stats() - before).rounds, n as u64);
    let back = SharedVector::from_scalars(&products)?;
    assert_eq!(back.open()?, squares);
    Ok(())
}

#[test]
fn public_vectors_and_shared_scalars_combine_with_every_element() -> Result<(), Error> {
    let sim = Simulation::with_seed(13);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let x = PrivateVector::new([1, 2, 3], &alice).share(&[&bob, &carol]);
    let p = PublicVector::from([10, -20, 30]);
    assert_eq!((&x + &p).open()?, [11, -18, 33]);
    assert_eq!((&x - &p).open()?, [-9, 22, -27]);
    assert_eq!((&x * &p).open()?, [10, -40, 90]);
    let s = PrivateScalar::new(7, &carol).share(&[&alice, &bob]);
    assert_eq!((&x + &s).open()?, [8, 9, 10]);
    assert_eq!((&x - &s).open()?, [-6, -5, -4]);
    let before = sim.stats();
    assert_eq!((&x * &s).open()?, [7, 14, 21]);
    assert_eq!((sim.stats() - before).triples, 3);
    assert_eq!(
        x.get(1).map(|v| v.open()).transpose()?.map(|v| v.value()),
        Some(2.into())
    );
    assert!(x.get(3).is_none());
    Ok(())
}

#[test]
fn mismatched_operands_are_errors_that_say_why() {
    let sim = Simulation::with_seed(14);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let x = PrivateVector::new([1, 2, 3], &alice).share(&[&bob]);
    let short = PrivateVector::new([1, 2], &alice).share(&[&bob]);
    let other = PrivateVector::new([1, 2, 3], &alice).share(&[&carol]);
    assert_eq!(
        x.try_mul(&short).err(),
        Some(Error::LengthMismatch { left: 3, right: 2 })
    );
    assert!(matches!(
        x.try_add(&other),
        Err(Error::HolderMismatch { .. })
    ));
    assert!(x.try_mul_public(&PublicVector::from([1, 2])).is_err());
    assert_eq!(
        SharedVector::<F127>::from_scalars(&[]).err(),
        Some(Error::Empty { what: "collect" })
    );
    let message = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| &x * &short))
        .err()
        .and_then(|e| e.downcast_ref::<String>().cloned());
    assert!(message.is_some_and(|m| m.contains("3 and 2 elements")));
}

#[test]
fn a_cheater_on_a_vector_product_is_caught() {
    let sim = Simulation::with_seed(15);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let x = PrivateVector::new([1, 2, 3], &alice).share(&[&bob, &carol]);
    let y = PrivateVector::new([4, 5, 6], &bob).share(&[&alice, &carol]);
    sim.adversary().add_to_openings(&bob, 1, Openings::Every);
    let z = &x * &y;
    let product = z.number();
    match z.reconstruct(&alice) {
        // The lanes opened together are one entry each: all d's, then all e's.
        Err(Error::MacCheckFailed { values, .. }) => assert_eq!(
            values[..2],
            [
                format!("beaver d of #{product} (3 lanes)"),
                format!("beaver e of #{product} (3 lanes)")
            ]
        ),
        other => panic!("the cheat went unnoticed: {other:?}"),
    }
}

#[test]
fn vectors_print_their_elements_and_shares() {
    let sim = Simulation::with_seed(16);
    let [alice, bob, _] = alice_bob_carol(&sim);
    let v = PrivateVector::new([5, -6], &alice);
    assert_eq!(v.to_string(), "PrivateVector([5, -6], 'alice')");
    let long = PrivateVector::new(0..20, &alice);
    assert_eq!(
        long.to_string(),
        "PrivateVector([0, 1, 2, 3, 4, 5, … (13 more), 19], 'alice')"
    );
    let shared = v.share(&[&bob]);
    let shares = shared.shares();
    assert_eq!(shares.len(), 2);
    let sums: Vec<F127> = (0..2).map(|j| shares[0][j] + shares[1][j]).collect();
    assert_eq!(sums, vec![F127::from(5), -F127::from(6)]);
    assert!(shared.to_string().starts_with("SharedVector(#"));
    // holdings(), the data API, gives one row per element (the listing one per value).
    let rows: Vec<String> = alice.holdings().into_iter().map(|r| r.1).collect();
    assert!(rows.contains(&"share of [1] among (alice, bob)".to_string()));
}

#[test]
fn a_machine_lists_a_vector_in_one_row_with_its_first_shares() {
    let sim = Simulation::builder().field::<F101>().seed(16).build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let v = PrivateVector::new([5, -6], &alice);
    let short = v.share(&[&bob]);
    let long = PrivateVector::new((0..1000).map(|i| i % 50), &alice).share(&[&bob]);
    let k = long.holders().iter().position(|m| m == &alice);
    let mine = |x: &SharedVector<F101>| k.map(|k| x.shares()[k].clone()).unwrap_or_default();
    let (s, l) = (mine(&short), mine(&long));
    assert_eq!((s.len(), l.len()), (2, 1000));
    let expected = format!(
        "VirtualMachine('alice') holds 3 value(s):\n  \
         #1 PrivateVector([5, -6], 'alice')\n  \
         #{} share of a vector of 2 among (alice, bob): [{}, {}]\n  \
         #{} share of a vector of 1000 among (alice, bob): [{}, {}, {}, …]\n",
        short.number(),
        s[0],
        s[1],
        long.number(),
        l[0],
        l[1],
        l[2],
    );
    assert_eq!(alice.to_string(), expected);
    // The notebook table shows the same rows: one per value, not one per element.
    let html = alice.to_html();
    assert_eq!(html.matches("<tr>").count(), 1 + 3);
    assert!(html.contains("<tr><th>value</th><th>what</th><th>elements</th></tr>"));
    assert!(html.contains("<tr><td>#1</td><td>PrivateVector</td><td>[5, -6]</td></tr>"));
    assert!(html.contains(&format!(
        "<tr><td>#{}</td><td>share of a vector of 1000 among (alice, bob)</td>\
         <td>[{}, {}, {}, …]</td></tr>",
        long.number(),
        l[0],
        l[1],
        l[2],
    )));
    // holdings(), the data API, still gives one row per element.
    assert_eq!(alice.holdings().len(), 2 + 2 + 1000);
    drop(long);
    assert_eq!(alice.to_string().lines().count(), 3);
    assert_eq!(alice.to_html().matches("<tr>").count(), 1 + 2);
}

#[test]
fn element_wise_comparisons_match_plain_integers_in_the_rounds_of_one() -> Result<(), Error> {
    let sim = Simulation::with_seed(17);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let xs = [-5i64, 0, 7, 3, -1_000_000, i64::from(i32::MAX)];
    let ys = [2i64, 0, -7, 3, 999, -1];
    let x = PrivateVector::new(xs, &alice).share(&[&bob, &carol]);
    let y = PrivateVector::new(ys, &bob).share(&[&alice, &carol]);
    let expect = |f: fn(i64, i64) -> bool| -> Vec<i64> {
        xs.iter()
            .zip(&ys)
            .map(|(&a, &b)| i64::from(f(a, b)))
            .collect()
    };
    // One scalar comparison, for the round count to compare with.
    let before = sim.stats();
    let one = x.get(0).map(|v| v.less_than(2));
    let scalar = sim.stats() - before;
    assert_eq!(one.map(|b| b.open()).transpose()?, Some(true));
    let before = sim.stats();
    let lt = x.less_than(&y);
    let vector = sim.stats() - before;
    assert_eq!(vector.rounds, scalar.rounds);
    assert_eq!(vector.triples, xs.len() as u64 * scalar.triples);
    assert_eq!(lt.open()?, expect(|a, b| a < b));
    assert_eq!(x.greater_than(&y).open()?, expect(|a, b| a > b));
    assert_eq!(x.less_or_equal(&y).open()?, expect(|a, b| a <= b));
    assert_eq!(x.greater_or_equal(&y).open()?, expect(|a, b| a >= b));
    assert_eq!(x.equals(&y).open()?, expect(|a, b| a == b));
    assert_eq!(x.less_than(3).open()?, [1, 1, 0, 0, 1, 0]);
    assert_eq!(
        x.equals(&PublicVector::from(ys)).open()?,
        expect(|a, b| a == b)
    );
    let max: Vec<i64> = xs.iter().zip(&ys).map(|(&a, &b)| a.max(b)).collect();
    let min: Vec<i64> = xs.iter().zip(&ys).map(|(&a, &b)| a.min(b)).collect();
    assert_eq!(x.max(&y).open()?, max);
    assert_eq!(x.min(&y).open()?, min);
    assert_eq!(x.relu().open()?, xs.map(|v| v.max(0)));
    assert_eq!(x.try_max_element()?.open()?, *xs.iter().max().unwrap_or(&0));
    Ok(())
}

/// The tournament pairs the first half with the second and passes an odd one out on:
/// n − 1 comparisons and selections in ⌈log₂ n⌉ layers, whichever lane holds the maximum.
#[test]
fn the_maximum_element_takes_n_minus_one_comparisons_in_log_n_layers() -> Result<(), Error> {
    let sim = Simulation::with_seed(23);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let a = PrivateScalar::new(4, &alice).share(&[&bob, &carol]);
    let before = sim.stats();
    let _ = a.max(&a);
    let pair = sim.stats() - before;
    for n in [1i64, 2, 3, 5, 8, 13] {
        // The maximum at the front, in the odd lane passed on, and at the back.
        for top in [0, n - 1, n / 2] {
            let xs: Vec<i64> = (0..n)
                .map(|i| if i == top { 1_000 } else { (i * 37) % 11 - 5 })
                .collect();
            let x = PrivateVector::new(xs, &alice).share(&[&bob, &carol]);
            let before = sim.stats();
            let max = x.try_max_element()?;
            let cost = sim.stats() - before;
            let layers = u64::from((n as u64).next_power_of_two().trailing_zeros());
            assert_eq!(cost.rounds, layers * pair.rounds, "n = {n}");
            assert_eq!(cost.triples, (n as u64 - 1) * pair.triples, "n = {n}");
            assert_eq!(max.open()?, 1_000, "n = {n}, maximum in lane {top}");
        }
    }
    let empty = PrivateVector::new(Vec::<i64>::new(), &alice).share(&[&bob]);
    assert_eq!(
        empty.try_max_element().err(),
        Some(Error::Empty {
            what: "take the maximum of"
        })
    );
    Ok(())
}

#[test]
fn equality_opens_each_layer_of_its_tree_in_one_round() -> Result<(), Error> {
    let sim = Simulation::builder().seed(18).comparison_bits(16).build();
    let [alice, bob, _] = alice_bob_carol(&sim);
    let x = PrivateScalar::new(9, &alice).share(&[&bob]);
    let before = sim.stats();
    let bit = x.equals(9);
    let cost = sim.stats() - before;
    // One masked opening, then ⌈log₂ 16⌉ = 4 layers of products.
    assert_eq!(cost.rounds, 1 + 4);
    assert_eq!(cost.triples, 15);
    assert!(bit.open()?);
    Ok(())
}

#[test]
fn fixed_point_vectors_multiply_truncate_and_compare_element_wise() -> Result<(), Error> {
    let sim = Simulation::with_seed(19);
    let [alice, bob, carol] = alice_bob_carol(&sim);
    let xs = [1.5, -2.25, 0.125, 100.0, -0.001];
    let ys = [4.0, 0.5, -8.0, 0.01, 3.0];
    let x = PrivateFixedVector::new(xs, &alice).share(&[&bob, &carol]);
    let y = PrivateFixedVector::new(ys, &bob).share(&[&alice, &carol]);
    let ulp = 2f64.powi(-16);
    let before = sim.stats();
    let z = &x * &y;
    // One round for the products, one for the truncation's masked opening.
    assert_eq!((sim.stats() - before).rounds, 2);
    for ((got, a), b) in z.open()?.iter().zip(xs).zip(ys) {
        assert!(
            (got - a * b).abs() <= 2.0 * ulp * (1.0 + a.abs() + b.abs()),
            "{got} vs {}",
            a * b
        );
    }
    let dot: f64 = xs.iter().zip(ys).map(|(a, b)| a * b).sum();
    assert!((x.dot(&y).reconstruct(&carol)? - dot).abs() < 1e-3);
    assert!((x.sum().open()? - xs.iter().sum::<f64>()).abs() < 1e-3);
    assert_eq!(x.less_than(0.1).open()?, [0, 1, 0, 0, 1]);
    let relu = x.relu().open()?;
    for (got, a) in relu.iter().zip(xs) {
        assert!((got - a.max(0.0)).abs() <= ulp);
    }
    let shifted = (&(&x + 1.0) - 0.5).open()?;
    assert!((shifted[1] - (-1.75)).abs() <= ulp);
    let scaled = (&x * 0.5).open()?;
    assert!((scaled[3] - 50.0).abs() <= ulp);
    let each = x.to_fixed();
    assert!((each[0].open()? - 1.5).abs() <= ulp);
    Ok(())
}

/// What bob receives from alice in the d and e openings of one vector product of x = [v; n]
/// and y = [3; n] in F101, and the steps of everything bob received.
fn openings_seen_by_bob(v: i64, seed: u64) -> (Vec<u64>, Vec<Step>) {
    let sim = Simulation::builder()
        .field::<F101>()
        .seed(seed)
        .views(Views::All)
        .build();
    let (alice, bob, carol) = (
        sim.machine("alice"),
        sim.machine("bob"),
        sim.machine("carol"),
    );
    let n = 2_000;
    let x = PrivateVector::new(vec![v; n], &alice).share(&[&bob, &carol]);
    let y = PrivateVector::new(vec![3; n], &carol).share(&[&alice, &bob]);
    let _product = &x * &y;
    let view = bob.view();
    let opened = view
        .messages
        .iter()
        .filter(|m| matches!(m.step, Step::BeaverD | Step::BeaverE))
        .filter(|m| m.from == Sender::Machine("alice".into()))
        .map(|m| m.value.to_biguint().try_into().unwrap_or(u64::MAX))
        .collect();
    (opened, view.messages.iter().map(|m| m.step).collect())
}

#[test]
fn a_vector_product_shows_bob_uniform_openings_whatever_the_secrets() {
    // χ²(100) upper 10⁻⁴ quantile (see tests/privacy.rs).
    const CRITICAL: f64 = 161.32;
    let (low, steps_low) = openings_seen_by_bob(1, 21);
    let (high, steps_high) = openings_seen_by_bob(77, 21);
    assert_eq!(
        steps_low, steps_high,
        "the same messages, whatever the secret"
    );
    for opened in [low, high] {
        assert_eq!(opened.len(), 4_000);
        let mut counts = vec![0u64; 101];
        for v in opened {
            counts[v as usize] += 1;
        }
        assert!(
            common::chi2(&counts) < CRITICAL,
            "{}",
            common::chi2(&counts)
        );
    }
}

/// A long vector product sends many messages per machine; a bounded view delivers only
/// those it can keep and counts the rest. What it keeps must be exactly the last messages
/// of a complete view of the same seeded run, and nothing may go uncounted.
#[test]
fn bounded_views_of_a_long_product_keep_the_last_messages_of_the_complete_view() {
    let run = |views: Views| {
        let sim = Simulation::builder().seed(5).views(views).build();
        let [alice, bob, carol] = alice_bob_carol(&sim);
        let x = PrivateVector::new(0..300, &alice).share(&[&bob, &carol]);
        let y = PrivateVector::new((0..300).map(|i| 7 - i), &bob).share(&[&alice, &carol]);
        let z = &x * &y;
        let views = [alice.view(), bob.view(), carol.view()];
        let expected: Vec<i64> = (0..300).map(|i| i * (7 - i)).collect();
        let out = z.reconstruct(&carol).expect("the products reconstruct");
        assert_eq!(out, expected);
        views
    };
    let all = run(Views::All);
    for (keep, bounded) in [(55, run(Views::Last(55))), (0, run(Views::Off))] {
        for (complete, view) in all.iter().zip(&bounded) {
            let total = complete.messages.len();
            assert!(
                total > 3_000,
                "{} received only {total} messages",
                view.machine
            );
            assert_eq!(complete.forgotten, 0);
            assert_eq!(view.messages.len() + view.forgotten as usize, total);
            assert_eq!(view.messages[..], complete.messages[total - keep..]);
        }
    }
}

fn committee(sim: &Simulation, n: usize) -> Vec<VirtualMachine> {
    (0..n).map(|i| sim.machine(format!("s{i}"))).collect()
}

#[test]
fn shamir_vectors_multiply_add_and_reconstruct() -> Result<(), Error> {
    for macs in [true, false] {
        for (n, t) in [(3, 1), (5, 2), (4, 3)] {
            let sim = Simulation::builder().seed(31).macs(macs).build();
            let ms = committee(&sim, n);
            let holders: Vec<&VirtualMachine> = ms.iter().collect();
            let xs = [12i64, -7, 0, 40_000, 3];
            let ys = [5i64, 9, -2, -3, 3];
            let x = PrivateVector::new(xs, &ms[0]).share_threshold(&holders, t);
            let y = PrivateVector::new(ys, &ms[1]).try_share_threshold(&holders, t)?;
            assert_eq!(x.scheme(), Scheme::Shamir { threshold: t });
            assert_eq!(x.holders(), ms);
            let out = &x * &y + &x - 3;
            let expected: Vec<i64> = xs.iter().zip(&ys).map(|(a, b)| a * b + a - 3).collect();
            assert_eq!(out.reconstruct(&ms[n - 1])?, expected, "n={n} t={t}");
            assert_eq!(
                x.dot(&y).open()?,
                xs.iter().zip(&ys).map(|(a, b)| a * b).sum::<i64>()
            );
            // Any t + 1 shares of a lane interpolate to its element; t of them do not.
            let shares = x.shares();
            let lane: Vec<F127> = (0..=t).map(|k| shares[k][3]).collect();
            let positions: Vec<usize> = (0..=t).collect();
            assert_eq!(
                tinyspdz::sharing::shamir::reconstruct(&positions, &lane)?,
                F127::from(40_000u64)
            );
        }
    }
    let sim = Simulation::with_seed(32);
    let ms = committee(&sim, 3);
    let holders: Vec<&VirtualMachine> = ms.iter().collect();
    assert_eq!(
        PrivateVector::new([1, 2], &ms[0])
            .try_share_threshold(&holders, 3)
            .err(),
        Some(Error::BadThreshold {
            threshold: 3,
            holders: 3
        })
    );
    Ok(())
}

#[test]
#[should_panic(expected = "threshold")]
fn share_threshold_panics_on_a_threshold_as_large_as_the_committee() {
    let sim = Simulation::with_seed(33);
    let ms = committee(&sim, 3);
    let _ = PrivateVector::new([1, 2], &ms[0]).share_threshold(&[&ms[0], &ms[1], &ms[2]], 3);
}

#[test]
fn shamir_vectors_compute_and_reconstruct_with_up_to_n_minus_t_minus_one_offline()
-> Result<(), Error> {
    for macs in [true, false] {
        for (n, t) in [(3, 1), (5, 2), (5, 1)] {
            let sim = Simulation::builder().seed(34).macs(macs).build();
            let ms = committee(&sim, n);
            let holders: Vec<&VirtualMachine> = ms.iter().collect();
            let xs = [-987_654i64, 1, 22, 333];
            let ys = [2i64, -3, 5, 0];
            let x = PrivateVector::new(xs, &ms[0]).share_threshold(&holders, t);
            let y = PrivateVector::new(ys, &ms[1]).share_threshold(&holders, t);
            // Every subset of t + 1 or more holders reconstructs x; fewer get an error.
            for mask in 1u32..1 << n {
                let online: Vec<usize> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
                common::only_online(&ms, &online);
                let result = x.reconstruct(&ms[online[0]]);
                common::assert_threshold_reconstruction(result, xs, (n, t), &online);
            }
            // The last n − (t + 1) drop out: products still complete.
            common::only_online(&ms, &(0..=t).collect::<Vec<_>>());
            let out = &x * &y - 3 * &x;
            let expected: Vec<i64> = xs.iter().zip(&ys).map(|(a, b)| a * b - 3 * a).collect();
            assert_eq!(out.reconstruct(&ms[t])?, expected, "n={n} t={t}");
            // One more offline is one too many.
            ms[t].go_offline();
            match x.try_mul(&y) {
                Err(Error::NotEnoughOnline {
                    answering, needed, ..
                }) => assert_eq!((answering, needed), (t, t + 1)),
                other => panic!("{other:?}"),
            }
            assert!(matches!(
                out.reconstruct(&ms[0]),
                Err(Error::NotEnoughOnline { .. })
            ));
        }
    }
    Ok(())
}

#[test]
fn a_shamir_vector_product_costs_n_scalar_products_in_the_rounds_of_one() -> Result<(), Error> {
    let n = 6;
    let sim = Simulation::with_seed(35);
    let ms = committee(&sim, 5);
    let holders: Vec<&VirtualMachine> = ms.iter().collect();
    let a = PrivateScalar::new(7, &ms[0]).share_threshold(&holders, 2);
    let b = PrivateScalar::new(-6, &ms[1]).share_threshold(&holders, 2);
    let x = PrivateVector::new(vec![7; n], &ms[0]).share_threshold(&holders, 2);
    let y = PrivateVector::new(vec![-6; n], &ms[1]).share_threshold(&holders, 2);
    assert_eq!(y.scheme(), Scheme::Shamir { threshold: 2 });

    let before = sim.stats();
    let c = &a * &b;
    let scalar = sim.stats() - before;
    let before = sim.stats();
    let z = &x * &y;
    let vector = sim.stats() - before;

    assert_eq!(c.open()?, -42);
    assert_eq!(z.open()?, vec![-42; n]);
    let n = n as u64;
    assert_eq!(scalar.rounds, 1);
    assert_eq!(vector.rounds, scalar.rounds);
    assert_eq!(vector.messages, scalar.messages, "one message per link");
    assert_eq!(vector.triples, n * scalar.triples);
    assert_eq!(vector.opened, n * scalar.opened);
    assert_eq!(vector.elements, n * scalar.elements);
    assert_eq!(vector.dealer_elements, n * scalar.dealer_elements);
    Ok(())
}

/// `argmax` and `argmin` against the plain ones, ties to the first index, over lengths 1
/// to 9 (odd ones out included) and repeated values.
#[test]
fn argmax_and_argmin_find_the_first_extreme_index() -> Result<(), Error> {
    for seed in 0..18u64 {
        let sim = Simulation::with_seed(seed);
        let [alice, bob, carol] = sim.new_machines(["alice", "bob", "carol"]);
        let n = 1 + (seed % 9) as usize;
        let values: Vec<i64> = (0..n as u64)
            .map(|i| ((i * 7 + seed * 3) % 5) as i64 - 2) // few distinct values: ties
            .collect();
        let x = PrivateVector::new(values.clone(), &alice).share(&[&bob, &carol]);
        let max = *values.iter().max().expect("n ≥ 1");
        let min = *values.iter().min().expect("n ≥ 1");
        let first = |v: i64| values.iter().position(|&x| x == v).expect("present") as i64;
        let (i, v) = x.argmax();
        let got = (i.open()?.to_i64()?, v.open()?.to_i64()?);
        assert_eq!(got, (first(max), max), "{values:?}");
        let (i, v) = x.try_argmin()?;
        let got = (i.open()?.to_i64()?, v.open()?.to_i64()?);
        assert_eq!(got, (first(min), min), "{values:?}");
    }
    let sim = Simulation::with_seed(1);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let empty = PrivateVector::new(Vec::<i64>::new(), &alice).share(&[&bob]);
    assert!(matches!(empty.try_argmax(), Err(Error::Empty { .. })));
    Ok(())
}
