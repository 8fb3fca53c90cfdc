//! A figure whose peak memory is measured runs its job in a child process: this binary again,
//! with the hidden `child` subcommand, which does the one job on a fresh tokio runtime and
//! prints its result as one line of JSON.

use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use serde::de::DeserializeOwned;

use crate::{built_site, cold_sync, stream};

/// One job for a child process.
#[derive(Debug, Clone, Subcommand)]
pub enum Job {
    /// Sync generated pages into the fake at `base_url`.
    Sync {
        #[arg(long)]
        base_url: String,
        #[arg(long)]
        pages: usize,
        #[arg(long)]
        concurrency: usize,
    },
    /// Stream the first `items` external pages of the fake's list (0: only build the client).
    Stream {
        #[arg(long)]
        base_url: String,
        #[arg(long)]
        items: usize,
    },
    /// Read the built site in `dir` as a sync's planning does.
    Built {
        #[arg(long)]
        dir: String,
        #[arg(long)]
        pages: usize,
    },
}

impl Job {
    fn args(&self) -> Vec<String> {
        let strings = |a: &[&dyn ToString]| a.iter().map(|s| s.to_string()).collect();
        match self {
            Job::Sync {
                base_url,
                pages,
                concurrency,
            } => strings(&[
                &"sync",
                &"--base-url",
                base_url,
                &"--pages",
                pages,
                &"--concurrency",
                concurrency,
            ]),
            Job::Stream { base_url, items } => {
                strings(&[&"stream", &"--base-url", base_url, &"--items", items])
            }
            Job::Built { dir, pages } => strings(&[&"built", &"--dir", dir, &"--pages", pages]),
        }
    }
}

/// Parent side: runs `job` in a child process and returns what it printed.
pub fn spawn<T: DeserializeOwned>(job: &Job) -> Result<T> {
    let exe = std::env::current_exe().context("cannot find this benchmark's executable")?;
    let output = Command::new(&exe)
        .arg("child")
        .args(job.args())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    if !output.status.success() {
        bail!("the child process for {job:?} failed ({})", output.status);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).with_context(|| format!("the child for {job:?} printed {line:?}"))
}

/// Child side: does `job` and prints its result as one line of JSON.
pub fn run(job: Job) -> Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start a tokio runtime")?;
    let line = match job {
        Job::Sync {
            base_url,
            pages,
            concurrency,
        } => serde_json::to_string(&runtime.block_on(cold_sync::sync(
            &base_url,
            pages,
            concurrency,
        ))?)?,
        Job::Stream { base_url, items } => {
            serde_json::to_string(&runtime.block_on(stream::stream(&base_url, items))?)?
        }
        Job::Built { dir, pages } => serde_json::to_string(&built_site::read(&dir, pages)?)?,
    };
    println!("{line}");
    Ok(())
}
