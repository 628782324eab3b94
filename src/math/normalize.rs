//! Functions through normalization, x = m·2^{L−f} with m ∈ [½, 1): the reciprocal and √x
//! by Newton–Raphson on m, ln x by a polynomial for ln m; the exponent L − f enters as a
//! public function of the one-hot hⱼ = [L = j + 1].

use super::encoded::{Encoded, affine, difference, product, sum};
use crate::circuits::comparison::ltz;
use crate::circuits::truncation::trunc_pr;
use crate::error::Result;
use crate::field::TinyField;
use crate::handle::Shares;

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

impl<F: TinyField, S: Shares<F>> Encoded<F, S> {
    /// The steps of 1/x: sign(x)·1/|x|, with 1/|x| = (1/m)·2^{f−L}.
    #[track_caller]
    pub fn reciprocal(&self) -> Result<Self> {
        let p = self.precision();
        let negative = ltz(self.value(), p.bits() + 1)?;
        // sign(x) = 1 − 2·[x < 0].
        let twice = affine(&negative, F::from_u128(2), F::ZERO);
        let sign = affine(&twice, -F::ONE, F::ONE);
        let magnitude = self.same(product(self.value(), &sign)?);
        let (onehot, m) = magnitude.normalize()?;
        // Newton–Raphson for 1/m from y₀ = 2.9142 − 2m.
        let mut y = m.mul_int(2).public_sub(2.9142)?;
        for _ in 0..3 {
            y = y.try_mul(&m.try_mul(&y)?.public_sub(2.0)?)?;
        }
        // 1/x = (1/m)·2^{f−L} = (1/m)·2^{ℓ−L} / 2^{ℓ−f}.
        let shift = weighted(&onehot, |j| F::from_u128(1u128 << (p.bits() - 1 - j)))?;
        let scaled = product(y.value(), &shift)?;
        let inverse: S = trunc_pr(&scaled, p.bits() + p.f + 2, p.bits() - p.f)?;
        Ok(self.same(product(&inverse, &sign)?))
    }

    /// The steps of √x: √m = m·(1/√m), times 2^{(L−f)/2}.
    #[track_caller]
    pub fn sqrt(&self) -> Result<Self> {
        let p = self.precision();
        let (onehot, m) = self.normalize()?;
        // 1/√m from a quadratic start and two Newton steps, then √m = m·(1/√m).
        let mut y = m.mul_int(4).sub_public(3.0)?.polynomial(&INVERSE_SQRT)?;
        for _ in 0..2 {
            let my2 = m.try_mul(&y.try_mul(&y)?)?;
            y = y.try_mul(&my2.mul_public(0.5)?.public_sub(1.5)?)?;
        }
        let root_m = m.try_mul(&y)?;
        // √x = √m·2^{(L−f)/2}, a public function of L.
        let factor = self.same(weighted(&onehot, |j| {
            let e = (j as f64 + 1.0 - f64::from(p.f)) / 2.0;
            F::from_i128((2f64.powf(e) * 2f64.powi(p.f as i32)).round() as i128)
        })?);
        root_m.try_mul(&factor)
    }

    /// The steps of ln x: ln m + (L − f)·ln 2.
    #[track_caller]
    pub fn ln(&self) -> Result<Self> {
        let p = self.precision();
        let (onehot, m) = self.normalize()?;
        let ln_m = m.mul_int(4).sub_public(3.0)?.polynomial(&LN)?;
        // (L − f)·ln 2, a public function of L.
        let exponent = self.same(weighted(&onehot, |j| {
            let e = (j as f64 + 1.0 - f64::from(p.f)) * std::f64::consts::LN_2;
            F::from_i128((e * 2f64.powi(p.f as i32)).round() as i128)
        })?);
        ln_m.try_add(&exponent)
    }

    /// x = m·2^{L−f} for x > 0: the one-hot hⱼ = [L = j + 1] and m ∈ [½, 1).
    #[track_caller]
    fn normalize(&self) -> Result<(Vec<S>, Self)> {
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
        // m̃ = x̃·2^{ℓ−L} ∈ [2^{ℓ−1}, 2^ℓ), then m = m̃ / 2^{ℓ−f} in fixed point.
        let shift = weighted(&onehot, |j| F::from_u128(1u128 << (bits - 1 - j)))?;
        let m = trunc_pr(&product(x, &shift)?, bits + 1, bits - p.f)?;
        Ok((onehot, self.same(m)))
    }
}

/// Σⱼ hⱼ·w(j): a public linear combination of shared values (free).
fn weighted<F: TinyField, S: Shares<F>>(h: &[S], w: impl Fn(u32) -> F) -> Result<S> {
    let mut acc = affine(&h[0], w(0), F::ZERO);
    for (j, hj) in h.iter().enumerate().skip(1) {
        acc = sum(&acc, &affine(hj, w(j as u32), F::ZERO))?;
    }
    Ok(acc)
}
