//! How an error reports itself beyond its message: `Debug` prints the message too (what a
//! `main` that returns the error shows), and how many openings a failed check lists.

use std::fmt;

use super::Error;

/// The message, as `Display` writes it: what a `main` that returns the error prints.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Error {
    /// How many openings [`Error::MacCheckFailed`] lists by name; the rest are counted.
    pub const LISTED_OPENINGS: usize = 5;
}
