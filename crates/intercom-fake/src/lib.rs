//! A stateful fake of Intercom's AI Content and Notes API.
//!
//! [`FakeIntercom`] is a real HTTP server (axum on tokio) that implements the 13 operations of
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
#![deny(missing_docs)]

mod auth;
mod builder;
mod clock;
mod content_type;
mod errors;
mod fake_error;
pub mod faults;
mod handle;
mod lock;
mod log;
mod model;
mod pagination;
mod persist;
mod pipeline;
mod rate_limit;
mod request_id;
mod rng;
mod routes;
mod saver;
mod server;
mod shared;
mod spec;
mod state;

pub use builder::{DEFAULT_TOKEN, FakeIntercomBuilder};
pub use fake_error::FakeError;
pub use faults::{FaultConfig, FaultKind, FaultRule};
pub use handle::FakeIntercom;
pub use intercom_openapi::types::{ContentImportSource, ExternalPage, Note};
pub use log::RequestRecord;
pub use model::StateSnapshot;
pub use rate_limit::RateLimit;
