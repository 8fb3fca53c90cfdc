//! Figure 7: pacing at the rate limit against the official SDK. The same pages, the same
//! concurrency, each against a fresh fake with Intercom's default limit (1,666 requests per
//! 10 s): the official Node SDK's plain `createExternalPage` loop (npm `intercom-client`,
//! pinned, installed into the benchmark's temporary folder), and our cold sync. For each: the
//! wall time, the 429s in the fake's request log, and the floor.
//!
//! The floor is the earliest the run's last request could be admitted: the fake's first
//! window starts when it does, so request `k` (from 1) of a run can go no earlier than
//! `10 s × ⌊(k − 1) / 1,666⌋` after the fake started. Counted from the run's first request
//! (the fake's request log times both), it is what a client that waits for nothing else
//! would take.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::client::TOKEN;
use crate::content;
use crate::fake_process::{FakeConfig, FakeProcess};
use crate::requests::{RequestStats, span_and_floor};
use crate::scenarios::sync_job;

/// The SDK version the peer runs: the one the issue measured.
pub const NODE_SDK: &str = "intercom-client@7.0.3";

/// The size: 2,000 new pages, 16 in flight.
pub const DEFAULT_PAGES: usize = 2_000;
/// Writes in flight, for both sides.
pub const DEFAULT_CONCURRENCY: usize = 16;

/// Intercom's limit, the fake's default: requests per window.
pub const LIMIT: u32 = 1_666;
/// The window, in milliseconds.
pub const WINDOW_MS: u64 = 10_000;

/// The aim: our sync within this of the floor.
pub const AIM_OVER_FLOOR: f64 = 1.03;

/// The loop the peer runs.
const SCRIPT: &str = include_str!("../../node/upsert_loop.js");

/// One side's run.
#[derive(Debug, Clone)]
pub struct Side {
    /// Wall time, as the run measured it (from just before its first request).
    pub seconds: f64,
    /// From the run's first request to its last, in the fake's log.
    pub logged_seconds: f64,
    /// The floor, from the run's first request (see the module docs).
    pub floor_seconds: f64,
    /// Pages that failed.
    pub failed: usize,
    /// What the fake saw.
    pub requests: RequestStats,
}

impl NodePeer {
    /// Whether the aims were met: no slower than the Node loop (when it ran), within 3% of
    /// the floor, no 429 and no failed page.
    pub fn met_aim(&self) -> bool {
        let as_fast = self
            .node
            .as_ref()
            .map_or(true, |node| self.ours.logged_seconds <= node.logged_seconds);
        as_fast
            && self.ours.over_floor() <= AIM_OVER_FLOOR
            && self.ours.requests.rate_limited == 0
            && self.ours.failed == 0
    }
}

impl Side {
    /// Logged time over the floor.
    pub fn over_floor(&self) -> f64 {
        if self.floor_seconds > 0.0 {
            self.logged_seconds / self.floor_seconds
        } else {
            f64::NAN
        }
    }
}

/// What figure 7 measured.
#[derive(Debug, Clone)]
pub struct NodePeer {
    /// Pages per run.
    pub pages: usize,
    /// Writes in flight.
    pub concurrency: usize,
    /// The Node SDK's loop, or why it did not run.
    pub node: std::result::Result<Side, String>,
    /// Our cold sync.
    pub ours: Side,
}

/// What the Node script prints.
#[derive(Debug, Deserialize)]
struct NodeResult {
    seconds: f64,
    failed: usize,
    first_failure: Option<String>,
}

/// A page as the Node SDK's `createExternalPage` takes it.
#[derive(Serialize)]
struct NodePage {
    external_id: String,
    title: String,
    html: String,
    url: String,
}

/// Runs both sides, the Node one first (skipped, with the reason, without node and npm).
pub async fn run(
    fake_bin: &Path,
    dir: &Path,
    pages: usize,
    concurrency: usize,
) -> Result<NodePeer> {
    let config = FakeConfig::limited(LIMIT, WINDOW_MS);
    let node = match install_node_peer(dir) {
        Ok(script) => {
            let fake = FakeProcess::start(fake_bin, &config).await?;
            Ok(node_side(&fake, &script, dir, pages, concurrency).await?)
        }
        Err(skipped) => Err(skipped),
    };
    let fake = FakeProcess::start(fake_bin, &config).await?;
    let (result, requests) = sync_job::in_child(&fake, pages, concurrency).await?;
    let log = fake.requests().await?;
    let (logged_seconds, floor_seconds) = span_and_floor(&log, LIMIT, WINDOW_MS);
    let ours = Side {
        seconds: result.seconds,
        logged_seconds,
        floor_seconds,
        failed: result.failed,
        requests,
    };
    Ok(NodePeer {
        pages,
        concurrency,
        node,
        ours,
    })
}

/// Installs the pinned SDK into `dir/node-peer` and writes the script there; `Err` says why
/// the peer is skipped.
fn install_node_peer(dir: &Path) -> std::result::Result<std::path::PathBuf, String> {
    for tool in ["node", "npm"] {
        let found = Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            return Err(format!("skipped: no {tool}"));
        }
    }
    let folder = dir.join("node-peer");
    std::fs::create_dir_all(&folder).map_err(|e| format!("skipped: {e}"))?;
    std::fs::write(folder.join("package.json"), "{\"private\": true}\n")
        .map_err(|e| format!("skipped: {e}"))?;
    let output = Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--silent", NODE_SDK])
        .current_dir(&folder)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("skipped: cannot run npm: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or_default().trim().to_owned();
        return Err(format!("skipped: npm install {NODE_SDK} failed: {first}"));
    }
    let script = folder.join("upsert_loop.js");
    std::fs::write(&script, SCRIPT).map_err(|e| format!("skipped: {e}"))?;
    Ok(script)
}

/// The Node loop against `fake`.
async fn node_side(
    fake: &FakeProcess,
    script: &Path,
    dir: &Path,
    pages: usize,
    concurrency: usize,
) -> Result<Side> {
    let pages_file = dir.join("node-peer/pages.jsonl");
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(&pages_file).context("cannot write the peer's pages")?,
    );
    for index in 0..pages {
        let page = NodePage {
            external_id: content::external_id(index),
            title: content::title(index),
            html: content::html(index),
            url: content::url(index),
        };
        serde_json::to_writer(&mut file, &page)?;
        file.write_all(b"\n")?;
    }
    file.flush()?;
    drop(file);
    let (script, base_url) = (script.to_owned(), fake.base_url().to_owned());
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(&script)
            .env("BASE_URL", base_url)
            .env("TOKEN", TOKEN)
            .env("PAGES_FILE", pages_file)
            .env("CONCURRENCY", concurrency.to_string())
            .env("SOURCE_URL", content::SOURCE_URL)
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
    })
    .await
    .context("the task waiting for node panicked")?
    .context("cannot run node")?;
    if !output.status.success() {
        bail!("the Node peer failed ({})", output.status);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let result: NodeResult =
        serde_json::from_str(line).with_context(|| format!("the Node peer printed {line:?}"))?;
    if let Some(failure) = &result.first_failure {
        eprintln!("node peer: first failure: {failure}");
    }
    let log = fake.requests().await?;
    let (logged_seconds, floor_seconds) = span_and_floor(&log, LIMIT, WINDOW_MS);
    Ok(Side {
        seconds: result.seconds,
        logged_seconds,
        floor_seconds,
        failed: result.failed,
        requests: RequestStats::of(&log),
    })
}
