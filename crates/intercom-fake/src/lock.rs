//! The state file's lock: an exclusive advisory lock on `<state>.lock`, held from before the
//! state is loaded until the last save, so that two fakes on one state file (two `intercom
//! --fake` runs, two `intercom-fake` processes) take turns instead of overwriting each other.
//!
//! The lock is on a sibling file, not on the state file itself, because saving replaces the
//! state file (rename), and a lock on a replaced file protects nothing. The lock file is left
//! in place: removing it would let a third run lock a new file while a second still waits on
//! the old one.

use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::fake_error::FakeError;

/// Called with the state file's path when another holder has the lock and the fake waits.
pub(crate) type WaitHook = Arc<dyn Fn(&Path) + Send + Sync>;

/// A held lock; dropping it releases the lock (closing the file does).
pub(crate) struct StateLock {
    _file: File,
}

impl fmt::Debug for StateLock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StateLock")
    }
}

/// `<state>.lock`, beside the state file.
pub(crate) fn lock_path(state: &Path) -> PathBuf {
    let mut name = state.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    state.with_file_name(name)
}

fn lock_error(state: &Path, lock: &Path, doing: &str, e: impl fmt::Display) -> FakeError {
    FakeError::StateFile {
        path: state.to_owned(),
        message: format!("cannot {doing} the lock file {}: {e}", lock.display()),
    }
}

impl StateLock {
    /// Takes the lock of `state`, waiting (on a blocking thread) while another holder has it;
    /// `on_wait` is told once when that happens. A lock file that cannot be created is an
    /// error: the state could not be saved beside it either.
    pub(crate) async fn acquire(
        state: &Path,
        on_wait: Option<&WaitHook>,
    ) -> Result<StateLock, FakeError> {
        let path = lock_path(state);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| lock_error(state, &path, "create", e))?;
        match file.try_lock() {
            Ok(()) => return Ok(StateLock { _file: file }),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(e)) => return Err(lock_error(state, &path, "lock", e)),
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
        let file = tokio::task::spawn_blocking(move || file.lock().map(|()| file))
            .await
            .map_err(|e| lock_error(state, &path, "wait for", e))?
            .map_err(|e| lock_error(state, &path, "lock", e))?;
        Ok(StateLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_is_a_sibling() {
        assert_eq!(
            lock_path(Path::new("/x/fake-state.json")),
            Path::new("/x/fake-state.json.lock")
        );
        assert_eq!(lock_path(Path::new("s")), Path::new("s.lock"));
    }
}
