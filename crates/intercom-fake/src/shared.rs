//! What every request handler shares: the store, the limiter, the faults, the log.

use std::sync::{Mutex, MutexGuard};

use crate::auth::Token;
use crate::errors::ApiError;
use crate::faults::FaultEngine;
use crate::log::RequestLog;
use crate::persist::Persister;
use crate::rate_limit::RateLimiter;
use crate::request_id::RequestIds;
use crate::state::Store;

/// The state of one running fake, behind an `Arc`.
pub(crate) struct Shared {
    pub(crate) token: Token,
    /// `http://host:port`, used for `pages.next` links.
    pub(crate) base_url: String,
    pub(crate) store: Mutex<Store>,
    pub(crate) persister: Option<Persister>,
    pub(crate) limiter: RateLimiter,
    pub(crate) faults: FaultEngine,
    pub(crate) log: RequestLog,
    pub(crate) request_ids: RequestIds,
}

impl Shared {
    /// The store, for reading (the lock is held only while the guard lives: keep it short).
    pub(crate) fn read(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs a change on the store, then saves the state file if there is one.
    pub(crate) fn mutate<T>(
        &self,
        change: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let (result, to_save) = {
            let mut store = self.read();
            let before = store.generation();
            let result = change(&mut store);
            let changed = store.generation() != before;
            let to_save = match &self.persister {
                Some(_) if changed => Some((store.generation(), store.to_persisted())),
                _ => None,
            };
            (result, to_save)
        };
        if let (Some(persister), Some((generation, state))) = (&self.persister, to_save)
            && let Err(e) = persister.save(generation, &state)
        {
            tracing::warn!("{e}");
        }
        result
    }

    /// Saves the state file now (at shutdown).
    pub(crate) fn save_now(&self) -> Result<(), crate::FakeError> {
        let Some(persister) = &self.persister else {
            return Ok(());
        };
        let (generation, state) = {
            let store = self.read();
            (store.generation(), store.to_persisted())
        };
        persister.save(generation, &state)
    }
}
