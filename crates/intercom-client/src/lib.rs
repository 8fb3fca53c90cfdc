//! An async client for Intercom's AI Content (content import sources, external pages) and
//! Notes APIs, on top of the generated `intercom-openapi` crate.
//!
//! - **Pinned version**: every request sends `Intercom-Version` ([`DEFAULT_API_VERSION`]
//!   unless the client or one call asks for another), so the wire format does not change
//!   when someone edits the app's settings.
//! - **Regions**: US (default), EU, AU, or an explicit https base URL. The token goes to that
//!   host only: never in a URL, never to a `pages.next` on another host, never in `Debug`,
//!   `Display`, errors or logs.
//! - **Typed errors**: one [`Error`] with the status, Intercom's request id and each error's
//!   code, message and field.
//! - **Retries**: idempotent calls are retried on 408, 429, 5xx and connection failures,
//!   honouring `Retry-After` and `X-RateLimit-Reset` ([`retry`]); creates are never retried
//!   blindly.
//! - **Pagination**: every list as a stream of items or pages ([`List`]), paced to stay under
//!   the rate limit.
//! - **Upserts**: [`ExternalPages::upsert`], [`ExternalPages::upsert_all`] (bulk, with a
//!   report) and [`ContentImportSources::ensure`] (find-or-create without duplicates).
//!
//! Every model is the generated type of the spec (`openapi/intercom.yaml`), re-exported here
//! ([`ExternalPage`], [`types`]); every call is an operation of the spec ([`operations`]),
//! which [`Client::execute`] sends when no handle wraps it.
//!
//! ```no_run
//! use intercom_client::prelude::*;
//!
//! # async fn run() -> intercom_client::Result<()> {
//! // The token comes from INTERCOM_TOKEN.
//! let client = Client::builder().token_from_env()?.region(Region::Us).build()?;
//!
//! // Find or create the source, then upsert a page into it.
//! let source = client.content_import_sources().ensure("https://help.example.com").await?;
//! let page = client
//!     .external_pages()
//!     .upsert(
//!         NewExternalPage::new(source.id, "getting-started")
//!             .title("Getting started")
//!             .html("<p>Hello</p>")
//!             .url("https://help.example.com/getting-started"),
//!     )
//!     .await?;
//! println!("upserted page {}", page.id);
//!
//! // Every page, streamed page by page.
//! let mut pages = client.external_pages().list().per_page(150).items();
//! while let Some(page) = pages.try_next().await? {
//!     println!("{} {}", page.id, page.title);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Errors
//!
//! Every call returns [`Result`]: one [`Error`] (non-exhaustive) whose `Display` is one line
//! with the status, each error's code and message, and the request id. For code that decides
//! what to do, the accessors say it without matching on variants: [`Error::status_code`],
//! [`Error::code`], [`Error::message`], [`Error::request_id`], [`Error::is_retryable`]
//! (transient: the client has already retried idempotent calls as its policy allows).
//!
//! ```
//! use intercom_client::Error;
//!
//! /// What a service does with a failed call.
//! fn action(error: &Error) -> &'static str {
//!     if error.is_retryable() {
//!         return "try again later";
//!     }
//!     match (error, error.status_code()) {
//!         (Error::InvalidInput { .. }, _) => "fix the input: nothing was sent",
//!         (_, Some(401 | 403)) => "fix the token or the app's setup",
//!         (_, Some(404)) => "not there",
//!         _ => "fix the request",
//!     }
//! }
//! ```
//!
//! `cargo run -p intercom-client --example errors` runs this against the fake, with the
//! code, message and request id of each failure.
//!
//! A success has its metadata too: [`Call::with_meta`] gives the value with its
//! [`ResponseMeta`] (status, request id, rate limit), and every list [`Page`] has its own.
//!
//! # Configuration
//!
//! [`ClientBuilder`] checks everything at [`build`](ClientBuilder::build) and names the setting
//! at fault: [`token`](ClientBuilder::token) or [`token_from_env`](ClientBuilder::token_from_env)
//! (`INTERCOM_TOKEN`); [`region`](ClientBuilder::region) or [`base_url`](ClientBuilder::base_url);
//! [`api_version`](ClientBuilder::api_version) (also per handle and per call);
//! [`connect_timeout`](ClientBuilder::connect_timeout) and
//! [`request_timeout`](ClientBuilder::request_timeout);
//! [`retry_policy`](ClientBuilder::retry_policy) (attempts, backoff, a total deadline);
//! [`rate_limit_window`](ClientBuilder::rate_limit_window) and
//! [`on_rate_limit_wait`](ClientBuilder::on_rate_limit_wait) for pacing under the rate limit;
//! and
//! [`http_client`](ClientBuilder::http_client) for a `reqwest::Client` of your own (a proxy,
//! TLS roots), built with the re-exported [`reqwest`].
//!
//! ```no_run
//! use std::time::Duration;
//! use intercom_client::{ApiVersion, Client, Region, RetryPolicy, reqwest};
//!
//! # fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let http = reqwest::Client::builder()
//!     .proxy(reqwest::Proxy::https("http://proxy.internal:3128")?)
//!     .build()?;
//! let client = Client::builder()
//!     .token_from_env()?
//!     .region(Region::Eu)
//!     .api_version(ApiVersion::V2_14)
//!     .request_timeout(Duration::from_secs(20))
//!     .retry_policy(RetryPolicy::default().with_max_attempts(6))
//!     .http_client(http)
//!     .build()?;
//! # let _ = client;
//! # Ok(())
//! # }
//! ```
//!
//! # Features
//!
//! TLS, for https (every Intercom region): `rustls` (the default: rustls with aws-lc-rs and
//! the platform's certificate verifier), `rustls-no-provider` (rustls with the crypto provider
//! your application installs, e.g. ring), or `native-tls` (the platform's: OpenSSL on Linux).
//! With `default-features = false` and none of them, only http base URLs work (the fake), and
//! [`ClientBuilder::build`] says so for an https one.
//!
//! # Tracing
//!
//! The client logs through [`tracing`](https://docs.rs/tracing). Every attempt of a request
//! is a span `intercom.request` with the fields `method`, `path` (never the query or the
//! token), `attempt` (from 1), `status` and `request_id` (recorded when the answer arrives).
//! Inside it: a `DEBUG` event `response` (`elapsed_ms`, `bytes`), a `WARN` event `retrying`
//! (`delay_ms`, `error`) before another attempt, a `DEBUG` event `giving up`; with
//! [`log_bodies`](ClientBuilder::log_bodies) a `TRACE` event with the body's start (token
//! redacted). A wait for the rate limit longer than a second is an `INFO` event. `ensure`
//! logs what it found or created at `DEBUG`/`INFO`.
//!
//! # Testing
//!
//! Against the stateful fake (`intercom-fake`, a real HTTP server in your test's process,
//! with the API's behaviour, rate limits and faults), point the client at it:
//!
//! ```
//! use intercom_client::Client;
//! use intercom_fake::FakeIntercom;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeIntercom::builder().token("test-token").start().await?;
//! let client = Client::builder().token("test-token").base_url(fake.base_url()).build()?;
//!
//! let source = client.content_import_sources().ensure("https://help.example.com").await?;
//! let again = client.content_import_sources().ensure("https://help.example.com").await?;
//! assert_eq!(source.id, again.id, "found, not created twice");
//! fake.shutdown().await?;
//! # Ok(())
//! # }
//! ```
//!
//! For exact answers (a 500, a shape the fake never sends), `intercom-openapi-httpmock` has a
//! mock for every operation of the spec on httpmock's `MockServer` (it re-exports
//! `httpmock`). `cargo run -p intercom-client --example quickstart` runs the whole flow
//! against the fake.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
mod call;
mod client;
mod ensure;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod pacer;
mod pagination;
mod rate_limit;
mod reachability;
mod region;
mod request;
mod resources;
mod response;
pub mod retry;
mod time;
mod token;
mod transport;
mod upsert;
mod validate;
mod version;

pub use body::DEFAULT_MAX_RESPONSE_BYTES;
pub use call::Call;
pub use client::{
    Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, TOKEN_ENV_VAR,
};
pub use ensure::Ensured;
pub use error::{ApiErrorDetail, Error, Result};
/// Typed ids (the spec's id schemas, mapped onto hand-written types by the generator).
pub use intercom_openapi::ids::{
    AdminId, CompanyId, ContactId, ContentImportSourceId, ExternalPageId, NoteId,
};
/// What an operation is to the runtime: see [`Client::execute`].
pub use intercom_openapi::operation::{Operation, OperationInfo};
/// Every operation of the spec, each a value [`Client::execute`] sends.
pub use intercom_openapi::operations;
/// A time Intercom sends as Unix seconds, as a chrono `DateTime<Utc>`.
pub use intercom_openapi::time::Timestamp;
/// Every type of the spec (models, request bodies, list envelopes), as generated.
pub use intercom_openapi::types;
/// What the API returns: the generated models of the spec, with typed ids and [`Timestamp`]s.
pub use intercom_openapi::types::{
    ContentImportSource, ExternalPage, Note, NoteAuthor, NoteCompany, NoteContact,
    TeamPriorityLevel,
};
pub use pacer::{ANNOUNCED_WAIT, DEFAULT_WINDOW, RateLimitWait};
pub use pagination::{DEFAULT_MAX_PAGES, ItemStream, List, ListItem, NextPage, Page, PageStream};
pub use rate_limit::RateLimit;
pub use reachability::{DEFAULT_UNREACHABLE_AFTER, UNREACHABLE_PROBE_INTERVAL};
pub use region::Region;
pub use request::*;
pub use resources::{ContentImportSources, ExternalPages, Notes};
pub use response::{Response, ResponseMeta};
pub use retry::RetryPolicy;
pub use token::Token;
pub use transport::USER_AGENT;
pub use upsert::{UpsertOutcome, UpsertReport, UpsertResult};
pub use validate::MAX_PER_PAGE;
pub use version::{ApiVersion, DEFAULT_API_VERSION};

/// The spec's open enums used in this crate's types: a value Intercom adds later is kept in
/// `Unknown` instead of failing a response.
pub use intercom_openapi::open_enums::{
    AdminType, ContentImportSourceStatus, ContentImportSourceType, ExternalPageType, Locale,
    NoteType, SyncBehavior,
};

/// The generated low-level crate, for anything this one does not wrap.
pub use intercom_openapi as openapi;

/// The reqwest this crate sends with: for [`ClientBuilder::http_client`] (a proxy, TLS
/// roots, pool settings) without a `reqwest` dependency of your own at a matching version.
pub use reqwest;

/// The futures this crate's streams implement, for their extension traits.
pub use futures;

/// What most code that uses this crate needs: `use intercom_client::prelude::*;`.
///
/// The client and its builder, the error and result types, the request values, the typed
/// ids, and the stream traits (`StreamExt`, `TryStreamExt`) that the list streams need.
pub mod prelude {
    pub use crate::{
        ApiVersion, Client, ClientBuilder, CompanyId, ContactId, ContentImportSourceId,
        ContentImportSourceUpdate, Error, ExternalPageId, ExternalPageUpdate, NewCompanyNote,
        NewContentImportSource, NewExternalPage, NewNote, NoteId, Region, Result, RetryPolicy,
    };
    pub use futures::{StreamExt as _, TryStreamExt as _};
}
