//! What a sync did (or, in a dry run, would do) with every page.

use std::fmt;

use serde::Serialize;

/// What the plan decided for one page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// How carrying out the plan went for one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
#[non_exhaustive]
pub enum Outcome {
    /// Done (for `Unchanged`: nothing needed doing).
    Done,
    /// A dry run: nothing was sent.
    Planned,
    /// Failed; the page is as it was before the sync.
    Failed {
        /// Why.
        reason: String,
        /// Whether running the sync again may fix it (a transport error, a 5xx, a 429), as
        /// opposed to a failure that will repeat until the input or the setup changes (a
        /// 400, an unreadable file).
        retryable: bool,
    },
    /// Left alone on purpose (a symlink out of the folder, a deletion a prune limit
    /// refused); the page is as it was before the sync.
    Skipped {
        /// Why.
        reason: String,
    },
}

impl Outcome {
    /// A failure that a rerun will not fix.
    pub fn failed(reason: impl Into<String>) -> Self {
        Outcome::Failed {
            reason: reason.into(),
            retryable: false,
        }
    }

    /// A failure that a rerun may fix.
    pub fn failed_retryable(reason: impl Into<String>) -> Self {
        Outcome::Failed {
            reason: reason.into(),
            retryable: true,
        }
    }
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageReport {
    /// The page's id in the source (for an unreadable file, its path).
    pub external_id: String,
    /// Intercom's id of the page, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the plan decided.
    pub action: PlannedAction,
    /// How it went.
    #[serde(flatten)]
    pub outcome: Outcome,
}

impl PageReport {
    /// Whether the page failed (including input that could not be read).
    pub fn is_failure(&self) -> bool {
        matches!(self.outcome, Outcome::Failed { .. })
    }
}

impl fmt::Display for PageReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let action = match self.action {
            PlannedAction::Create => "create",
            PlannedAction::Update => "update",
            PlannedAction::Unchanged => "unchanged",
            PlannedAction::Delete => "delete",
            PlannedAction::Skip => "skip",
        };
        // An id is a file name, which may hold anything: control characters would reach the
        // terminal raw (or split the line).
        let id = escape_controls(&self.external_id);
        match &self.outcome {
            Outcome::Failed { reason, .. } => write!(f, "{action} {id}: failed: {reason}"),
            Outcome::Skipped { reason } => write!(f, "{action} {id}: skipped: {reason}"),
            Outcome::Done | Outcome::Planned => write!(f, "{action} {id}"),
        }
    }
}

/// Counts by action, over the pages that succeeded (or were planned).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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

/// A prune that was not carried out because it would delete too much of the source.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PruneRefused {
    /// How many pages the prune would have deleted.
    pub would_delete: usize,
    /// How many pages the source holds.
    pub existing: usize,
    /// The share of the source's pages a prune may delete, from 0 to 1.
    pub max_share: f64,
}

/// The result of a sync: the source, and one line per page.
#[derive(Clone, Debug, Serialize)]
pub struct SyncReport {
    /// The content import source's id (absent in a dry run whose source does not exist yet).
    pub source_id: Option<i64>,
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
                (Outcome::Failed { retryable, .. }, _) => {
                    counts.failed += 1;
                    counts.failed_retryable += usize::from(*retryable);
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
        Ok(())
    }
}

/// `text` with control characters escaped (`\n`, `\u{1b}`), everything else as it is.
pub(crate) fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
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
        PageReport {
            external_id: external_id.into(),
            id: None,
            action: PlannedAction::Skip,
            outcome,
        }
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
    fn the_summary_tells_failures_a_rerun_may_fix_from_the_others() {
        let pages = vec![
            line("a", Outcome::failed_retryable("HTTP 503")),
            line("b", Outcome::failed("HTTP 400")),
            line("c", Outcome::failed("cannot be read")),
            line(
                "d",
                Outcome::Skipped {
                    reason: "symlink".into(),
                },
            ),
        ];
        let report = SyncReport {
            source_id: Some(1),
            source_url: "https://x.example".into(),
            source_created: false,
            dry_run: false,
            counts: SyncReport::count(&pages),
            prune_refused: None,
            pages,
        };
        assert_eq!(
            report.to_string(),
            "4 pages: 0 created, 0 updated, 0 unchanged, 0 deleted, 3 failed \
             (1 may pass on a rerun, 2 will not), 1 skipped"
        );
    }
}
