//! The state file: loaded at start if present, saved after each change and at shutdown,
//! always by writing a temporary file beside it and renaming it over the old one.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::fake_error::FakeError;
use crate::model::StateSnapshot;

/// What the state file holds: the state and the id counters (so ids are never reused).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PersistedState {
    /// File format version.
    pub(crate) format: u32,
    pub(crate) next_source_id: i64,
    pub(crate) next_page_id: u64,
    pub(crate) next_note_id: u64,
    #[serde(flatten)]
    pub(crate) state: StateSnapshot,
}

impl PersistedState {
    /// The only format written and read.
    pub(crate) const FORMAT: u32 = 1;
}

/// Writes the state file, never letting an older state overwrite a newer one.
#[derive(Debug)]
pub(crate) struct Persister {
    path: PathBuf,
    /// The generation last written.
    written: Mutex<Option<u64>>,
}

fn file_error(path: &Path, message: impl Into<String>) -> FakeError {
    FakeError::StateFile {
        path: path.to_owned(),
        message: message.into(),
    }
}

impl Persister {
    /// A persister for `path`.
    pub(crate) fn new(path: PathBuf) -> Self {
        Self {
            path,
            written: Mutex::new(None),
        }
    }

    /// The state file.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file: `None` if it does not exist.
    pub(crate) fn load(&self) -> Result<Option<PersistedState>, FakeError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(file_error(&self.path, format!("cannot read: {e}"))),
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| file_error(&self.path, format!("cannot parse: {e}")))
    }

    /// Writes `state` (of store generation `generation`) unless a newer one was written.
    pub(crate) fn save(&self, generation: u64, state: &PersistedState) -> Result<(), FakeError> {
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        if written.is_some_and(|w| w >= generation) {
            return Ok(());
        }
        let bytes = serde_json::to_vec_pretty(state)
            .map_err(|e| file_error(&self.path, format!("cannot serialize: {e}")))?;
        write_atomically(&self.path, &bytes)
            .map_err(|e| file_error(&self.path, format!("cannot write: {e}")))?;
        *written = Some(generation);
        Ok(())
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
