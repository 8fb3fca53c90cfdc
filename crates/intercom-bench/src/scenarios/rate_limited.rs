//! Figure 4: a cold sync of 10,000 pages into a fake with a tight rate limit. The aim: the
//! client's pacing keeps the sync at 99% or more of the limit, with no 429 and no failed page.
//!
//! The default is the example, 500 requests per 10-second window, which takes over
//! 200 s for 10,000 pages; `--rate-window-ms 1000` runs the same shape ten times faster (at
//! a worse fraction: `X-RateLimit-Reset` is in whole seconds).

use std::path::Path;

use anyhow::Result;

use crate::fake_process::{FakeConfig, FakeProcess};
use crate::requests::{RequestStats, span_and_floor};
use crate::scenarios::sync_job::{self, SyncResult};

/// The share of the limit the aim asks for.
pub const AIM: f64 = 0.99;

/// What the rate-limited sync measured.
#[derive(Debug, Clone)]
pub struct RateLimited {
    /// Pages in the input.
    pub pages: usize,
    /// Writes in flight.
    pub concurrency: usize,
    /// Requests admitted per window.
    pub limit: u32,
    /// The window, in milliseconds.
    pub window_ms: u64,
    /// What the child reported.
    pub result: SyncResult,
    /// What the fake saw.
    pub requests: RequestStats,
    /// From the first request to the last, in the fake's log, in seconds.
    pub logged_seconds: f64,
    /// The floor over the same span: the earliest the last request could be admitted.
    pub floor_seconds: f64,
}

impl RateLimited {
    /// Requests the fake admitted per window, on average over the sync's wall time.
    pub fn per_window(&self) -> f64 {
        let windows = self.result.seconds * 1000.0 / self.window_ms as f64;
        self.requests.admitted() as f64 / windows
    }

    /// [`per_window`](Self::per_window) as a fraction of the limit.
    pub fn fraction_of_limit(&self) -> f64 {
        self.per_window() / f64::from(self.limit)
    }

    /// Whether the aim was met: at least [`AIM`] of the limit, no 429 and no failed page.
    pub fn met_aim(&self) -> bool {
        self.fraction_of_limit() >= AIM
            && self.requests.rate_limited == 0
            && self.result.failed == 0
    }

    /// The logged span over the floor.
    pub fn over_floor(&self) -> f64 {
        self.logged_seconds / self.floor_seconds
    }
}

/// Starts a fake limited to `limit` requests per `window_ms` and syncs `pages` pages into it.
pub async fn run(
    fake_bin: &Path,
    pages: usize,
    concurrency: usize,
    limit: u32,
    window_ms: u64,
) -> Result<RateLimited> {
    let config = FakeConfig::limited(limit, window_ms);
    let fake = FakeProcess::start(fake_bin, &config).await?;
    let (result, requests) = sync_job::in_child(&fake, pages, concurrency).await?;
    let (logged_seconds, floor_seconds) = span_and_floor(&fake.requests().await?, limit, window_ms);
    Ok(RateLimited {
        pages,
        concurrency,
        limit,
        window_ms,
        result,
        requests,
        logged_seconds,
        floor_seconds,
    })
}
