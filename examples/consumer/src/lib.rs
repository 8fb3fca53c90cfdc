//! A service's own code on top of `intercom-client` and `intercom-sync`, as a team would
//! write it in its workspace: each module is one job, and `tests/` tests them against the
//! fake and against httpmock.
//!
//! - [`cms`]: push the records of a CMS into a content import source, pruning what the CMS
//!   no longer has.
//! - [`errors`]: decide what a failed call means for the service.
//! - [`config`]: the client as the service configures it (region, timeouts, retries, proxy,
//!   version, logging).
//! - [`notes`]: read and write notes on a contact or a company.
//! - [`push`]: the same push with the client alone, with progress, and deletes by slug.
//! - [`webhook`]: the CMS's webhook (axum), each change sent in a task of its own.

pub mod cms;
pub mod config;
pub mod errors;
pub mod notes;
pub mod push;
pub mod webhook;
