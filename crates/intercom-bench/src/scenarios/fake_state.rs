//! Figure 6: the `intercom` CLI's `--fake` state file. `intercom --fake --fake-state F sync`
//! of generated folders of 1,000 and 4,000 files: wall time of each and their ratio. When the
//! fake rewrote its whole state file after every change the ratio was about 10x (6 s and
//! 61 s: quadratic); a linear cost gives about 4x.
//!
//! The CLI's fake keeps Intercom's rate limit (1,666 requests per 10 s), and the client waits
//! for the window's reset when it has used it up, so from 1,666 requests on a run mostly
//! waits: that hides the fake's own costs. Each size is therefore run twice: with the fake's
//! limit lifted (`INTERCOM_FAKE_RATE_LIMIT`, see `crates/intercom-cli/src/context.rs`), which
//! gives the ratio, and as a user runs it, for reference.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail, ensure};

use crate::content;

/// Files per folder and pages per sync: the two sizes.
pub const DEFAULT_SIZES: [usize; 2] = [1_000, 4_000];

/// The aim: at most this times the size ratio (a linear cost is 1, a quadratic one the size
/// ratio squared).
pub const AIM: f64 = 1.5;

/// What lifts the CLI's fake's rate limit: requests per 10 s no run reaches.
const UNLIMITED: &str = "1000000000";

/// The two syncs of one size.
#[derive(Debug, Clone)]
pub struct SizeRun {
    /// Files in the folder.
    pub files: usize,
    /// Wall time of the `intercom` process, the fake's rate limit lifted.
    pub seconds: f64,
    /// The same with Intercom's rate limit (the CLI's default).
    pub limited_seconds: f64,
    /// Pages in the state file after each run (the lowest of the two).
    pub saved_pages: usize,
}

/// What figure 6 measured.
#[derive(Debug, Clone)]
pub struct FakeState {
    /// One run per size, smallest first.
    pub runs: Vec<SizeRun>,
}

impl FakeState {
    /// Largest size / smallest size.
    pub fn size_ratio(&self) -> f64 {
        match (self.runs.first(), self.runs.last()) {
            (Some(a), Some(b)) if a.files > 0 => b.files as f64 / a.files as f64,
            _ => 1.0,
        }
    }

    /// Wall time of the largest / of the smallest.
    pub fn time_ratio(&self) -> f64 {
        match (self.runs.first(), self.runs.last()) {
            (Some(a), Some(b)) if a.seconds > 0.0 => b.seconds / a.seconds,
            _ => 1.0,
        }
    }

    /// Whether the time grows about as the size does.
    pub fn met_aim(&self) -> bool {
        self.time_ratio() <= AIM * self.size_ratio()
            && self.runs.iter().all(|r| r.saved_pages == r.files)
    }
}

/// A folder of `files` generated help-center pages (about 2 KB of HTML each).
fn write_folder(dir: &Path, files: usize) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for index in 0..files {
        let path = dir.join(format!("page-{index:05}.html"));
        std::fs::write(&path, content::html(index))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// Pages in a fake state file.
fn saved_pages(state: &Path) -> Result<usize> {
    let bytes = std::fs::read(state).with_context(|| format!("cannot read {}", state.display()))?;
    let saved: serde_json::Value = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not JSON", state.display()))?;
    Ok(saved["pages"].as_array().map_or(0, Vec::len))
}

/// Runs `intercom --fake --fake-state STATE sync FOLDER` into a fresh `state`: the wall time
/// and the pages saved. `rate_limit`: the fake's, if not Intercom's.
fn sync_once(
    intercom: &Path,
    dir: &Path,
    folder: &Path,
    state: &Path,
    files: usize,
    rate_limit: Option<&str>,
) -> Result<(f64, usize)> {
    let mut command = Command::new(intercom);
    command
        .arg("--fake")
        .arg("--fake-state")
        .arg(state)
        .arg("sync")
        .arg(folder)
        .args(["--source-url", content::SOURCE_URL])
        // Nothing from the developer's environment: no token, no state location, no limit.
        .env_remove("INTERCOM_TOKEN")
        .env_remove("XDG_STATE_HOME")
        .env_remove("INTERCOM_FAKE_RATE_LIMIT")
        .env("HOME", dir);
    if let Some(limit) = rate_limit {
        command.env("INTERCOM_FAKE_RATE_LIMIT", limit);
    }
    let started = Instant::now();
    let output = command
        .output()
        .with_context(|| format!("cannot run {}", intercom.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        bail!(
            "intercom --fake sync of {files} files failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary = stdout.lines().last().unwrap_or_default();
    ensure!(
        summary.starts_with(&format!("{files} pages: {files} created")),
        "unexpected summary of the {files}-file sync: {summary}"
    );
    Ok((seconds, saved_pages(state)?))
}

/// Both syncs of one size.
fn sync_size(intercom: &Path, dir: &Path, files: usize) -> Result<SizeRun> {
    let folder = dir.join(format!("fake-state-{files}"));
    write_folder(&folder, files)?;
    let lifted = dir.join(format!("fake-state-{files}-lifted.json"));
    let (seconds, saved) = sync_once(intercom, dir, &folder, &lifted, files, Some(UNLIMITED))?;
    let limited = dir.join(format!("fake-state-{files}-limited.json"));
    let (limited_seconds, limited_saved) =
        sync_once(intercom, dir, &folder, &limited, files, None)?;
    Ok(SizeRun {
        files,
        seconds,
        limited_seconds,
        saved_pages: saved.min(limited_saved),
    })
}

/// Syncs a folder of each of `sizes` files (smallest first) into a fresh state file in `dir`.
pub fn run(intercom: &Path, dir: &Path, sizes: &[usize]) -> Result<FakeState> {
    let mut sizes = sizes.to_vec();
    sizes.sort_unstable();
    let runs = sizes
        .into_iter()
        .map(|files| sync_size(intercom, dir, files))
        .collect::<Result<_>>()?;
    Ok(FakeState { runs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_and_the_aim() {
        let run = |files, seconds| SizeRun {
            files,
            seconds,
            limited_seconds: seconds,
            saved_pages: files,
        };
        let linear = FakeState {
            runs: vec![run(1_000, 6.0), run(4_000, 24.0)],
        };
        assert_eq!(linear.size_ratio(), 4.0);
        assert_eq!(linear.time_ratio(), 4.0);
        assert!(linear.met_aim());
        let before = FakeState {
            runs: vec![run(1_000, 6.0), run(4_000, 61.0)],
        };
        assert!(!before.met_aim());
    }
}
