//! [`Timestamp`]: the spec's `Timestamp` schema (Unix seconds on the wire), mapped by
//! `cargo xtask regen` onto a `chrono` time.

use std::fmt;
use std::ops::Deref;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A time Intercom sends as Unix seconds, as a `DateTime<Utc>` (it derefs to one).
///
/// ```
/// use intercom_openapi::time::Timestamp;
///
/// let at: Timestamp = serde_json::from_str("1672928610").unwrap();
/// assert_eq!(at.to_rfc3339(), "2023-01-05T14:23:30+00:00");
/// assert_eq!(serde_json::to_string(&at).unwrap(), "1672928610");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// The time `seconds` after the Unix epoch; `None` when out of chrono's range.
    pub fn from_unix_seconds(seconds: i64) -> Option<Self> {
        DateTime::from_timestamp(seconds, 0).map(Timestamp)
    }

    /// Unix seconds, as the wire has it.
    pub fn unix_seconds(self) -> i64 {
        self.0.timestamp()
    }

    /// The time.
    pub fn datetime(self) -> DateTime<Utc> {
        self.0
    }
}

impl Deref for Timestamp {
    type Target = DateTime<Utc>;

    fn deref(&self) -> &DateTime<Utc> {
        &self.0
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(time: DateTime<Utc>) -> Self {
        Timestamp(time)
    }
}

impl From<Timestamp> for DateTime<Utc> {
    fn from(time: Timestamp) -> Self {
        time.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.unix_seconds())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let seconds = i64::deserialize(d)?;
        Timestamp::from_unix_seconds(seconds)
            .ok_or_else(|| serde::de::Error::custom(format!("timestamp {seconds} is out of range")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        assert!(serde_json::from_str::<Timestamp>(&i64::MAX.to_string()).is_err());
        assert!(serde_json::from_str::<Timestamp>("\"1672928610\"").is_err());
    }
}
