//! Reference solution of exercise 12 (`exercises/ex12_commitment.rs`).

use sha2::{Digest, Sha256};

/// SHA-256 of `value` followed by `nonce`.
pub fn commit(value: &[u8], nonce: &[u8; 32]) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(value);
    hash.update(nonce);
    hash.finalize().into()
}

/// Whether `value` and `nonce` open `commitment`.
pub fn opens(commitment: &[u8; 32], value: &[u8], nonce: &[u8; 32]) -> bool {
    commit(value, nonce) == *commitment
}
