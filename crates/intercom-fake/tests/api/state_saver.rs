//! The background saver: saving costs bytes linear in the changes, a pause leaves the file
//! current, and a final save that fails is an error of `shutdown`.

use std::path::Path;
use std::time::{Duration, Instant};

use intercom_fake::{FakeError, RateLimit};
use serde_json::Value;

use crate::common::{Api, builder};

/// Upserts in the many-writes test: the "20,000-page sync".
const PAGES: usize = 20_000;

/// Requests in flight in the many-writes test.
const IN_FLIGHT: usize = 8;

/// Polls the state file until it parses and `done` holds, for at most `limit`.
pub async fn saved_within(path: &Path, limit: Duration, done: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        if let Ok(bytes) = std::fs::read(path)
            && let Ok(saved) = serde_json::from_slice::<Value>(&bytes)
            && done(&saved)
        {
            return saved;
        }
        assert!(
            started.elapsed() < limit,
            "{} not saved within {limit:?}",
            path.display()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saving_twenty_thousand_writes_costs_bytes_linear_in_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let fake = builder()
        .state_file(&file)
        .rate_limit(RateLimit::new(1_000_000_000, Duration::from_secs(10)))
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    let source = api.create_source("https://many").await;
    // IN_FLIGHT clients, each upserting its share of the pages one after the other.
    let clients: Vec<_> = (0..IN_FLIGHT)
        .map(|client| {
            let api = api.clone();
            tokio::spawn(async move {
                for i in (client..PAGES).step_by(IN_FLIGHT) {
                    let reply = api.upsert_page(source, &format!("e{i}"), "T").await;
                    assert_eq!(reply.status, 200, "{}", reply.text);
                }
            })
        })
        .collect();
    for client in clients {
        client.await.unwrap();
    }
    let background = fake.state_file_bytes_written();
    fake.shutdown().await.unwrap();
    let final_size = std::fs::metadata(&file).unwrap().len();
    let written = background + final_size;
    // Saving the whole file after every change writes about PAGES / 2 times its final size
    // (quadratic). Saves paid for by as many changes as they hold records double in size, so
    // they add up to at most twice the last; the final save, and a save in a pause, add one each.
    assert!(
        written <= 4 * final_size,
        "{written} bytes written for a {final_size}-byte state"
    );
    let saved: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        saved["pages"].as_array().map(Vec::len),
        Some(PAGES),
        "the final save holds every page"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_final_save_is_an_error_of_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let fake = builder().state_file(&file).start().await.unwrap();
    let api = Api::new(&fake);
    api.create_source("https://a").await;
    saved_within(&file, Duration::from_secs(5), |_| true).await;
    // A non-empty folder where the state file was: renaming over it fails, even as root.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    std::fs::write(file.join("occupied"), b"").unwrap();
    api.create_source("https://b").await;

    let error = fake.shutdown().await.unwrap_err();
    assert!(matches!(error, FakeError::Save { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(!message.contains('\n'), "one line: {message}");
    // The lock is released all the same: a next fake starts (and fails on the folder).
    let next = builder().state_file(&file).start().await;
    assert!(matches!(next, Err(FakeError::StateFile { .. })), "{next:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_too_small_to_pay_for_a_save_is_saved_once_the_state_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let fake = builder().state_file(&file).start().await.unwrap();
    let api = Api::new(&fake);
    for n in 0..10 {
        api.create_source(&format!("https://s{n}")).await;
    }
    fake.shutdown().await.unwrap();

    // One change against ten saved records: saved only because nothing else follows it.
    let fake = builder().state_file(&file).start().await.unwrap();
    Api::new(&fake).create_source("https://eleventh").await;
    let sources = |saved: &Value| saved["sources"].as_array().map_or(0, Vec::len);
    let saved = saved_within(&file, Duration::from_secs(5), |saved| sources(saved) == 11).await;
    assert_eq!(sources(&saved), 11, "saved while the fake still runs");
    fake.shutdown().await.unwrap();
}
