//! The workloads that must reach a ratio to their floor (their targets), measured
//! interleaved with the floors: the machine is shared, and its speed drifts over the
//! minutes a criterion run takes, so a ratio between two rows measured a minute apart says
//! as much about the drift as about the code.
//!
//! Each round times every row for a short slice, one after the other (the order turns
//! from round to round), and divides each rate by its floor's rate of the same round: the
//! products' floor (`benchmarks/benches/floor/mod.rs`) for products and the README example, the
//! comparisons' floor (`benchmarks/benches/floor/comparison.rs`) for comparisons. The table gives
//! each row's median rate and median ratio over the rounds, the range of its ratios, and
//! in how many rounds it met its target (issue 24); comparisons are also quoted against the
//! products' floor.
//!
//! The rows are those of `benchmarks/benches/workloads.rs` that have a target: W1 (scalar and
//! vector API), W4 (vector API) and W5 (scalar API), with the same inputs
//! (`benchmarks/benches/inputs/`). After the rounds every simulation must pass its MAC check, and
//! one result of each row is checked, the floors' too.
//!
//! Run with `cargo bench --bench targets`; `TINYSPDZ_ROUNDS=5` for a quick look.

mod floor;
mod inputs;

use std::hint::black_box;
use std::time::{Duration, Instant};

use floor::MacFloor;
use floor::comparison::ComparisonFloor;
use inputs::{K, below_k, parties, products_of, readme_example, share_all, value, x, y};
use tinyspdz::prelude::*;

/// Rounds by default.
const ROUNDS: usize = 25;
/// How long each row runs in each round.
const SLICE: Duration = Duration::from_millis(120);

/// The rows of the two floors.
const PRODUCTS: usize = 0;
const COMPARISONS: usize = 1;

/// One row: its name, its floor (a row index), the ratio to it the row must reach, how
/// many elements one call does, and the call.
struct Row<'a> {
    name: &'static str,
    floor: usize,
    target: Option<f64>,
    elements: usize,
    run: Box<dyn FnMut() + 'a>,
}

/// Runs `row` for at least `slice`; returns its elements per second.
fn rate(row: &mut Row, slice: Duration) -> f64 {
    let start = Instant::now();
    let mut calls = 0;
    while start.elapsed() < slice {
        (row.run)();
        calls += 1;
    }
    (calls * row.elements) as f64 / start.elapsed().as_secs_f64()
}

/// 2,770,000 as "2.77 M", 129,000 as "129 k".
fn si(rate: f64) -> String {
    if rate >= 1e6 {
        format!("{:.2} M", rate / 1e6)
    } else {
        format!("{:.0} k", rate / 1e3)
    }
}

fn main() {
    let rounds = floor::rounds(ROUNDS);
    const N: usize = 1_000;
    const N_COMPARISONS: usize = 200;
    const N_EXAMPLES: usize = 100;

    let mut floor = MacFloor::<F127>::new(N, 1);
    let mut comparison_floor = ComparisonFloor::new(N_COMPARISONS, K, 1);
    let (sim1, m1) = parties(1);
    let (xs, ys) = (share_all(&m1, (0..N).map(x)), share_all(&m1, (0..N).map(y)));
    let xv = SharedVector::from_scalars(&xs).expect("W1: one holder set");
    let yv = SharedVector::from_scalars(&ys).expect("W1: one holder set");
    let (sim4, m4) = parties(4);
    let cv = SharedVector::from_scalars(&share_all(&m4, (0..N_COMPARISONS).map(value)))
        .expect("W4: one holder set");
    let (sim5, m5) = parties(5);

    let mut rows = [
        Row {
            name: "floor: bare loop, SPDZ MACs",
            floor: PRODUCTS,
            target: None,
            elements: N,
            run: Box::new(|| {
                black_box(floor.run());
            }),
        },
        Row {
            name: "floor: bare 64-bit comparisons, SPDZ MACs",
            floor: COMPARISONS,
            target: None,
            elements: N_COMPARISONS,
            run: Box::new(|| {
                black_box(comparison_floor.run());
            }),
        },
        Row {
            name: "W1 independent products, scalar API",
            floor: PRODUCTS,
            target: Some(0.6),
            elements: N,
            run: Box::new(|| {
                for (x, y) in xs.iter().zip(&ys) {
                    black_box(x * y);
                }
            }),
        },
        Row {
            name: "W1 independent products, vector API",
            floor: PRODUCTS,
            target: Some(0.9),
            elements: N,
            run: Box::new(|| {
                black_box(&xv * &yv);
            }),
        },
        Row {
            name: "W4 comparisons, vector API",
            floor: COMPARISONS,
            target: Some(0.5),
            elements: N_COMPARISONS,
            run: Box::new(|| {
                black_box(cv.less_than(K));
            }),
        },
        Row {
            name: "W5 README example, scalar API",
            floor: PRODUCTS,
            target: Some(0.25),
            elements: N_EXAMPLES,
            run: Box::new(|| {
                for i in 0..N_EXAMPLES as i64 {
                    black_box(readme_example(&m5, 25 + i, 50 - i).expect("honest"));
                }
            }),
        },
    ];

    // Warm-up, then the rounds: rates[r][k] is row k's rate in round r.
    for row in &mut rows {
        rate(row, Duration::from_millis(500));
    }
    let mut rates = vec![vec![0.0; rows.len()]; rounds];
    for (r, round) in rates.iter_mut().enumerate() {
        for k in 0..rows.len() {
            let k = (k + r) % rows.len();
            round[k] = rate(&mut rows[k], SLICE);
        }
    }

    println!(
        "{rounds} rounds of {} ms per row, 3 parties, MACs on, F127\n",
        SLICE.as_millis()
    );
    println!("| row | median per second | floor | median ratio | ratios | target | met in |");
    println!("|---|---:|---|---:|---:|---|---:|");
    let summary = |k: usize, floor: usize| {
        let mut ratios: Vec<f64> = rates.iter().map(|round| round[k] / round[floor]).collect();
        ratios.sort_by(f64::total_cmp);
        ratios
    };
    for (k, row) in rows.iter().enumerate() {
        let mut per_second: Vec<f64> = rates.iter().map(|round| round[k]).collect();
        per_second.sort_by(f64::total_cmp);
        let mut lines = vec![(row.floor, row.target)];
        if row.floor != PRODUCTS {
            lines.push((PRODUCTS, None));
        }
        for (floor, target) in lines {
            let ratios = summary(k, floor);
            let (target, met) = match target {
                None => (String::new(), String::new()),
                Some(t) => (
                    format!("≥ {t} ×"),
                    format!(
                        "{} of {rounds} rounds",
                        ratios.iter().filter(|&&q| q >= t).count()
                    ),
                ),
            };
            let (lowest, highest) = (ratios[0], ratios[rounds - 1]);
            println!(
                "| {} | {} | {} | {:.2} × | {lowest:.2}–{highest:.2} × | {target} | {met} |",
                row.name,
                si(per_second[rounds / 2]),
                ["products", "comparisons"][floor],
                ratios[rounds / 2],
            );
        }
    }
    drop(rows);

    // Outside the timing: each simulation passes its MAC check, one result of each row.
    for sim in [&sim1, &sim4, &sim5] {
        assert_eq!(sim.check(), Ok(()), "an honest run passes the MAC check");
    }
    let products = (&xv * &yv).open().expect("W1: the products open");
    assert_eq!(products, products_of(N));
    let below = cv.less_than(K).open().expect("W4: the bits open");
    assert_eq!(below, below_k(N_COMPARISONS));
    assert_eq!(
        comparison_floor.run().1,
        below_k(N_COMPARISONS),
        "the comparison floor"
    );
    let r = readme_example(&m5, 25, 50).expect("W5: the output passes the MAC check");
    assert_eq!(r, 875);
}
