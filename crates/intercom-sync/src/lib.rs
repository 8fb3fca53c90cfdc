//! Reconciles a set of desired pages into one Intercom content import source.
//!
//! The input is a source URL and a stream of [`DesiredPage`]s, for instance a folder of
//! HTML and Markdown files read by [`folder::read_folder`].

#![deny(missing_docs)]

mod desired;
pub mod folder;
pub mod plan;
mod title;

pub use desired::DesiredPage;
