//! The scalar family: one number, private to a machine ([`PrivateScalar`]), public to all
//! ([`PublicScalar`]) or shared among holders ([`SharedScalar`]), with shared bits
//! ([`SharedBit`]), comparisons, the operators, and the threshold-only operations.
//!
//! [`PrivateScalar`]: crate::PrivateScalar
//! [`PublicScalar`]: crate::PublicScalar
//! [`SharedScalar`]: crate::SharedScalar
//! [`SharedBit`]: crate::SharedBit

pub(crate) mod bit;
pub(crate) mod compare;
pub(crate) mod ops;
pub(crate) mod private;
pub(crate) mod public;
pub(crate) mod share;
pub(crate) mod shared;
mod threshold;
