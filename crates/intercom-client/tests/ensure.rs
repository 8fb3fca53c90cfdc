//! `ensure(url)` finds or creates a source and never makes a duplicate, even when a create
//! fails after it went through. The mock keeps the sources it "created", like the real API.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::*;
use httpmock::{HttpMockResponse, Mock, MockServer};
use serde_json::{Value, json};

/// The server's sources.
type Sources = Arc<Mutex<Vec<Value>>>;

/// How the mock's create behaves on its n-th call (from 0).
#[derive(Clone, Copy)]
enum Create {
    /// Creates the source and answers 200.
    Ok,
    /// Creates the source, then answers 500: the failure that leaves the client unsure.
    CreatedThen500,
    /// Answers 500 without creating anything.
    Failed500,
    /// Answers 401.
    Unauthorized,
    /// Creates the source, but another run's create of the same URL landed just before it
    /// (an older source, id 50): the race of concurrent syncs.
    RacedByOlder,
}

async fn fake<'a>(
    server: &'a MockServer,
    sources: &Sources,
    creates: Vec<Create>,
) -> (Mock<'a>, Mock<'a>) {
    let listed = sources.clone();
    let list = server
        .mock_async(move |when, then| {
            when.method("GET").path("/ai/content_import_sources");
            then.respond_with(move |_| {
                let data = listed.lock().unwrap().clone();
                let body = list_json(data, json!({"type": "pages", "page": 1, "total_pages": 1}));
                HttpMockResponse::builder()
                    .status(200)
                    .body(body.to_string())
                    .build()
            });
        })
        .await;
    let stored = sources.clone();
    let calls = AtomicUsize::new(0);
    let create = server
        .mock_async(move |when, then| {
            when.method("POST").path("/ai/content_import_sources");
            then.respond_with(move |req| {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                let behaviour = creates[n.min(creates.len() - 1)];
                let url = serde_json::from_slice::<Value>(req.body_ref()).unwrap()["url"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                let mut sources = stored.lock().unwrap();
                let source = source_json(100 + sources.len() as i64, &url);
                let (status, body) = match behaviour {
                    Create::Ok => {
                        sources.push(source.clone());
                        (200, source)
                    }
                    Create::CreatedThen500 => {
                        sources.push(source);
                        (500, error_list("server_error", "Internal error", "req-500"))
                    }
                    Create::Failed500 => {
                        (500, error_list("server_error", "Internal error", "req-500"))
                    }
                    Create::RacedByOlder => {
                        let mut older = source_json(50, &url);
                        older["created_at"] = json!(1672928000);
                        sources.push(older);
                        let mine = source_json(101, &url);
                        sources.push(mine.clone());
                        (200, mine)
                    }
                    Create::Unauthorized => (
                        401,
                        error_list("unauthorized", "Access Token Invalid", "req-401"),
                    ),
                };
                HttpMockResponse::builder()
                    .status(status)
                    .body(body.to_string())
                    .build()
            });
        })
        .await;
    (list, create)
}

#[tokio::test(start_paused = true)]
async fn a_create_that_answers_500_after_creating_is_not_repeated() {
    let server = MockServer::start_async().await;
    let sources = Sources::default();
    let (list, create) = fake(&server, &sources, vec![Create::CreatedThen500, Create::Ok]).await;

    let source = paused_client(&server)
        .content_import_sources()
        .ensure("https://help.example.com")
        .await
        .unwrap();

    assert_eq!(
        create.calls_async().await,
        1,
        "the create must not be sent again"
    );
    assert_eq!(
        list.calls_async().await,
        2,
        "listed before, and again after the failure"
    );
    let stored = sources.lock().unwrap();
    assert_eq!(stored.len(), 1, "exactly one source");
    assert_eq!(json!(source.id), stored[0]["id"]);
}

#[tokio::test(start_paused = true)]
async fn a_create_that_answers_500_without_creating_is_tried_again_after_looking() {
    let server = MockServer::start_async().await;
    let sources = Sources::default();
    let (list, create) = fake(&server, &sources, vec![Create::Failed500, Create::Ok]).await;

    let source = paused_client(&server)
        .content_import_sources()
        .ensure("https://help.example.com")
        .await
        .unwrap();

    assert_eq!(create.calls_async().await, 2);
    assert_eq!(
        list.calls_async().await,
        3,
        "before each create, and after the one that worked (for a racing run's source)"
    );
    assert_eq!(sources.lock().unwrap().len(), 1, "exactly one source");
    assert_eq!(source.url, "https://help.example.com");
}

#[tokio::test(start_paused = true)]
async fn an_existing_source_is_found_without_creating_one() {
    let server = MockServer::start_async().await;
    let sources: Sources = Arc::new(Mutex::new(vec![
        source_json(7, "https://other.example.com/"),
        source_json(8, "https://help.example.com/"),
    ]));
    let (_, create) = fake(&server, &sources, vec![Create::Ok]).await;

    let source = paused_client(&server)
        .content_import_sources()
        .ensure("https://HELP.example.com")
        .await
        .unwrap();

    assert_eq!(source.id.get(), 8);
    assert_eq!(create.calls_async().await, 0);
}

#[tokio::test(start_paused = true)]
async fn a_create_that_surely_failed_is_reported_at_once() {
    let server = MockServer::start_async().await;
    let sources = Sources::default();
    let (list, create) = fake(&server, &sources, vec![Create::Unauthorized]).await;

    let err = paused_client(&server)
        .content_import_sources()
        .ensure("https://help.example.com")
        .await
        .unwrap_err();

    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(err.request_id(), Some("req-401"));
    assert_eq!(create.calls_async().await, 1);
    assert_eq!(list.calls_async().await, 1);
}

#[tokio::test(start_paused = true)]
async fn when_every_create_fails_it_gives_up_with_the_last_error_and_no_duplicates() {
    let server = MockServer::start_async().await;
    let sources = Sources::default();
    let (list, create) = fake(&server, &sources, vec![Create::Failed500]).await;

    let err = paused_client(&server)
        .content_import_sources()
        .ensure("https://help.example.com")
        .await
        .unwrap_err();

    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    // Default policy: 4 attempts, each preceded by a look, plus a last look.
    assert_eq!(create.calls_async().await, 4);
    assert_eq!(list.calls_async().await, 5);
    assert!(sources.lock().unwrap().is_empty());
}

/// A create whose answer never came (the client timed out) but that the server finishes later:
/// `ensure` keeps looking for the settle time instead of creating a second source.
#[tokio::test]
async fn a_create_that_lands_after_the_timeout_is_found_not_duplicated() {
    use std::time::Duration;

    use intercom_client::Client;
    use intercom_client::retry::RetryPolicy;
    use intercom_fake::FakeIntercom;

    let fake = FakeIntercom::builder()
        .token("t")
        .fault("POST /ai/content_import_sources=slow:600".parse().unwrap())
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .token("t")
        .base_url(fake.base_url())
        .request_timeout(Some(Duration::from_millis(150)))
        .retry_policy(
            RetryPolicy::default()
                .with_backoff(Duration::from_millis(20), Duration::from_millis(100))
                .with_settle_time(Duration::from_secs(5)),
        )
        .build()
        .unwrap();

    let source = client
        .content_import_sources()
        .ensure("https://help.example.com")
        .await
        .unwrap();

    // Let the slowed create finish on the fake, so that a duplicate would show. A bound, not a
    // measurement: the fake logs the request once it has run it.
    for _ in 0..100 {
        if fake.requests().iter().any(|r| r.fault.is_some()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let state = fake.state();
    assert_eq!(state.sources.len(), 1, "{:?}", state.sources);
    assert_eq!(state.sources[0].id, source.id);
    let creates = fake
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(creates, 1, "the lost create was not sent again");
}

#[tokio::test(start_paused = true)]
async fn a_source_created_beside_an_older_one_is_deleted_and_the_older_used() {
    let server = MockServer::start_async().await;
    let sources = Sources::default();
    let (list, create) = fake(&server, &sources, vec![Create::RacedByOlder]).await;
    let stored = sources.clone();
    let delete = server
        .mock_async(move |when, then| {
            when.method("DELETE").path("/ai/content_import_sources/101");
            then.respond_with(move |_| {
                stored.lock().unwrap().retain(|s| s["id"] != json!(101));
                HttpMockResponse::builder().status(204).build()
            });
        })
        .await;

    let ensured = paused_client(&server)
        .content_import_sources()
        .ensure_with(intercom_client::NewContentImportSource::new(
            "https://help.example.com",
        ))
        .await
        .unwrap();

    assert_eq!(
        ensured.source.id.get(),
        50,
        "the older source is the one used"
    );
    assert!(!ensured.created, "this run's source was not kept");
    assert_eq!(create.calls_async().await, 1);
    assert_eq!(
        list.calls_async().await,
        2,
        "before the create and after it"
    );
    assert_eq!(delete.calls_async().await, 1);
    let ids: Vec<_> = sources
        .lock()
        .unwrap()
        .iter()
        .map(|s| s["id"].clone())
        .collect();
    assert_eq!(ids, [json!(50)], "one source is left");
}

#[tokio::test(start_paused = true)]
async fn a_crawled_source_at_the_url_is_an_error_and_nothing_is_created() {
    let server = MockServer::start_async().await;
    let mut crawled = source_json(9, "https://help.example.com");
    crawled["sync_behavior"] = json!("automatic");
    let sources: Sources = Arc::new(Mutex::new(vec![crawled]));
    let (_, create) = fake(&server, &sources, vec![Create::Ok]).await;

    let err = paused_client(&server)
        .content_import_sources()
        .ensure("https://help.example.com/")
        .await
        .unwrap_err();

    assert!(
        matches!(err, intercom_client::Error::NotAnApiSource { ref id, .. } if id.get() == 9),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("content import source 9"), "{message}");
    assert!(message.contains("`automatic`"), "{message}");
    assert_eq!(create.calls_async().await, 0, "no second source beside it");
}

#[tokio::test(start_paused = true)]
async fn several_api_sources_at_one_url_resolve_to_the_oldest() {
    let server = MockServer::start_async().await;
    let sources: Sources = Arc::new(Mutex::new(vec![
        source_json(12, "https://help.example.com"),
        source_json(11, "https://help.example.com/"),
    ]));
    let (_, create) = fake(&server, &sources, vec![Create::Ok]).await;

    let source = paused_client(&server)
        .content_import_sources()
        .ensure("https://help.example.com")
        .await
        .unwrap();

    assert_eq!(source.id.get(), 11);
    assert_eq!(create.calls_async().await, 0);
}
