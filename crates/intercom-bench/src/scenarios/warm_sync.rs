//! Figure 3: the same sync again, against the fake the cold sync filled. Every page is
//! unchanged, so the aim is list reads only and not a single write.

use anyhow::Result;

use crate::fake_process::FakeProcess;
use crate::requests::RequestStats;
use crate::scenarios::sync_job::{self, SyncResult};

/// What the warm re-sync measured.
#[derive(Debug, Clone)]
pub struct WarmSync {
    /// Pages in the input.
    pub pages: usize,
    /// What the child reported.
    pub result: SyncResult,
    /// What the fake saw during this run only.
    pub requests: RequestStats,
}

impl WarmSync {
    /// Whether the aim was met: every page unchanged, no write, no failure.
    pub fn met_aim(&self) -> bool {
        self.requests.writes == 0 && self.result.unchanged == self.pages && self.result.failed == 0
    }
}

/// Syncs the same `pages` pages into `fake` again.
pub async fn run(fake: &FakeProcess, pages: usize, concurrency: usize) -> Result<WarmSync> {
    let (result, requests) = sync_job::in_child(fake, pages, concurrency).await?;
    Ok(WarmSync {
        pages,
        result,
        requests,
    })
}
