//! Transcripts: who sent what to whom during a piece of a computation, in order, ready to
//! draw as a sequence diagram.
//!
//! Views answer "what did alice see?"; a transcript answers "what happened?". Capture one
//! with [`crate::Simulation::capture`] and render it with
//! [`to_mermaid`](Transcript::to_mermaid) (a Mermaid sequence diagram, which the tutorial
//! draws with mdbook-mermaid) or print it as text.

use std::fmt;

use crate::field::TinyField;
use crate::view::{Bytes32, Sender, Step, about_label, content};

/// One message of a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent<F> {
    /// The sender.
    pub from: Sender,
    /// The receiving machine's name.
    pub to: String,
    /// The protocol step.
    pub step: Step,
    /// The number (`#n`) of the value concerned; 0 for none (MAC keys, MAC checks).
    pub about: u64,
    /// The element sent (zero when only bytes were sent).
    pub value: F,
    /// The bytes sent, in the MAC check: a commitment, a nonce or a coin-toss seed.
    pub bytes: Option<Bytes32>,
}

/// The messages sent while a closure ran, in the order they were sent.
///
/// ```
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::builder().field::<F101>().seed(1).semi_honest().build();
/// let (alice, bob) = (sim.machine("alice"), sim.machine("bob"));
/// let x = PrivateScalar::new(6, &alice).share(&[&bob]);
/// let y = PrivateScalar::new(7, &bob).share(&[&alice]);
/// let (product, transcript) = sim.capture(|| &x * &y);
/// assert_eq!(transcript.messages.len(), 10); // 3 shares from the dealer to each, d and e both ways
/// assert!(transcript.to_mermaid().starts_with("sequenceDiagram\n"));
/// # drop(product);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript<F> {
    /// The messages, oldest first.
    pub messages: Vec<Sent<F>>,
}

impl<F: TinyField> Transcript<F> {
    /// Everyone who sent or received a message: the dealer first (if it took part), then
    /// the machines in order of appearance.
    pub fn participants(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let dealer = self.messages.iter().any(|m| m.from == Sender::Dealer);
        if dealer {
            names.push("dealer".to_string());
        }
        for m in &self.messages {
            for name in [m.from.to_string(), m.to.clone()] {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// A Mermaid sequence diagram of the transcript; long values are shortened to their
    /// first digits.
    pub fn to_mermaid(&self) -> String {
        let mut out = String::from("sequenceDiagram\n");
        for name in self.participants() {
            out += &format!("    participant {name}\n");
        }
        for m in &self.messages {
            // Mermaid reads `#…;` as an entity code: write # as #35;.
            let about = if m.about == 0 {
                String::new()
            } else {
                format!(" #35;{}", m.about)
            };
            let sent = content(m.step, &short(&m.value), m.bytes.as_ref());
            out += &format!("    {}->>{}: {}{about} = {sent}\n", m.from, m.to, m.step);
        }
        out
    }
}

/// A value's decimal form, shortened to 8 digits and an ellipsis when longer than 10.
pub(crate) fn short<F: TinyField>(value: &F) -> String {
    let text = value.to_string();
    let digits = text.trim_start_matches('-');
    if digits.len() <= 10 {
        return text;
    }
    let sign = if text.starts_with('-') { "-" } else { "" };
    format!("{sign}{}…", &digits[..8])
}

impl<F: TinyField> fmt::Display for Transcript<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.messages {
            let about = about_label(m.about);
            let content = content(m.step, &m.value, m.bytes.as_ref());
            writeln!(
                f,
                "{:<8} -> {:<8} {about:<5} {:<12} {content}",
                m.from, m.to, m.step
            )?;
        }
        Ok(())
    }
}
