//! The fake Intercom as a separate process (the release `intercom-fake` binary), so that its
//! CPU time is its own and its memory is never counted as the benchmarked process's.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use anyhow::{Context, Result, bail};
use intercom_fake::RequestRecord;

use crate::client::TOKEN;

/// How a fake is started.
#[derive(Debug, Clone)]
pub struct FakeConfig {
    /// Requests admitted per window.
    pub rate_limit: u32,
    /// The window, in milliseconds.
    pub rate_window_ms: u64,
    /// A state file to start from (in the benchmark's temporary directory).
    pub state_file: Option<PathBuf>,
}

impl FakeConfig {
    /// A limit no scenario reaches: for figures that the rate limit must not bound.
    pub const UNLIMITED: u32 = 1_000_000_000;

    /// A fake whose rate limit does not get in the way.
    pub fn unlimited() -> Self {
        Self::limited(Self::UNLIMITED, 10_000)
    }

    /// A fake admitting `rate_limit` requests per `rate_window_ms`.
    pub fn limited(rate_limit: u32, rate_window_ms: u64) -> Self {
        FakeConfig {
            rate_limit,
            rate_window_ms,
            state_file: None,
        }
    }

    /// Starts from this state file.
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }
}

/// A running `intercom-fake` process; killed when dropped.
pub struct FakeProcess {
    child: Child,
    base_url: String,
    http: reqwest::Client,
    /// Kept open so the fake never writes to a closed pipe.
    _stdout: BufReader<ChildStdout>,
}

impl FakeProcess {
    /// Starts `binary` on a free loopback port and waits for its `listening on` line (after
    /// it has loaded its state file, if any).
    pub async fn start(binary: &Path, config: &FakeConfig) -> Result<FakeProcess> {
        let (binary, config) = (binary.to_owned(), config.clone());
        tokio::task::spawn_blocking(move || Self::start_blocking(&binary, &config))
            .await
            .context("the task starting the fake panicked")?
    }

    fn start_blocking(binary: &Path, config: &FakeConfig) -> Result<FakeProcess> {
        let mut command = Command::new(binary);
        command
            .args(["--addr", "127.0.0.1:0", "--log-level", "error"])
            .args(["--rate-limit", &config.rate_limit.to_string()])
            .args(["--rate-window-ms", &config.rate_window_ms.to_string()])
            // Every request of the longest scenario stays in the log.
            .args(["--request-log-limit", "10000000"])
            // The token through the environment, which `ps` does not show.
            .env("INTERCOM_FAKE_TOKEN", TOKEN)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(path) = &config.state_file {
            command.arg("--state-file").arg(path);
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start the fake {}", binary.display()))?;
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            bail!("the fake's standard output was not captured");
        };
        let mut stdout = BufReader::new(stdout);
        let mut line = String::new();
        let read = stdout.read_line(&mut line);
        let base_url = match read {
            Ok(n) if n > 0 => line.trim().strip_prefix("listening on ").map(str::to_owned),
            _ => None,
        };
        let Some(base_url) = base_url else {
            let _ = child.kill();
            let status = child.wait().ok();
            bail!(
                "the fake did not say where it listens (first line {:?}, exit {status:?})",
                line.trim()
            );
        };
        Ok(FakeProcess {
            child,
            base_url,
            http: reqwest::Client::new(),
            _stdout: stdout,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The fake's request log, oldest first (`GET /__fake/requests`, which is not logged).
    pub async fn requests(&self) -> Result<Vec<RequestRecord>> {
        let url = format!("{}/__fake/requests", self.base_url);
        let response = self
            .http
            .get(&url)
            .send()
            .await
            .with_context(|| format!("GET {url}"))?;
        let status = response.status();
        if !status.is_success() {
            bail!("GET {url}: status {status}");
        }
        let body = response
            .bytes()
            .await
            .with_context(|| format!("GET {url}: body"))?;
        serde_json::from_slice(&body).with_context(|| format!("GET {url}: not a request log"))
    }
}

impl Drop for FakeProcess {
    fn drop(&mut self) {
        // Our own child, by its handle; it keeps no state worth saving.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
