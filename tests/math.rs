//! The math library against f64, on the encoded inputs, within the documented bounds;
//! and what a machine sees while a function runs does not depend on the input.

mod common;

use common::{ULP, chi2, encoded};
use tinyspdz::Step;
use tinyspdz::prelude::*;

#[test]
fn functions_match_f64_within_their_bounds() -> Result<(), Error> {
    let sim = Simulation::builder().seed(3).views(Views::Off).build();
    let (a, b) = (sim.machine("alice"), sim.machine("bob"));
    for x in [-9.0, -2.0, -0.5, 0.3, 1.0, 2.5, 7.0, 300.0, 1.0e6] {
        let e = encoded(x);
        let s = PrivateFixed::new(x, &a).share(&[&b]);
        let sigmoid = 1.0 / (1.0 + (-e).exp());
        assert!((s.sigmoid().open()? - sigmoid).abs() < 4e-3, "sigmoid({x})");
        assert!((s.tanh().open()? - e.tanh()).abs() < 8e-3, "tanh({x})");
        let r = s.reciprocal().open()?;
        assert!(
            (r - 1.0 / e).abs() <= 2.0 * ULP / e.abs() + ULP,
            "1/{x}: {r}"
        );
        if e > 0.0 {
            let q = s.sqrt().open()?;
            assert!(
                (q - e.sqrt()).abs() <= 2.0 * e.sqrt() * ULP + 2.0 * ULP,
                "sqrt({x}): {q}"
            );
            assert!((s.ln().open()? - e.ln()).abs() <= 3.0 * ULP, "ln({x})");
        }
        if e < 21.0 {
            let v = s.exp().open()?;
            assert!(
                (v - e.exp()).abs() <= e.exp() * 4.0 * ULP + ULP,
                "exp({x}): {v}"
            );
        }
    }
    let x = PrivateFixed::new(7.5, &a).share(&[&b]);
    let y = PrivateFixed::new(-2.5, &b).share(&[&a]);
    assert!(((&x / &y).open()? + 3.0).abs() <= 8.0 * ULP);
    Ok(())
}

#[test]
fn large_divisors_keep_a_relative_error_shared_or_public() -> Result<(), Error> {
    let sim = Simulation::builder().seed(4).views(Views::Off).build();
    let (a, b) = (sim.machine("alice"), sim.machine("bob"));
    for (x, y) in [
        (1.0e6, 1.0e6),
        (3.0e4, 7.0e4),
        (-5.0e8, 3.0e7),
        (1.0, 2.0e9),
    ] {
        let want = x / y;
        let sx = PrivateFixed::new(x, &a).share(&[&b]);
        let sy = PrivateFixed::new(y, &b).share(&[&a]);
        let shared = (&sx / &sy).open()?;
        assert!(
            (shared - want).abs() <= 2.0 * ULP * want.abs() + 2.0 * ULP,
            "{x} / {y}: {shared}"
        );
        let public = (&sx / y).open()?;
        assert!(
            (public - want).abs() <= ULP * want.abs() + ULP,
            "{x} / {y} (public): {public}"
        );
    }
    Ok(())
}

#[test]
fn exp_is_0_below_the_underflow_and_tanh_is_1_at_the_top_of_the_range() -> Result<(), Error> {
    let sim = Simulation::builder().seed(5).views(Views::Off).build();
    let (a, b) = (sim.machine("alice"), sim.machine("bob"));
    let top = 2f64.powi(31) - ULP;
    for x in [-12.0, -68.0, -100.0, -1.0e6, -top] {
        let v = PrivateFixed::new(x, &a).share(&[&b]).exp().open()?;
        assert!(v.abs() <= ULP, "exp({x}): {v}");
    }
    for x in [top, top - 1.0, top - 3.0, 2f64.powi(30), -top, -top + 3.0] {
        let t = PrivateFixed::new(x, &a).share(&[&b]).tanh().open()?;
        assert_eq!(t, x.signum(), "tanh({x})");
        let s = PrivateFixed::new(x, &a).share(&[&b]).sigmoid().open()?;
        assert_eq!(s, f64::from(u8::from(x > 0.0)), "sigmoid({x})");
    }
    Ok(())
}

/// One of the math functions, by name.
type Function = (&'static str, fn(&SharedFixed) -> SharedFixed);

const FUNCTIONS: [Function; 6] = [
    ("sigmoid", SharedFixed::sigmoid),
    ("tanh", SharedFixed::tanh),
    ("reciprocal", SharedFixed::reciprocal),
    ("sqrt", SharedFixed::sqrt),
    ("ln", SharedFixed::ln),
    ("exp", SharedFixed::exp),
];

/// Bob's view while alice's `secret` goes through `f`: every message's step and value.
fn bobs_view(secret: f64, seed: u64, f: fn(&SharedFixed) -> SharedFixed) -> Vec<(Step, F127)> {
    let sim = Simulation::builder().seed(seed).views(Views::All).build();
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixed::new(secret, &alice).share(&[&bob]);
    let before = bob.view().messages.len();
    let _ = f(&x);
    let view = bob.view();
    assert_eq!(view.forgotten, 0, "the view keeps everything");
    view.messages[before..]
        .iter()
        .map(|m| (m.step, m.value))
        .collect()
}

#[test]
fn the_steps_a_function_takes_do_not_depend_on_its_input() {
    // Same seed, two inputs: the same messages in the same order (only values differ),
    // so the number of openings, rounds and triples reveals nothing.
    for (name, f) in FUNCTIONS {
        let steps = |secret| -> Vec<Step> {
            bobs_view(secret, 1, f)
                .iter()
                .map(|&(step, _)| step)
                .collect()
        };
        assert_eq!(steps(0.75), steps(9.5), "{name}");
    }
}

#[test]
fn openings_inside_functions_look_uniform_whatever_the_input() {
    // Masked openings c = a + r: their low 8 bits are uniform when r's are. Beaver
    // openings d = x − a: their top 8 bits are uniform. χ² with 255 degrees of freedom
    // below 330 (about 3.3 standard deviations); the seeds are fixed.
    for ((name, f), seeds) in [(FUNCTIONS[0], 300), (FUNCTIONS[2], 60)] {
        for secret in [0.75, 9.5] {
            let (mut masked, mut beaver) = (vec![0u64; 256], vec![0u64; 256]);
            for seed in 0..seeds {
                for (step, v) in bobs_view(secret, seed, f) {
                    let v = v.to_u128();
                    match step {
                        Step::Open => masked[(v & 0xff) as usize] += 1,
                        Step::BeaverD | Step::BeaverE => beaver[(v >> 119) as usize] += 1,
                        _ => {}
                    }
                }
            }
            assert!(
                masked.iter().sum::<u64>() >= 2_560,
                "{name}: enough openings"
            );
            assert!(
                chi2(&masked) < 330.0,
                "{name}({secret}) masked: {}",
                chi2(&masked)
            );
            assert!(
                chi2(&beaver) < 330.0,
                "{name}({secret}) beaver: {}",
                chi2(&beaver)
            );
        }
    }
}

#[test]
fn the_functions_run_in_the_widest_format_the_field_masks() -> Result<(), Error> {
    // k + 2f + 41 = 126: no bit to spare. √x, ln and eˣ take fewer extra bits instead of
    // failing; the table's bounds are for f = 16, so only closeness is checked here. The
    // reciprocal's scaling takes ℓ + f + 2 bits, so it (and x / y with it) reports a
    // field too small.
    let sim = Simulation::builder().seed(6).views(Views::Off).build();
    let (a, b) = (sim.machine("alice"), sim.machine("bob"));
    let widest = Precision { f: 26, k: 33 };
    let share = |x: f64| -> Result<SharedFixed, Error> {
        Ok(PrivateFixed::with_precision(x, &a, widest)?.share(&[&b]))
    };
    let close = |got: f64, want: f64| (got - want).abs() <= 1e-5 * want.abs().max(1.0);
    assert!(close(share(2.0)?.try_sqrt()?.open()?, 2f64.sqrt()));
    assert!(close(share(10.0)?.try_ln()?.open()?, 10f64.ln()));
    assert!(close(share(1.3)?.try_exp()?.open()?, 1.3f64.exp()));
    assert!(close(share(-20.0)?.try_exp()?.open()?, 0.0));
    let sigmoid = share(0.5)?.try_sigmoid()?.open()?;
    assert!(
        (sigmoid - 1.0 / (1.0 + (-0.5f64).exp())).abs() < 4e-3,
        "its polynomial's"
    );
    let too_small = |r: Result<SharedFixed, Error>| matches!(r, Err(Error::FieldTooSmall { .. }));
    assert!(too_small(share(0.5)?.try_reciprocal()));
    assert!(too_small(share(7.5)?.try_div(&share(-2.5)?)));
    Ok(())
}

#[test]
fn dividing_by_zero_or_by_too_small_a_divisor_says_so() {
    let sim = Simulation::with_seed(2);
    let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
    let x = PrivateFixed::new(3.0, &alice).share(&[&bob]);
    let zero = x.try_div_public(0.0).unwrap_err();
    assert_eq!(zero, Error::DivisionByZero);
    assert!(zero.to_string().starts_with("division by zero"), "{zero}");
    // The default k = 32: divisors must exceed 2⁻³¹ in absolute value.
    let tiny = x.try_div_public(1e-10).unwrap_err();
    let Error::DivisorTooSmall { smallest, .. } = &tiny else {
        panic!("{tiny:?}");
    };
    assert_eq!(smallest.parse::<f64>(), Ok(2f64.powi(-31)));
    assert!(
        tiny.to_string().contains("reciprocal does not fit"),
        "{tiny}"
    );
    assert!(x.try_div_public(2f64.powi(-30)).is_ok());
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert!(matches!(
            x.try_div_public(bad),
            Err(Error::FixedOutOfRange { .. })
        ));
    }
}
