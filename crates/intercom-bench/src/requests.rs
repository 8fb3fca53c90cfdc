//! Counting what a scenario sent, from the fake's request log.

use std::fmt;

use intercom_fake::RequestRecord;

use crate::units::thousands;

/// Requests by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RequestStats {
    /// Every request the fake saw.
    pub total: usize,
    /// `GET`s (list and retrieve).
    pub reads: usize,
    /// `POST`, `PUT` and `DELETE`.
    pub writes: usize,
    /// Answered 429 (over the rate limit).
    pub rate_limited: usize,
    /// Any other answer that is not a success, or no answer.
    pub other_failures: usize,
}

impl RequestStats {
    /// Counts `records`.
    pub fn of(records: &[RequestRecord]) -> RequestStats {
        let mut stats = RequestStats::default();
        for record in records {
            stats.total += 1;
            if record.method == "GET" {
                stats.reads += 1;
            } else {
                stats.writes += 1;
            }
            match record.status {
                Some(429) => stats.rate_limited += 1,
                Some(status) if (200..300).contains(&status) => {}
                _ => stats.other_failures += 1,
            }
        }
        stats
    }

    /// Requests the fake admitted (everything but the 429s).
    pub fn admitted(&self) -> usize {
        self.total - self.rate_limited
    }
}

impl fmt::Display for RequestStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} requests ({} reads, {} writes; {} answered 429, {} other failures)",
            thousands(self.total),
            thousands(self.reads),
            thousands(self.writes),
            thousands(self.rate_limited),
            thousands(self.other_failures)
        )
    }
}
