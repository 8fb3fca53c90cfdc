//! Timestamps: Intercom sends Unix seconds; this crate hands out `DateTime<Utc>`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// Unix seconds to a UTC time; `None` when out of chrono's range.
pub(crate) fn from_unix_seconds(seconds: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0)
}

/// `#[serde(with = "crate::time::unix_seconds")]`: a required timestamp.
pub(crate) mod unix_seconds {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(time: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(time.timestamp())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let seconds = i64::deserialize(d)?;
        from_unix_seconds(seconds)
            .ok_or_else(|| serde::de::Error::custom(format!("timestamp {seconds} is out of range")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct At(#[serde(with = "unix_seconds")] DateTime<Utc>);

    #[test]
    fn round_trips_unix_seconds() {
        let at: At = serde_json::from_str("1672928610").unwrap();
        assert_eq!(at.0.to_rfc3339(), "2023-01-05T14:23:30+00:00");
        assert_eq!(serde_json::to_string(&at).unwrap(), "1672928610");
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        assert!(serde_json::from_str::<At>(&i64::MAX.to_string()).is_err());
    }
}
