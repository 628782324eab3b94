//! F127 against `ff`'s derived Montgomery field for the same modulus: the same
//! arithmetic, and the same values drawn from the same generator.

use ff::{Field, PrimeField, PrimeFieldBits};
use proptest::prelude::*;
use rand::rngs::ChaCha12Rng;
use rand::{Rng, SeedableRng};

use super::{F127, P};
use crate::field::tiny::TinyField;

/// `ff`'s derived Montgomery field for the same modulus: the reference.
#[derive(ff::PrimeField)]
#[PrimeFieldModulus = "170141183460469231731687303715884105727"]
#[PrimeFieldGenerator = "43"]
#[PrimeFieldReprEndianness = "little"]
struct Derived([u64; 2]);

fn derived(x: F127) -> Derived {
    let mut repr = <Derived as PrimeField>::Repr::default();
    repr.as_mut().copy_from_slice(&x.to_repr());
    Option::from(Derived::from_repr(repr)).expect("canonical")
}

#[track_caller]
fn assert_same(x: F127, d: Derived) {
    assert_eq!(x.to_repr().as_slice(), d.to_repr().as_ref(), "{x:?}");
}

/// Values at the edges of the representation, reduced mod p where needed.
fn edges() -> Vec<u128> {
    vec![
        0,
        1,
        2,
        3,
        43,
        u128::from(u64::MAX),
        1 << 64,
        (1 << 64) + 1,
        1 << 63,
        (1 << 126) - 1,
        1 << 126,
        (1 << 126) + 1,
        P - 2,
        P - 1,
        P,
        P + 1,
        1 << 127,
        u128::MAX - 1,
        u128::MAX,
    ]
}

/// Both fields agree on every operation for x and y (given as integers, reduced).
fn check_pair(x: u128, y: u128) {
    let (a, b) = (F127::from_u128(x), F127::from_u128(y));
    let (da, db) = (Derived::from_u128(x), Derived::from_u128(y));
    assert_same(a, da);
    assert_same(b, db);
    assert_same(a + b, da + db);
    assert_same(a - b, da - db);
    assert_same(a * b, da * db);
    assert_same(-a, -da);
    assert_same(a.square(), da.square());
    assert_same(a.double(), da.double());
    assert_eq!(a.cmp(&b), da.cmp(&db));
    assert_eq!(bool::from(a.is_odd()), bool::from(da.is_odd()));
    let (inv, dinv) = (a.invert(), da.invert());
    assert_eq!(bool::from(inv.is_some()), bool::from(dinv.is_some()));
    if let (Some(i), Some(di)) = (Option::<F127>::from(inv), Option::<Derived>::from(dinv)) {
        assert_same(i, di);
        assert_eq!(i * a, F127::ONE);
    }
    let (root, droot) = (a.sqrt(), da.sqrt());
    assert_eq!(bool::from(root.is_some()), bool::from(droot.is_some()));
    if let (Some(r), Some(dr)) = (Option::<F127>::from(root), Option::<Derived>::from(droot)) {
        assert_same(r, dr);
    }
    let (ratio, dratio) = (F127::sqrt_ratio(&a, &b), Derived::sqrt_ratio(&da, &db));
    assert_eq!(bool::from(ratio.0), bool::from(dratio.0));
    assert_same(ratio.1, dratio.1);
    // from_repr on the raw integer: both refuse x ≥ p, and agree below.
    let raw = x.to_le_bytes();
    let mut draw = <Derived as PrimeField>::Repr::default();
    draw.as_mut().copy_from_slice(&raw);
    let (r, dr) = (F127::from_repr(raw), Derived::from_repr(draw));
    assert_eq!(bool::from(r.is_some()), bool::from(dr.is_some()), "{x}");
    assert_eq!(bool::from(r.is_some()), x < P);
    if let (Some(r), Some(dr)) = (Option::<F127>::from(r), Option::<Derived>::from(dr)) {
        assert_same(r, dr);
    }
    assert_eq!(
        a.to_le_bits().into_inner(),
        da.to_le_bits().into_inner(),
        "{x}"
    );
}

#[test]
fn modulus_is_prime_and_generator_generates() {
    super::super::conformance::check_field::<super::F127>(&[
        2,
        3,
        7,
        19,
        43,
        73,
        127,
        337,
        5419,
        92737,
        649657,
        77158673929,
    ]);
}

#[test]
fn constants_match_the_derived_field() {
    assert_eq!(F127::MODULUS, Derived::MODULUS);
    assert_eq!(F127::NUM_BITS, Derived::NUM_BITS);
    assert_eq!(F127::CAPACITY, Derived::CAPACITY);
    assert_eq!(F127::S, Derived::S);
    assert_same(F127::ZERO, Derived::ZERO);
    assert_same(F127::ONE, Derived::ONE);
    assert_same(F127::TWO_INV, Derived::TWO_INV);
    assert_same(
        F127::MULTIPLICATIVE_GENERATOR,
        Derived::MULTIPLICATIVE_GENERATOR,
    );
    assert_same(F127::ROOT_OF_UNITY, Derived::ROOT_OF_UNITY);
    assert_same(F127::ROOT_OF_UNITY_INV, Derived::ROOT_OF_UNITY_INV);
    assert_same(F127::DELTA, Derived::DELTA);
    assert_eq!(
        F127::char_le_bits().into_inner(),
        Derived::char_le_bits().into_inner()
    );
    assert_eq!(F127::TWO_INV.double(), F127::ONE);
}

#[test]
fn random_draws_what_the_derived_field_drew() {
    for seed in 0..16 {
        let mut ours = ChaCha12Rng::seed_from_u64(seed);
        let mut theirs = ChaCha12Rng::seed_from_u64(seed);
        for _ in 0..1000 {
            assert_same(F127::random(&mut ours), Derived::random(&mut theirs));
        }
        // The generators were advanced by the same amount.
        assert_eq!(ours.next_u64(), theirs.next_u64());
    }
}

/// Replays fixed words, to reach the rejection branch of `random`.
struct Script(std::vec::IntoIter<u64>);

impl rand::TryRng for Script {
    type Error = std::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.try_next_u64()? as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(self.0.next().expect("script long enough"))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        dst.iter_mut().for_each(|b| *b = 0);
        Ok(())
    }
}

#[test]
fn random_rejects_like_the_derived_field() {
    // (low, high) pairs: p itself (high's top bit is masked away), then p − 1, 0, 3.
    let words = vec![u64::MAX, u64::MAX, u64::MAX - 1, u64::MAX >> 1, 0, 0, 3, 0];
    let mut ours = Script(words.clone().into_iter());
    let mut theirs = Script(words.into_iter());
    for _ in 0..3 {
        assert_same(F127::random(&mut ours), Derived::random(&mut theirs));
    }
    assert_eq!(ours.0.len(), 0);
    assert_eq!(theirs.0.len(), 0);
}

#[test]
fn edge_values_match_the_derived_field() {
    for &x in &edges() {
        for &y in &edges() {
            check_pair(x, y);
        }
    }
}

#[test]
fn debug_prints_signed_decimal() {
    assert_eq!(format!("{:?}", F127::from_i64(-5)), "F127(-5)");
    assert_eq!(format!("{:?}", F127::from(7)), "F127(7)");
    assert_eq!(
        format!("{:?}", F127::from_bigint(&F127::max_signed())),
        format!("Some(F127({}))", F127::max_signed())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_values_match_the_derived_field(
        x in prop_oneof![any::<u128>(), proptest::sample::select(edges())],
        y in any::<u128>(),
    ) {
        check_pair(x, y);
    }

    #[test]
    fn products_chain_like_the_derived_field(x in any::<u128>(), y in any::<u128>()) {
        let (mut a, b) = (F127::from_u128(x), F127::from_u128(y));
        let (mut da, db) = (Derived::from_u128(x), Derived::from_u128(y));
        for _ in 0..64 {
            a = a * b + a;
            da = da * db + da;
        }
        assert_same(a, da);
        assert_eq!(derived(a), da);
    }
}
