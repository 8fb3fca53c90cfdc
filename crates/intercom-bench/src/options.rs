//! The benchmark's options: sizes, the rate limit of figure 4, and where the fake is.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

/// Sizes and settings of the five figures; the defaults are the issue's.
#[derive(Debug, Clone, Args)]
pub struct Options {
    /// The `intercom-fake` binary (default: beside this executable, as `cargo build
    /// --release -p intercom-fake` puts it).
    #[arg(long, value_name = "PATH")]
    pub fake_bin: Option<PathBuf>,

    /// Run only these figures (1 to 5, comma-separated); figure 3 needs 2, which runs with it.
    #[arg(long, value_delimiter = ',', value_parser = clap::value_parser!(u8).range(1..=5))]
    pub only: Vec<u8>,

    /// Figure 1: requests per side and workload.
    #[arg(long, default_value_t = 5_000)]
    pub overhead_requests: usize,

    /// Figure 1: alternating rounds the requests are split into.
    #[arg(long, default_value_t = 20)]
    pub overhead_rounds: usize,

    /// Figures 2 to 4: pages synced.
    #[arg(long, default_value_t = 10_000)]
    pub sync_pages: usize,

    /// Figures 2 to 4: writes in flight (the sync engine's default).
    #[arg(long, default_value_t = intercom_sync::DEFAULT_CONCURRENCY)]
    pub concurrency: usize,

    /// Figure 4: requests the fake admits per window.
    #[arg(long, default_value_t = 500)]
    pub rate_limit: u32,

    /// Figure 4: the window, in milliseconds. The default is the example (500 per
    /// 10 s), which takes about 220 s; `--rate-window-ms 1000` gives the same shape 10x faster,
    /// at a worse fraction (the reset header is in whole seconds).
    #[arg(long, default_value_t = 10_000)]
    pub rate_window_ms: u64,

    /// Figure 5: pages in the listed fake.
    #[arg(long, default_value_t = 100_000)]
    pub stream_pages: usize,

    /// Figure 5: the shorter stream whose peak memory the whole list's is compared with.
    #[arg(long, default_value_t = 10_000)]
    pub stream_checkpoint: usize,
}

impl Options {
    /// Whether figure `n` runs.
    pub fn runs(&self, n: u8) -> bool {
        self.only.is_empty() || self.only.contains(&n) || (n == 2 && self.only.contains(&3))
    }

    /// The fake binary to start.
    pub fn fake_bin(&self) -> Result<PathBuf> {
        if let Some(path) = &self.fake_bin {
            return Ok(path.clone());
        }
        let exe = std::env::current_exe().context("cannot find this benchmark's executable")?;
        let dir = exe
            .parent()
            .context("this benchmark's executable has no directory")?;
        let fake = dir.join(format!("intercom-fake{}", std::env::consts::EXE_SUFFIX));
        anyhow::ensure!(
            fake.is_file(),
            "{} does not exist: build it with `cargo build --release -p intercom-fake`, or pass --fake-bin (`cargo xtask bench` does both)",
            fake.display()
        );
        Ok(fake)
    }
}
