//! The state file: locked for the whole run, loaded at start, saved in the background and
//! once more at shutdown, each save a temporary file renamed over the old one.
//!
//! The lock is an exclusive advisory lock on `<state>.lock`, held from before the load until
//! the final save, so that two fakes on one file take turns instead of overwriting each other.
//! It is on a sibling because a save replaces the state file, and a lock on a replaced file
//! protects nothing; the lock file stays, or a third run could lock a new one while a second
//! still waits on the old.
//!
//! A background save happens when the changes since the last save are at least as many as the
//! records that save held (so every record written is paid for by a change, and saving costs
//! time linear in the run), or when the state has stopped changing (so a pause leaves the file
//! current).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use crate::fake_error::FakeError;
use crate::model::StateSnapshot;
use crate::state::Store;

/// How often the saver looks at the state.
const TICK: Duration = Duration::from_millis(200);

/// Called with the state file's path when another holder has the lock and the fake waits.
pub(crate) type WaitHook = Arc<dyn Fn(&Path) + Send + Sync>;

/// What the state file holds: the state and the id counters (so ids are never reused).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PersistedState {
    /// File format version (left out by a document of records only).
    #[serde(default)]
    pub(crate) format: u32,
    /// The counters: each at least one more than the highest id of its kind when loaded (0
    /// when left out: the records decide).
    #[serde(default)]
    pub(crate) next_source_id: i64,
    #[serde(default)]
    pub(crate) next_page_id: u64,
    #[serde(default)]
    pub(crate) next_note_id: u64,
    #[serde(flatten)]
    pub(crate) state: StateSnapshot,
}

impl PersistedState {
    /// The format written.
    pub(crate) const FORMAT: u32 = 2;

    /// These records, with the counters left to them.
    pub(crate) fn of(state: StateSnapshot) -> Self {
        Self {
            format: Self::FORMAT,
            next_source_id: 0,
            next_page_id: 0,
            next_note_id: 0,
            state,
        }
    }

    /// Reads a state file's contents, or a document without `format` holding the records
    /// as a [`StateSnapshot`]'s JSON does (`GET /__fake/state`), counters optional.
    pub(crate) fn from_slice(bytes: &[u8]) -> Result<Self, String> {
        #[derive(Deserialize)]
        struct Version {
            format: Option<u32>,
        }
        let Version { format } = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        match format {
            Some(Self::FORMAT) | None => {
                let saved: PersistedState =
                    serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
                Ok(Self {
                    format: Self::FORMAT,
                    ..saved
                })
            }
            Some(other) => Err(format!(
                "format {other} is not a supported format ({})",
                Self::FORMAT
            )),
        }
    }
}

/// The state file of a running fake, and its lock.
#[derive(Debug)]
pub(crate) struct StateFile {
    path: PathBuf,
    /// `None` once the final save is done (the lock released with it): a write after that
    /// could overwrite the next holder's state. Held across a save, so saves never interleave.
    inner: Mutex<Option<Written>>,
    /// Bytes written so far, for tests that check saving stays linear.
    bytes_written: AtomicU64,
}

#[derive(Debug)]
struct Written {
    /// The store generation in the file; `None` while the file does not hold the store.
    generation: Option<u64>,
    /// Records in the file.
    records: u64,
    _lock: File,
}

fn file_error(path: &Path, message: String) -> FakeError {
    FakeError::StateFile {
        path: path.to_owned(),
        message,
    }
}

impl StateFile {
    /// Takes the lock of `path` (waiting while another holder has it; `on_wait` is told once),
    /// then reads the file: `None` if it does not exist yet.
    pub(crate) async fn open(
        path: &Path,
        on_wait: Option<&WaitHook>,
    ) -> Result<(StateFile, Option<PersistedState>), FakeError> {
        let lock = lock(path, on_wait).await?;
        let saved = match std::fs::read(path) {
            Ok(bytes) => Some(
                PersistedState::from_slice(&bytes)
                    .map_err(|e| file_error(path, format!("cannot parse: {e}")))?,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(file_error(path, format!("cannot read: {e}"))),
        };
        let file = StateFile {
            path: path.to_owned(),
            inner: Mutex::new(Some(Written {
                generation: None,
                records: 0,
                _lock: lock,
            })),
            bytes_written: AtomicU64::new(0),
        };
        Ok((file, saved))
    }

    fn inner(&self) -> MutexGuard<'_, Option<Written>> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The file holds `store` (just loaded from it): nothing to save until it changes.
    pub(crate) fn holds(&self, store: &Store) {
        if let Some(written) = self.inner().as_mut() {
            written.generation = Some(store.generation());
            written.records = store.records();
        }
    }

    pub(crate) fn bytes_written(&self) -> u64 {
        self.bytes_written.load(Ordering::Relaxed)
    }

    /// Saves `store` if it is ahead of the file and `due` says so (given the changes since the
    /// last save and the records it held). With `last`, the lock is released after: nothing
    /// is written after that. Blocking: call it off the runtime's workers.
    fn save(
        &self,
        store: &Mutex<Store>,
        due: impl FnOnce(u64, u64) -> bool,
        last: bool,
    ) -> Result<(), FakeError> {
        let mut inner = self.inner();
        let Some(written) = inner.as_mut() else {
            return Ok(());
        };
        let snapshot = {
            let store = store.lock().unwrap_or_else(|p| p.into_inner());
            let changes = match written.generation {
                Some(generation) => store.generation() - generation,
                None => store.generation() + 1,
            };
            (changes > 0 && due(changes, written.records))
                .then(|| (store.generation(), store.records(), store.to_persisted()))
        };
        let result = match snapshot {
            Some((generation, records, state)) => self.write(&state).map(|()| {
                written.generation = Some(generation);
                written.records = records;
            }),
            None => Ok(()),
        };
        if last {
            *inner = None;
        }
        result
    }

    fn write(&self, state: &PersistedState) -> Result<(), FakeError> {
        let error = |e: &dyn std::fmt::Display| FakeError::Save {
            path: self.path.clone(),
            message: format!("cannot save: {e}"),
        };
        let bytes = serde_json::to_vec_pretty(state).map_err(|e| error(&e))?;
        let dir = match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| error(&e))?;
        tmp.write_all(&bytes).map_err(|e| error(&e))?;
        tmp.as_file().sync_all().map_err(|e| error(&e))?;
        tmp.persist(&self.path).map_err(|e| error(&e.error))?;
        self.bytes_written
            .fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// The final save, then the lock released (blocking).
    pub(crate) fn finish(&self, store: &Mutex<Store>) -> Result<(), FakeError> {
        self.save(store, |_, _| true, true)
    }
}

/// Takes the lock of `state`, waiting on a blocking thread while another holder has it.
async fn lock(state: &Path, on_wait: Option<&WaitHook>) -> Result<File, FakeError> {
    let mut name = state.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let path = state.with_file_name(name);
    let error = |doing: &str, e: &dyn std::fmt::Display| {
        file_error(
            state,
            format!("cannot {doing} the lock file {}: {e}", path.display()),
        )
    };
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| error("create", &e))?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(e)) => return Err(error("lock", &e)),
    }
    tracing::info!(
        "waiting for another user of the state file {} to finish",
        state.display()
    );
    if let Some(on_wait) = on_wait {
        on_wait(state);
    }
    // If this future is dropped meanwhile, the thread still gets the lock, then drops the
    // file with the join handle's result, which releases it.
    tokio::task::spawn_blocking(move || file.lock().map(|()| file))
        .await
        .map_err(|e| error("wait for", &e))?
        .map_err(|e| error("lock", &e))
}

/// The background saver, until told to stop (the final save is [`StateFile::finish`]'s, after
/// the server has stopped). A failed save is logged and tried again; the final one decides.
pub(crate) async fn run(
    store: Arc<Mutex<Store>>,
    file: Arc<StateFile>,
    mut stop: watch::Receiver<bool>,
) {
    let mut seen = store.lock().unwrap_or_else(|p| p.into_inner()).generation();
    loop {
        tokio::select! {
            () = tokio::time::sleep(TICK) => {}
            _ = stop.wait_for(|stop| *stop) => return,
        }
        let now = store.lock().unwrap_or_else(|p| p.into_inner()).generation();
        let quiet = now == seen;
        seen = now;
        let (store, file) = (store.clone(), file.clone());
        let saved = tokio::task::spawn_blocking(move || {
            file.save(
                &store,
                |changes, records| quiet || changes >= records,
                false,
            )
        })
        .await;
        if let Ok(Err(error)) = saved {
            tracing::warn!("{error} (will try again; the final save at shutdown decides)");
        }
    }
}
