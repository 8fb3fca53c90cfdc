//! Token safety (issue 6): the bearer token goes in one header to one origin, and nowhere else.
//!
//! The library runs at the most verbose level it has (a `tracing` subscriber at `TRACE` with
//! every span's opening and closing and all their fields, `log_bodies(true)`, and whatever
//! reqwest writes through the `log` facade), through a success, every kind of error the client
//! has (`Api` 4xx and 5xx with an `error.list`, `RateLimited`, `Timeout`, `Transport` from a
//! refused connection, `InvalidInput`, `Decode`, `ForeignNextPage`), a bulk upsert and a sync,
//! against a malicious server that echoes the token back in error bodies, success bodies and
//! headers. The `Debug` and `Display` of the builder, the client, its handles, every error and
//! every report are kept too, and the token must be in none of it. The captures are checked
//! for what they must hold (request spans, retries, the logged body), so that an empty capture
//! cannot pass.
//!
//! Then, on the wire: a redirect to another origin is not followed with the `Authorization`
//! header (the second server sees no request at all with the client's own HTTP client, and none
//! carrying the token with one that follows redirects), and a `pages.next` on another origin is
//! refused before anything is sent there.
//!
//! The capture is per test: one global subscriber writes each event into the buffer of the test
//! on whose thread it happens (tests run on tokio's current-thread runtime), so a test sees the
//! client, reqwest and the in-process fake, and not httpmock's server threads, which log the
//! requests they receive, `Authorization` included, as a server would.

use std::cell::RefCell;
use std::fmt::{Debug, Display};
use std::io;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use futures::{TryStreamExt, stream};
use httpmock::{Method, MockServer};
use intercom_client::retry::RetryPolicy;
use intercom_client::{
    Client, ContentImportSourceId, Error, ExternalPageId, NewExternalPage, NoteId, Token,
};
use intercom_fake::FakeIntercom;
use intercom_sync::{DesiredPage, SyncOptions};
use serde_json::json;
use tracing_subscriber::fmt::format::FmtSpan;

/// Distinctive, and shaped like a host name label so that it can be smuggled into one.
const TOKEN: &str = "tok-zq7x-s3cr3t-4f9a2c81";
const GUARD: Duration = Duration::from_secs(60);

async fn guarded<F: std::future::Future>(future: F) -> F::Output {
    tokio::time::timeout(GUARD, future)
        .await
        .expect("no hang: the call returned within the guard")
}

// ---------------------------------------------------------------------------------------------
// Capturing everything

/// A writer into a shared buffer.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Buffer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(PoisonError::into_inner)).into_owned()
    }
}

/// Every record of the `log` facade (reqwest logs through it), from every test of this file.
struct LogCapture(Buffer);

impl log::Log for LogCapture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }

    fn log(&self, record: &log::Record<'_>) {
        use io::Write;
        let line = format!(
            "{} {}: {}\n",
            record.level(),
            record.target(),
            record.args()
        );
        let _ = self.0.clone().write_all(line.as_bytes());
    }

    fn flush(&self) {}
}

fn log_records() -> &'static Buffer {
    static LOGGER: OnceLock<&'static LogCapture> = OnceLock::new();
    let logger = LOGGER.get_or_init(|| {
        let logger: &'static LogCapture = Box::leak(Box::new(LogCapture(Buffer::default())));
        if log::set_logger(logger).is_ok() {
            log::set_max_level(log::LevelFilter::Trace);
        }
        logger
    });
    &logger.0
}

thread_local! {
    /// Where the global subscriber writes what this thread's test does.
    static TRACE: RefCell<Option<Buffer>> = const { RefCell::new(None) };
}

/// Writes into this thread's [`TRACE`] buffer, or nowhere.
struct ToThisTest;

impl io::Write for ToThisTest {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        TRACE.with(|trace| match &*trace.borrow() {
            Some(buffer) => buffer.clone().write(bytes),
            None => Ok(bytes.len()),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One global subscriber at `TRACE`, every span's opening and closing with their fields,
/// writing each event into the buffer of the test whose thread it happens on. (Subscribers set
/// per thread share tracing's global cache of which callsites are enabled, and with tests in
/// parallel that cache can turn a callsite off for everyone.)
fn install_subscribers() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(FmtSpan::FULL)
            .with_target(true)
            .with_writer(|| ToThisTest)
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
        log_records();
    });
}

/// What one test saw: its `TRACE` output, and every `Debug` and `Display` it made. Tests run on
/// tokio's current-thread runtime, so the client, reqwest and the in-process fake all run on
/// the test's thread, while httpmock's servers (which log the requests they get, as a server
/// would) run on their own.
struct Watch {
    trace: Buffer,
    texts: Vec<(String, String)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        TRACE.with(|trace| trace.borrow_mut().take());
    }
}

impl Watch {
    fn start() -> Watch {
        install_subscribers();
        let trace = Buffer::default();
        TRACE.with(|current| *current.borrow_mut() = Some(trace.clone()));
        Watch {
            trace,
            texts: Vec::new(),
        }
    }

    /// Keeps `value`'s `Debug` (and, with [`show`](Self::show), its `Display`).
    fn debug(&mut self, label: &str, value: &dyn Debug) {
        self.texts
            .push((format!("{label} (Debug)"), format!("{value:?}")));
        self.texts
            .push((format!("{label} (Debug, pretty)"), format!("{value:#?}")));
    }

    fn show<T: Debug + Display>(&mut self, label: &str, value: &T) {
        self.debug(label, value);
        self.texts
            .push((format!("{label} (Display)"), value.to_string()));
    }

    /// Keeps an error with its whole `source()` chain.
    fn error(&mut self, label: &str, error: &(dyn std::error::Error + 'static)) {
        self.debug(label, &error);
        self.texts
            .push((format!("{label} (Display)"), error.to_string()));
        let mut source = error.source();
        while let Some(inner) = source {
            self.texts
                .push((format!("{label} (source)"), inner.to_string()));
            source = inner.source();
        }
    }

    /// The token is nowhere; the trace holds each of `markers` (so it did capture).
    fn assert_clean(&self, markers: &[&str]) {
        let trace = self.trace.text();
        for marker in markers {
            assert!(
                trace.contains(marker),
                "the TRACE capture lacks {marker:?}: it did not capture what it should:\n{trace}"
            );
        }
        let leaks: Vec<String> = std::iter::once(("TRACE output", trace.as_str()))
            .chain(std::iter::once(("log records", &*log_records().text())))
            .chain(self.texts.iter().map(|(l, t)| (l.as_str(), t.as_str())))
            .filter(|(_, text)| text.contains(TOKEN))
            .map(|(label, text)| {
                let at = text.find(TOKEN).unwrap_or_default();
                let from = text[..at]
                    .char_indices()
                    .rev()
                    .nth(80)
                    .map_or(0, |(i, _)| i);
                format!(
                    "{label}: …{}…",
                    &text[from..(at + TOKEN.len()).min(text.len())]
                )
            })
            .collect();
        assert!(
            leaks.is_empty(),
            "the token leaked into:\n{}",
            leaks.join("\n")
        );
        assert!(!self.texts.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// A malicious server

fn builder(base_url: &str) -> intercom_client::ClientBuilder {
    Client::builder()
        .token(TOKEN)
        .base_url(base_url)
        .log_bodies(true)
        .request_timeout(Duration::from_millis(300))
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(2)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(5))
                .with_total_deadline(Some(Duration::from_secs(10))),
        )
}

fn client_for(base_url: &str) -> Client {
    builder(base_url).build().expect("a client")
}

/// An `error.list` that quotes the token in every field the client shows.
fn echoing_error_list(code: &str) -> String {
    json!({
        "type": "error.list",
        "request_id": "req-echo-1",
        "errors": [{
            "code": code,
            "message": format!("Access Token Invalid: Bearer {TOKEN}"),
            "field": format!("Authorization: Bearer {TOKEN}"),
        }]
    })
    .to_string()
}

fn source_json() -> serde_json::Value {
    json!({
        "type": "content_import_source", "id": 1234, "last_synced_at": 1672928610,
        "sync_behavior": "api", "status": "active", "url": "https://help.example.com/",
        "created_at": 1672928359, "updated_at": 1672928610,
        // An unknown field the model drops: only a log of the body could show it.
        "debug_echo": format!("you sent Authorization: Bearer {TOKEN}")
    })
}

/// Answers `method path` with `status` and `body`, echoing the token in two headers too.
async fn echo(server: &MockServer, method: Method, path: &str, status: u16, body: String) {
    server
        .mock_async(|when, then| {
            when.method(method).path(path);
            then.status(status)
                .header("x-echo-authorization", format!("Bearer {TOKEN}"))
                .header("www-authenticate", format!("Bearer realm=\"{TOKEN}\""))
                .header("x-request-id", "req-hdr-1")
                .body(body);
        })
        .await;
}

// ---------------------------------------------------------------------------------------------
// The library, verbose, through every outcome

#[tokio::test]
async fn the_builder_client_handles_and_token_never_show_it() {
    let mut watch = Watch::start();
    let builder = builder("http://127.0.0.1:9");
    watch.debug("builder", &builder);
    let client = builder.build().expect("a client");
    watch.debug("client", &client);
    watch.debug("sources handle", &client.content_import_sources());
    watch.debug("pages handle", &client.external_pages());
    watch.debug("notes handle", &client.notes());
    watch.debug("list", &client.external_pages().list().per_page(5));
    watch.show("token", &Token::from(TOKEN));
    watch.show("bearer token", &Token::from(format!("Bearer {TOKEN}")));
    watch.debug("retry policy", client.retry_policy());
    assert!(watch.texts.iter().any(|(_, t)| t.contains("<redacted>")));
    watch.assert_clean(&[]);
}

#[tokio::test]
async fn a_success_logged_with_its_body_does_not_show_it() {
    let mut watch = Watch::start();
    let server = MockServer::start_async().await;
    echo(
        &server,
        Method::GET,
        "/ai/content_import_sources/1234",
        200,
        source_json().to_string(),
    )
    .await;
    let client = client_for(&server.base_url());

    let source = guarded(
        client
            .content_import_sources()
            .get(ContentImportSourceId::new(1234)),
    )
    .await
    .expect("a source");
    watch.debug("source", &source);
    watch.debug("client after a call", &client);
    watch.debug("rate limit", &client.rate_limit());

    // The body was logged, with the echoed token redacted.
    watch.assert_clean(&[
        "intercom.request",
        "response body",
        "debug_echo",
        "<redacted>",
    ]);
}

#[tokio::test]
async fn every_error_kind_at_trace_level_does_not_show_it() {
    let mut watch = Watch::start();
    let server = MockServer::start_async().await;
    let client = client_for(&server.base_url());
    let sources = client.content_import_sources();
    let pages = client.external_pages();

    // Api 4xx: an error.list quoting the token; not retried.
    echo(
        &server,
        Method::GET,
        "/ai/content_import_sources/1",
        401,
        echoing_error_list("unauthorized"),
    )
    .await;
    let error = guarded(sources.get(ContentImportSourceId::new(1)))
        .await
        .expect_err("401");
    assert!(
        matches!(&error, Error::Api { status, .. } if status.as_u16() == 401),
        "{error:?}"
    );
    watch.error("Api 401", &error);

    // Api 5xx: the same, retried (the retry is logged with the error).
    echo(
        &server,
        Method::GET,
        "/ai/content_import_sources/2",
        500,
        echoing_error_list("server_error"),
    )
    .await;
    let error = guarded(sources.get(ContentImportSourceId::new(2)))
        .await
        .expect_err("500");
    assert!(
        matches!(&error, Error::Api { status, .. } if status.as_u16() == 500),
        "{error:?}"
    );
    watch.error("Api 500", &error);

    // RateLimited: a 429 quoting the token, retried after `Retry-After: 0`.
    server
        .mock_async(|when, then| {
            when.method(Method::GET)
                .path("/ai/content_import_sources/3");
            then.status(429)
                .header("retry-after", "0")
                .header("x-ratelimit-limit", "10000")
                .header("x-ratelimit-remaining", "0")
                .header("x-echo-authorization", format!("Bearer {TOKEN}"))
                .body(echoing_error_list("rate_limit_exceeded"));
        })
        .await;
    let error = guarded(sources.get(ContentImportSourceId::new(3)))
        .await
        .expect_err("429");
    assert!(matches!(&error, Error::RateLimited { .. }), "{error:?}");
    watch.error("RateLimited", &error);

    // Decode: a proxy's HTML page quoting the request's headers, on a success status.
    echo(
        &server,
        Method::GET,
        "/ai/external_pages/4",
        200,
        format!("<html><body><pre>GET /ai/external_pages/4\nAuthorization: Bearer {TOKEN}</pre></body></html>"),
    )
    .await;
    let error = guarded(pages.get(&ExternalPageId::new("4")))
        .await
        .expect_err("HTML");
    assert!(matches!(&error, Error::Decode { .. }), "{error:?}");
    watch.error("Decode", &error);

    // Timeout: no answer within the request timeout, twice.
    server
        .mock_async(|when, then| {
            when.method(Method::GET).path("/ai/external_pages/5");
            then.status(200).delay(Duration::from_secs(3)).body(TOKEN);
        })
        .await;
    let error = guarded(pages.get(&ExternalPageId::new("5")))
        .await
        .expect_err("slow");
    assert!(matches!(&error, Error::Timeout { .. }), "{error:?}");
    watch.error("Timeout", &error);

    // ForeignNextPage: a link to another server, carrying the token in its query.
    let other = MockServer::start_async().await;
    let stray = other
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body("{}");
        })
        .await;
    let list = json!({
        "type": "list", "data": [], "total_count": 0,
        "pages": {"next": format!("{}/ai/external_pages?page=2&access_token={TOKEN}", other.base_url())}
    });
    let mut with_item = list.clone();
    with_item["data"] = json!([source_json()]);
    echo(
        &server,
        Method::GET,
        "/ai/content_import_sources",
        200,
        with_item.to_string(),
    )
    .await;
    let error = guarded(sources.list().items().try_collect::<Vec<_>>())
        .await
        .expect_err("foreign next");
    assert!(matches!(&error, Error::ForeignNextPage { .. }), "{error:?}");
    watch.error("ForeignNextPage", &error);
    assert_eq!(
        stray.calls_async().await,
        0,
        "nothing went to the other server"
    );

    // InvalidInput: caught before anything is sent.
    let error = guarded(
        pages.upsert(
            NewExternalPage::new(ContentImportSourceId::new(1), "a")
                .title(" ")
                .html("<p>a</p>"),
        ),
    )
    .await
    .expect_err("empty title");
    assert!(matches!(&error, Error::InvalidInput { .. }), "{error:?}");
    watch.error("InvalidInput (title)", &error);
    let error = guarded(client.notes().get(&NoteId::new("")))
        .await
        .expect_err("empty id");
    watch.error("InvalidInput (id)", &error);
    // A token that cannot be a header value: the error names the token, not its text.
    let error = Client::builder()
        .token(format!("{TOKEN}\u{7f}"))
        .base_url(server.base_url())
        .build()
        .expect_err("a control character");
    assert!(matches!(&error, Error::InvalidInput { .. }), "{error:?}");
    watch.error("InvalidInput (token)", &error);
    let error = Client::builder()
        .token(TOKEN)
        .base_url(format!("http://intercom.example.com/{TOKEN}"))
        .build()
        .expect_err("http to a non-loopback host");
    watch.error("InvalidInput (base url)", &error);

    // Transport: a refused connection.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        listener.local_addr().expect("its address").port()
    };
    let refused = client_for(&format!("http://127.0.0.1:{port}"));
    let error = guarded(
        refused
            .content_import_sources()
            .get(ContentImportSourceId::new(6)),
    )
    .await
    .expect_err("refused");
    assert!(matches!(&error, Error::Transport { .. }), "{error:?}");
    watch.error("Transport", &error);

    assert!(
        log_records().text().contains("starting new connection"),
        "the `log` capture holds reqwest's records"
    );
    watch.assert_clean(&[
        "intercom.request",
        "status=401",
        "status=500",
        "status=429",
        "retrying",
        "giving up",
        "response body",
        "<redacted>",
    ]);
}

#[tokio::test]
async fn bulk_upsert_reports_do_not_show_it() {
    let mut watch = Watch::start();
    let server = MockServer::start_async().await;
    echo(
        &server,
        Method::POST,
        "/ai/external_pages",
        500,
        echoing_error_list("server_error"),
    )
    .await;
    let client = client_for(&server.base_url());
    let source = ContentImportSourceId::new(44);
    let pages = (0..3).map(|n| {
        NewExternalPage::new(source, format!("p{n}"))
            .title("T")
            .html("<p>x</p>")
    });
    let report = guarded(client.external_pages().upsert_all(stream::iter(pages), 2)).await;
    assert_eq!(report.failed(), 3, "{report}");
    watch.show("upsert report", &report);
    for outcome in report.outcomes() {
        watch.debug("upsert outcome", outcome);
    }
    watch.assert_clean(&["upsert_all finished", "retrying"]);
}

#[tokio::test]
async fn a_sync_and_its_failure_do_not_show_it() {
    let mut watch = Watch::start();
    let fake = FakeIntercom::builder()
        .token(TOKEN)
        .start()
        .await
        .expect("the fake starts");
    let input = || {
        stream::iter((0..5).map(|n| {
            DesiredPage::new(format!("p{n}.md"))
                .title("Title")
                .html("<p>Body</p>")
        }))
    };

    let client = client_for(fake.base_url());
    let report = guarded(intercom_sync::sync(
        &client,
        "https://docs.example.com",
        input(),
        SyncOptions::default(),
    ))
    .await
    .expect("a sync");
    assert_eq!(report.counts.created, 5, "{report}");
    watch.show("sync report", &report);
    for line in &report.pages {
        watch.show("sync report line", line);
    }
    watch.debug("sync options", &SyncOptions::default());
    watch.debug("fake", &fake);

    // The same token against a fake that expects another: every call is a 401.
    let other = FakeIntercom::builder()
        .token("another-token")
        .start()
        .await
        .expect("the fake starts");
    let error = guarded(intercom_sync::sync(
        &client_for(other.base_url()),
        "https://docs.example.com",
        input(),
        SyncOptions::default(),
    ))
    .await
    .expect_err("unauthorized");
    watch.error("sync error", &error);

    watch.assert_clean(&["intercom.request", "planning sync", "status=401"]);
}

// ---------------------------------------------------------------------------------------------
// On the wire: redirects and next links

#[tokio::test]
async fn redirects_to_another_origin_are_not_followed() {
    for status in [301, 302, 303, 307, 308] {
        let server = MockServer::start_async().await;
        let other = MockServer::start_async().await;
        let target = other
            .mock_async(|when, then| {
                when.any_request();
                then.status(200).body(source_json().to_string());
            })
            .await;
        let location = format!("{}/ai/content_import_sources/1234", other.base_url());
        let redirect = server
            .mock_async(|when, then| {
                when.any_request();
                then.status(status).header("location", location.clone());
            })
            .await;
        let client = client_for(&server.base_url());

        let get = guarded(
            client
                .content_import_sources()
                .get(ContentImportSourceId::new(1234)),
        )
        .await;
        let upsert = guarded(
            client.external_pages().upsert(
                NewExternalPage::new(ContentImportSourceId::new(1), "a")
                    .title("A")
                    .html("<p>a</p>"),
            ),
        )
        .await;

        for outcome in [get.map(drop), upsert.map(drop)] {
            let error = outcome.expect_err("a redirect is not a success");
            assert_eq!(
                error.status().map(|s| s.as_u16()),
                Some(status),
                "{error:?}"
            );
        }
        assert_eq!(redirect.calls_async().await, 2, "{status}");
        assert_eq!(target.calls_async().await, 0, "{status}: followed");
    }
}

/// With an HTTP client of the caller's that follows redirects, reqwest drops `Authorization`
/// when the origin changes: the other server is reached, without the token.
#[tokio::test]
async fn a_redirect_followed_by_a_custom_http_client_does_not_carry_the_token() {
    for status in [302, 307] {
        let server = MockServer::start_async().await;
        let other = MockServer::start_async().await;
        let with_token = other
            .mock_async(|when, then| {
                when.header_exists("authorization");
                then.status(200).body(source_json().to_string());
            })
            .await;
        let without_token = other
            .mock_async(|when, then| {
                when.header_missing("authorization");
                then.status(200).body(source_json().to_string());
            })
            .await;
        let location = format!("{}/ai/content_import_sources/1234", other.base_url());
        server
            .mock_async(|when, then| {
                when.any_request();
                then.status(status).header("location", location.clone());
            })
            .await;
        let following = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .expect("an HTTP client");
        let client = builder(&server.base_url())
            .http_client(following)
            .build()
            .expect("a client");

        let source = guarded(
            client
                .content_import_sources()
                .get(ContentImportSourceId::new(1234)),
        )
        .await
        .expect("the redirect was followed");
        assert_eq!(source.id.get(), 1234);
        assert_eq!(without_token.calls_async().await, 1, "{status}");
        assert_eq!(
            with_token.calls_async().await,
            0,
            "{status}: the token went along"
        );
    }
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_refused_before_anything_is_sent() {
    let server = MockServer::start_async().await;
    let other = MockServer::start_async().await;
    let stray = other
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(r#"{"type":"list","data":[]}"#);
        })
        .await;
    let next = format!("{}/ai/external_pages?page=2", other.base_url());
    let first = server
        .mock_async(|when, then| {
            when.method(Method::GET).path("/ai/external_pages");
            then.status(200).body(
                json!({
                    "type": "list",
                    "data": [{
                        "type": "external_page", "id": "21", "title": "Test",
                        "html": "<p>Test</p>", "ai_agent_availability": true,
                        "ai_copilot_availability": true, "locale": "en", "source_id": 44,
                        "external_id": "abc1234", "created_at": 1672928359,
                        "updated_at": 1672928610, "last_ingested_at": 1672928610
                    }],
                    "pages": {"type": "pages", "page": 1, "total_pages": 2, "next": next}
                })
                .to_string(),
            );
        })
        .await;
    let client = client_for(&server.base_url());

    let mut items = client.external_pages().list().items();
    let page = guarded(items.try_next())
        .await
        .expect("the first page")
        .expect("an item");
    assert_eq!(page.id.as_str(), "21");
    let error = guarded(items.try_next()).await.expect_err("the next page");
    let Error::ForeignNextPage { origin } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(origin, &other.base_url());
    assert_eq!(first.calls_async().await, 1);
    assert_eq!(
        stray.calls_async().await,
        0,
        "a request went to the other origin"
    );

    // `page_after` refuses it the same way.
    let list = client.external_pages().list();
    let page = guarded(list.first_page()).await.expect("the first page");
    let error = guarded(list.page_after(&page))
        .await
        .expect_err("the next page");
    assert!(matches!(error, Error::ForeignNextPage { .. }), "{error:?}");
    assert_eq!(
        stray.calls_async().await,
        0,
        "a request went to the other origin"
    );
}

// ---------------------------------------------------------------------------------------------
// Servers that echo the token back: the client redacts every echo, wherever it lands.

/// A server that echoes the token as its `x-request-id`: the error's request id, its `Display`
/// and the request span get it redacted.
#[tokio::test]
async fn a_request_id_header_echoing_the_token_is_redacted() {
    let mut watch = Watch::start();
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(404)
                .header("x-request-id", TOKEN)
                .body(r#"{"type":"error.list","errors":[{"code":"not_found"}]}"#);
        })
        .await;
    let client = client_for(&server.base_url());
    let error = guarded(
        client
            .content_import_sources()
            .get(ContentImportSourceId::new(1)),
    )
    .await
    .expect_err("404");
    watch.error("Api with an echoing x-request-id", &error);
    watch.assert_clean(&["intercom.request", "status=404"]);
}

/// The same through an `error.list`'s `request_id`.
#[tokio::test]
async fn an_error_body_request_id_echoing_the_token_is_redacted() {
    let mut watch = Watch::start();
    let server = MockServer::start_async().await;
    let body =
        json!({"type": "error.list", "request_id": TOKEN, "errors": [{"code": "not_found"}]});
    server
        .mock_async(|when, then| {
            when.path("/ai/content_import_sources/1");
            then.status(404).body(body.to_string());
        })
        .await;
    server
        .mock_async(|when, then| {
            when.path("/ai/content_import_sources/2");
            then.status(429)
                .header("retry-after", "86400")
                .body(body.to_string());
        })
        .await;
    let client = client_for(&server.base_url());
    for id in [1, 2] {
        let error = guarded(
            client
                .content_import_sources()
                .get(ContentImportSourceId::new(id)),
        )
        .await
        .expect_err("an error");
        watch.error("error with an echoing request_id", &error);
    }
    watch.assert_clean(&["intercom.request", "status=404", "status=429"]);
}

/// A success body with the token in a field of the wrong type: serde's message quotes the
/// value; `Error::Decode`'s `reason` is redacted, as its `body_start` is.
#[tokio::test]
async fn a_decode_reason_quoting_the_token_is_redacted() {
    let mut watch = Watch::start();
    let server = MockServer::start_async().await;
    let mut body = source_json();
    body["created_at"] = json!(format!("Bearer {TOKEN}"));
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(body.to_string());
        })
        .await;
    let client = client_for(&server.base_url());
    let error = guarded(
        client
            .content_import_sources()
            .get(ContentImportSourceId::new(1)),
    )
    .await
    .expect_err("a string timestamp");
    assert!(matches!(&error, Error::Decode { .. }), "{error:?}");
    watch.error("Decode quoting the token", &error);
    watch.assert_clean(&["intercom.request"]);
}

/// A `pages.next` whose host name is the token: refused, and the refusal names the origin
/// redacted.
#[tokio::test]
async fn a_foreign_next_origin_holding_the_token_is_redacted() {
    let mut watch = Watch::start();
    let server = MockServer::start_async().await;
    let list = json!({
        "type": "list", "data": [source_json()],
        "pages": {"next": format!("http://{TOKEN}.example.com/ai/content_import_sources?page=2")}
    });
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(list.to_string());
        })
        .await;
    let client = client_for(&server.base_url());
    let error = guarded(
        client
            .content_import_sources()
            .list()
            .items()
            .try_collect::<Vec<_>>(),
    )
    .await
    .expect_err("a foreign next");
    assert!(matches!(&error, Error::ForeignNextPage { .. }), "{error:?}");
    watch.error("ForeignNextPage to the token's host", &error);
    watch.assert_clean(&["intercom.request"]);
}
