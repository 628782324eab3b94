//! The parts of [`Error`]'s messages that take more than a format string: who is missing
//! for [`Error::NotEnoughOnline`], and a failed check's openings, counted and shortened,
//! for [`Error::MacCheckFailed`]; what a holder did for [`Error::BrokenCommitment`]; and
//! the panics of the `try_` methods' twins.

use std::fmt::Display;

/// The value, or a panic with the error's message at the caller's line (for the panicking
/// twins of `try_` methods; no closure, so `#[track_caller]` reaches the learner's code).
#[track_caller]
pub(crate) fn or_panic<T, E: Display>(result: Result<T, E>) -> T {
    match result {
        Ok(value) => value,
        Err(e) => panic!("{e}"),
    }
}

/// "withheld its coin-toss seed" or "revealed a σᵢ that does not open its commitment".
pub(super) fn opening_detail(opening: &str, withheld: bool) -> String {
    if withheld {
        format!("withheld its {opening}")
    } else {
        format!("revealed a {opening} that does not open its commitment")
    }
}

/// "offline: \[b\]; holding no share of it: \[c\]" for [`Error::NotEnoughOnline`].
pub(super) fn missing_detail(missing: &[String], offline: &[String]) -> String {
    let no_share: Vec<&String> = missing.iter().filter(|m| !offline.contains(m)).collect();
    let mut parts = Vec::new();
    if !offline.is_empty() {
        parts.push(format!("offline: {offline:?}"));
    }
    if !no_share.is_empty() {
        parts.push(format!(
            "holding no share of it, having been offline when it was made: {no_share:?}"
        ));
    }
    parts.join("; ")
}

/// "3 openings: beaver d of #5, …", or with more than are listed, "20000 openings,
/// beaver d ×10000 and beaver e ×10000: beaver d of #1, … and 19995 more", for
/// [`Error::MacCheckFailed`].
pub(super) fn openings_summary(
    openings: usize,
    kinds: &[(String, usize)],
    values: &[String],
) -> String {
    let noun = if openings == 1 { "opening" } else { "openings" };
    let more = openings.saturating_sub(values.len());
    if more == 0 {
        return format!("{openings} {noun}: {}", values.join(", "));
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
    format!(
        "{openings} {noun}, {}: {} and {more} more",
        kinds.join(", "),
        values.join(", ")
    )
}

/// What to do when holders cannot answer: bring the offline back, or re-share.
pub(super) fn missing_fix(offline: &[String]) -> &'static str {
    if offline.is_empty() {
        "re-share the value to the holders that lack a share, or use a Shamir sharing whose \
         threshold fits"
    } else {
        "bring the offline machines back online (nothing waiting is lost meanwhile), or use a \
         Shamir sharing whose threshold fits"
    }
}

/// Which comparison widths a field allows, for `Error::ComparisonWidth`.
pub(super) fn width_fix(most: u32) -> String {
    if most >= 2 {
        format!("pick a comparison width of 2 to {most} bits")
    } else {
        "it has no room for comparisons of any width: use F127 (2 to 84 bits)".to_string()
    }
}

/// What [`super::Error::PrecisionOutOfRange`] says: the limits, and what to lower.
pub(super) fn precision_fix(
    f: u32,
    k: u32,
    field: &str,
    (most, max_f, max_k): (u32, u32, u32),
) -> String {
    format!(
        "precision f = {f}, k = {k} does not fit {field}: f and k must be at least 1, and a \
         product's k + 2f bits and an equality test's k + f + 2 at most {most} (masks add 41), \
         so at most f = {max_f} (with k = 1) or k = {max_k} (with f = 1): lower f or k, or use \
         a larger field"
    )
}
