//! Giving up on a host that answers nothing: after a streak of attempts that got no answer
//! (connection refused or reset, DNS or TLS failure, timeout) spanning
//! [`DEFAULT_UNREACHABLE_AFTER`], calls fail at once with [`Error::Unreachable`] instead of
//! each spending its retries and deadline on a dead host; one attempt is let through every
//! [`UNREACHABLE_PROBE_INTERVAL`] to find out whether the host is back.
//!
//! Any answer, whatever its status, ends the streak: the host is reachable.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::time::Instant;

use crate::error::Error;

/// How long a streak of attempts without an answer lasts before calls fail at once, unless
/// [`ClientBuilder::unreachable_after`](crate::ClientBuilder::unreachable_after) says
/// otherwise: a minute. Long enough for a restart, a failover or a brief network cut (those
/// calls retry as usual); short enough that a run against a host that stays down ends
/// within about a minute rather than one call deadline per call.
pub const DEFAULT_UNREACHABLE_AFTER: Duration = Duration::from_secs(60);

/// Once a host is taken for unreachable, one attempt is let through this often to find out
/// whether it is back; an answer to it lets every call through again.
pub const UNREACHABLE_PROBE_INTERVAL: Duration = Duration::from_secs(10);

/// A streak of attempts that got no answer.
#[derive(Debug)]
struct Streak {
    first: Instant,
    /// `first` on the wall clock, for the error.
    since: DateTime<Utc>,
    last: Instant,
    last_error: String,
    /// When the next probe may go, once the host is taken for unreachable.
    next_probe: Option<Instant>,
}

/// Whether the base URL's host answers, shared by a client's clones.
#[derive(Debug)]
pub(crate) struct Reachability {
    host: String,
    /// `None`: never give up on the host.
    after: Option<Duration>,
    streak: Mutex<Option<Streak>>,
}

impl Reachability {
    pub(crate) fn new(host: String, after: Option<Duration>) -> Self {
        Reachability {
            host,
            after,
            streak: Mutex::new(None),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Streak>> {
        self.streak.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether an attempt may go now: always, unless the host is taken for unreachable and
    /// this is not the time for a probe.
    pub(crate) fn admit(&self, now: Instant) -> Result<(), Error> {
        let mut streak = self.lock();
        let Some(streak) = streak.as_mut() else {
            return Ok(());
        };
        let Some(probe_at) = streak.next_probe else {
            return Ok(());
        };
        if now >= probe_at {
            streak.next_probe = Some(now + UNREACHABLE_PROBE_INTERVAL);
            return Ok(());
        }
        Err(Error::Unreachable {
            host: self.host.clone(),
            since: streak.since,
            last_error: streak.last_error.clone(),
        })
    }

    /// An attempt got an answer: the host is reachable.
    pub(crate) fn answered(&self) {
        let mut streak = self.lock();
        if streak.is_some() {
            *streak = None;
        }
    }

    /// An attempt got no answer, for `error`.
    pub(crate) fn failed(&self, now: Instant, error: &Error) {
        let Some(after) = self.after else {
            return;
        };
        let mut streak = self.lock();
        let streak = streak.get_or_insert_with(|| Streak {
            first: now,
            since: Utc::now(),
            last: now,
            last_error: String::new(),
            next_probe: None,
        });
        streak.last = streak.last.max(now);
        streak.last_error = error.to_string();
        if streak.next_probe.is_none()
            && streak.last.saturating_duration_since(streak.first) >= after
        {
            tracing::warn!(
                host = %self.host,
                since = %streak.since,
                "no answer from the host: calls fail at once, one probe every {}s",
                UNREACHABLE_PROBE_INTERVAL.as_secs()
            );
            streak.next_probe = Some(now + UNREACHABLE_PROBE_INTERVAL);
        }
    }
}

/// Whether `error` means the attempt got no answer from the host.
pub(crate) fn no_answer(error: &Error) -> bool {
    match error {
        Error::Timeout { .. } => true,
        Error::Transport { source, .. } => !source.is_builder(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused() -> Error {
        Error::Timeout {
            after: Duration::from_secs(1),
        }
    }

    #[test]
    fn a_timeout_is_no_answer_and_an_error_of_ours_is_not_the_hosts() {
        assert!(
            no_answer(&refused()),
            "a host that never answers is unreachable"
        );
        assert!(!no_answer(&Error::invalid("title", "must not be empty")));
    }

    #[tokio::test(start_paused = true)]
    async fn a_streak_past_the_bound_fails_calls_at_once_but_lets_a_probe_through() {
        let host = Reachability::new("api.example.com".into(), Some(Duration::from_secs(60)));
        let start = Instant::now();
        host.failed(start, &refused());
        host.failed(start + Duration::from_secs(59), &refused());
        assert!(
            host.admit(start + Duration::from_secs(59)).is_ok(),
            "59 s: not yet"
        );
        host.failed(start + Duration::from_secs(60), &refused());
        let err = host.admit(start + Duration::from_secs(60)).unwrap_err();
        assert!(matches!(err, Error::Unreachable { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("api.example.com unreachable since ")
        );
        assert!(err.is_retryable());
        // One probe per interval.
        let probe = start + Duration::from_secs(70);
        assert!(host.admit(probe).is_ok());
        assert!(host.admit(probe).is_err());
        assert!(host.admit(probe + Duration::from_secs(9)).is_err());
        assert!(host.admit(probe + Duration::from_secs(10)).is_ok());
        // An answer ends it.
        host.answered();
        assert!(host.admit(probe + Duration::from_secs(11)).is_ok());
        assert!(host.admit(probe + Duration::from_secs(11)).is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn an_answer_within_the_bound_starts_the_count_again() {
        let host = Reachability::new("h".into(), Some(Duration::from_secs(60)));
        let start = Instant::now();
        host.failed(start, &refused());
        host.answered();
        host.failed(start + Duration::from_secs(30), &refused());
        host.failed(start + Duration::from_secs(80), &refused());
        assert!(
            host.admit(start + Duration::from_secs(80)).is_ok(),
            "50 s of failures"
        );
        host.failed(start + Duration::from_secs(90), &refused());
        assert!(host.admit(start + Duration::from_secs(90)).is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn without_a_bound_the_host_is_never_given_up() {
        let host = Reachability::new("h".into(), None);
        let start = Instant::now();
        host.failed(start, &refused());
        host.failed(start + Duration::from_secs(3_600), &refused());
        assert!(host.admit(start + Duration::from_secs(3_600)).is_ok());
    }
}
