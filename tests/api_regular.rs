//! One shape for every value family: `PublicVector` computes as `PublicScalar` does,
//! `SharedFixedVector` compares as `SharedFixed` does, lane by lane, and vectors have the
//! scalars' `is_zero`, `abs` and `sign`. Checked through the
//! public API against plain integers and `f64`, over several seeds, on lanes that could
//! go wrong: positive, negative, equal and one ulp apart.

use tinyspdz::prelude::*;

const ULP: f64 = 1.0 / 65_536.0;
const SEEDS: [u64; 4] = [1, 2, 3, 17];

/// splitmix64: a few reproducible numbers per seed, without a dependency.
fn numbers(seed: u64, n: usize) -> Vec<u64> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        })
        .collect()
}

/// Integers in ±2^40, so products stay exact in F127.
fn integers(seed: u64, n: usize) -> Vec<i64> {
    let span = 1u64 << 41;
    let each = numbers(seed, n).into_iter();
    each.map(|r| (r % span) as i64 - (1i64 << 40)).collect()
}

/// Lanes that could fail (equal, one ulp apart, either sign, zero), then random
/// multiples of 2⁻¹⁶ in ±1000, so `f64` comparisons are the encodings' comparisons.
fn operands(seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut x = vec![1.5, -2.25, 0.0, 3.0, -1.0, 0.5 + ULP, -0.75, 7.0, -0.0];
    let mut y = vec![-0.5, -2.25, 0.0, 3.0 + ULP, -1.0 - ULP, 0.5, 4.0, -7.0, 0.0];
    let random = numbers(seed, 8).into_iter();
    let lanes = random.map(|r| ((r % (2_000 << 16)) as f64) * ULP - 1_000.0);
    let random: Vec<f64> = lanes.collect();
    x.extend(&random[..4]);
    y.extend(&random[4..]);
    // And one random lane equal to its partner, one a ulp below it.
    x.extend([random[0], random[1] - ULP]);
    y.extend([random[0], random[1]]);
    (x, y)
}

fn bits(lanes: impl IntoIterator<Item = bool>) -> Vec<i64> {
    lanes.into_iter().map(i64::from).collect()
}

#[test]
fn public_vectors_add_subtract_and_multiply_like_integers() {
    for seed in SEEDS {
        let (a, b) = (integers(seed, 6), integers(seed + 100, 6));
        let x = PublicVector::<F127>::from(a.clone());
        let y = PublicVector::<F127>::from(b.clone());
        let each = |f: fn(i128, i128) -> i128| -> Vec<i128> {
            let pairs = a.iter().zip(&b);
            pairs.map(|(&p, &q)| f(p.into(), q.into())).collect()
        };
        let (sum, difference, product) =
            (each(|p, q| p + q), each(|p, q| p - q), each(|p, q| p * q));
        assert_eq!(&x + &y, sum);
        assert_eq!(&x + y.clone(), sum);
        assert_eq!(x.clone() + &y, sum);
        assert_eq!(x.clone() + y.clone(), sum);
        assert_eq!(&x - &y, difference);
        assert_eq!(x.clone() - y.clone(), difference);
        assert_eq!(&y - &x, each(|p, q| q - p));
        assert_eq!(&x * &y, product);
        assert_eq!(x.clone() * y.clone(), product);
        assert_eq!(x.try_add(&y), Ok(&x + &y));
        assert_eq!(x.try_sub(&y), Ok(&x - &y));
        assert_eq!(x.try_mul(&y), Ok(&x * &y));
    }
}

#[test]
fn public_vectors_compute_modulo_p_like_public_scalars() {
    let x = PublicVector::<F101>::from([60, -40, 7]);
    let y = PublicVector::<F101>::from([50, -30, 15]);
    let scalar = |v: i32| PublicScalar::new(F101::from_i128(v.into()));
    for (j, (p, q)) in [(60, 50), (-40, -30), (7, 15)].into_iter().enumerate() {
        let (p, q) = (scalar(p), scalar(q));
        assert_eq!((&x + &y).field_values()[j], (p + q).field_value());
        assert_eq!((&x - &y).field_values()[j], (p - q).field_value());
        assert_eq!((&x * &y).field_values()[j], (p * q).field_value());
    }
    assert_eq!(&x + &y, [9, 31, 22]); // 110 ≡ 9, −70 ≡ 31 (mod 101)
    let empty = PublicVector::<F101>::new(Vec::new());
    assert!((&empty * &empty).is_empty());
}

#[test]
fn public_vectors_of_different_lengths_are_refused() {
    let x = PublicVector::<F127>::from([1, 2, 3]);
    let short = PublicVector::<F127>::from([4, 5]);
    let mismatch = Error::LengthMismatch { left: 3, right: 2 };
    assert_eq!(x.try_add(&short), Err(mismatch.clone()));
    assert_eq!(x.try_sub(&short), Err(mismatch.clone()));
    assert_eq!(x.try_mul(&short), Err(mismatch));
    let reversed = short.try_add(&x);
    assert_eq!(reversed, Err(Error::LengthMismatch { left: 2, right: 3 }));
    let empty = PublicVector::<F127>::new(Vec::new());
    assert!(matches!(
        empty.try_mul(&x),
        Err(Error::LengthMismatch { left: 0, right: 3 })
    ));
}

#[test]
#[should_panic(
    expected = "the vectors have 3 and 2 elements: element-wise operations need equal lengths"
)]
fn a_public_vector_operator_panics_with_what_to_do() {
    let x = PublicVector::<F127>::from([1, 2, 3]);
    let _ = &x * &PublicVector::from([4, 5]);
}

#[test]
fn fixed_vectors_compare_like_f64_lane_by_lane() -> Result<(), Error> {
    for seed in SEEDS {
        let sim = Simulation::with_seed(seed);
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let (a, b) = operands(seed);
        let x = PrivateFixedVector::new(a.clone(), &alice).share(&[&bob]);
        let y = PrivateFixedVector::new(b.clone(), &bob).share(&[&alice]);
        let pairs = || a.iter().copied().zip(b.iter().copied());
        let each = |f: fn(f64, f64) -> bool| bits(pairs().map(|(p, q)| f(p, q)));
        assert_eq!(
            x.greater_than(&y).open()?,
            each(|p, q| p > q),
            "seed {seed}"
        );
        assert_eq!(x.less_than(&y).open()?, each(|p, q| p < q), "seed {seed}");
        assert_eq!(x.less_than(&y).open()?, y.greater_than(&x).open()?);
        assert_eq!(x.less_or_equal(&y).open()?, each(|p, q| p <= q));
        assert_eq!(x.greater_or_equal(&y).open()?, each(|p, q| p >= q));
        assert_eq!(x.equals(&y).open()?, each(|p, q| p == q));
        assert_eq!(x.is_negative().open()?, bits(a.iter().map(|&p| p < 0.0)));
        assert_eq!(y.is_zero().open()?, bits(b.iter().map(|&q| q == 0.0)));
        let min: Vec<f64> = pairs().map(|(p, q)| p.min(q)).collect();
        let max: Vec<f64> = pairs().map(|(p, q)| p.max(q)).collect();
        assert_eq!(x.min(&y).open()?, min, "seed {seed}");
        assert_eq!(x.max(&y).open()?, max, "seed {seed}");
        let below = x.less_than(0.0);
        let picked = SharedFixedVector::select(&below, &y, &x).open()?;
        let chosen: Vec<f64> = pairs().map(|(p, q)| if p < 0.0 { q } else { p }).collect();
        assert_eq!(picked, chosen);
        // A public number on every lane, as f64 or i32.
        for k in [0.0, 3.0, -2.25, 0.5] {
            let with_k = |f: fn(f64, f64) -> bool| bits(a.iter().map(|&p| f(p, k)));
            assert_eq!(x.greater_than(k).open()?, with_k(|p, k| p > k), "k = {k}");
            assert_eq!(x.less_or_equal(k).open()?, with_k(|p, k| p <= k));
            assert_eq!(x.greater_or_equal(k).open()?, with_k(|p, k| p >= k));
            assert_eq!(x.equals(k).open()?, with_k(|p, k| p == k));
            assert_eq!(x.less_than(k).open()?, with_k(|p, k| p < k));
        }
        assert_eq!(x.greater_than(3).open()?, x.greater_than(3.0).open()?);
    }
    Ok(())
}

#[test]
fn fixed_vector_comparisons_agree_with_shared_fixed_lane_by_lane() -> Result<(), Error> {
    for seed in SEEDS {
        let sim = Simulation::with_seed(seed);
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let (a, b) = operands(seed);
        let x = PrivateFixedVector::new(a.clone(), &alice).share(&[&bob]);
        let y = PrivateFixedVector::new(b.clone(), &bob).share(&[&alice]);
        let (xs, ys) = (x.to_fixed(), y.to_fixed());
        let lanes = [
            x.less_than(&y).open()?,
            x.greater_than(&y).open()?,
            x.less_or_equal(&y).open()?,
            x.greater_or_equal(&y).open()?,
            x.equals(&y).open()?,
            x.greater_than(0.5).open()?,
            x.is_negative().open()?,
            x.is_zero().open()?,
        ];
        let (min, max) = (x.min(&y).open()?, x.max(&y).open()?);
        let below = x.less_than(0.0);
        let picked = SharedFixedVector::select(&below, &x, &y).open()?;
        for j in 0..a.len() {
            let (p, q) = (&xs[j], &ys[j]);
            let scalar = [
                p.less_than(q).open()?,
                p.greater_than(q).open()?,
                p.less_or_equal(q).open()?,
                p.greater_or_equal(q).open()?,
                p.equals(q).open()?,
                p.greater_than(0.5).open()?,
                p.is_negative().open()?,
                p.is_zero().open()?,
            ];
            for (vector, scalar) in lanes.iter().zip(scalar) {
                let lane = vector.values()[j].clone();
                assert_eq!(lane, i64::from(scalar).into(), "seed {seed}, lane {j}");
            }
            assert_eq!(min[j], p.min(q).open()?, "seed {seed}, lane {j}");
            assert_eq!(max[j], p.max(q).open()?, "seed {seed}, lane {j}");
            let bit = p.less_than(0.0);
            assert_eq!(picked[j], SharedFixed::select(&bit, p, q).open()?);
        }
    }
    Ok(())
}

#[test]
fn fixed_vector_comparisons_refuse_what_cannot_be_combined() {
    let sim = Simulation::with_seed(5);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixedVector::new([1.0, 2.0, 3.0], &alice).share(&[&bob]);
    let short = PrivateFixedVector::new([1.0, 2.0], &bob).share(&[&alice]);
    let mismatch = |r: Result<SharedVector, Error>| {
        matches!(r, Err(Error::LengthMismatch { left: 3, right: 2 }))
    };
    assert!(mismatch(x.try_greater_than(&short)));
    assert!(mismatch(x.try_less_or_equal(&short)));
    assert!(mismatch(x.try_greater_or_equal(&short)));
    assert!(mismatch(x.try_equals(&short)));
    assert!(x.try_min(&short).is_err() && x.try_max(&short).is_err());
    let bits = x.less_than(2.0);
    assert!(SharedFixedVector::try_select(&bits, &x, &short).is_err());
    assert!(SharedFixedVector::try_select(&short.less_than(0.0), &x, &x).is_err());
    let fine = Precision { f: 8, k: 24 };
    let coarse = PrivateFixedVector::with_precision([1.0, 2.0, 3.0], &bob, fine)
        .expect("in range")
        .share(&[&alice]);
    assert!(matches!(
        x.try_greater_than(&coarse),
        Err(Error::PrecisionMismatch { .. })
    ));
    assert!(matches!(
        x.try_equals(f64::NAN),
        Err(Error::FixedOutOfRange { .. })
    ));
}

#[test]
#[should_panic(expected = "element-wise operations need equal lengths")]
fn a_fixed_vector_comparison_panics_on_a_length_mismatch() {
    let sim = Simulation::with_seed(5);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixedVector::new([1.0, 2.0, 3.0], &alice).share(&[&bob]);
    let short = PrivateFixedVector::new([1.0, 2.0], &bob).share(&[&alice]);
    let _ = x.greater_than(&short);
}

#[test]
fn the_shadow_follows_every_new_comparison_without_changing_the_run() -> Result<(), Error> {
    let run = |sim: Simulation| -> Result<_, Error> {
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let (a, b) = operands(9);
        let x = PrivateFixedVector::new(a, &alice).share(&[&bob]);
        let y = PrivateFixedVector::new(b, &bob).share(&[&alice]);
        let bits = [
            x.greater_than(&y),
            x.less_or_equal(&y),
            x.greater_or_equal(0.5),
            x.equals(&y),
            x.is_negative(),
            x.is_zero(),
        ];
        let picked = SharedFixedVector::select(&bits[0], &x, &y);
        let numbers = [x.min(&y), x.max(&y), picked].map(|v| v.open());
        let opened: Vec<_> = bits.iter().map(|b| b.open()).collect();
        Ok((opened, numbers, sim.stats(), alice.view().to_string()))
    };
    let plain = run(Simulation::with_seed(9))?;
    let sim = Simulation::builder().seed(9).shadow().build();
    let shadowed = run(sim.clone())?;
    assert!(plain == shadowed, "the shadow changed the run");
    let report = sim.shadow_report().expect("the shadow is on");
    let operations: Vec<_> = report.lines().iter().map(|l| l.operation).collect();
    for op in [">", "≤", "≥", "=", "< 0", "= 0", "select", "min", "max"] {
        assert!(operations.contains(&op), "{op} missing from\n{report}");
    }
    let here = report.lines().iter().filter(|l| l.operation == ">");
    assert!(
        here.clone()
            .all(|l| l.location.file().ends_with("api_regular.rs")),
        "{report}"
    );
    assert_eq!(here.count(), 1, "one line for all the lanes\n{report}");
    assert!(report.warnings().is_empty(), "{report}");
    Ok(())
}

#[test]
fn shared_vectors_have_the_scalar_functions_of_zero_and_sign() -> Result<(), Error> {
    for seed in SEEDS {
        let sim = Simulation::with_seed(seed);
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let mut values = vec![0, -1, 1, i64::MIN + 1, i64::MAX, -7];
        values.extend(integers(seed, 6));
        let x = PrivateVector::new(values.clone(), &alice).share(&[&bob]);
        let each = |f: fn(i64) -> i64| values.iter().map(|&v| f(v)).collect::<Vec<i64>>();
        assert_eq!(
            x.is_zero().open()?,
            each(|v| i64::from(v == 0)),
            "seed {seed}"
        );
        assert_eq!(x.abs().open()?, each(i64::abs), "seed {seed}");
        assert_eq!(x.sign().open()?, each(i64::signum), "seed {seed}");
        // Lane by lane as the scalar functions of the same name.
        for (j, s) in x.to_scalars().iter().enumerate() {
            let lane = |v: &PublicVector| v.values()[j].clone();
            assert_eq!(lane(&x.abs().open()?), s.abs().open()?.value());
            assert_eq!(lane(&x.sign().open()?), s.sign().open()?.value());
        }
    }
    Ok(())
}

#[test]
fn fixed_vectors_have_abs_and_sign_like_shared_fixed() -> Result<(), Error> {
    for seed in SEEDS {
        let sim = Simulation::with_seed(seed);
        let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
        let (a, _) = operands(seed);
        let x = PrivateFixedVector::new(a.clone(), &alice).share(&[&bob]);
        let abs: Vec<f64> = a.iter().map(|v| v.abs()).collect();
        let sign: Vec<f64> = a
            .iter()
            .map(|&v| (v > 0.0) as i32 as f64 - (v < 0.0) as i32 as f64)
            .collect();
        assert_eq!(x.abs().open()?, abs, "seed {seed}");
        assert_eq!(x.sign().open()?, sign, "seed {seed}");
        let (abs, sign) = (x.abs().open()?, x.sign().open()?);
        for (j, p) in x.to_fixed().iter().enumerate() {
            assert_eq!(abs[j], p.abs().open()?, "seed {seed}, lane {j}");
            assert_eq!(sign[j], p.sign().open()?, "seed {seed}, lane {j}");
        }
    }
    Ok(())
}
