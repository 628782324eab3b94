//! The default field, p = 2¹²⁷ − 1 (a Mersenne prime), written by hand on `u128`.
//!
//! # The math
//!
//! An element is stored as its canonical integer v, 0 ≤ v < p, in one `u128`. Keeping it
//! canonical makes equality, hashing and [`to_repr`](PrimeField::to_repr) plain copies of
//! the bits, and every operation ends with at most one conditional subtraction of p (a
//! compare and a select, without a branch, so the time does not depend on the data). Lazy reduction (values anywhere below 2¹²⁸) would save that
//! compare after an addition, but every comparison, hash and encoding would then need a
//! full reduction, and the multiplication below relies on inputs below 2¹²⁷.
//!
//! Reduction rests on one identity: 2¹²⁷ ≡ 1 (mod p). A number written h·2¹²⁷ + l with
//! l < 2¹²⁷ is therefore congruent to h + l, so reducing is a shift, a mask and an add.
//!
//! - **Addition.** a + b < 2p, so one conditional subtraction of p gives a canonical sum.
//! - **Subtraction.** a − b, plus p when it borrows.
//! - **Multiplication.** Split a = a₁·2⁶⁴ + a₀ and b = b₁·2⁶⁴ + b₀ with a₁, b₁ < 2⁶³.
//!   Then a·b = a₁b₁·2¹²⁸ + (a₁b₀ + a₀b₁)·2⁶⁴ + a₀b₀: four 64×64 → 128-bit products, and
//!   the middle sum stays below 2¹²⁸ because a₁, b₁ < 2⁶³. The 254-bit product
//!   h·2¹²⁷ + l (h, l < 2¹²⁷) is congruent to h + l, and h + l < 2p: it can reach 2p only
//!   if h = l = p, which would make a·b a multiple of p, impossible for 0 < a, b < p. One
//!   conditional subtraction again finishes the job.
//! - **Inversion.** Fermat: a⁻¹ = aᵖ⁻², with p − 2 = (2¹²⁵ − 1)·4 + 1 computed by an
//!   addition chain of 126 squarings and 10 multiplications.
//! - **Square roots.** p ≡ 3 (mod 4), so a square a has the root a^((p+1)/4) = a^(2¹²⁵):
//!   125 squarings, then a check that the result squares back to a.
//!
//! # Randomness
//!
//! [`Field::random`] reads the generator exactly as `ff`'s derived field for this modulus
//! does, so both draw the same elements from the same seed (the tests compare them draw
//! for draw). That field takes two `u64`s (low limb first), clears the top bit, rejects
//! values ≥ p and reads the result v as a Montgomery form, v = x·2¹²⁸ mod p; the element
//! it returns is x = v·2⁻¹²⁸ ≡ v·2⁻¹ (because 2¹²⁸ ≡ 2). Halving modulo a Mersenne prime is a rotation of the 127 bits one
//! place to the right, which is what [`F127::random`](Field::random) does to v.

use std::borrow::Borrow;
use std::fmt;
use std::iter::{Product, Sum};
use std::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use ff::{Field, FieldBits, PrimeField, PrimeFieldBits};
use rand::TryRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, ConstantTimeLess, CtOption};

use super::owned::owned_variants;

/// The modulus p = 2¹²⁷ − 1: 127 one bits.
const P: u128 = u128::MAX >> 1;

/// The default field, p = 2¹²⁷ − 1 (a Mersenne prime).
///
/// A signed 64-bit value masked by a random 104-bit number still sits far below p/2, which
/// is the room that comparison and truncation need for statistical masking (40 bits).
///
/// Every operator takes owned or borrowed operands on either side (`a + b`, `a + &b`,
/// `&a + b`, `&a + &b`, `a += b`, `a += &b`, and likewise for `-` and `*`).
///
/// ```
/// use tinyspdz::{F127, TinyField};
/// let x = F127::from_i64(-5);
/// assert_eq!(x * x, F127::from(25));
/// assert_eq!(format!("{x:?}"), "F127(-5)");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct F127(u128);

super::tiny::tiny_field!(F127, "F127");

/// `v − p` when v ≥ p, else v; for v < 2p this is v mod p.
#[inline(always)]
const fn minus_p_once(v: u128) -> u128 {
    let (t, borrow) = v.overflowing_sub(P);
    if borrow { v } else { t }
}

/// (a + b) mod p for canonical a, b.
#[inline(always)]
const fn add(a: u128, b: u128) -> u128 {
    minus_p_once(a + b)
}

/// (a − b) mod p for canonical a, b.
#[inline(always)]
const fn sub(a: u128, b: u128) -> u128 {
    let (d, borrow) = a.overflowing_sub(b);
    // On a borrow d = a − b + 2¹²⁸, and adding p wraps to a − b + p.
    if borrow { d.wrapping_add(P) } else { d }
}

/// hi·2¹²⁸ + lo mod p, for a product of two canonical elements (below 2²⁵⁴).
#[inline(always)]
const fn reduce_product(hi: u128, lo: u128) -> u128 {
    // Rewrite as h·2¹²⁷ + l and use 2¹²⁷ ≡ 1: h + l < 2p (see the module docs).
    let l = lo & P;
    let h = (hi << 1) | (lo >> 127);
    minus_p_once(h + l)
}

/// (a · b) mod p for canonical a, b.
#[inline(always)]
const fn mul(a: u128, b: u128) -> u128 {
    let (a0, a1) = (a as u64 as u128, a >> 64);
    let (b0, b1) = (b as u64 as u128, b >> 64);
    let low = a0 * b0;
    let middle = a1 * b0 + a0 * b1; // below 2¹²⁸, as a₁, b₁ < 2⁶³
    let high = a1 * b1;
    let (lo, carry) = low.overflowing_add(middle << 64);
    let hi = high + (middle >> 64) + carry as u128;
    reduce_product(hi, lo)
}

/// a² mod p for canonical a (one partial product fewer than [`mul`]).
#[inline(always)]
const fn square(a: u128) -> u128 {
    let (a0, a1) = (a as u64 as u128, a >> 64);
    let low = a0 * a0;
    let middle = (a0 * a1) << 1; // below 2¹²⁸, as a₁ < 2⁶³
    let high = a1 * a1;
    let (lo, carry) = low.overflowing_add(middle << 64);
    let hi = high + (middle >> 64) + carry as u128;
    reduce_product(hi, lo)
}

impl F127 {
    /// x^(2ⁿ): n squarings.
    #[inline]
    fn square_times(mut self, n: u32) -> Self {
        for _ in 0..n {
            self = F127(square(self.0));
        }
        self
    }
}

impl fmt::Debug for F127 {
    /// The signed decimal value, e.g. `F127(-5)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > P >> 1 {
            write!(f, "F127(-{})", P - self.0)
        } else {
            write!(f, "F127({})", self.0)
        }
    }
}

impl From<u64> for F127 {
    #[inline]
    fn from(v: u64) -> Self {
        F127(u128::from(v))
    }
}

impl ConstantTimeEq for F127 {
    #[inline]
    fn ct_eq(&self, other: &Self) -> Choice {
        self.0.ct_eq(&other.0)
    }
}

impl ConditionallySelectable for F127 {
    #[inline]
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        F127(u128::conditional_select(&a.0, &b.0, choice))
    }
}

impl Add<&F127> for &F127 {
    type Output = F127;
    #[inline]
    fn add(self, rhs: &F127) -> F127 {
        F127(add(self.0, rhs.0))
    }
}

impl Sub<&F127> for &F127 {
    type Output = F127;
    #[inline]
    fn sub(self, rhs: &F127) -> F127 {
        F127(sub(self.0, rhs.0))
    }
}

impl Mul<&F127> for &F127 {
    type Output = F127;
    #[inline]
    fn mul(self, rhs: &F127) -> F127 {
        F127(mul(self.0, rhs.0))
    }
}

impl Neg for &F127 {
    type Output = F127;
    #[inline]
    fn neg(self) -> F127 {
        F127(sub(0, self.0))
    }
}

impl Neg for F127 {
    type Output = F127;
    #[inline]
    fn neg(self) -> F127 {
        -&self
    }
}

/// Derives `x op= y` for owned and borrowed `y` from `&x op &y`.
macro_rules! assign_variants {
    ($tr:ident, $m:ident, $atr:ident, $am:ident) => {
        owned_variants!(#[inline] [] F127, $tr, $m);

        impl $atr<F127> for F127 {
            #[inline]
            fn $am(&mut self, rhs: F127) {
                *self = (&*self).$m(&rhs);
            }
        }

        impl $atr<&F127> for F127 {
            #[inline]
            fn $am(&mut self, rhs: &F127) {
                *self = (&*self).$m(rhs);
            }
        }
    };
}

assign_variants!(Add, add, AddAssign, add_assign);
assign_variants!(Sub, sub, SubAssign, sub_assign);
assign_variants!(Mul, mul, MulAssign, mul_assign);

impl<T: Borrow<F127>> Sum<T> for F127 {
    fn sum<I: Iterator<Item = T>>(iter: I) -> Self {
        iter.fold(F127::ZERO, |acc, x| acc + x.borrow())
    }
}

impl<T: Borrow<F127>> Product<T> for F127 {
    fn product<I: Iterator<Item = T>>(iter: I) -> Self {
        iter.fold(F127::ONE, |acc, x| acc * x.borrow())
    }
}

impl Field for F127 {
    const ZERO: Self = F127(0);
    const ONE: Self = F127(1);

    /// Draws two `u64`s (low limb first), clears the top bit and retries when the value
    /// v is ≥ p; returns v·2⁻¹, as `ff`'s derived field does (see the module docs).
    fn try_random<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
        loop {
            let low = rng.try_next_u64()?;
            let high = rng.try_next_u64()? & (u64::MAX >> 1);
            let v = (u128::from(high) << 64) | u128::from(low);
            if v < P {
                // v·2⁻¹ mod p: rotate the 127 bits right by one.
                return Ok(F127((v >> 1) | ((v & 1) << 126)));
            }
        }
    }

    #[inline]
    fn is_zero_vartime(&self) -> bool {
        self.0 == 0
    }

    #[inline]
    fn square(&self) -> Self {
        F127(square(self.0))
    }

    #[inline]
    fn double(&self) -> Self {
        F127(add(self.0, self.0))
    }

    /// a^(p−2) by an addition chain; none for zero.
    fn invert(&self) -> CtOption<Self> {
        // x_k = a^(2ᵏ − 1), built with x_{m+n} = x_m^(2ⁿ) · x_n.
        let x1 = *self;
        let x2 = x1.square() * x1;
        let x3 = x2.square() * x1;
        let x5 = x3.square_times(2) * x2;
        let x10 = x5.square_times(5) * x5;
        let x20 = x10.square_times(10) * x10;
        let x40 = x20.square_times(20) * x20;
        let x80 = x40.square_times(40) * x40;
        let x120 = x80.square_times(40) * x40;
        let x125 = x120.square_times(5) * x5;
        // p − 2 = (2¹²⁵ − 1)·4 + 1.
        let inverse = x125.square_times(2) * x1;
        CtOption::new(inverse, !self.is_zero())
    }

    fn sqrt_ratio(num: &Self, div: &Self) -> (Choice, Self) {
        ff::helpers::sqrt_ratio_generic(num, div)
    }

    /// a^((p+1)/4) = a^(2¹²⁵), kept only when it squares back to a.
    fn sqrt(&self) -> CtOption<Self> {
        let root = self.square_times(125);
        CtOption::new(root, root.square().ct_eq(self))
    }
}

impl PrimeField for F127 {
    /// The canonical integer in little-endian order.
    type Repr = [u8; 16];

    fn from_repr(repr: [u8; 16]) -> CtOption<Self> {
        let v = u128::from_le_bytes(repr);
        let canonical = v.ct_lt(&P);
        CtOption::new(F127(u128::conditional_select(&0, &v, canonical)), canonical)
    }

    #[inline]
    fn to_repr(&self) -> [u8; 16] {
        self.0.to_le_bytes()
    }

    #[inline]
    fn is_odd(&self) -> Choice {
        Choice::from((self.0 & 1) as u8)
    }

    /// v mod p, by folding bit 127 onto bit 0 (2¹²⁷ ≡ 1).
    #[inline]
    fn from_u128(v: u128) -> Self {
        F127(minus_p_once((v & P) + (v >> 127)))
    }

    const MODULUS: &'static str = "0x7fffffffffffffffffffffffffffffff";
    const NUM_BITS: u32 = 127;
    const CAPACITY: u32 = 126;
    /// 2⁻¹ = (p + 1)/2 = 2¹²⁶.
    const TWO_INV: Self = F127(1 << 126);
    /// 43 generates the multiplicative group (checked by the tests).
    const MULTIPLICATIVE_GENERATOR: Self = F127(43);
    /// p − 1 = 2·(2¹²⁶ − 1): one factor of 2.
    const S: u32 = 1;
    /// g^((p−1)/2) = −1, as g is not a square.
    const ROOT_OF_UNITY: Self = F127(P - 1);
    /// (−1)⁻¹ = −1.
    const ROOT_OF_UNITY_INV: Self = F127(P - 1);
    /// g^(2^S) = 43² = 1849.
    const DELTA: Self = F127(43 * 43);
}

impl PrimeFieldBits for F127 {
    type ReprBits = [u8; 16];

    fn to_le_bits(&self) -> FieldBits<[u8; 16]> {
        FieldBits::new(self.to_repr())
    }

    fn char_le_bits() -> FieldBits<[u8; 16]> {
        FieldBits::new(P.to_le_bytes())
    }
}

#[cfg(test)]
mod tests;
