//! Carrying a sync out: ensure the source, read what it holds, classify every desired page,
//! then write the differences with bounded concurrency.
//!
//! Every write is safe to repeat: pages are upserted by (source id, external id), which the
//! API does server-side, and the source is found by URL before it is ever created. So an
//! interrupted run (killed process, network down) is resumed by running it again: nothing is
//! duplicated, and whatever was not written yet is written then.

use std::sync::{Arc, Mutex, PoisonError};

use futures::{Stream, StreamExt, TryStreamExt, stream};
use intercom_client::{
    Client, ContentImportSource, ContentImportSourceId, ExternalPage, ExternalPageId,
    ExternalPages, NewContentImportSource, NewExternalPage,
};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::desired::DesiredPage;
use crate::input::{Covers, InputItem, ItemError};
use crate::plan::{Absent, Action, ExistingPage, Planner, fingerprint};
use crate::report::{
    CreatesRefused, Outcome, PageFailure, PageReport, PlannedAction, PruneRefused, SyncReport,
};

/// How many writes a sync keeps in flight unless told otherwise.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// The share of a source's pages a prune may delete unless told otherwise: half. A prune
/// that would delete more (or every page) is refused; see [`SyncOptions::max_prune_share`].
pub const DEFAULT_MAX_PRUNE_SHARE: f64 = 0.5;

/// Called with each page's line of the report as soon as it is known (for progress bars).
pub type ProgressFn = Arc<dyn Fn(&PageReport) + Send + Sync>;

/// How a sync runs: every option has a default, and each setter says what it changes.
///
/// ```
/// use intercom_sync::SyncOptions;
///
/// let options = SyncOptions::default()
///     .prune(true)
///     .max_prune_share(0.2)?
///     .concurrency(4)?
///     .on_page(|line| eprintln!("{line}"));
/// # Ok::<(), intercom_sync::SyncError>(())
/// ```
#[derive(Clone)]
pub struct SyncOptions {
    prune: bool,
    dry_run: bool,
    concurrency: usize,
    max_prune_share: f64,
    force_prune: bool,
    force_new_ids: bool,
    strict: bool,
    stop: Option<CancellationToken>,
    on_page: Option<ProgressFn>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            prune: false,
            dry_run: false,
            concurrency: DEFAULT_CONCURRENCY,
            max_prune_share: DEFAULT_MAX_PRUNE_SHARE,
            force_prune: false,
            force_new_ids: false,
            strict: false,
            stop: None,
            on_page: None,
        }
    }
}

impl std::fmt::Debug for SyncOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncOptions")
            .field("prune", &self.prune)
            .field("dry_run", &self.dry_run)
            .field("concurrency", &self.concurrency)
            .field("max_prune_share", &self.max_prune_share)
            .field("force_prune", &self.force_prune)
            .field("force_new_ids", &self.force_new_ids)
            .field("strict", &self.strict)
            .finish_non_exhaustive()
    }
}

impl SyncOptions {
    /// Delete the source's pages that the input does not have (default: off). A page an
    /// input error item [`Covers`](crate::Covers) is never deleted, nor is anything when the
    /// prune would delete too much ([`max_prune_share`](Self::max_prune_share)).
    pub fn prune(mut self, prune: bool) -> Self {
        self.prune = prune;
        self
    }

    /// Work out and report the plan, sending no write (the source is not created either).
    pub fn dry_run(mut self, dry_run: bool) -> Self {
        self.dry_run = dry_run;
        self
    }

    /// How many writes to keep in flight; must be at least 1. Default
    /// [`DEFAULT_CONCURRENCY`]. The client paces them under the rate limit whatever the
    /// number.
    pub fn concurrency(mut self, concurrency: usize) -> Result<Self, SyncError> {
        if concurrency == 0 {
            return Err(SyncError::InvalidOption {
                option: "concurrency",
                reason: format!("must be at least 1, not {concurrency}"),
            });
        }
        self.concurrency = concurrency;
        Ok(self)
    }

    /// The share of the source's pages (0 to 1) a prune may delete; a prune that would
    /// delete more, or every page of the source, is refused (nothing is deleted, and the
    /// report says so in [`SyncReport::prune_refused`]). Default [`DEFAULT_MAX_PRUNE_SHARE`].
    /// An empty or wrong input folder is the usual cause of such a prune.
    pub fn max_prune_share(mut self, share: f64) -> Result<Self, SyncError> {
        if !(0.0..=1.0).contains(&share) {
            return Err(SyncError::InvalidOption {
                option: "max_prune_share",
                reason: format!("must be a share between 0 and 1, not {share}"),
            });
        }
        self.max_prune_share = share;
        Ok(self)
    }

    /// Carry out a prune whatever share of the source it deletes, every page included
    /// (default: off). Pages that input error items cover are still kept.
    pub fn force_prune(mut self, force: bool) -> Self {
        self.force_prune = force;
        self
    }

    /// Send the input's new pages even when they would orphan more than
    /// [`max_prune_share`](Self::max_prune_share) of the source's pages (default: off).
    ///
    /// Without it, a run whose new external ids would leave most of the source's pages
    /// behind sends nothing and says so in [`SyncReport::creates_refused`]: the ids changed
    /// wholesale (another layout, content folder or id scheme), and creating the pages would
    /// leave the source holding each one twice. Writes wait until the input shows its ids
    /// are the source's (half of them matched), or until it ends.
    pub fn force_new_ids(mut self, force: bool) -> Self {
        self.force_new_ids = force;
        self
    }

    /// Fails, instead of sending, a page whose reader left something out that it could not
    /// render ([`DesiredPage::left_out`]): its current version in Intercom is kept. Off by
    /// default: the page is sent without it, and the report names what was left out.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Stops the run early once `token` is cancelled (Ctrl-C, a shutdown): no more input is
    /// read and no new write is sent, the writes in flight finish (each within the client's
    /// deadline), nothing is deleted, and the report says it was
    /// [`stopped`](SyncReport::stopped). Running the same sync again finishes the work.
    pub fn stop_on(mut self, token: CancellationToken) -> Self {
        self.stop = Some(token);
        self
    }

    /// Calls `f` with each page's report line as soon as it is known (for progress bars), in
    /// the order the lines complete; the report itself is in input order.
    pub fn on_page(mut self, f: impl Fn(&PageReport) + Send + Sync + 'static) -> Self {
        self.on_page = Some(Arc::new(f));
        self
    }
}

/// A sync that could not run at all: nothing was written. Per-page failures are in the
/// report instead ([`PageFailure`](crate::PageFailure)).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// An option has a value that cannot work: `concurrency must be at least 1, not 0`.
    #[error("{option} {reason}")]
    InvalidOption {
        /// The option, named as the [`SyncOptions`] method that sets it (`concurrency`,
        /// `max_prune_share`).
        option: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The content import source could not be found or created.
    #[error("cannot ensure the content import source {url}: {source}")]
    Source {
        /// The source's URL.
        url: String,
        /// Why.
        source: Box<intercom_client::Error>,
    },
    /// The pages the source already holds could not be listed.
    #[error("cannot list the pages of content import source {id}: {source}")]
    ListPages {
        /// The source's id.
        id: ContentImportSourceId,
        /// Why.
        source: Box<intercom_client::Error>,
    },
}

impl SyncError {
    /// The client's error behind it, if a request failed (not for an invalid option): its
    /// status, code, request id and whether it is retryable.
    pub fn client_error(&self) -> Option<&intercom_client::Error> {
        match self {
            SyncError::Source { source, .. } | SyncError::ListPages { source, .. } => Some(source),
            SyncError::InvalidOption { .. } => None,
        }
    }
}

/// Reconciles the content import source at `source_url` with `input`, and reports what it
/// did with every page.
///
/// `input` is any [`Stream`] of [`DesiredPage`]s, or of `Result<DesiredPage, E>` for any
/// error type `E` that implements [`Display`](std::fmt::Display) (a folder's pages from
/// [`folder::read_folder`](crate::folder::read_folder), records from a CMS or a database).
/// It is read once, as the writes go out, so it can be larger than memory.
///
/// An error item is reported as a failed line and sent nowhere. With
/// [`prune`](SyncOptions::prune), it also decides what may be deleted: an [`ItemError`]
/// keeps the pages it [`Covers`], and any other error type keeps *every* page (it could
/// stand for any of them), so a run that meets one deletes nothing. Map such errors to an
/// `ItemError` naming the page (`ItemError::failed(reason).page(id)`) to let the prune go on
/// for the others.
///
/// `Err` only when the run could not start: an invalid option, or a source that could not
/// be found, created or listed ([`SyncError`]); nothing was written then. Everything else,
/// including every failed page, is in the [`SyncReport`].
///
/// ```no_run
/// use futures::stream;
/// use intercom_sync::{DesiredPage, SyncOptions};
///
/// # async fn run(client: intercom_client::Client) -> Result<(), intercom_sync::SyncError> {
/// let pages = vec![DesiredPage::new("faq").title("FAQ").html("<p>Ask away.</p>")];
/// let report =
///     intercom_sync::sync(&client, "https://help.example.com", stream::iter(pages), SyncOptions::default())
///         .await?;
/// println!("{report}");
/// # Ok(())
/// # }
/// ```
pub async fn sync<S>(
    client: &Client,
    source_url: &str,
    input: S,
    options: SyncOptions,
) -> Result<SyncReport, SyncError>
where
    S: Stream + Send,
    S::Item: InputItem,
{
    let span = tracing::info_span!(
        "intercom.sync",
        source_url,
        dry_run = options.dry_run,
        prune = options.prune
    );
    run(client, source_url, input, options)
        .instrument(span)
        .await
}

async fn run<S>(
    client: &Client,
    source_url: &str,
    input: S,
    options: SyncOptions,
) -> Result<SyncReport, SyncError>
where
    S: Stream + Send,
    S::Item: InputItem,
{
    let (source, source_created) = source(client, source_url, options.dry_run).await?;
    let existing = match &source {
        Some(source) => existing_pages(client, source.id).await?,
        None => Vec::new(),
    };
    tracing::info!(
        source_id = source.as_ref().map(|s| s.id.get()),
        existing = existing.len(),
        "planning sync"
    );

    let pages = client.external_pages().paced(options.concurrency);
    let lines = Lines::new(options.on_page.clone());
    let planner = Mutex::new(Planner::new(existing));
    let source_id = source.as_ref().map(|s| s.id);
    let writer = Writer {
        pages: &pages,
        source_id: source_id.filter(|_| !options.dry_run),
    };
    let guard = Mutex::new(NewIdGuard::new(lock(&planner).existing_ids(), &options));

    // Classify as the input streams in; only the writes go on, `concurrency` at a time,
    // once the guard lets them. A stop ends the input, and what is not sent by then stays so.
    let stop = options.stop.clone().unwrap_or_default();
    let strict = options.strict;
    let held_back = || {
        let matched = lock(&planner).matched();
        let released = match stop.is_cancelled() {
            true => Err(STOPPED.to_owned()),
            false => lock(&guard).finish(matched),
        };
        if let Err(reason) = &released {
            report_held(&lines, &mut lock(&guard), reason);
        }
        async move { released.unwrap_or_default() }
    };
    let writer = &writer;
    let stop = &stop;
    // Once the API host is unreachable (the client says so after a while of unanswered
    // attempts), the writes left fail at once, for that one reason, and nothing is deleted.
    let halted: Mutex<Option<String>> = Mutex::new(None);
    let halted = &halted;
    let sent = move |write: Write| async move {
        if stop.is_cancelled() {
            return write_line(write, Outcome::skipped(STOPPED));
        }
        if let Some(reason) = lock(halted).clone() {
            return write_line(
                write,
                Outcome::failed_retryable(format!("not sent: {reason}")),
            );
        }
        let (index, external_id, id, action) = (
            write.index,
            write.page.external_id.clone(),
            write.id.clone(),
            write.action,
        );
        let (title, url) = (write.page.title.clone(), write.page.url.clone());
        let left_out = write.page.left_out.clone();
        // Once stopped, a write still going (in flight, or waiting for the rate limit) has a
        // short while to finish; then it is left, unconfirmed.
        let given_up = async {
            stop.cancelled().await;
            tokio::time::sleep(STOP_GRACE).await;
        };
        let done = tokio::select! {
            done = writer.send(write) => done,
            () = given_up => {
                let line = line(
                    external_id,
                    id.map(ExternalPageId::new),
                    action,
                    Outcome::skipped(UNCONFIRMED),
                );
                (index, line.about(Some(title), url).left_out(left_out))
            }
        };
        if let Some(error @ intercom_client::Error::Unreachable { .. }) =
            done.1.failure().and_then(PageFailure::error)
        {
            lock(halted).get_or_insert_with(|| error.to_string());
        }
        done
    };
    input
        .take_until(stop.cancelled())
        .enumerate()
        .filter_map(|(index, item)| {
            let item = item
                .into_page()
                .and_then(|page| refuse_if_strict(strict, page));
            let write = classify(&planner, &lines, index, item);
            let released = write.map(|write| {
                let matched = lock(&planner).matched();
                lock(&guard).admit(write, matched)
            });
            async move { released }
        })
        .chain(stream::once(async {}).then(|()| held_back()))
        .flat_map(stream::iter)
        .map(sent)
        .buffer_unordered(options.concurrency)
        .for_each(|(index, line)| {
            lines.push(index, line);
            async {}
        })
        .await;

    let creates_refused = lock(&guard).refused;
    let planner = planner.into_inner().unwrap_or_else(PoisonError::into_inner);
    let existing_len = planner.existing_len();
    let absent = planner.absent();
    // Every input item has its line by now, so deletions go after them.
    let first_delete = lines.len();
    let mut prune_refused = None;
    let stopped = stop.is_cancelled();
    let unreachable = lock(halted).clone();
    if options.prune && creates_refused.is_none() && !stopped && unreachable.is_none() {
        prune_refused = refuse_prune(&options, &absent, existing_len);
        match &prune_refused {
            Some(refused) => report_refused(&lines, first_delete, absent.pages, refused),
            None => {
                stream::iter(absent.pages.into_iter().enumerate())
                    .map(|(n, page)| delete(&pages, first_delete + n, page, options.dry_run))
                    .buffer_unordered(options.concurrency)
                    .for_each(|(index, line)| {
                        lines.push(index, line);
                        async {}
                    })
                    .await;
            }
        }
    }

    let pages = lines.into_sorted();
    let counts = SyncReport::count(&pages);
    tracing::info!(
        created = counts.created,
        updated = counts.updated,
        unchanged = counts.unchanged,
        deleted = counts.deleted,
        failed = counts.failed,
        skipped = counts.skipped,
        "sync finished"
    );
    Ok(SyncReport {
        source_id,
        source_url: source.map_or_else(|| source_url.to_owned(), |s| s.url),
        source_created,
        dry_run: options.dry_run,
        counts,
        prune_refused,
        creates_refused,
        stopped,
        unreachable,
        pages,
    })
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Holds the writes back while the input's external ids might be new to a source that holds
/// pages under other ids: a run that would create pages beside most of the source's (now
/// orphaned) pages sends nothing.
struct NewIdGuard {
    /// Distinct external ids the source holds.
    existing: usize,
    max_share: f64,
    /// Whether the writes go out as they come (forced, an empty source, or enough of the
    /// input's pages matched).
    open: bool,
    held: Vec<Write>,
    creates: usize,
    refused: Option<CreatesRefused>,
}

impl NewIdGuard {
    fn new(existing: usize, options: &SyncOptions) -> Self {
        NewIdGuard {
            existing,
            max_share: options.max_prune_share,
            open: options.force_new_ids || existing == 0,
            held: Vec::new(),
            creates: 0,
            refused: None,
        }
    }

    /// Whether the source's pages the input has not matched (yet) are few enough.
    fn few_orphans(&self, matched: usize) -> bool {
        let orphaned = self.existing.saturating_sub(matched);
        orphaned as f64 <= self.max_share * self.existing as f64
    }

    /// The writes that may go now, `write` among them or held back.
    fn admit(&mut self, write: Write, matched: usize) -> Vec<Write> {
        self.creates += usize::from(write.action == PlannedAction::Create);
        self.open = self.open || self.few_orphans(matched);
        self.held.push(write);
        if self.open {
            std::mem::take(&mut self.held)
        } else {
            Vec::new()
        }
    }

    /// Once the input is done: the writes still held, or why they are not sent (they
    /// would create pages beside too many orphans).
    fn finish(&mut self, matched: usize) -> Result<Vec<Write>, String> {
        if self.open || self.creates == 0 || self.few_orphans(matched) {
            return Ok(std::mem::take(&mut self.held));
        }
        let refused = CreatesRefused {
            would_create: self.creates,
            orphaned: self.existing - matched,
            existing: self.existing,
            max_share: self.max_share,
        };
        self.refused = Some(refused);
        tracing::warn!(
            would_create = refused.would_create,
            orphaned = refused.orphaned,
            existing = refused.existing,
            "sync refused: the input's ids are new to the source"
        );
        Err(format!(
            "not sent: the input has {} pages the source does not, and lacks {} of the \
             source's {} pages; its ids changed (another layout or content folder?)",
            refused.would_create, refused.orphaned, refused.existing
        ))
    }
}

/// Why a write was not sent after the run was stopped.
const STOPPED: &str = "not sent: the run was stopped";

/// Why a write that was going when the run was stopped has no outcome.
const UNCONFIRMED: &str =
    "not confirmed: the run was stopped while it was being sent; run the sync again to finish";

/// How long the writes going when a run is stopped have to finish.
pub const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// A `skipped` line, saying why, for each write held back.
fn report_held(lines: &Lines, guard: &mut NewIdGuard, reason: &str) {
    for write in guard.held.drain(..) {
        let (index, line) = write_line(write, Outcome::skipped(reason));
        lines.push(index, line);
    }
}

/// Whether the prune of `absent` from the source's `existing` pages is refused: while an
/// input that could stand for any page could not be read (whatever the options), or when it
/// deletes all of them or more than the allowed share, unless forced.
fn refuse_prune(options: &SyncOptions, absent: &Absent, existing: usize) -> Option<PruneRefused> {
    let would_delete = absent.pages.len();
    let refused = PruneRefused {
        would_delete,
        existing,
        max_share: options.max_prune_share,
        unknown_inputs: absent.unknown_inputs.clone(),
    };
    if would_delete > 0 && !absent.unknown_inputs.is_empty() {
        return Some(refused);
    }
    let everything = would_delete > 0 && would_delete >= existing;
    let too_many = would_delete as f64 > options.max_prune_share * existing as f64;
    (!options.force_prune && (everything || too_many)).then_some(refused)
}

/// A refused prune: a `skipped` line for each page it would have deleted.
fn report_refused(
    lines: &Lines,
    first_delete: usize,
    absent: Vec<ExistingPage>,
    refused: &PruneRefused,
) {
    let reason = if refused.unknown_inputs.is_empty() {
        tracing::warn!(
            would_delete = refused.would_delete,
            existing = refused.existing,
            "prune refused: it would delete too much of the source"
        );
        format!(
            "not deleted: the prune would delete {} of the source's {} pages, more than allowed",
            refused.would_delete, refused.existing
        )
    } else {
        tracing::warn!(
            unknown_inputs = refused.unknown_inputs.len(),
            "prune refused: some input could not be read and could be any page"
        );
        format!(
            "not deleted: {} could not be read and could stand for any page",
            refused.unknown_inputs.join(", ")
        )
    };
    for (n, page) in absent.into_iter().enumerate() {
        let outcome = Outcome::skipped(reason.clone());
        let line = line(
            page.external_id,
            Some(ExternalPageId::new(page.id)),
            PlannedAction::Delete,
            outcome,
        )
        .about(None, page.url);
        lines.push(first_delete + n, line);
    }
}

/// The source, and whether this run created it. A dry run never creates it. Only an `api`
/// source is used: one synced another way is an error, and nothing is written.
async fn source(
    client: &Client,
    url: &str,
    dry_run: bool,
) -> Result<(Option<ContentImportSource>, bool), SyncError> {
    let fail = |source| SyncError::Source {
        url: url.to_owned(),
        source: Box::new(source),
    };
    let sources = client.content_import_sources();
    if dry_run {
        let found = sources.find_api_source(url).await.map_err(fail)?;
        let created = found.is_none();
        return Ok((found, created));
    }
    let ensured = sources
        .ensure_with(NewContentImportSource::new(url))
        .await
        .map_err(fail)?;
    Ok((Some(ensured.source), ensured.created))
}

/// The source's pages, as fingerprints. The API lists every page of the workspace, so
/// the other sources' pages are filtered out here.
async fn existing_pages(
    client: &Client,
    source: ContentImportSourceId,
) -> Result<Vec<ExistingPage>, SyncError> {
    client
        .external_pages()
        .list()
        .per_page(intercom_client::MAX_PER_PAGE)
        .items()
        .try_filter(|page| std::future::ready(page.source_id == source))
        .map_ok(|page| existing_page(&page))
        .try_collect()
        .await
        .map_err(|source_error| SyncError::ListPages {
            id: source,
            source: Box::new(source_error),
        })
}

fn existing_page(page: &ExternalPage) -> ExistingPage {
    ExistingPage {
        id: page.id.as_str().to_owned(),
        external_id: page.external_id.clone(),
        fingerprint: fingerprint(&page.title, &page.html, page.url.as_deref()),
        url: page.url.clone(),
        ai_agent_availability: page.ai_agent_availability,
        ai_copilot_availability: page.ai_copilot_availability,
    }
}

/// A page that needs a write.
struct Write {
    index: usize,
    action: PlannedAction,
    /// The source's page, for an update.
    id: Option<String>,
    page: DesiredPage,
}

/// Under [`SyncOptions::strict`], a page with something left out is an item that failed,
/// covering its page.
fn refuse_if_strict(strict: bool, page: DesiredPage) -> Result<DesiredPage, ItemError> {
    if !strict || page.left_out.is_empty() {
        return Ok(page);
    }
    let reason = format!(
        "left out what it could not render ({}), so with --strict it is not sent",
        page.left_out.join(", ")
    );
    Err(ItemError::failed(reason).page(page.external_id))
}

fn classify(
    planner: &Mutex<Planner>,
    lines: &Lines,
    index: usize,
    item: Result<DesiredPage, ItemError>,
) -> Option<Write> {
    let mut page = match item {
        Ok(page) => page,
        Err(error) => {
            let kept = match &error.covers {
                Covers::Page(_) => "its page is kept",
                Covers::Folder(_) => "the pages under it are kept",
                Covers::All => "it could stand for any page, so no page is deleted",
                Covers::Nothing => "it keeps no page",
            };
            let name = error
                .name
                .unwrap_or_else(|| format!("input item {}", index + 1));
            let outcome = if error.skipped && error.covers == Covers::Nothing {
                Outcome::skipped(error.reason)
            } else if error.skipped {
                Outcome::skipped(format!("{}; {kept}", error.reason))
            } else {
                tracing::warn!(item = %name, reason = %error.reason, "input item failed; {kept}");
                Outcome::failed(format!("{}; {kept}", error.reason))
            };
            lock(planner).unknown(error.covers, &name);
            lines.push(
                index,
                line(name, None, PlannedAction::Skip, outcome).line(error.line),
            );
            return None;
        }
    };
    let action = lock(planner).classify(&mut page);
    let (action, id) = match action {
        Action::Unchanged(id) => {
            lines.push(
                index,
                line(
                    page.external_id,
                    Some(ExternalPageId::new(id)),
                    PlannedAction::Unchanged,
                    Outcome::Done,
                )
                .about(Some(page.title), page.url)
                .left_out(page.left_out),
            );
            return None;
        }
        Action::DuplicateInInput => {
            let reason = "the input has this external id more than once; only the first is sent";
            lines.push(
                index,
                line(
                    page.external_id,
                    None,
                    PlannedAction::Skip,
                    Outcome::failed(reason),
                ),
            );
            return None;
        }
        Action::Create => (PlannedAction::Create, None),
        Action::Update(id) => (PlannedAction::Update, Some(id)),
    };
    Some(Write {
        index,
        action,
        id,
        page,
    })
}

fn new_page(source_id: ContentImportSourceId, page: DesiredPage) -> NewExternalPage {
    let mut new = NewExternalPage::new(source_id, page.external_id)
        .title(page.title)
        .html(page.html);
    if let Some(url) = page.url {
        new = new.url(url);
    }
    if let Some(available) = page.ai_agent_availability {
        new = new.ai_agent_availability(available);
    }
    if let Some(available) = page.ai_copilot_availability {
        new = new.ai_copilot_availability(available);
    }
    new
}

/// Carries out the writes: upserts into the source, or in a dry run (or before the source
/// exists) a `planned` line.
struct Writer<'a> {
    pages: &'a ExternalPages,
    /// `None`: nothing is sent.
    source_id: Option<ContentImportSourceId>,
}

impl Writer<'_> {
    async fn send(&self, write: Write) -> (usize, PageReport) {
        let Write {
            index,
            action,
            id,
            page,
        } = write;
        let external_id = page.external_id.clone();
        let (title, url) = (Some(page.title.clone()), page.url.clone());
        let left_out = page.left_out.clone();
        let Some(source_id) = self.source_id else {
            let line = line(
                external_id,
                id.map(ExternalPageId::new),
                action,
                Outcome::Planned,
            );
            return (index, line.about(title, url).left_out(left_out));
        };
        let line = match self.pages.upsert(new_page(source_id, page)).await {
            Ok(page) => line(external_id, Some(page.id), action, Outcome::Done),
            Err(error) => {
                let failure = failed(&external_id, action, error);
                line(external_id, None, action, Outcome::Failed(failure))
            }
        };
        (index, line.about(title, url).left_out(left_out))
    }
}

async fn delete(
    pages: &ExternalPages,
    index: usize,
    page: ExistingPage,
    dry_run: bool,
) -> (usize, PageReport) {
    let outcome = if dry_run {
        Outcome::Planned
    } else {
        match pages.delete(&ExternalPageId::new(page.id.clone())).await {
            Ok(_) => Outcome::Done,
            // Gone already (an earlier, interrupted run deleted it): that is the goal.
            Err(error) if error.status_code() == Some(404) => Outcome::Done,
            Err(error) => Outcome::Failed(failed(&page.external_id, PlannedAction::Delete, error)),
        }
    };
    (
        index,
        line(
            page.external_id,
            Some(ExternalPageId::new(page.id)),
            PlannedAction::Delete,
            outcome,
        )
        .about(None, page.url),
    )
}

/// A write that failed, logged with what identifies it.
fn failed(external_id: &str, action: PlannedAction, error: intercom_client::Error) -> PageFailure {
    let failure = PageFailure::from(error);
    tracing::warn!(
        external_id,
        action = action.as_str(),
        status = failure.status(),
        code = failure.code(),
        request_id = failure.request_id(),
        retryable = failure.is_retryable(),
        "page failed: {failure}"
    );
    failure
}

fn line(
    external_id: String,
    id: Option<ExternalPageId>,
    action: PlannedAction,
    outcome: Outcome,
) -> PageReport {
    PageReport {
        external_id,
        line: None,
        id,
        action,
        title: None,
        url: None,
        left_out: Vec::new(),
        outcome,
    }
}

/// The line of a write, with the page's title and URL.
fn write_line(write: Write, outcome: Outcome) -> (usize, PageReport) {
    let Write {
        index,
        action,
        id,
        page,
    } = write;
    let line = line(
        page.external_id,
        id.map(ExternalPageId::new),
        action,
        outcome,
    )
    .about(Some(page.title), page.url)
    .left_out(page.left_out);
    (index, line)
}

/// The report's lines as they come in (in completion order), told to the progress callback.
/// Each carries its position in the report: the input's index for desired pages, after
/// them for deletions.
struct Lines {
    lines: Mutex<Vec<(usize, PageReport)>>,
    on_page: Option<ProgressFn>,
}

impl Lines {
    fn new(on_page: Option<ProgressFn>) -> Self {
        Self {
            lines: Mutex::new(Vec::new()),
            on_page,
        }
    }

    fn push(&self, index: usize, line: PageReport) {
        if let Some(on_page) = &self.on_page {
            on_page(&line);
        }
        self.lines
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((index, line));
    }

    /// How many lines so far: once the input is done, one per input item.
    fn len(&self) -> usize {
        self.lines
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    fn into_sorted(self) -> Vec<PageReport> {
        let mut lines = self
            .lines
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        lines.sort_by_key(|(index, _)| *index);
        lines.into_iter().map(|(_, line)| line).collect()
    }
}
