//! Element-wise comparisons of shared vectors.
