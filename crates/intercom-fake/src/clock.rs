//! Wall-clock time as Intercom reports it: Unix seconds.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time in Unix seconds (0 if the system clock is before 1970).
pub(crate) fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
