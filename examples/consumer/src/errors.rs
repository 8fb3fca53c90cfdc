//! What a failed call means for the service: the accessors of `intercom_client::Error`
//! decide it, without matching on every variant.

use intercom_client::Error;

/// What the service does with a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Our request is wrong (refused before sending, or a 4xx): alert, do not retry.
    FixRequest,
    /// The token or the app is misconfigured (401, 403): page the owner.
    FixSetup,
    /// What was asked for is not there (404): treat as absent.
    Absent,
    /// Transient (429, 5xx, timeout, connection): requeue the job.
    Requeue,
}

/// Classifies `error`.
pub fn classify(error: &Error) -> Action {
    if error.is_retryable() {
        return Action::Requeue;
    }
    match error.status_code() {
        Some(401 | 403) => Action::FixSetup,
        Some(404) => Action::Absent,
        _ => Action::FixRequest,
    }
}

/// One line for the service's log: what to do, and what Intercom's support needs.
pub fn log_line(error: &Error) -> String {
    format!(
        "{:?}: status={} code={} request_id={}: {error}",
        classify(error),
        error
            .status_code()
            .map_or_else(|| "-".to_owned(), |s| s.to_string()),
        error.code().unwrap_or("-"),
        error.request_id().unwrap_or("-"),
    )
}
