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

/// From the log of a fake that started with the run's scenario: the time from the first
/// request to the last, and the floor over the same span, in seconds. The fake's first
/// window starts when it does, so request `k` (from 1) can be admitted no earlier than
/// `window × ⌊(k − 1) / limit⌋` after the fake started; a 429 takes no window's place.
pub fn span_and_floor(records: &[RequestRecord], limit: u32, window_ms: u64) -> (f64, f64) {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return (0.0, 0.0);
    };
    let admitted = records.iter().filter(|r| r.status != Some(429)).count() as u64;
    let windows_before_last = admitted.saturating_sub(1) / u64::from(limit.max(1));
    let earliest_last_ms = (windows_before_last * window_ms).max(first.received_ms);
    let seconds = |ms: u64| ms as f64 / 1000.0;
    (
        seconds(last.received_ms.saturating_sub(first.received_ms)),
        seconds(earliest_last_ms - first.received_ms),
    )
}
