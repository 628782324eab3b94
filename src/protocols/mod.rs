//! The protocols, one file each, written against the simulated world. The modules are
//! public for their documentation (the math, the steps, the security notes); the
//! functions inside are the crate's own, reached through the operators and methods of
//! [`crate::SharedScalar`] and [`crate::PrivateScalar`].
//!
//! Each function takes the world, the slot ids of its operands and the learner's source
//! line (for the ledger), runs the protocol's steps (delivering every message to the
//! receiver's view) and returns the slot id of the result.

pub mod beaver;
pub mod bgw;
pub mod binary;
pub mod coin_toss;
pub mod commitment;
pub mod input;
pub mod linear;
pub mod mac_check;
pub mod output;
pub mod partial_open;
pub mod resharing;
pub mod sacrifice;
