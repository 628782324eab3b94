//! The math library against f64, on the encoded inputs, within the documented bounds.

use tinyspdz::prelude::*;

const ULP: f64 = 1.0 / 65_536.0;

fn encoded(x: f64) -> f64 {
    (x * 65_536.0).round() / 65_536.0
}

#[test]
fn functions_match_f64_within_their_bounds() -> Result<(), Error> {
    let sim = Simulation::builder().seed(3).views(Views::Off).build();
    let (a, b) = (sim.machine("alice"), sim.machine("bob"));
    for x in [-9.0, -2.0, -0.5, 0.3, 1.0, 2.5, 7.0, 300.0] {
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
                (q - e.sqrt()).abs() <= e.sqrt() * ULP + 2.0 * ULP,
                "sqrt({x}): {q}"
            );
            assert!((s.ln().open()? - e.ln()).abs() <= 4.0 * ULP, "ln({x})");
        }
        if e > -11.0 && e < 21.0 {
            let v = s.exp().open()?;
            assert!(
                (v - e.exp()).abs() <= e.exp() * 4.0 * ULP + ULP,
                "exp({x}): {v}"
            );
        }
    }
    let x = PrivateFixed::new(7.5, &a).share(&[&b]);
    let y = PrivateFixed::new(-2.5, &b).share(&[&a]);
    assert!(((&x / &y).open()? + 3.0).abs() <= 4.0 * ULP);
    Ok(())
}
