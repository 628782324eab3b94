//! The share methods every private type has, written once: `share` (among the owner and
//! others, additively), `share_among` (exactly the holders given), `share_threshold`
//! (Shamir, threshold t), each with its `try_` twin.
//!
//! Each takes its holders as any list of machines ([`crate::Machines`]): `&[&bob, &carol]`,
//! `&machines` for a `Vec` or array of machines, or `machines.iter()`.
//!
//! A private type invokes [`share_methods!`] inside its `impl` block and provides one
//! function, `share_with(holders, scheme, at)`, which makes the sharing (for a fixed-point
//! type: the integer sharing of its encoding, followed by the shadow).

/// Generates the six share methods of a private type.
///
/// `$shared` is the shared type returned, `$what` the noun the docs use ("the value",
/// "the numbers"); doc lines given after a `;` (an example) go on `share_threshold`. The
/// type has `owner()` and `share_with(holders, scheme, at)`.
macro_rules! share_methods {
    ($shared:ty, $what:literal $(; $(#[$example:meta])*)?) => {
        #[doc = concat!("Shares ", $what, " among the owner and `others`, additively (listing the owner too is fine).")]
        ///
        /// # Panics
        ///
        /// If a machine is listed twice, fewer than two distinct machines would hold
        /// shares, or a machine belongs to another simulation;
        /// [`try_share`](Self::try_share) returns the error instead.
        #[track_caller]
        pub fn share(&self, others: impl $crate::machine::Machines<F>) -> $shared {
            $crate::error::or_panic(self.try_share(others))
        }

        /// [`share`](Self::share), returning an error instead of panicking.
        ///
        /// # Errors
        ///
        /// [`Error::DuplicateHolder`](crate::Error::DuplicateHolder),
        /// [`Error::TooFewHolders`](crate::Error::TooFewHolders),
        /// [`Error::TooManyHolders`](crate::Error::TooManyHolders) or
        /// [`Error::SimulationMismatch`](crate::Error::SimulationMismatch), as the panic
        /// says.
        #[track_caller]
        pub fn try_share(
            &self,
            others: impl $crate::machine::Machines<F>,
        ) -> $crate::error::Result<$shared> {
            let others = others.machines();
            let others: Vec<&$crate::machine::VirtualMachine<F>> = others.iter().collect();
            let holders = self.owner().with(&others);
            let at = ::std::panic::Location::caller();
            self.share_with(&holders, $crate::sharing::Scheme::Additive, at)
        }

        #[doc = concat!("Shares ", $what, " among exactly `holders`, additively; the owner keeps no share unless listed")]
        /// (the secure-aggregation shape: many input machines, a few compute machines).
        ///
        /// # Panics
        ///
        /// As [`share`](Self::share); [`try_share_among`](Self::try_share_among) returns
        /// the error instead.
        #[track_caller]
        pub fn share_among(&self, holders: impl $crate::machine::Machines<F>) -> $shared {
            $crate::error::or_panic(self.try_share_among(holders))
        }

        /// [`share_among`](Self::share_among), returning an error instead of panicking.
        ///
        /// # Errors
        ///
        /// As [`try_share`](Self::try_share).
        #[track_caller]
        pub fn try_share_among(
            &self,
            holders: impl $crate::machine::Machines<F>,
        ) -> $crate::error::Result<$shared> {
            let at = ::std::panic::Location::caller();
            let holders = holders.machines();
            let holders: Vec<&$crate::machine::VirtualMachine<F>> = holders.iter().collect();
            self.share_with(&holders, $crate::sharing::Scheme::Additive, at)
        }

        #[doc = concat!("Shares ", $what, " among exactly `holders` with Shamir's scheme of threshold `t`, lane by lane:")]
        /// any t + 1 holders can reconstruct, any t learn nothing, and up to n − (t + 1)
        /// holders may be offline while the computation goes on.
        $($(#[$example])*)?
        ///
        /// # Panics
        ///
        /// As [`share`](Self::share), and if t = 0 or t ≥ the number of holders;
        /// [`try_share_threshold`](Self::try_share_threshold) returns the error instead.
        #[track_caller]
        pub fn share_threshold(
            &self,
            holders: impl $crate::machine::Machines<F>,
            t: usize,
        ) -> $shared {
            $crate::error::or_panic(self.try_share_threshold(holders, t))
        }

        /// [`share_threshold`](Self::share_threshold), returning an error instead of
        /// panicking.
        ///
        /// # Errors
        ///
        /// As [`try_share`](Self::try_share), and
        /// [`Error::ZeroThreshold`](crate::Error::ZeroThreshold) or
        /// [`Error::BadThreshold`](crate::Error::BadThreshold) for t = 0 or t ≥ n.
        #[track_caller]
        pub fn try_share_threshold(
            &self,
            holders: impl $crate::machine::Machines<F>,
            t: usize,
        ) -> $crate::error::Result<$shared> {
            let scheme = $crate::sharing::Scheme::Shamir { threshold: t };
            let holders = holders.machines();
            let holders: Vec<&$crate::machine::VirtualMachine<F>> = holders.iter().collect();
            self.share_with(&holders, scheme, ::std::panic::Location::caller())
        }
    };
}

pub(crate) use share_methods;
