//! The request log: one record per API request, with its body, never holding the token.

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::body::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One API request as the fake saw it.
///
/// No header is kept but `Intercom-Version`: the `Authorization` header (the bearer token) is
/// reduced to [`authorized`](Self::authorized), so the token is never in a record, its
/// `Debug`, its JSON, or `GET /__fake/requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestRecord {
    /// The id given to the request (also in its `X-Request-Id` header and error bodies).
    pub request_id: String,
    /// `GET`, `POST`, …
    pub method: String,
    /// The path, e.g. `/ai/external_pages/3`.
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// The `Intercom-Version` header, if sent.
    pub intercom_version: Option<String>,
    /// Whether the request carried the right bearer token.
    pub authorized: bool,
    /// The status answered; `None` when a `drop` fault closed the connection.
    pub status: Option<u16>,
    /// The injected fault, in the fault syntax (`500`, `drop`, `slow:250`, …), if any.
    pub fault: Option<String>,
    /// When the request arrived, in milliseconds since the fake started (whose first
    /// rate-limit window starts then too): for timing what a client did.
    #[serde(default)]
    pub received_ms: u64,
    /// The request's body as received (also when the request was refused: 401, 429, a
    /// fault); `None` when it had none, or when the log keeps no bodies
    /// ([`request_log_body_limit(0)`](crate::FakeIntercomBuilder::request_log_body_limit)).
    #[serde(default)]
    pub body: Option<LoggedBody>,
}

impl RequestRecord {
    /// The body, if it was JSON: `record.json_body() == Some(&json!({…}))`.
    pub fn json_body(&self) -> Option<&Value> {
        self.body.as_ref().and_then(LoggedBody::json)
    }
}

/// A request's body as the log keeps it. In JSON (`GET /__fake/requests`): `{"json": …}`,
/// `{"text": "…"}` or `{"truncated": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoggedBody {
    /// The body parsed as JSON.
    Json(Value),
    /// A body that is not JSON, as text (bytes that are not UTF-8 replaced by `U+FFFD`).
    Text(String),
    /// A body longer than the log keeps of one
    /// ([`request_log_body_limit`](crate::FakeIntercomBuilder::request_log_body_limit),
    /// 64 KiB by default): its first bytes, as text.
    Truncated(String),
}

impl LoggedBody {
    /// The JSON value, if the body was JSON.
    pub fn json(&self) -> Option<&Value> {
        match self {
            Self::Json(value) => Some(value),
            _ => None,
        }
    }

    /// The body as text: a JSON body re-serialized (compact), any other as kept.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Self::Json(value) => value.to_string().into(),
            Self::Text(text) | Self::Truncated(text) => text.as_str().into(),
        }
    }

    /// What the log shows of `bytes`; `truncated` when the body went on past them.
    fn of(bytes: &[u8], truncated: bool) -> Self {
        if truncated {
            return Self::Truncated(String::from_utf8_lossy(bytes).into_owned());
        }
        match serde_json::from_slice(bytes) {
            Ok(value) => Self::Json(value),
            Err(_) => Self::Text(String::from_utf8_lossy(bytes).into_owned()),
        }
    }
}

/// The first bytes of a request's body, as the pipeline read them; parsed only when the log
/// is read, so logging costs a request no JSON parse.
#[derive(Debug, Clone)]
pub(crate) struct RawBody {
    /// At most the log's body limit.
    pub(crate) bytes: Bytes,
    /// Whether the body went on past `bytes`.
    pub(crate) truncated: bool,
}

/// A record and the raw body that becomes its `body`.
#[derive(Debug)]
struct Entry {
    record: RequestRecord,
    body: Option<RawBody>,
}

/// The log of a running fake, keeping at most `limit` records (the oldest go first).
#[derive(Debug)]
pub(crate) struct RequestLog {
    limit: usize,
    /// Bytes kept of each body.
    body_limit: usize,
    records: Mutex<VecDeque<Entry>>,
    started: std::time::Instant,
}

impl RequestLog {
    /// An empty log keeping at most `limit` records and `body_limit` bytes of each body.
    pub(crate) fn new(limit: usize, body_limit: usize) -> Self {
        Self {
            limit,
            body_limit,
            records: Mutex::new(VecDeque::new()),
            started: std::time::Instant::now(),
        }
    }

    /// Bytes kept of each body (0: none).
    pub(crate) fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// Milliseconds since the fake started.
    pub(crate) fn elapsed_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Appends a record, with the body it was sent (the record's own `body` is ignored).
    pub(crate) fn push(&self, record: RequestRecord, body: Option<RawBody>) {
        if self.limit == 0 {
            return;
        }
        let mut records = self.records.lock().unwrap_or_else(|p| p.into_inner());
        if records.len() >= self.limit {
            records.pop_front();
        }
        records.push_back(Entry { record, body });
    }

    /// A copy of the records, oldest first.
    pub(crate) fn snapshot(&self) -> Vec<RequestRecord> {
        let records = self.records.lock().unwrap_or_else(|p| p.into_inner());
        records
            .iter()
            .map(|entry| RequestRecord {
                body: entry
                    .body
                    .as_ref()
                    .map(|raw| LoggedBody::of(&raw.bytes, raw.truncated)),
                ..entry.record.clone()
            })
            .collect()
    }

    /// Forgets every record.
    pub(crate) fn clear(&self) {
        self.records
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bodies_are_json_text_or_truncated() {
        assert_eq!(
            LoggedBody::of(br#"{"a":1}"#, false),
            LoggedBody::Json(json!({"a": 1}))
        );
        assert_eq!(
            LoggedBody::of(b"not json", false),
            LoggedBody::Text("not json".into())
        );
        assert_eq!(
            LoggedBody::of(br#"{"a":"#, true),
            LoggedBody::Truncated(r#"{"a":"#.into())
        );
        assert_eq!(
            LoggedBody::of(b"\xff", false),
            LoggedBody::Text("\u{fffd}".into())
        );
    }

    #[test]
    fn the_json_of_a_record_names_the_kind_of_body() {
        let shown = serde_json::to_value(LoggedBody::Json(json!({"a": 1}))).unwrap();
        assert_eq!(shown, json!({"json": {"a": 1}}));
        let shown = serde_json::to_value(LoggedBody::Truncated("x".into())).unwrap();
        assert_eq!(shown, json!({"truncated": "x"}));
    }
}
