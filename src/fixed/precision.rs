//! [`Precision`]: the fixed-point format, and how a real is encoded in it.

use crate::error::{Error, Result};
use crate::field::TinyField;
use crate::masking::{check_room, room};

use num_traits::ToPrimitive;

/// The fixed-point format: f fractional bits, integer parts below 2<sup>k−1</sup> in absolute value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Precision {
    /// Fractional bits f: the unit in the last place is 2⁻ᶠ.
    pub f: u32,
    /// Integer bits k, sign included: values lie in (−2<sup>k−1</sup>, 2<sup>k−1</sup>).
    pub k: u32,
}

impl Default for Precision {
    /// f = 16, k = 32: about 4.6 decimal digits after the point, integer parts up to 2³¹.
    fn default() -> Self {
        Precision { f: 16, k: 32 }
    }
}

impl Precision {
    /// [`Error::PrecisionMismatch`] unless both operands use the same format.
    pub(crate) fn must_match(self, other: Precision) -> Result<()> {
        if self != other {
            return Err(Error::PrecisionMismatch {
                left_f: self.f,
                left_k: self.k,
                right_f: other.f,
                right_k: other.k,
            });
        }
        Ok(())
    }

    /// Checks that the field `F` can compute in this format: f ≥ 1, k ≥ 1, and with 41
    /// bits of masking a product's k + 2f bits and an equality test's k + f + 2 fit below
    /// the prime's top bit (each at most 85 in [`crate::F127`], 19 in [`crate::F61`]).
    pub(crate) fn check_supported<F: TinyField>(self) -> Result<()> {
        let most = room::<F>();
        let product = self.f.checked_mul(2).and_then(|f2| f2.checked_add(self.k));
        let equality = self.f.checked_add(self.k).and_then(|l| l.checked_add(2));
        let fits = |bits: Option<u32>| bits.is_some_and(|bits| bits <= most);
        if self.f >= 1 && self.k >= 1 && fits(product) && fits(equality) {
            return Ok(());
        }
        if most < 4 {
            // Not even f = k = 1 fits.
            return check_room::<F>(product.unwrap_or(u32::MAX).max(4));
        }
        Err(Error::PrecisionOutOfRange {
            f: self.f,
            k: self.k,
            field: F::NAME,
            most,
            max_f: (most - 1) / 2,
            max_k: most - 3,
        })
    }

    /// Bits of an encoded value, ℓ = k + f (saturating at `u32::MAX` for formats no field
    /// can hold).
    pub fn bits(self) -> u32 {
        self.k.saturating_add(self.f)
    }

    /// The encoding round(x·2^f), or an error when |x| ≥ 2<sup>k−1</sup> or x is not finite.
    pub fn encode(self, x: f64) -> Result<i128> {
        let limit = 2f64.powi(exponent(self.k) - 1);
        let encoded = (x * 2f64.powi(exponent(self.f))).round();
        if !x.is_finite() || x.abs() >= limit || !encoded.is_finite() {
            return Err(Error::FixedOutOfRange {
                value: x.to_string(),
                limit: limit.to_string(),
            });
        }
        Ok(encoded as i128)
    }

    /// The real number an encoded field element stands for.
    pub fn decode<F: TinyField>(self, x: F) -> f64 {
        integer(x) / 2f64.powi(exponent(self.f))
    }
}

/// A bit count as an exponent of 2 for `powi` (formats beyond `i32::MAX` bits, which no
/// field holds, saturate).
fn exponent(bits: u32) -> i32 {
    i32::try_from(bits).unwrap_or(i32::MAX)
}

/// A field element as the signed integer it encodes, in `f64`.
pub(crate) fn integer<F: TinyField>(x: F) -> f64 {
    x.to_bigint().to_f64().unwrap_or(f64::NAN)
}

/// c = round(2ˢ/d) and s for `SharedFixed::try_div_public`: s = f + max(e − 1, 0) for
/// 2<sup>e−1</sup> ≤ |d| < 2^e, at most ℓ + f − 1 (beyond, |x/d| is below half an ulp), then
/// halved with c while c is even and s > f.
pub(super) fn public_divisor(d: f64, p: Precision) -> (i128, u32) {
    let magnitude = d.abs();
    let mut e: i32 = 0;
    if magnitude.is_finite() {
        while 2f64.powi(e) <= magnitude {
            e += 1;
        }
    }
    let top = p.bits() + p.f - 1;
    let mut s = (p.f + e.saturating_sub(1).max(0).unsigned_abs()).min(top);
    let mut c = (2f64.powi(s as i32) / d).round() as i128;
    while s > p.f && c % 2 == 0 {
        c /= 2;
        s -= 1;
    }
    (c, s)
}
