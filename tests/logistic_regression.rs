//! The private logistic regression of `examples/logistic_regression.rs` learns as well as
//! plaintext training: its accuracy is within 2 percentage points of the model trained in
//! `f64` with the true sigmoid, and its weights are those of the same algorithm in `f64`
//! up to fixed-point rounding.
//!
//! The example's file is compiled into this test as a module, so the test runs exactly the
//! code the example runs (and works with `cargo test --test logistic_regression` alone).

#[path = "../examples/logistic_regression.rs"]
#[allow(dead_code)] // the example's `main` and printing are not used here
mod example;

use example::{MAX_GAP, Model, SEED, generate, run, sigmoid, summary, train_plain};

#[test]
fn private_model_is_within_two_points_of_the_plaintext_model() {
    let report = run(SEED).expect("no machine cheats");
    let gap = (report.private_accuracy - report.plaintext_accuracy).abs();
    assert!(
        gap <= MAX_GAP && MAX_GAP <= 2.0,
        "private {:.1}% vs plaintext {:.1}%",
        report.private_accuracy,
        report.plaintext_accuracy
    );
    // The data are as advertised: a plaintext model reaches 85–95 %.
    assert!(
        (85.0..=95.0).contains(&report.plaintext_accuracy),
        "plaintext {:.1}%",
        report.plaintext_accuracy
    );
    // Fixed point costs almost nothing: the private weights are those of the same
    // algorithm in f64, to within a few units of 2⁻¹² per step.
    let drift = report.private.distance(&report.plain_hard);
    assert!(drift < 0.01, "parameters differ by {drift}");
    // The count opened on shares is the accuracy of the opened weights.
    let data = generate(SEED);
    assert!(
        (report.private_accuracy - report.private.accuracy(&data)).abs() <= 0.5,
        "counted {:.1}%, opened weights give {:.1}%",
        report.private_accuracy,
        report.private.accuracy(&data)
    );
    // Training paid for what it did: 30 steps of 20 people, 52 triples per person.
    let training = report
        .phases
        .iter()
        .find(|(name, _)| *name == "training")
        .expect("a training phase")
        .1;
    assert_eq!(training.triples, 30 * 20 * 52);

    // The tutorial chapter shows this run's printout: it must still be what the run prints.
    let printed = summary(&report, &data);
    let chapter = include_str!("../tutorial/src/logistic-regression.md");
    assert!(
        chapter.contains(&format!("```text\n{printed}```")),
        "tutorial/src/logistic-regression.md shows an old printout; paste this instead:\n{printed}"
    );
}

#[test]
fn the_accuracy_check_rejects_a_model_that_did_not_learn() {
    // The untrained model (all zeros) predicts 1 for everyone: far more than 2 points
    // below the trained one, so the check above can fail.
    let data = generate(SEED);
    let trained = train_plain(&data, sigmoid);
    let accuracy = trained.accuracy(&data);
    let untrained = Model {
        weights: [0.0; example::FEATURES],
        bias: 0.0,
    };
    assert!(accuracy - untrained.accuracy(&data) > 2.0 * MAX_GAP);
    // So does a model whose first weight has the wrong sign.
    let mut flipped = trained;
    flipped.weights[0] = -flipped.weights[0];
    assert!(accuracy - flipped.accuracy(&data) > MAX_GAP);
}

#[test]
fn the_loss_falls_after_every_pass_and_the_private_model_follows_the_plaintext_one() {
    let report = run(SEED).expect("no machine cheats");
    assert_eq!(report.losses.len(), example::EPOCHS, "one report per pass");
    for pair in report.losses.windows(2) {
        assert!(pair[1].0 < pair[0].0, "the private loss falls: {pair:?}");
        assert!(pair[1].1 < pair[0].1, "the plaintext loss falls: {pair:?}");
    }
    for (private, plain) in &report.losses {
        assert!(
            (private - plain).abs() < 1e-3,
            "private {private} vs plaintext {plain}"
        );
    }
}
