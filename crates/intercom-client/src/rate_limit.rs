//! `X-RateLimit-*`: what one response says of the rate limit. Pacing on it is `pacer.rs`.
//!
//! Intercom allows a number of calls per window (10,000 a minute per app, spread over
//! 10-second windows) and says how many are left in every response.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, HeaderName};

use crate::pacer::MAX_RESET_WAIT;
use crate::time::from_unix_seconds;

// Made once: read on every response.
const LIMIT: HeaderName = HeaderName::from_static("x-ratelimit-limit");
const REMAINING: HeaderName = HeaderName::from_static("x-ratelimit-remaining");
const RESET: HeaderName = HeaderName::from_static("x-ratelimit-reset");

/// The `X-RateLimit-*` values of one response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
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
        let number = |name: HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let rate = RateLimit {
            limit: number(LIMIT),
            remaining: number(REMAINING),
            reset: number(RESET)
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
}
