//! What the report says about a page that failed: the typed error's status, code, message,
//! request id and retryability, in the report and in its JSON; and what `SyncError` says.

use std::time::Duration;

use futures::stream;
use httpmock::MockServer;
use intercom_client::Client;
use intercom_client::retry::RetryPolicy;
use intercom_fake::FakeIntercom;
use intercom_sync::folder::FolderOptions;
use intercom_sync::{DesiredPage, Outcome, PlannedAction, SyncError, SyncOptions, sync};
use serde_json::{Value, json};

const TOKEN: &str = "failures-token";
const SOURCE: &str = "https://docs.example.com";

fn page(external_id: &str) -> DesiredPage {
    DesiredPage::new(external_id)
        .title(format!("Title {external_id}"))
        .html(format!("<p>{external_id}</p>"))
}

fn client(base_url: &str, attempts: u32) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(base_url)
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(attempts)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(2))
                .with_settle_time(Duration::ZERO),
        )
        .build()
        .unwrap()
}

fn page_json(id: &str, external_id: &str) -> Value {
    json!({
        "type": "external_page", "id": id, "title": format!("Title {external_id}"),
        "html": format!("<p>{external_id}</p>"), "url": null,
        "ai_agent_availability": true, "ai_copilot_availability": true,
        "fin_availability": true, "locale": "en", "source_id": 44,
        "external_id": external_id, "created_at": 1672928359, "updated_at": 1672928359,
        "last_ingested_at": 1672928359
    })
}

#[tokio::test]
async fn a_page_the_api_refuses_keeps_its_status_code_and_request_id() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources");
            then.status(200).json_body(json!({
                "type": "list", "total_count": 1,
                "pages": {"type": "pages", "page": 1, "total_pages": 1},
                "data": [{
                    "type": "content_import_source", "id": 44, "last_synced_at": 1672928610,
                    "sync_behavior": "api", "status": "active", "url": SOURCE,
                    "created_at": 1672928359, "updated_at": 1672928610
                }]
            }));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages");
            then.status(200).json_body(json!({
                "type": "list", "data": [], "pages": {}, "total_count": 0
            }));
        })
        .await;
    let refused = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/ai/external_pages")
                .body_includes("\"bad.md\"");
            then.status(400)
                .header("x-request-id", "req-400-bad")
                .json_body(json!({
                    "type": "error.list", "request_id": "req-400-bad",
                    "errors": [{"code": "parameter_invalid", "message": "html is not valid HTML"}]
                }));
        })
        .await;
    let accepted = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/ai/external_pages")
                .body_excludes("\"bad.md\"");
            then.status(200).json_body(page_json("900", "good.md"));
        })
        .await;

    let input = stream::iter(vec![page("good.md"), page("bad.md")]);
    let report = sync(
        &client(&server.base_url(), 2),
        SOURCE,
        input,
        SyncOptions::default(),
    )
    .await
    .unwrap();

    assert_eq!(refused.calls_async().await, 1, "a 400 is not retried");
    assert_eq!(accepted.calls_async().await, 1);
    let c = report.counts;
    assert_eq!(
        (c.created, c.failed, c.failed_retryable),
        (1, 1, 0),
        "{report}"
    );
    let line = report.failures().next().expect("one failure");
    assert_eq!(
        (line.external_id.as_str(), line.action),
        ("bad.md", PlannedAction::Create)
    );
    let failure = line.failure().unwrap();
    assert_eq!(failure.status(), Some(400));
    assert_eq!(failure.code(), Some("parameter_invalid"));
    assert_eq!(failure.message(), Some("html is not valid HTML"));
    assert_eq!(failure.request_id(), Some("req-400-bad"));
    assert!(!failure.is_retryable());
    assert!(failure.reason().contains("HTTP 400"), "{failure}");
    let error = failure.error().expect("the client's error");
    assert_eq!(error.status_code(), Some(400));

    // The JSON keeps the shape `--json` always printed, with the typed fields beside it.
    let json = serde_json::to_value(&report).unwrap();
    let bad = &json["pages"][1];
    assert_eq!(bad["external_id"], "bad.md");
    assert_eq!(bad["action"], "create");
    assert_eq!(bad["title"], "Title bad.md");
    assert_eq!(bad["status"], "failed");
    assert_eq!(bad["retryable"], false);
    assert_eq!(bad["reason"], failure.reason());
    assert_eq!(bad["http_status"], 400);
    assert_eq!(bad["code"], "parameter_invalid");
    assert_eq!(bad["message"], "html is not valid HTML");
    assert_eq!(bad["request_id"], "req-400-bad");
    assert_eq!(
        json["pages"][0],
        json!({"external_id": "good.md", "id": "900", "action": "create", "title": "Title good.md", "status": "done"})
    );
    assert_eq!(json["counts"]["failed"], 1);
}

#[tokio::test]
async fn a_page_that_keeps_failing_with_a_5xx_is_retryable_and_names_the_request() {
    // Both attempts of the first write answer 500; the rest go through.
    let fake = FakeIntercom::builder()
        .token(TOKEN)
        .fault("POST /ai/external_pages=500,500".parse().unwrap())
        .start()
        .await
        .unwrap();
    let input = stream::iter(vec![page("a.md"), page("b.md")]);
    let report = sync(
        &client(fake.base_url(), 2),
        SOURCE,
        input,
        SyncOptions::default().concurrency(1).unwrap(),
    )
    .await
    .unwrap();

    let c = report.counts;
    assert_eq!(
        (c.created, c.failed, c.failed_retryable),
        (1, 1, 1),
        "{report}"
    );
    let failure = report.pages[0].failure().expect("a.md failed");
    assert_eq!(failure.status(), Some(500));
    assert_eq!(failure.code(), Some("server_error"));
    assert!(failure.is_retryable());
    let last_500 = fake
        .requests()
        .into_iter()
        .rfind(|r| r.status == Some(500))
        .expect("the fake answered 500");
    assert_eq!(failure.request_id(), Some(last_500.request_id.as_str()));
    assert!(
        report.to_string().contains("1 may pass on a rerun"),
        "{report}"
    );
    assert!(matches!(report.pages[1].outcome, Outcome::Done));
}

#[tokio::test]
async fn a_page_the_client_refuses_to_send_fails_without_a_status() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    // No HTML: the client says so before any request.
    let input = stream::iter(vec![DesiredPage::new("empty.md").title("Empty")]);
    let report = sync(
        &client(fake.base_url(), 2),
        SOURCE,
        input,
        SyncOptions::default(),
    )
    .await
    .unwrap();
    let failure = report.pages[0].failure().expect("empty.md failed");
    assert_eq!((failure.status(), failure.request_id()), (None, None));
    assert!(
        matches!(
            failure.error(),
            Some(intercom_client::Error::InvalidInput { field: "html", .. })
        ),
        "{failure}"
    );
    assert!(
        fake.requests()
            .iter()
            .all(|r| r.method != "POST" || r.path != "/ai/external_pages"),
        "nothing was sent for the page"
    );
    let json = serde_json::to_value(&report.pages[0]).unwrap();
    assert!(json.get("http_status").is_none(), "{json}");
}

#[test]
fn option_errors_name_the_option_as_the_library_calls_it() {
    let concurrency = SyncOptions::default().concurrency(0).unwrap_err();
    assert!(matches!(
        concurrency,
        SyncError::InvalidOption {
            option: "concurrency",
            ..
        }
    ));
    assert_eq!(
        concurrency.to_string(),
        "concurrency must be at least 1, not 0"
    );
    assert!(concurrency.client_error().is_none());

    let share = SyncOptions::default().max_prune_share(1.5).unwrap_err();
    assert_eq!(
        share.to_string(),
        "max_prune_share must be a share between 0 and 1, not 1.5"
    );

    let prefix = FolderOptions::default().url_prefix("docs/").unwrap_err();
    assert_eq!(
        prefix.to_string(),
        "url_prefix \"docs/\" is not an absolute URL"
    );
    for message in [
        concurrency.to_string(),
        share.to_string(),
        prefix.to_string(),
    ] {
        assert!(!message.contains("--"), "no command-line syntax: {message}");
    }
}
