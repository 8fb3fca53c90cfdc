//! The sync a child process runs for the cold, warm and rate-limited scenarios: generated
//! pages streamed into `intercom_sync::sync`, timed, with the process's peak memory after.

use std::time::Instant;

use anyhow::{Context, Result};
use futures::stream;
use intercom_sync::{SyncOptions, sync};
use serde::{Deserialize, Serialize};

use crate::child::{self, Job};
use crate::fake_process::FakeProcess;
use crate::requests::RequestStats;
use crate::{client, content, memory};

/// What one sync did, as the child reports it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SyncResult {
    /// Wall time of the `sync` call (building the client excluded).
    pub seconds: f64,
    /// Pages created.
    pub created: usize,
    /// Pages updated.
    pub updated: usize,
    /// Pages left alone.
    pub unchanged: usize,
    /// Pages that failed.
    pub failed: usize,
    /// The first failure, if any.
    pub first_failure: Option<String>,
    /// The process's peak resident set, in KiB, read after the sync.
    pub peak_kib: u64,
}

/// Syncs pages `0..pages` of [`content`] into [`content::SOURCE_URL`] at the fake at
/// `base_url`, with `concurrency` writes in flight. The pages are generated as the sync pulls
/// them: the input never sits in memory as a whole.
pub async fn run(base_url: &str, pages: usize, concurrency: usize) -> Result<SyncResult> {
    let client = client::intercom(base_url)?;
    let input = stream::iter((0..pages).map(content::desired_page));
    let options = SyncOptions::default().concurrency(concurrency)?;
    let started = Instant::now();
    let report = sync(&client, content::SOURCE_URL, input, options)
        .await
        .context("the sync could not run")?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(SyncResult {
        seconds,
        created: report.counts.created,
        updated: report.counts.updated,
        unchanged: report.counts.unchanged,
        failed: report.counts.failed,
        first_failure: report.failures().next().map(ToString::to_string),
        peak_kib: memory::peak_kib()?,
    })
}

/// Parent side: runs the sync in a child process and counts its requests in the fake's log.
pub async fn in_child(
    fake: &FakeProcess,
    pages: usize,
    concurrency: usize,
) -> Result<(SyncResult, RequestStats)> {
    let before = fake.requests().await?.len();
    let result: SyncResult = child::spawn(Job::Sync {
        base_url: fake.base_url().to_owned(),
        pages,
        concurrency,
    })
    .await?;
    let log = fake.requests().await?;
    let requests = RequestStats::of(log.get(before..).unwrap_or_default());
    Ok((result, requests))
}
