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
//! ```no_run
//! use futures::TryStreamExt;
//! use intercom_client::{Client, NewExternalPage, Region};
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
//!         NewExternalPage::new(source.id, "getting-started").title("Getting started").html("<p>Hello</p>")
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
#![deny(missing_docs)]

mod client;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod pacer;
mod pagination;
mod rate_limit;
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

pub use client::{
    Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, TOKEN_ENV_VAR,
    USER_AGENT,
};
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
pub use pacer::{ANNOUNCED_WAIT, DEFAULT_WINDOW, Pacing, RateLimitWait};
pub use pagination::{DEFAULT_MAX_PAGES, ItemStream, List, ListItem, NextPage, Page, PageStream};
pub use rate_limit::RateLimit;
pub use region::Region;
pub use request::*;
pub use resources::{ContentImportSources, ExternalPages, Notes};
pub use response::{Call, Response, ResponseMeta};
pub use retry::RetryPolicy;
pub use token::Token;
pub use upsert::{Ensured, UpsertOutcome, UpsertReport, UpsertResult};
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
