//! Shamir t-of-n sharing: reconstruction from any t + 1 holders, privacy of t shares,
//! arithmetic with machines offline, BGW against Beaver, refresh, re-sharing, and MACs.

use num_bigint::BigInt;
use rand::rngs::ChaCha12Rng;
use rand::{RngExt, SeedableRng};
use tinyspdz::prelude::*;

mod common;
use common::chi2;

fn machines<F: TinyField>(sim: &Simulation<F>, n: usize) -> Vec<VirtualMachine<F>> {
    (0..n).map(|i| sim.machine(format!("m{i}"))).collect()
}

fn refs<F: TinyField>(machines: &[VirtualMachine<F>]) -> Vec<&VirtualMachine<F>> {
    machines.iter().collect()
}

#[test]
fn every_subset_of_t_plus_one_holders_reconstructs() -> Result<(), Error> {
    for (n, t) in [(3, 1), (4, 1), (5, 2), (4, 3)] {
        let sim = Simulation::with_seed(n as u64 * 10 + t as u64);
        let ms = machines(&sim, n);
        let x = PrivateScalar::new(-987_654, &ms[0]).share_threshold(&refs(&ms), t);
        for mask in 0u32..1 << n {
            let online: Vec<usize> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
            common::only_online(&ms, &online);
            let Some(&receiver) = online.first() else {
                continue;
            };
            let result = x.reconstruct(&ms[receiver]);
            common::assert_threshold_reconstruction(result, -987_654, (n, t), &online);
        }
    }
    Ok(())
}

#[test]
fn random_subsets_of_a_larger_committee_reconstruct() -> Result<(), Error> {
    let (n, t) = (12, 4);
    let sim = Simulation::builder().seed(3).semi_honest().build();
    let ms = machines(&sim, n);
    let x = PrivateScalar::new(424_242, &ms[0]).share_threshold(&refs(&ms), t);
    let mut rng = ChaCha12Rng::seed_from_u64(4);
    for _ in 0..40 {
        let size = rng.random_range(t + 1..=n);
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            order.swap(i, rng.random_range(0..=i));
        }
        common::only_online(&ms, &order[..size]);
        assert_eq!(x.reconstruct(&ms[order[0]])?, 424_242);
    }
    Ok(())
}

#[test]
fn t_shares_are_uniform_whatever_the_secret() {
    // In F101 with t = 2 of n = 4, the first two shares are jointly uniform: χ² over the
    // 101² pairs. 51,005 sharings per secret (5 per cell on average); df = 10,200 with
    // standard deviation √(2·df) ≈ 143, so a uniform sample stays below df + 6σ.
    for secret in [0i64, 37] {
        let sim = Simulation::builder()
            .field::<F101>()
            .seed(secret as u64)
            .semi_honest()
            .views(Views::Off)
            .build();
        let ms = machines(&sim, 4);
        let holders = refs(&ms);
        let x = PrivateScalar::new(secret, &ms[0]);
        let mut pairs = vec![0u64; 101 * 101];
        let mut singles = vec![0u64; 101];
        for _ in 0..51_005 {
            let shares = x.share_threshold(&holders, 2).shares();
            let [a, b] = [0, 1].map(|i| {
                shares[i]
                    .to_biguint()
                    .to_u64_digits()
                    .first()
                    .copied()
                    .unwrap_or(0) as usize
            });
            pairs[a * 101 + b] += 1;
            singles[a] += 1;
        }
        assert!(
            chi2(&pairs) < 10_200.0 + 6.0 * 143.0,
            "pairs: χ² = {}",
            chi2(&pairs)
        );
        assert!(chi2(&singles) < 161.3, "singles: χ² = {}", chi2(&singles)); // df 100, p = 10⁻⁴
    }
}

#[test]
fn arithmetic_with_machines_offline_up_to_the_limit() -> Result<(), Error> {
    for macs in [true, false] {
        for (n, t) in [(3, 1), (5, 2), (5, 1)] {
            let sim = Simulation::builder().seed(7).macs(macs).build();
            let ms = machines(&sim, n);
            let holders = refs(&ms);
            let (a, b, c) = (1234i64, -56i64, 789i64);
            let x = PrivateScalar::new(a, &ms[0]).share_threshold(&holders, t);
            let y = PrivateScalar::new(b, &ms[1]).share_threshold(&holders, t);
            let z = PrivateScalar::new(c, &ms[2]).share_threshold(&holders, t);
            // The last n − (t + 1) machines drop out: everything still completes.
            for m in &ms[t + 1..] {
                m.go_offline();
            }
            let out = (&x * &y - 3 * &z + 10) * &x;
            let expected = (a * b - 3 * c + 10) * a;
            assert_eq!(
                out.reconstruct(&ms[0])?,
                expected,
                "n={n} t={t} macs={macs}"
            );
            assert_eq!(x.pow(3).open()?, a.pow(3));
            let sum: SharedScalar = [&x, &y, &z].into_iter().sum();
            assert_eq!(sum.reconstruct(&ms[t])?, a + b + c);
            // One more offline is one too many.
            ms[t].go_offline();
            match x.try_mul(&y) {
                Err(Error::NotEnoughOnline {
                    answering, needed, ..
                }) => assert_eq!((answering, needed), (t, t + 1)),
                other => panic!("{other:?}"),
            }
            assert!(matches!(
                x.reconstruct(&ms[0]),
                Err(Error::NotEnoughOnline { .. })
            ));
            // Back online, values computed while it was away have no share on it.
            for m in &ms {
                m.come_online();
            }
            assert_eq!(out.reconstruct(&ms[n - 1])?, expected);
        }
    }
    Ok(())
}

#[test]
fn additive_sharing_needs_everybody() -> Result<(), Error> {
    let sim = Simulation::with_seed(8);
    let ms = machines(&sim, 3);
    let x = PrivateScalar::new(5, &ms[0]).share_among(&refs(&ms));
    ms[2].go_offline();
    let err = x
        .try_mul(&x)
        .expect_err("a missing additive share is fatal");
    assert!(err.to_string().contains("only 2 of the holders"), "{err}");
    assert!(err.to_string().contains("3 are needed"), "{err}");
    assert!(matches!(x.reconstruct(&ms[2]), Err(Error::Offline { .. })));
    ms[2].come_online();
    assert_eq!(x.reconstruct(&ms[2])?, 5);
    Ok(())
}

#[test]
#[should_panic(expected = "are needed")]
fn operators_panic_when_too_few_are_online() {
    let sim = Simulation::with_seed(9);
    let ms = machines(&sim, 3);
    let x = PrivateScalar::new(5, &ms[0]).share_threshold(&refs(&ms), 1);
    ms[1].go_offline();
    ms[2].go_offline();
    let _ = &x * &x;
}

#[test]
fn bgw_and_beaver_agree_and_bgw_needs_an_honest_majority() -> Result<(), Error> {
    let mut rng = ChaCha12Rng::seed_from_u64(10);
    for macs in [true, false] {
        for (n, t) in [(3, 1), (5, 2), (7, 3), (6, 2)] {
            let sim = Simulation::builder().seed(n as u64).macs(macs).build();
            let ms = machines(&sim, n);
            let holders = refs(&ms);
            let (a, b) = (
                rng.random_range(-1_000_000..1_000_000i64),
                rng.random_range(-1_000_000..1_000_000i64),
            );
            let x = PrivateScalar::new(a, &ms[0]).share_threshold(&holders, t);
            let y = PrivateScalar::new(b, &ms[1]).share_threshold(&holders, t);
            let triples = sim.dealer().triples_dealt();
            let bgw = x.mul_bgw(&y);
            assert_eq!(sim.dealer().triples_dealt(), triples, "BGW uses no triple");
            let beaver = &x * &y;
            assert_eq!(bgw.reconstruct(&ms[0])?, BigInt::from(a) * b);
            assert_eq!(beaver.reconstruct(&ms[0])?, BigInt::from(a) * b);
            assert_eq!((bgw.mul_bgw(&x) - &beaver * &x).open()?, 0, "n={n} t={t}");
        }
    }
    // n < 2t + 1: refused, with the numbers in the message.
    let sim = Simulation::with_seed(11);
    let ms = machines(&sim, 4);
    let x = PrivateScalar::new(3, &ms[0]).share_threshold(&refs(&ms), 2);
    let err = x.try_mul_bgw(&x).expect_err("4 < 2·2 + 1");
    assert_eq!(
        err,
        Error::BgwNeedsHonestMajority {
            threshold: 2,
            needed: 5,
            answering: 4
        }
    );
    assert!(err.to_string().contains("2t + 1 = 5"), "{err}");
    let additive = PrivateScalar::new(3, &ms[0]).share_among(&refs(&ms));
    assert!(matches!(
        additive.try_mul_bgw(&additive),
        Err(Error::BgwNeedsShamir { holders: 4 })
    ));
    let message = additive.try_mul_bgw(&additive).unwrap_err().to_string();
    assert!(message.contains("shared additively"), "{message}");
    Ok(())
}

#[test]
fn refresh_changes_every_share_and_keeps_the_value() -> Result<(), Error> {
    for scheme_t in [None, Some(1), Some(2)] {
        let sim = Simulation::with_seed(12);
        let ms = machines(&sim, 5);
        let owner = PrivateScalar::new(-31_337, &ms[0]);
        let mut x = match scheme_t {
            Some(t) => owner.share_threshold(&refs(&ms), t),
            None => owner.share_among(&refs(&ms)),
        };
        let (before, macs_before) = (x.shares(), x.mac_shares());
        x.refresh();
        let (after, macs_after) = (x.shares(), x.mac_shares());
        assert!(
            before.iter().zip(&after).all(|(a, b)| a != b),
            "every share changes"
        );
        assert!(
            macs_before.iter().zip(&macs_after).all(|(a, b)| a != b),
            "every MAC share changes"
        );
        assert_eq!(x.reconstruct(&ms[1])?, -31_337);
        assert_eq!((&x * &x).open()?, 31_337i64 * 31_337);
    }
    Ok(())
}

#[test]
fn shares_from_before_and_after_a_refresh_reveal_nothing_together() {
    // t = 1 of n = 3 in F101: an attacker steals holder 0's share before a refresh and
    // holder 1's after it. The pair is uniform over F101² whatever the secret (χ² over
    // 101² cells), although the same two holders' shares *at the same time* would reveal
    // the secret.
    for secret in [5i64, -44] {
        let sim = Simulation::builder()
            .field::<F101>()
            .seed(100 + secret.unsigned_abs())
            .semi_honest()
            .views(Views::Off)
            .build();
        let ms = machines(&sim, 3);
        let holders = refs(&ms);
        let owner = PrivateScalar::new(secret, &ms[0]);
        let mut pairs = vec![0u64; 101 * 101];
        for _ in 0..51_005 {
            let mut x = owner.share_threshold(&holders, 1);
            let stolen_before = x.shares()[0];
            x.refresh();
            let stolen_after = x.shares()[1];
            let [a, b] = [stolen_before, stolen_after]
                .map(|s| s.to_biguint().to_u64_digits().first().copied().unwrap_or(0) as usize);
            pairs[a * 101 + b] += 1;
        }
        assert!(
            chi2(&pairs) < 10_200.0 + 6.0 * 143.0,
            "χ² = {}",
            chi2(&pairs)
        );
    }
}

#[test]
fn resharing_hands_the_value_to_a_new_committee() -> Result<(), Error> {
    for macs in [true, false] {
        let sim = Simulation::builder().seed(13).macs(macs).build();
        let old = machines(&sim, 3);
        let new: Vec<VirtualMachine> = (0..4).map(|i| sim.machine(format!("new{i}"))).collect();
        let x = PrivateScalar::new(2024, &old[0]).share_threshold(&refs(&old), 1);
        let y = x.reshare(&refs(&new), Scheme::Shamir { threshold: 2 });
        assert_eq!(y.scheme(), Scheme::Shamir { threshold: 2 });
        assert_eq!(y.holders(), new);
        // The new committee computes on its own, with one member away.
        new[3].go_offline();
        let z = PrivateScalar::new(3, &new[0]).share_threshold(&refs(&new), 2);
        assert_eq!((&y * &z).reconstruct(&new[1])?, 6072);
        // An additive hand-over back to two machines.
        new[3].come_online();
        let back = y.reshare(&[&old[0], &old[1]], Scheme::Additive);
        assert_eq!(back.reconstruct(&old[0])?, 2024);
        // Old and new shares do not combine: one old share and one new share interpolate
        // to something else (the polynomials are unrelated).
        let (old_shares, new_shares) = (x.shares(), y.shares());
        let mixed =
            tinyspdz::sharing::shamir::reconstruct(&[0, 1], &[old_shares[0], new_shares[1]])?;
        assert_ne!(mixed.to_bigint(), BigInt::from(2024));
    }
    Ok(())
}

#[test]
fn macs_catch_cheaters_on_shamir_sharings() {
    let mut rng = ChaCha12Rng::seed_from_u64(14);
    for trial in 0..200u64 {
        let n = 3 + (trial % 3) as usize; // 3 to 5 holders, t = 1
        let sim = Simulation::with_seed(trial);
        let ms = machines(&sim, n);
        let holders = refs(&ms);
        let x =
            PrivateScalar::new(rng.random_range(-1000..1000), &ms[0]).share_threshold(&holders, 1);
        let y =
            PrivateScalar::new(rng.random_range(-1000..1000), &ms[1]).share_threshold(&holders, 1);
        let cheater = &ms[[0, n / 2, n - 1][(trial % 3) as usize]];
        let delta = rng.random_range(1..1_000_000i64);
        match trial % 3 {
            0 => sim
                .adversary()
                .add_to_openings(cheater, delta, Openings::Every),
            1 => sim.adversary().add_to_share(cheater, &x, delta),
            _ => sim.adversary().add_to_mac(cheater, &x, delta),
        }
        let result = (&x * &y).reconstruct(&ms[0]);
        assert!(
            matches!(result, Err(Error::MacCheckFailed { .. })),
            "trial {trial}: {result:?}"
        );
    }
}
