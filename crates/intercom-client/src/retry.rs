//! When to try a request again, and how long to wait first.
//!
//! [`decide`] is a pure function of what happened (status and headers, or a connection
//! failure), the attempt number, whether the operation is idempotent, the time spent so far,
//! the wall clock and a random number. The transport calls it after every failed attempt; the
//! tests call it with a table.
//!
//! Only idempotent operations are retried: `GET`, `PUT`, `DELETE`, and `POST /ai/external_pages`
//! (the server upserts by `source_id` + `external_id`, so sending it twice is harmless).
//! Creating a content import source or a note is never retried: a 500 or a timeout does not
//! say whether the first try went through. `ContentImportSources::ensure` handles that case
//! by looking again before creating.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

use crate::rate_limit::RateLimit;

/// Statuses worth another try: timeout, rate limited, and the server-side failures that are
/// usually transient.
pub const RETRYABLE_STATUSES: [u16; 6] = [408, 429, 500, 502, 503, 504];

/// Whether `status` is one of [`RETRYABLE_STATUSES`].
pub fn is_retryable_status(status: StatusCode) -> bool {
    RETRYABLE_STATUSES.contains(&status.as_u16())
}

/// How hard the client tries: attempts, backoff, and a deadline for the whole call.
///
/// Defaults: 4 attempts, backoff from 500 ms doubling up to 20 s (with jitter), and 2 minutes
/// for a whole call, retries and waits included.
///
/// ```
/// use std::time::Duration;
/// use intercom_client::retry::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .with_max_attempts(6)
///     .with_backoff(Duration::from_millis(200), Duration::from_secs(5))
///     .with_total_deadline(Some(Duration::from_secs(30)));
/// assert_eq!(policy.max_attempts(), 6);
/// assert_eq!(RetryPolicy::never().max_attempts(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    total_deadline: Option<Duration>,
    settle_time: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(20),
            total_deadline: Some(Duration::from_secs(120)),
            settle_time: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn never() -> Self {
        RetryPolicy::default().with_max_attempts(1)
    }

    /// How many attempts in all, the first included (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The first backoff and the cap that doubling stops at.
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// A limit on a whole call, retries and waits included; `None` for no limit. A call that
    /// runs past it fails with [`Error::Timeout`](crate::Error::Timeout), and a retry whose
    /// wait would end past it is not made.
    pub fn with_total_deadline(mut self, deadline: Option<Duration>) -> Self {
        self.total_deadline = deadline;
        self
    }

    /// How long a create whose answer was lost (timed out, connection broken, 502 or 504 from
    /// a gateway) may still take to land on the server: before creating again,
    /// [`ensure`](crate::ContentImportSources::ensure) keeps looking for the source that long
    /// after the lost create was sent. Default 30 s.
    pub fn with_settle_time(mut self, settle: Duration) -> Self {
        self.settle_time = settle;
        self
    }

    /// How long a lost create may take to land.
    pub fn settle_time(&self) -> Duration {
        self.settle_time
    }

    /// How many attempts in all.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The first backoff.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The largest backoff.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// The limit on a whole call, if any.
    pub fn total_deadline(&self) -> Option<Duration> {
        self.total_deadline
    }

    /// Capped exponential backoff after attempt `attempt` (1-based), with "equal jitter": half
    /// the delay is fixed, the other half scaled by `jitter` (clamped to 0..=1), so concurrent
    /// clients spread out but never retry at once.
    pub fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let factor = 1u32
            .checked_shl(attempt.saturating_sub(1))
            .unwrap_or(u32::MAX);
        let full = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        full.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0))
    }
}

/// What an attempt ended with.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Outcome<'a> {
    /// The server answered with a status that is not a success.
    Response {
        /// The status.
        status: StatusCode,
        /// The response headers (`Retry-After`, `X-RateLimit-*`).
        headers: &'a HeaderMap,
    },
    /// No answer: the connection failed or broke.
    ConnectionError,
    /// No answer in time.
    Timeout,
}

/// Everything [`decide`] looks at.
#[derive(Clone, Copy, Debug)]
pub struct Attempt<'a> {
    /// What the attempt ended with.
    pub outcome: Outcome<'a>,
    /// Which attempt it was, from 1.
    pub number: u32,
    /// Whether sending the request again is harmless.
    pub idempotent: bool,
    /// Time since the first attempt started.
    pub elapsed: Duration,
    /// The wall clock, to read `X-RateLimit-Reset` and HTTP-date `Retry-After` values.
    pub now: DateTime<Utc>,
    /// A random number in `0..1` for the backoff's jitter.
    pub jitter: f64,
}

/// What to do after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryDecision {
    /// Send the request again after this delay.
    RetryAfter(Duration),
    /// Give up and report the failure.
    Stop,
}

/// The retry decision.
///
/// Stop when the operation is not idempotent, the attempts are used up, the status is not one
/// of [`RETRYABLE_STATUSES`], or the wait would end past the total deadline. Otherwise wait
/// for `Retry-After` if the response has one; else, for a 429, until `X-RateLimit-Reset`; else
/// the policy's backoff; and never less than the backoff's first step.
pub fn decide(policy: &RetryPolicy, attempt: &Attempt<'_>) -> RetryDecision {
    if !attempt.idempotent || attempt.number >= policy.max_attempts {
        return RetryDecision::Stop;
    }
    let backoff = || policy.backoff(attempt.number, attempt.jitter);
    let delay = match attempt.outcome {
        Outcome::Response { status, headers } => {
            if !is_retryable_status(status) {
                return RetryDecision::Stop;
            }
            let reset = || {
                (status == StatusCode::TOO_MANY_REQUESTS)
                    .then(|| RateLimit::from_headers(headers)?.until_reset(attempt.now))
                    .flatten()
            };
            // Never sooner than the backoff's first step: `Retry-After: 0`, a date or a reset
            // in the past would otherwise use every attempt at once.
            retry_after(headers, attempt.now)
                .or_else(reset)
                .unwrap_or_else(backoff)
                .max(policy.backoff(1, attempt.jitter))
        }
        Outcome::ConnectionError | Outcome::Timeout => backoff(),
    };
    if let Some(deadline) = policy.total_deadline
        && attempt.elapsed.saturating_add(delay) > deadline
    {
        return RetryDecision::Stop;
    }
    RetryDecision::RetryAfter(delay)
}

/// `Retry-After`, as delay-seconds or an HTTP date (a date in the past means now).
pub fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = DateTime::parse_from_rfc2822(value)
        .ok()?
        .with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::from_unix_seconds;
    use reqwest::header::HeaderValue;

    #[test]
    fn the_settings_read_back_as_set() {
        let policy = RetryPolicy::default()
            .with_max_attempts(7)
            .with_backoff(Duration::from_millis(300), Duration::from_secs(9))
            .with_settle_time(Duration::from_secs(4))
            .with_total_deadline(Some(Duration::from_secs(50)));
        assert_eq!(policy.max_attempts(), 7);
        assert_eq!(policy.initial_backoff(), Duration::from_millis(300));
        assert_eq!(policy.max_backoff(), Duration::from_secs(9));
        assert_eq!(policy.settle_time(), Duration::from_secs(4));
        assert_eq!(policy.total_deadline(), Some(Duration::from_secs(50)));
    }

    const NOW: i64 = 1_700_000_000;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    reqwest::header::HeaderName::from_static(k),
                    HeaderValue::from_static(v),
                )
            })
            .collect()
    }

    #[test]
    fn decision_table() {
        let policy = RetryPolicy::default()
            .with_max_attempts(4)
            .with_backoff(Duration::from_secs(1), Duration::from_secs(8))
            .with_total_deadline(Some(Duration::from_secs(60)));
        let none = headers(&[]);
        let retry_after_7 = headers(&[("retry-after", "7")]);
        let retry_after_date = headers(&[("retry-after", "Tue, 14 Nov 2023 22:13:30 GMT")]);
        let reset_in_4 = headers(&[("x-ratelimit-reset", "1700000004")]);
        let both = headers(&[("retry-after", "2"), ("x-ratelimit-reset", "1700000009")]);
        let huge = headers(&[("retry-after", "3600")]);
        let retry_after_0 = headers(&[("retry-after", "0")]);
        let retry_after_past = headers(&[("retry-after", "Tue, 14 Nov 2023 22:13:00 GMT")]);
        let reset_past = headers(&[("x-ratelimit-reset", "1699999990")]);
        let ms = Duration::from_millis;
        let s = Duration::from_secs;
        use RetryDecision::{RetryAfter, Stop};

        let response = |code: u16, h| Outcome::Response {
            status: StatusCode::from_u16(code).unwrap(),
            headers: h,
        };
        let (none, retry_after_7, retry_after_date) = (&none, &retry_after_7, &retry_after_date);
        let (reset_in_4, both, huge) = (&reset_in_4, &both, &huge);
        let (retry_after_0, retry_after_past, reset_past) =
            (&retry_after_0, &retry_after_past, &reset_past);

        #[rustfmt::skip]
        let table: Vec<(Outcome<'_>, u32, bool, u64, RetryDecision)> = vec![
            // outcome                       attempt idempotent elapsed(s) decision
            (response(503, none),              1, true,  0, RetryAfter(ms(1000))),
            (response(503, none),              2, true,  0, RetryAfter(ms(2000))),
            (response(503, none),              3, true,  0, RetryAfter(ms(4000))),
            (response(503, none),              4, true,  0, Stop),            // attempts used up
            (response(500, none),              1, false, 0, Stop),            // not idempotent
            (response(429, none),              1, false, 0, Stop),            // not idempotent
            (response(408, none),              1, true,  0, RetryAfter(ms(1000))),
            (response(502, none),              1, true,  0, RetryAfter(ms(1000))),
            (response(504, none),              1, true,  0, RetryAfter(ms(1000))),
            (response(400, none),              1, true,  0, Stop),            // client error
            (response(401, none),              1, true,  0, Stop),
            (response(404, none),              1, true,  0, Stop),
            (response(501, none),              1, true,  0, Stop),            // not transient
            (response(503, retry_after_7),     1, true,  0, RetryAfter(s(7))),
            (response(429, retry_after_7),     1, true,  0, RetryAfter(s(7))),
            (response(429, retry_after_date),  1, true,  0, RetryAfter(s(10))),
            (response(429, reset_in_4),        1, true,  0, RetryAfter(s(4))),
            (response(503, reset_in_4),        1, true,  0, RetryAfter(ms(1000))), // reset is for 429s
            (response(429, both),              1, true,  0, RetryAfter(s(2))),     // Retry-After first
            (response(503, retry_after_0),     1, true,  0, RetryAfter(ms(1000))), // never sooner than the first step
            (response(429, retry_after_past),  3, true,  0, RetryAfter(ms(1000))),
            (response(429, reset_past),        1, true,  0, RetryAfter(ms(1000))),
            (response(503, huge),              1, true,  0, Stop),            // past the deadline
            (response(503, retry_after_7),     1, true, 55, Stop),            // past the deadline
            (response(503, retry_after_7),     1, true, 53, RetryAfter(s(7))), // ends at the deadline: made
            (Outcome::ConnectionError,         1, true,  0, RetryAfter(ms(1000))),
            (Outcome::ConnectionError,         1, false, 0, Stop),
            (Outcome::Timeout,                 2, true,  0, RetryAfter(ms(2000))),
            (Outcome::Timeout,                 1, false, 0, Stop),
        ];
        for (outcome, number, idempotent, elapsed, expected) in table {
            let attempt = Attempt {
                outcome,
                number,
                idempotent,
                elapsed: s(elapsed),
                now: from_unix_seconds(NOW).unwrap(),
                // Jitter 1.0 makes the backoff its full, predictable value.
                jitter: 1.0,
            };
            assert_eq!(decide(&policy, &attempt), expected, "{attempt:?}");
        }
    }

    #[test]
    fn backoff_is_capped_and_jittered_within_half() {
        let policy = RetryPolicy::default()
            .with_backoff(Duration::from_millis(500), Duration::from_secs(20));
        assert_eq!(policy.backoff(1, 1.0), Duration::from_millis(500));
        assert_eq!(policy.backoff(1, 0.0), Duration::from_millis(250));
        assert_eq!(policy.backoff(7, 1.0), Duration::from_secs(20));
        assert_eq!(policy.backoff(200, 1.0), Duration::from_secs(20));
    }

    #[test]
    fn no_deadline_means_waits_are_not_cut() {
        let policy = RetryPolicy::default().with_total_deadline(None);
        let huge = headers(&[("retry-after", "3600")]);
        let attempt = Attempt {
            outcome: Outcome::Response {
                status: StatusCode::SERVICE_UNAVAILABLE,
                headers: &huge,
            },
            number: 1,
            idempotent: true,
            elapsed: Duration::ZERO,
            now: from_unix_seconds(NOW).unwrap(),
            jitter: 0.5,
        };
        assert_eq!(
            decide(&policy, &attempt),
            RetryDecision::RetryAfter(Duration::from_secs(3600))
        );
    }
}
