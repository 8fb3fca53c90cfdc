//! What every request handler shares: the store, the limiter, the faults, the log.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::api_error::ApiError;
use crate::auth::Token;
use crate::fake_error::FakeError;
use crate::faults::FaultEngine;
use crate::log::RequestLog;
use crate::persist::StateFile;
use crate::rate_limit::RateLimiter;
use crate::request_id::RequestIds;
use crate::state::Store;

/// The state of one running fake, behind an `Arc`.
pub(crate) struct Shared {
    pub(crate) token: Token,
    /// `http://host:port`, used for `pages.next` links.
    pub(crate) base_url: String,
    /// Shared with the saver task.
    pub(crate) store: Arc<Mutex<Store>>,
    /// With a state file: where it is saved (shared with the saver task).
    pub(crate) state_file: Option<Arc<StateFile>>,
    pub(crate) limiter: RateLimiter,
    pub(crate) faults: FaultEngine,
    pub(crate) log: RequestLog,
    pub(crate) request_ids: RequestIds,
    /// The largest request body taken, in bytes.
    pub(crate) body_limit: usize,
}

impl Shared {
    /// The store, for reading (the lock is held only while the guard lives: keep it short).
    pub(crate) fn read(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs a change on the store (the saver task sees it by the store's generation).
    pub(crate) fn mutate<T>(
        &self,
        change: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        change(&mut self.read())
    }

    /// The final save, then the state file's lock released (blocking); nothing without a
    /// state file.
    pub(crate) fn finish_saving(&self) -> Result<(), FakeError> {
        match &self.state_file {
            Some(file) => file.finish(&self.store),
            None => Ok(()),
        }
    }
}
