//! Functions by a polynomial on a small interval: the sigmoid (clamped outside [−6, 6]),
//! tanh from the sigmoid (clamped outside [−3, 3]), and eˣ = 2^I·2^F (the fraction F by a
//! polynomial, the integer part I by exact truncation, clamped at −f − 1, and a one-hot
//! over the exponents fixed point can hold).

use super::encoded::Encoded;
use crate::circuits::comparison::ltz;
use crate::circuits::truncation::{trunc, trunc_pr};
use crate::error::Result;
use crate::field::TinyField;
use crate::handle::SharedValue;
use crate::handle::{affine, difference, product, sum};
use crate::masking::spare_bits;

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

impl<F: TinyField, S: SharedValue<F>> Encoded<F, S> {
    /// The steps of the sigmoid: the polynomial on u = x/6, then 0 below −6 and 1 above 6.
    #[track_caller]
    pub fn sigmoid(&self) -> Result<Self> {
        self.sigmoid_of_multiple(1)
    }

    /// The steps of tanh: 2·σ(2x) − 1.
    #[track_caller]
    pub fn tanh(&self) -> Result<Self> {
        self.sigmoid_of_multiple(2)?
            .mul_public_integer(2)
            .sub_public(1.0)
    }

    /// σ(n·x) for n = 1 or 2: the polynomial on u = n·x/6, clamped by comparing x itself
    /// with ±6/n, so that n·x never has to fit a comparison (it need not fit the range).
    #[track_caller]
    fn sigmoid_of_multiple(&self, n: i32) -> Result<Self> {
        let u = self.mul_public_integer(n).mul_public(1.0 / 6.0)?;
        let inside = u.odd_polynomial(&SIGMOID)?.add_public(0.5)?;
        // Clamp: 0 below −6/n, 1 above 6/n.
        let edge = -6.0 / f64::from(n);
        let below = self.less_than(edge)?;
        let above = self.neg().less_than(edge)?;
        let zero = inside.zero();
        let one = zero.add_public(1.0)?;
        let clamped = Self::select(&above, &one, &inside)?;
        Self::select(&below, &zero, &clamped)
    }

    /// The steps of eˣ = 2<sup>x·log₂e</sup>.
    #[track_caller]
    pub fn exp(&self) -> Result<Self> {
        let p = self.precision();
        // y = x·log₂e = I + F with I = ⌊y⌋ (exact truncation) and F ∈ [0, 1). log₂e is
        // carried with g more bits than f (as many as the field allows, up to f), so its
        // rounding, times |x|, stays below an ulp of y over the whole range of x. The
        // product takes ℓ + f + g + 1 bits; a field with no bit to spare beyond ℓ + f
        // gets g = 0 and ℓ + f, enough for |x| < 2^{k−1}/log₂e.
        let room = spare_bits::<F>(p.bits() + p.f);
        let g = p.f.min(room.saturating_sub(1));
        let log2e = (std::f64::consts::LOG2_E * 2f64.powi((p.f + g) as i32)).round();
        let scaled = affine(self.value(), F::from_i128(log2e as i128), F::ZERO);
        let width = p.bits() + p.f + g + u32::from(room > 0);
        let y = self.same(trunc_pr(&scaled, width, p.f + g)?);
        let whole: S = trunc(y.value(), p.bits() + 1, p.f)?;
        let whole_scaled = affine(&whole, F::from_u128(1u128 << p.f), F::ZERO);
        let fraction = y.same(difference(y.value(), &whole_scaled)?);
        let two_to_fraction = fraction
            .mul_public_integer(2)
            .sub_public(1.0)?
            .polynomial(&EXP2)?;
        // Below −f, 2^I·2^F < 2⁻ᶠ rounds to 0: I is clamped to −f − 1 there, so that the
        // short comparisons below see a small number whatever x is.
        let lowest = -i128::from(p.f) - 1;
        let underflow = ltz(&affine(&whole, F::ONE, -F::from_i128(lowest + 1)), p.k + 2)?;
        let to_lowest = affine(&whole, -F::ONE, F::from_i128(lowest));
        let whole = sum(&whole, &product(&underflow, &to_lowest)?)?;
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
