//! `X-RateLimit-*`: what one response says of the rate limit. Pacing on it is `pacer.rs`.
//!
//! Intercom allows a number of calls per window (10,000 a minute per app, spread over
//! 10-second windows) and says how many are left in every response.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;

use crate::pacer::MAX_RESET_WAIT;
use crate::time::from_unix_seconds;

/// The three headers' names, as `HeaderMap` keeps them (lower case).
const LIMIT: &[u8] = b"x-ratelimit-limit";
const REMAINING: &[u8] = b"x-ratelimit-remaining";
const RESET: &[u8] = b"x-ratelimit-reset";

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
        RawRateLimit::from_headers(headers)?.public()
    }

    /// Time left until `reset`, from `now`, capped at [`MAX_RESET_WAIT`]; `None` if unknown
    /// or already past.
    pub(crate) fn until_reset(&self, now: DateTime<Utc>) -> Option<Duration> {
        let left = (self.reset? - now).to_std().ok()?;
        (!left.is_zero()).then(|| left.min(MAX_RESET_WAIT))
    }
}

/// The three headers as sent, `reset` in Unix seconds: what the pacer reads from every
/// response, kept small and cheap (no date arithmetic) because every call pays for it.
/// [`RateLimit`] is made from it when someone asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RawRateLimit {
    pub(crate) limit: Option<u64>,
    pub(crate) remaining: Option<u64>,
    pub(crate) reset: Option<i64>,
}

impl RawRateLimit {
    /// The headers' values; `None` when the response carries none of them.
    pub(crate) fn from_headers(headers: &HeaderMap) -> Option<RawRateLimit> {
        let mut rate = RawRateLimit::default();
        // One pass over a response's few headers costs less than three lookups, each
        // hashing a name; a name's length turns most of them away before any comparison.
        for (name, value) in headers {
            let name = name.as_str().as_bytes();
            let value = value.as_bytes();
            match name.len() {
                17 if name == LIMIT && rate.limit.is_none() => rate.limit = whole_number(value),
                17 if name == RESET && rate.reset.is_none() => {
                    rate.reset = whole_number(value).and_then(|s| i64::try_from(s).ok());
                }
                21 if name == REMAINING && rate.remaining.is_none() => {
                    rate.remaining = whole_number(value);
                }
                _ => {}
            }
        }
        (rate != RawRateLimit::default()).then_some(rate)
    }

    /// As the public type, if anything of it is still known (a reset out of range is not).
    pub(crate) fn public(self) -> Option<RateLimit> {
        let rate = self.rate_limit();
        (rate != RateLimit::default()).then_some(rate)
    }

    /// As the public type.
    pub(crate) fn rate_limit(self) -> RateLimit {
        RateLimit {
            limit: self.limit,
            remaining: self.remaining,
            reset: self.reset.and_then(from_unix_seconds),
        }
    }
}

/// Decimal digits, with spaces or tabs around them, as a number; `None` for anything else
/// or a number past `u64`.
fn whole_number(value: &[u8]) -> Option<u64> {
    let digits = value.trim_ascii();
    if digits.is_empty() {
        return None;
    }
    // In a u128, checked against u64::MAX after each digit, no step can overflow: one plain
    // loop for any length, where checked arithmetic cost ~25 instructions a digit (a reset
    // has ten, every response has three such headers).
    let mut number: u128 = 0;
    for &byte in digits {
        if !byte.is_ascii_digit() {
            return None;
        }
        number = number * 10 + u128::from(byte - b'0');
        if number > u128::from(u64::MAX) {
            return None;
        }
    }
    u64::try_from(number).ok()
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
    fn whole_numbers() {
        assert_eq!(whole_number(b"42"), Some(42));
        assert_eq!(whole_number(b" \t7 "), Some(7));
        assert_eq!(whole_number(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(whole_number(b"000000000000000000000042"), Some(42));
        for bad in [
            &b""[..],
            b" ",
            b"18446744073709551616",
            b"99999999999999999999999",
            b"-1",
            b"1.5",
            b"4 2",
            b"x",
        ] {
            assert_eq!(whole_number(bad), None, "{bad:?}");
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
