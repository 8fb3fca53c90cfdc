//! `/ai/content_import_sources`: list, get, create, update, delete, each the generated
//! operation sent by the client's transport, and `ensure` (find-or-create, without
//! duplicates; its rules are `ensure.rs`).

use std::future::Future;

use futures::TryStreamExt;
use tokio::time::Instant;
use url::Url;

use intercom_openapi::operations::{
    CreateContentImportSource, DeleteContentImportSource, GetContentImportSource,
    ListContentImportSources, UpdateContentImportSource,
};
use intercom_openapi::types::ContentImportSource;

use crate::call::Call;
use crate::client::Client;
use crate::ensure::{Ensured, answer_lost, fate_unknown, source_key};
use crate::error::{Error, Result};
use crate::pagination::List;
use crate::request::{ContentImportSourceUpdate, NewContentImportSource};
use crate::validate;
use crate::version::ApiVersion;
use intercom_openapi::ids::ContentImportSourceId;
use intercom_openapi::open_enums::SyncBehavior;

/// Content import sources; from [`Client::content_import_sources`].
///
/// A source is where external pages come from, one per site or folder you sync. Most code
/// needs only [`ensure`](Self::ensure): the `api` source at a URL, created if there is none,
/// never twice.
///
/// ```
/// # use intercom_fake::FakeIntercom;
/// use intercom_client::prelude::*;
/// use intercom_client::SyncBehavior;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = FakeIntercom::builder().token("t").start().await?;
/// # let client = Client::builder().token("t").base_url(fake.base_url()).build()?;
/// let sources = client.content_import_sources();
///
/// let docs = sources.ensure("https://docs.example.com").await?;
/// assert_eq!(docs.sync_behavior, SyncBehavior::Api);
/// let again = sources.ensure("https://docs.example.com").await?;
/// assert_eq!(again.id, docs.id, "found, not created twice");
///
/// let blog = sources.create(NewContentImportSource::new("https://blog.example.com")).await?;
/// let urls: Vec<String> = sources.list().items().map_ok(|s| s.url).try_collect().await?;
/// assert_eq!(urls, ["https://docs.example.com", "https://blog.example.com"]);
///
/// sources.delete(blog.id).await?;
/// assert_eq!(sources.list().items().try_collect::<Vec<_>>().await?.len(), 1);
/// # fake.shutdown().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ContentImportSources {
    pub(crate) client: Client,
    pub(crate) version: Option<ApiVersion>,
}

impl Client {
    /// Content import sources: the places external pages come from.
    pub fn content_import_sources(&self) -> ContentImportSources {
        ContentImportSources {
            client: self.clone(),
            version: None,
        }
    }
}

impl ContentImportSources {
    /// Sends this handle's calls with `version` instead of the client's.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// use intercom_client::{ApiVersion, NewContentImportSource};
    ///
    /// // `audience_ids` is documented under Preview only.
    /// let source = client
    ///     .content_import_sources()
    ///     .api_version(ApiVersion::Preview)
    ///     .create(NewContentImportSource::new("https://help.example.com").audience_ids([5678]))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// Every source: `.first_page()`, `.pages()` or `.items()`.
    pub fn list(&self) -> List<ContentImportSource> {
        let all = ListContentImportSources {
            page: None,
            per_page: None,
        };
        List::of(&self.client, &all, self.version.clone())
    }

    /// One source.
    pub fn get(&self, id: ContentImportSourceId) -> Call<ContentImportSource> {
        let get = GetContentImportSource { id };
        self.client.call(Ok(get), self.version.clone(), false)
    }

    /// Creates a source. Not idempotent, so never retried: a failure may or may not have
    /// created it. [`ensure`](Self::ensure) finds-or-creates without duplicates.
    pub fn create(&self, source: NewContentImportSource) -> Call<ContentImportSource> {
        let create = source
            .to_body()
            .map(|body| CreateContentImportSource { body });
        self.client.call(create, self.version.clone(), false)
    }

    /// Updates a source.
    pub fn update(
        &self,
        id: ContentImportSourceId,
        update: ContentImportSourceUpdate,
    ) -> Call<ContentImportSource> {
        let update = update
            .to_body()
            .map(|body| UpdateContentImportSource { id, body });
        self.client.call(update, self.version.clone(), false)
    }

    /// Deletes a source, and with it every external page imported from it.
    pub fn delete(&self, id: ContentImportSourceId) -> Call<()> {
        let delete = DeleteContentImportSource { id };
        self.client.call(Ok(delete), self.version.clone(), false)
    }

    /// The source whose URL is `url` (same scheme, host, port, path and query; a trailing `/`
    /// does not count), looking through every page. When several have it (concurrent
    /// creates), the oldest: the one every run converges on.
    pub fn find_by_url(
        &self,
        url: &str,
    ) -> impl Future<Output = Result<Option<ContentImportSource>>> + Send + use<> {
        let (sources, url) = (self.clone(), url.to_owned());
        async move { Ok(sources.all_by_url(&url).await?.into_iter().next()) }
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
    pub fn find_api_source(
        &self,
        url: &str,
    ) -> impl Future<Output = Result<Option<ContentImportSource>>> + Send + use<> {
        let (sources, url) = (self.clone(), url.to_owned());
        async move { sources.api_source(&url).await }
    }

    async fn api_source(&self, url: &str) -> Result<Option<ContentImportSource>> {
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
    pub fn ensure(
        &self,
        url: &str,
    ) -> impl Future<Output = Result<ContentImportSource>> + Send + use<> {
        let ensured = self.ensure_with(NewContentImportSource::new(url));
        async move { Ok(ensured.await?.source) }
    }

    /// [`ensure`](Self::ensure), creating the source with these settings if it is missing,
    /// and saying whether this call created the source it returns.
    pub fn ensure_with(
        &self,
        source: NewContentImportSource,
    ) -> impl Future<Output = Result<Ensured>> + Send + use<> {
        self.clone().ensure_owned(source)
    }

    async fn ensure_owned(self, source: NewContentImportSource) -> Result<Ensured> {
        source.validate()?;
        let policy = self.client.retry_policy().clone();
        let mut attempt = 1;
        // When the last create's answer was lost, when it was sent: the server may still be
        // working on it, so the source may yet appear.
        let mut in_flight_since: Option<Instant> = None;
        loop {
            if let Some(found) = self.api_source(&source.url).await? {
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
                return match self.api_source(&source.url).await? {
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
        let oldest = match self.api_source(&created.url).await? {
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
