//! Private logistic regression: alice holds the features of 200 people, bob holds their
//! labels, and together they train a classifier that neither could train alone, without
//! showing each other a single feature or label.
//!
//! Both share their columns between the two of them (a vertical split), run mini-batch
//! gradient descent on the shares in fixed point, count the correct predictions on shares,
//! and open only the count and the trained weights. The same training then runs in plain
//! `f64`, once with the same sigmoid approximation and once with the true sigmoid, to show
//! what the approximation costs and what fixed point costs.
//!
//! Run with `cargo run --example logistic_regression`.

use std::f64::consts::PI;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tinyspdz::prelude::*;
use tinyspdz::{Ledger, Precision};

/// People in the data set.
pub const SAMPLES: usize = 200;
/// Features per person (alice's columns).
pub const FEATURES: usize = 2;
/// The rule behind the labels: y = [w·x + b + noise > 0].
const TRUE_WEIGHTS: [f64; FEATURES] = [1.5, -2.0];
const TRUE_BIAS: f64 = 0.5;
/// Standard deviation of the label noise: some people fall on the wrong side of the rule.
const NOISE: f64 = 1.0;
/// Passes over the data.
pub const EPOCHS: usize = 3;
/// People per gradient step: 10 steps per pass, 30 in all.
pub const BATCH: usize = 20;
/// The gradient-descent step size η.
pub const LEARNING_RATE: f64 = 1.0;
/// The largest accuracy gap allowed between the private and the plaintext model, in
/// percentage points.
pub const MAX_GAP: f64 = 2.0;

// ANCHOR: precision
/// Fixed point with f = 12 fractional bits (steps of 2⁻¹² ≈ 0.000 24, far below what one
/// gradient step changes) and k = 12 integer bits (|x| < 2¹¹ = 2048; the largest value
/// here is the correct-prediction count, at most 200). Every comparison costs about
/// ℓ = k + f = 24 triples and rounds, so these 24 bits instead of the default 48 halve
/// the cost of training.
pub const PRECISION: Precision = Precision { f: 12, k: 12 };
// ANCHOR_END: precision

/// A trained (or plaintext) model: p(y = 1 | x) = σ(w·x + b).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// One weight per feature.
    pub weights: [f64; FEATURES],
    /// The intercept.
    pub bias: f64,
}

impl Model {
    /// w·x + b.
    pub fn score(&self, x: &[f64; FEATURES]) -> f64 {
        self.weights.iter().zip(x).map(|(w, x)| w * x).sum::<f64>() + self.bias
    }

    /// Percentage of people whose label the model predicts (y = 1 when w·x + b ≥ 0).
    pub fn accuracy(&self, data: &Data) -> f64 {
        let correct = data
            .features
            .iter()
            .zip(&data.labels)
            .filter(|(x, y)| f64::from(self.score(x) >= 0.0) == **y)
            .count();
        100.0 * correct as f64 / data.labels.len() as f64
    }

    /// The mean log-loss on `data`, −(1/n)·Σ (y·ln σ(s) + (1 − y)·ln(1 − σ(s))) with
    /// s = w·x + b, what gradient descent lowers.
    pub fn loss(&self, data: &Data) -> f64 {
        let terms = data.features.iter().zip(&data.labels).map(|(x, y)| {
            let p = sigmoid(self.score(x)).clamp(1e-12, 1.0 - 1e-12);
            -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())
        });
        terms.sum::<f64>() / data.labels.len() as f64
    }

    /// The largest difference between two models' parameters.
    pub fn distance(&self, other: &Model) -> f64 {
        self.weights
            .iter()
            .zip(&other.weights)
            .map(|(a, b)| (a - b).abs())
            .fold((self.bias - other.bias).abs(), f64::max)
    }
}

/// The data set: alice's features and bob's 0/1 labels, row by row.
pub struct Data {
    /// Alice's columns.
    pub features: Vec<[f64; FEATURES]>,
    /// Bob's column.
    pub labels: Vec<f64>,
}

/// A standard normal number, by Box–Muller from two uniform ones.
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>(); // in (0, 1], so the logarithm is finite
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (2.0 * PI * u2).cos()
}

/// Synthetic data: standard normal features, labels from the noisy linear rule.
pub fn generate(seed: u64) -> Data {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let features: Vec<[f64; FEATURES]> = (0..SAMPLES)
        .map(|_| std::array::from_fn(|_| normal(&mut rng)))
        .collect();
    let truth = Model {
        weights: TRUE_WEIGHTS,
        bias: TRUE_BIAS,
    };
    let labels = features
        .iter()
        .map(|x| f64::from(truth.score(x) + NOISE * normal(&mut rng) > 0.0))
        .collect();
    Data { features, labels }
}

/// The true logistic function.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

// ANCHOR: hard_sigmoid
/// The "hard sigmoid" σ̂(z) = clamp(z/4 + ½, 0, 1), which has the true sigmoid's value
/// and slope at 0, written with two ReLUs: (relu(z + 2) − relu(z − 2)) / 4.
///
/// Why not [`SharedFixed::sigmoid`]? Comparisons dominate the cost of training, and both
/// need two of them (the library's sigmoid clamps its polynomial at ±6), but the library's
/// adds a degree-9 polynomial on top: 54 triples and 63 rounds per call against σ̂'s 48
/// and 51 at this precision. The library's is within 0.004 of σ everywhere; σ̂ is off by
/// up to 0.12 (at z = ±2), yet it is ½ exactly where σ is, so the boundary it learns is
/// close to the true one: the table at the end of the run shows how close.
pub fn hard_sigmoid(z: &SharedFixed) -> SharedFixed {
    let ramp = (z + 2).relu(); // 0 up to z = −2, then rising with slope 1
    let excess = (z - 2).relu(); // what the ramp rises past z = 2, cut off
    (&ramp - &excess) * 0.25
}
// ANCHOR_END: hard_sigmoid

/// σ̂ on plain numbers, for the plaintext twin.
pub fn hard_sigmoid_f64(z: f64) -> f64 {
    (z / 4.0 + 0.5).clamp(0.0, 1.0)
}

/// The batches: consecutive runs of `BATCH` people, in the same order every pass.
/// Mini-batches in one pass over the data.
const PER_PASS: usize = SAMPLES.div_ceil(BATCH);

fn batches() -> impl Iterator<Item = std::ops::Range<usize>> {
    (0..EPOCHS).flat_map(|_| {
        (0..SAMPLES)
            .step_by(BATCH)
            .map(|s| s..(s + BATCH).min(SAMPLES))
    })
}

// ANCHOR: plain_step
/// Plaintext training, the same algorithm on `f64`: w ← w − (η/|B|)·Σᵢ (σ(w·xᵢ + b) − yᵢ)·xᵢ.
/// Returns the model after each pass over the data.
pub fn train_plain_passes(data: &Data, sigma: fn(f64) -> f64) -> Vec<Model> {
    let mut model = Model {
        weights: [0.0; FEATURES],
        bias: 0.0,
    };
    let mut passes = Vec::new();
    for (k, batch) in batches().enumerate() {
        let xs = &data.features[batch.clone()];
        let errors: Vec<f64> = xs
            .iter()
            .zip(&data.labels[batch])
            .map(|(x, y)| sigma(model.score(x)) - y)
            .collect();
        let rate = LEARNING_RATE / xs.len() as f64;
        for j in 0..FEATURES {
            let gradient: f64 = errors.iter().zip(xs).map(|(e, x)| e * x[j]).sum();
            model.weights[j] -= rate * gradient;
        }
        model.bias -= rate * errors.iter().sum::<f64>();
        if (k + 1) % PER_PASS == 0 {
            passes.push(model);
        }
    }
    passes
}
// ANCHOR_END: plain_step

/// Plaintext training: the model after the last pass.
pub fn train_plain(data: &Data, sigma: fn(f64) -> f64) -> Model {
    let passes = train_plain_passes(data, sigma);
    *passes.last().expect("at least one pass")
}

/// The model while it is being trained: every parameter secret-shared.
struct SharedModel {
    weights: Vec<SharedFixed>,
    bias: SharedFixed,
}

impl SharedModel {
    /// w·x + b on shares: one multiplication per feature.
    fn score(&self, x: &[SharedFixed]) -> SharedFixed {
        self.weights
            .iter()
            .zip(x)
            .fold(self.bias.clone(), |acc, (w, x)| acc + w * x)
    }
}

impl SharedModel {
    /// The model as the simulation sees it from outside, each parameter's shares added
    /// up: no message, no cost, and no machine learns anything. Only a simulation can do
    /// this; a deployment would open the model after each pass (a leak) or compute the
    /// loss on shares.
    fn peek(&self) -> Model {
        let value = |x: &SharedFixed| {
            let encoded: F127 = x.encoded().shares().into_iter().sum();
            let unit = f64::from(PRECISION.f).exp2();
            encoded.to_i128().expect("a model parameter is in range") as f64 / unit
        };
        let mut weights = [0.0; FEATURES];
        for (w, shared) in weights.iter_mut().zip(&self.weights) {
            *w = value(shared);
        }
        Model {
            weights,
            bias: value(&self.bias),
        }
    }
}

/// Σ of shared numbers (free: additions are local).
fn sum(values: impl IntoIterator<Item = SharedFixed>) -> SharedFixed {
    values
        .into_iter()
        .reduce(|a, b| a + b)
        .expect("at least one value")
}

// ANCHOR: step
/// One gradient step on a batch, on shares: the plaintext step, line for line.
fn step(model: &mut SharedModel, xs: &[Vec<SharedFixed>], ys: &[SharedFixed]) {
    let errors: Vec<SharedFixed> = xs
        .iter()
        .zip(ys)
        .map(|(x, y)| hard_sigmoid(&model.score(x)) - y)
        .collect();
    let rate = LEARNING_RATE / xs.len() as f64;
    for j in 0..FEATURES {
        let gradient = sum(errors.iter().zip(xs).map(|(e, x)| e * &x[j]));
        model.weights[j] = &model.weights[j] - &(gradient * rate);
    }
    model.bias = &model.bias - &(sum(errors.iter().cloned()) * rate);
}
// ANCHOR_END: step

/// What one seeded run produced.
pub struct Report {
    /// The opened private model.
    pub private: Model,
    /// Plaintext training with the same hard sigmoid.
    pub plain_hard: Model,
    /// Plaintext training with the true sigmoid: the reference.
    pub plain_true: Model,
    /// The private model's accuracy, counted on shares (percent).
    pub private_accuracy: f64,
    /// The reference model's accuracy (percent).
    pub plaintext_accuracy: f64,
    /// Costs by phase: sharing, training, evaluation, opening.
    pub phases: Vec<(&'static str, Costs)>,
    /// The cost of every line that ran during training.
    pub training_ledger: Ledger,
    /// The log-loss after each pass over the data: the private model (read from outside
    /// the protocol) and the plaintext twin with the same hard sigmoid.
    pub losses: Vec<(f64, f64)>,
}

impl Report {
    /// What the whole run cost: the sum of the phases.
    pub fn total_costs(&self) -> Costs {
        let mut total = Costs::default();
        for (_, c) in &self.phases {
            total += *c;
        }
        total
    }
}

/// Generates the data, trains privately and in plain `f64`, and counts the costs.
///
/// # Errors
///
/// When an opening fails its MAC check (never, unless a machine is told to cheat).
pub fn run(seed: u64) -> Result<Report, Error> {
    let data = generate(seed);
    let mut phases = Vec::new();

    // ANCHOR: share
    let sim = Simulation::builder().seed(seed).views(Views::Off).build();
    let alice = sim.machine("alice");
    let bob = sim.machine("bob");
    let fixed = |x: f64, owner: &VirtualMachine| {
        PrivateFixed::with_precision(x, owner, PRECISION).expect("in range")
    };
    // Alice shares her features and bob his labels, between the two of them.
    let xs: Vec<Vec<SharedFixed>> = data
        .features
        .iter()
        .map(|row| {
            row.iter()
                .map(|&x| fixed(x, &alice).share(&[&bob]))
                .collect()
        })
        .collect();
    let ys: Vec<SharedFixed> = data
        .labels
        .iter()
        .map(|&y| fixed(y, &bob).share(&[&alice]))
        .collect();
    // The starting model is public (all zeros); alice inputs it.
    let mut model = SharedModel {
        weights: (0..FEATURES)
            .map(|_| fixed(0.0, &alice).share(&[&bob]))
            .collect(),
        bias: fixed(0.0, &alice).share(&[&bob]),
    };
    // ANCHOR_END: share
    phases.push(("sharing", sim.stats()));
    sim.reset_costs();

    // ANCHOR: train
    let mut passes = Vec::new();
    for (k, batch) in batches().enumerate() {
        step(&mut model, &xs[batch.clone()], &ys[batch]);
        if (k + 1) % PER_PASS == 0 {
            passes.push(model.peek()); // a progress report, read from outside
        }
    }
    // ANCHOR_END: train
    phases.push(("training", sim.stats()));
    let training_ledger = sim.ledger();
    sim.reset_costs();

    // ANCHOR: evaluate
    // Predict on shares (ŷ = [w·x + b ≥ 0]), score each prediction against the label,
    // ŷ·y + (1 − ŷ)(1 − y) = y·(2ŷ − 1) + (1 − ŷ), and open only the number correct.
    let correct = sum(xs.iter().zip(&ys).map(|(x, y)| {
        let predicted = 1 - &model.score(x).is_negative().into_scalar();
        y.mul_integer(&(&predicted * 2 - 1))
            .add_integer(&(1 - &predicted))
    }));
    let private_accuracy = 100.0 * correct.open()? / SAMPLES as f64;
    // ANCHOR_END: evaluate
    phases.push(("evaluation", sim.stats()));
    sim.reset_costs();

    // ANCHOR: open
    // Both agreed to reveal the trained model, and nothing else.
    let mut weights = [0.0; FEATURES];
    for (w, shared) in weights.iter_mut().zip(&model.weights) {
        *w = shared.open()?;
    }
    let private = Model {
        weights,
        bias: model.bias.open()?,
    };
    // ANCHOR_END: open
    phases.push(("opening", sim.stats()));

    let plain_true = train_plain(&data, sigmoid);
    let plain_passes = train_plain_passes(&data, hard_sigmoid_f64);
    let losses = passes
        .iter()
        .zip(&plain_passes)
        .map(|(private, plain)| (private.loss(&data), plain.loss(&data)))
        .collect();
    Ok(Report {
        private,
        losses,
        plain_hard: train_plain(&data, hard_sigmoid_f64),
        plaintext_accuracy: plain_true.accuracy(&data),
        plain_true,
        private_accuracy,
        phases,
        training_ledger,
    })
}

/// This file, to show the code behind each line of the ledger.
const SOURCE: &str = include_str!("logistic_regression.rs");

/// The seed of the data and of the simulation.
pub const SEED: u64 = 2024;

fn main() -> Result<(), Error> {
    let report = run(SEED)?;
    print!("{}", summary(&report, &generate(SEED)));
    println!("costs: {}", report.total_costs());

    println!("\ntraining, by line of this file:");
    println!("line   triples   rounds  code");
    for line in report.training_ledger.lines() {
        let number = line.location.line();
        let code = SOURCE.lines().nth(number as usize - 1).unwrap_or("");
        let code = code.split("//").next().unwrap_or("").trim();
        let (triples, rounds) = (line.costs.triples, line.costs.rounds);
        println!("{number:>4}  {triples:>8} {rounds:>8}  {code}");
    }

    let gap = (report.private_accuracy - report.plaintext_accuracy).abs();
    assert!(
        gap <= MAX_GAP,
        "the private model is {gap:.1} points away from the plaintext one (at most {MAX_GAP})"
    );
    Ok(())
}

/// The comparison of the three models and the costs by phase, as printed (the tutorial
/// shows this text, and `tests/logistic_regression.rs` checks that it still matches).
pub fn summary(report: &Report, data: &Data) -> String {
    let mut out = String::new();
    let positives = data.labels.iter().filter(|&&y| y == 1.0).count();
    out += &format!(
        "{SAMPLES} people, {FEATURES} features (alice), labels (bob): {positives} positive\n"
    );
    out += &format!(
        "training: {EPOCHS} passes of {} mini-batches of {BATCH}, η = {LEARNING_RATE}, \
         fixed point f = {}, k = {}\n",
        SAMPLES.div_ceil(BATCH),
        PRECISION.f,
        PRECISION.k
    );
    out += &format!(
        "\n{:<28} {:>8} {:>8} {:>8}  {:>8}\n",
        "model", "w1", "w2", "bias", "accuracy"
    );
    let rows = [
        (
            "plaintext f64, true sigmoid",
            report.plain_true,
            report.plaintext_accuracy,
        ),
        (
            "plaintext f64, hard sigmoid",
            report.plain_hard,
            report.plain_hard.accuracy(data),
        ),
        (
            "private shares, hard sigmoid",
            report.private,
            report.private_accuracy,
        ),
    ];
    for (name, m, accuracy) in rows {
        out += &format!(
            "{name:<28} {:>8.4} {:>8.4} {:>8.4}  {accuracy:>7.1}%\n",
            m.weights[0], m.weights[1], m.bias
        );
    }
    out += &format!(
        "private vs plaintext hard sigmoid: parameters differ by at most {:.4} (fixed point)\n",
        report.private.distance(&report.plain_hard)
    );
    out += &format!(
        "hard vs true sigmoid in plaintext: parameters differ by at most {:.4} (approximation)\n",
        report.plain_hard.distance(&report.plain_true)
    );
    out += &format!(
        "accuracy: private {:.1}%, plaintext {:.1}%\n",
        report.private_accuracy, report.plaintext_accuracy
    );
    let passes: Vec<String> = (report.losses.iter().enumerate())
        .map(|(k, (private, plain))| format!("{}: {private:.4} / {plain:.4}", k + 1))
        .collect();
    out += &format!(
        "log-loss after each pass, private (read from outside) / plaintext hard sigmoid: {}\n",
        passes.join(", ")
    );
    out += &format!(
        "\n{:<12} {:>9} {:>8} {:>9} {:>9} {:>8} {:>11} {:>13} {:>8}\n",
        "phase",
        "triples",
        "opened",
        "messages",
        "elements",
        "rounds",
        "MAC checks",
        "dealer elems",
        "masks"
    );
    for (name, c) in &report.phases {
        out += &cost_row(name, c);
    }
    out += &cost_row("total", &report.total_costs());
    out
}

fn cost_row(name: &str, c: &Costs) -> String {
    format!(
        "{name:<12} {:>9} {:>8} {:>9} {:>9} {:>8} {:>11} {:>13} {:>8}\n",
        c.triples,
        c.opened,
        c.messages,
        c.elements,
        c.rounds,
        c.mac_checks,
        c.dealer_elements,
        c.masks
    )
}
