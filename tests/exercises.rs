//! The checkers of the exercises in `exercises/`: each test puts one exercise's function
//! through the cases a correct answer must pass, and says what is still wrong.
//!
//! The exercises are left as `todo!()` for the learner, so their tests are ignored by a
//! plain `cargo test`; run one with `cargo test --test exercises -- --include-ignored ex01`.
//! With the feature `exercise-solutions` the same tests check the reference solutions in
//! `exercises/solutions/` instead (CI runs both: every test must pass on the solutions
//! and fail on the untouched exercises).

use ff::Field;
use rand::SeedableRng;
use rand::rngs::ChaCha12Rng;
use tinyspdz::prelude::*;

#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex01_beaver.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex01_beaver.rs"
)]
mod ex01;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex02_sigma.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex02_sigma.rs"
)]
mod ex02;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex03_lagrange.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex03_lagrange.rs"
)]
mod ex03;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex04_refresh.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex04_refresh.rs"
)]
mod ex04;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex05_truncation.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex05_truncation.rs"
)]
mod ex05;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex06_sharing.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex06_sharing.rs"
)]
mod ex06;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex07_costs.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex07_costs.rs"
)]
mod ex07;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex08_select.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex08_select.rs"
)]
mod ex08;
#[cfg_attr(not(feature = "exercise-solutions"), path = "../exercises/ex09_dot.rs")]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex09_dot.rs"
)]
mod ex09;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex10_constant.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex10_constant.rs"
)]
mod ex10;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex11_aggregation.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex11_aggregation.rs"
)]
mod ex11;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex12_commitment.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex12_commitment.rs"
)]
mod ex12;
#[cfg_attr(
    not(feature = "exercise-solutions"),
    path = "../exercises/ex13_sacrifice.rs"
)]
#[cfg_attr(
    feature = "exercise-solutions",
    path = "../exercises/solutions/ex13_sacrifice.rs"
)]
mod ex13;

/// `n` random field elements.
fn random(n: usize, rng: &mut ChaCha12Rng) -> Vec<F127> {
    (0..n).map(|_| F127::random(&mut *rng)).collect()
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex01"]
fn ex01_beaver_step_4() -> Result<(), Error> {
    for (seed, (x, y)) in [(6i64, 7i64), (-12, 5), (0, 99), (1 << 40, -(1 << 20))]
        .into_iter()
        .enumerate()
    {
        let sim = Simulation::with_seed(seed as u64);
        let [alice, bob, carol] = sim.new_machines(["alice", "bob", "carol"]);
        let sx = PrivateScalar::new(x, &alice).share(&[&bob, &carol]);
        let sy = PrivateScalar::new(y, &bob).share(&[&alice, &carol]);
        let [a, b, c] = sim.dealer().triple(&sx.holders())?;
        let d = (&sx - &a).partial_open()?.field_value();
        let e = (&sy - &b).partial_open()?.field_value();
        let before = sim.stats();
        let z = ex01::beaver_step_4(&a, &b, &c, d, e);
        let after = sim.stats();
        assert_eq!(
            after.messages, before.messages,
            "step 4 is local: it sends no message"
        );
        assert_eq!(
            after.triples, before.triples,
            "step 4 uses the triple it was given"
        );
        let opened = z.reconstruct(&alice)?;
        assert_eq!(
            opened,
            i128::from(x) * i128::from(y),
            "z must open to x·y for x = {x}, y = {y}"
        );
    }
    Ok(())
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex02"]
fn ex02_sigma() {
    let mut rng = ChaCha12Rng::seed_from_u64(2);
    let (n, k) = (3, 5);
    let alpha = random(n, &mut rng);
    let key: F127 = alpha.iter().copied().sum();
    let opened = random(k, &mut rng);
    // Holder i's MAC shares: shares of α·aⱼ, the last holder's making them add up.
    let mut macs: Vec<Vec<F127>> = (0..n - 1).map(|_| random(k, &mut rng)).collect();
    let last = (0..k).map(|j| key * opened[j] - macs.iter().map(|m| m[j]).sum::<F127>());
    macs.push(last.collect());
    let r = random(k, &mut rng);
    let total = |values: &[F127], r: &[F127]| -> F127 {
        (0..n)
            .map(|i| ex02::sigma(values, &macs[i], r, alpha[i]))
            .sum()
    };
    assert_eq!(
        total(&opened, &r),
        F127::ZERO,
        "the σᵢ of honest holders must add up to zero"
    );
    let zero = vec![F127::ZERO; k];
    assert_eq!(
        ex02::sigma(&opened, &macs[0], &zero, alpha[0]),
        F127::ZERO,
        "with all rⱼ = 0, σᵢ is 0"
    );
    let mut cheated = opened.clone();
    cheated[2] += F127::ONE;
    assert_ne!(
        total(&cheated, &r),
        F127::ZERO,
        "a changed opened value must be caught: the σᵢ must not add up to zero"
    );
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex03"]
fn ex03_lagrange_weights() {
    let mut rng = ChaCha12Rng::seed_from_u64(3);
    for positions in [
        vec![0, 1],
        vec![0, 1, 2],
        vec![4, 1, 7],
        vec![2, 9, 5, 0, 3],
    ] {
        let weights = ex03::lagrange_weights(&positions);
        assert_eq!(weights.len(), positions.len(), "one weight per holder");
        // f of degree t = len − 1 with f(0) = secret, its shares at position + 1.
        let coefficients = random(positions.len(), &mut rng);
        let f = |x: F127| {
            coefficients
                .iter()
                .rev()
                .fold(F127::ZERO, |acc, c| acc * x + c)
        };
        let shares = positions.iter().map(|&k| f(F127::from(k as u64 + 1)));
        let secret: F127 = shares.zip(&weights).map(|(s, w)| s * w).sum();
        assert_eq!(
            secret, coefficients[0],
            "Σ λᵢ·f(xᵢ) must give f(0) for positions {positions:?}"
        );
        let expected = tinyspdz::sharing::shamir::lagrange_at_zero::<F127>(&positions);
        assert_eq!(
            Ok(weights),
            expected,
            "the weights for positions {positions:?}"
        );
    }
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex04"]
fn ex04_refresh() {
    let mut rng = ChaCha12Rng::seed_from_u64(4);
    let shares = random(4, &mut rng);
    let secret: F127 = shares.iter().copied().sum();
    let once = ex04::refresh(&shares, &mut ChaCha12Rng::seed_from_u64(40));
    assert_eq!(once.len(), shares.len(), "one new share per holder");
    assert_eq!(
        once.iter().copied().sum::<F127>(),
        secret,
        "the new shares must add up to the same secret"
    );
    for (i, (old, new)) in shares.iter().zip(&once).enumerate() {
        assert_ne!(
            old, new,
            "share {i} must change: a refresh adds a random share of zero to each"
        );
    }
    let other = ex04::refresh(&shares, &mut ChaCha12Rng::seed_from_u64(41));
    assert_ne!(
        once, other,
        "two refreshes with different randomness must give different shares"
    );
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex05"]
fn ex05_truncation() -> Result<(), Error> {
    let sim = Simulation::with_seed(5);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let bits = 30;
    for m in [1u32, 8, 16] {
        for a in [
            0i64,
            1,
            -1,
            12_345_678,
            -12_345_678,
            (1 << 29) - 1,
            -(1 << 29),
        ] {
            let shared = PrivateScalar::new(a, &alice).share(&[&bob]);
            let before = sim.stats();
            let t = ex05::trunc_pr(&shared, bits, m)?;
            let after = sim.stats();
            assert_eq!(
                after.opened - before.opened,
                1,
                "TruncPr opens one value, c"
            );
            assert_eq!(after.triples, before.triples, "TruncPr needs no triple");
            let floor = a.div_euclid(1 << m);
            let got = t.reconstruct(&alice)?;
            assert!(
                got == i128::from(floor) || got == i128::from(floor) + 1,
                "⌊{a}/2^{m}⌋ = {floor}: the result must be {floor} or {}, it is {got}",
                floor + 1
            );
        }
    }
    Ok(())
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex06"]
fn ex06_sharing() {
    let mut rng = ChaCha12Rng::seed_from_u64(6);
    for n in [1, 2, 3, 7] {
        let secret = F127::random(&mut rng);
        let shares = ex06::share(secret, n, &mut rng);
        assert_eq!(shares.len(), n, "{n} holders need {n} shares");
        assert_eq!(
            shares.iter().copied().sum::<F127>(),
            secret,
            "the {n} shares must add up to the secret"
        );
    }
    // The same secret twice must give different shares: they are random.
    let secret = F127::from(42);
    let first = ex06::share(secret, 3, &mut rng);
    let second = ex06::share(secret, 3, &mut rng);
    assert_ne!(
        first[..2],
        second[..2],
        "the first n − 1 shares must be random, not fixed"
    );
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex07"]
fn ex07_one_triple() -> Result<(), Error> {
    let sim = Simulation::with_seed(7);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let share = |v: i64| PrivateScalar::new(v, &alice).share(&[&bob]);
    let (a, b, c) = (share(3), share(-4), share(10));
    let before = sim.stats().triples;
    let r = ex07::one_triple(&a, &b, &c);
    assert_eq!(
        sim.stats().triples - before,
        1,
        "a·b + a·c can be computed with one triple"
    );
    assert_eq!(
        r.reconstruct(&alice)?,
        3 * -4 + 3 * 10,
        "the value must be a·b + a·c"
    );
    Ok(())
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex08"]
fn ex08_choose() -> Result<(), Error> {
    let sim = Simulation::with_seed(8);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let share = |v: i64| PrivateScalar::new(v, &alice).share(&[&bob]);
    let (yes, no) = (share(111), share(-222));
    for (x, want) in [(1i64, 111), (9, -222)] {
        let bit = share(x).less_than(5); // 1 for x = 1, 0 for x = 9
        let before = sim.stats().triples;
        let chosen = ex08::choose(&bit, &yes, &no);
        assert_eq!(sim.stats().triples - before, 1, "choosing costs one triple");
        let got = chosen.reconstruct(&alice)?;
        assert_eq!(
            got,
            want,
            "with the bit {}, the choice must be {want}",
            i64::from(x < 5)
        );
    }
    Ok(())
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex09"]
fn ex09_inner_product() -> Result<(), Error> {
    let sim = Simulation::with_seed(9);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let (xs, ys) = ([1i64, -2, 3, 4, 5], [6i64, 7, -8, 9, 10]);
    let x = PrivateVector::new(xs, &alice).share(&[&bob]);
    let y = PrivateVector::new(ys, &bob).share(&[&alice]);
    let before = sim.stats();
    let product = ex09::inner_product(&x, &y);
    let after = sim.stats();
    assert_eq!(
        after.rounds - before.rounds,
        1,
        "all five products must share one round"
    );
    assert_eq!(after.triples - before.triples, 5, "one triple per lane");
    let want: i64 = xs.iter().zip(ys).map(|(a, b)| a * b).sum();
    assert_eq!(
        product.reconstruct(&alice)?,
        i128::from(want),
        "the inner product"
    );
    Ok(())
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex10"]
fn ex10_add_constant() {
    let mut rng = ChaCha12Rng::seed_from_u64(10);
    let shares = random(3, &mut rng);
    let secret: F127 = shares.iter().copied().sum();
    let k = F127::from(1000);
    let new = ex10::add_constant(&shares, k);
    assert_eq!(new.len(), shares.len(), "one share per holder");
    let sum: F127 = new.iter().copied().sum();
    assert_ne!(
        sum,
        secret + k + k + k,
        "if every holder adds k, the sum grows by n·k"
    );
    assert_eq!(sum, secret + k, "the new shares must add up to x + k");
    let changed = shares.iter().zip(&new).filter(|(a, b)| a != b).count();
    assert_eq!(
        changed, 1,
        "one holder adds k; the others keep their shares"
    );
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex11"]
fn ex11_aggregation() -> Result<(), Error> {
    let sim = Simulation::with_seed(11);
    let compute = sim
        .new_machines(["server 1", "server 2", "server 3"])
        .to_vec();
    let people: Vec<VirtualMachine> = (0..6).map(|i| sim.machine(format!("person {i}"))).collect();
    let inputs: Vec<PrivateScalar> = (people.iter().enumerate())
        .map(|(i, p)| PrivateScalar::new(10 * i as i64 + 3, p))
        .collect();
    let total = ex11::total(&inputs, &compute);
    let names: Vec<String> = total
        .holders()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    assert_eq!(
        names,
        ["server 1", "server 2", "server 3"],
        "only the compute machines hold the total"
    );
    for person in &people {
        let shares = person
            .holdings()
            .iter()
            .filter(|(_, what, _)| what.starts_with("share"))
            .count();
        assert_eq!(
            shares,
            0,
            "{} must hold no share: share among the compute machines alone",
            person.name()
        );
    }
    assert_eq!(
        total.open()?,
        10 * (1 + 2 + 3 + 4 + 5) + 6 * 3,
        "the total of the six inputs"
    );
    Ok(())
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex12"]
fn ex12_commitment() {
    use sha2::{Digest, Sha256};
    let (value, nonce, other_nonce) = (b"sigma = 42".as_slice(), [7u8; 32], [8u8; 32]);
    let c = ex12::commit(value, &nonce);
    let expected: [u8; 32] = Sha256::new()
        .chain_update(value)
        .chain_update(nonce)
        .finalize()
        .into();
    assert_eq!(
        c, expected,
        "c must be SHA-256 of the value followed by the nonce"
    );
    assert!(
        ex12::opens(&c, value, &nonce),
        "the value and its nonce must open c"
    );
    assert!(
        !ex12::opens(&c, b"sigma = 43", &nonce),
        "binding: another value must not open c"
    );
    assert!(
        !ex12::opens(&c, value, &other_nonce),
        "another nonce must not open c"
    );
    assert_ne!(
        ex12::commit(value, &other_nonce),
        c,
        "hiding: a fresh nonce gives another commitment"
    );
}

#[test]
#[ignore = "an exercise: cargo test --test exercises -- --include-ignored ex13"]
fn ex13_sacrifice() -> Result<(), Error> {
    let sim = Simulation::with_seed(13);
    let holders = sim.new_machines(["alice", "bob"]);
    let mut rng = ChaCha12Rng::seed_from_u64(13);
    for _ in 0..5 {
        let t = F127::random(&mut rng);
        let good = sim.dealer().triple(&holders)?;
        let spare = sim.dealer().triple(&holders)?;
        assert!(
            ex13::sacrifice(&good, &spare, t)?,
            "a good triple checked with a good one must pass"
        );
        let bad = sim.dealer().custom(&holders, |rng| {
            let (a, b) = (F127::random(&mut *rng), F127::random(&mut *rng));
            [a, b, a * b + F127::ONE]
        })?;
        let spare = sim.dealer().triple(&holders)?;
        assert!(
            !ex13::sacrifice(&bad, &spare, t)?,
            "a triple with c = a·b + 1 must fail"
        );
    }
    assert_eq!(
        sim.check(),
        Ok(()),
        "the openings' MACs must check: only honest openings"
    );
    Ok(())
}
