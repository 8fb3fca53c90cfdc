//! The one error type of the crate's public API: why a fake could not start or stop cleanly.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::faults::FaultParseError;

/// Why starting, configuring or shutting down a fake failed. Every message is one line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FakeError {
    /// The listening socket could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address that was asked for.
        addr: SocketAddr,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The state file (or its lock file) could not be read, parsed or locked at start:
    /// nothing was served.
    #[error("state file {}: {message}", path.display())]
    StateFile {
        /// The state file.
        path: PathBuf,
        /// What went wrong, in one line.
        message: String,
    },
    /// The state file could not be saved at shutdown: the changes since the last successful
    /// save are lost. (A variant of its own: this happens after the work was done.)
    #[error("state file {}: {message}", path.display())]
    Save {
        /// The state file.
        path: PathBuf,
        /// What went wrong, in one line.
        message: String,
    },
    /// The initial state (given to the builder, or read from an initial-state file) cannot
    /// be read, or is not a state the fake can hold (an id given twice, a page of a source
    /// that is not there, …): nothing was served.
    #[error("initial state{}: {message}", path.as_ref().map(|p| format!(" {}", p.display())).unwrap_or_default())]
    InitialState {
        /// The initial-state file, if the state came from one.
        path: Option<PathBuf>,
        /// What is wrong, in one line.
        message: String,
    },
    /// A fault rule could not be parsed.
    #[error("{0}")]
    Fault(#[from] FaultParseError),
    /// The server task ended abnormally.
    #[error("server task failed: {0}")]
    Server(String),
}
