//! Functions by a polynomial on a small interval: the sigmoid (clamped outside [−6, 6]),
//! tanh from the sigmoid, and eˣ = 2^I·2^F (the fraction F by a polynomial, the integer
//! part I by exact truncation and a one-hot over the exponents fixed point can hold).

use super::encoded::{Encoded, affine, difference, sum};
use crate::circuits::comparison::ltz;
use crate::circuits::truncation::trunc;
use crate::error::Result;
use crate::field::TinyField;
use crate::handle::Shares;

/// σ(x) − ½ on [−6, 6] as an odd polynomial in u = x/6: coefficients of u, u³, …, u⁹.
const SIGMOID: [f64; 5] = [
    1.454_814_6,
    -3.302_615_6,
    5.534_850_3,
    -4.835_611_5,
    1.647_814_0,
];
/// 2^F for F ∈ [0, 1), in u = 2F − 1: coefficients of u⁰ … u⁵.
const EXP2: [f64; 6] = [
    1.414_213_669_1,
    0.490_129_090_2,
    0.084_930_975_0,
    0.009_811_685_0,
    0.000_855_248_9,
    0.000_059_222_1,
];

impl<F: TinyField, S: Shares<F>> Encoded<F, S> {
    /// The steps of the sigmoid: the polynomial on u = x/6, then 0 below −6 and 1 above 6.
    #[track_caller]
    pub fn sigmoid(&self) -> Result<Self> {
        let u = self.mul_public(1.0 / 6.0)?;
        let inside = u.odd_polynomial(&SIGMOID)?.add_public(0.5)?;
        // Clamp: 0 below −6, 1 above 6.
        let below = self.less_than(-6.0)?;
        let above = self.neg().less_than(-6.0)?;
        let zero = inside.zero();
        let one = zero.add_public(1.0)?;
        let clamped = Self::select(&above, &one, &inside)?;
        Self::select(&below, &zero, &clamped)
    }

    /// The steps of tanh: 2·σ(2x) − 1.
    #[track_caller]
    pub fn tanh(&self) -> Result<Self> {
        self.mul_int(2).sigmoid()?.mul_int(2).sub_public(1.0)
    }

    /// The steps of eˣ = 2^{x·log₂e}.
    #[track_caller]
    pub fn exp(&self) -> Result<Self> {
        let p = self.precision();
        // y = x·log₂e = I + F with I = ⌊y⌋ (exact truncation) and F ∈ [0, 1).
        let y = self.mul_public(std::f64::consts::LOG2_E)?;
        let whole: S = trunc(y.value(), p.bits() + 1, p.f)?;
        let whole_scaled = affine(&whole, F::from_u128(1u128 << p.f), F::ZERO);
        let fraction = y.same(difference(y.value(), &whole_scaled)?);
        let two_to_fraction = fraction.mul_int(2).sub_public(1.0)?.polynomial(&EXP2)?;
        // 2^I by a one-hot over the exponents that fixed point can hold: gₜ = [I ≥ t].
        let range: Vec<i64> = (-(p.f as i64)..p.k as i64 - 1).collect();
        let mut at_least = Vec::with_capacity(range.len());
        for &t in &range {
            let below = ltz(&affine(&whole, F::ONE, -F::from_i128(i128::from(t))), 8)?;
            at_least.push(affine(&below, -F::ONE, F::ONE));
        }
        let zero = affine(&whole, F::ZERO, F::ZERO);
        let mut two_to_whole = affine(&zero, F::ONE, F::ZERO);
        for (i, &t) in range.iter().enumerate() {
            let next = at_least.get(i + 1).unwrap_or(&zero);
            let onehot = difference(&at_least[i], next)?;
            let power = F::from_u128(1u128 << (t + i64::from(p.f)));
            two_to_whole = sum(&two_to_whole, &affine(&onehot, power, F::ZERO))?;
        }
        two_to_fraction.try_mul(&self.same(two_to_whole))
    }
}
