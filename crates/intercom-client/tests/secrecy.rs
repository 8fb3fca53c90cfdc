//! The token never shows up in Debug, Display, errors or logs, even when a server echoes it.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::*;
use httpmock::MockServer;
use intercom_client::{Client, ContentImportSourceId, Error, ExternalPageId, NoteId, Token};

#[test]
fn debug_and_display_never_show_the_token() {
    let builder = Client::builder().token(TOKEN);
    let client = builder.clone().build().unwrap();
    let token = Token::from(TOKEN);
    for text in [
        format!("{builder:?}"),
        format!("{builder:#?}"),
        format!("{client:?}"),
        format!("{client:#?}"),
        format!("{token:?}"),
        format!("{token}"),
        format!("{:?}", client.external_pages()),
        format!("{:?}", client.notes().list(&"c1".into())),
    ] {
        assert!(!text.contains(TOKEN), "{text}");
        assert!(!text.contains("never_print"), "{text}");
    }
    assert!(format!("{client:?}").contains("<redacted>"));
}

/// A writer into a shared buffer, for the test subscriber.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test]
async fn errors_and_trace_logs_never_show_the_token_even_when_the_server_echoes_it() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start_async().await;
    let echo = format!("you sent Authorization: Bearer {TOKEN}");
    // A success whose body echoes the token (logged, since log_bodies is on).
    let mut page = page_json("21", 44, "x");
    page["html"] = echo.clone().into();
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/21");
            then.status(200).json_body(page.clone());
        })
        .await;
    // A retried failure, then an API error whose message echoes it.
    let retried = in_order(
        &server,
        "GET",
        "/notes/1",
        vec![
            reply(503, &[("x-request-id", "req-echo")], echo.clone()),
            reply(
                401,
                &[],
                error_list("unauthorized", &echo, "req-401").to_string(),
            ),
        ],
    )
    .await;
    // A body that does not parse and echoes it.
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources/1");
            then.status(200).body(format!("<html>{echo}</html>"));
        })
        .await;

    let client = builder(&server)
        .log_bodies(true)
        .retry_policy(intercom_client::retry::RetryPolicy::default().with_backoff(
            std::time::Duration::from_millis(1),
            std::time::Duration::from_millis(2),
        ))
        .build()
        .unwrap();
    client
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap();
    let api = client.notes().get(&NoteId::new("1")).await.unwrap_err();
    let decode = client
        .content_import_sources()
        .get(ContentImportSourceId::new(1))
        .await
        .unwrap_err();
    assert_eq!(retried.calls_async().await, 2);
    assert!(matches!(api, Error::Api { .. }), "{api:?}");
    assert!(matches!(decode, Error::Decode { .. }), "{decode:?}");

    for err in [&api, &decode] {
        let text = format!("{err} {err:?}");
        assert!(!text.contains(TOKEN), "{text}");
        assert!(
            text.contains("<redacted>"),
            "the echo is redacted, not dropped: {text}"
        );
    }
    let logs = logs.text();
    assert!(
        logs.contains("intercom.request"),
        "the capture works: {logs}"
    );
    assert!(logs.contains("retrying"), "{logs}");
    assert!(logs.contains("response body"), "{logs}");
    assert!(!logs.contains(TOKEN), "{logs}");
    assert!(!logs.contains("never_print"), "{logs}");
}

/// Each attempt's span records the answer's status and request id, for a subscriber that
/// listens.
#[tokio::test]
async fn each_attempts_span_records_the_status_and_the_request_id() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/21");
            then.status(200)
                .header("x-request-id", "req-span")
                .json_body(page_json("21", 44, "x"));
        })
        .await;
    client(&server)
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap();
    let text = logs.text();
    let span = text
        .lines()
        .find(|l| l.contains("intercom.request") && l.contains("close"))
        .unwrap_or_else(|| panic!("no closed request span: {text}"));
    assert!(span.contains("status=200"), "{span}");
    assert!(
        span.contains("request_id=\"req-span\"") || span.contains("request_id=req-span"),
        "{span}"
    );
}
