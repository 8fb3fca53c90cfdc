//! The state file: loaded at start if present, saved by the background saver (`saver.rs`)
//! and at shutdown, always by writing a temporary file beside it and renaming it over the old
//! one, and only while its lock (`lock.rs`) is held.
//!
//! Format 2 (written since the records became the spec's objects) holds each record exactly
//! as the API serves it, every property included. Format 1 (the fake's own records: no
//! `type`, notes with `contact_id` and `admin_id`) still loads: it is upgraded on reading.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use intercom_openapi::operation::Operation;
use intercom_openapi::operations::{CreateContentImportSource, CreateExternalPage, CreateNote};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::fake_error::FakeError;
use crate::lock::StateLock;
use crate::model::{StateSnapshot, note_author, note_contact};
use crate::spec;

/// What the state file holds: the state and the id counters (so ids are never reused).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PersistedState {
    /// File format version.
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

    /// Reads a state file's contents: this format, format 1 upgraded, or a document without
    /// `format` holding the records as this format does (a [`StateSnapshot`]'s JSON, as
    /// `GET /__fake/state` serves it, counters optional).
    pub(crate) fn from_slice(bytes: &[u8]) -> Result<Self, String> {
        /// Only the version, to know how to read the rest.
        #[derive(Deserialize)]
        struct Version {
            format: Option<u32>,
        }
        let Version { format } = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        match format {
            Some(Self::FORMAT) => serde_json::from_slice(bytes).map_err(|e| e.to_string()),
            None => {
                let mut saved: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
                if let Some(fields) = saved.as_object_mut() {
                    fields.insert("format".into(), Value::from(Self::FORMAT));
                }
                serde_json::from_value(saved).map_err(|e| e.to_string())
            }
            Some(1) => {
                let mut saved: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
                upgrade_from_1(&mut saved);
                serde_json::from_value(saved).map_err(|e| format!("format 1: {e}"))
            }
            Some(other) => Err(format!(
                "format {other} is not a supported format (1 or {})",
                Self::FORMAT
            )),
        }
    }
}

/// Format 1 to format 2: each record takes its `type`; a page its `fin_availability`; a
/// note's `contact_id` and `admin_id` become its `contact` and `author` objects.
fn upgrade_from_1(saved: &mut Value) {
    fn records<'a>(
        saved: &'a mut Value,
        key: &str,
    ) -> impl Iterator<Item = &'a mut Map<String, Value>> {
        saved
            .get_mut(key)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object_mut)
    }
    fn typed(record: &mut Map<String, Value>, kind: Option<&str>) {
        if let Some(kind) = kind {
            record
                .entry("type")
                .or_insert_with(|| Value::String(kind.to_owned()));
        }
    }
    let source = spec::record(&CreateContentImportSource::INFO).kind();
    for record in records(saved, "sources") {
        typed(record, source);
    }
    let page = spec::record(&CreateExternalPage::INFO).kind();
    for record in records(saved, "pages") {
        typed(record, page);
        if let Some(agent) = record.get("ai_agent_availability").cloned() {
            record.entry("fin_availability").or_insert(agent);
        }
    }
    let note = spec::record(&CreateNote::INFO).kind();
    for record in records(saved, "notes") {
        typed(record, note);
        if let Some(Value::String(contact_id)) = record.remove("contact_id") {
            record.insert("contact".into(), note_contact(&contact_id));
        }
        if let Some(Value::String(admin_id)) = record.remove("admin_id") {
            record.insert("author".into(), note_author(&admin_id));
        }
    }
    if let Some(format) = saved.get_mut("format") {
        *format = Value::from(PersistedState::FORMAT);
    }
}

/// Writes the state file, never letting an older state overwrite a newer one, and only while
/// the state file's lock is held.
#[derive(Debug)]
pub(crate) struct Persister {
    path: PathBuf,
    /// One writer at a time; what was written; the lock (gone once closed).
    inner: Mutex<Written>,
    /// State files written, for tests that check saving does not follow every change.
    saves: AtomicU64,
}

#[derive(Debug)]
struct Written {
    /// The generation last written (or loaded: no need to write it back).
    generation: Option<u64>,
    /// `None` once closed: a write after that could overwrite the next holder's state.
    lock: Option<StateLock>,
}

fn file_error(path: &Path, message: impl Into<String>) -> FakeError {
    FakeError::StateFile {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn save_error(path: &Path, message: impl Into<String>) -> FakeError {
    FakeError::Save {
        path: path.to_owned(),
        message: message.into(),
    }
}

impl Persister {
    /// A persister for `path`, whose lock the caller holds.
    pub(crate) fn new(path: PathBuf, lock: StateLock) -> Self {
        Self {
            path,
            inner: Mutex::new(Written {
                generation: None,
                lock: Some(lock),
            }),
            saves: AtomicU64::new(0),
        }
    }

    fn inner(&self) -> MutexGuard<'_, Written> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// State files written so far.
    pub(crate) fn saves(&self) -> u64 {
        self.saves.load(Ordering::Relaxed)
    }

    /// Reads the file: `None` if it does not exist.
    pub(crate) fn load(&self) -> Result<Option<PersistedState>, FakeError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(file_error(&self.path, format!("cannot read: {e}"))),
        };
        PersistedState::from_slice(&bytes)
            .map(Some)
            .map_err(|e| file_error(&self.path, format!("cannot parse: {e}")))
    }

    /// The file holds the store at `generation` (just loaded): no need to write it back.
    pub(crate) fn loaded(&self, generation: u64) {
        self.inner().generation = Some(generation);
    }

    /// Whether a state of `generation` would be written (so the caller can skip the snapshot).
    pub(crate) fn needs(&self, generation: u64) -> bool {
        let inner = self.inner();
        inner.lock.is_some() && inner.generation.is_none_or(|w| w < generation)
    }

    /// Writes `state` (of store generation `generation`) unless a newer one was written or
    /// the persister is closed.
    pub(crate) fn save(&self, generation: u64, state: &PersistedState) -> Result<(), FakeError> {
        let mut inner = self.inner();
        if inner.lock.is_none() || inner.generation.is_some_and(|w| w >= generation) {
            return Ok(());
        }
        let bytes = serde_json::to_vec_pretty(state)
            .map_err(|e| save_error(&self.path, format!("cannot serialize: {e}")))?;
        write_atomically(&self.path, &bytes)
            .map_err(|e| save_error(&self.path, format!("cannot save: {e}")))?;
        inner.generation = Some(generation);
        self.saves.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Releases the lock; nothing is written after this.
    pub(crate) fn close(&self) {
        self.inner().lock = None;
    }
}

/// Writes `bytes` to a temporary file in the same directory, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state".into());
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        use std::io::Write;
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
