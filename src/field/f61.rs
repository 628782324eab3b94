//! A fast one-limb field, p = 2⁶¹ − 1 (a Mersenne prime).

use ff::PrimeField;

/// A fast one-limb field, p = 2⁶¹ − 1 (a Mersenne prime).
///
/// Enough for integer lessons whose values stay below 2⁶⁰ in absolute value; too small for
/// masked comparison of 64-bit values.
#[derive(PrimeField)]
#[PrimeFieldModulus = "2305843009213693951"]
#[PrimeFieldGenerator = "37"]
#[PrimeFieldReprEndianness = "little"]
pub struct F61([u64; 1]);

super::tiny::tiny_field!(F61, "F61");

#[cfg(test)]
mod tests {
    #[test]
    fn modulus_is_prime_and_generator_generates() {
        super::super::conformance::check_field::<super::F61>(&[
            2, 3, 5, 7, 11, 13, 31, 41, 61, 151, 331, 1321,
        ]);
    }
}
