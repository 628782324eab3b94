//! What every field of the crate must satisfy, as a test kit: the field axioms on random
//! elements, a generator of the multiplicative group, and a prime modulus.

use num_bigint::{BigInt, BigUint};

use super::tiny::TinyField;

/// Checks a few facts every field must satisfy; used by the tests of each field.
pub(crate) fn check_field<F: TinyField>(factors_of_p_minus_1: &[u64]) {
    use num_traits::{One, Signed, Zero};
    let p = F::modulus();
    assert!(p > &BigUint::from(2u32));
    assert_eq!(F::from_i64(-1).to_bigint(), BigInt::from(-1));
    assert_eq!(F::from_i64(-1).to_biguint(), p - BigUint::one());
    assert!((F::ZERO - F::ONE).to_bigint().is_negative());
    assert!(F::ZERO.to_bigint().is_zero());
    let half = F::max_signed();
    assert_eq!(
        F::from_bigint(&half).map(|x| x.to_bigint()),
        Some(half.clone())
    );
    assert_eq!(F::from_bigint(&BigInt::from(p.clone())), None);
    assert_eq!(F::from_bigint_mod(&(half.clone() + 1)).to_bigint(), -half);

    // The modulus is prime.
    assert!(is_probable_prime(p), "{} modulus is not prime", F::NAME);

    // The generator has order p − 1: the listed primes are all the prime factors of
    // p − 1, and g^((p−1)/q) ≠ 1 for each of them.
    let p1 = p - BigUint::one();
    let mut rest = p1.clone();
    for &q in factors_of_p_minus_1 {
        let q = BigUint::from(q);
        assert!(is_probable_prime(&q), "{q} is not prime");
        assert!((&rest % &q).is_zero(), "{q} does not divide p - 1");
        while (&rest % &q).is_zero() {
            rest /= &q;
        }
    }
    assert!(
        rest.is_one(),
        "p - 1 has a prime factor missing from the list: {rest}"
    );
    let g = F::MULTIPLICATIVE_GENERATOR.to_biguint();
    for &q in factors_of_p_minus_1 {
        let e = &p1 / BigUint::from(q);
        assert!(
            !g.modpow(&e, p).is_one(),
            "generator has order dividing (p-1)/{q}"
        );
    }

    // Square roots round-trip (ff derives them from the generator and 2-adicity).
    for v in [2i64, 3, 5, 10, -7, 42] {
        let x = F::from_i64(v);
        let root = Option::<F>::from((x * x).sqrt()).expect("a square has a root");
        assert!(root == x || root == -x);
    }
    assert_eq!(Option::<F>::from(g_nonresidue::<F>().sqrt()), None);
}

fn g_nonresidue<F: TinyField>() -> F {
    F::MULTIPLICATIVE_GENERATOR
}

/// Miller–Rabin with the first twelve primes as bases (deterministic below 3.3·10²⁴, and
/// an error probability below 4⁻¹² above that).
pub(crate) fn is_probable_prime(n: &BigUint) -> bool {
    use num_traits::One;
    let one = BigUint::one();
    let two = &one + &one;
    if n < &two {
        return false;
    }
    let bases = [2u32, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];
    if let Some(&b) = bases.iter().find(|&&b| n % b == BigUint::from(0u32)) {
        return n == &BigUint::from(b);
    }
    let n1 = n - &one;
    let s = n1.trailing_zeros().unwrap_or(0);
    let d = &n1 >> s;
    bases.iter().all(|&b| {
        let mut x = BigUint::from(b).modpow(&d, n);
        if x == one || x == n1 {
            return true;
        }
        (1..s).any(|_| {
            x = x.modpow(&two, n);
            x == n1
        })
    })
}
