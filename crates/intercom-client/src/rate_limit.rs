//! `X-RateLimit-*`: what one response says of the rate limit. Pacing on it is `pacer.rs`.
//!
//! Intercom allows a number of calls per window (10,000 a minute per app, spread over
//! 10-second windows) and says how many are left in every response.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;

use crate::time::from_unix_seconds;

/// The longest a reset is waited for. Intercom's windows are 10 seconds; a reset further away
/// means the clocks disagree badly, and waiting on it would stall for nothing.
pub(crate) const MAX_RESET_WAIT: Duration = Duration::from_secs(60);

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
    /// Of a header given twice, the first value that parses counts.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        let number = |name: &str| {
            headers
                .get_all(name)
                .iter()
                .find_map(|value| value.to_str().ok()?.trim().parse::<u64>().ok())
        };
        let rate = RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            reset: number("x-ratelimit-reset")
                .and_then(|seconds| i64::try_from(seconds).ok())
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

    #[test]
    fn numbers_are_whole_and_may_have_spaces_around_them() {
        let remaining = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert("X-RateLimit-Remaining", HeaderValue::from_static(value));
            RateLimit::from_headers(&headers).and_then(|rate| rate.remaining)
        };
        assert_eq!(remaining("42"), Some(42));
        assert_eq!(remaining(" \t7 "), Some(7));
        assert_eq!(remaining("18446744073709551615"), Some(u64::MAX));
        for bad in ["", " ", "18446744073709551616", "-1", "1.5", "4 2", "x"] {
            assert_eq!(remaining(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ignores_other_headers_and_reads_the_first_value_that_parses() {
        let mut headers = HeaderMap::new();
        headers.insert("X-RateLimit-Window", HeaderValue::from_static("10"));
        headers.insert("Content-Type", HeaderValue::from_static("application/json"));
        assert_eq!(RateLimit::from_headers(&headers), None);
        headers.append("X-RateLimit-Remaining", HeaderValue::from_static("soon"));
        headers.append("X-RateLimit-Remaining", HeaderValue::from_static(" 7 "));
        headers.append("X-RateLimit-Remaining", HeaderValue::from_static("9"));
        assert_eq!(
            RateLimit::from_headers(&headers),
            Some(RateLimit {
                limit: None,
                remaining: Some(7),
                reset: None,
            })
        );
    }
}
