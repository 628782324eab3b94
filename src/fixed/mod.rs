//! Fixed-point numbers: reals as integers scaled by 2^f, with the scale tracked by the type.
//!
//! # The math
//!
//! A real x is stored as the integer x̃ = round(x·2^f), with f fractional bits. Addition
//! is exact: x̃ + ỹ is the encoding of x + y. A product x̃·ỹ = (x·y)·2<sup>2f</sup> carries the scale
//! twice, so every fixed-point multiplication is followed by a truncation by f bits
//! ([`crate::circuits::truncation`]). Probabilistic truncation rounds up with probability
//! equal to the dropped fraction, so each product is off by less than one unit in the last
//! place, 2⁻ᶠ (≈ 1.5·10⁻⁵ for f = 16), and unbiased on average.
//!
//! The declared range k bounds the integer part: values must satisfy |x| < 2<sup>k−1</sup>, so
//! that x̃ has at most ℓ = k + f bits and a product before truncation at most k + 2f bits;
//! with κ = 40 bits of masking that must stay below the field's 126 (k + 2f + 41 ≤ 126).
//!
//! Every multiplication also multiplies what is already there: a value carries its own
//! error, and x·y has error about |x|·εᵧ + |y|·εₓ + 2⁻ᶠ.

mod compare;
pub(crate) mod family;
mod follow;
mod ops;
mod precision;
mod private;
mod shadow;
mod shared;

pub use compare::FixedComparand;
pub use precision::Precision;
pub use private::PrivateFixed;
pub(crate) use shadow::{BitOutcome, Domain, Outcome, as_bit, judge, judge_bits};
pub use shared::SharedFixed;
