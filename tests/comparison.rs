//! Secure comparison of shared integers: correct on random inputs and edges, for 2 and 3
//! holders, additive and Shamir, MACs on; and nothing opened depends on the secret.

use proptest::prelude::*;
use tinyspdz::prelude::*;

mod common;
use common::chi2;
use tinyspdz::{COMPARISON_BITS, Step};

/// Edge values: equal, zero, ±1, and large values whose differences stay inside every
/// comparison's range (the ends of the range itself are tested below).
const EDGES: [i64; 9] = [
    0,
    1,
    -1,
    2,
    -2,
    i64::MAX / 2,
    i64::MIN / 2,
    (i64::MAX / 2) - 1,
    12_345,
];

fn check_all(holders: &[VirtualMachine], shamir: bool, x: i64, y: i64) -> Result<(), Error> {
    let refs: Vec<&VirtualMachine> = holders.iter().collect();
    let share = |v: i64, owner: &VirtualMachine| {
        let p = PrivateScalar::new(v, owner);
        if shamir {
            p.share_threshold(&refs, 1)
        } else {
            p.share_among(&refs)
        }
    };
    let (sx, sy) = (share(x, &holders[0]), share(y, &holders[1]));
    let got = [
        sx.less_than(&sy).open()?,
        sx.greater_than(&sy).open()?,
        sx.less_or_equal(&sy).open()?,
        sx.greater_or_equal(&sy).open()?,
        sx.equals(&sy).open()?,
        sx.is_zero().open()?,
        sx.less_than(y).open()?,
        sx.equals(y).open()?,
    ];
    let want = [x < y, x > y, x <= y, x >= y, x == y, x == 0, x < y, x == y];
    assert_eq!(got, want, "x = {x}, y = {y}");
    assert_eq!(sx.min(&sy).open()?, x.min(y));
    assert_eq!(sx.max(&sy).open()?, x.max(y));
    assert_eq!(sx.abs().open()?, i128::from(x).abs());
    assert_eq!(sx.sign().open()?, x.signum());
    assert_eq!(sx.relu().open()?, x.max(0));
    Ok(())
}

#[test]
fn edges_for_two_and_three_holders_additive_and_shamir() -> Result<(), Error> {
    for (n, shamir) in [(2, false), (3, false), (3, true)] {
        let sim = Simulation::with_seed(n as u64);
        let holders: Vec<VirtualMachine> = (0..n).map(|i| sim.machine(format!("m{i}"))).collect();
        for &x in &EDGES {
            for &y in &EDGES[..5] {
                check_all(&holders, shamir, x, y)?;
            }
        }
    }
    Ok(())
}

/// What LTZ gives for a just past its range \[−2^{ℓ−1}, 2^{ℓ−1}): −⌊a / 2^{ℓ−1}⌋, which is
/// the bit inside and −1 or 2 just past the ends.
fn ltz_raw(a: i128, half: i128) -> i128 {
    -a.div_euclid(half)
}

#[test]
fn each_comparison_is_exact_up_to_both_ends_of_its_range() -> Result<(), Error> {
    // `<` and `≥` take d = x − y in [−2^{ℓ−1}, 2^{ℓ−1}), `>` and `≤` d in
    // (−2^{ℓ−1}, 2^{ℓ−1}], `=` |d| < 2^ℓ; sign (−2^{ℓ−1}, 2^{ℓ−1}), abs and relu
    // [−2^{ℓ−1}, 2^{ℓ−1}). Each end, the values next to it, and one past.
    for (bits, shamir) in [(64u32, false), (64, true), (32, false)] {
        let sim = Simulation::builder()
            .seed(u64::from(bits))
            .comparison_bits(bits)
            .build();
        let holders: Vec<VirtualMachine> = (0..3).map(|i| sim.machine(format!("m{i}"))).collect();
        let refs: Vec<&VirtualMachine> = holders.iter().collect();
        let share = |v: i128| {
            let p = PrivateScalar::new(v, &holders[0]);
            if shamir {
                p.share_threshold(&refs, 1)
            } else {
                p.share_among(&refs)
            }
        };
        let half = 1i128 << (bits - 1);
        let zero = share(0);
        let ds = [
            -half - 1,
            -half,
            -half + 1,
            -1,
            0,
            1,
            half - 1,
            half,
            half + 1,
        ];
        for d in ds {
            let x = share(d);
            let lt = x.less_than(&zero).as_scalar().open()?;
            let gt = x.greater_than(&zero).as_scalar().open()?;
            let (want_lt, want_gt) = (ltz_raw(d, half), ltz_raw(-d, half));
            assert_eq!(lt, want_lt, "ℓ = {bits}: [{d} < 0]");
            assert_eq!(gt, want_gt, "ℓ = {bits}: [{d} > 0]");
            if (-half..half).contains(&d) {
                assert_eq!(want_lt, i128::from(d < 0), "inside, `<` is the bit");
                assert_eq!(x.greater_or_equal(&zero).open()?, d >= 0);
                assert_eq!(x.abs().open()?, d.abs(), "|{d}|");
                assert_eq!(x.relu().open()?, d.max(0), "relu({d})");
            } else {
                assert_ne!(want_lt, i128::from(d < 0), "one past, `<` is wrong");
            }
            if -half < d && d <= half {
                assert_eq!(want_gt, i128::from(d > 0), "inside, `>` is the bit");
                assert_eq!(x.less_or_equal(&zero).open()?, d <= 0);
            } else {
                assert_ne!(want_gt, i128::from(d > 0), "one past, `>` is wrong");
            }
            let sign = x.sign().open()?;
            if -half < d && d < half {
                assert_eq!(sign, d.signum(), "sign({d})");
            } else {
                assert_eq!(sign, want_gt - want_lt, "sign({d}) past its range");
                assert_ne!(sign, d.signum());
            }
            assert_eq!(x.equals(&zero).open()?, d == 0, "[{d} = 0]");
        }
        // Equality reaches 2^ℓ: 2^ℓ − 1 and its negation are non-zero, 2^ℓ looks like 0.
        let full = 2 * half;
        for d in [-full + 1, full - 1] {
            assert!(!share(d).equals(&zero).open()?, "ℓ = {bits}: [{d} = 0]");
            assert!(!share(d).is_zero().open()?);
        }
        assert!(share(full).is_zero().open()?, "one past, 2^ℓ ≡ 0");

        // Vectors, lane by lane, the same ends.
        let owner = &holders[0];
        let lanes = PrivateVector::new(ds, owner);
        let v = if shamir {
            lanes.share_threshold(&refs, 1)
        } else {
            lanes.share_among(&refs)
        };
        let lt = v.less_than(0).open()?;
        let gt = v.greater_than(0).open()?;
        let want_lt: Vec<i128> = ds.iter().map(|&d| ltz_raw(d, half)).collect();
        let want_gt: Vec<i128> = ds.iter().map(|&d| ltz_raw(-d, half)).collect();
        assert_eq!(lt, want_lt, "ℓ = {bits}, vector `<`");
        assert_eq!(gt, want_gt, "ℓ = {bits}, vector `>`");
        let eq = v.equals(0).open()?;
        let want_eq: Vec<i128> = ds.iter().map(|&d| i128::from(d == 0)).collect();
        assert_eq!(eq, want_eq);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn random_operands_compare_like_i64(x in -(1i64 << 62)..(1i64 << 62), y in -(1i64 << 62)..(1i64 << 62), seed in any::<u64>()) {
        let sim = Simulation::with_seed(seed);
        let holders: Vec<VirtualMachine> = (0..3).map(|i| sim.machine(format!("m{i}"))).collect();
        check_all(&holders, seed % 2 == 0, x, y).expect("honest");
    }

    #[test]
    fn differences_near_both_ends_of_the_range_compare_as_documented(
        offset in 0i128..1000,
        low in any::<bool>(),
        y in any::<i64>(),
        wide in any::<bool>(),
        seed in any::<u64>(),
    ) {
        // d in [−2^{ℓ−1}, 2^{ℓ−1}), within 1000 of an end: `<` and `≥` are right on d, `>`
        // and `≤` on −d ∈ (−2^{ℓ−1}, 2^{ℓ−1}]; operands x = y + d of any size.
        let bits = if wide { 64 } else { 32 };
        let half = 1i128 << (bits - 1);
        let d = if low { -half + offset } else { half - 1 - offset };
        let sim = Simulation::builder().seed(seed).comparison_bits(bits).build();
        let holders: Vec<VirtualMachine> = (0..3).map(|i| sim.machine(format!("m{i}"))).collect();
        let refs: Vec<&VirtualMachine> = holders.iter().collect();
        let share = |v: i128| {
            let p = PrivateScalar::new(v, &holders[0]);
            if seed % 2 == 0 { p.share_threshold(&refs, 1) } else { p.share_among(&refs) }
        };
        let y = i128::from(y);
        let (sy, below, above) = (share(y), share(y + d), share(y - d));
        prop_assert_eq!(below.less_than(&sy).open().expect("honest"), d < 0);
        prop_assert_eq!(below.greater_or_equal(&sy).open().expect("honest"), d >= 0);
        prop_assert_eq!(above.greater_than(&sy).open().expect("honest"), -d > 0);
        prop_assert_eq!(above.less_or_equal(&sy).open().expect("honest"), -d <= 0);
        // x − x′ = 2d: inside `=`'s range (|2d| < 2^ℓ) except at d = −2^{ℓ−1}, where
        // 2d = −2^ℓ ≡ 0 (mod 2^ℓ) and EQZ answers 1, as documented.
        let equal = below.equals(&above).open().expect("honest");
        prop_assert_eq!(equal, d == 0 || d == -half);
    }
}

#[test]
fn small_fields_are_refused_with_a_clear_error() {
    let sim = Simulation::builder().field::<F61>().seed(1).build();
    let (a, b) = (sim.machine("a"), sim.machine("b"));
    let x = PrivateScalar::new(3, &a).share(&[&b]);
    let err = x
        .try_less_than(4)
        .expect_err("2⁶¹ − 1 has no room to mask 64-bit values");
    assert!(
        matches!(err, Error::FieldTooSmall { bits: 64, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("F127 has 127"));
}

#[test]
fn a_narrower_comparison_width_is_cheaper_and_correct_inside_its_range() {
    let sim = Simulation::builder().seed(2).comparison_bits(32).build();
    let (a, b) = (sim.machine("a"), sim.machine("b"));
    let edges = [i32::MIN / 2, -70_000, -1, 0, 1, 65_535, i32::MAX / 2];
    for &x in &edges {
        for &y in &edges {
            let sx = PrivateScalar::new(x, &a).share(&[&b]);
            let sy = PrivateScalar::new(y, &b).share(&[&a]);
            assert_eq!(sx.less_than(&sy).open().unwrap(), x < y, "{x} < {y}");
            assert_eq!(sx.equals(&sy).open().unwrap(), x == y, "{x} = {y}");
        }
    }
    let x = PrivateScalar::new(5, &a).share(&[&b]);
    sim.reset_costs();
    let _ = x.less_than(7);
    assert_eq!(sim.stats().triples, 30, "ℓ − 2 multiplications for ℓ = 32");

    let err = Simulation::builder()
        .comparison_bits(1)
        .try_build()
        .expect_err("1 bit cannot hold a sign");
    assert!(
        matches!(
            err,
            Error::ComparisonWidth {
                bits: 1,
                most: 84,
                ..
            }
        ),
        "{err}"
    );

    let err = Simulation::builder()
        .comparison_bits(90)
        .try_build()
        .expect_err("90 + 41 bits exceed F127");
    assert!(
        matches!(
            err,
            Error::ComparisonWidth {
                bits: 90,
                most: 84,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("2 to 84 bits"), "{err}");
}

/// Everything bob sees while alice's secret is compared with 0: the masked opening c
/// (bits 97..105 of a 105-bit value), and the bits alice sends in the binary openings
/// (each AND's e and the daBit's v), read eight at a time as bytes.
fn bobs_view(secret: i64, seeds: u64) -> (Vec<u64>, Vec<u64>) {
    let (mut masked, mut binary) = (vec![0u64; 256], vec![0u64; 256]);
    let mut byte = Vec::new();
    for seed in 0..seeds {
        let sim = Simulation::with_seed(seed);
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let x = PrivateScalar::new(secret, &alice).share(&[&bob]);
        let before = bob.view().messages.len();
        let _ = x.less_than(0);
        for m in &bob.view().messages[before..] {
            let v = m.value.to_u128();
            match m.step {
                Step::Open => masked[((v >> (COMPARISON_BITS + 40 - 8)) & 0xff) as usize] += 1,
                Step::BitAndE | Step::BitConvert => {
                    assert!(v <= 1, "one lane: one bit per message");
                    byte.push(v);
                    if byte.len() == 8 {
                        binary[byte.drain(..).fold(0, |acc, b| acc << 1 | b) as usize] += 1;
                    }
                }
                _ => {}
            }
        }
    }
    (masked, binary)
}

#[test]
fn openings_during_a_comparison_look_uniform_whatever_the_secret() {
    // If a comparison opened anything unmasked, these histograms would pile up in a few
    // cells. χ² with 255 degrees of freedom: 330 is about 3.3 standard deviations above
    // the mean, a false alarm about once in 2,000 runs; the seeds are fixed, so the test
    // is deterministic.
    for secret in [5i64, -123_456_789] {
        let (masked, binary) = bobs_view(secret, 2_560);
        assert_eq!(
            masked.iter().sum::<u64>(),
            2_560,
            "one masked opening per comparison"
        );
        assert_eq!(binary.iter().sum::<u64>(), 2_560 * 63 / 8, "63 bits each");
        assert!(
            chi2(&masked) < 330.0,
            "masked openings, secret {secret}: χ² = {}",
            chi2(&masked)
        );
        assert!(
            chi2(&binary) < 330.0,
            "binary openings, secret {secret}: χ² = {}",
            chi2(&binary)
        );
    }
}

#[test]
fn comparisons_are_charged_to_the_callers_line_with_their_dealer_bits() -> Result<(), Error> {
    let sim = Simulation::with_seed(2);
    let (a, b) = (sim.machine("a"), sim.machine("b"));
    let x = PrivateScalar::new(-4, &a).share(&[&b]);
    sim.reset_costs();
    let line = line!() + 1;
    let bit = x.less_than(0);
    let ledger = sim.ledger();
    assert_eq!(ledger.lines().len(), 1, "{ledger}");
    assert_eq!(ledger.lines()[0].location.line(), line);
    let costs = ledger.total();
    assert_eq!(costs.masks, 2, "an edaBit and a daBit");
    assert_eq!(
        costs.triples,
        u64::from(COMPARISON_BITS) - 2,
        "BitLT over 63 bits"
    );
    // 63 bit openings (62 ANDs, the daBit), one bit each way; the dealer's bits: rᵢ, bᵢ,
    // rᵢ ∧ bᵢ and β, each a share and a 64-bit MAC share per machine.
    assert_eq!((costs.opened, costs.bits), (1 + 63, 2 * 63));
    // Plus the binary key Δ's shares, 64 bits per machine, dealt with the first comparison.
    assert_eq!(costs.dealer_bits, (63 + 2 * 62 + 1) * 2 * 65 + 2 * 64);
    assert!(bit.open()?);
    Ok(())
}

#[test]
fn depth_counts_the_masked_opening_and_what_came_before_it() {
    let sim = Simulation::with_seed(12);
    let (a, b) = (sim.machine("a"), sim.machine("b"));
    let x = PrivateScalar::new(5, &a).share(&[&b]);
    let first = x.less_than(9).into_scalar();
    // One opening, then BitLT's chain of 62 ANDs, then the daBit's opening.
    assert_eq!(first.depth(), 1 + 62 + 1);
    let product = &first * &x; // one more round
    let second = product.less_than(3).into_scalar();
    assert_eq!(second.depth(), first.depth() + 1 + 1 + 62 + 1);
    let zero = product.is_zero().into_scalar(); // EQZ's tree: ⌈log₂ 64⌉ = 6
    assert_eq!(zero.depth(), product.depth() + 1 + 6);
    assert!(second.open().unwrap() == 0 && zero.open().unwrap() == 0);
}

#[test]
fn a_comparison_width_per_call_is_exact_cheaper_and_restored() {
    let sim = Simulation::with_seed(17);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    for (a, b) in [
        (-64i64, 63i64),
        (42, 17),
        (17, 42),
        (0, 0),
        (-5, -6),
        (60, -60),
    ] {
        let x = PrivateScalar::new(a, &alice).share(&[&bob]);
        let y = PrivateScalar::new(b, &bob).share(&[&alice]);
        let before = sim.stats().triples;
        let (lt, eq) = sim.with_comparison_bits(8, || (x.less_than(&y), x.equals(&y)));
        let narrow = sim.stats().triples - before;
        assert_eq!(lt.reconstruct(&alice).unwrap(), a < b, "{a} < {b}");
        assert_eq!(eq.reconstruct(&alice).unwrap(), a == b, "{a} == {b}");
        let before = sim.stats().triples;
        let wide = x.less_than(&y); // the simulation's 64 bits again
        assert_eq!(wide.reconstruct(&alice).unwrap(), a < b);
        assert!(
            sim.stats().triples - before > narrow / 2 * 3,
            "8 bits cost {narrow}"
        );
    }
    // The width comes back even when the closure panics.
    let x = PrivateScalar::new(3, &alice).share(&[&bob]);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        sim.with_comparison_bits(4, || panic!("inside"))
    }));
    assert!(caught.is_err());
    let before = sim.stats().triples;
    let _ = x.less_than(0);
    assert!(sim.stats().triples - before >= 60, "back to 64 bits");
    for bits in [0, 1, 85, u32::MAX] {
        let refused = sim.try_with_comparison_bits(bits, || ());
        assert!(
            matches!(refused, Err(Error::ComparisonWidth { most: 84, .. })),
            "{bits}: {refused:?}"
        );
    }
}
