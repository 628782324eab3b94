//! The crate's one error type.

use thiserror::Error;

/// Everything that can go wrong in a simulation.
///
/// Messages are lowercase, name the machines or values involved, and say how to fix the
/// call. Every panicking method of the crate has a `try_` twin that returns this error.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// A sharing was asked for with fewer than two distinct holders.
    #[error(
        "a sharing needs at least two distinct holders, but only {holders:?} would hold shares: \
         list another machine"
    )]
    TooFewHolders {
        /// The machines that would have held shares.
        holders: Vec<String>,
    },

    /// A machine was listed twice among the holders.
    #[error("machine '{machine}' is listed twice: list each holder once")]
    DuplicateHolder {
        /// The machine listed twice.
        machine: String,
    },

    /// Two shared values held by different machines were combined.
    #[error(
        "cannot combine a value held by {left:?} with one held by {right:?}: \
         share both among the same machines"
    )]
    HolderMismatch {
        /// Holders of the left operand.
        left: Vec<String>,
        /// Holders of the right operand.
        right: Vec<String>,
    },

    /// Values or machines from two different simulations were combined.
    #[error(
        "{what} belong to different simulations: create every machine from the same \
         `Simulation` (or all with `VirtualMachine::new` on one thread)"
    )]
    SimulationMismatch {
        /// What was mixed, e.g. "the operands".
        what: &'static str,
    },

    /// An integer does not fit the field.
    #[error(
        "{value} does not fit {field}: values must lie strictly between -p and p \
         (choose a larger field)"
    )]
    OutOfRange {
        /// The value, in decimal.
        value: String,
        /// The field's name.
        field: &'static str,
    },

    /// A sum or product of no values was asked for; there is nobody to hold the result.
    #[error("cannot {what} an empty list of shared values: nobody would hold the result")]
    Empty {
        /// "sum" or "multiply".
        what: &'static str,
    },
}

/// The crate's `Result`, with [`Error`] as the error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
