//! Prime fields: where every share, triple and opened value lives.
//!
//! # The math
//!
//! All arithmetic happens in 𝔽ₚ, the integers modulo a prime p. A signed integer x with
//! |x| < p is encoded as x mod p, so a negative x becomes p − x. Decoding picks the
//! *centred* representative: the element v is read as v when v ≤ (p − 1)/2 and as v − p
//! otherwise. Wrap-around is therefore visible: in [`F101`], 60 + 60 = 120 ≡ 19, and
//! 40 + 40 = 80 is read back as −21.
//!
//! # The fields
//!
//! | type | p | use |
//! |---|---|---|
//! | [`F127`] (the default, [`DefaultField`]) | 2¹²⁷ − 1 | signed 64-bit values with 40+ bits of room for statistical masking |
//! | [`F61`] | 2⁶¹ − 1 | a fast one-limb field for integer-only work |
//! | [`F101`] | 101 | the teaching field: shares and wrap-around fit in your head |
//!
//! [`F61`] and [`F101`] are made with `ff`'s `#[derive(PrimeField)]` (Montgomery form),
//! which trusts the modulus and generator it is given. [`F127`] is written by hand on one
//! `u128`, reducing by shifts and adds since 2¹²⁷ ≡ 1 (mod p); `benches/field.rs` measures
//! it against the derived field for the same modulus (about 1.5× faster in the bare SPDZ
//! Beaver loop), and its tests check it against that field operation by operation and
//! draw for draw. The crate's tests check that every modulus is prime and every
//! generator has order p − 1.
//!
//! Elements print in decimal through [`TinyField::to_bigint`] and [`Decimal`], never as
//! `ff`'s hexadecimal `Debug`.

mod f101;
mod f127;
mod f61;
pub mod gf2_64;

use std::fmt;

use ff::PrimeField;
use num_bigint::{BigInt, BigUint};
use num_traits::ToPrimitive;

pub use f61::F61;
pub use f101::F101;
pub use f127::F127;

/// The field used when no other is named: [`F127`], p = 2¹²⁷ − 1.
pub type DefaultField = F127;

/// A prime field the crate can compute in: `ff`'s [`PrimeField`] plus signed decimal
/// encoding and decoding.
///
/// Implemented by [`F127`], [`F61`] and [`F101`]; `Display` prints the signed decimal value.
pub trait TinyField: PrimeField + fmt::Debug + fmt::Display + Constant + 'static {
    /// A short name for messages, e.g. `"F101"`.
    const NAME: &'static str;

    /// The modulus p.
    fn modulus() -> &'static BigUint;

    /// The largest value a decoded element can take, (p − 1)/2.
    fn max_signed() -> BigInt {
        BigInt::from(Self::modulus() >> 1u32)
    }

    /// The element's canonical integer in `0..p`.
    fn to_biguint(&self) -> BigUint {
        BigUint::from_bytes_le(self.to_repr().as_ref())
    }

    /// The element read as a signed integer: the centred representative in
    /// −(p − 1)/2 ..= (p − 1)/2.
    fn to_bigint(&self) -> BigInt {
        let v = self.to_biguint();
        let p = Self::modulus();
        if v > (p >> 1u32) {
            -BigInt::from(p - v)
        } else {
            BigInt::from(v)
        }
    }

    /// The canonical integer in `0..p` as a `u128`, keeping its low 128 bits (all of them
    /// for the fields here).
    fn to_u128(&self) -> u128 {
        let repr = self.to_repr();
        let bytes = repr.as_ref();
        let mut low = [0u8; 16];
        let n = bytes.len().min(16);
        low[..n].copy_from_slice(&bytes[..n]);
        u128::from_le_bytes(low)
    }

    /// The centred representative as an `i128`, or `None` when it does not fit.
    fn to_i128(&self) -> Option<i128> {
        self.to_bigint().to_i128()
    }

    /// Reduces any integer modulo p (negative integers count down from p).
    fn from_bigint_mod(v: &BigInt) -> Self {
        let p = BigInt::from(Self::modulus().clone());
        let r = ((v % &p) + &p) % &p;
        let (_, bytes) = r.to_bytes_le();
        let mut repr = Self::Repr::default();
        repr.as_mut()[..bytes.len()].copy_from_slice(&bytes);
        Option::from(Self::from_repr(repr)).expect("a reduced integer is below p")
    }

    /// Encodes x when |x| < p, or returns `None` when it does not fit.
    fn from_bigint(v: &BigInt) -> Option<Self> {
        (v.magnitude() < Self::modulus()).then(|| Self::from_bigint_mod(v))
    }

    /// Encodes an `i64` modulo p (exact whenever |x| < p).
    fn from_i64(v: i64) -> Self {
        let m = Self::from(v.unsigned_abs());
        if v < 0 { -m } else { m }
    }

    /// Encodes an `i128` modulo p (exact whenever |x| < p).
    fn from_i128(v: i128) -> Self {
        let m = Self::from_u128(v.unsigned_abs());
        if v < 0 { -m } else { m }
    }
}

/// Shows a field element in signed decimal: `format!("{}", Decimal(&x))`.
pub struct Decimal<'a, F>(pub &'a F);

impl<F: TinyField> fmt::Display for Decimal<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.to_bigint(), f)
    }
}

/// An integer that can become a field element: `i32`, `i64`, `u64`, `i128` and `BigInt`
/// (owned or borrowed).
///
/// [`exact`](IntoField::exact) refuses values with |x| ≥ p (used for private inputs);
/// [`reduced`](IntoField::reduced) reduces modulo p (used for public constants in
/// operators, which are field elements by definition).
pub trait IntoField: fmt::Display {
    /// The element for `self`, or `None` when |self| ≥ p.
    fn exact<F: TinyField>(self) -> Option<F>;
    /// `self` modulo p.
    fn reduced<F: TinyField>(self) -> F;
}

macro_rules! small_into_field {
    ($($t:ty => $via:ty),*) => {$(
        impl IntoField for $t {
            fn exact<F: TinyField>(self) -> Option<F> {
                // Every integer of up to 64 bits fits a field of more than 64 bits.
                if F::NUM_BITS > 64 && <$t>::BITS <= 64 {
                    return Some(self.reduced());
                }
                F::from_bigint(&BigInt::from(self))
            }
            fn reduced<F: TinyField>(self) -> F {
                F::from_i128(<$via>::from(self) as i128)
            }
        }
    )*};
}
small_into_field!(i32 => i64, i64 => i64, u64 => u64, i128 => i128);

impl IntoField for &BigInt {
    fn exact<F: TinyField>(self) -> Option<F> {
        F::from_bigint(self)
    }
    fn reduced<F: TinyField>(self) -> F {
        F::from_bigint_mod(self)
    }
}

impl IntoField for BigInt {
    fn exact<F: TinyField>(self) -> Option<F> {
        F::from_bigint(&self)
    }
    fn reduced<F: TinyField>(self) -> F {
        F::from_bigint_mod(&self)
    }
}

/// A public constant that operators accept beside shared values: `i32`, `i64`, `u64`,
/// `i128` and field elements. Integers are reduced modulo p; an element of another field is read as
/// its signed value and reduced.
pub trait Constant: Copy + 'static {
    /// The constant as an element of `F`.
    fn to_field<F: TinyField>(self) -> F;
}

macro_rules! integer_constant {
    ($($t:ty),*) => {$(
        impl Constant for $t {
            fn to_field<F: TinyField>(self) -> F {
                self.reduced()
            }
        }
    )*};
}
integer_constant!(i32, i64, u64, i128);

/// `x` as an element of `G`: itself when `G` is its own field, else its signed value
/// reduced modulo G's p.
pub(crate) fn convert<F: TinyField, G: TinyField>(x: F) -> G {
    match (&x as &dyn std::any::Any).downcast_ref::<G>() {
        Some(same) => *same,
        None => G::from_bigint_mod(&x.to_bigint()),
    }
}

macro_rules! field_constant {
    ($($t:ty),*) => {$(
        impl Constant for $t {
            fn to_field<F: TinyField>(self) -> F {
                convert(self)
            }
        }
    )*};
}
field_constant!(F127, F61, F101);

/// Parses the hexadecimal `MODULUS` string that `ff` provides.
pub(crate) fn parse_modulus(hex: &str) -> BigUint {
    let digits = hex.trim_start_matches("0x");
    BigUint::parse_bytes(digits.as_bytes(), 16).expect("ff's MODULUS is hexadecimal")
}

/// Implements [`TinyField`], `Hash` and `Display` for a field type.
macro_rules! tiny_field {
    ($name:ident, $label:literal) => {
        impl $crate::field::TinyField for $name {
            const NAME: &'static str = $label;
            fn modulus() -> &'static ::num_bigint::BigUint {
                static P: ::std::sync::OnceLock<::num_bigint::BigUint> =
                    ::std::sync::OnceLock::new();
                P.get_or_init(|| $crate::field::parse_modulus(<$name as ::ff::PrimeField>::MODULUS))
            }
        }

        /// Hashes the canonical little-endian representation (consistent with `Eq`).
        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                <$name as ::ff::PrimeField>::to_repr(self)
                    .as_ref()
                    .hash(state);
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&$crate::field::Decimal(self), f)
            }
        }
    };
}
pub(crate) use tiny_field;

/// Checks a few facts every field must satisfy; used by the tests of each field.
#[cfg(test)]
pub(crate) fn check_field<F: TinyField>(factors_of_p_minus_1: &[u64]) {
    use num_traits::{One, Signed, Zero};
    let p = F::modulus();
    assert!(p > &BigUint::from(2u32));
    assert_eq!(F::from_i64(-1).to_bigint(), BigInt::from(-1));
    assert_eq!(F::from_i64(-1).to_biguint(), p - BigUint::one());
    assert!((F::ZERO - F::ONE).to_bigint().is_negative());
    assert!(F::ZERO.to_bigint().is_zero());
    let half = F::max_signed();
    assert_eq!(
        F::from_bigint(&half).map(|x| x.to_bigint()),
        Some(half.clone())
    );
    assert_eq!(F::from_bigint(&BigInt::from(p.clone())), None);
    assert_eq!(F::from_bigint_mod(&(half.clone() + 1)).to_bigint(), -half);

    // The modulus is prime.
    assert!(is_probable_prime(p), "{} modulus is not prime", F::NAME);

    // The generator has order p − 1: the listed primes are all the prime factors of
    // p − 1, and g^((p−1)/q) ≠ 1 for each of them.
    let p1 = p - BigUint::one();
    let mut rest = p1.clone();
    for &q in factors_of_p_minus_1 {
        let q = BigUint::from(q);
        assert!(is_probable_prime(&q), "{q} is not prime");
        assert!((&rest % &q).is_zero(), "{q} does not divide p - 1");
        while (&rest % &q).is_zero() {
            rest /= &q;
        }
    }
    assert!(
        rest.is_one(),
        "p - 1 has a prime factor missing from the list: {rest}"
    );
    let g = F::MULTIPLICATIVE_GENERATOR.to_biguint();
    for &q in factors_of_p_minus_1 {
        let e = &p1 / BigUint::from(q);
        assert!(
            !g.modpow(&e, p).is_one(),
            "generator has order dividing (p-1)/{q}"
        );
    }

    // Square roots round-trip (ff derives them from the generator and 2-adicity).
    for v in [2i64, 3, 5, 10, -7, 42] {
        let x = F::from_i64(v);
        let root = Option::<F>::from((x * x).sqrt()).expect("a square has a root");
        assert!(root == x || root == -x);
    }
    assert_eq!(Option::<F>::from(g_nonresidue::<F>().sqrt()), None);
}

#[cfg(test)]
fn g_nonresidue<F: TinyField>() -> F {
    F::MULTIPLICATIVE_GENERATOR
}

/// Miller–Rabin with the first twelve primes as bases (deterministic below 3.3·10²⁴, and
/// an error probability below 4⁻¹² above that).
#[cfg(test)]
pub(crate) fn is_probable_prime(n: &BigUint) -> bool {
    use num_traits::One;
    let one = BigUint::one();
    let two = &one + &one;
    if n < &two {
        return false;
    }
    let bases = [2u32, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];
    if let Some(&b) = bases.iter().find(|&&b| n % b == BigUint::from(0u32)) {
        return n == &BigUint::from(b);
    }
    let n1 = n - &one;
    let s = n1.trailing_zeros().unwrap_or(0);
    let d = &n1 >> s;
    bases.iter().all(|&b| {
        let mut x = BigUint::from(b).modpow(&d, n);
        if x == one || x == n1 {
            return true;
        }
        (1..s).any(|_| {
            x = x.modpow(&two, n);
            x == n1
        })
    })
}
