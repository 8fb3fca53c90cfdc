//! The cold sync at Intercom's rate limit: new pages, each run into a fresh fake with Intercom's
//! limit, by our sync (in a child process, for its peak memory) and by the official Node SDK's
//! plain `createExternalPage` loop (npm `intercom-client`, pinned, installed into the
//! benchmark's temporary folder). Each against the floor: the earliest the limit admits the
//! run's last request (see [`Logged::of`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use futures::stream;
use intercom_client::Client;
use intercom_sync::{SyncOptions, sync as sync_pages};
use serde::{Deserialize, Serialize};

use crate::child::{self, Job};
use crate::content;
use crate::fake::{Fake, INTERCOM_LIMIT, INTERCOM_WINDOW, TOKEN};
use crate::measure::{Logged, mib, peak_kib, print_table};

/// The SDK the peer runs.
const NODE_SDK: &str = "intercom-client@7.0.3";

/// The peer's loop, as the SDK's README shows it.
const SCRIPT: &str = include_str!("../node/upsert_loop.js");

/// What a sync reports, from the child process (ours) or the Node script (the peer).
#[derive(Debug, Serialize, Deserialize)]
pub struct SyncResult {
    seconds: f64,
    failed: usize,
    #[serde(default)]
    first_failure: Option<String>,
    #[serde(default)]
    peak_kib: Option<u64>,
}

/// Child side: syncs pages `0..pages` of [`content`] into the fake at `base_url`, generated as
/// the sync pulls them (never all in memory).
pub async fn sync(base_url: &str, pages: usize, concurrency: usize) -> Result<SyncResult> {
    let client = Client::builder().token(TOKEN).base_url(base_url).build()?;
    let input = stream::iter((0..pages).map(content::desired_page));
    let options = SyncOptions::default().concurrency(concurrency)?;
    let started = Instant::now();
    let report = sync_pages(&client, content::SOURCE_URL, input, options)
        .await
        .context("the sync could not run")?;
    Ok(SyncResult {
        seconds: started.elapsed().as_secs_f64(),
        failed: report.counts.failed,
        first_failure: report.failures().next().map(ToString::to_string),
        peak_kib: Some(peak_kib()?),
    })
}

/// Runs the Node loop (skipped, with the reason, without node and npm), then our sync, and
/// prints the table.
pub async fn run(fake_bin: &Path, dir: &Path, pages: usize, concurrency: usize) -> Result<()> {
    println!(
        "## Cold sync at Intercom's limit\n\n{pages} new pages, {concurrency} in flight, each run \
         into a fresh fake admitting {INTERCOM_LIMIT} requests per {INTERCOM_WINDOW:?}.\n"
    );
    let mut rows = Vec::new();
    match install_node_peer(dir) {
        Ok(script) => {
            let fake = Fake::start(fake_bin, INTERCOM_LIMIT, None)?;
            let result = node_loop(&fake, &script, dir, pages, concurrency)?;
            rows.push(row("Node SDK loop", &result, &fake).await?);
        }
        Err(skipped) => println!("Node SDK loop: {skipped}\n"),
    }
    let fake = Fake::start(fake_bin, INTERCOM_LIMIT, None)?;
    let base_url = fake.base_url().to_owned();
    let job = Job::Sync {
        base_url,
        pages,
        concurrency,
    };
    let result: SyncResult = tokio::task::spawn_blocking(move || child::spawn(&job)).await??;
    rows.push(row("intercom-sync", &result, &fake).await?);
    print_table(
        &[
            "run",
            "wall",
            "first to last request",
            "floor",
            "x floor",
            "requests",
            "429s",
            "failed",
            "peak memory",
        ],
        &rows,
    );
    Ok(())
}

async fn row(name: &str, result: &SyncResult, fake: &Fake) -> Result<Vec<String>> {
    if let Some(failure) = &result.first_failure {
        eprintln!("{name}: first failure: {failure}");
    }
    let logged = Logged::of(&fake.requests().await?, INTERCOM_LIMIT, INTERCOM_WINDOW);
    Ok(vec![
        name.to_owned(),
        format!("{:.2} s", result.seconds),
        format!("{:.2} s", logged.span),
        format!("{:.2} s", logged.floor),
        format!("{:.3}x", logged.span / logged.floor),
        logged.requests.to_string(),
        logged.rate_limited.to_string(),
        result.failed.to_string(),
        result.peak_kib.map_or("-".to_owned(), mib),
    ])
}

/// Installs the pinned SDK into `dir/node-peer` and writes the script there; `Err` says why
/// the peer is skipped.
fn install_node_peer(dir: &Path) -> Result<PathBuf, String> {
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

/// The Node loop against `fake`, on the same pages (JSON Lines).
fn node_loop(
    fake: &Fake,
    script: &Path,
    dir: &Path,
    pages: usize,
    concurrency: usize,
) -> Result<SyncResult> {
    let pages_file = dir.join("node-peer/pages.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&pages_file)?);
    for index in 0..pages {
        let page = serde_json::json!({
            "external_id": content::external_id(index),
            "title": content::title(index),
            "html": content::html(index),
            "url": content::url(index),
        });
        serde_json::to_writer(&mut file, &page)?;
        file.write_all(b"\n")?;
    }
    file.flush()?;
    let output = Command::new("node")
        .arg(script)
        .env("BASE_URL", fake.base_url())
        .env("TOKEN", TOKEN)
        .env("PAGES_FILE", &pages_file)
        .env("CONCURRENCY", concurrency.to_string())
        .env("SOURCE_URL", content::SOURCE_URL)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run node")?;
    if !output.status.success() {
        bail!("the Node peer failed ({})", output.status);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).with_context(|| format!("the Node peer printed {line:?}"))
}
