//! The fake Intercom as its own process (the release `intercom-fake` binary), so that its CPU
//! and memory are never counted as the measured process's.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use intercom_fake::RequestRecord;

/// The bearer token every fake of the benchmark accepts (a fake's, not a secret).
pub const TOKEN: &str = "bench-token";

/// Intercom's limit, the fake's default: requests per window.
pub const INTERCOM_LIMIT: u32 = 1_666;

/// Intercom's window.
pub const INTERCOM_WINDOW: Duration = Duration::from_secs(10);

/// A limit no figure reaches, for the figures that the rate limit must not bound.
pub const UNLIMITED: u32 = 1_000_000_000;

/// A running `intercom-fake`; killed when dropped.
pub struct Fake {
    child: Child,
    base_url: String,
    /// Kept open so the fake never writes to a closed pipe.
    _stdout: BufReader<ChildStdout>,
}

impl Fake {
    /// Starts `binary` on a free loopback port admitting `rate_limit` requests per 10 s,
    /// loading `state_file` if given, and waits for its `listening on` line.
    pub fn start(binary: &Path, rate_limit: u32, state_file: Option<&Path>) -> Result<Fake> {
        let mut command = Command::new(binary);
        command
            .args(["--addr", "127.0.0.1:0", "--log-level", "error"])
            .args(["--rate-limit", &rate_limit.to_string()])
            .args(["--request-log-limit", "10000000"])
            // Through the environment, which `ps` does not show.
            .env("INTERCOM_FAKE_TOKEN", TOKEN)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(path) = state_file {
            command.arg("--state-file").arg(path);
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start the fake {}", binary.display()))?;
        let mut stdout = BufReader::new(child.stdout.take().context("no stdout")?);
        let mut line = String::new();
        let _ = stdout.read_line(&mut line);
        let Some(base_url) = line.trim().strip_prefix("listening on ").map(str::to_owned) else {
            let _ = child.kill();
            bail!("the fake did not say where it listens: {:?}", line.trim());
        };
        Ok(Fake {
            child,
            base_url,
            _stdout: stdout,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The fake's request log, oldest first.
    pub async fn requests(&self) -> Result<Vec<RequestRecord>> {
        let url = format!("{}/__fake/requests", self.base_url);
        let response = reqwest::get(&url)
            .await
            .with_context(|| format!("GET {url}"))?;
        let body = response.error_for_status()?.bytes().await?;
        serde_json::from_slice(&body).with_context(|| format!("GET {url}: not a request log"))
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `name` beside this executable, where `cargo build --release -p package` puts it.
pub fn beside_this_exe(name: &str) -> Result<PathBuf> {
    let exe = std::env::current_exe().context("cannot find this executable")?;
    let path = exe.with_file_name(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    anyhow::ensure!(
        path.is_file(),
        "{} does not exist: `cargo xtask bench` builds it",
        path.display()
    );
    Ok(path)
}
