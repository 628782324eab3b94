//! Views: every message a machine received, so a lesson can show what each machine saw.
//!
//! A protocol is secure when each machine's view could have been produced without the
//! secrets it must not learn. Recording views makes that claim something to look at:
//! during a multiplication alice receives bob's shares of d = x − a and e = y − b, which
//! are uniformly random whatever x and y are, because a and b are.
//!
//! Views keep the last [`Views::Last`] messages per machine by default, so a long
//! computation runs in constant memory; [`Views::Off`] records nothing at all.

use std::collections::VecDeque;
use std::fmt;

use crate::field::TinyField;

/// How much of each machine's view a simulation keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Views {
    /// Keep nothing (the counts in [`crate::Costs`] are still kept).
    Off,
    /// Keep the last `n` messages per machine.
    Last(usize),
    /// Keep every message.
    All,
}

impl Default for Views {
    fn default() -> Self {
        Views::Last(1_000)
    }
}

/// Who sent a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    /// A machine, by name.
    Machine(String),
    /// The trusted dealer.
    Dealer,
}

impl fmt::Display for Sender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sender::Machine(name) => f.pad(name),
            Sender::Dealer => f.pad("dealer"),
        }
    }
}

/// The protocol step a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// A share of the MAC key α, from the dealer.
    MacKey,
    /// A MAC share of a value the dealer dealt (a triple's part or a mask).
    DealtMac,
    /// An input mask: r to the input's owner, or a share of \[r\] to a holder.
    InputMask,
    /// From an input's owner: a share of the input (MACs off) or ε = x − r (MACs on).
    InputShare,
    /// A share of a triple's a, from the dealer (Beaver step 1).
    TripleA,
    /// A share of a triple's b, from the dealer (Beaver step 1).
    TripleB,
    /// A share of a triple's c = ab, from the dealer (Beaver step 1).
    TripleC,
    /// A share of d = x − a, broadcast by a holder (Beaver step 2).
    BeaverD,
    /// A share of e = y − b, broadcast by a holder (Beaver step 2).
    BeaverE,
    /// An output mask: r to the receiver, or a share of \[r\] to a holder.
    OutputMask,
    /// A share sent towards the machine that reconstructs a value (of x, or of x − r
    /// with MACs on).
    Reconstruct,
    /// A share broadcast to open a value to all holders.
    Open,
    /// A commitment to σᵢ in the MAC check (MAC check step 4).
    MacCommit,
    /// σᵢ with the nonce of its commitment, revealed in the MAC check (MAC check step 5).
    MacReveal,
    /// A commitment to a coin-toss seed sᵢ (MAC check step 1, the coin toss's step 1).
    CoinCommit,
    /// A coin-toss seed sᵢ, revealed (MAC check step 1, the coin toss's step 2).
    CoinReveal,
    /// A share of ρ, σ or τ while sacrificing a triple to check another.
    Sacrifice,
    /// A sub-share of a local product hᵢ in BGW multiplication.
    BgwReshare,
    /// A share of a mask bit or mask part from the dealer (truncation, comparison).
    MaskBit,
    /// A share of a bit from the dealer, in the binary domain (a mask bit rᵢ, or the daBit
    /// that converts a result back to the field), with its 64-bit MAC share as `DealtMac`.
    DealtBit,
    /// A share of a binary AND triple's b or c = rᵢ ∧ b from the dealer.
    BitTriple,
    /// A share of e = y ⊕ b, broadcast by a holder in a binary AND.
    BitAndE,
    /// A share of v = u ⊕ β, broadcast to convert a binary result u to the field.
    BitConvert,
    /// A share of zero in a proactive refresh.
    Refresh,
    /// A sub-share sent to a new holder when a value is re-shared.
    Reshare,
    /// A message of a protocol of the learner's own: sent with
    /// [`crate::VirtualMachine::send`], or material dealt with
    /// [`crate::TrustedDealer::custom`].
    Custom,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Step::MacKey => "mac key",
            Step::DealtMac => "dealt mac",
            Step::InputMask => "input mask",
            Step::InputShare => "input share",
            Step::TripleA => "triple a",
            Step::TripleB => "triple b",
            Step::TripleC => "triple c",
            Step::BeaverD => "beaver d",
            Step::BeaverE => "beaver e",
            Step::OutputMask => "output mask",
            Step::Reconstruct => "reconstruct",
            Step::Open => "open",
            Step::MacCommit => "mac commit",
            Step::MacReveal => "mac reveal",
            Step::CoinCommit => "coin commit",
            Step::CoinReveal => "coin reveal",
            Step::Sacrifice => "sacrifice",
            Step::BgwReshare => "bgw reshare",
            Step::MaskBit => "mask bit",
            Step::DealtBit => "dealt bit",
            Step::BitTriple => "bit triple",
            Step::BitAndE => "bit and e",
            Step::BitConvert => "bit convert",
            Step::Refresh => "refresh",
            Step::Reshare => "reshare",
            Step::Custom => "custom",
        })
    }
}

/// One message a machine received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message<F> {
    /// Who sent it.
    pub from: Sender,
    /// Which protocol step it belongs to.
    pub step: Step,
    /// The number (`#n`) of the value the step produces or reveals; 0 for messages about
    /// no single value (MAC key shares, MAC checks).
    pub about: u64,
    /// The field element received (zero in a message that carries only bytes: a
    /// commitment or a coin-toss seed).
    pub value: F,
    /// The bytes received, in the MAC check: a commitment, a commitment's nonce (beside
    /// σᵢ in `value`) or a coin-toss seed.
    pub bytes: Option<Bytes32>,
}

/// 32 bytes sent in a message: a SHA-256 commitment, its nonce, or a coin-toss seed.
/// Displayed compactly, as its first four bytes in hex and an ellipsis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bytes32(pub [u8; 32]);

impl fmt::Display for Bytes32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let head: String = self.0[..4].iter().map(|b| format!("{b:02x}")).collect();
        f.pad(&format!("{head}…"))
    }
}

/// What a message carries, as views and transcripts print it: the element, the bytes
/// alone (a commitment or a seed), or σᵢ with its nonce.
pub(crate) fn content(step: Step, value: &impl fmt::Display, bytes: Option<&Bytes32>) -> String {
    match bytes {
        None => value.to_string(),
        Some(b) if step == Step::MacReveal => format!("{value} nonce {b}"),
        Some(b) => b.to_string(),
    }
}

/// What one machine received, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View<F> {
    /// The machine's name.
    pub machine: String,
    /// The messages kept (see [`Views`]).
    pub messages: Vec<Message<F>>,
    /// How many older messages were not kept.
    pub forgotten: u64,
}

impl<F: TinyField> fmt::Display for View<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.messages.len() as u64 + self.forgotten;
        writeln!(f, "{} received {} message(s):", self.machine, total)?;
        if self.forgotten > 0 {
            writeln!(f, "  ({} older message(s) not kept)", self.forgotten)?;
        }
        for m in &self.messages {
            let about = about_label(m.about);
            let content = content(m.step, &m.value, m.bytes.as_ref());
            writeln!(
                f,
                "  {about:<5} {:<12} from {:<8} {content}",
                m.step, m.from
            )?;
        }
        Ok(())
    }
}

/// `#n` for a value's number, `-` for messages about no single value.
pub(crate) fn about_label(about: u64) -> String {
    if about == 0 {
        "-".to_string()
    } else {
        format!("#{about}")
    }
}

/// A message as stored: the sender by index, [`DEALER`] for the dealer. The bytes of the
/// MAC check's few messages are kept beside the records ([`ViewLog::push_bytes`]), so
/// that the records of every other message stay small and `Copy`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record<F> {
    pub from: u32,
    pub step: Step,
    pub about: u64,
    pub value: F,
}

/// The sender index that stands for the dealer.
pub(crate) const DEALER: u32 = u32::MAX;

/// One machine's stored view: a ring of the last messages (all of them with
/// [`Views::All`]), the oldest at `head`.
#[derive(Debug)]
pub(crate) struct ViewLog<F> {
    records: Vec<Record<F>>,
    head: usize,
    pub forgotten: u64,
    /// The bytes of kept messages that carry some, by the message's number in the view
    /// (counting forgotten ones), oldest first.
    bytes: VecDeque<(u64, Bytes32)>,
}

impl<F> ViewLog<F> {
    pub fn new() -> Self {
        ViewLog {
            records: Vec::new(),
            head: 0,
            forgotten: 0,
            bytes: VecDeque::new(),
        }
    }

    /// The kept messages, oldest first, each with its bytes if it carries any.
    pub fn records(&self) -> impl Iterator<Item = (&Record<F>, Option<Bytes32>)> {
        let (newer, older) = self.records.split_at(self.head);
        let mut bytes = self.bytes.iter().peekable();
        (self.forgotten..)
            .zip(older.iter().chain(newer))
            .map(move |(number, record)| {
                // Skip the bytes of messages overwritten since (no push has pruned them).
                while bytes.next_if(|(n, _)| *n < number).is_some() {}
                let carried = bytes.next_if(|(n, _)| *n == number).map(|&(_, b)| b);
                (record, carried)
            })
    }

    /// Keeps `record` as far as `limit` allows, with the `bytes` it carries.
    pub fn push_bytes(&mut self, limit: Views, record: Record<F>, bytes: Bytes32) {
        let number = self.forgotten + self.records.len() as u64;
        self.push(limit, record);
        if number >= self.forgotten {
            self.bytes.push_back((number, bytes));
        }
        while self.bytes.front().is_some_and(|&(n, _)| n < self.forgotten) {
            self.bytes.pop_front();
        }
    }

    /// Keeps `record` as far as `limit` allows.
    #[inline]
    pub fn push(&mut self, limit: Views, record: Record<F>) {
        match limit {
            Views::Off | Views::Last(0) => self.forgotten += 1,
            Views::All => self.records.push(record),
            Views::Last(n) if self.records.len() < n => self.records.push(record),
            Views::Last(_) => {
                // Full: overwrite the oldest.
                self.forgotten += 1;
                self.records[self.head] = record;
                self.head += 1;
                if self.head == self.records.len() {
                    self.head = 0;
                }
            }
        }
    }
}
