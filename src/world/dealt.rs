//! The dealer's books: what it has dealt, and the keys only it knows.

/// What the dealer has dealt so far, and its secrets.
#[derive(Debug)]
pub(crate) struct DealerBooks<F> {
    pub triples: u64,
    pub masks: u64,
    /// The global MAC key α, drawn when first needed (MACs on only).
    pub alpha: Option<F>,
    /// The binary MAC key Δ ∈ {0,1}⁶⁴, drawn when first needed (MACs on only).
    pub bit_delta: Option<u64>,
}

impl<F> Default for DealerBooks<F> {
    fn default() -> Self {
        DealerBooks {
            triples: 0,
            masks: 0,
            alpha: None,
            bit_delta: None,
        }
    }
}
