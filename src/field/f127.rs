//! The default field, p = 2¹²⁷ − 1 (a Mersenne prime).

use ff::PrimeField;

/// The default field, p = 2¹²⁷ − 1 (a Mersenne prime).
///
/// A signed 64-bit value masked by a random 104-bit number still sits far below p/2, which
/// is the room that comparison and truncation need for statistical masking (40 bits).
#[derive(PrimeField)]
#[PrimeFieldModulus = "170141183460469231731687303715884105727"]
#[PrimeFieldGenerator = "43"]
#[PrimeFieldReprEndianness = "little"]
pub struct F127([u64; 2]);

super::tiny_field!(F127, "F127");

#[cfg(test)]
mod tests {
    #[test]
    fn modulus_is_prime_and_generator_generates() {
        super::super::check_field::<super::F127>(&[
            2,
            3,
            7,
            19,
            43,
            73,
            127,
            337,
            5419,
            92737,
            649657,
            77158673929,
        ]);
    }
}
