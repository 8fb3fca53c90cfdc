//! `--fake`'s state file (issue 9, item 6): concurrent runs on one state file take turns and
//! keep every run's data; a state folder that cannot be written fails before anything is
//! sent; a save that fails at the end fails the run (exit code 1), naming the state file.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Run, SAMPLE_PAGES, binary, run_command, sample_dir};
use serde_json::Value;

/// Runs at once on one state file.
const RUNS: usize = 4;

/// Files in the slow run's folder: more than the fake's rate limit admits in one 10 s window
/// (1,666), so the run lasts about 10 s, long enough to break its state file meanwhile.
const SLOW_RUN_FILES: usize = 1_700;

/// `intercom --fake --fake-state STATE sync DIR --source-url URL`.
fn fake_sync(state: &Path, dir: &Path, url: &str) -> std::process::Command {
    let mut command = binary();
    command.args([
        "--fake",
        "--fake-state",
        state.to_str().expect("UTF-8 path"),
        "sync",
        dir.to_str().expect("UTF-8 path"),
        "--source-url",
        url,
    ]);
    command
}

fn read_state(state: &Path) -> Value {
    let bytes = std::fs::read(state).expect("the state file exists");
    serde_json::from_slice(&bytes).expect("the state file is JSON")
}

/// A folder of `count` small Markdown pages.
fn generated_folder(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for i in 0..count {
        std::fs::write(
            dir.path().join(format!("page-{i:05}.md")),
            format!("# Page {i}\n\nThe body of page {i}.\n"),
        )
        .expect("write a page");
    }
    dir
}

/// Whether chmod can stop this process from writing in a folder (not as root).
fn permissions_apply(dir: &Path) -> bool {
    let probe = dir.join("probe");
    match std::fs::write(&probe, b"") {
        Ok(()) => {
            let _ = std::fs::remove_file(&probe);
            false
        }
        Err(_) => true,
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn concurrent_runs_on_one_state_file_keep_every_source_and_page() {
    let state_dir = tempfile::tempdir().expect("temporary folder");
    let state = state_dir.path().join("fake-state.json");
    let sample = sample_dir();
    let urls: Vec<String> = (0..RUNS)
        .map(|i| format!("https://help-{i}.example.com"))
        .collect();
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let handles: Vec<_> = urls
            .iter()
            .map(|url| scope.spawn(|| run_command(&mut fake_sync(&state, &sample, url))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("run thread"))
            .collect()
    });
    for run in &runs {
        assert_eq!(run.code, 0, "{run:#?}");
        assert_eq!(
            run.summary(),
            format!(
                "{SAMPLE_PAGES} pages: {SAMPLE_PAGES} created, 0 updated, 0 unchanged, 0 deleted, 0 failed"
            ),
            "each run starts from the state the one before saved: {run:#?}"
        );
        for line in run.stderr_lines() {
            assert!(
                line.starts_with("intercom: using an in-process fake Intercom")
                    || line
                        == format!(
                            "intercom: waiting for another run using the fake state {} to finish",
                            state.display()
                        ),
                "only notices on stderr: {run:#?}"
            );
        }
    }
    let saved = read_state(&state);
    let sources = saved["sources"].as_array().expect("sources");
    let mut saved_urls: Vec<&str> = sources.iter().filter_map(|s| s["url"].as_str()).collect();
    saved_urls.sort_unstable();
    assert_eq!(saved_urls, urls, "every run's source is in the state");
    for source in sources {
        let pages = saved["pages"]
            .as_array()
            .expect("pages")
            .iter()
            .filter(|p| p["source_id"] == source["id"])
            .count();
        assert_eq!(pages, SAMPLE_PAGES, "every page of {}", source["url"]);
    }
}

#[test]
fn an_unwritable_state_folder_fails_before_anything_is_sent() {
    let state_dir = tempfile::tempdir().expect("temporary folder");
    let folder = state_dir.path().join("read-only");
    std::fs::create_dir(&folder).expect("create folder");
    let state: PathBuf = folder.join("fake-state.json");
    set_mode(&folder, 0o555);
    if !permissions_apply(&folder) {
        set_mode(&folder, 0o755);
        eprintln!(
            "note: skipped an_unwritable_state_folder_fails_before_anything_is_sent: \
             chmod 0555 does not stop this user (root) from writing"
        );
        return;
    }
    let run = run_command(&mut fake_sync(
        &state,
        &sample_dir(),
        "https://help.example.com",
    ));
    set_mode(&folder, 0o755);
    run.assert_one_error(2, &state.display().to_string());
    assert!(run.stderr.contains("lock file"), "{run:#?}");
    assert_eq!(run.stdout, "", "nothing synced: {run:#?}");
    assert!(!state.exists());
}

#[test]
fn a_state_file_that_cannot_be_saved_fails_the_run_naming_it() {
    let state_dir = tempfile::tempdir().expect("temporary folder");
    let state = state_dir.path().join("fake-state.json");
    let folder = generated_folder(SLOW_RUN_FILES);
    let child = fake_sync(&state, folder.path(), "https://slow.example.com")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn intercom");
    // The first background save, then the state file replaced by a non-empty folder: no
    // later save can rename over it (also as root).
    let started = Instant::now();
    while !state.is_file() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no state file yet"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    std::fs::remove_file(&state).expect("remove the state file");
    std::fs::create_dir(&state).expect("a folder in its place");
    std::fs::write(state.join("occupied"), b"").expect("a file in the folder");

    let output = child.wait_with_output().expect("the run ends");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.summary().contains(" created, "),
        "the sync itself ran to its end first: {run:#?}"
    );
    let lines = run.stderr_lines();
    let last = lines.last().copied().unwrap_or_default();
    assert!(
        last.starts_with(&format!(
            "intercom: fake Intercom: state file {}: ",
            state.display()
        )),
        "the last line names the state file: {run:#?}"
    );
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l.starts_with("intercom: using an in-process fake Intercom")),
        "one error line: {run:#?}"
    );
}
