//! Circuits: protocols built from the operators on shared values rather than from
//! messages, written as the papers write them.
//!
//! The modules of [`crate::protocols`] talk to the simulated world directly: they deal,
//! send and open. The circuits here only combine shared values with `+`, `*`, public
//! constants, dealer masks and partial openings, so each reads like its algorithm in the
//! paper, and every cost they cause is charged, through `#[track_caller]`, to the learner's
//! line that called them. The exception is [`binary_bit_lt`], which works on XOR-shared
//! bits ([`crate::protocols::binary`]): they have no operators of their own.

pub mod binary_bit_lt;
pub mod bit_lt;
pub mod comparison;
pub mod division;
pub mod truncation;
