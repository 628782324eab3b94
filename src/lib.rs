#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod adversary;
pub mod circuits;
pub mod dealer;
mod error;
#[cfg(feature = "serde")]
pub mod export;
pub mod field;
pub mod fixed;
mod handle;
pub mod ledger;
mod machine;
mod masking;
pub mod math;
mod notebook;
pub mod protocols;
mod replay;
mod scalar;
pub mod shadow;
pub mod sharing;
mod simulation;
mod source;
mod store;
mod table;
mod tape;
pub mod transcript;
mod trusted_dealer;
pub mod vector;
pub mod view;
mod world;

pub use adversary::{Adversary, Openings};
pub use error::{Error, Result};
pub use field::{DefaultField, F61, F101, F127, TinyField};
pub use fixed::{FixedComparand, Precision, PrivateFixed, SharedFixed};
pub use ledger::{Costs, Ledger, LedgerLine, LedgerTable};
pub use machine::{AsMachine, Machines, VirtualMachine};
pub use replay::{Inconsistency, Payload, Replay};
pub use scalar::bit::SharedBit;
pub use scalar::compare::Comparand;
pub use scalar::private::PrivateScalar;
pub use scalar::public::PublicScalar;
pub use scalar::shared::SharedScalar;
pub use shadow::{ShadowReport, ShadowTable, WarningKind};
pub use sharing::Scheme;
pub use simulation::Simulation;
pub use simulation::builder::{COMPARISON_BITS, SimulationBuilder};
pub use transcript::{Sent, Transcript};
pub use trusted_dealer::TrustedDealer;
pub use vector::{
    FixedVectorComparand, PrivateFixedVector, PrivateVector, PublicVector, SharedFixedVector,
    SharedVector, VectorComparand,
};
pub use view::{Bytes32, Message, Sender, Step, View, Views};

/// The tutorial's chapters, compiled and run as doctests so the book cannot rot.
#[cfg(doctest)]
mod tutorial {
    #[doc = include_str!("../tutorial/src/why-mpc.md")]
    struct WhyMpc;
    #[doc = include_str!("../tutorial/src/machines.md")]
    struct Machines;
    #[doc = include_str!("../tutorial/src/sharing.md")]
    struct Sharing;
    #[doc = include_str!("../tutorial/src/addition.md")]
    struct Addition;
    #[doc = include_str!("../tutorial/src/multiplication.md")]
    struct Multiplication;
    #[doc = include_str!("../tutorial/src/views.md")]
    struct Views;
    #[doc = include_str!("../tutorial/src/cheaters-and-macs.md")]
    struct CheatersAndMacs;
    #[doc = include_str!("../tutorial/src/attacks.md")]
    struct Attacks;
    #[doc = include_str!("../tutorial/src/costs.md")]
    struct Costs;
    #[doc = include_str!("../tutorial/src/threshold.md")]
    struct Threshold;
    #[doc = include_str!("../tutorial/src/aggregation.md")]
    struct Aggregation;
    #[doc = include_str!("../tutorial/src/fixed-point.md")]
    struct FixedPoint;
    #[doc = include_str!("../tutorial/src/comparison.md")]
    struct Comparison;
    #[doc = include_str!("../tutorial/src/shadow.md")]
    struct Shadow;
    #[doc = include_str!("../tutorial/src/vectors.md")]
    struct Vectors;
    #[doc = include_str!("../tutorial/src/logistic-regression.md")]
    struct LogisticRegression;
    #[doc = include_str!("../tutorial/src/playground.md")]
    struct Playground;
    #[doc = include_str!("../tutorial/src/beyond.md")]
    struct Beyond;
}

/// Everything a lesson needs: `use tinyspdz::prelude::*;`.
pub mod prelude {
    pub use crate::{
        Costs, DefaultField, Error, F61, F101, F127, Openings, Precision, PrivateFixed,
        PrivateFixedVector, PrivateScalar, PrivateVector, PublicScalar, PublicVector, Scheme,
        SharedBit, SharedFixed, SharedFixedVector, SharedScalar, SharedVector, Simulation,
        TinyField, Views, VirtualMachine,
    };
}
