//! The [`TinyField`] trait: a prime field with signed decimal encoding, and the
//! constants that convert into any such field.

use std::fmt;

use ff::PrimeField;
use num_bigint::{BigInt, BigUint};
use num_traits::ToPrimitive;

/// A prime field the crate can compute in: `ff`'s [`PrimeField`] plus signed decimal
/// encoding and decoding.
///
/// Implemented by [`F127`](crate::F127), [`F61`](crate::F61) and [`F101`](crate::F101); `Display` prints the signed decimal value.
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

/// A count or an index, as inputs often are: read as the integer it is.
impl IntoField for usize {
    fn exact<F: TinyField>(self) -> Option<F> {
        match u64::try_from(self) {
            Ok(v) => v.exact(),
            Err(_) => F::from_bigint(&BigInt::from(self)),
        }
    }
    fn reduced<F: TinyField>(self) -> F {
        match u64::try_from(self) {
            Ok(v) => v.reduced(),
            Err(_) => F::from_bigint_mod(&BigInt::from(self)),
        }
    }
}

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

/// Parses the hexadecimal `MODULUS` string that `ff` provides.
pub(crate) fn parse_modulus(hex: &str) -> BigUint {
    let digits = hex.trim_start_matches("0x");
    BigUint::parse_bytes(digits.as_bytes(), 16).expect("ff's MODULUS is hexadecimal")
}

/// Implements [`TinyField`], [`Constant`] (converting to any other field), `Hash` and
/// `Display` for a field type.
macro_rules! tiny_field {
    ($name:ident, $label:literal) => {
        impl $crate::field::tiny::Constant for $name {
            fn to_field<F: $crate::field::tiny::TinyField>(self) -> F {
                $crate::field::tiny::convert(self)
            }
        }

        impl $crate::field::tiny::TinyField for $name {
            const NAME: &'static str = $label;
            fn modulus() -> &'static ::num_bigint::BigUint {
                static P: ::std::sync::OnceLock<::num_bigint::BigUint> =
                    ::std::sync::OnceLock::new();
                P.get_or_init(|| {
                    $crate::field::tiny::parse_modulus(<$name as ::ff::PrimeField>::MODULUS)
                })
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
                ::std::fmt::Display::fmt(&$crate::field::tiny::Decimal(self), f)
            }
        }
    };
}
pub(crate) use tiny_field;
