//! GF(2⁶⁴): the field in which the MACs of binary shares are checked.
//!
//! # The math
//!
//! An element is a polynomial over GF(2) of degree below 64, stored as the 64 bits of a
//! `u64` (bit i is the coefficient of xⁱ). Addition is XOR. Multiplication is modulo the
//! irreducible
//!
//! P(x) = x⁶⁴ + x⁴ + x³ + x + 1,  so x⁶⁴ ≡ x⁴ + x³ + x + 1 (the bits 0x1b).
//!
//! Multiplying by a fixed χ is linear over GF(2), so x·χ = Σₖ (byteₖ(x)·x<sup>8k</sup>)·χ, and a
//! table of the 256 products for each of the 8 bytes turns one multiplication into 8
//! lookups. The binary MAC check ([`crate::protocols::mac_check`]) multiplies millions of
//! values by one random χ, so it builds the tables once per check.
//!
//! # Security note
//!
//! Nothing here is secret-dependent in timing that matters to the simulation; a real
//! implementation would use the processor's carry-less multiplication (PCLMULQDQ).

/// x⁶⁴ mod P(x): the bits of x⁴ + x³ + x + 1.
const REDUCTION: u64 = 0x1b;

/// a·b in GF(2⁶⁴), by shifting and adding (slow: for tables and tests).
pub fn mul(a: u64, b: u64) -> u64 {
    let (mut a, mut b, mut product) = (a, b, 0);
    while b != 0 {
        if b & 1 == 1 {
            product ^= a;
        }
        b >>= 1;
        // a ← a·x mod P(x).
        a = (a << 1) ^ ((a >> 63) * REDUCTION);
    }
    product
}

/// Multiplication by one fixed element χ, by tables.
pub struct Times {
    tables: Box<[[u64; 256]; 8]>,
}

impl Times {
    /// The tables for χ: entry b of table k is (b·x<sup>8k</sup>)·χ.
    pub fn new(chi: u64) -> Self {
        let mut tables = Box::new([[0u64; 256]; 8]);
        for (k, table) in tables.iter_mut().enumerate() {
            let basis: [u64; 8] = std::array::from_fn(|bit| mul(1 << (8 * k + bit), chi));
            for b in 1..256usize {
                // Table entries add up bit by bit: b = (b with its lowest bit cleared) + that bit.
                table[b] = table[b & (b - 1)] ^ basis[b.trailing_zeros() as usize];
            }
        }
        Times { tables }
    }

    /// x·χ.
    #[inline]
    pub fn apply(&self, x: u64) -> u64 {
        let bytes = x.to_le_bytes();
        let mut product = 0;
        for (table, &byte) in self.tables.iter().zip(&bytes) {
            product ^= table[byte as usize];
        }
        product
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn x_to_the_64_reduces_to_the_pentanomial_tail() {
        // x⁶³·x = x⁶⁴ ≡ x⁴ + x³ + x + 1.
        assert_eq!(mul(1 << 63, 2), 0x1b);
        assert_eq!(mul(1, 0xdead_beef), 0xdead_beef);
        assert_eq!(mul(0, 0xdead_beef), 0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn tables_agree_with_shift_and_add(x: u64, chi: u64) {
            prop_assert_eq!(Times::new(chi).apply(x), mul(x, chi));
        }

        #[test]
        fn multiplication_commutes_and_distributes(a: u64, b: u64, c: u64) {
            prop_assert_eq!(mul(a, b), mul(b, a));
            prop_assert_eq!(mul(a, b ^ c), mul(a, b) ^ mul(a, c));
            prop_assert_eq!(mul(mul(a, b), c), mul(a, mul(b, c)));
        }
    }
}
