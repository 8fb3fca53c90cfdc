//! The state file's lock: two fakes on one state file take turns, the second loading what the
//! first saved; a lock file that cannot be created is an error before anything is served.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{Api, builder};

/// Long enough for a second fake that does not wait to have started.
const SETTLE: Duration = Duration::from_millis(300);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_fake_on_the_same_state_file_waits_for_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let first = builder().state_file(&file).start().await.unwrap();
    Api::new(&first).create_source("https://first").await;

    let waits = Arc::new(AtomicUsize::new(0));
    let told = waits.clone();
    let second = tokio::spawn(
        builder()
            .state_file(&file)
            .on_lock_wait(move |_| {
                told.fetch_add(1, Ordering::SeqCst);
            })
            .start(),
    );
    tokio::time::sleep(SETTLE).await;
    assert!(!second.is_finished(), "the second fake waits for the lock");
    assert_eq!(waits.load(Ordering::SeqCst), 1, "and says so once");

    first.shutdown().await.unwrap();
    let second = second.await.unwrap().unwrap();
    let urls: Vec<_> = second.state().sources.into_iter().map(|s| s.url).collect();
    assert_eq!(urls, ["https://first"], "it loads what the first one saved");
    Api::new(&second).create_source("https://second").await;
    second.shutdown().await.unwrap();

    let third = builder().state_file(&file).start().await.unwrap();
    assert_eq!(third.state().sources.len(), 2, "nothing was lost");
    third.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_fake_saves_and_releases_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let first = builder().state_file(&file).start().await.unwrap();
    Api::new(&first).create_source("https://dropped").await;
    drop(first);
    let second = tokio::time::timeout(Duration::from_secs(10), builder().state_file(&file).start())
        .await
        .expect("the lock is released on drop")
        .unwrap();
    assert_eq!(second.state().sources.len(), 1, "saved on drop");
    second.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_lock_file_that_cannot_be_created_is_an_error_at_start() {
    let dir = tempfile::tempdir().unwrap();
    // No such folder: neither the lock file nor the state could ever be written.
    let file = dir.path().join("missing/state.json");
    let error = builder().state_file(&file).start().await.unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(error, intercom_fake::FakeError::StateFile { .. }),
        "{error:?}"
    );
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(message.contains("lock file"), "{message}");
    assert!(!message.contains('\n'), "one line: {message}");
}
