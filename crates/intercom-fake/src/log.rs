//! The request log: one record per API request, never holding the token.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// One API request as the fake saw it. The `Authorization` header is reduced to `authorized`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// The log of a running fake, keeping at most `limit` records (the oldest go first).
#[derive(Debug)]
pub(crate) struct RequestLog {
    limit: usize,
    records: Mutex<VecDeque<RequestRecord>>,
    started: std::time::Instant,
}

impl RequestLog {
    /// An empty log keeping at most `limit` records.
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            limit,
            records: Mutex::new(VecDeque::new()),
            started: std::time::Instant::now(),
        }
    }

    /// Milliseconds since the fake started.
    pub(crate) fn elapsed_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Appends a record.
    pub(crate) fn push(&self, record: RequestRecord) {
        if self.limit == 0 {
            return;
        }
        let mut records = self.records.lock().unwrap_or_else(|p| p.into_inner());
        if records.len() >= self.limit {
            records.pop_front();
        }
        records.push_back(record);
    }

    /// A copy of the records, oldest first.
    pub(crate) fn snapshot(&self) -> Vec<RequestRecord> {
        let records = self.records.lock().unwrap_or_else(|p| p.into_inner());
        records.iter().cloned().collect()
    }

    /// Forgets every record.
    pub(crate) fn clear(&self) {
        self.records
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }
}
