//! What a replay reports: the messages it checked and the first one a machine got wrong.

use std::fmt;

use crate::field::TinyField;
use crate::view::{Bytes32, Step, about_label, content};

/// What a message carries: a field element, and the bytes of a commitment, nonce or seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payload<F> {
    /// The element (zero in a message of bytes alone).
    pub value: F,
    /// The bytes, in the MAC check's messages.
    pub bytes: Option<Bytes32>,
}

/// The first message a machine sent that its own computation does not give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency<F> {
    /// The protocol step of the message.
    pub step: Step,
    /// The number (`#n`) of the value the step is about; 0 in the MAC check.
    pub about: u64,
    /// The receiver whose copy differs.
    pub to: String,
    /// What the machine sent, `None` if it sent nothing (it withheld the message).
    pub sent: Option<Payload<F>>,
    /// What its computation gives.
    pub computed: Payload<F>,
}

/// What replaying one machine found ([`crate::VirtualMachine::replay`]).
///
/// ```
/// use tinyspdz::Step;
/// use tinyspdz::prelude::*;
///
/// let sim = Simulation::builder().seed(1).views(Views::All).build();
/// let [alice, bob] = sim.new_machines(["alice", "bob"]);
/// let x = PrivateScalar::new(6, &alice).share(&[&bob]);
/// let y = PrivateScalar::new(7, &bob).share(&[&alice]);
/// sim.adversary().add_to_share(&bob, &x, 1);
/// let _ = (&x * &y).reconstruct(&alice); // the MAC check fails
/// assert!(alice.replay()?.is_consistent());
/// let bob_replay = bob.replay()?;
/// let wrong = bob_replay.first_inconsistent.as_ref().unwrap();
/// assert_eq!(wrong.step, Step::BeaverD); // his share of d = x − a is off by one
/// # Ok::<(), tinyspdz::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay<F> {
    /// The machine replayed.
    pub machine: String,
    /// How many of its messages (one per receiver) the replay found as computed.
    pub checked: usize,
    /// The first message that was not, if any.
    pub first_inconsistent: Option<Inconsistency<F>>,
}

impl<F> Replay<F> {
    /// Whether every message the machine sent is what its computation gives.
    pub fn is_consistent(&self) -> bool {
        self.first_inconsistent.is_none()
    }
}

impl<F: TinyField> fmt::Display for Replay<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Replay {
            machine, checked, ..
        } = self;
        match &self.first_inconsistent {
            None => write!(
                f,
                "{machine}: consistent ({checked} message(s) sent, each as its own computation \
                 gives)"
            ),
            Some(i) => {
                let show = |p: &Payload<F>| content(i.step, &p.value, p.bytes.as_ref());
                let sent = i.sent.as_ref().map_or("nothing".to_string(), show);
                let about = about_label(i.about);
                write!(
                    f,
                    "{machine}: inconsistent at {} {about} to {}: sent {sent}, its own \
                     computation gives {} (after {checked} message(s) as computed)",
                    i.step,
                    i.to,
                    show(&i.computed)
                )
            }
        }
    }
}
