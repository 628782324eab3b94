//! The teaching field, p = 101.

use ff::PrimeField;

/// The teaching field, p = 101.
///
/// Values run from −50 to 50, so a share, a triple and a wrap-around can be checked by
/// hand: 60 + 60 = 120 ≡ 19 (mod 101).
#[derive(PrimeField)]
#[PrimeFieldModulus = "101"]
#[PrimeFieldGenerator = "2"]
#[PrimeFieldReprEndianness = "little"]
pub struct F101([u64; 1]);

super::tiny::tiny_field!(F101, "F101");

#[cfg(test)]
mod tests {
    #[test]
    fn modulus_is_prime_and_generator_generates() {
        super::super::conformance::check_field::<super::F101>(&[2, 5]);
    }
}
