//! Figure 5: streaming every external page of a fake that holds 100,000 (about 2 KB of HTML
//! each) with `.items()`, in a child process that reports its peak memory. The same is done
//! for the first 10,000 items and for none at all (the process's baseline), to show that the
//! peak does not grow with the length of the list.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, ensure};
use futures::{StreamExt, TryStreamExt};
use serde::{Deserialize, Serialize};

use crate::child::{self, Job};
use crate::fake_process::{FakeConfig, FakeProcess};
use crate::requests::RequestStats;
use crate::{client, memory, state_file};

/// Items per list request: the API's maximum.
pub const PER_PAGE: u32 = 150;

/// "Flat": from the checkpoint to the whole list, the peak may grow by at most this share of
/// the HTML streamed in between. A client that kept what it streamed would grow by more than
/// all of it (over 100%); one that holds a page at a time grows by allocator noise (1 to 2
/// MiB here, under 1% at the default sizes).
pub const FLAT_SHARE: f64 = 0.02;

/// "Well under 100 MiB".
pub const CEILING_KIB: u64 = 100 * 1024;

/// What one child streamed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StreamResult {
    /// Items streamed.
    pub items: usize,
    /// Bytes of HTML among them (so the items are really read).
    pub html_bytes: u64,
    /// Wall time of the stream.
    pub seconds: f64,
    /// The process's peak resident set, in KiB, read after the stream.
    pub peak_kib: u64,
}

/// What the streaming scenario measured.
#[derive(Debug, Clone)]
pub struct StreamList {
    /// Pages in the fake.
    pub pages: usize,
    /// A process that built the client and streamed nothing.
    pub baseline: StreamResult,
    /// The first items of the list.
    pub checkpoint: StreamResult,
    /// The whole list.
    pub full: StreamResult,
    /// What the fake saw while the whole list was streamed.
    pub requests: RequestStats,
    /// Writing the state file and starting the fake with it.
    pub setup_seconds: f64,
}

impl StreamList {
    /// How much the peak grew from the checkpoint to the whole list, as a share.
    pub fn growth(&self) -> f64 {
        self.full.peak_kib as f64 / self.checkpoint.peak_kib.max(1) as f64 - 1.0
    }

    /// How much the peak grew from the checkpoint to the whole list, in KiB (negative if
    /// it shrank).
    pub fn growth_kib(&self) -> i64 {
        self.full.peak_kib as i64 - self.checkpoint.peak_kib as i64
    }

    /// KiB of HTML streamed after the checkpoint.
    pub fn streamed_after_checkpoint_kib(&self) -> u64 {
        self.full
            .html_bytes
            .saturating_sub(self.checkpoint.html_bytes)
            / 1024
    }

    /// The peak's growth as a share of the HTML streamed after the checkpoint.
    pub fn growth_share(&self) -> f64 {
        self.growth_kib() as f64 / self.streamed_after_checkpoint_kib().max(1) as f64
    }

    /// Whether the aim was met: flat ([`FLAT_SHARE`]), and well under 100 MiB.
    pub fn met_aim(&self) -> bool {
        self.growth_share() <= FLAT_SHARE && self.full.peak_kib < CEILING_KIB
    }
}

/// Writes a state file of `pages` pages into `dir`, starts a fake on it, and streams none,
/// `checkpoint`, and all of them, each in its own child process.
pub async fn run(
    fake_bin: &Path,
    dir: &Path,
    pages: usize,
    checkpoint: usize,
) -> Result<StreamList> {
    let started = Instant::now();
    let path = dir.join("stream-list-state.json");
    let file = path.clone();
    tokio::task::spawn_blocking(move || state_file::write(&file, pages))
        .await
        .context("the task writing the state file panicked")??;
    let fake = FakeProcess::start(fake_bin, &FakeConfig::unlimited().state_file(&path)).await?;
    let setup_seconds = started.elapsed().as_secs_f64();
    let job = |items| Job::Stream {
        base_url: fake.base_url().to_owned(),
        items,
    };
    let baseline: StreamResult = child::spawn(job(0)).await?;
    let checkpoint: StreamResult = child::spawn(job(checkpoint.min(pages))).await?;
    let before = fake.requests().await?.len();
    let full: StreamResult = child::spawn(job(pages)).await?;
    let log = fake.requests().await?;
    Ok(StreamList {
        pages,
        baseline,
        checkpoint,
        full,
        requests: RequestStats::of(log.get(before..).unwrap_or_default()),
        setup_seconds,
    })
}

/// Child side: streams the first `items` external pages from the fake at `base_url`.
pub async fn stream(base_url: &str, items: usize) -> Result<StreamResult> {
    let client = client::intercom(base_url)?;
    let started = Instant::now();
    let mut pages = client
        .external_pages()
        .list()
        .per_page(PER_PAGE)
        .items()
        .take(items);
    let (mut count, mut html_bytes) = (0, 0);
    while let Some(page) = pages.try_next().await? {
        count += 1;
        html_bytes += page.html.len() as u64;
    }
    let seconds = started.elapsed().as_secs_f64();
    ensure!(
        count == items,
        "the list ended after {count} of {items} items"
    );
    Ok(StreamResult {
        items: count,
        html_bytes,
        seconds,
        peak_kib: memory::peak_kib()?,
    })
}
