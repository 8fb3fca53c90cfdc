//! Figure 2: a cold sync of 10,000 generated pages into an empty fake (every page a create):
//! wall time, requests sent, peak memory of the syncing process.

use anyhow::Result;

use crate::fake_process::FakeProcess;
use crate::requests::RequestStats;
use crate::scenarios::sync_job::{self, SyncResult};

/// What the cold sync measured.
#[derive(Debug, Clone)]
pub struct ColdSync {
    /// Pages in the input.
    pub pages: usize,
    /// Writes in flight.
    pub concurrency: usize,
    /// What the child reported.
    pub result: SyncResult,
    /// What the fake saw.
    pub requests: RequestStats,
}

/// Syncs `pages` pages into `fake`, which must not hold them yet.
pub async fn run(fake: &FakeProcess, pages: usize, concurrency: usize) -> Result<ColdSync> {
    let (result, requests) = sync_job::in_child(fake, pages, concurrency).await?;
    Ok(ColdSync {
        pages,
        concurrency,
        result,
        requests,
    })
}
