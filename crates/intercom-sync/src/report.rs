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
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
pub enum Outcome {
    /// Done (for `Unchanged`: nothing needed doing).
    Done,
    /// A dry run: nothing was sent.
    Planned,
    /// Failed; the page is as it was before the sync.
    Failed(String),
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
        matches!(self.outcome, Outcome::Failed(_))
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
        match &self.outcome {
            Outcome::Failed(reason) => write!(f, "{action} {}: failed: {reason}", self.external_id),
            _ => write!(f, "{action} {}", self.external_id),
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
                (Outcome::Failed(_), _) => counts.failed += 1,
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
        )
    }
}
