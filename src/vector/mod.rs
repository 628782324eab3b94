//! Vectors: many values shared at once, computed on lane by lane with one round per
//! operation instead of one per element.
//!
//! # The idea
//!
//! A [`SharedVector`] of length n is n shared values side by side: each holder keeps a
//! vector of shares, and lane j of the shares adds up to element j. Linear operations
//! act on every lane locally, as for scalars. A product x ⊙ y uses n triples, one per
//! lane, but every dᵢ = xᵢ − aᵢ and eᵢ = yᵢ − bᵢ travels in the same message: one round,
//! however long the vectors. The same holds for inputs, outputs, comparisons and
//! truncations: a vector runs a protocol's rounds once for all its elements.
//!
//! ```
//! use tinyspdz::prelude::*;
//!
//! let sim = Simulation::with_seed(7);
//! let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
//! let x = PrivateVector::new([1, 2, 3], &alice).share(&[&bob]);
//! let y = PrivateVector::new([10, 20, 30], &bob).share(&[&alice]);
//! let before = sim.stats().rounds;
//! let z = &x * &y - 5 * &x;
//! assert_eq!(sim.stats().rounds - before, 1); // three products, one round
//! assert_eq!(z.reconstruct(&alice)?, [5, 30, 75]);
//! assert_eq!(x.dot(&y).reconstruct(&alice)?, 140);
//! # Ok::<(), tinyspdz::Error>(())
//! ```
//!
//! # Security note
//!
//! A vector's lanes are independent sharings with independent triples and masks: opening
//! n masked values together reveals exactly what n scalar openings would.

mod compare;
mod fixed;
mod lanes;
mod mixed;
mod private;
mod public;
mod shared;

pub use compare::VectorComparand;
pub use fixed::compare::FixedVectorComparand;
pub use fixed::{PrivateFixedVector, SharedFixedVector};
pub use private::PrivateVector;
pub use public::PublicVector;
pub use shared::SharedVector;
