//! `ExternalPages::upsert_each` and `upsert_all`: bulk create-or-update, an outcome for every
//! page as it finishes, or a report of them all at the end.

use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use futures::{Stream, StreamExt};

use crate::call::Call;
use crate::error::Error;
use crate::request::NewExternalPage;
use intercom_openapi::ids::{ContentImportSourceId, ExternalPageId};
use intercom_openapi::types::ExternalPage;

/// Sends `upsert(page)` for every page of `pages`, at most `concurrency` at a time, and
/// yields every page's outcome as it finishes; after a 401 or 403 the pages not yet sent are
/// skipped.
pub(crate) fn upsert_each<S, F>(
    pages: S,
    concurrency: usize,
    upsert: F,
) -> impl Stream<Item = UpsertOutcome> + Send
where
    S: Stream<Item = NewExternalPage> + Send,
    F: Fn(NewExternalPage) -> Call<ExternalPage> + Send + Sync,
{
    let halted: Arc<Mutex<Option<String>>> = Arc::default();
    pages
        .enumerate()
        .map(move |(index, page)| {
            let (source_id, external_id) = (page.source_id, page.external_id.clone());
            // A call sends nothing until awaited: made here, it is sent only if no earlier
            // page halted the run.
            let call = upsert(page);
            let halted = Arc::clone(&halted);
            async move {
                UpsertOutcome {
                    index,
                    source_id,
                    external_id,
                    result: upsert_one(call, &halted).await,
                }
            }
        })
        .buffer_unordered(concurrency.max(1))
}

/// Every page's outcome of [`upsert_each`], in input order, and a log line of the counts.
pub(crate) async fn upsert_all<S, F>(pages: S, concurrency: usize, upsert: F) -> UpsertReport
where
    S: Stream<Item = NewExternalPage> + Send,
    F: Fn(NewExternalPage) -> Call<ExternalPage> + Send + Sync,
{
    let mut outcomes: Vec<UpsertOutcome> = upsert_each(pages, concurrency, upsert).collect().await;
    outcomes.sort_by_key(|outcome| outcome.index);
    let report = UpsertReport { outcomes };
    tracing::info!(
        upserted = report.upserted(),
        failed = report.failed(),
        skipped = report.skipped(),
        "upsert_all finished"
    );
    report
}

/// Awaits `call` unless an earlier page halted the run; a 401 or 403 halts it.
async fn upsert_one(
    call: impl Future<Output = Result<ExternalPage, Error>>,
    halted: &Mutex<Option<String>>,
) -> UpsertResult {
    if let Some(reason) = halted
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
    {
        return UpsertResult::Skipped { reason };
    }
    match call.await {
        Ok(upserted) => UpsertResult::Upserted { id: upserted.id },
        Err(error) => {
            if matches!(error.status_code(), Some(401 | 403)) {
                let mut halted = halted.lock().unwrap_or_else(PoisonError::into_inner);
                halted.get_or_insert_with(|| {
                    format!("not sent: an earlier page failed with {error}")
                });
            }
            UpsertResult::Failed(error)
        }
    }
}

/// What [`ExternalPages::upsert_all`](crate::ExternalPages::upsert_all) did with every page.
#[derive(Debug)]
#[non_exhaustive]
pub struct UpsertReport {
    outcomes: Vec<UpsertOutcome>,
}

impl UpsertReport {
    /// One outcome per input page, in input order.
    pub fn outcomes(&self) -> &[UpsertOutcome] {
        &self.outcomes
    }

    /// The outcomes, owned.
    pub fn into_outcomes(self) -> Vec<UpsertOutcome> {
        self.outcomes
    }

    /// The outcomes that are not [`UpsertResult::Upserted`].
    pub fn failures(&self) -> impl Iterator<Item = &UpsertOutcome> {
        self.outcomes
            .iter()
            .filter(|o| !matches!(o.result, UpsertResult::Upserted { .. }))
    }

    /// How many pages were upserted.
    pub fn upserted(&self) -> usize {
        self.count(|r| matches!(r, UpsertResult::Upserted { .. }))
    }

    /// How many pages failed (validation or the call).
    pub fn failed(&self) -> usize {
        self.count(|r| matches!(r, UpsertResult::Failed(_)))
    }

    /// How many pages were not sent after a 401 or 403.
    pub fn skipped(&self) -> usize {
        self.count(|r| matches!(r, UpsertResult::Skipped { .. }))
    }

    /// Whether every page was upserted.
    pub fn is_success(&self) -> bool {
        self.upserted() == self.outcomes.len()
    }

    fn count(&self, pred: impl Fn(&UpsertResult) -> bool) -> usize {
        self.outcomes.iter().filter(|o| pred(&o.result)).count()
    }
}

impl fmt::Display for UpsertReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} pages: {} upserted, {} failed, {} skipped",
            self.outcomes.len(),
            self.upserted(),
            self.failed(),
            self.skipped()
        )
    }
}

/// What happened to one page of [`ExternalPages::upsert_all`](crate::ExternalPages::upsert_all).
#[derive(Debug)]
#[non_exhaustive]
pub struct UpsertOutcome {
    /// The page's position in the input, from 0.
    pub index: usize,
    /// The page's source.
    pub source_id: ContentImportSourceId,
    /// The page's id in its source.
    pub external_id: String,
    /// The outcome.
    pub result: UpsertResult,
}

/// The outcome for one page.
#[derive(Debug)]
#[non_exhaustive]
pub enum UpsertResult {
    /// Created or updated; Intercom's id for it.
    Upserted {
        /// The page's id.
        id: ExternalPageId,
    },
    /// Not upserted: invalid (nothing sent) or the call failed.
    Failed(Error),
    /// Not sent, because an earlier page showed that the token cannot write pages.
    Skipped {
        /// Why.
        reason: String,
    },
}
