//! Prime fields: where every share, triple and opened value lives.
//!
//! # The math
//!
//! All arithmetic happens in 𝔽ₚ, the integers modulo a prime p. A signed integer x with
//! |x| < p is encoded as x mod p, so a negative x becomes p − x. Decoding picks the
//! *centred* representative: the element v is read as v when v ≤ (p − 1)/2 and as v − p
//! otherwise. Wrap-around is therefore visible: in [`F101`], 60 + 60 = 120 ≡ 19, and
//! 40 + 40 = 80 is read back as −21.
//!
//! # The fields
//!
//! | type | p | use |
//! |---|---|---|
//! | [`F127`] (the default, [`DefaultField`]) | 2¹²⁷ − 1 | signed 64-bit values with 40+ bits of room for statistical masking |
//! | [`F61`] | 2⁶¹ − 1 | a fast one-limb field for integer-only work |
//! | [`F101`] | 101 | the teaching field: shares and wrap-around fit in your head |
//!
//! [`F61`] and [`F101`] are made with `ff`'s `#[derive(PrimeField)]` (Montgomery form),
//! which trusts the modulus and generator it is given. [`F127`] is written by hand on one
//! `u128`, reducing by shifts and adds since 2¹²⁷ ≡ 1 (mod p);
//! `benchmarks/benches/field.rs` measures it against the derived field for the same
//! modulus (about 1.5× faster in the bare SPDZ Beaver loop), and its tests check it against that field operation by operation and
//! draw for draw. The crate's tests check that every modulus is prime and every
//! generator has order p − 1.
//!
//! Elements print in decimal through [`TinyField::to_bigint`] and [`Decimal`], never as
//! `ff`'s hexadecimal `Debug`.

#[cfg(test)]
mod conformance;
pub(crate) mod equality;
mod f101;
mod f127;
mod f61;
pub mod gf2_64;
pub(crate) mod owned;
pub(crate) mod tiny;

pub use f61::F61;
pub use f101::F101;
pub use f127::F127;
pub(crate) use tiny::convert;
pub use tiny::{Constant, Decimal, IntoField, TinyField};

/// The field used when no other is named: [`F127`], p = 2¹²⁷ − 1.
pub type DefaultField = F127;
