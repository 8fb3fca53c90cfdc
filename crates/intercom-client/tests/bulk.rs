//! Bulk work: last seen X-RateLimit-* values, pacing of streams and upsert_all (on the paused
//! clock), and upsert_all's report of every page.

mod common;

use std::time::Duration;

use common::*;
use futures::{TryStreamExt, stream};
use httpmock::MockServer;
use intercom_client::{ContentImportSourceId, Error, NewExternalPage, UpsertResult};
use serde_json::json;
use tokio::time::Instant;

#[tokio::test]
async fn the_last_rate_limit_values_are_readable() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/notes/1");
            then.status(200)
                .header("X-RateLimit-Limit", "10000")
                .header("X-RateLimit-Remaining", "9876")
                .header("X-RateLimit-Reset", "1700000010")
                .json_body(note_json("1", "c1"));
        })
        .await;
    let client = client(&server);
    assert_eq!(client.rate_limit(), None);

    client.notes().get(&"1".into()).await.unwrap();

    let rate = client.rate_limit().unwrap();
    assert_eq!(rate.limit, Some(10000));
    assert_eq!(rate.remaining, Some(9876));
    assert_eq!(rate.reset.map(|t| t.timestamp()), Some(1_700_000_010));
    // Clones share what they have seen.
    assert_eq!(client.clone().rate_limit(), Some(rate));
}

#[tokio::test(start_paused = true)]
async fn a_stream_waits_for_the_reset_when_no_calls_are_left() {
    let server = MockServer::start_async().await;
    // Far enough away that real time spent on a loaded machine cannot blur the figure.
    let reset = unix_in(30);
    let first = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param_missing("page");
            then.status(200)
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", reset.as_str())
                .json_body(list_json(
                    vec![page_json("1", 44, "a")],
                    json!({"page": 1, "total_pages": 2}),
                ));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "2");
            then.status(200).json_body(list_json(
                vec![page_json("2", 44, "b")],
                json!({"page": 2, "total_pages": 2}),
            ));
        })
        .await;
    let client = paused_client(&server);
    let started = Instant::now();

    let items: Vec<_> = client
        .external_pages()
        .list()
        .items()
        .try_collect()
        .await
        .unwrap();

    assert_eq!(items.len(), 2);
    assert_eq!(first.calls_async().await, 1);
    assert_eq!(second.calls_async().await, 1);
    // The reset is 29 to 30 seconds away; nothing else takes time on the paused clock.
    assert!(
        started.elapsed() >= Duration::from_secs(25),
        "{:?}",
        started.elapsed()
    );

    // A single call is not held back by pacing: it is the caller's to make.
    let single = Instant::now();
    client.external_pages().list().first_page().await.unwrap();
    assert!(
        single.elapsed() < Duration::from_secs(1),
        "{:?}",
        single.elapsed()
    );
}

fn page(n: usize) -> NewExternalPage {
    NewExternalPage::new(ContentImportSourceId::new(44), format!("doc-{n}"))
        .title(format!("Doc {n}"))
        .html("<p>body</p>")
}

#[tokio::test(start_paused = true)]
async fn upsert_all_reports_every_page_in_input_order() {
    let server = MockServer::start_async().await;
    let rejected = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/ai/external_pages")
                .body_includes(r#""external_id":"doc-3""#);
            then.status(400).json_body(error_list(
                "parameter_invalid",
                "html is not valid",
                "req-400",
            ));
        })
        .await;
    let accepted = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/ai/external_pages")
                .body_excludes(r#""external_id":"doc-3""#);
            then.respond_with(|req| {
                let body: serde_json::Value = serde_json::from_slice(req.body_ref()).unwrap();
                let external_id = body["external_id"].as_str().unwrap();
                let page = page_json(&format!("id-{external_id}"), 44, external_id);
                httpmock::HttpMockResponse::builder()
                    .status(200)
                    .body(page.to_string())
                    .build()
            });
        })
        .await;
    let pages = (0..6).map(|n| {
        if n == 1 {
            page(n).url("not a url")
        } else {
            page(n)
        }
    });

    let report = paused_client(&server)
        .external_pages()
        .upsert_all(stream::iter(pages), 3)
        .await;

    assert_eq!(report.outcomes().len(), 6);
    let indexes: Vec<_> = report.outcomes().iter().map(|o| o.index).collect();
    assert_eq!(indexes, [0, 1, 2, 3, 4, 5]);
    assert_eq!(
        (report.upserted(), report.failed(), report.skipped()),
        (4, 2, 0)
    );
    assert!(!report.is_success());
    assert_eq!(
        report.to_string(),
        "6 pages: 4 upserted, 2 failed, 0 skipped"
    );

    let outcomes = report.outcomes();
    assert!(
        matches!(&outcomes[0].result, UpsertResult::Upserted { id } if id.as_str() == "id-doc-0")
    );
    assert!(matches!(
        &outcomes[1].result,
        UpsertResult::Failed(Error::InvalidInput { field: "url", .. })
    ));
    assert!(
        matches!(&outcomes[3].result, UpsertResult::Failed(e) if e.request_id() == Some("req-400"))
    );
    assert_eq!(outcomes[3].external_id, "doc-3");
    // The invalid page was never sent; the rejected one was sent once (400 is not retried).
    assert_eq!(accepted.calls_async().await, 4);
    assert_eq!(rejected.calls_async().await, 1);
}

#[tokio::test(start_paused = true)]
async fn upsert_all_stops_sending_after_a_401_and_reports_the_rest_as_skipped() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/ai/external_pages");
            then.status(401).json_body(error_list(
                "unauthorized",
                "Access Token Invalid",
                "req-401",
            ));
        })
        .await;

    let report = paused_client(&server)
        .external_pages()
        .upsert_all(stream::iter((0..5).map(page)), 1)
        .await;

    assert_eq!(mock.calls_async().await, 1);
    assert_eq!(
        (report.upserted(), report.failed(), report.skipped()),
        (0, 1, 4)
    );
    let UpsertResult::Skipped { reason } = &report.outcomes()[4].result else {
        panic!()
    };
    assert!(
        reason.contains("HTTP 401") && reason.contains("req-401"),
        "{reason}"
    );
}

#[tokio::test(start_paused = true)]
async fn upsert_all_paces_itself_instead_of_hitting_429s() {
    let server = MockServer::start_async().await;
    let reset = unix_in(30);
    // A window of 2 calls: the answers count down, and the third call must wait for the
    // reset whether the first two answers are in when it asks (none left) or not (the one
    // left is taken by the call in flight).
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let counted = calls.clone();
    let mock = server
        .mock_async(move |when, then| {
            when.method("POST").path("/ai/external_pages");
            then.respond_with(move |_| {
                let n = counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let (remaining, reset) = if n < 2 {
                    ((1 - n).to_string(), reset.clone())
                } else {
                    ("1".to_owned(), unix_in(40))
                };
                httpmock::HttpMockResponse::builder()
                    .status(200)
                    .header("X-RateLimit-Limit", "2")
                    .header("X-RateLimit-Remaining", remaining)
                    .header("X-RateLimit-Reset", reset)
                    .body(page_json("1", 44, "doc").to_string())
                    .build()
            });
        })
        .await;
    let started = Instant::now();

    let report = paused_client(&server)
        .external_pages()
        .upsert_all(stream::iter((0..3).map(page)), 2)
        .await;

    assert!(report.is_success(), "{report}");
    assert_eq!(mock.calls_async().await, 3);
    // The third page waited for the window to reset (29 to 30 seconds away).
    assert!(
        started.elapsed() >= Duration::from_secs(25),
        "{:?}",
        started.elapsed()
    );
}
