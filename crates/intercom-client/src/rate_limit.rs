//! `X-RateLimit-*`: the last values seen, and pacing bulk work so it stays under the limit.
//!
//! Intercom allows a number of calls per window (10,000 a minute per app, spread over
//! 10-second windows) and says how many are left in every response. Bulk work (streams,
//! `upsert_all`) asks [`RateLimits::pace`] before each request: while the budget is ample the
//! wait is a few milliseconds; when it runs out the work waits for the window to reset instead
//! of bouncing off 429s.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;
use tokio::time::Instant;

use crate::time::from_unix_seconds;

/// The longest a reset time is waited for. Intercom's windows are at most a minute; a reset
/// further away means the clocks disagree, and waiting on it would stall for nothing.
pub(crate) const MAX_RESET_WAIT: Duration = Duration::from_secs(60);

/// The `X-RateLimit-*` values of one response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: calls allowed per window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`: calls left in the current window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: when the window resets.
    pub reset: Option<DateTime<Utc>>,
}

impl RateLimit {
    /// Reads the three headers; `None` when the response carries none of them.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        let number = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let rate = RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            reset: number("x-ratelimit-reset")
                .and_then(|s| i64::try_from(s).ok())
                .and_then(from_unix_seconds),
        };
        (rate != RateLimit::default()).then_some(rate)
    }

    /// Time left until `reset`, from `now`, capped at [`MAX_RESET_WAIT`]; `None` if unknown
    /// or already past.
    pub(crate) fn until_reset(&self, now: DateTime<Utc>) -> Option<Duration> {
        let left = (self.reset? - now).to_std().ok()?;
        (!left.is_zero()).then(|| left.min(MAX_RESET_WAIT))
    }
}

/// How long to hold one paced request, and how far apart to keep the ones after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pace {
    pub(crate) wait: Duration,
    pub(crate) spacing: Duration,
}

/// Pure pacing rule. `in_flight` is how many requests may already be on their way (the bulk
/// work's concurrency), which the last seen `remaining` does not count yet.
///
/// - nothing known, or the window already reset: go;
/// - no calls left once in-flight ones land: wait for the reset;
/// - otherwise: spread the calls left evenly over the time left.
pub(crate) fn pace(last: Option<&RateLimit>, now: DateTime<Utc>, in_flight: u64) -> Pace {
    let go = Pace {
        wait: Duration::ZERO,
        spacing: Duration::ZERO,
    };
    let Some(last) = last else { return go };
    let (Some(remaining), Some(window)) = (last.remaining, last.until_reset(now)) else {
        return go;
    };
    match remaining.saturating_sub(in_flight) {
        0 => Pace {
            wait: window,
            spacing: Duration::ZERO,
        },
        usable => Pace {
            wait: Duration::ZERO,
            spacing: window / u32::try_from(usable).unwrap_or(u32::MAX),
        },
    }
}

/// The client's shared rate-limit state: the last values seen and the pacer's next free slot.
#[derive(Debug, Default)]
pub(crate) struct RateLimits {
    last: Mutex<Option<RateLimit>>,
    next_slot: Mutex<Option<Instant>>,
}

impl RateLimits {
    /// Remembers the values of a response that has any.
    pub(crate) fn record(&self, headers: &HeaderMap) {
        if let Some(rate) = RateLimit::from_headers(headers) {
            *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(rate);
        }
    }

    /// The last values seen, if any response carried them.
    pub(crate) fn last(&self) -> Option<RateLimit> {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for this request's slot. Slots are handed out in order across every paced task
    /// of the client, so concurrent bulk work shares one budget.
    pub(crate) async fn pace(&self, in_flight: u64) {
        let pace = pace(self.last().as_ref(), Utc::now(), in_flight);
        let slot = {
            let mut next = self
                .next_slot
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let now = Instant::now();
            let earliest = now + pace.wait;
            let slot = next.map_or(earliest, |n| n.max(earliest));
            *next = Some(slot + pace.spacing);
            slot
        };
        if slot > Instant::now() {
            tracing::debug!(
                wait_ms = (slot - Instant::now()).as_millis() as u64,
                "pacing to stay under the rate limit"
            );
            tokio::time::sleep_until(slot).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn at(seconds: i64) -> DateTime<Utc> {
        from_unix_seconds(seconds).unwrap()
    }

    #[test]
    fn reads_headers() {
        let mut headers = HeaderMap::new();
        assert_eq!(RateLimit::from_headers(&headers), None);
        headers.insert("X-RateLimit-Limit", HeaderValue::from_static("10000"));
        headers.insert("X-RateLimit-Remaining", HeaderValue::from_static("42"));
        headers.insert("X-RateLimit-Reset", HeaderValue::from_static("1700000010"));
        assert_eq!(
            RateLimit::from_headers(&headers),
            Some(RateLimit {
                limit: Some(10000),
                remaining: Some(42),
                reset: Some(at(1_700_000_010)),
            })
        );
    }

    #[test]
    fn pacing_table() {
        let now = at(1_700_000_000);
        let rate = |remaining, reset| RateLimit {
            limit: Some(100),
            remaining: Some(remaining),
            reset: Some(at(reset)),
        };
        let secs = Duration::from_secs;
        #[rustfmt::skip]
        let table: &[(Option<RateLimit>, u64, Duration, Duration)] = &[
            // last seen,                 in flight, wait,     spacing
            (None,                         1, secs(0),  secs(0)),
            (Some(rate(0, 1_699_999_999)), 1, secs(0),  secs(0)),   // window already reset
            (Some(rate(0, 1_700_000_005)), 1, secs(5),  secs(0)),   // out of calls: wait
            (Some(rate(4, 1_700_000_005)), 4, secs(5),  secs(0)),   // in-flight take the rest
            (Some(rate(11, 1_700_000_010)), 1, secs(0), secs(1)),   // 10 calls over 10 s
            (Some(rate(0, 1_700_009_999)), 1, MAX_RESET_WAIT, secs(0)), // skewed clock: capped
        ];
        for (last, in_flight, wait, spacing) in table {
            assert_eq!(
                pace(last.as_ref(), now, *in_flight),
                Pace {
                    wait: *wait,
                    spacing: *spacing
                },
                "{last:?} with {in_flight} in flight"
            );
        }
    }
}
