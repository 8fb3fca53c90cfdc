//! `/ai/external_pages`: list, get, create (upsert), update, delete, each the generated
//! operation sent by the client's transport, and `upsert_all` (run by `upsert.rs`).

use intercom_openapi::operations::{
    CreateExternalPage, DeleteExternalPage, GetExternalPage, ListExternalPages, UpdateExternalPage,
};
use intercom_openapi::types::ExternalPage;

use std::future::Future;

use std::future::ready;

use futures::{Stream, TryStreamExt};

use crate::call::Call;
use crate::client::Client;
use crate::error::Result;
use crate::pagination::List;
use crate::request::{ExternalPageUpdate, NewExternalPage};
use crate::upsert::{self, UpsertOutcome, UpsertReport};
use crate::validate::MAX_PER_PAGE;
use crate::version::ApiVersion;
use intercom_openapi::ids::{ContentImportSourceId, ExternalPageId};

/// External pages; from [`Client::external_pages`].
///
/// A page belongs to a content import source and is known by its `external_id` there, so
/// [`upsert`](Self::upsert) with the same `external_id` updates the page instead of adding
/// one. [`upsert_all`](Self::upsert_all) does a whole set, paced at the rate limit.
///
/// ```
/// # use intercom_fake::FakeIntercom;
/// use intercom_client::prelude::*;
/// use intercom_client::ExternalPage;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = FakeIntercom::builder().token("t").start().await?;
/// # let client = Client::builder().token("t").base_url(fake.base_url()).build()?;
/// let source = client.content_import_sources().ensure("https://docs.example.com").await?;
/// let pages = client.external_pages();
///
/// let page = |title: &str| {
///     NewExternalPage::new(source.id, "refunds")
///         .title(title)
///         .html("<p>Refunds take 5 days.</p>")
///         .url("https://docs.example.com/refunds")
/// };
/// let first = pages.upsert(page("Refunds")).await?;
/// let second = pages.upsert(page("Refunds and returns")).await?;
/// assert_eq!(second.id, first.id, "the same external_id is the same page");
/// assert_eq!(pages.get(&first.id).await?.title, "Refunds and returns");
///
/// let all: Vec<ExternalPage> = pages.list().items().try_collect().await?;
/// assert_eq!(all.len(), 1);
///
/// pages.delete(&first.id).await?;
/// assert!(pages.get(&first.id).await.is_err_and(|e| e.status_code() == Some(404)));
/// # fake.shutdown().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ExternalPages {
    pub(crate) client: Client,
    pub(crate) version: Option<ApiVersion>,
    /// Bulk work: every write waits for its place under the rate limit.
    pub(crate) paced: bool,
}

impl Client {
    /// External pages: the content Fin answers from.
    pub fn external_pages(&self) -> ExternalPages {
        ExternalPages {
            client: self.clone(),
            version: None,
            paced: false,
        }
    }
}

impl ExternalPages {
    /// Paces this handle's writes (upsert, delete) as bulk work: each waits for its place
    /// under the rate limit, worked out from the last `X-RateLimit-Remaining`/`Reset` less the
    /// calls still in flight, so that many calls at once stay under the limit instead of
    /// bouncing off 429s. The pacer counts the calls in flight as they go, so `in_flight` (how
    /// many you send at once) does not change its decisions. [`upsert_all`](Self::upsert_all)
    /// paces by itself.
    pub fn paced(mut self, in_flight: usize) -> Self {
        let _ = in_flight;
        self.paced = true;
        self
    }

    /// Sends this handle's calls with `version` instead of the client's.
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// Every page of every content import source of the workspace: `.first_page()`,
    /// `.pages()` or `.items()`; [`List::source`] keeps one source's.
    pub fn list(&self) -> List<ExternalPage> {
        let all = ListExternalPages {
            page: None,
            per_page: None,
        };
        List::of(&self.client, &all, self.version.clone())
    }

    /// One page.
    pub fn get(&self, id: &ExternalPageId) -> Call<ExternalPage> {
        let get = GetExternalPage { id: id.clone() };
        self.client.call(Ok(get), self.version.clone(), false)
    }

    /// Creates a page, or updates the source's page with the same `external_id`. The same
    /// call as [`upsert`](Self::upsert).
    pub fn create(&self, page: NewExternalPage) -> Call<ExternalPage> {
        self.upsert(page)
    }

    /// Creates or updates the page by (`source_id`, `external_id`), which the server does in
    /// one call. Retried like any idempotent call: sending it twice changes nothing.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// use intercom_client::{ContentImportSourceId, NewExternalPage};
    ///
    /// let page = client
    ///     .external_pages()
    ///     .upsert(
    ///         NewExternalPage::new(ContentImportSourceId::new(44), "abc1234").title("Test").html("<h1>Test</h1>")
    ///             .url("https://www.example.com"),
    ///     )
    ///     .await?;
    /// println!("page {}", page.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn upsert(&self, page: NewExternalPage) -> Call<ExternalPage> {
        self.client
            .call(upsert_of(&page), self.version.clone(), self.paced)
    }

    /// Updates a page created through the API.
    pub fn update(&self, id: &ExternalPageId, update: ExternalPageUpdate) -> Call<ExternalPage> {
        let update = update.to_body().map(|body| UpdateExternalPage {
            id: id.clone(),
            body,
        });
        self.client.call(update, self.version.clone(), false)
    }

    /// Deletes a page (it leaves the content library and Fin's answers); returns it as it was.
    pub fn delete(&self, id: &ExternalPageId) -> Call<ExternalPage> {
        let delete = DeleteExternalPage { id: id.clone() };
        self.client
            .call(Ok(delete), self.version.clone(), self.paced)
    }

    /// Upserts every page of `pages`, at most `concurrency` at a time (at least 1), paced to
    /// stay under the rate limit, and reports what happened to each one, in input order.
    ///
    /// Nothing is dropped: a page that fails validation is reported without being sent, a
    /// failed call is reported with its error (after the client's retries), and once a call
    /// fails with 401 or 403 (which every other page would too) the pages not yet sent are
    /// reported as skipped.
    ///
    /// The future holds a clone of this handle, not a borrow: with a `'static` stream it is
    /// `'static` too, and can be spawned.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) {
    /// use futures::stream;
    /// use intercom_client::{ContentImportSourceId, NewExternalPage};
    ///
    /// let source = ContentImportSourceId::new(44);
    /// let pages = (1..=100).map(move |n| {
    ///     NewExternalPage::new(source, format!("doc-{n}")).title(format!("Doc {n}")).html("<p>…</p>")
    /// });
    /// let report = client.external_pages().upsert_all(stream::iter(pages), 8).await;
    /// println!("{report}");
    /// for failure in report.failures() {
    ///     eprintln!("{}: {:?}", failure.external_id, failure.result);
    /// }
    /// # }
    /// ```
    pub fn upsert_all<S>(
        &self,
        pages: S,
        concurrency: usize,
    ) -> impl Future<Output = UpsertReport> + Send + use<S>
    where
        S: Stream<Item = NewExternalPage> + Send,
    {
        let mut paced = self.clone();
        paced.paced = true;
        upsert::upsert_all(pages, concurrency, move |page| paced.upsert(page))
    }

    /// Upserts every page of `pages` as [`upsert_all`](Self::upsert_all) does, and yields each
    /// page's outcome as it finishes (not in input order: [`UpsertOutcome::index`] is the
    /// page's position), so a long push can show its progress or act on each page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) {
    /// use futures::{StreamExt, stream};
    /// use intercom_client::{ContentImportSourceId, NewExternalPage, UpsertResult};
    ///
    /// let source = ContentImportSourceId::new(44);
    /// let pages = (1..=500).map(move |n| {
    ///     NewExternalPage::new(source, format!("doc-{n}")).title(format!("Doc {n}")).html("<p>…</p>")
    /// });
    /// let mut outcomes = client.external_pages().upsert_each(stream::iter(pages), 8);
    /// let mut done = 0;
    /// while let Some(outcome) = outcomes.next().await {
    ///     done += 1;
    ///     if let UpsertResult::Failed(error) = &outcome.result {
    ///         eprintln!("{}: {error}", outcome.external_id);
    ///     }
    ///     println!("{done}/500");
    /// }
    /// # }
    /// ```
    pub fn upsert_each<S>(
        &self,
        pages: S,
        concurrency: usize,
    ) -> impl Stream<Item = UpsertOutcome> + Send + use<S>
    where
        S: Stream<Item = NewExternalPage> + Send,
    {
        let mut paced = self.clone();
        paced.paced = true;
        upsert::upsert_each(pages, concurrency, move |page| paced.upsert(page))
    }

    /// The page of source `source_id` with `external_id`, if it has one. The API has no
    /// lookup by external id: this reads the listing of every source's pages until it finds
    /// it, one call per 150 pages of the workspace (all of them when there is no such page).
    /// Keep the id [`upsert`](Self::upsert) returned when you can.
    pub fn find_by_external_id(
        &self,
        source_id: ContentImportSourceId,
        external_id: &str,
    ) -> impl Future<Output = Result<Option<ExternalPage>>> + Send + 'static {
        let pages = self.list().per_page(MAX_PER_PAGE).source(source_id).items();
        let external_id = external_id.to_owned();
        async move {
            let mut pages = pages.try_filter(|page| ready(page.external_id == external_id));
            pages.try_next().await
        }
    }

    /// Deletes the page of source `source_id` with `external_id` and returns it, or `None`
    /// when the source has no such page (nothing is deleted). It is
    /// [`find_by_external_id`](Self::find_by_external_id) (with its cost) and then
    /// [`delete`](Self::delete).
    pub fn delete_by_external_id(
        &self,
        source_id: ContentImportSourceId,
        external_id: &str,
    ) -> impl Future<Output = Result<Option<ExternalPage>>> + Send + 'static {
        let find = self.find_by_external_id(source_id, external_id);
        let pages = self.clone();
        async move {
            match find.await? {
                Some(page) => pages.delete(&page.id).await.map(Some),
                None => Ok(None),
            }
        }
    }
}

/// The upsert operation for `page`, or why it cannot be sent.
fn upsert_of(page: &NewExternalPage) -> Result<CreateExternalPage> {
    page.to_body().map(|body| CreateExternalPage { body })
}
