//! The protocols, one file each, written against the simulated world.
//!
//! Each function takes the world, the slot ids of its operands and the learner's source
//! line (for the ledger), runs the protocol's steps (delivering every message to the
//! receiver's view) and returns the slot id of the result.

pub(crate) mod beaver;
pub(crate) mod input;
pub(crate) mod linear;
pub(crate) mod output;
