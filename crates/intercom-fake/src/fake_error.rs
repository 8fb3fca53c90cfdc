//! The one error type of the crate's public API: why a fake could not start or stop cleanly.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use crate::faults::FaultParseError;

/// Why starting, configuring or shutting down a fake failed. Every message is one line.
#[derive(Debug)]
#[non_exhaustive]
pub enum FakeError {
    /// The listening socket could not be bound.
    Bind {
        /// The address that was asked for.
        addr: SocketAddr,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The state file could not be read, parsed or written.
    StateFile {
        /// The state file.
        path: PathBuf,
        /// What went wrong, in one line.
        message: String,
    },
    /// A fault rule could not be parsed.
    Fault(FaultParseError),
    /// The server task ended abnormally.
    Server(String),
}

impl fmt::Display for FakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
            Self::StateFile { path, message } => {
                write!(f, "state file {}: {message}", path.display())
            }
            Self::Fault(e) => write!(f, "{e}"),
            Self::Server(message) => write!(f, "server task failed: {message}"),
        }
    }
}

impl std::error::Error for FakeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Bind { source, .. } => Some(source),
            Self::Fault(e) => Some(e),
            _ => None,
        }
    }
}

impl From<FaultParseError> for FakeError {
    fn from(e: FaultParseError) -> Self {
        Self::Fault(e)
    }
}
