#![doc = include_str!("../README.md")]
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
