//! Privacy, checked statistically in the teaching field F101.
//!
//! Additive sharing hides a secret when every proper subset of the shares is uniformly
//! distributed whatever the secret is, and Beaver multiplication hides its inputs when the
//! opened values d = x − a and e = y − b are uniform. Both claims are checked here with
//! Pearson's chi-square goodness-of-fit test against the uniform distribution on 𝔽₁₀₁.
//!
//! # Thresholds
//!
//! A histogram of N samples over k cells has the statistic Σ (observed − N/k)² / (N/k),
//! which for uniform samples is approximately χ²-distributed with df = k − 1 degrees of
//! freedom (the approximation is good when every cell expects ≥ 5 samples; here they
//! expect 10 to 1,010). We reject at the upper α = 10⁻⁴ quantile, computed below from the
//! exact survival function of χ² with an even number of degrees of freedom,
//!
//!   P(X > x) = e^(−x/2) · Σ_{i<df/2} (x/2)^i / i!,
//!
//! which gives 161.32 for df = 100 (tables give 124.34 at α = 0.05 and 149.45 at 10⁻³,
//! which `critical_values_match_tables_and_wilson_hilferty` reproduces) and 10,739.8 for
//! df = 10,200. A correct implementation fails one check with probability 10⁻⁴; this file
//! makes 90 such checks, so a false alarm has probability below 1 % for a random seed; the
//! seeds are fixed, so a run that passes once passes always. A leak shifts the statistic by
//! far more: see `chi_square_detects_bias`.

use tinyspdz::prelude::*;

mod common;
use common::chi2;
use tinyspdz::{Sender, Step, View};

const P: usize = 101;
const ALPHA: f64 = 1e-4;

/// ln P(X > x) for X ~ χ²(df), df even: the Poisson identity above, in log space.
fn ln_chi2_survival(x: f64, df: usize) -> f64 {
    assert!(df % 2 == 0, "the closed form needs an even df");
    let h = x / 2.0;
    let mut ln_term = -h; // i = 0: e^(−h)
    let mut terms = Vec::with_capacity(df / 2);
    for i in 0..df / 2 {
        if i > 0 {
            ln_term += h.ln() - (i as f64).ln();
        }
        terms.push(ln_term);
    }
    let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    max + terms.iter().map(|t| (t - max).exp()).sum::<f64>().ln()
}

/// The x with P(X > x) = α for X ~ χ²(df), by bisection.
fn chi2_critical(df: usize, alpha: f64) -> f64 {
    let (mut lo, mut hi) = (df as f64, df as f64 + 40.0 * (2.0 * df as f64).sqrt());
    for _ in 0..200 {
        let mid = (lo + hi) / 2.0;
        if ln_chi2_survival(mid, df) > alpha.ln() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + hi) / 2.0
}

/// The two-sample (homogeneity) statistic of two histograms with equal totals;
/// χ²-distributed with k − 1 degrees of freedom when both come from one distribution.
fn chi_square_two_samples(a: &[u64], b: &[u64]) -> f64 {
    assert_eq!(a.iter().sum::<u64>(), b.iter().sum::<u64>());
    a.iter()
        .zip(b)
        .filter(|(x, y)| **x + **y > 0)
        .map(|(&x, &y)| (x as f64 - y as f64).powi(2) / (x + y) as f64)
        .sum()
}

/// The element's canonical index in 0..101.
fn index(x: F101) -> usize {
    let digits = x.to_biguint().to_u64_digits();
    let v = digits.first().copied().unwrap_or(0) as usize;
    assert!(v < P && digits.len() <= 1, "{x} is canonical");
    v
}

/// A simulation over F101, with SPDZ MACs (the default) or semi-honest.
fn build(seed: u64, macs: bool, views: Views) -> Simulation<F101> {
    let builder = Simulation::builder()
        .field::<F101>()
        .seed(seed)
        .views(views);
    let sim = builder.macs(macs).build();
    assert_eq!(sim.macs(), macs);
    sim
}

#[track_caller]
fn assert_uniform(counts: &[u64], what: &str) {
    let df = counts.len() - 1;
    let critical = chi2_critical(df, ALPHA);
    let stat = chi2(counts);
    assert!(
        stat < critical,
        "{what}: χ² = {stat:.1} ≥ {critical:.1} (df = {df}), not uniform"
    );
}

#[test]
fn critical_values_match_tables_and_wilson_hilferty() {
    // Published quantiles of χ²(100): 124.342 (α = 0.05), 135.807 (0.01), 149.449 (0.001).
    for (alpha, table) in [(0.05, 124.342), (0.01, 135.807), (0.001, 149.449)] {
        let c = chi2_critical(100, alpha);
        assert!(
            (c - table).abs() < 0.01,
            "χ²(100) at {alpha}: {c} vs {table}"
        );
    }
    // Wilson–Hilferty: df·(1 − 2/(9 df) + z·√(2/(9 df)))³ with z = Φ⁻¹(1 − 10⁻⁴) = 3.7190.
    let wh = |df: f64| {
        let s = 2.0 / (9.0 * df);
        df * (1.0 - s + 3.719_016_485 * s.sqrt()).powi(3)
    };
    let c100 = chi2_critical(100, ALPHA);
    assert!((c100 - 161.32).abs() < 0.05, "{c100}");
    assert!((c100 - wh(100.0)).abs() < 0.5, "{c100} vs {}", wh(100.0));
    let c10200 = chi2_critical(10_200, ALPHA);
    assert!(
        (c10200 - wh(10_200.0)).abs() < 1.0,
        "{c10200} vs {}",
        wh(10_200.0)
    );
}

#[test]
fn chi_square_detects_bias() {
    // 200 samples per cell, perfectly flat: statistic 0.
    let mut counts = vec![200u64; P];
    assert!(chi2(&counts) < 1e-9);
    // One cell twice as likely adds 200²/200 = 200 > 161.3: rejected.
    counts[0] = 400;
    assert!(chi2(&counts) > chi2_critical(100, ALPHA));
    // Everything in one cell (what the sum of *all* shares looks like): far beyond.
    let mut constant = vec![0u64; P];
    constant[37] = 20_200;
    assert!(chi2(&constant) > 1e6);
}

/// Shares `secret` from alice among alice, bob and charlie `runs` times in one simulation;
/// returns the shares (in holder order: alice, bob, charlie).
fn share_repeatedly(secret: i64, seed: u64, runs: usize, macs: bool) -> Vec<[F101; 3]> {
    let sim = build(seed, macs, Views::Off);
    let (alice, bob, charlie) = (
        sim.machine("alice"),
        sim.machine("bob"),
        sim.machine("charlie"),
    );
    let x = PrivateScalar::new(secret, &alice);
    let holders = x.share(&[&bob, &charlie]).holders();
    assert_eq!(holders, [alice.clone(), bob.clone(), charlie.clone()]);
    (0..runs)
        .map(|_| {
            let shares = x.share(&[&bob, &charlie]).shares();
            [shares[0], shares[1], shares[2]]
        })
        .collect()
}

#[test]
fn every_proper_subset_of_shares_is_uniform() {
    // 10 samples per cell of the 101² joint histograms; 1,010 per cell of the single ones.
    let runs = 10 * P * P;
    let critical = chi2_critical(P - 1, ALPHA);
    let critical_joint = chi2_critical(P * P - 1, ALPHA);
    let check = |counts: &[u64], critical: f64, what: String| {
        let stat = chi2(counts);
        assert!(
            stat < critical,
            "{what}: χ² = {stat:.1} ≥ {critical:.1}, not uniform"
        );
    };
    for (secret, seed, macs) in [
        (0i64, 1u64, false),
        (37, 2, false),
        (-50, 3, true),
        (25, 4, true),
    ] {
        let samples: Vec<[usize; 3]> = share_repeatedly(secret, seed, runs, macs)
            .into_iter()
            .map(|s| {
                assert_eq!(
                    s[0] + s[1] + s[2],
                    F101::from_i64(secret),
                    "the shares add up"
                );
                s.map(index)
            })
            .collect();
        let what = |subset: &str| format!("{subset} of {secret} (macs {macs})");
        for i in 0..3 {
            let mut single = vec![0u64; P];
            for s in &samples {
                single[s[i]] += 1;
            }
            check(&single, critical, what(&format!("share {i}")));
        }
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            let mut joint = vec![0u64; P * P];
            let mut sum = vec![0u64; P];
            for s in &samples {
                joint[P * s[i] + s[j]] += 1;
                sum[(s[i] + s[j]) % P] += 1;
            }
            check(&joint, critical_joint, what(&format!("shares ({i}, {j})")));
            check(&sum, critical, what(&format!("share {i} + share {j}")));
        }
        // The test has power: all three shares together give the secret away.
        let mut all = vec![0u64; P];
        for s in &samples {
            all[(s[0] + s[1] + s[2]) % P] += 1;
        }
        assert!(chi2(&all) > 1e6);
    }
}

#[test]
fn single_shares_do_not_depend_on_the_secret() {
    // The histograms of bob's share for two secrets are homogeneous (same distribution).
    let runs = 100 * P;
    for macs in [false, true] {
        let a = share_repeatedly(-17, 4, runs, macs);
        let b = share_repeatedly(42, 5, runs, macs);
        for i in 0..3 {
            let (mut ha, mut hb) = (vec![0u64; P], vec![0u64; P]);
            for (sa, sb) in a.iter().zip(&b) {
                ha[index(sa[i])] += 1;
                hb[index(sb[i])] += 1;
            }
            let stat = chi_square_two_samples(&ha, &hb);
            let critical = chi2_critical(P - 1, ALPHA);
            assert!(
                stat < critical,
                "share {i}: two-sample χ² = {stat:.1} ≥ {critical:.1}"
            );
        }
    }
}

/// What bob and charlie (neither owns x) see in one run: x is alice's secret input, y is
/// charlie's input 9, and the three multiply x·y.
struct Observed {
    /// A shape of bob's view (sender, step) per message, to compare across secrets.
    shape: Vec<(Sender, Step)>,
    /// Per observed quantity, its value.
    values: Vec<F101>,
}

const QUANTITIES: [&str; 8] = [
    "bob's input share of x",
    "beaver d from alice to bob",
    "beaver d from charlie to bob",
    "beaver e from alice to bob",
    "beaver e from charlie to bob",
    "d = x − a, opened to bob",
    "charlie's input share of x",
    "beaver d from alice to charlie",
];

fn observe(secret: i64, seed: u64, macs: bool) -> Observed {
    let sim = build(seed, macs, Views::default());
    let (alice, bob, charlie) = (
        sim.machine("alice"),
        sim.machine("bob"),
        sim.machine("charlie"),
    );
    let x = PrivateScalar::new(secret, &alice).share(&[&bob, &charlie]);
    let y = PrivateScalar::new(9, &charlie).share(&[&alice, &bob]);
    let z = &x * &y;
    let (xn, zn) = (x.number(), z.number());

    let find = |view: &View<F101>, from: Sender, step: Step, about: u64| -> F101 {
        let found: Vec<F101> = view
            .messages
            .iter()
            .filter(|m| m.from == from && m.step == step && m.about == about)
            .map(|m| m.value)
            .collect();
        assert_eq!(found.len(), 1, "one {step} from {from} about #{about}");
        found[0]
    };
    let alice_ = || Sender::Machine("alice".to_string());
    let charlie_ = || Sender::Machine("charlie".to_string());

    let bv = bob.view();
    let x_bob = find(&bv, alice_(), Step::InputShare, xn);
    let d_alice = find(&bv, alice_(), Step::BeaverD, zn);
    let d_charlie = find(&bv, charlie_(), Step::BeaverD, zn);
    let e_alice = find(&bv, alice_(), Step::BeaverE, zn);
    let e_charlie = find(&bv, charlie_(), Step::BeaverE, zn);
    // Bob's own dᵢ went to alice and charlie; with the two he received, he knows d.
    let d_bob = find(
        &alice.view(),
        Sender::Machine("bob".into()),
        Step::BeaverD,
        zn,
    );
    let d = d_alice + d_charlie + d_bob;
    // d = x − a for the triple's a (the simulation's privilege: add all a-shares).
    let a: F101 = [&alice, &bob, &charlie]
        .iter()
        .map(|m| find(&m.view(), Sender::Dealer, Step::TripleA, zn))
        .fold(F101::from(0u64), |acc, v| acc + v);
    assert_eq!(d, F101::from_i64(secret) - a, "d = x - a");

    let cv = charlie.view();
    let x_charlie = find(&cv, alice_(), Step::InputShare, xn);
    let d_alice_to_charlie = find(&cv, alice_(), Step::BeaverD, zn);
    assert_eq!(
        d_alice_to_charlie, d_alice,
        "a broadcast sends the same share to all"
    );

    let shape = bv
        .messages
        .iter()
        .map(|m| (m.from.clone(), m.step))
        .collect();
    let values = vec![
        x_bob,
        d_alice,
        d_charlie,
        e_alice,
        e_charlie,
        d,
        x_charlie,
        d_alice_to_charlie,
    ];
    Observed { shape, values }
}

#[test]
fn views_of_non_owners_do_not_depend_on_the_secret() {
    views_do_not_depend_on_the_secret(false);
}

#[test]
fn views_of_non_owners_do_not_depend_on_the_secret_with_macs() {
    views_do_not_depend_on_the_secret(true);
}

fn views_do_not_depend_on_the_secret(macs: bool) {
    // Same seeds, two secrets: per quantity, a histogram over the seeds.
    let seeds = 100 * P as u64; // 100 samples per cell
    let secrets = [-23i64, 44];
    let mut hist = vec![vec![vec![0u64; P]; QUANTITIES.len()]; secrets.len()];
    for seed in 0..seeds {
        let runs: Vec<Observed> = secrets.iter().map(|&s| observe(s, seed, macs)).collect();
        assert_eq!(
            runs[0].shape, runs[1].shape,
            "bob's view has the same shape (seed {seed})"
        );
        for (h, run) in hist.iter_mut().zip(&runs) {
            for (q, v) in run.values.iter().enumerate() {
                h[q][index(*v)] += 1;
            }
        }
    }
    let critical = chi2_critical(P - 1, ALPHA);
    for (q, name) in QUANTITIES.iter().enumerate() {
        for (s, secret) in secrets.iter().enumerate() {
            assert_uniform(
                &hist[s][q],
                &format!("{name}, secret {secret}, macs {macs}"),
            );
        }
        let stat = chi_square_two_samples(&hist[0][q], &hist[1][q]);
        assert!(
            stat < critical,
            "{name}, macs {macs}: two-sample χ² = {stat:.1} ≥ {critical:.1}"
        );
    }
}
