//! The benchmark's options: sizes, the rate limit of figure 4, and where the fake and the
//! `intercom` CLI are.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

/// Sizes and settings of the seven figures; the defaults are the issue's.
#[derive(Debug, Clone, Args)]
pub struct Options {
    /// The `intercom-fake` binary (default: beside this executable, as `cargo build
    /// --release -p intercom-fake` puts it).
    #[arg(long, value_name = "PATH")]
    pub fake_bin: Option<PathBuf>,

    /// The `intercom` CLI binary of figure 6 (default: beside this executable, as `cargo
    /// build --release -p intercom-cli` puts it).
    #[arg(long, value_name = "PATH")]
    pub intercom_bin: Option<PathBuf>,

    /// Run only these figures (1 to 8, comma-separated; `fake-state` is 6, `peer` is 7);
    /// figure 3 needs 2, which runs with it.
    #[arg(long, value_delimiter = ',', value_parser = parse_figure)]
    pub only: Vec<u8>,

    /// Figure 1: requests per side of a sequential workload; a workload with n in flight sends
    /// n times as many, so that each is measured over a similar time.
    #[arg(long, default_value_t = 5_000)]
    pub overhead_requests: usize,

    /// Figure 1: alternating rounds the requests are split into.
    #[arg(long, default_value_t = 20)]
    pub overhead_rounds: usize,

    /// Instead of the figures: send figure 1's single GET, 8 in flight,
    /// `--overhead-requests` times through this side only and print the time, for a
    /// profiler that counts the whole process (`valgrind --tool=callgrind`, see
    /// BENCHMARKS.md).
    #[arg(long, value_name = "SIDE")]
    pub profile_side: Option<crate::scenarios::overhead::ProfileSide>,

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

    /// Figure 7: pages of the Node SDK's loop and of our sync, each into a fresh fake with
    /// Intercom's limit.
    #[arg(long, default_value_t = crate::scenarios::node_peer::DEFAULT_PAGES)]
    pub peer_pages: usize,

    /// Figure 7: calls in flight, for both.
    #[arg(long, default_value_t = crate::scenarios::node_peer::DEFAULT_CONCURRENCY)]
    pub peer_concurrency: usize,

    /// Figure 8: pages of the smaller and the larger generated built site.
    #[arg(long, value_delimiter = ',', default_values_t = [1_000, 10_000])]
    pub built_pages: Vec<usize>,

    /// Figure 6: files in the folders synced with `intercom --fake` (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = crate::scenarios::fake_state::DEFAULT_SIZES)]
    pub fake_state_files: Vec<usize>,
}

/// A figure's number, or `fake-state` for figure 6.
fn parse_figure(text: &str) -> Result<u8, String> {
    match text.trim() {
        "fake-state" => Ok(6),
        "peer" => Ok(7),
        number => match number.parse::<u8>() {
            Ok(n @ 1..=8) => Ok(n),
            _ => Err(format!(
                "{number:?} is not a figure (1 to 8, fake-state or peer)"
            )),
        },
    }
}

/// `name` beside this executable, where `cargo build --release -p package` puts it.
fn beside_this_exe(name: &str, package: &str, flag: &str) -> Result<PathBuf> {
    let exe = std::env::current_exe().context("cannot find this benchmark's executable")?;
    let dir = exe
        .parent()
        .context("this benchmark's executable has no directory")?;
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    anyhow::ensure!(
        path.is_file(),
        "{} does not exist: build it with `cargo build --release -p {package}`, or pass {flag} (`cargo xtask bench` does both)",
        path.display()
    );
    Ok(path)
}

impl Options {
    /// Whether figure `n` runs.
    pub fn runs(&self, n: u8) -> bool {
        self.only.is_empty() || self.only.contains(&n) || (n == 2 && self.only.contains(&3))
    }

    /// The fake binary to start.
    pub fn fake_bin(&self) -> Result<PathBuf> {
        match &self.fake_bin {
            Some(path) => Ok(path.clone()),
            None => beside_this_exe("intercom-fake", "intercom-fake", "--fake-bin"),
        }
    }

    /// The `intercom` binary of figure 6.
    pub fn intercom_bin(&self) -> Result<PathBuf> {
        match &self.intercom_bin {
            Some(path) => Ok(path.clone()),
            None => beside_this_exe("intercom", "intercom-cli", "--intercom-bin"),
        }
    }
}
