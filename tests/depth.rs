//! Multiplicative depth: sums and public constants add none, each product of shared
//! values one more than its deeper operand, `pow` the depth of square and multiply, and
//! compound assignment the deeper operand's depth.

use tinyspdz::prelude::*;

mod common;

use common::{parties, share};

#[test]
fn multiplicative_depth() {
    let sim = Simulation::with_seed(70);
    let ms = parties(&sim, 3);
    let x = share(2, &ms[0], &ms);
    let y = share(3, &ms[1], &ms);
    let z = share(5, &ms[2], &ms);
    assert_eq!(x.depth(), 0);
    assert_eq!((&x + &y).depth(), 0);
    assert_eq!((&x - &y).depth(), 0);
    assert_eq!((5 * &x + 7).depth(), 0);
    let xy = &x * &y;
    assert_eq!(xy.depth(), 1);
    assert_eq!((&xy * &z).depth(), 2);
    assert_eq!((&x * (&y * &z)).depth(), 2);
    assert_eq!((&xy + &z).depth(), 1);
    assert_eq!((&z + &xy).depth(), 1);
    assert_eq!((&xy * &(&x * &z)).depth(), 2);
    assert_eq!(x.pow(8).depth(), 3);
    assert_eq!(x.pow(2).depth(), 1);
    assert_eq!(x.pow(1).depth(), 0);
    for k in 1..=6 {
        assert_eq!(x.pow(1 << k).depth(), k, "x^(2^{k})");
    }
    let mut w = x.clone();
    w += &xy;
    assert_eq!(w.depth(), 1, "+= takes the deeper operand's depth");
    w *= &z;
    assert_eq!(w.depth(), 2);
    w *= 3;
    assert_eq!(w.depth(), 2, "a public factor adds no depth");
}
