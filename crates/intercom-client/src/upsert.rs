//! Writes that never duplicate: `ContentImportSources::ensure` (find-or-create a source by URL)
//! and `ExternalPages::upsert_all` (bulk create-or-update, with a report of every page).

use std::fmt;
use std::sync::{Mutex, PoisonError};

use futures::{Stream, StreamExt, TryStreamExt};
use tokio::time::Instant;
use url::Url;

use crate::SyncBehavior;
use crate::error::{Error, Result};
use crate::request::{NewContentImportSource, NewExternalPage};
use crate::resources::{ContentImportSources, ExternalPages};
use crate::validate;
use intercom_openapi::ids::{ContentImportSourceId, ExternalPageId};
use intercom_openapi::types::ContentImportSource;

impl ContentImportSources {
    /// The source whose URL is `url` (same scheme, host, port, path and query; a trailing `/`
    /// does not count), looking through every page. When several have it (concurrent
    /// creates), the oldest: the one every run converges on.
    pub async fn find_by_url(&self, url: &str) -> Result<Option<ContentImportSource>> {
        Ok(self.all_by_url(url).await?.into_iter().next())
    }

    /// Every source whose URL is `url`, oldest (lowest id) first. A listing that cannot be
    /// read to its end is an error, never "not there".
    async fn all_by_url(&self, url: &str) -> Result<Vec<ContentImportSource>> {
        let wanted = source_key(&validate::absolute_url("url", url)?);
        let mut found: Vec<_> = self
            .list()
            .per_page(validate::MAX_PER_PAGE)
            .items()
            .try_filter(|source| {
                let same = Url::parse(&source.url).is_ok_and(|u| source_key(&u) == wanted);
                std::future::ready(same)
            })
            .try_collect()
            .await?;
        found.sort_by_key(|source: &ContentImportSource| source.id.get());
        Ok(found)
    }

    /// The oldest `api` source at `url`, if any; a source at the URL that is synced another
    /// way is an error naming it, so nothing is written into a crawled source and no second
    /// source is created beside it.
    pub async fn find_api_source(&self, url: &str) -> Result<Option<ContentImportSource>> {
        let found = self.all_by_url(url).await?;
        if let Some(other) = found.iter().find(|s| s.sync_behavior != SyncBehavior::Api) {
            return Err(Error::NotAnApiSource {
                id: other.id,
                url: other.url.clone(),
                sync_behavior: other.sync_behavior.clone(),
            });
        }
        Ok(found.into_iter().next())
    }

    /// The source at `url`, created (synced through the API) if there is none.
    ///
    /// Only an `api` source is used: a source at the URL with another `sync_behavior` (a
    /// crawled website) is [`Error::NotAnApiSource`], and nothing is created.
    ///
    /// Creating a source is not idempotent, so a create that fails in a way that leaves its
    /// fate unknown (a 5xx, a timeout, a dropped connection, a garbled success) is never simply
    /// sent again: the sources are listed again first, and the create is repeated only if the
    /// source is still not there. Attempts and backoff follow the client's retry policy. A
    /// create that fails for sure (400, 401, 403, 422 …) is reported at once.
    ///
    /// Runs that ensure one URL at the same time converge on one source: after a create, the
    /// sources are listed again, and if an older one has the URL, the new (still empty) one
    /// is deleted and the older one returned.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// let source = client.content_import_sources().ensure("https://help.example.com").await?;
    /// println!("source {} at {}", source.id, source.url);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn ensure(&self, url: &str) -> Result<ContentImportSource> {
        Ok(self
            .ensure_with(NewContentImportSource::new(url))
            .await?
            .source)
    }

    /// [`ensure`](Self::ensure), creating the source with these settings if it is missing,
    /// and saying whether this call created the source it returns.
    pub async fn ensure_with(&self, source: NewContentImportSource) -> Result<Ensured> {
        source.validate()?;
        let policy = self.client.retry_policy().clone();
        let mut attempt = 1;
        // When the last create's answer was lost, when it was sent: the server may still be
        // working on it, so the source may yet appear.
        let mut in_flight_since: Option<Instant> = None;
        loop {
            if let Some(found) = self.find_api_source(&source.url).await? {
                tracing::debug!(id = %found.id, "content import source already exists");
                return Ok(Ensured::found(found));
            }
            if let Some(sent) = in_flight_since
                && sent.elapsed() < policy.settle_time()
            {
                // Not there yet, but a lost create may still land: look again, don't create.
                let wait = policy
                    .backoff(attempt, rand::random::<f64>())
                    .min(policy.settle_time() - sent.elapsed());
                tracing::debug!(
                    wait_ms = wait.as_millis() as u64,
                    "waiting for a lost create to land"
                );
                tokio::time::sleep(wait).await;
                continue;
            }
            let sent = Instant::now();
            let error = match self.create(source.clone()).await {
                Ok(created) => {
                    tracing::info!(id = %created.id, "created content import source");
                    return self.converge(created).await;
                }
                Err(e) if !fate_unknown(&e) => return Err(e),
                Err(e) => e,
            };
            in_flight_since = answer_lost(&error).then_some(sent);
            if attempt >= policy.max_attempts() {
                // The last create may still have gone through: look once more.
                return match self.find_api_source(&source.url).await? {
                    Some(found) => Ok(Ensured::found(found)),
                    None => Err(error),
                };
            }
            let delay = match &error {
                Error::RateLimited {
                    retry_after: Some(wait),
                    ..
                } => *wait,
                _ => policy.backoff(attempt, rand::random::<f64>()),
            };
            tracing::warn!(
                attempt,
                delay_ms = delay.as_millis() as u64,
                error = %error,
                "creating the content import source failed; looking again before another try"
            );
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// After creating `created`: if an older `api` source has the URL (another run created
    /// it at the same time), deletes `created` (nothing has been written into it) and returns
    /// the older one. Every run's look after its own create sees every older source, so all
    /// of them settle on the oldest.
    async fn converge(&self, created: ContentImportSource) -> Result<Ensured> {
        let oldest = match self.find_api_source(&created.url).await? {
            Some(oldest) if oldest.id.get() < created.id.get() => oldest,
            _ => return Ok(Ensured::created(created)),
        };
        tracing::info!(
            created = %created.id,
            kept = %oldest.id,
            "another run created this source first; deleting the duplicate just created"
        );
        match self.delete(created.id).await {
            Ok(()) => Ok(Ensured::found(oldest)),
            // Gone already: nothing to clean up.
            Err(e) if e.status().map(|s| s.as_u16()) == Some(404) => Ok(Ensured::found(oldest)),
            Err(e) => Err(e),
        }
    }
}

/// What [`ContentImportSources::ensure_with`] returns: the source, and whether this call
/// created it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Ensured {
    /// The source to use.
    pub source: ContentImportSource,
    /// Whether this call created it (`false` when it was there, or another run's was kept).
    pub created: bool,
}

impl Ensured {
    fn found(source: ContentImportSource) -> Self {
        Ensured {
            source,
            created: false,
        }
    }

    fn created(source: ContentImportSource) -> Self {
        Ensured {
            source,
            created: true,
        }
    }
}

/// Whether the server may still be processing the request: it was sent, but no answer came
/// back from the server itself (a timeout, a connection broken after sending, a gateway's 502
/// or 504). A connection that was never made sent nothing.
fn answer_lost(error: &Error) -> bool {
    match error {
        Error::Timeout { .. } => true,
        Error::Transport { source, .. } => !source.is_connect(),
        _ => matches!(error.status().map(|s| s.as_u16()), Some(502 | 504)),
    }
}

/// Whether a failed create may have created the source anyway, or may succeed later.
fn fate_unknown(error: &Error) -> bool {
    error.is_retryable() || matches!(error, Error::Decode { status, .. } if status.is_success())
}

/// What makes two source URLs the same source.
fn source_key(url: &Url) -> String {
    format!(
        "{}://{}:{}{}?{}",
        url.scheme(),
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or_default(),
        url.path().trim_end_matches('/'),
        url.query().unwrap_or_default()
    )
}

impl ExternalPages {
    /// Upserts every page of `pages`, at most `concurrency` at a time (at least 1), paced to
    /// stay under the rate limit, and reports what happened to each one, in input order.
    ///
    /// Nothing is dropped: a page that fails validation is reported without being sent, a
    /// failed call is reported with its error (after the client's retries), and once a call
    /// fails with 401 or 403 (which every other page would too) the pages not yet sent are
    /// reported as skipped.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) {
    /// use futures::stream;
    /// use intercom_client::{ContentImportSourceId, NewExternalPage};
    ///
    /// let source = ContentImportSourceId::new(44);
    /// let pages = (1..=100).map(|n| {
    ///     NewExternalPage::new(source, format!("doc-{n}")).title(format!("Doc {n}")).html("<p>…</p>")
    /// });
    /// let report = client.external_pages().upsert_all(stream::iter(pages), 8).await;
    /// println!("{report}");
    /// for failure in report.failures() {
    ///     eprintln!("{}: {:?}", failure.external_id, failure.result);
    /// }
    /// # }
    /// ```
    pub async fn upsert_all<S>(&self, pages: S, concurrency: usize) -> UpsertReport
    where
        S: Stream<Item = NewExternalPage> + Send,
    {
        let concurrency = concurrency.max(1);
        let halted: Mutex<Option<String>> = Mutex::new(None);
        let halted = &halted;
        let mut outcomes: Vec<UpsertOutcome> = pages
            .enumerate()
            .map(|(index, page)| async move {
                let result = self.upsert_one(&page, concurrency, halted).await;
                UpsertOutcome {
                    index,
                    source_id: page.source_id,
                    external_id: page.external_id.clone(),
                    result,
                }
            })
            .buffer_unordered(concurrency)
            .collect()
            .await;
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

    async fn upsert_one(
        &self,
        page: &NewExternalPage,
        concurrency: usize,
        halted: &Mutex<Option<String>>,
    ) -> UpsertResult {
        if let Some(reason) = halted
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        {
            return UpsertResult::Skipped { reason };
        }
        match self.upsert_request(page, Some(concurrency as u64)).await {
            Ok(upserted) => UpsertResult::Upserted { id: upserted.id },
            Err(error) => {
                if matches!(error.status().map(|s| s.as_u16()), Some(401 | 403)) {
                    let mut halted = halted.lock().unwrap_or_else(PoisonError::into_inner);
                    halted.get_or_insert_with(|| {
                        format!("not sent: an earlier page failed with {error}")
                    });
                }
                UpsertResult::Failed(error)
            }
        }
    }
}

/// What [`ExternalPages::upsert_all`] did with every page.
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

/// What happened to one page of [`ExternalPages::upsert_all`].
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_urls_match_ignoring_a_trailing_slash_and_case() {
        let key = |s: &str| source_key(&Url::parse(s).unwrap());
        assert_eq!(
            key("https://Help.Example.com"),
            key("https://help.example.com/")
        );
        assert_eq!(
            key("https://help.example.com/docs/"),
            key("https://help.example.com:443/docs")
        );
        assert_ne!(
            key("https://help.example.com/docs"),
            key("https://help.example.com/blog")
        );
        assert_ne!(
            key("http://help.example.com"),
            key("https://help.example.com")
        );
    }
}
