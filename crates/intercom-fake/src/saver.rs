//! The background saver: a change only marks the state dirty and wakes the saver, which writes
//! the state file no more often than [`interval`] allows, so that saving costs a bounded share
//! of a run instead of a whole-file rewrite per change (which made a sync quadratic). The
//! final save at shutdown always writes the latest state.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tokio::time::Instant;

use crate::fake_error::FakeError;
use crate::persist::Persister;
use crate::state::Store;

/// The shortest wait between two saves.
const MIN_INTERVAL: Duration = Duration::from_millis(100);

/// Waiting this many times the last save's duration keeps saving under about 1/11 of the time.
const INTERVAL_FACTOR: u32 = 10;

/// The wait after a save that took `last` before the next one may start.
pub(crate) fn interval(last: Duration) -> Duration {
    MIN_INTERVAL.max(last.saturating_mul(INTERVAL_FACTOR))
}

/// What the handlers and the saver task share about saving.
#[derive(Debug)]
pub(crate) struct Saver {
    pub(crate) persister: Persister,
    /// Woken by every change; holds one permit, so changes during a save are not missed.
    dirty: Notify,
    /// The first failed background save, kept for the final error's message.
    first_error: Mutex<Option<FakeError>>,
}

impl Saver {
    pub(crate) fn new(persister: Persister) -> Self {
        Self {
            persister,
            dirty: Notify::new(),
            first_error: Mutex::new(None),
        }
    }

    /// Marks the state dirty: the saver task will write it.
    pub(crate) fn changed(&self) {
        self.dirty.notify_one();
    }

    /// Saves the state file now, if it is behind `store` (blocking: call it off the
    /// runtime's workers). Only the snapshot holds the store's lock.
    pub(crate) fn save_now(&self, store: &Mutex<Store>) -> Result<(), FakeError> {
        let (generation, state) = {
            let store = store.lock().unwrap_or_else(|p| p.into_inner());
            if !self.persister.needs(store.generation()) {
                return Ok(());
            }
            (store.generation(), store.to_persisted())
        };
        self.persister.save(generation, &state)
    }

    fn record(&self, error: FakeError) {
        let mut first = self.first_error.lock().unwrap_or_else(|p| p.into_inner());
        if first.is_none() {
            tracing::warn!("{error} (will try again; the final save at shutdown decides)");
            *first = Some(error);
        }
    }

    /// The final error when the final save failed: its own, with the first background
    /// failure's message if that said something else.
    fn final_error(&self, error: FakeError) -> FakeError {
        let first = self.first_error.lock().unwrap_or_else(|p| p.into_inner());
        match (error, first.as_ref()) {
            (FakeError::Save { path, message }, Some(FakeError::Save { message: m, .. }))
                if *m != message =>
            {
                FakeError::Save {
                    message: format!("{message} (first failure: {m})"),
                    path,
                }
            }
            (error, _) => error,
        }
    }
}

/// Resolves when the fake is told to stop, or when its handle is gone.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stop| *stop).await;
}

/// Saves on a blocking thread (serializing and writing a large state takes a while).
async fn save_in_background(
    store: &Arc<Mutex<Store>>,
    saver: &Arc<Saver>,
) -> Result<(), FakeError> {
    let (store, saver) = (store.clone(), saver.clone());
    tokio::task::spawn_blocking(move || saver.save_now(&store))
        .await
        .map_err(|e| FakeError::Server(format!("the saver thread failed: {e}")))?
}

/// The saver task: waits for a change, for the interval since the last save, then saves;
/// until told to stop (the final save is [`finish`]'s, after the server has stopped).
pub(crate) async fn run(
    store: Arc<Mutex<Store>>,
    saver: Arc<Saver>,
    mut stop: watch::Receiver<bool>,
) {
    let mut last_end = Instant::now();
    let mut last_took = Duration::ZERO;
    loop {
        tokio::select! {
            () = saver.dirty.notified() => {}
            () = stopped(&mut stop) => return,
        }
        tokio::select! {
            () = tokio::time::sleep_until(last_end + interval(last_took)) => {}
            () = stopped(&mut stop) => return,
        }
        let started = Instant::now();
        let result = save_in_background(&store, &saver).await;
        last_end = Instant::now();
        last_took = last_end - started;
        if let Err(error) = result {
            saver.record(error);
        }
    }
}

/// The final save, then the lock released. A final save that succeeds writes the latest state,
/// which makes any earlier background failure moot: the file is then complete.
pub(crate) fn finish(store: &Mutex<Store>, saver: &Saver) -> Result<(), FakeError> {
    let result = saver.save_now(store).map_err(|e| saver.final_error(e));
    saver.persister.close();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_grows_with_the_last_save() {
        assert_eq!(interval(Duration::ZERO), MIN_INTERVAL);
        assert_eq!(interval(Duration::from_millis(5)), MIN_INTERVAL);
        assert_eq!(
            interval(Duration::from_millis(50)),
            Duration::from_millis(500)
        );
    }
}
