//! Reconciles a set of desired pages into one Intercom content import source: the job of
//! pushing content Intercom cannot crawl into Fin, done so that a second run over the same
//! input sends no write at all.
//!
//! [`sync`] takes a source URL and a stream of [`DesiredPage`]s (from a folder, a CMS, a
//! database: anything), ensures the source, reads the pages it already holds, and plans each
//! page: create, update (title, HTML, URL or availability differ), unchanged (no request),
//! or, with [`SyncOptions::prune`], delete (in the source but not in the input). It carries
//! the plan out with bounded concurrency, paced under the rate limit and retried by the
//! client, and returns a [`SyncReport`] with the outcome of every page. A dry run reports the
//! plan and sends no write.
//!
//! Records from a CMS, whose client fails with its own error type:
//!
//! ```no_run
//! use futures::{TryStreamExt, stream};
//! use intercom_sync::{DesiredPage, SyncOptions};
//!
//! /// A record as the CMS hands it out.
//! struct Article {
//!     slug: String,
//!     title: String,
//!     body_html: String,
//! }
//!
//! /// What the CMS client fails with: any type that implements `Display` will do.
//! #[derive(Debug)]
//! struct CmsError(String);
//!
//! impl std::fmt::Display for CmsError {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         write!(f, "CMS: {}", self.0)
//!     }
//! }
//!
//! # async fn run(client: intercom_client::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let records: Vec<Result<Article, CmsError>> = vec![
//!     Ok(Article { slug: "returns".into(), title: "Returns".into(), body_html: "<p>30 days.</p>".into() }),
//!     Ok(Article { slug: "shipping".into(), title: "Shipping".into(), body_html: "<p>2 days.</p>".into() }),
//! ];
//! let pages = stream::iter(records).map_ok(|article| {
//!     DesiredPage::new(article.slug.clone())
//!         .title(article.title)
//!         .html(article.body_html)
//!         .url(format!("https://help.example.com/{}", article.slug))
//! });
//! let options = SyncOptions::default().prune(true);
//! let report = intercom_sync::sync(&client, "https://help.example.com", pages, options).await?;
//! println!("{report}"); // 2 pages: 0 created, 0 updated, 2 unchanged, 0 deleted, 0 failed
//! for line in report.failures() {
//!     if let Some(failure) = line.failure() {
//!         eprintln!("{}: HTTP {:?}, request id {:?}", line.external_id, failure.status(), failure.request_id());
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! `examples/cms.rs` does the same against the in-process fake, with a prune, a failure and a
//! second run that sends nothing: `cargo run -p intercom-sync --example cms`.
//!
//! # Input
//!
//! Any [`Stream`](futures::Stream) whose items are [`DesiredPage`]s, or
//! `Result<DesiredPage, E>` for any error type `E: Display` ([`InputItem`]). A page is built
//! by name (`DesiredPage::new(external_id).title(…).html(…)`), and `external_id` is what
//! the source knows it by: keep it stable across runs (a path, a slug, a record id).
//!
//! - **A folder**: [`folder::read_folder`] reads `.html`/`.htm` files and converts `.md` and
//!   `.mdx`, one file at a time, with each page's URL and links as its site generator
//!   publishes them ([`folder::Layout`]); its items are `Result<DesiredPage, ItemError>`, so
//!   pass it as `futures::stream::iter(pages)`.
//! - **JSON Lines**, one page per line (`external_id`, `title`, `html` or `markdown`,
//!   optional `url` and availability): [`jsonl::stream_jsonl`] over tokio's `AsyncBufRead`
//!   (a file, stdin) is a stream as it is; [`jsonl::read_jsonl`] over a `BufRead` an iterator.
//!   A bad line is an [`ItemError`] named `line N`, covering its page when its `external_id`
//!   can be read and every page otherwise.
//! - **Anything else**: a `Vec` (`stream::iter(pages)`), a paginated CMS API
//!   (`try_unfold`, `map_ok`), a database cursor. The stream is read once, as the writes go
//!   out, so it can be larger than memory.
//!
//! An error item is a line of the report (failed, or skipped with [`ItemError::skipped`]),
//! never a request, and it keeps the pages it stands for (next section).
//!
//! # Safety: what is never deleted
//!
//! Deleting is the only thing a sync does that a rerun cannot undo, so:
//!
//! - Without [`SyncOptions::prune`], nothing is deleted.
//! - A page is deleted only when the source's listing was read to its end (a listing that
//!   ends early, loops or goes past its page count is a [`SyncError::ListPages`], before any
//!   write) and the input says the page is gone: it had no item with that external id and no
//!   error item that [`Covers`] it. An [`ItemError`] covers what it says: one page
//!   ([`Covers::Page`], an unreadable file), a folder ([`Covers::Folder`]) or everything
//!   ([`Covers::All`]). **Any other error type covers every page**: the sync cannot tell which
//!   page it stands for, so a run that meets one deletes nothing. Map it to
//!   `ItemError::failed(reason).page(external_id)` to keep just that page.
//! - A prune that would delete every page of the source, or more than
//!   [`SyncOptions::max_prune_share`] of them (default half), is refused: nothing is
//!   deleted, and [`SyncReport::prune_refused`] says why. (An empty or wrong input is the usual
//!   cause.) [`SyncOptions::force_prune`] lifts that limit, not the others.
//! - Only a source synced through the API (`sync_behavior: api`) is used; a crawled source at
//!   the URL is an error, and nothing is written into it.
//! - A page listed twice is one page; a repeated external id in the input is sent once.
//! - A dry run ([`SyncOptions::dry_run`]) sends no write, and does not create the source.
//!
//! Every write is an upsert by (source, external id), so an interrupted run (a killed process,
//! the network down) is finished by running it again: nothing is duplicated.
//!
//! # Errors
//!
//! Two levels, as in the report a user reads:
//!
//! - **[`SyncError`]**: the run could not start (an invalid option, a source that could not
//!   be found, created or listed). Nothing was written. [`SyncError::client_error`] gives the
//!   client's error behind it (status, code, request id, retryable).
//! - **[`PageFailure`]**: one page failed, the others went on. [`SyncReport::failures`]
//!   lists them; each has [`status`](PageFailure::status) (a `u16`),
//!   [`code`](PageFailure::code) (Intercom's `parameter_invalid`, `server_error`, …),
//!   [`message`](PageFailure::message), [`request_id`](PageFailure::request_id),
//!   [`is_retryable`](PageFailure::is_retryable) (a rerun may fix it: 429, 5xx, timeouts,
//!   transport) and the client's [`error`](PageFailure::error) itself. Input that could not
//!   become a page fails without a status.
//!
//! ```no_run
//! # async fn run(client: intercom_client::Client, pages: Vec<intercom_sync::DesiredPage>) {
//! use intercom_sync::{SyncError, SyncOptions};
//!
//! let input = futures::stream::iter(pages);
//! match intercom_sync::sync(&client, "https://help.example.com", input, SyncOptions::default()).await {
//!     Ok(report) if report.has_failures() => {
//!         for line in report.failures() {
//!             let Some(failure) = line.failure() else { continue };
//!             let again = if failure.is_retryable() { "retry later" } else { "fix the input" };
//!             eprintln!(
//!                 "{}: {again}: HTTP {:?} {:?} (request id {:?})",
//!                 line.external_id, failure.status(), failure.code(), failure.request_id()
//!             );
//!         }
//!     }
//!     Ok(report) => println!("{report}"),
//!     Err(e) if e.client_error().is_some_and(|e| e.is_retryable()) => eprintln!("try again: {e}"),
//!     Err(e) => eprintln!("cannot sync: {e}"),
//! }
//! # }
//! ```
//!
//! With `serde`, the report serializes whole (the CLI's `intercom sync --json`): a failed
//! line carries `status: "failed"`, `reason`, `retryable`, and when known `http_status`,
//! `code`, `message`, `request_id`.
//!
//! # Configuration
//!
//! [`SyncOptions`] (all optional): [`prune`](SyncOptions::prune),
//! [`dry_run`](SyncOptions::dry_run), [`concurrency`](SyncOptions::concurrency) (writes in
//! flight, default [`DEFAULT_CONCURRENCY`]), [`max_prune_share`](SyncOptions::max_prune_share)
//! (default [`DEFAULT_MAX_PRUNE_SHARE`]), [`force_prune`](SyncOptions::force_prune), and
//! [`on_page`](SyncOptions::on_page) (a callback per finished line, for progress). Region,
//! token, timeouts, retries, pacing and the API version are the client's
//! (`intercom_client::ClientBuilder`): the sync uses the client it is given.
//!
//! # Features
//!
//! TLS for the client it builds on, forwarded to `intercom-client`: `rustls` (default),
//! `rustls-no-provider`, `native-tls`. With `default-features = false` and none, only an http
//! base URL works (the fake).
//!
//! # Tracing
//!
//! With a `tracing` subscriber installed, a run is one `intercom.sync` span (fields
//! `source_url`, `dry_run`, `prune`) holding:
//!
//! - `info` `planning sync` (`source_id`, `existing`: the pages the source holds) and
//!   `sync finished` (`created`, `updated`, `unchanged`, `deleted`, `failed`, `skipped`);
//! - `warn` `page failed` per failed write (`external_id`, `action`, `status`, `code`,
//!   `request_id`, `retryable`), `input item failed` per error item (`item`, `reason`), and
//!   `prune refused` (`would_delete`, `existing`);
//! - the client's own: an `intercom.request` span per attempt (`method`, `path`, `attempt`,
//!   `status`, `request_id`), its retry warnings and the source's `ensure` events.
//!
//! The token appears in none of them.
//!
//! # Testing with the fake
//!
//! `intercom-fake` is a stateful Intercom in the test's own process: sync into it, then
//! assert on what it holds (`FakeIntercom::state`) and what it was sent
//! (`FakeIntercom::requests`). Its faults
//! (`FakeIntercom::builder().fault("POST /ai/external_pages=500,500".parse()?)`) make pages
//! fail with a status, a code and a request id; for answers it never gives, script a server
//! with `httpmock`.
//!
//! ```
//! use futures::stream;
//! use intercom_client::Client;
//! use intercom_fake::FakeIntercom;
//! use intercom_sync::{DesiredPage, SyncOptions};
//!
//! # #[tokio::main]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeIntercom::builder().token("test-token").start().await?;
//! let client = Client::builder().token("test-token").base_url(fake.base_url()).build()?;
//! let input = || stream::iter(vec![DesiredPage::new("faq").title("FAQ").html("<p>Ask us.</p>")]);
//!
//! let first = intercom_sync::sync(&client, "https://help.example.com", input(), SyncOptions::default()).await?;
//! assert_eq!(first.counts.created, 1);
//! assert_eq!(fake.state().pages.len(), 1);
//!
//! fake.clear_requests();
//! let second = intercom_sync::sync(&client, "https://help.example.com", input(), SyncOptions::default()).await?;
//! assert_eq!(second.counts.unchanged, 1);
//! assert!(fake.requests().iter().all(|r| r.method == "GET"), "no write the second time");
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "folder")]
#[cfg_attr(docsrs, doc(cfg(feature = "folder")))]
pub mod built;
mod desired;
mod engine;
#[cfg(feature = "folder")]
mod file;
#[cfg(feature = "folder")]
#[cfg_attr(docsrs, doc(cfg(feature = "folder")))]
pub mod folder;
#[cfg(feature = "folder")]
#[doc(hidden)]
pub mod fuzzing;
mod input;
#[cfg(feature = "folder")]
#[cfg_attr(docsrs, doc(cfg(feature = "folder")))]
pub mod jsonl;
mod plan;
mod report;
#[cfg(feature = "folder")]
mod title;

pub use desired::DesiredPage;
pub use engine::{
    DEFAULT_CONCURRENCY, DEFAULT_MAX_PRUNE_SHARE, ProgressFn, STOP_GRACE, SyncError, SyncOptions,
    sync,
};
pub use input::{Covers, InputItem, ItemError};
pub use report::{
    Counts, CreatesRefused, Outcome, PageFailure, PageReport, PlannedAction, PruneRefused,
    SyncReport, escape_controls,
};

/// The README's snippets, compiled (and run where they need no network) by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
