//! Jobs whose peak memory is measured run in a child process of their own: this benchmark
//! binary again, with the hidden `child` subcommand. The child does its one job on a fresh
//! tokio runtime (as a `#[tokio::main]` program would), reads its own `VmHWM`, and prints one
//! line of JSON, which the parent reads.

use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use serde::de::DeserializeOwned;

use crate::scenarios::{built_site, stream_list, sync_job};

/// One job for a child process.
#[derive(Debug, Clone, Subcommand)]
pub enum Job {
    /// Sync generated pages into the fake at `base_url`.
    Sync {
        /// The fake.
        #[arg(long)]
        base_url: String,
        /// How many pages.
        #[arg(long)]
        pages: usize,
        /// Writes in flight.
        #[arg(long)]
        concurrency: usize,
    },
    /// Read the built site in `dir` as a sync's planning does (figure 8).
    Built {
        /// The build folder.
        #[arg(long)]
        dir: String,
        /// How many pages it has.
        #[arg(long)]
        pages: usize,
    },
    /// Stream the first `items` external pages of the fake's list (0: only build the client).
    Stream {
        /// The fake.
        #[arg(long)]
        base_url: String,
        /// How many items.
        #[arg(long)]
        items: usize,
    },
}

impl Job {
    /// The command-line arguments that ask a child for this job.
    fn to_args(&self) -> Vec<String> {
        match self {
            Job::Sync {
                base_url,
                pages,
                concurrency,
            } => vec![
                "sync".into(),
                "--base-url".into(),
                base_url.clone(),
                "--pages".into(),
                pages.to_string(),
                "--concurrency".into(),
                concurrency.to_string(),
            ],
            Job::Built { dir, pages } => vec![
                "built".into(),
                "--dir".into(),
                dir.clone(),
                "--pages".into(),
                pages.to_string(),
            ],
            Job::Stream { base_url, items } => vec![
                "stream".into(),
                "--base-url".into(),
                base_url.clone(),
                "--items".into(),
                items.to_string(),
            ],
        }
    }
}

/// Parent side: runs `job` in a child process and returns what it printed.
pub async fn spawn<T: DeserializeOwned + Send + 'static>(job: Job) -> Result<T> {
    tokio::task::spawn_blocking(move || run_child(&job))
        .await
        .context("the task waiting for a child process panicked")?
}

/// Runs this executable as `child JOB…`, waits for it, and parses its last line.
fn run_child<T: DeserializeOwned>(job: &Job) -> Result<T> {
    let exe = std::env::current_exe().context("cannot find this benchmark's executable")?;
    let output = Command::new(&exe)
        .arg("child")
        .args(job.to_args())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    if !output.status.success() {
        bail!("the child process for {job:?} failed ({})", output.status);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let Some(line) = stdout.lines().rev().find(|l| !l.trim().is_empty()) else {
        bail!("the child process for {job:?} printed nothing");
    };
    serde_json::from_str(line)
        .with_context(|| format!("the child process for {job:?} printed {line:?}"))
}

/// Child side: does `job` and prints its result as one line of JSON.
pub fn run(job: Job) -> Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start a tokio runtime")?;
    let line = match job {
        Job::Sync {
            base_url,
            pages,
            concurrency,
        } => serde_json::to_string(&runtime.block_on(sync_job::run(
            &base_url,
            pages,
            concurrency,
        ))?)?,
        Job::Built { dir, pages } => serde_json::to_string(&built_site::read(&dir, pages)?)?,
        Job::Stream { base_url, items } => {
            serde_json::to_string(&runtime.block_on(stream_list::stream(&base_url, items))?)?
        }
    };
    println!("{line}");
    Ok(())
}
