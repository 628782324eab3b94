//! Secret-sharing schemes: how a secret becomes shares and shares become the secret again.

pub mod additive;
