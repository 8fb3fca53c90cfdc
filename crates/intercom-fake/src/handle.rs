//! The handle of a running fake.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::builder::FakeIntercomBuilder;
use crate::fake_error::FakeError;
use crate::faults::FaultConfig;
use crate::log::RequestRecord;
use crate::model::StateSnapshot;
use crate::shared::Shared;

/// A running fake Intercom. Dropping it (or [`FakeIntercom::shutdown`]) stops the server.
pub struct FakeIntercom {
    pub(crate) addr: SocketAddr,
    pub(crate) shared: Arc<Shared>,
    pub(crate) stop: watch::Sender<bool>,
    pub(crate) task: Option<JoinHandle<()>>,
}

impl FakeIntercom {
    /// A builder with the defaults: token [`crate::DEFAULT_TOKEN`], seed 0, Intercom's rate
    /// limit, no fault, no state file, listening on `127.0.0.1:0`.
    pub fn builder() -> FakeIntercomBuilder {
        FakeIntercomBuilder::default()
    }

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

    /// Stops accepting, closes the open connections, and saves the state file if there is one.
    pub async fn shutdown(mut self) -> Result<(), FakeError> {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            task.await.map_err(|e| FakeError::Server(e.to_string()))?;
        }
        Ok(())
    }
}

impl Drop for FakeIntercom {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

impl fmt::Debug for FakeIntercom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeIntercom")
            .field("base_url", &self.shared.base_url)
            .finish_non_exhaustive()
    }
}
