use std::time::Instant;
use tinyspdz::prelude::*;
fn main() {
    let sim = Simulation::with_seed(1);
    let (a, b, c) = (
        sim.machine("alice"),
        sim.machine("bob"),
        sim.machine("carol"),
    );
    let n = 1000;
    let x = PrivateVector::new(0..n, &a).share(&[&b, &c]);
    let y = PrivateVector::new(0..n, &b).share(&[&a, &c]);
    let t = Instant::now();
    let reps = 300;
    for _ in 0..reps {
        std::hint::black_box(&x * &y);
    }
    let dt = t.elapsed().as_secs_f64();
    println!("vector mul: {:.0}/s", (reps * n) as f64 / dt);
    let m = 2000;
    let xv = PrivateVector::new((0..m).map(|i| i * 7 - 5000), &a).share(&[&b, &c]);
    let t = Instant::now();
    std::hint::black_box(xv.less_than(12));
    println!("vector cmp: {:.0}/s", m as f64 / t.elapsed().as_secs_f64());
    sim.check().unwrap();
}
