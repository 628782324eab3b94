//! Functions through normalization, x = m·2<sup>L−f</sup> with m ∈ [½, 1): the reciprocal, x / y
//! and √x by Newton–Raphson on m, ln x by a polynomial for ln m; the exponent L − f enters
//! as a public function of the one-hot hⱼ = [L = j + 1].

use super::encoded::Encoded;
use crate::circuits::comparison::ltz;
use crate::circuits::truncation::trunc_pr;
use crate::error::Result;
use crate::field::TinyField;
use crate::handle::SharedValue;
use crate::handle::{affine, difference, product, sum};
use crate::masking::{check_room, spare_bits};

/// ln m for m ∈ [½, 1), in u = 4m − 3: coefficients of u⁰ … u⁷.
const LN: [f64; 8] = [
    -0.287_681_889_0,
    0.333_333_083_0,
    -0.055_561_349_4,
    0.012_348_969_0,
    -0.003_058_064_7,
    0.000_811_479_0,
    -0.000_272_095_0,
    0.000_080_029_9,
];
/// 1/√m for m ∈ [½, 1), in u = 4m − 3: coefficients of u⁰ … u².
const INVERSE_SQRT: [f64; 3] = [1.154_151_16, -0.203_270_79, 0.052_378_88];

impl<F: TinyField, S: SharedValue<F>> Encoded<F, S> {
    /// The steps of 1/x: sign(x)·1/|x|, with 1/|x| = (1/m)·2<sup>f−L</sup>.
    #[track_caller]
    pub fn reciprocal(&self) -> Result<Self> {
        let p = self.precision();
        let (sign, magnitude) = self.sign_and_magnitude()?;
        let (onehot, m) = magnitude.normalize(0)?;
        let y = m.inverse_of_normalized(0)?;
        // 1/x = (1/m)·2^{f−L} = (1/m)·2^{ℓ−L} / 2^{ℓ−f}.
        let shift = weighted(&onehot, |j| F::from_u128(1u128 << (p.bits() - 1 - j)))?;
        let scaled = product(y.value(), &shift)?;
        let inverse: S = trunc_pr(&scaled, p.bits() + p.f + 2, p.bits() - p.f)?;
        Ok(self.same(product(&inverse, &sign)?))
    }

    /// The steps of x / y = sign(y)·(x/m)·2<sup>f−L</sup> for |y| = m·2<sup>L−f</sup>. For |y| < 1
    /// (L ≤ f) x is first multiplied by the integer 2<sup>f−L</sup>, exactly; for |y| ≥ 1 x/m is
    /// divided by 2<sup>L−f</sup> last, by a truncation of ℓ + k bits. So 1/y is never rounded to
    /// f bits, and the quotient keeps a relative error. When the field cannot mask ℓ + k
    /// bits, x·(1/y).
    #[track_caller]
    pub fn divide(&self, divisor: &Self) -> Result<Self> {
        let p = self.precision();
        let (bits, k) = (p.bits(), p.k);
        if check_room::<F>(bits + k).is_err() || check_room::<F>(bits + p.f + 1).is_err() {
            return self.try_mul(&divisor.reciprocal()?);
        }
        let (sign, magnitude) = divisor.sign_and_magnitude()?;
        // m with one more bit than f: its rounding costs half as much.
        let extra = k.saturating_sub(1).min(1);
        let (onehot, m) = magnitude.normalize(extra)?;
        let inverse_m = m.inverse_of_normalized(extra)?;
        // hⱼ marks L = j + 1: below 1 when j < f.
        let small = |j: u32| j < p.f;
        let up = weighted(&onehot, |j| match small(j) {
            true => F::from_u128(1u128 << (p.f - 1 - j)),
            false => F::ONE,
        })?;
        let w = product(self.value(), &up)?;
        // z = w/m: x/y itself when |y| < 1, x/m otherwise.
        let z: S = trunc_pr(&product(&w, inverse_m.value())?, bits + p.f + 1, p.f)?;
        // x/y = z·2^{ℓ−L} / 2^k when |y| ≥ 1, and z·2^k / 2^k (exactly z) below.
        let down = weighted(&onehot, |j| match small(j) {
            true => F::from_u128(1u128 << k),
            false => F::from_u128(1u128 << (bits - 1 - j)),
        })?;
        let quotient: S = trunc_pr(&product(&z, &down)?, bits + k, k)?;
        Ok(self.same(product(&quotient, &sign)?))
    }

    /// sign(x) = 1 − 2·\[x < 0\] and |x| = x·sign(x).
    #[track_caller]
    fn sign_and_magnitude(&self) -> Result<(S, Self)> {
        let negative = ltz(self.value(), self.precision().bits() + 1)?;
        let twice = affine(&negative, F::from_u128(2), F::ZERO);
        let sign = affine(&twice, -F::ONE, F::ONE);
        let magnitude = self.same(product(self.value(), &sign)?);
        Ok((sign, magnitude))
    }

    /// 1/m for m ∈ \[½, 1), by Newton–Raphson from y₀ = 2.9142 − 2m, where self holds
    /// m·2^extra for `extra` ≤ 1 (so that 2m is an integer multiple of it).
    #[track_caller]
    fn inverse_of_normalized(&self, extra: u32) -> Result<Self> {
        let mut y = self
            .mul_public_integer(2 >> extra)
            .sub_from_public(2.9142)?;
        for _ in 0..3 {
            y = y.try_mul(&self.try_mul_scaled(&y, extra)?.sub_from_public(2.0)?)?;
        }
        Ok(y)
    }

    /// The steps of √x: √m = m·(1/√m), times 2<sup>(L−f)/2</sup>. m is carried with two more
    /// fractional bits than f, and 1/√m is scaled by 2<sup>(L−f)/2</sup> before the product with
    /// m, so that neither rounding is multiplied by the scale.
    #[track_caller]
    pub fn sqrt(&self) -> Result<Self> {
        let p = self.precision();
        // As many extra bits as the field can mask in m·y²/2 (up to two in m, one more
        // for the halving).
        let room = spare_bits::<F>(p.bits() + p.f);
        let extra = p.k.saturating_sub(1).min(2).min(room.saturating_sub(1));
        let (onehot, m) = self.normalize(extra)?;
        // 1/√m from a quadratic start in u = 4m − 3 and two Newton steps
        // y ← y·(3/2 − m·y²/2).
        let mut y = m
            .mul_public_integer(4 >> extra)
            .sub_public(3.0)?
            .polynomial(&INVERSE_SQRT)?;
        for _ in 0..2 {
            let y2 = y.try_mul(&y)?;
            let half_my2 = match room > extra {
                true => m.try_mul_scaled(&y2, extra + 1)?,
                false => m.try_mul_scaled(&y2, extra)?.mul_public(0.5)?,
            };
            y = y.try_mul(&half_my2.sub_from_public(1.5)?)?;
        }
        // 2^{(L−f)/2}, a public function of L.
        let factor = self.same(weighted(&onehot, |j| {
            let e = (j as f64 + 1.0 - f64::from(p.f)) / 2.0;
            F::from_i128((2f64.powf(e) * 2f64.powi(p.f as i32)).round() as i128)
        })?);
        m.try_mul_scaled(&y.try_mul(&factor)?, extra)
    }

    /// The steps of ln x: ln m + (L − f)·ln 2, with u = 4m − 3 read from the normalization
    /// at f bits (m carried with two more).
    #[track_caller]
    pub fn ln(&self) -> Result<Self> {
        let p = self.precision();
        let extra = p.k.saturating_sub(1).min(2);
        let (onehot, m) = self.normalize(extra)?;
        // Horner's rule with four more bits (fewer when the field cannot mask them): u is
        // near ±1 at both ends of [½, 1), where each step's rounding would otherwise add
        // a whole ulp.
        let u = m.mul_public_integer(4 >> extra).sub_public(3.0)?;
        let ln_m = u.polynomial_wide(&LN, spare_bits::<F>(p.bits() + p.f).min(4))?;
        // (L − f)·ln 2, a public function of L.
        let exponent = self.same(weighted(&onehot, |j| {
            let e = (j as f64 + 1.0 - f64::from(p.f)) * std::f64::consts::LN_2;
            F::from_i128((e * 2f64.powi(p.f as i32)).round() as i128)
        })?);
        ln_m.try_add(&exponent)
    }

    /// x = m·2<sup>L−f</sup> for x > 0: the one-hot hⱼ = \[L = j + 1\] and m ∈ \[½, 1), whose
    /// encoding carries `extra` fractional bits beyond f (it holds m·2^extra).
    #[track_caller]
    fn normalize(&self, extra: u32) -> Result<(Vec<S>, Self)> {
        let p = self.precision();
        let bits = p.bits();
        let x = self.value();
        // bⱼ = [x̃ ≥ 2ʲ] for every bit position j.
        let mut b = Vec::with_capacity(bits as usize);
        for j in 0..bits {
            let below = ltz(&affine(x, F::ONE, -F::from_u128(1u128 << j)), bits + 1)?;
            b.push(affine(&below, -F::ONE, F::ONE));
        }
        let mut onehot = Vec::with_capacity(b.len());
        for j in 0..b.len() {
            onehot.push(match b.get(j + 1) {
                Some(next) => difference(&b[j], next)?,
                None => affine(&b[j], F::ONE, F::ZERO),
            });
        }
        // m̃ = x̃·2^{ℓ−L} ∈ [2^{ℓ−1}, 2^ℓ), then m = m̃ / 2^{ℓ−f−extra} in fixed point.
        let shift = weighted(&onehot, |j| F::from_u128(1u128 << (bits - 1 - j)))?;
        let m = trunc_pr(&product(x, &shift)?, bits + 1, bits - p.f - extra)?;
        Ok((onehot, self.same(m)))
    }
}

/// Σⱼ hⱼ·w(j): a public linear combination of shared values (free).
fn weighted<F: TinyField, S: SharedValue<F>>(h: &[S], w: impl Fn(u32) -> F) -> Result<S> {
    let mut acc = affine(&h[0], w(0), F::ZERO);
    for (j, hj) in h.iter().enumerate().skip(1) {
        acc = sum(&acc, &affine(hj, w(j as u32), F::ZERO))?;
    }
    Ok(acc)
}
