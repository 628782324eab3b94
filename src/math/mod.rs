//! Division and a math library for shared fixed-point numbers, one at a time
//! ([`SharedFixed`]) or element by element ([`SharedFixedVector`]).
//!
//! # The methods
//!
//! - **Polynomials** are evaluated by Horner's rule on u, the input mapped to [−1, 1], so
//!   every coefficient is of a size fixed point represents well.
//! - **Normalization.** For x > 0, comparisons bⱼ = [x̃ ≥ 2ʲ] for every bit position j give
//!   a one-hot hⱼ = bⱼ − bⱼ₊₁ at the bit length L of x̃ = x·2ᶠ. Then x = m·2<sup>L−f</sup> with
//!   m ∈ [½, 1): m comes from the integer product x̃·2<sup>ℓ−L</sup> (no precision lost) truncated
//!   to f bits, and any function of the exponent L − f is a public linear combination of
//!   the hⱼ. This costs ℓ = k + f comparisons; it is the price of a data-independent
//!   initial approximation (Catrina and Saxena 2010 use the same normalization).
//! - **Newton–Raphson** refines 1/m from y₀ = 2.9142 − 2m (relative error ≤ 0.086 on
//!   [½, 1)): yᵢ₊₁ = yᵢ·(2 − m·yᵢ) squares the error, three steps reach fixed-point
//!   precision. 1/√m likewise, from a quadratic start, with yᵢ₊₁ = yᵢ·(3 − m·yᵢ²)/2.
//! - **Division** x / y = sign(y)·(x/m)·2<sup>f−L</sup> never rounds 1/y to f bits: for |y| < 1
//!   x is multiplied by the integer 2<sup>f−L</sup> first, exactly; for |y| ≥ 1 x/m is divided by
//!   2<sup>L−f</sup> last, by one truncation of ℓ + k bits. So the quotient keeps a relative
//!   error whatever the size of y (the field must mask ℓ + k bits: 2k + f + 41 ≤ 126;
//!   for wider formats x / y is x·(1/y), with the reciprocal's absolute ulp times |x|).
//! - **Extra bits.** m is read from the normalization with one (division) or two (√x,
//!   ln) bits beyond f, ln's polynomial runs with four more, and eˣ carries log₂e to 2f
//!   bits, so that no rounding is multiplied by the scale of the result.
//!
//! Each function's steps are written once, on shared encodings of one lane or many:
//! `encoded.rs` holds the fixed-point arithmetic they use, `polynomial.rs` the sigmoid,
//! tanh and exp, `normalize.rs` the reciprocal, division, √x and ln. A vector runs every
//! step for all its elements at once, so a function of n elements takes the rounds of one
//! scalar call and n times its triples.
//!
//! # Domains and error bounds (default precision f = 16, k = 32)
//!
//! Against the `f64` function of the encoded input, with 2⁻ᶠ the ulp; every bound holds
//! over the whole domain, in the range of fixed point (|x| < 2<sup>k−1</sup>).
//!
//! | function | domain | error inside the domain |
//! |---|---|---|
//! | [`reciprocal`](crate::SharedFixed::reciprocal) | x ≠ 0 | ≤ 2·2⁻ᶠ/\|x\| + 2⁻ᶠ (2·2⁻ᶠ relative to 1/x, plus one ulp) |
//! | `x / y` | y ≠ 0, \|x/y\| < 2<sup>k−1</sup> | ≤ 2·2⁻ᶠ·\|x/y\| + 2·2⁻ᶠ (2·2⁻ᶠ relative, plus two ulps) |
//! | `x / d`, public d | d ≠ 0, \|d\| < 2^ℓ, \|x/d\| < 2<sup>k−1</sup> | ≤ 2⁻ᶠ·\|x/d\| + 2⁻ᶠ |
//! | [`sqrt`](crate::SharedFixed::sqrt) | x ≥ 0 | ≤ 2·2⁻ᶠ·√x + 2·2⁻ᶠ |
//! | [`ln`](crate::SharedFixed::ln) | x > 0 | ≤ 3·2⁻ᶠ (polynomial error 2.2·10⁻⁷) |
//! | [`exp`](crate::SharedFixed::exp) | x < (k − 1)·ln 2 ≈ 21.5 | ≤ 4·2⁻ᶠ·eˣ + 2⁻ᶠ; 0 below −(f + 1)·ln 2 ≈ −11.8 |
//! | [`sigmoid`](crate::SharedFixed::sigmoid) | all reals | 4·10⁻³ (degree-9 polynomial on [−6, 6], clamped outside) |
//! | [`tanh`](crate::SharedFixed::tanh) | all reals | 8·10⁻³ (2·σ(2x) − 1, clamped outside [−3, 3]) |
//!
//! The same domains and bounds hold for a vector element by element:
//! [`SharedFixedVector::sigmoid`](crate::SharedFixedVector::sigmoid) and the others, and
//! [`SharedFixedVector::div`](crate::SharedFixedVector::div) for `x / y`.
//!
//! Outside its domain a function returns a wrong number: reciprocal of 0 gives 0, ln of
//! 0 and ln or sqrt of a negative number give garbage, exp from (k − 1)·ln 2 on
//! overflows the range. A
//! simulation with the [shadow](crate::shadow) reports every such input, in a vector
//! naming the first lane that holds one.
//!
//! # Security note
//!
//! Everything is built from additions, multiplications, truncations and comparisons, so
//! nothing is opened that is not masked. The number of operations depends only on the
//! precision, never on the input. A vector's elements have their own triples and masks,
//! so its openings reveal what n scalar calls' would.
//!
//! # References
//!
//! - O. Catrina, A. Saxena, *Secure Computation with Fixed-Point Numbers*, FC 2010
//!   (normalization and Newton–Raphson reciprocal).
//! - M. Aliasgari, M. Blanton, Y. Zhang, A. Steele, *Secure Computation on Floating Point
//!   Numbers*, NDSS 2013 (square roots, logarithms and exponentials by polynomials).

mod encoded;
mod normalize;
mod polynomial;

use std::ops::Div;

use encoded::Encoded;

use crate::error::{Result, or_panic};
use crate::field::TinyField;
use crate::fixed::{Domain, Precision, SharedFixed};
use crate::handle::SharedValue;
use crate::vector::SharedFixedVector;

/// Generates a function's panicking method and its `try_` twin, for [`SharedFixed`] and
/// [`SharedFixedVector`] alike: the steps (the [`Encoded`] method of the same name) run on
/// an untracked copy, and the shadow follows the whole function as one operation.
macro_rules! function {
    ($(#[$doc:meta])* $name:ident, $try_name:ident, exact = $exact:expr, domain = $domain:expr) => {
        $(#[$doc])*
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
            let steps = Encoded::new(self.encoded().clone(), self.precision());
            let result = self.same(steps.$name()?.into_value());
            let domain: fn(Precision) -> Domain = $domain;
            let exact: fn(f64) -> f64 = $exact;
            let name = stringify!($name);
            Ok(result.follow(name, [self], |[x]| exact(x), domain(self.precision())))
        }
    };
}

/// Generates every function for [`SharedFixed`] and [`SharedFixedVector`], from one
/// table: the name, the scalar's doc, the vector's, the exact `f64` function and the
/// domain of its error bound.
macro_rules! functions {
    ($($name:ident, $try_name:ident, scalar = $scalar:literal, vector = $vector:literal,
       exact = $exact:expr, domain = $domain:expr;)*) => {
        impl<F: TinyField> SharedFixed<F> {
            $(function!(
                #[doc = $scalar]
                ///
                /// See the [module docs](crate::math) for its domain and error bound.
                $name, $try_name, exact = $exact, domain = $domain
            );)*
        }

        impl<F: TinyField> SharedFixedVector<F> {
            $(function!(
                #[doc = $vector]
                ///
                #[doc = concat!("Element by element as [`SharedFixed::", stringify!($name), "`]:")]
                /// the same domain and error bound (see the [module docs](crate::math)), in the
                /// rounds of one call and n times its triples.
                $name, $try_name, exact = $exact, domain = $domain
            );)*
        }
    };
}

functions! {
    sigmoid, try_sigmoid,
        scalar = "The logistic function σ(x) = 1 / (1 + e⁻ˣ).",
        vector = "The logistic function σ(xᵢ) = 1 / (1 + e<sup>−xᵢ</sup>) of every element.",
        exact = |x| 1.0 / (1.0 + (-x).exp()), domain = |_| Domain::All;
    tanh, try_tanh,
        scalar = "The hyperbolic tangent, 2·σ(2x) − 1.",
        vector = "The hyperbolic tangent of every element.",
        exact = f64::tanh, domain = |_| Domain::All;
    reciprocal, try_reciprocal,
        scalar = "1/x, by normalization and Newton–Raphson.",
        vector = "1/xᵢ for every element.",
        exact = f64::recip, domain = |_| Domain::NonZero;
    sqrt, try_sqrt,
        scalar = "√x, by normalization and Newton–Raphson on 1/√m.",
        vector = "√xᵢ for every element.",
        exact = f64::sqrt, domain = |_| Domain::NonNegative;
    ln, try_ln,
        scalar = "The natural logarithm, by normalization and a polynomial for ln m.",
        vector = "The natural logarithm of every element.",
        exact = f64::ln, domain = |_| Domain::Positive;
    exp, try_exp,
        scalar = "eˣ = 2<sup>x·log₂e</sup>: the integer part of the exponent by exact truncation, \
                  the fraction by a polynomial.",
        vector = "e<sup>xᵢ</sup> for every element.",
        exact = f64::exp, domain = exp_domain;
}

impl<F: TinyField> SharedFixed<F> {
    /// `self / other` for a shared divisor: `self · other.reciprocal()`.
    ///
    /// # Errors
    ///
    /// As [`try_mul`](Self::try_mul) when the operands cannot be combined, checked before
    /// any step runs; otherwise as [`try_reciprocal`](Self::try_reciprocal).
    #[track_caller]
    pub fn try_div(&self, other: &Self) -> Result<Self> {
        self.check_operands(other)?;
        self.encoded()
            .handle()
            .check_operands(other.encoded().handle())?;
        let x = Encoded::new(self.encoded().clone(), self.precision());
        let y = Encoded::new(other.encoded().clone(), other.precision());
        let quotient = self.same(x.divide(&y)?.into_value());
        Ok(quotient.follow("÷", [self, other], |[x, y]| x / y, Domain::NonZero))
    }
}

/// x < (k − 1)·ln 2, where eˣ is not beyond the range; below −f·ln 2 the result is 0,
/// within an ulp of eˣ.
fn exp_domain(p: Precision) -> Domain {
    let ln2 = std::f64::consts::LN_2;
    let lowest = -(2f64.powi(p.k as i32 - 1));
    Domain::Interval(lowest, f64::from(p.k - 1) * ln2)
}

impl<F: TinyField> SharedFixedVector<F> {
    /// selfᵢ / otherᵢ for every element: `self · other.reciprocal()`, in the rounds of one
    /// [`SharedFixed`] division and n times its triples.
    ///
    /// # Panics
    ///
    /// When the operands cannot be combined (different lengths, precisions, holders or
    /// simulations) or too few holders answer; [`try_div`](Self::try_div) returns the
    /// error instead.
    #[track_caller]
    pub fn div(&self, other: &Self) -> Self {
        or_panic(self.try_div(other))
    }

    /// [`div`](Self::div), returning an error instead of panicking.
    ///
    /// # Errors
    ///
    /// [`Error::PrecisionMismatch`](crate::Error::PrecisionMismatch),
    /// [`Error::LengthMismatch`](crate::Error::LengthMismatch),
    /// [`Error::HolderMismatch`](crate::Error::HolderMismatch) or
    /// [`Error::SimulationMismatch`](crate::Error::SimulationMismatch) when the operands
    /// cannot be combined, checked before any step runs; otherwise as
    /// [`try_reciprocal`](Self::try_reciprocal).
    #[track_caller]
    pub fn try_div(&self, other: &Self) -> Result<Self> {
        self.check_operands(other)?;
        self.encoded().check_operands(other.encoded())?;
        let x = Encoded::new(self.encoded().clone(), self.precision());
        let y = Encoded::new(other.encoded().clone(), other.precision());
        let quotient = self.same(x.divide(&y)?.into_value());
        Ok(quotient.follow("÷", [self, other], |[x, y]| x / y, Domain::NonZero))
    }
}

/// `x / y` element by element: see [`SharedFixedVector::div`].
///
/// # Panics
///
/// As [`SharedFixedVector::div`].
impl<F: TinyField> Div<&SharedFixedVector<F>> for &SharedFixedVector<F> {
    type Output = SharedFixedVector<F>;
    #[track_caller]
    fn div(self, y: &SharedFixedVector<F>) -> SharedFixedVector<F> {
        or_panic(self.try_div(y))
    }
}
