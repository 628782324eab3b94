//! How the costs grow with the number of parties n (issue 24, item 4): products and
//! 64-bit comparisons with n = 2, 3, 5, 10 and 20 machines, additive and Shamir
//! (t = ⌊(n − 1)/2⌋, from n = 3), views off and on (the default `Views::Last(1000)`),
//! SPDZ MACs and semi-honest, against the products' floor for n parties
//! (`benchmarks/benches/floor/parties.rs`) with and without MACs.
//!
//! Products are scalar `x * y` (the protocol's cost per product, not the vector API's);
//! comparisons are the lanes of one `SharedVector::less_than`. Each figure is the median of
//! the rounds (the configurations take turns in each round, so drift spreads over all of
//! them) in nanoseconds per element, CPU time of one thread; a ratio is the median and
//! range over the rounds of one figure over another measured in the same round; the
//! fitted growth is the exponent b of a·nᵇ by least squares over the n measured (b = 1:
//! linear, 2: quadratic).
//!
//! Run with `cargo bench --bench scaling`; `TINYSPDZ_ROUNDS=1` for a quick look.

#[allow(dead_code)] // the three-party floors are for the other benches
mod floor;

use std::hint::black_box;
use std::time::{Duration, Instant};

use floor::parties::PartiesFloor;
use tinyspdz::prelude::*;

const PARTIES: [usize; 5] = [2, 3, 5, 10, 20];
const ROUNDS: usize = 3;
const SLICE: Duration = Duration::from_millis(60);
/// Products per call and comparison lanes per call.
const PRODUCTS: usize = 200;
const LANES: usize = 50;
/// The public bound of the comparisons, and their inputs (on both sides of it).
const K: i64 = 12_345;
fn value(i: usize) -> i64 {
    i as i64 * 7919 - 200_000
}

/// One configuration of the crate.
#[derive(Clone, Copy, PartialEq)]
struct Setting {
    shamir: bool,
    views: bool,
    macs: bool,
}

impl Setting {
    fn name(self) -> String {
        format!(
            "{}, {}, views {}",
            if self.shamir { "Shamir" } else { "additive" },
            if self.macs { "MACs" } else { "semi-honest" },
            if self.views { "on" } else { "off" },
        )
    }
}

/// A timed call: how many elements one call does, and the call.
type Call<'a> = (usize, Box<dyn FnMut() + 'a>);

/// Runs `call` for at least `slice`; returns nanoseconds per element.
fn time((elements, call): &mut Call, slice: Duration) -> f64 {
    let start = Instant::now();
    let mut calls = 0;
    while start.elapsed() < slice {
        call();
        calls += 1;
    }
    start.elapsed().as_nanos() as f64 / (calls * *elements) as f64
}

/// A simulation of `n` machines in `setting`, with the products' operands and the
/// comparisons' vector shared among all of them; checks one result of each.
fn prepared(n: usize, s: Setting) -> (Simulation, SharedScalar, SharedScalar, SharedVector) {
    let views = if s.views {
        Views::default()
    } else {
        Views::Off
    };
    let sim = Simulation::builder()
        .seed(n as u64)
        .views(views)
        .macs(s.macs)
        .build();
    let machines: Vec<VirtualMachine> = (0..n).map(|i| sim.machine(format!("p{i}"))).collect();
    let t = (n - 1) / 2;
    let share = |v: PrivateScalar| match s.shamir {
        true => v.share_threshold(&machines, t),
        false => v.share_among(&machines),
    };
    let x = share(PrivateScalar::new(6, &machines[0]));
    let y = share(PrivateScalar::new(7, &machines[1]));
    let values = PrivateVector::new((0..LANES).map(value), &machines[0]);
    let v = match s.shamir {
        true => values.share_threshold(&machines, t),
        false => values.share_among(&machines),
    };
    let product = (&x * &y).open().expect("an honest product opens");
    assert_eq!(product, 42, "{}: the product", s.name());
    let expected: Vec<i64> = (0..LANES).map(|i| i64::from(value(i) < K)).collect();
    let bits = v.less_than(K).open().expect("honest bits open");
    assert_eq!(bits, expected, "{}: the bits", s.name());
    (sim, x, y, v)
}

/// b of a·nᵇ fitted by least squares to (n, ns) in log–log.
fn growth(points: &[(usize, f64)]) -> f64 {
    let logs: Vec<(f64, f64)> = points
        .iter()
        .map(|&(n, t)| ((n as f64).ln(), t.ln()))
        .collect();
    let k = logs.len() as f64;
    let (mx, my) = logs
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x / k, b + y / k));
    let (sxy, sxx) = logs.iter().fold((0.0, 0.0), |(a, b), (x, y)| {
        (a + (x - mx) * (y - my), b + (x - mx) * (x - mx))
    });
    sxy / sxx
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds = floor::rounds(ROUNDS);
    let settings: Vec<Setting> = [false, true]
        .into_iter()
        .flat_map(|shamir| {
            [true, false].into_iter().flat_map(move |macs| {
                [false, true].map(move |views| Setting {
                    shamir,
                    views,
                    macs,
                })
            })
        })
        .collect();
    // ns[n][name] per element, one figure per round.
    let mut products: Vec<Vec<(String, Vec<f64>)>> = Vec::new();
    let mut comparisons: Vec<Vec<(String, Vec<f64>)>> = Vec::new();
    for &n in &PARTIES {
        let mut floors = [true, false].map(|macs| PartiesFloor::new(n, PRODUCTS, macs, 1));
        let prepared: Vec<_> = settings
            .iter()
            .filter(|s| !s.shamir || n >= 3)
            .map(|&s| (s, prepared(n, s)))
            .collect();
        let mut rows: Vec<(String, bool, Call)> = Vec::new();
        for (floor, macs) in floors.iter_mut().zip(["MACs", "semi-honest"]) {
            let call: Box<dyn FnMut()> = Box::new(|| {
                black_box(floor.run());
            });
            rows.push((format!("floor, {macs}"), true, (PRODUCTS, call)));
        }
        for (s, (_, x, y, v)) in &prepared {
            let product: Box<dyn FnMut()> = Box::new(move || {
                for _ in 0..PRODUCTS {
                    black_box(x * y);
                }
            });
            rows.push((s.name(), true, (PRODUCTS, product)));
            let compare: Box<dyn FnMut()> = Box::new(move || {
                black_box(v.less_than(K));
            });
            rows.push((s.name(), false, (LANES, compare)));
        }
        let mut figures = vec![Vec::new(); rows.len()];
        for (k, row) in rows.iter_mut().enumerate() {
            time(&mut row.2, SLICE / 4); // warm-up
            figures[k].reserve(rounds);
        }
        for r in 0..rounds {
            for k in 0..rows.len() {
                let k = (k + r) % rows.len();
                figures[k].push(time(&mut rows[k].2, SLICE));
            }
        }
        let (mut p, mut c) = (Vec::new(), Vec::new());
        for ((name, is_product, _), f) in rows.into_iter().zip(figures) {
            match is_product {
                true => p.push((name, f)),
                false => c.push((name, f)),
            }
        }
        products.push(p);
        comparisons.push(c);
        for (sim, ..) in prepared.iter().map(|(_, p)| p) {
            assert_eq!(sim.check(), Ok(()), "an honest run passes the MAC check");
        }
        eprintln!("n = {n} measured");
    }
    println!(
        "{rounds} rounds of {} ms per configuration; ns per element (median), then the floor with the same MAC setting against it: median (range) of the rounds\n",
        SLICE.as_millis()
    );
    table("products `x * y`", &products, true);
    table(
        "comparisons, lanes of `v.less_than(k)`",
        &comparisons,
        false,
    );
    shamir_against_additive("Shamir against additive, products", &products);
    shamir_against_additive("Shamir against additive, comparisons", &comparisons);
}

/// The median of top[r] / bottom[r] over the rounds, and its range.
fn ratio(top: &[f64], bottom: &[f64]) -> String {
    let mut q: Vec<f64> = top.iter().zip(bottom).map(|(t, b)| t / b).collect();
    q.sort_by(f64::total_cmp);
    let (low, high) = (q[0], q[q.len() - 1]);
    format!("{:.2} × ({low:.2}–{high:.2})", q[q.len() / 2])
}

/// Row `name`'s figures with n parties, if it was measured.
fn figures<'a>(row: &'a [(String, Vec<f64>)], name: &str) -> Option<&'a [f64]> {
    row.iter().find(|(m, _)| m == name).map(|(_, f)| &f[..])
}

/// Prints one table: a column per n, a row per configuration (ns per element, and with
/// `with_floor` the floor's time over the row's, per round), and the fitted growth.
fn table(title: &str, data: &[Vec<(String, Vec<f64>)>], with_floor: bool) {
    println!("{title}\n");
    let header: Vec<String> = PARTIES.iter().map(|n| format!("n = {n}")).collect();
    println!("| configuration | {} | growth nᵇ |", header.join(" | "));
    println!("|---|{}---:|", "---:|".repeat(PARTIES.len()));
    let names: Vec<String> = data
        .last()
        .expect("parties measured")
        .iter()
        .map(|(name, _)| name.clone())
        .collect();
    for name in &names {
        let mut points = Vec::new();
        let mut cells = Vec::new();
        for (&n, row) in PARTIES.iter().zip(data) {
            let Some(f) = figures(row, name) else {
                cells.push("—".to_string());
                continue;
            };
            let ns = median(f.to_vec());
            points.push((n, ns));
            let floor = if name.contains("semi-honest") {
                "floor, semi-honest"
            } else {
                "floor, MACs"
            };
            let against = figures(row, floor)
                .filter(|_| with_floor && !name.starts_with("floor"))
                .map(|floor| format!(", {}", ratio(floor, f)))
                .unwrap_or_default();
            cells.push(format!("{ns:.0}{against}"));
        }
        println!(
            "| {name} | {} | {:.2} |",
            cells.join(" | "),
            growth(&points)
        );
    }
    println!();
}

/// Prints Shamir's speed against additive's (additive's time over Shamir's, per round)
/// for each setting.
fn shamir_against_additive(title: &str, data: &[Vec<(String, Vec<f64>)>]) {
    println!("{title}\n");
    let header: Vec<String> = PARTIES[1..].iter().map(|n| format!("n = {n}")).collect();
    println!("| setting | {} |", header.join(" | "));
    println!("|---|{}", "---:|".repeat(PARTIES.len() - 1));
    let names = data.last().expect("parties measured").iter();
    for (name, _) in names.filter(|(m, _)| m.starts_with("Shamir")) {
        let additive = name.replacen("Shamir", "additive", 1);
        let cells: Vec<String> = data[1..]
            .iter()
            .filter_map(|row| Some(ratio(figures(row, &additive)?, figures(row, name)?)))
            .collect();
        let setting = name.trim_start_matches("Shamir, ");
        println!("| {setting} | {} |", cells.join(" | "));
    }
    println!();
}
