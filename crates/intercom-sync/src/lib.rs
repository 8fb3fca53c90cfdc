//! Reconciles a set of desired pages into one Intercom content import source: the job of
//! pushing content Intercom cannot crawl into Fin, done so that a second run over the same
//! input sends no write at all.
//!
//! The input is a source URL and a stream of [`DesiredPage`]s, for instance a folder of HTML
//! and Markdown files read by [`folder::read_folder`]. [`sync`] ensures the source, reads the
//! pages it already holds, and plans each page: create, update (title, HTML, URL or
//! availability differ), unchanged (no request), or, with [`SyncOptions::prune`], delete (in
//! the source but not in the input). It carries the plan out with bounded concurrency, paced
//! under the rate limit and retried by the client, and returns a [`SyncReport`] with the
//! outcome of every page. A dry run reports the plan and sends no write.
//!
//! ```no_run
//! use futures::stream;
//! use intercom_sync::{SyncOptions, folder};
//!
//! # async fn run(client: intercom_client::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let pages = folder::read_folder("docs", folder::FolderOptions::default())?;
//! let options = SyncOptions::default().prune(true).concurrency(8)?;
//! let report = intercom_sync::sync(&client, "https://docs.example.com", stream::iter(pages), options).await?;
//! println!("{report}");
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

mod desired;
mod engine;
pub mod folder;
#[doc(hidden)]
pub mod fuzzing;
mod input;
pub mod plan;
mod report;
mod title;

pub use desired::DesiredPage;
pub use engine::{
    DEFAULT_CONCURRENCY, DEFAULT_MAX_PRUNE_SHARE, ProgressFn, SyncError, SyncOptions, sync,
};
pub use input::{Covers, FileError};
pub use report::{Counts, Outcome, PageReport, PlannedAction, PruneRefused, SyncReport};
