//! Division and a math library for shared fixed-point numbers.
//!
//! # The methods
//!
//! - **Polynomials** are evaluated by Horner's rule on u, the input mapped to [−1, 1], so
//!   every coefficient is of a size fixed point represents well.
//! - **Normalization.** For x > 0, comparisons bⱼ = [x̃ ≥ 2ʲ] for every bit position j give
//!   a one-hot hⱼ = bⱼ − bⱼ₊₁ at the bit length L of x̃ = x·2ᶠ. Then x = m·2^{L−f} with
//!   m ∈ [½, 1): m comes from the integer product x̃·2^{ℓ−L} (no precision lost) truncated
//!   to f bits, and any function of the exponent L − f is a public linear combination of
//!   the hⱼ. This costs ℓ = k + f comparisons; it is the price of a data-independent
//!   initial approximation (Catrina and Saxena 2010 use the same normalization).
//! - **Newton–Raphson** refines 1/m from y₀ = 2.9142 − 2m (relative error ≤ 0.086 on
//!   [½, 1)): yᵢ₊₁ = yᵢ·(2 − m·yᵢ) squares the error, three steps reach fixed-point
//!   precision. 1/√m likewise, from a quadratic start, with yᵢ₊₁ = yᵢ·(3 − m·yᵢ²)/2.
//!
//! # Domains and error bounds (default precision f = 16, k = 32)
//!
//! | function | domain | error inside the domain |
//! |---|---|---|
//! | [`reciprocal`](crate::SharedFixed::reciprocal), `x / y` | x ≠ 0 | ≈ 2·2⁻ᶠ relative to 1/x, plus one ulp |
//! | [`sqrt`](crate::SharedFixed::sqrt) | x ≥ 0 | ≈ 2⁻ᶠ relative, plus one ulp |
//! | [`ln`](crate::SharedFixed::ln) | x > 0 | ≈ 4 ulps (polynomial error 2.2·10⁻⁷) |
//! | [`exp`](crate::SharedFixed::exp) | [−f·ln 2, (k − 1)·ln 2) ≈ [−11.1, 21.5) | ≈ 4·2⁻ᶠ relative, plus one ulp |
//! | [`sigmoid`](crate::SharedFixed::sigmoid) | all reals | 4·10⁻³ (degree-9 polynomial on [−6, 6], clamped outside) |
//! | [`tanh`](crate::SharedFixed::tanh) | all reals | 8·10⁻³ (2·σ(2x) − 1) |
//!
//! Outside its domain a function returns a wrong number: reciprocal of 0 gives 0, ln of
//! 0 and ln or sqrt of a negative number give garbage, exp overflows its range. A
//! simulation with the [shadow](crate::shadow) reports every such input.
//!
//! # Security note
//!
//! Everything is built from additions, multiplications, truncations and comparisons, so
//! nothing is opened that is not masked. The number of operations depends only on the
//! precision, never on the input.
//!
//! # References
//!
//! - O. Catrina, A. Saxena, *Secure Computation with Fixed-Point Numbers*, FC 2010
//!   (normalization and Newton–Raphson reciprocal).
//! - M. Aliasgari, M. Blanton, Y. Zhang, A. Steele, *Secure Computation on Floating Point
//!   Numbers*, NDSS 2013 (square roots, logarithms and exponentials by polynomials).

use crate::circuits::comparison::ltz;
use crate::circuits::truncation::{trunc, trunc_pr};
use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::fixed::{Domain, Precision, SharedFixed};
use crate::shared::SharedScalar;

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

/// Generates a function's panicking method and its `try_` twin, which runs the function's
/// steps on an untracked copy and lets the shadow follow the whole function as one
/// operation.
macro_rules! function {
    (
        $(#[$doc:meta])* $name:ident, $try_name:ident, steps = $steps:ident,
        exact = $exact:expr, domain = $domain:expr
    ) => {
        $(#[$doc])*
        ///
        /// See the [module docs](crate::math) for its domain and error bound.
        ///
        /// # Panics
        ///
        /// When too few holders answer or the field is too small; the `try_` twin returns
        /// the error instead.
        #[track_caller]
        pub fn $name(&self) -> Self {
            or_panic(self.$try_name())
        }

        #[doc = concat!("[`", stringify!($name), "`](Self::", stringify!($name), "), returning an error instead of panicking.")]
        #[track_caller]
        pub fn $try_name(&self) -> Result<Self> {
            let result = self.same(self.encoded().clone()).$steps()?;
            let domain: fn(Precision) -> Domain = $domain;
            let exact: fn(f64) -> f64 = $exact;
            let name = stringify!($name);
            Ok(result.follow(name, [self], |[x]| exact(x), domain(self.precision())))
        }
    };
}

impl<F: TinyField> SharedFixed<F> {
    function!(
        /// The logistic function σ(x) = 1 / (1 + e⁻ˣ).
        sigmoid, try_sigmoid, steps = sigmoid_steps,
        exact = |x| 1.0 / (1.0 + (-x).exp()), domain = |_| Domain::All
    );
    function!(
        /// The hyperbolic tangent, 2·σ(2x) − 1.
        tanh, try_tanh, steps = tanh_steps, exact = f64::tanh, domain = |_| Domain::All
    );
    function!(
        /// 1/x, by normalization and Newton–Raphson.
        reciprocal, try_reciprocal, steps = reciprocal_steps,
        exact = f64::recip, domain = |_| Domain::NonZero
    );
    function!(
        /// √x, by normalization and Newton–Raphson on 1/√m.
        sqrt, try_sqrt, steps = sqrt_steps, exact = f64::sqrt, domain = |_| Domain::NonNegative
    );
    function!(
        /// The natural logarithm, by normalization and a polynomial for ln m.
        ln, try_ln, steps = ln_steps, exact = f64::ln, domain = |_| Domain::Positive
    );
    function!(
        /// eˣ = 2^{x·log₂e}: the integer part of the exponent by exact truncation, the
        /// fraction by a polynomial.
        exp, try_exp, steps = exp_steps, exact = f64::exp, domain = exp_domain
    );

    /// `self / other` for a shared divisor: `self · other.reciprocal()`.
    ///
    /// # Errors
    ///
    /// As [`try_reciprocal`](Self::try_reciprocal) and [`try_mul`](Self::try_mul).
    #[track_caller]
    pub fn try_div(&self, other: &Self) -> Result<Self> {
        self.check(other)?;
        let x = self.same(self.encoded().clone());
        let quotient = x.try_mul(&other.same(other.encoded().clone()).reciprocal_steps()?)?;
        let domain = Domain::NonZero;
        Ok(quotient.follow("÷", [self, other], |[x, y]| x / y, domain))
    }

    /// The steps of [`sigmoid`](Self::sigmoid).
    #[track_caller]
    fn sigmoid_steps(&self) -> Result<Self> {
        let u = self.try_mul_public(1.0 / 6.0)?;
        let inside = &u.try_odd_polynomial(&SIGMOID)? + 0.5;
        // Clamp: 0 below −6, 1 above 6.
        let below = self.try_less_than(-6.0)?;
        let above = (-self).try_less_than(-6.0)?;
        let zero = inside.same(inside.encoded().affine(F::ZERO, F::ZERO));
        let one = &zero + 1;
        let clamped = Self::try_select(&above, &one, &inside)?;
        Self::try_select(&below, &zero, &clamped)
    }

    /// The steps of [`tanh`](Self::tanh).
    #[track_caller]
    fn tanh_steps(&self) -> Result<Self> {
        Ok(&((self * 2).sigmoid_steps()? * 2) - 1)
    }

    /// The steps of [`reciprocal`](Self::reciprocal).
    #[track_caller]
    fn reciprocal_steps(&self) -> Result<Self> {
        // 1/x = sign(x)·1/|x|.
        let negative = ltz(self.encoded(), self.precision().bits() + 1)?;
        let sign = 1 - &(&negative * 2);
        let magnitude = self.same(self.encoded().try_mul(&sign)?);
        let (onehot, m) = magnitude.normalize()?;
        // Newton–Raphson for 1/m from y₀ = 2.9142 − 2m.
        let mut y = 2.9142 - &(&m * 2);
        for _ in 0..3 {
            y = y.try_mul(&(2.0 - &m.try_mul(&y)?))?;
        }
        // 1/x = (1/m)·2^{f−L} = (1/m)·2^{ℓ−L} / 2^{ℓ−f}.
        let p = self.precision();
        let shift = weighted(&onehot, |j| F::from_u128(1u128 << (p.bits() - 1 - j)));
        let scaled = y.encoded().try_mul(&shift)?;
        let inverse = trunc_pr(&scaled, p.bits() + p.f + 2, p.bits() - p.f)?;
        Ok(self.same(inverse.try_mul(&sign)?))
    }

    /// The steps of [`sqrt`](Self::sqrt).
    #[track_caller]
    fn sqrt_steps(&self) -> Result<Self> {
        let p = self.precision();
        let (onehot, m) = self.normalize()?;
        // 1/√m from a quadratic start and two Newton steps, then √m = m·(1/√m).
        let u = &(&m * 4) - 3;
        let mut y = u.try_polynomial(&INVERSE_SQRT)?;
        for _ in 0..2 {
            let my2 = m.try_mul(&y.try_mul(&y)?)?;
            y = y.try_mul(&(1.5 - &(&my2 * 0.5)))?;
        }
        let root_m = m.try_mul(&y)?;
        // √x = √m·2^{(L−f)/2}, a public function of L.
        let factor = self.same(weighted(&onehot, |j| {
            let e = (j as f64 + 1.0 - f64::from(p.f)) / 2.0;
            F::from_i128((2f64.powf(e) * 2f64.powi(p.f as i32)).round() as i128)
        }));
        root_m.try_mul(&factor)
    }

    /// The steps of [`ln`](Self::ln).
    #[track_caller]
    fn ln_steps(&self) -> Result<Self> {
        let p = self.precision();
        let (onehot, m) = self.normalize()?;
        let ln_m = (&(&m * 4) - 3).try_polynomial(&LN)?;
        // (L − f)·ln 2, a public function of L.
        let exponent = self.same(weighted(&onehot, |j| {
            let e = (j as f64 + 1.0 - f64::from(p.f)) * std::f64::consts::LN_2;
            F::from_i128((e * 2f64.powi(p.f as i32)).round() as i128)
        }));
        Ok(&ln_m + &exponent)
    }

    /// The steps of [`exp`](Self::exp).
    #[track_caller]
    fn exp_steps(&self) -> Result<Self> {
        let p = self.precision();
        // y = x·log₂e = I + F with I = ⌊y⌋ (exact truncation) and F ∈ [0, 1).
        let y = self.try_mul_public(std::f64::consts::LOG2_E)?;
        let whole = trunc(y.encoded(), p.bits() + 1, p.f)?;
        let fraction = y.same(y.encoded() - &(&whole * F::from_u128(1u128 << p.f)));
        let two_to_fraction = (&(&fraction * 2) - 1).try_polynomial(&EXP2)?;
        // 2^I by a one-hot over the exponents that fixed point can hold: gₜ = [I ≥ t].
        let range: Vec<i64> = (-(p.f as i64)..p.k as i64 - 1).collect();
        let at_least: Vec<SharedScalar<F>> = range
            .iter()
            .map(|&t| Ok(1 - &ltz(&(&whole - t), 8)?))
            .collect::<Result<_>>()?;
        let zero = whole.affine(F::ZERO, F::ZERO);
        let mut two_to_whole = zero.clone();
        for (i, &t) in range.iter().enumerate() {
            let next = at_least.get(i + 1).unwrap_or(&zero);
            let onehot = &at_least[i] - next;
            two_to_whole = &two_to_whole + &(&onehot * F::from_u128(1u128 << (t + i64::from(p.f))));
        }
        two_to_fraction.try_mul(&self.same(two_to_whole))
    }

    /// x = m·2^{L−f} for x > 0: the one-hot hⱼ = [L = j + 1] and m ∈ [½, 1).
    #[track_caller]
    fn normalize(&self) -> Result<(Vec<SharedScalar<F>>, Self)> {
        let p = self.precision();
        let bits = p.bits();
        let x = self.encoded();
        // bⱼ = [x̃ ≥ 2ʲ] for every bit position j.
        let b: Vec<SharedScalar<F>> = (0..bits)
            .map(|j| Ok(1 - &ltz(&(x - F::from_u128(1u128 << j)), bits + 1)?))
            .collect::<Result<_>>()?;
        let onehot: Vec<SharedScalar<F>> = (0..b.len())
            .map(|j| {
                if j + 1 < b.len() {
                    &b[j] - &b[j + 1]
                } else {
                    b[j].clone()
                }
            })
            .collect();
        // m̃ = x̃·2^{ℓ−L} ∈ [2^{ℓ−1}, 2^ℓ), then m = m̃ / 2^{ℓ−f} in fixed point.
        let shift = weighted(&onehot, |j| F::from_u128(1u128 << (bits - 1 - j)));
        let m = trunc_pr(&x.try_mul(&shift)?, bits + 1, bits - p.f)?;
        Ok((onehot, self.same(m)))
    }

    /// Horner's rule for Σ cᵢ·selfⁱ.
    #[track_caller]
    fn try_polynomial(&self, coefficients: &[f64]) -> Result<Self> {
        let (last, rest) = coefficients.split_last().expect("at least one coefficient");
        let mut acc = &self.same(self.encoded().affine(F::ZERO, F::ZERO)) + *last;
        for &c in rest.iter().rev() {
            acc = &acc.try_mul(self)? + c;
        }
        Ok(acc)
    }

    /// Σ cᵢ·self^{2i+1}, by Horner's rule in self².
    #[track_caller]
    fn try_odd_polynomial(&self, coefficients: &[f64]) -> Result<Self> {
        self.try_mul(&self.try_mul(self)?.try_polynomial(coefficients)?)
    }
}

/// [−f·ln 2, (k − 1)·ln 2): where eˣ is neither below one unit in the last place nor
/// beyond the range.
fn exp_domain(p: Precision) -> Domain {
    let ln2 = std::f64::consts::LN_2;
    Domain::Interval(-f64::from(p.f) * ln2, f64::from(p.k - 1) * ln2)
}

/// Σⱼ hⱼ·w(j): a public linear combination of shared values.
fn weighted<F: TinyField>(h: &[SharedScalar<F>], w: impl Fn(u32) -> F) -> SharedScalar<F> {
    let mut acc = &h[0] * w(0);
    for (j, hj) in h.iter().enumerate().skip(1) {
        acc = &acc + &(hj * w(j as u32));
    }
    acc
}
