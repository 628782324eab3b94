//! Exercise 12: a hash commitment. Check with
//! `cargo test --test exercises -- --include-ignored ex12`.
//!
//! To commit to a value v, send c = SHA-256(v ‖ nonce) with a fresh random 32-byte nonce;
//! later reveal v and the nonce, and everybody checks c. Binding: no other v opens c.
//! Hiding: c says nothing about v, because the nonce is random.

use sha2::{Digest, Sha256};

/// SHA-256 of `value` followed by `nonce`.
pub fn commit(value: &[u8], nonce: &[u8; 32]) -> [u8; 32] {
    let _ = (value, nonce, Sha256::new());
    todo!("feed value, then nonce, to a Sha256 and finalize it")
}

/// Whether `value` and `nonce` open `commitment`.
pub fn opens(commitment: &[u8; 32], value: &[u8], nonce: &[u8; 32]) -> bool {
    let _ = (commitment, value, nonce);
    todo!("recompute the commitment and compare")
}
