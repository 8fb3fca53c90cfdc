//! Retries on the wire, on tokio's paused clock: hit counts, Retry-After and X-RateLimit-Reset
//! honoured, and no retry of what is not idempotent.

mod common;

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::*;
use httpmock::MockServer;
use intercom_client::retry::RetryPolicy;
use intercom_client::{
    ContactId, ContentImportSourceId, Error, ExternalPageId, NewContentImportSource,
    NewExternalPage, NewNote,
};
use tokio::time::Instant;

fn ok_source() -> String {
    source_json(36, "https://www.example.com").to_string()
}

fn unavailable() -> httpmock::HttpMockResponse {
    reply(
        503,
        &[],
        error_list("service_unavailable", "Try again", "req-503").to_string(),
    )
}

#[tokio::test(start_paused = true)]
async fn a_get_is_retried_until_it_succeeds() {
    let server = MockServer::start_async().await;
    let mock = in_order(
        &server,
        "GET",
        "/ai/content_import_sources/36",
        vec![unavailable(), unavailable(), reply(200, &[], ok_source())],
    )
    .await;

    let source = paused_client(&server)
        .content_import_sources()
        .get(ContentImportSourceId::new(36))
        .await
        .unwrap();

    assert_eq!(source.id.get(), 36);
    assert_eq!(mock.calls_async().await, 3);
}

#[tokio::test(start_paused = true)]
async fn retries_stop_after_the_configured_attempts() {
    let server = MockServer::start_async().await;
    let mock = in_order(&server, "GET", "/notes/1", vec![unavailable()]).await;
    let client = paused_builder(&server)
        .retry_policy(
            RetryPolicy::default()
                .with_total_deadline(None)
                .with_max_attempts(3),
        )
        .build()
        .unwrap();

    let err = client.notes().get(&"1".into()).await.unwrap_err();

    assert_eq!(mock.calls_async().await, 3);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(err.request_id(), Some("req-503"));
}

#[tokio::test(start_paused = true)]
async fn retry_after_is_honoured() {
    let server = MockServer::start_async().await;
    let mock = in_order(
        &server,
        "GET",
        "/ai/external_pages/21",
        vec![
            reply(
                429,
                &[("Retry-After", "7")],
                error_list("rate_limit_exceeded", "Slow down", "r1").to_string(),
            ),
            reply(200, &[], page_json("21", 44, "x").to_string()),
        ],
    )
    .await;
    let started = Instant::now();

    paused_client(&server)
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 2);
    // Paused clock: the only time that passed is the wait the client chose.
    assert!(
        started.elapsed() >= Duration::from_secs(7),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn without_retry_after_a_429_waits_for_the_rate_limit_reset() {
    let server = MockServer::start_async().await;
    // Far enough away that the real time a loaded machine spends before the client reads the
    // header cannot blur it with the default backoff (half a second).
    let reset = unix_in(30);
    let mock = in_order(
        &server,
        "GET",
        "/notes/9",
        vec![
            reply(
                429,
                &[
                    ("X-RateLimit-Limit", "10"),
                    ("X-RateLimit-Remaining", "0"),
                    ("X-RateLimit-Reset", &reset),
                ],
                error_list("rate_limit_exceeded", "Slow down", "r1").to_string(),
            ),
            reply(200, &[], note_json("9", "c1").to_string()),
        ],
    )
    .await;
    let started = Instant::now();

    paused_client(&server)
        .notes()
        .get(&"9".into())
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 2);
    // The reset is 29 to 30 seconds away, depending on where in the second the test started.
    assert!(
        started.elapsed() >= Duration::from_secs(25),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn creating_a_source_or_a_note_is_never_retried() {
    let server = MockServer::start_async().await;
    let sources = in_order(
        &server,
        "POST",
        "/ai/content_import_sources",
        vec![reply(500, &[], "")],
    )
    .await;
    let notes = in_order(&server, "POST", "/contacts/c1/notes", vec![unavailable()]).await;
    let client = paused_client(&server);

    let err = client
        .content_import_sources()
        .create(NewContentImportSource::new("https://www.example.com"))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert!(
        err.is_retryable(),
        "transient, but the client must not decide to resend it"
    );

    client
        .notes()
        .create(&ContactId::new("c1"), NewNote::new("Hello"))
        .await
        .unwrap_err();

    assert_eq!(sources.calls_async().await, 1);
    assert_eq!(notes.calls_async().await, 1);
}

#[tokio::test(start_paused = true)]
async fn the_external_page_upsert_post_is_retried_because_it_is_idempotent() {
    let server = MockServer::start_async().await;
    let mock = in_order(
        &server,
        "POST",
        "/ai/external_pages",
        vec![
            reply(502, &[], "<html>Bad Gateway</html>"),
            reply(200, &[], page_json("21", 44, "a").to_string()),
        ],
    )
    .await;

    paused_client(&server)
        .external_pages()
        .upsert(
            NewExternalPage::new(ContentImportSourceId::new(44), "a")
                .title("Title")
                .html("<p>x</p>"),
        )
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 2);
}

#[tokio::test(start_paused = true)]
async fn put_and_delete_are_retried_and_client_errors_are_not() {
    let server = MockServer::start_async().await;
    let delete = in_order(
        &server,
        "DELETE",
        "/ai/content_import_sources/36",
        vec![reply(504, &[], ""), reply(200, &[], "")],
    )
    .await;
    let not_found = in_order(
        &server,
        "GET",
        "/ai/content_import_sources/37",
        vec![reply(
            404,
            &[],
            error_list("not_found", "Resource Not Found", "r404").to_string(),
        )],
    )
    .await;
    let client = paused_client(&server);

    client
        .content_import_sources()
        .delete(ContentImportSourceId::new(36))
        .await
        .unwrap();
    let err = client
        .content_import_sources()
        .get(ContentImportSourceId::new(37))
        .await
        .unwrap_err();

    assert_eq!(delete.calls_async().await, 2);
    assert_eq!(not_found.calls_async().await, 1);
    assert!(!err.is_retryable());
}

/// A server that accepts connections and closes them without answering; counts them.
fn hang_up_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            // Read the request before hanging up, so the client sees a closed connection.
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    (url, accepted)
}

#[tokio::test(start_paused = true)]
async fn connection_errors_are_retried_for_idempotent_calls_only() {
    let (url, accepted) = hang_up_server();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let client = intercom_client::Client::builder()
        .token(TOKEN)
        .base_url(&url)
        .http_client(http)
        .request_timeout(None)
        .retry_policy(
            RetryPolicy::default()
                .with_total_deadline(None)
                .with_max_attempts(3),
        )
        .build()
        .unwrap();

    let err = client.notes().get(&"1".into()).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 3);

    let err = client
        .notes()
        .create(&ContactId::new("c1"), NewNote::new("Hello"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 4);
}

#[tokio::test(start_paused = true)]
async fn retry_after_zero_or_a_past_date_waits_the_first_backoff_step() {
    let server = MockServer::start_async().await;
    let busy = |retry_after: &str| {
        reply(
            503,
            &[("Retry-After", retry_after)],
            error_list("service_unavailable", "Try again", "r").to_string(),
        )
    };
    let mock = in_order(
        &server,
        "GET",
        "/notes/5",
        vec![
            busy("0"),
            busy("Tue, 14 Nov 2023 22:13:20 GMT"),
            busy("0"),
            reply(200, &[], note_json("5", "c1").to_string()),
        ],
    )
    .await;
    let started = Instant::now();

    paused_client(&server)
        .notes()
        .get(&"5".into())
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 4);
    // Three waits, each at least the first step with the least jitter (half of 500 ms).
    let first_step = RetryPolicy::default().initial_backoff() / 2;
    assert!(
        started.elapsed() >= first_step * 3,
        "{:?}",
        started.elapsed()
    );
}

/// A server that takes connections and does not answer; counts them. It hangs up after a
/// second of real time, so a client that ignores its deadline fails instead of hanging.
fn silent_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { break };
            count.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(1));
                drop(stream);
            });
        }
    });
    (url, accepted)
}

#[tokio::test(start_paused = true)]
async fn a_call_ends_at_its_whole_call_deadline() {
    let (url, accepted) = silent_server();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let client = intercom_client::Client::builder()
        .token(TOKEN)
        .base_url(&url)
        .http_client(http)
        .request_timeout(None)
        .retry_policy(RetryPolicy::default().with_total_deadline(Some(Duration::from_secs(5))))
        .build()
        .unwrap();
    let started = Instant::now();

    // No per-attempt timeout: only the whole call's deadline can end it.
    let err = client.notes().get(&"1".into()).await.unwrap_err();

    assert!(
        matches!(err, Error::Timeout { after } if after == Duration::from_secs(5)),
        "{err:?}"
    );
    assert_eq!(started.elapsed(), Duration::from_secs(5));
    // One attempt at most (the server may not have counted it yet): nothing after the deadline.
    assert!(accepted.load(Ordering::SeqCst) <= 1);
}
