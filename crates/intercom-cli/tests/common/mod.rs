//! What the CLI tests share: a fake Intercom started in the test process, a way to run the
//! built `intercom` binary against it, and a copy of the sample help center to edit.
//!
//! Every run is checked for the token: it must never appear in stdout or stderr.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use intercom_fake::{FakeIntercom, FakeIntercomBuilder, FaultConfig, RequestRecord, StateSnapshot};
use intercom_sync::folder::{self, FolderOptions};
use tempfile::TempDir;

/// The token the fakes accept; distinctive, so a leak is easy to spot.
pub const TOKEN: &str = "tok_cli_test_S3CRET_5d1e9a";

/// The sample folder's source URL in these tests.
pub const SOURCE_URL: &str = "https://help.example.com";

/// How many pages the sample folder has.
pub const SAMPLE_PAGES: usize = 39;

/// A fake Intercom served by its own runtime's worker threads, so the test thread can block
/// on a child process meanwhile.
pub struct Fake {
    runtime: tokio::runtime::Runtime,
    fake: Option<FakeIntercom>,
}

impl Fake {
    /// A fake accepting [`TOKEN`], with no fault.
    pub fn start() -> Fake {
        Fake::with(|builder| builder)
    }

    /// A fake accepting [`TOKEN`], configured further by `configure`.
    pub fn with(configure: impl FnOnce(FakeIntercomBuilder) -> FakeIntercomBuilder) -> Fake {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let builder = configure(FakeIntercom::builder().token(TOKEN));
        let fake = runtime.block_on(builder.start()).expect("fake starts");
        Fake {
            runtime,
            fake: Some(fake),
        }
    }

    fn fake(&self) -> &FakeIntercom {
        self.fake.as_ref().expect("fake is running")
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        self.fake().base_url().to_owned()
    }

    /// The request log, oldest first.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.fake().requests()
    }

    /// The fake's state.
    pub fn state(&self) -> StateSnapshot {
        self.fake().state()
    }

    /// Replaces the fault rules.
    pub fn set_faults(&self, faults: FaultConfig) {
        self.fake().set_faults(faults);
    }

    /// Runs `intercom --base-url <fake> --token TOKEN ARGS…`; returns the run and the requests
    /// the fake received during it.
    pub fn run(&self, args: &[&str]) -> (Run, Vec<RequestRecord>) {
        let before = self.requests().len();
        let url = self.url();
        let mut full = vec!["--base-url", url.as_str(), "--token", TOKEN];
        full.extend_from_slice(args);
        let run = intercom(&full);
        let requests = self.requests().split_off(before);
        (run, requests)
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        if let Some(fake) = self.fake.take() {
            let _ = self.runtime.block_on(fake.shutdown());
        }
    }
}

/// One run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// How the line a folder sync starts with on stderr begins.
pub const DETECTED: &str = "intercom: sync: layout ";

/// How that line begins for a site's build output.
pub const DETECTED_BUILT: &str = "intercom: sync: built site ";

impl Run {
    /// The stderr lines, less the line every folder sync starts with (what it detected).
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.starts_with(DETECTED) && !l.starts_with(DETECTED_BUILT))
            .collect()
    }

    /// The line a folder sync starts with: layout, config file, content folder, site URL.
    pub fn detected(&self) -> Option<&str> {
        self.stderr
            .lines()
            .find(|l| l.starts_with(DETECTED) || l.starts_with(DETECTED_BUILT))
    }

    /// Asserts exit code 0 and nothing on stderr but what a sync detected.
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(self.code, 0, "{self:#?}");
        assert!(self.stderr_lines().is_empty(), "{self:#?}");
        self
    }

    /// Asserts `code` and exactly one line on stderr, `intercom: …` containing `needle`.
    pub fn assert_one_error(&self, code: i32, needle: &str) -> &Self {
        assert_eq!(self.code, code, "{self:#?}");
        let lines = self.stderr_lines();
        assert_eq!(
            lines.len(),
            1,
            "exactly one stderr line expected: {self:#?}"
        );
        assert!(lines[0].starts_with("intercom: "), "{self:#?}");
        assert!(
            lines[0].contains(needle),
            "stderr should name {needle:?}: {self:#?}"
        );
        self
    }

    /// The summary line of a sync (its last stdout line).
    pub fn summary(&self) -> &str {
        self.stdout.lines().last().unwrap_or_default()
    }
}

/// The binary under test.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_intercom"));
    // Hermetic: no token or state location from the developer's environment.
    command
        .env_remove("INTERCOM_TOKEN")
        .env_remove("XDG_STATE_HOME")
        .env(
            "HOME",
            std::env::temp_dir().join("intercom-cli-tests-no-home"),
        );
    command
}

/// Runs `intercom ARGS…` (no token, no base URL added).
pub fn intercom(args: &[&str]) -> Run {
    run_command(binary().args(args))
}

/// Runs a prepared command, checking that the token appears in none of its output.
pub fn run_command(command: &mut Command) -> Run {
    let output: Output = command.output().expect("the intercom binary runs");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert_no_token(&run.stdout, &run.stderr);
    run
}

/// The token must never be printed.
pub fn assert_no_token(stdout: &str, stderr: &str) {
    assert!(!stdout.contains(TOKEN), "token on stdout: {stdout}");
    assert!(!stderr.contains(TOKEN), "token on stderr: {stderr}");
}

/// The writes (POST, PUT, DELETE) among `requests`.
pub fn writes(requests: &[RequestRecord]) -> Vec<&RequestRecord> {
    requests
        .iter()
        .filter(|r| matches!(r.method.as_str(), "POST" | "PUT" | "DELETE" | "PATCH"))
        .collect()
}

/// The sample help center (`examples/help-center`).
pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/help-center")
}

/// A copy of the sample help center, to edit.
pub fn sample_copy() -> TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(&sample_dir(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read sample folder") {
        let entry = entry.expect("sample entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy sample file");
        }
    }
}

/// A folder's pages as (external id, title, html, url), sorted.
pub fn folder_pages(dir: &Path) -> Vec<(String, String, String, Option<String>)> {
    let mut pages: Vec<_> = folder::read_folder(dir, FolderOptions::default())
        .expect("folder")
        .map(|page| {
            let page = page.expect("readable page");
            (page.external_id, page.title, page.html, page.url)
        })
        .collect();
    pages.sort();
    pages
}

/// The fake's pages as (external id, title, html, url), sorted.
pub fn state_pages(state: &StateSnapshot) -> Vec<(String, String, String, Option<String>)> {
    let mut pages: Vec<_> = state
        .pages
        .iter()
        .map(|p| {
            (
                p.external_id.clone(),
                p.title.clone(),
                p.html.clone(),
                p.url.clone(),
            )
        })
        .collect();
    pages.sort();
    pages
}

/// The fake holds exactly one source, at [`SOURCE_URL`], whose pages are the folder's.
pub fn assert_state_equals_folder(fake: &Fake, dir: &Path) {
    let state = fake.state();
    assert_eq!(
        state.sources.len(),
        1,
        "exactly one source: {:?}",
        state.sources
    );
    let source = &state.sources[0];
    assert!(state.pages.iter().all(|p| p.source_id == source.id));
    let expected = folder_pages(dir);
    let actual = state_pages(&state);
    let ids = |pages: &[(String, String, String, Option<String>)]| {
        pages.iter().map(|p| p.0.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&actual), ids(&expected), "same external ids");
    assert!(actual == expected, "same titles, html and urls");
}

/// The arguments of a sync of `dir` into [`SOURCE_URL`], plus `extra`.
pub fn sync_args<'a>(dir: &'a Path, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "sync",
        dir.to_str().expect("UTF-8 temporary path"),
        "--source-url",
        SOURCE_URL,
    ];
    args.extend_from_slice(extra);
    args
}
