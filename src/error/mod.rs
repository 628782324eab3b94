//! The crate's one error type.

use thiserror::Error;

mod messages;
mod report;
pub(crate) use messages::or_panic;
use messages::{missing_detail, missing_fix, opening_detail, openings_summary};
use messages::{precision_fix, width_fix};

/// Everything that can go wrong in a simulation.
///
/// Messages are lowercase, name the machines or values involved, and say how to fix the
/// call; `Debug` prints the same message, so `main() -> Result<(), Error>` shows it. Every
/// panicking method of the crate has a `try_` twin that returns this error.
#[derive(Clone, PartialEq, Eq, Error)]
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

    /// Too few holders can answer to open or compute with a value, or to run the MAC check
    /// of openings still waiting for it: they are offline, or were offline when the value
    /// was computed (or opened) and so hold no share of it.
    #[error(
        "only {answering} of the holders {holders:?} can answer for {what}, but {needed} are \
         needed ({}): {}",
        missing_detail(missing, offline),
        missing_fix(offline)
    )]
    NotEnoughOnline {
        /// What could not be answered for, e.g. `"value #7"` or `"the MAC check of 2
        /// openings (beaver d of #3, beaver e of #3)"`.
        what: String,
        /// All holders of the value.
        holders: Vec<String>,
        /// Those that cannot answer: offline, or holding no share.
        missing: Vec<String>,
        /// Those of `missing` that hold a share but are offline (the others hold none).
        offline: Vec<String>,
        /// How many can answer.
        answering: usize,
        /// How many the sharing scheme needs.
        needed: usize,
    },

    /// An offline machine was asked to provide or receive a value.
    #[error("machine '{machine}' is offline: bring it back with `come_online()` first")]
    Offline {
        /// The offline machine.
        machine: String,
    },

    /// BGW multiplication needs n ≥ 2t + 1 answering holders of a Shamir sharing.
    #[error(
        "BGW multiplication needs a Shamir sharing with at least 2t + 1 = {needed} answering \
         holders, but it has {answering} (threshold t = {threshold}): use Beaver \
         multiplication (`*`), add holders, or lower the threshold"
    )]
    BgwNeedsHonestMajority {
        /// t.
        threshold: usize,
        /// 2t + 1.
        needed: usize,
        /// How many holders can answer.
        answering: usize,
    },

    /// BGW multiplication was asked of an additive sharing.
    #[error(
        "BGW multiplication needs a Shamir sharing, but this value is shared additively among \
         {holders} machines (all of whose shares are needed, so the product of two sharings \
         cannot be interpolated): use Beaver multiplication (`*`), or share the inputs with \
         `share_threshold`"
    )]
    BgwNeedsShamir {
        /// How many machines hold the additive sharing.
        holders: usize,
    },

    /// An attack was asked for the 0-th opening or triple; they are counted from 1.
    #[error(
        "openings and triples are counted from 1, so `Openings::Nth(0)` matches none: use \
         `Openings::Nth(1)` for the first"
    )]
    NthZero,

    /// A fixed-point value was divided by a public zero.
    #[error("division by zero: divide by a nonzero number")]
    DivisionByZero,

    /// A public divisor so small that its reciprocal does not fit the fixed-point format.
    #[error(
        "cannot divide by {divisor}: its reciprocal does not fit the fixed-point format, whose \
         divisors must exceed {smallest} in absolute value (raise k, or rescale)"
    )]
    DivisorTooSmall {
        /// The divisor, in decimal.
        divisor: String,
        /// The bound 2<sup>−(k−1)</sup> that |d| must exceed, in decimal.
        smallest: String,
    },

    /// A Shamir threshold that no holder set of this size can satisfy.
    #[error(
        "a threshold of {threshold} needs more than {threshold} holders, but {holders} were given"
    )]
    BadThreshold {
        /// The threshold t.
        threshold: usize,
        /// The number of holders.
        holders: usize,
    },

    /// More holders than one sharing can have.
    #[error("a sharing among {holders} machines is too large: at most {most} can hold shares")]
    TooManyHolders {
        /// How many were listed.
        holders: usize,
        /// The limit.
        most: usize,
    },

    /// A real number that does not fit the fixed-point format.
    #[error(
        "{value} does not fit fixed point: |x| must be below {limit} (raise k, or rescale the input)"
    )]
    FixedOutOfRange {
        /// The number, in decimal.
        value: String,
        /// 2<sup>k−1</sup>, in decimal.
        limit: String,
    },

    /// Fixed-point values of different precisions were combined.
    #[error(
        "cannot combine fixed-point values of precisions Precision {{ f: {left_f}, k: {left_k} }} \
         and Precision {{ f: {right_f}, k: {right_k} }}: use one precision"
    )]
    PrecisionMismatch {
        /// The left operand's fractional bits f.
        left_f: u32,
        /// The left operand's integer bits k.
        left_k: u32,
        /// The right operand's fractional bits f.
        right_f: u32,
        /// The right operand's integer bits k.
        right_k: u32,
    },

    /// The field is too small to mask values of the asked bit length.
    #[error(
        "{field} cannot compare or truncate {bits}-bit values: that needs a prime of at least \
         {needed} bits (statistical masking): use a field that large (F127 has 127), or fewer \
         bits (a smaller fixed-point precision or comparison width)"
    )]
    FieldTooSmall {
        /// The field's name.
        field: &'static str,
        /// The value range in bits.
        bits: u32,
        /// The prime's size needed.
        needed: u32,
    },

    /// An integer comparison width the field cannot compare: below 2 bits, or too wide
    /// to mask (an equality test's ℓ + 1 bits and 41 of masking must fit below the
    /// prime's top bit).
    #[error(
        "{field} cannot compare {bits}-bit values: {}",
        width_fix(*most)
    )]
    ComparisonWidth {
        /// The width asked for.
        bits: u32,
        /// The field's name.
        field: &'static str,
        /// The widest comparison the field can mask (0 when it can mask none).
        most: u32,
    },

    /// A machine was asked to act on its share of a value it holds no share of.
    #[error("machine '{machine}' holds no share of value #{value}: pick one of its holders")]
    NotAHolder {
        /// The machine.
        machine: String,
        /// The value's number.
        value: u64,
    },

    /// The MAC check found that a value opened since the previous check was not the one
    /// its MACs vouch for: somebody cheated, the simulation aborted, and nothing is output.
    #[error(
        "mac check failed: a value opened since the last check was tampered with ({}); the \
         check cannot tell who cheated{}, so the simulation aborted and outputs nothing",
        openings_summary(*openings, kinds, values),
        if suspects.is_empty() { String::new() } else { format!(" (the simulation was told: {})", suspects.join(", ")) }
    )]
    MacCheckFailed {
        /// How many openings the failing check covered; a vector's lanes opened together
        /// count as one.
        openings: usize,
        /// How many of them were of each kind, e.g. `("beaver d", 1000)`, in order of first
        /// appearance.
        kinds: Vec<(String, usize)>,
        /// The first few of them (at most [`Error::LISTED_OPENINGS`]), e.g. `"beaver d of
        /// #7"`, or `"beaver d of #9 (1000 lanes)"` for a vector's lanes opened together.
        values: Vec<String>,
        /// Who the simulation was told misbehaves ([`crate::Adversary`]), if anyone.
        suspects: Vec<String>,
    },

    /// Sacrificing a triple showed that the dealer's triple for product `#product` had
    /// c ≠ ab; the computation aborted.
    #[error(
        "triple check failed while computing the product #{product}: the dealer handed out a \
         triple with c != ab, so the computation aborted and nothing is output"
    )]
    TripleCheckFailed {
        /// The number of the product whose triple was bad.
        product: u64,
    },

    /// A sum or product of no values was asked for; there is nobody to hold the result.
    #[error("cannot {what} an empty list of shared values: nobody would hold the result")]
    Empty {
        /// "sum" or "multiply".
        what: &'static str,
    },

    /// Two vectors of different lengths were combined lane by lane.
    #[error(
        "the vectors have {left} and {right} elements: element-wise operations need equal \
         lengths"
    )]
    LengthMismatch {
        /// The left operand's length.
        left: usize,
        /// The right operand's length.
        right: usize,
    },

    /// A Shamir threshold of 0: the polynomial is the constant secret, so every share is
    /// the secret itself.
    #[error(
        "a threshold of 0 makes every share equal the secret, so each holder would know it: \
         use a threshold t of at least 1 (any t + 1 holders reconstruct, any t learn nothing)"
    )]
    ZeroThreshold,

    /// A holder broke the commit-then-reveal of a MAC check (its coin toss or its σᵢ):
    /// it withheld its opening, or opened something its commitment does not match. Unlike
    /// a failed check this names the machine; the simulation aborted and outputs nothing.
    #[error(
        "machine '{machine}' {} in the MAC check, so the simulation aborted and outputs \
         nothing: a holder must open what it committed to",
        opening_detail(opening, *withheld)
    )]
    BrokenCommitment {
        /// The machine that broke its commitment.
        machine: String,
        /// What it withheld or revealed wrong: `"coin-toss seed"` or `"σᵢ"`.
        opening: &'static str,
        /// Whether it sent nothing (rather than a wrong opening).
        withheld: bool,
    },

    /// An output was read as a machine integer too narrow for it.
    #[error("{value} does not fit {target}: read it as a wider integer, or whole with `value()`")]
    DoesNotFit {
        /// The value, in decimal.
        value: String,
        /// The integer type asked for, e.g. `"i64"`.
        target: &'static str,
    },

    /// An attack on the MAC key was asked of a simulation that runs without MACs.
    #[error(
        "this simulation runs without MACs, so there is no MAC key: build it with `.macs(true)` \
         (the default) to stage an attack on α"
    )]
    NoMacKey,

    /// A fixed-point [`Precision`](crate::Precision) the field cannot compute with.
    #[error("{}", precision_fix(*f, *k, field, (*most, *max_f, *max_k)))]
    PrecisionOutOfRange {
        /// The fractional bits asked for.
        f: u32,
        /// The integer bits asked for.
        k: u32,
        /// The field's name.
        field: &'static str,
        /// The field's room: the largest k + 2f (and k + f + 2) it allows.
        most: u32,
        /// The largest f (with k = 1).
        max_f: u32,
        /// The largest k (with f = 1).
        max_k: u32,
    },

    /// A Shamir helper was given a holder position twice (or two equal modulo p).
    #[error(
        "holder position {position} is listed twice (positions that differ by a multiple of \
         p name the same point): list each holder's position once"
    )]
    RepeatedPosition {
        /// The position listed twice (0-based).
        position: usize,
    },

    /// A Shamir holder position whose point i + 1 is 0 modulo p, where the secret lies.
    #[error(
        "holder position {position} has no Shamir point in {field}: its point {position} + 1 \
         is 0 modulo p, the secret's own point: use positions 0 to {most}"
    )]
    PositionOutOfRange {
        /// The position (0-based).
        position: usize,
        /// The field's name.
        field: &'static str,
        /// The largest position with a point of its own, p − 2.
        most: usize,
    },

    /// Reconstruction was given a different number of positions and shares.
    #[error(
        "{positions} holder positions but {shares} shares were given: give one share for \
         each position, in the same order"
    )]
    ShareCountMismatch {
        /// How many positions.
        positions: usize,
        /// How many shares.
        shares: usize,
    },

    /// A secret was to be split into no shares at all.
    #[error("cannot split a secret into 0 shares: ask for at least one")]
    NoShares,

    /// A machine's replay could not follow its computation (`VirtualMachine::replay`).
    #[error("cannot replay '{machine}': {reason}")]
    CannotReplay {
        /// The machine's name.
        machine: String,
        /// Why, and what to do instead.
        reason: String,
    },
}

/// The crate's `Result`, with [`Error`](enum@Error) as the error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
