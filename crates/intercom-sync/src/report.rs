//! What a sync did (or, in a dry run, would do) with every page.

use std::fmt;
use std::sync::Arc;

use intercom_client::{ContentImportSourceId, ExternalPageId};
use serde::Serialize;

/// What the plan decided for one page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlannedAction {
    /// Not in the source yet.
    Create,
    /// In the source, with a different title, HTML, URL or availability.
    Update,
    /// In the source and already equal: no request.
    Unchanged,
    /// In the source but not in the input (only with prune).
    Delete,
    /// Not a page: the input item could not be read, or repeated an external id.
    Skip,
}

impl PlannedAction {
    /// The action as the report writes it: `create`, `update`, `unchanged`, `delete`, `skip`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlannedAction::Create => "create",
            PlannedAction::Update => "update",
            PlannedAction::Unchanged => "unchanged",
            PlannedAction::Delete => "delete",
            PlannedAction::Skip => "skip",
        }
    }
}

impl fmt::Display for PlannedAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How carrying out the plan went for one page.
///
/// In JSON, an outcome is a `status` (`done`, `planned`, `failed`, `skipped`) beside the
/// page's other fields, with a failure's fields ([`PageFailure`]) or a skip's `reason`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
#[non_exhaustive]
pub enum Outcome {
    /// Done (for `Unchanged`: nothing needed doing).
    Done,
    /// A dry run: nothing was sent.
    Planned,
    /// Failed; the page is as it was before the sync.
    Failed(PageFailure),
    /// Left alone on purpose (a symlink out of the folder, a deletion a prune limit
    /// refused); the page is as it was before the sync.
    #[non_exhaustive]
    Skipped {
        /// Why.
        reason: String,
    },
}

impl Outcome {
    /// A failure that a rerun will not fix, with no API error behind it (see
    /// [`PageFailure::new`]).
    pub fn failed(reason: impl Into<String>) -> Self {
        Outcome::Failed(PageFailure::new(reason))
    }

    /// A failure that a rerun may fix, with no API error behind it.
    pub fn failed_retryable(reason: impl Into<String>) -> Self {
        Outcome::Failed(PageFailure::new(reason).retryable(true))
    }

    /// Left alone on purpose, for `reason`.
    pub fn skipped(reason: impl Into<String>) -> Self {
        Outcome::Skipped {
            reason: reason.into(),
        }
    }

    /// The failure, if the page failed.
    pub fn failure(&self) -> Option<&PageFailure> {
        match self {
            Outcome::Failed(failure) => Some(failure),
            _ => None,
        }
    }
}

/// Why a page failed: one line, whether a rerun may fix it, and, when the API (or the
/// connection to it) failed, the client's typed error with its status, error code and
/// request id.
///
/// An input item that could not become a page (an unreadable file, an error item of the
/// stream) and a page the client refused before sending (an empty title) are failures
/// without a status.
///
/// ```
/// # fn show(report: &intercom_sync::SyncReport) {
/// for line in report.failures() {
///     let Some(failure) = line.failure() else { continue };
///     match (failure.status(), failure.code()) {
///         (Some(400), Some("parameter_invalid")) => eprintln!("fix {}: {failure}", line.external_id),
///         _ if failure.is_retryable() => eprintln!("{} may pass on a rerun", line.external_id),
///         _ => eprintln!("{}: {failure} (request id {:?})", line.external_id, failure.request_id()),
///     }
/// }
/// # }
/// ```
///
/// In JSON: `reason`, `retryable`, and when known `http_status`, `code`, `message`,
/// `request_id` (the outcome's `status` is already `failed`).
#[derive(Clone, Debug)]
pub struct PageFailure {
    reason: String,
    retryable: bool,
    // The client's error is not `Clone`; the report is.
    error: Option<Arc<intercom_client::Error>>,
}

impl PageFailure {
    /// A failure with no API error behind it (input that could not be read, a page the
    /// engine did not send), which a rerun will not fix.
    pub fn new(reason: impl Into<String>) -> Self {
        PageFailure {
            reason: reason.into(),
            retryable: false,
            error: None,
        }
    }

    /// Sets whether running the sync again may fix it.
    pub fn retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// The failure in one line (for an API error: its status, code, message and request id).
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Whether running the sync again may fix it (a transport error, a timeout, a 5xx, a
    /// 429), as opposed to a failure that will repeat until the input or the setup changes
    /// (a 400, an unreadable file).
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// The HTTP status of the answer, when one came back (`None` for input failures,
    /// timeouts and transport errors).
    pub fn status(&self) -> Option<u16> {
        self.error
            .as_deref()
            .and_then(intercom_client::Error::status_code)
    }

    /// Intercom's error code (`parameter_invalid`, `server_error`, …), when the answer had
    /// an `error.list`.
    pub fn code(&self) -> Option<&str> {
        self.error.as_deref().and_then(intercom_client::Error::code)
    }

    /// Intercom's error message, when the answer had one.
    pub fn message(&self) -> Option<&str> {
        self.error
            .as_deref()
            .and_then(intercom_client::Error::message)
    }

    /// Intercom's request id, to quote to its support, when the answer had one.
    pub fn request_id(&self) -> Option<&str> {
        self.error
            .as_deref()
            .and_then(intercom_client::Error::request_id)
    }

    /// The client's error behind the failure, when a request was made (or refused before
    /// sending): match on it for anything the accessors above do not say.
    pub fn error(&self) -> Option<&intercom_client::Error> {
        self.error.as_deref()
    }
}

impl From<intercom_client::Error> for PageFailure {
    fn from(error: intercom_client::Error) -> Self {
        PageFailure {
            reason: error.to_string(),
            retryable: error.is_retryable(),
            error: Some(Arc::new(error)),
        }
    }
}

impl fmt::Display for PageFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

/// Two failures are equal when they say the same: reason, retryable, status, code, message
/// and request id.
impl PartialEq for PageFailure {
    fn eq(&self, other: &Self) -> bool {
        let said = |f: &PageFailure| {
            (
                f.reason.clone(),
                f.retryable,
                f.status(),
                f.code().map(str::to_owned),
                f.message().map(str::to_owned),
                f.request_id().map(str::to_owned),
            )
        };
        said(self) == said(other)
    }
}

impl Eq for PageFailure {}

impl Serialize for PageFailure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            reason: &'a str,
            retryable: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            http_status: Option<u16>,
            #[serde(skip_serializing_if = "Option::is_none")]
            code: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            request_id: Option<&'a str>,
        }
        Wire {
            reason: &self.reason,
            retryable: self.retryable,
            http_status: self.status(),
            code: self.code(),
            message: self.message(),
            request_id: self.request_id(),
        }
        .serialize(serializer)
    }
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PageReport {
    /// The page's id in the source (for an unreadable file, its path; for an error item
    /// without a name, `input item N`, counted from 1; for a bad line of JSON Lines,
    /// `line N`).
    pub external_id: String,
    /// For an input item that was a line of a line-oriented input (JSON Lines) and did not
    /// become a page: its line number, counted from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Intercom's id of the page, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<ExternalPageId>,
    /// What the plan decided.
    pub action: PlannedAction,
    /// The page's title, as the input gives it (none for a deletion or an unread item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The page's URL, as the input gives it (for a deletion, the one Intercom holds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the reader could not render and left out of the page
    /// ([`DesiredPage::left_out`](crate::DesiredPage::left_out)).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
    /// How it went.
    #[serde(flatten)]
    pub outcome: Outcome,
}

impl PageReport {
    /// A line for `external_id`, without Intercom's id (for tests of code that reads
    /// reports, e.g. a progress callback).
    pub fn new(external_id: impl Into<String>, action: PlannedAction, outcome: Outcome) -> Self {
        PageReport {
            external_id: external_id.into(),
            line: None,
            id: None,
            action,
            title: None,
            url: None,
            left_out: Vec::new(),
            outcome,
        }
    }

    /// Sets the page's title and URL.
    pub fn about(mut self, title: Option<String>, url: Option<String>) -> Self {
        self.title = title;
        self.url = url;
        self
    }

    /// Sets what the reader left out of the page.
    pub fn left_out(mut self, left_out: Vec<String>) -> Self {
        self.left_out = left_out;
        self
    }

    /// Sets the input line the item was on.
    pub fn line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// Sets Intercom's id of the page.
    pub fn id(mut self, id: impl Into<ExternalPageId>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Whether the page failed (including input that could not be read).
    pub fn is_failure(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }

    /// The failure, if the page failed.
    pub fn failure(&self) -> Option<&PageFailure> {
        self.outcome.failure()
    }
}

impl fmt::Display for PageReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let action = self.action;
        // An id is a file name, which may hold anything: control characters would reach the
        // terminal raw (or split the line).
        let id = escape_controls(&self.external_id);
        match &self.outcome {
            Outcome::Failed(failure) => write!(f, "{action} {id}: failed: {failure}")?,
            Outcome::Skipped { reason } => write!(f, "{action} {id}: skipped: {reason}")?,
            Outcome::Done | Outcome::Planned => write!(f, "{action} {id}")?,
        }
        if !self.left_out.is_empty() {
            const NAMED: usize = 3;
            let named: Vec<String> = self
                .left_out
                .iter()
                .take(NAMED)
                .map(|what| escape_controls(what).into_owned())
                .collect();
            write!(f, " (left out: {}", named.join(", "))?;
            match self.left_out.len().saturating_sub(NAMED) {
                0 => f.write_str(")")?,
                more => write!(f, " and {more} more)")?,
            }
        }
        Ok(())
    }
}

/// Counts by action, over the pages that succeeded (or were planned).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Counts {
    /// Pages created.
    pub created: usize,
    /// Pages updated.
    pub updated: usize,
    /// Pages left alone because they already matched.
    pub unchanged: usize,
    /// Pages deleted.
    pub deleted: usize,
    /// Pages (or input items) that failed.
    pub failed: usize,
    /// Of the failed, those a rerun may fix (transport, 5xx, 429).
    pub failed_retryable: usize,
    /// Pages (or input items) left alone on purpose.
    pub skipped: usize,
}

/// A prune that was not carried out: some input could not be read and could stand for any
/// page ([`unknown_inputs`](Self::unknown_inputs)), or it would delete too much of the
/// source. Nothing was deleted.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PruneRefused {
    /// How many pages the prune would have deleted.
    pub would_delete: usize,
    /// How many pages the source holds.
    pub existing: usize,
    /// The share of the source's pages a prune may delete, from 0 to 1.
    pub max_share: f64,
    /// The inputs whose external ids are unknown (a file that cannot be read may set any id
    /// in its front matter): any of the pages could be theirs. Empty when the prune was
    /// refused for its size.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown_inputs: Vec<String>,
}

/// A run that sent nothing because its new pages would orphan most of the source's pages:
/// the input's external ids changed wholesale (another layout, content folder or id
/// scheme), and creating them would leave the source holding every page twice.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreatesRefused {
    /// How many pages the input has that the source does not.
    pub would_create: usize,
    /// How many of the source's pages the input does not have.
    pub orphaned: usize,
    /// How many pages (distinct external ids) the source holds.
    pub existing: usize,
    /// The share of the source's pages that may be orphaned, from 0 to 1.
    pub max_share: f64,
}

/// The result of a sync: the source, and one line per page.
///
/// `Display` is the one-line summary; `Serialize` gives the whole report (the CLI's
/// `intercom sync --json`).
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct SyncReport {
    /// The content import source's id (absent in a dry run whose source does not exist yet).
    pub source_id: Option<ContentImportSourceId>,
    /// The source's URL.
    pub source_url: String,
    /// Whether this run created the source (or, in a dry run, would).
    pub source_created: bool,
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// Counts by action.
    pub counts: Counts,
    /// Set when the prune was refused (nothing was deleted): it would have deleted every
    /// page, or more than the allowed share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prune_refused: Option<PruneRefused>,
    /// Set when the run sent no write because its new pages would orphan most of the
    /// source's pages ([`SyncOptions::force_new_ids`](crate::SyncOptions::force_new_ids)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creates_refused: Option<CreatesRefused>,
    /// Whether the run was stopped before the end of its input
    /// ([`SyncOptions::stop_on`](crate::SyncOptions::stop_on)): the rest was not read, and
    /// nothing was deleted.
    pub stopped: bool,
    /// Set when the API host stopped answering during the run (the client's
    /// [`Error::Unreachable`](intercom_client::Error::Unreachable), its message here): the
    /// writes left failed at once for that reason, and nothing was deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreachable: Option<String>,
    /// One line per page: input order for the desired pages, then deletions.
    pub pages: Vec<PageReport>,
}

impl SyncReport {
    /// Whether any page failed.
    pub fn has_failures(&self) -> bool {
        self.counts.failed > 0
    }

    /// The lines that failed.
    pub fn failures(&self) -> impl Iterator<Item = &PageReport> {
        self.pages.iter().filter(|p| p.is_failure())
    }

    pub(crate) fn count(pages: &[PageReport]) -> Counts {
        let mut counts = Counts::default();
        for page in pages {
            match (&page.outcome, page.action) {
                (Outcome::Failed(failure), _) => {
                    counts.failed += 1;
                    counts.failed_retryable += usize::from(failure.is_retryable());
                }
                (Outcome::Skipped { .. }, _) => counts.skipped += 1,
                (_, PlannedAction::Create) => counts.created += 1,
                (_, PlannedAction::Update) => counts.updated += 1,
                (_, PlannedAction::Unchanged) => counts.unchanged += 1,
                (_, PlannedAction::Delete) => counts.deleted += 1,
                (_, PlannedAction::Skip) => {}
            }
        }
        counts
    }
}

impl fmt::Display for SyncReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.counts;
        let verb = if self.dry_run { "would be " } else { "" };
        write!(
            f,
            "{} pages: {} {verb}created, {} {verb}updated, {} unchanged, {} {verb}deleted, {} failed",
            self.pages.len(),
            c.created,
            c.updated,
            c.unchanged,
            c.deleted,
            c.failed
        )?;
        if c.failed > 0 {
            write!(
                f,
                " ({} may pass on a rerun, {} will not)",
                c.failed_retryable,
                c.failed - c.failed_retryable
            )?;
        }
        if c.skipped > 0 {
            write!(f, ", {} skipped", c.skipped)?;
        }
        if self.stopped {
            f.write_str("; stopped before the end of the input")?;
        }
        Ok(())
    }
}

/// `text` with control characters escaped (`\n`, `\u{1b}`), everything else as it is.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(external_id: &str, outcome: Outcome) -> PageReport {
        PageReport::new(external_id, PlannedAction::Skip, outcome)
    }

    #[test]
    fn control_characters_in_ids_are_escaped() {
        let page = line("a\u{1b}[31m\nb.md", Outcome::failed("is empty"));
        assert_eq!(
            page.to_string(),
            "skip a\\u{1b}[31m\\nb.md: failed: is empty"
        );
        assert_eq!(line("é b.md", Outcome::Done).to_string(), "skip é b.md");
    }

    #[test]
    fn a_line_number_is_in_the_json_only_when_there_is_one() {
        let bad = line("line 3", Outcome::failed("is not valid JSON")).line(Some(3));
        let json = serde_json::to_value(&bad).unwrap();
        assert_eq!(json["line"], 3);
        let file = serde_json::to_value(line("a.md", Outcome::failed("is empty"))).unwrap();
        assert!(file.get("line").is_none(), "{file}");
    }

    #[test]
    fn the_summary_tells_failures_a_rerun_may_fix_from_the_others() {
        let pages = vec![
            line("a", Outcome::failed_retryable("HTTP 503")),
            line("b", Outcome::failed("HTTP 400")),
            line("c", Outcome::failed("cannot be read")),
            line("d", Outcome::skipped("symlink")),
        ];
        let report = SyncReport {
            source_id: Some(1.into()),
            source_url: "https://x.example".into(),
            source_created: false,
            dry_run: false,
            counts: SyncReport::count(&pages),
            prune_refused: None,
            creates_refused: None,
            stopped: false,
            unreachable: None,
            pages,
        };
        assert_eq!(
            report.to_string(),
            "4 pages: 0 created, 0 updated, 0 unchanged, 0 deleted, 3 failed \
             (1 may pass on a rerun, 2 will not), 1 skipped"
        );
    }
}
