//! Support for the workspace tests: reads the documented examples out of
//! `openapi/intercom.yaml` at test time, so that adding an example to the spec adds a test
//! case with no code change.

pub mod examples;
pub mod json;
pub mod replay;

/// The workspace README's Rust snippets, compiled (and run where they do not need a network)
/// by `cargo test --doc -p intercom-tests`.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct WorkspaceReadme;
