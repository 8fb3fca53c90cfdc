//! Shared test helpers: clients pointed at a mock server, and response bodies shaped like the
//! reference's examples.
#![allow(dead_code)]

pub mod stub;

use std::time::Duration;

use httpmock::MockServer;
use intercom_client::retry::RetryPolicy;
use intercom_client::{Client, ClientBuilder};
use serde_json::{Value, json};

/// A token distinctive enough that finding it anywhere is a leak.
pub const TOKEN: &str = "tok_SECRET_never_print_7f3a9c";

/// A client for tests on the real clock: default timeouts, retries with millisecond backoff.
pub fn client(server: &MockServer) -> Client {
    builder(server)
        .retry_policy(
            RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
        )
        .build()
        .unwrap()
}

/// The builder for `server`, with the test token.
pub fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder().token(TOKEN).base_url(server.base_url())
}

/// A builder for tests on tokio's paused clock. A paused runtime that waits for I/O jumps to
/// its next timer, so nothing may have a timer pending while a request is in flight: no
/// request or connect timeout, no total deadline, and no pooled connections (whose idle
/// reaper is a timer). Waits the client chooses (backoff, Retry-After, pacing) then pass in
/// no real time, and `tokio::time::Instant` measures them exactly.
pub fn paused_builder(server: &MockServer) -> ClientBuilder {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    builder(server)
        .http_client(http)
        .request_timeout(None)
        .retry_policy(RetryPolicy::default().with_total_deadline(None))
}

pub fn paused_client(server: &MockServer) -> Client {
    paused_builder(server).build().unwrap()
}

pub fn source_json(id: i64, url: &str) -> Value {
    json!({
        "type": "content_import_source",
        "id": id,
        "last_synced_at": 1672928610,
        "sync_behavior": "api",
        "status": "active",
        "url": url,
        "created_at": 1672928359,
        "updated_at": 1672928610
    })
}

pub fn page_json(id: &str, source_id: i64, external_id: &str) -> Value {
    json!({
        "type": "external_page",
        "id": id,
        "title": format!("Page {id}"),
        "html": "<p>Hello world!</p>",
        "url": "https://help.example.com/en/articles/1234-getting-started",
        "ai_agent_availability": true,
        "ai_copilot_availability": true,
        "fin_availability": true,
        "locale": "en",
        "source_id": source_id,
        "external_id": external_id,
        "created_at": 1672928359,
        "updated_at": 1672928610,
        "last_ingested_at": 1672928610
    })
}

pub fn note_json(id: &str, contact: &str) -> Value {
    json!({
        "type": "note",
        "id": id,
        "created_at": 1674589321,
        "contact": {"type": "contact", "id": contact},
        "author": {"type": "admin", "id": "1295", "name": "Joe Example"},
        "body": "<p>Text for the note.</p>"
    })
}

pub fn error_list(code: &str, message: &str, request_id: &str) -> Value {
    json!({
        "type": "error.list",
        "request_id": request_id,
        "errors": [{"code": code, "message": message}]
    })
}

/// A list body in the AI Content shape (`pages.next` a URL or absent).
pub fn list_json(data: Vec<Value>, pages: Value) -> Value {
    json!({"type": "list", "data": data, "pages": pages, "total_count": 9})
}

/// A response for [`in_order`].
pub fn reply(
    status: u16,
    headers: &[(&str, &str)],
    body: impl Into<String>,
) -> httpmock::HttpMockResponse {
    let mut builder = httpmock::HttpMockResponse::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.into()).build()
}

/// A mock for `method path` that answers its n-th call with `replies[n]` (the last one
/// again once they run out).
pub async fn in_order<'a>(
    server: &'a MockServer,
    method: &str,
    path: &str,
    replies: Vec<httpmock::HttpMockResponse>,
) -> httpmock::Mock<'a> {
    let calls = std::sync::atomic::AtomicUsize::new(0);
    server
        .mock_async(move |when, then| {
            when.method(method).path(path);
            then.respond_with(move |_| {
                let n = calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                replies[n.min(replies.len() - 1)].clone()
            });
        })
        .await
}

/// Unix seconds now plus `seconds`, for `X-RateLimit-Reset`.
pub fn unix_in(seconds: u64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    (now + seconds).to_string()
}
