//! The handle of a running fake.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::fake_error::FakeError;
use crate::faults::FaultConfig;
use crate::log::RequestRecord;
use crate::model::StateSnapshot;
use crate::shared::Shared;

/// A running fake Intercom. Dropping it (or [`FakeIntercom::shutdown`]) stops the server,
/// saves the state file if there is one, and releases its lock.
pub struct FakeIntercom {
    pub(crate) addr: SocketAddr,
    pub(crate) shared: Arc<Shared>,
    pub(crate) stop: watch::Sender<bool>,
    /// The server; `None` once shut down.
    pub(crate) task: Option<JoinHandle<()>>,
    /// The background saver; `None` once shut down.
    pub(crate) saver: Option<JoinHandle<()>>,
}

impl FakeIntercom {
    /// The base URL to give a client, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The request log, oldest first (the `/__fake/*` routes are not in it).
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.log.snapshot()
    }

    /// Empties the request log.
    pub fn clear_requests(&self) {
        self.shared.log.clear();
    }

    /// A copy of the state: sources, pages and notes, each ordered by id.
    pub fn state(&self) -> StateSnapshot {
        self.shared.read().snapshot()
    }

    /// Replaces the fault rules while running (scripts start over; the seeded generator goes on).
    pub fn set_faults(&self, faults: FaultConfig) {
        self.shared.faults.replace(faults);
    }

    /// Bytes written to the state file so far (not a stable API: tests use it to check that
    /// saving costs time linear in a run).
    #[doc(hidden)]
    pub fn state_file_bytes_written(&self) -> u64 {
        self.shared
            .state_file
            .as_ref()
            .map_or(0, |file| file.bytes_written())
    }

    /// Stops accepting, closes the open connections, saves the state file if there is one
    /// (a [`FakeError::Save`] if that fails: the changes since the last background save are
    /// lost) and releases its lock.
    pub async fn shutdown(mut self) -> Result<(), FakeError> {
        let _ = self.stop.send(true);
        let server = match self.task.take() {
            Some(task) => task.await.map_err(|e| FakeError::Server(e.to_string())),
            None => Ok(()),
        };
        // The saver stops at the same signal; waiting for it means the final save below is
        // the last write.
        if let Some(saver) = self.saver.as_mut() {
            let _ = saver.await;
        }
        // From here the final save runs even if this future is dropped; until here, drop
        // does it.
        self.saver = None;
        let shared = self.shared.clone();
        let saved = tokio::task::spawn_blocking(move || shared.finish_saving())
            .await
            .map_err(|e| FakeError::Server(format!("the final save failed: {e}")))
            .and_then(|saved| saved);
        saved.and(server)
    }
}

impl Drop for FakeIntercom {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        // Dropped without `shutdown`: save here, blocking (there is no one to await it, and
        // the runtime may be going away), so a dropped fake loses no change either.
        if self.saver.take().is_some()
            && let Err(e) = self.shared.finish_saving()
        {
            tracing::warn!("{e}");
        }
    }
}

impl fmt::Debug for FakeIntercom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeIntercom")
            .field("base_url", &self.shared.base_url)
            .finish_non_exhaustive()
    }
}
