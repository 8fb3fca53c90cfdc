//! Intercom-style rate limits: a number of requests per fixed window, advertised with
//! `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds).

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::{HeaderMap, HeaderValue};
use tokio::time::Instant;

/// How many requests a window admits, and how long a window lasts.
///
/// The default is Intercom's: 10,000 calls a minute spread over 10-second windows, i.e. 1,666
/// requests per 10 s window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests admitted per window; request number `requests + 1` gets a 429.
    pub requests: u32,
    /// The window's length (at least 1 ms is used).
    pub window: Duration,
}

impl RateLimit {
    /// `requests` per `window`.
    pub fn new(requests: u32, window: Duration) -> Self {
        Self { requests, window }
    }
}

impl Default for RateLimit {
    fn default() -> Self {
        Self::new(1_666, Duration::from_secs(10))
    }
}

/// What the headers of one answer say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RateStatus {
    /// `X-RateLimit-Limit`.
    pub(crate) limit: u32,
    /// `X-RateLimit-Remaining`.
    pub(crate) remaining: u32,
    /// `X-RateLimit-Reset`: Unix seconds (rounded up) when the window ends.
    pub(crate) reset: u64,
    /// Whole seconds (rounded up, at least 1) until the window ends, for `Retry-After`.
    pub(crate) retry_after: u64,
}

impl RateStatus {
    /// Adds the three `X-RateLimit-*` headers.
    pub(crate) fn apply(&self, headers: &mut HeaderMap) {
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(self.reset));
    }
}

#[derive(Debug)]
struct Window {
    started: Instant,
    used: u32,
}

/// The counter shared by all requests of one fake. Uses tokio's clock, so a paused clock
/// (`tokio::time::pause`) moves windows on deterministically.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    config: RateLimit,
    window: Mutex<Window>,
}

impl RateLimiter {
    /// A limiter whose first window starts now.
    pub(crate) fn new(config: RateLimit) -> Self {
        let window = config.window.max(Duration::from_millis(1));
        Self {
            config: RateLimit { window, ..config },
            window: Mutex::new(Window {
                started: Instant::now(),
                used: 0,
            }),
        }
    }

    /// Counts one request: `Ok` if admitted, `Err` if over the limit; both with the headers.
    pub(crate) fn acquire(&self) -> Result<RateStatus, RateStatus> {
        self.with_window(|w, limit| {
            if w.used < limit {
                w.used += 1;
                true
            } else {
                false
            }
        })
    }

    /// The headers for an answer that does not count (a 401 or an injected fault).
    pub(crate) fn peek(&self) -> RateStatus {
        match self.with_window(|_, _| true) {
            Ok(s) | Err(s) => s,
        }
    }

    fn with_window(
        &self,
        f: impl FnOnce(&mut Window, u32) -> bool,
    ) -> Result<RateStatus, RateStatus> {
        let now = Instant::now();
        let (admitted, used, ends_in) = {
            let mut w = self.window.lock().unwrap_or_else(|p| p.into_inner());
            if now.duration_since(w.started) >= self.config.window {
                w.started = now;
                w.used = 0;
            }
            let admitted = f(&mut w, self.config.requests);
            let ends_in = (w.started + self.config.window).saturating_duration_since(now);
            (admitted, w.used, ends_in)
        };
        let status = RateStatus {
            limit: self.config.requests,
            remaining: self.config.requests.saturating_sub(used),
            reset: unix_ceil(SystemTime::now() + ends_in),
            retry_after: ceil_secs(ends_in).max(1),
        };
        if admitted { Ok(status) } else { Err(status) }
    }
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// Unix seconds of `t`, rounded up.
pub(crate) fn unix_ceil(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map(ceil_secs).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn admits_the_limit_then_refuses_until_the_window_ends() {
        let limiter = RateLimiter::new(RateLimit::new(2, Duration::from_secs(10)));
        assert_eq!(limiter.acquire().unwrap().remaining, 1);
        assert_eq!(limiter.acquire().unwrap().remaining, 0);
        let refused = limiter.acquire().unwrap_err();
        assert_eq!((refused.limit, refused.remaining), (2, 0));
        assert_eq!(refused.retry_after, 10);
        tokio::time::advance(Duration::from_secs(4)).await;
        assert_eq!(limiter.acquire().unwrap_err().retry_after, 6);
        assert_eq!(limiter.peek().remaining, 0);
        tokio::time::advance(Duration::from_secs(6)).await;
        assert_eq!(limiter.acquire().unwrap().remaining, 1);
    }
}
