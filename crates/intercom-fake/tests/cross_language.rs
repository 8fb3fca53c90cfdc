//! The `intercom-fake` binary, driven from outside Rust: a Python script (standard library
//! only) talks to it over plain HTTP and reads `/__fake/state`; and the CLI's rate-limit and
//! fault flags, seen on the wire.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

/// Kills the child when dropped, also when a test panics.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary with `args` and returns it with the URL of its first stdout line.
fn spawn_fake(args: &[&str]) -> (KillOnDrop, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_intercom-fake"))
        .args(["--addr", "127.0.0.1:0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let guard = KillOnDrop(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    // A bound so that a broken binary fails the test instead of hanging it.
    let line = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    let url = line
        .trim_end()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(!url.ends_with(":0"), "the real port is printed: {url}");
    (guard, url)
}

#[test]
fn python_creates_a_source_and_a_page_and_reads_the_state() {
    let token = "py-token-81d2";
    let (_fake, url) = spawn_fake(&["--token", token, "--seed", "3"]);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cross_language.py");
    let output = Command::new("python3")
        .args([script, &url, token])
        .output()
        .expect("python3 is needed for this test");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "python failed: {stderr}");
    let seen: Value = serde_json::from_slice(&output.stdout).unwrap();

    assert_eq!(seen["source_id"], 1);
    assert_eq!(seen["page_id"], "1");
    assert_eq!(seen["upsert_kept_id"], true);
    assert_eq!(seen["unauthorized_status"], 401);
    assert_eq!(seen["unauthorized_code"], "unauthorized");
    assert_eq!(seen["state_sources"], json!([1]));
    assert_eq!(seen["state_titles"], json!(["From Python, again"]));
    assert_eq!(
        seen["logged"],
        json!([
            ["POST", "/ai/content_import_sources", 200, true],
            ["POST", "/ai/external_pages", 200, true],
            ["POST", "/ai/external_pages", 200, true],
            ["GET", "/ai/external_pages", 401, false],
        ])
    );
}

#[tokio::test]
async fn cli_flags_set_the_rate_limit_and_the_faults() {
    let (_fake, url) = spawn_fake(&[
        "--token",
        common::TOKEN,
        "--rate-limit",
        "2",
        "--rate-window-ms",
        "3600000",
        "--fault",
        "GET /ai/external_pages=503",
        "--fault-rate",
        "1",
        "--fault-kinds",
        "502",
        "--fault-route",
        "DELETE /ai/external_pages/{id}",
    ]);
    let api = common::Api::at(&url);
    assert_eq!(api.get("/ai/external_pages").await.status, 503);
    assert_eq!(api.delete("/ai/external_pages/1").await.status, 502);
    let first = api.get("/ai/external_pages").await;
    assert_eq!(first.status, 200);
    assert_eq!(first.header("x-ratelimit-limit"), Some("2"));
    assert_eq!(api.get("/ai/external_pages").await.status, 200);
    assert_eq!(api.get("/ai/external_pages").await.status, 429);
    let log = api.get("/__fake/requests").await.json;
    let faults: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["fault"])
        .collect();
    assert_eq!(
        faults,
        [
            &json!("503"),
            &json!("502"),
            &Value::Null,
            &Value::Null,
            &Value::Null
        ]
    );
}

#[tokio::test]
async fn cli_state_file_is_written_soon_after_a_change() {
    let path = std::env::temp_dir().join(format!("intercom-fake-cli-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let path_text = path.to_string_lossy().into_owned();
    {
        let (_fake, url) = spawn_fake(&["--token", common::TOKEN, "--state-file", &path_text]);
        let api = common::Api::at(&url);
        let source = api.create_source("https://cli").await;
        // Saved in the background (at most every 100 ms), before the process is killed.
        let mut looks = 0;
        let saved = loop {
            let saved = std::fs::read(&path)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok());
            match saved {
                Some(saved) if saved["sources"][0]["id"] == source => break saved,
                _ => {
                    looks += 1;
                    assert!(looks < 250, "not saved within 5 s");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        };
        assert_eq!(saved["sources"][0]["url"], "https://cli");
    }
    // A new process starts from the file.
    let (_fake, url) = spawn_fake(&["--token", common::TOKEN, "--state-file", &path_text]);
    let state = common::Api::at(&url).get("/__fake/state").await.json;
    assert_eq!(state["sources"][0]["url"], "https://cli");
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(path.with_extension("json.lock"));
}

#[test]
fn a_bad_fault_flag_is_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_intercom-fake"))
        .args(["--token", "t", "--fault", "GET /ai/external_pages=600"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("invalid fault: unknown fault kind"),
        "{stderr}"
    );
}

#[test]
fn a_second_binary_on_the_same_state_file_waits_for_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let path_text = path.to_string_lossy().into_owned();
    let args = ["--token", common::TOKEN, "--state-file", path_text.as_str()];
    let first = spawn_fake(&args);
    let mut second = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_intercom-fake"))
            .args(["--addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stderr = second.0.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stderr).read_line(&mut line);
        let _ = tx.send(line);
    });
    let notice = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(
        notice.starts_with("intercom-fake: waiting for another fake using the state file")
            && notice.contains(&path_text),
        "{notice}"
    );
    assert!(second.0.try_wait().unwrap().is_none(), "it waits");
    drop(first);
    // With the first one gone, the second one serves.
    let stdout = second.0.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    assert!(line.starts_with("listening on http://"), "{line}");
}

#[tokio::test]
async fn cli_initial_state_starts_the_binary_with_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.json");
    let seed = json!({
        "sources": [{
            "type": "content_import_source", "id": 12, "url": "https://seeded.example.com",
            "sync_behavior": "api", "status": "active",
            "created_at": 1700000000, "updated_at": 1700000000, "last_synced_at": 1700000000
        }],
        "notes": [{
            "type": "note", "id": "5", "created_at": 1700000000, "body": "<p>Seeded</p>",
            "contact": {"type": "contact", "id": "c1"}
        }]
    });
    std::fs::write(&path, seed.to_string()).unwrap();
    let path_text = path.to_string_lossy().into_owned();
    let (_fake, url) = spawn_fake(&["--token", common::TOKEN, "--initial-state", &path_text]);
    let api = common::Api::at(&url);
    let sources = api.get("/ai/content_import_sources").await.json;
    assert_eq!(sources["data"][0]["url"], "https://seeded.example.com");
    assert_eq!(api.get("/notes/5").await.json["body"], "<p>Seeded</p>");
    assert_eq!(api.create_source("https://new").await, 13);
    let page = common::page_body(12, "e", "T");
    api.post("/ai/external_pages", page.clone()).await;
    let log = api.get("/__fake/requests").await.json;
    assert_eq!(log[3]["body"], json!({"json": page}));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), seed.to_string());
}

#[test]
fn a_bad_initial_state_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.json");
    std::fs::write(&path, r#"{"pages": "none"}"#).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_intercom-fake"))
        .args(["--token", "t", "--initial-state"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "never listened");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("intercom-fake: error: initial state ")
            && stderr.contains("cannot parse"),
        "{stderr}"
    );
}
