//! The benchmarks of tinyspdz live in `benches/`; this package has no library of its own.
//! `cargo bench` at the repository's root runs them, and `BENCHMARKS.md` gives their figures.
