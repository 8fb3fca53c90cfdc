//! Timestamps: Intercom sends Unix seconds; this crate hands out `DateTime<Utc>`.

use chrono::{DateTime, Utc};

/// Unix seconds to a UTC time; `None` when out of chrono's range.
pub(crate) fn from_unix_seconds(seconds: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0)
}
