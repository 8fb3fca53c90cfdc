//! A stateful fake of Intercom's AI Content and Notes API.
//!
//! [`FakeIntercom`] is a real HTTP server (axum on tokio) that implements the 15 operations of
//! `openapi/intercom.yaml` with the semantics the reference describes: a bearer-token check,
//! content import sources, external pages upserted by `(source_id, external_id)`, notes of a
//! contact, paginated lists, Intercom-shaped `error.list` bodies, rate limits with
//! `X-RateLimit-*` headers, and faults (5xx, 429, dropped connections, slow answers) that are
//! deterministic under a seed. Its wire format is the spec's: every request body is validated
//! against its operation's request schema, and every record is the spec's generated type
//! (`intercom_openapi::types`), stored and served with every property it was sent. It depends
//! on no client crate, so it can test any client in any language; the `intercom-fake` binary
//! serves the same thing from the command line.
//!
//! ```no_run
//! # async fn demo() -> Result<(), intercom_fake::FakeError> {
//! use intercom_fake::{FakeIntercom, RateLimit};
//! use std::time::Duration;
//!
//! let fake = FakeIntercom::builder()
//!     .token("test-token")
//!     .seed(7)
//!     .rate_limit(RateLimit::new(100, Duration::from_secs(1)))
//!     .fault("POST /ai/external_pages=500,ok".parse()?)
//!     .start()
//!     .await?;
//! println!("serving on {}", fake.base_url());
//! // ... point a client at fake.base_url() with `Authorization: Bearer test-token` ...
//! assert!(fake.state().sources.is_empty());
//! fake.shutdown().await?;
//! # Ok(())
//! # }
//! ```
//!
//! # Errors
//!
//! [`FakeIntercomBuilder::start`] and [`FakeIntercom::shutdown`] return [`FakeError`]: the
//! address cannot be bound (`Bind`), the state file cannot be read or locked (`StateFile`) or
//! saved (`Save`), an initial state the fake cannot hold (`InitialState`: an id twice, a page
//! of a missing source), a fault rule that does not parse (`Fault`), or the server failing
//! (`Server`). What the fake answers a client is the API's own: `error.list` bodies with the
//! status the spec documents (400 for a body that breaks its schema, naming every field; 401,
//! 404, 429 with `X-RateLimit-*`, and the 5xx a fault rule asks for).
//!
//! # Configuration
//!
//! [`FakeIntercomBuilder`]: [`token`](FakeIntercomBuilder::token) (the one bearer token it
//! accepts), [`addr`](FakeIntercomBuilder::addr) (default an ephemeral port on 127.0.0.1),
//! [`rate_limit`](FakeIntercomBuilder::rate_limit) (default Intercom's: 1,666 calls per 10 s
//! window), [`fault`](FakeIntercomBuilder::fault)/[`faults`](FakeIntercomBuilder::faults)
//! (scripted 5xx, 429, dropped connections, slow answers), [`seed`](FakeIntercomBuilder::seed)
//! (the random seed of faults and request ids), [`state_file`](FakeIntercomBuilder::state_file)
//! (state kept across runs, locked against a second process), the records it starts with (below),
//! and the request log's limits ([`request_log_limit`](FakeIntercomBuilder::request_log_limit),
//! [`request_log_body_limit`](FakeIntercomBuilder::request_log_body_limit)). The
//! `intercom-fake` binary takes the same as flags (`intercom-fake --help`).
//!
//! # Features
//!
//! None: the fake serves plain http on a local port, so it needs no TLS, and it depends on no
//! client crate (any client, in any language, can be tested against it).
//!
//! # Tracing
//!
//! The fake logs through `tracing`: `info` when it listens and when it waits for a state file's
//! lock, `debug` per request (method, path, status, fault) and per ended connection, `warn`
//! when an accept or a periodic save fails. The binary prints them on stderr at
//! `--log-level` (default `warn`). Request bodies and the token are not logged.
//!
//! # Testing with the fake
//!
//! Start the fake with the records a test needs already in it, run the code under test
//! against [`FakeIntercom::base_url`], then assert on what the code did: the state
//! ([`FakeIntercom::state`]) and the requests it sent ([`FakeIntercom::requests`]), each
//! with its body.
//!
//! - **Seeding**: [`FakeIntercomBuilder::source`], [`page`](FakeIntercomBuilder::page) and
//!   [`note`](FakeIntercomBuilder::note) add one record each, the spec's generated types
//!   ([`ContentImportSource`], [`ExternalPage`], [`Note`]) as the API serves them;
//!   [`initial_state`](FakeIntercomBuilder::initial_state) takes a whole [`StateSnapshot`];
//!   [`initial_state_file`](FakeIntercomBuilder::initial_state_file) (the binary's
//!   `--initial-state FILE`) reads one from JSON (a state file's, or
//!   `GET /__fake/state`'s). Records are served exactly as given, and ids the fake gives
//!   afterwards come after the highest seeded one of their kind, so a create never collides
//!   with a seeded record. A seed the fake could not hold (an id twice, a page of a missing
//!   source, two pages with one `(source_id, external_id)`) is a [`FakeError::InitialState`].
//! - **The request log**: one [`RequestRecord`] per API request (`/__fake/*` excluded), with
//!   method, path, query, `Intercom-Version`, status, injected fault and the body as received
//!   ([`LoggedBody`]: JSON where it parses, text otherwise, truncated past
//!   [`request_log_body_limit`](FakeIntercomBuilder::request_log_body_limit), 64 KiB by
//!   default). No header is kept: the bearer token is reduced to
//!   [`authorized`](RequestRecord::authorized) and appears nowhere in the log, its `Debug` or
//!   its JSON.
//!
//! ```
//! use intercom_fake::{ContentImportSource, FakeIntercom};
//! use serde_json::json;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // A source as the API serves it (or build the struct field by field).
//! let source: ContentImportSource = serde_json::from_value(json!({
//!     "type": "content_import_source", "id": 41, "url": "https://help.example.com",
//!     "sync_behavior": "api", "status": "active",
//!     "created_at": 1700000000, "updated_at": 1700000000, "last_synced_at": 1700000000,
//! }))?;
//! let fake = FakeIntercom::builder()
//!     .token("test-token")
//!     .source(source.clone())
//!     .start()
//!     .await?;
//!
//! // The code under test (here plain reqwest) sees the seeded source…
//! let http = reqwest::Client::new();
//! let list: serde_json::Value = http
//!     .get(format!("{}/ai/content_import_sources", fake.base_url()))
//!     .bearer_auth("test-token")
//!     .send()
//!     .await?
//!     .json()
//!     .await?;
//! assert_eq!(list["data"][0], serde_json::to_value(&source)?);
//!
//! // …and writes a page into it.
//! let page = json!({
//!     "source_id": 41, "external_id": "intro", "title": "Intro",
//!     "html": "<p>Hello</p>", "locale": "en",
//! });
//! let created: serde_json::Value = http
//!     .post(format!("{}/ai/external_pages", fake.base_url()))
//!     .bearer_auth("test-token")
//!     .json(&page)
//!     .send()
//!     .await?
//!     .json()
//!     .await?;
//! assert_eq!(created["id"], "1");
//!
//! // Assert on what it sent: the body of the POST, as received.
//! let log = fake.requests();
//! let post = log.iter().find(|r| r.method == "POST").expect("a POST");
//! assert_eq!(post.path, "/ai/external_pages");
//! assert_eq!(post.json_body(), Some(&page));
//! assert!(post.authorized);
//! assert!(!format!("{log:?}").contains("test-token"));
//! assert_eq!(fake.state().pages.len(), 1);
//! fake.shutdown().await?;
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod api_error;
mod auth;
mod builder;
mod clock;
mod content_type;
mod fake_error;
pub mod faults;
pub mod fixtures;
mod handle;
mod log;
mod model;
mod pagination;
mod persist;
mod pipeline;
mod rate_limit;
mod request_id;
mod rng;
mod routes;
mod server;
mod shared;
mod spec;
mod state;

pub use builder::{
    DEFAULT_LOG_BODY_LIMIT, DEFAULT_REQUEST_BODY_LIMIT, DEFAULT_TOKEN, FakeIntercomBuilder,
};
pub use fake_error::FakeError;
pub use faults::{FaultConfig, FaultKind, FaultRule};
pub use handle::FakeIntercom;
pub use intercom_openapi::types::{ContentImportSource, ExternalPage, Note};
pub use log::{LoggedBody, RequestRecord};
pub use model::StateSnapshot;
pub use rate_limit::RateLimit;

/// The README's snippets, compiled (and run where they need no network) by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
