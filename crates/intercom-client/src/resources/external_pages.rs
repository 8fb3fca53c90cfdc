//! `/ai/external_pages`: list, get, create (upsert), update, delete (and `upsert_all`, in
//! `upsert.rs`), each the generated operation sent by the client's transport.

use intercom_openapi::operations::{
    CreateExternalPage, DeleteExternalPage, GetExternalPage, ListExternalPages, UpdateExternalPage,
};
use intercom_openapi::types::ExternalPage;

use crate::client::Client;
use crate::error::Result;
use crate::pagination::List;
use crate::request::{ExternalPageUpdate, NewExternalPage};
use crate::response::Call;
use crate::version::ApiVersion;
use intercom_openapi::ids::ExternalPageId;

/// External pages; from [`Client::external_pages`].
#[derive(Clone, Debug)]
pub struct ExternalPages {
    pub(crate) client: Client,
    pub(crate) version: Option<ApiVersion>,
    /// Bulk work with this many calls in flight: every write waits for its slot under the
    /// rate limit.
    pub(crate) paced: Option<u64>,
}

impl ExternalPages {
    pub(crate) fn new(client: Client) -> Self {
        ExternalPages {
            client,
            version: None,
            paced: None,
        }
    }

    /// Paces this handle's writes (upsert, update, delete) as bulk work with up to
    /// `in_flight` calls at once: each waits for its slot, spread from the last
    /// `X-RateLimit-Remaining`/`Reset`, so that many calls stay under the rate limit instead
    /// of bouncing off 429s. [`upsert_all`](Self::upsert_all) does this by itself.
    pub fn paced(mut self, in_flight: usize) -> Self {
        self.paced = Some(in_flight.max(1) as u64);
        self
    }

    /// Sends this handle's calls with `version` instead of the client's.
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// Every page: `.first_page()`, `.pages()` or `.items()`.
    pub fn list(&self) -> List<ExternalPage> {
        let all = ListExternalPages {
            page: None,
            per_page: None,
        };
        List::of(&self.client, &all, self.version.clone())
    }

    /// One page.
    pub fn get(&self, id: &ExternalPageId) -> Call<'_, ExternalPage> {
        let get = GetExternalPage { id: id.clone() };
        self.client.call(Ok(get), self.version.clone(), None)
    }

    /// Creates a page, or updates the source's page with the same `external_id`. The same
    /// call as [`upsert`](Self::upsert).
    pub fn create(&self, page: NewExternalPage) -> Call<'_, ExternalPage> {
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
    pub fn upsert(&self, page: NewExternalPage) -> Call<'_, ExternalPage> {
        self.client
            .call(upsert_of(&page), self.version.clone(), self.paced)
    }

    /// Updates a page created through the API.
    pub fn update(
        &self,
        id: &ExternalPageId,
        update: ExternalPageUpdate,
    ) -> Call<'_, ExternalPage> {
        let update = update.to_body().map(|body| UpdateExternalPage {
            id: id.clone(),
            body,
        });
        self.client.call(update, self.version.clone(), None)
    }

    /// Deletes a page (it leaves the content library and Fin's answers); returns it as it was.
    pub fn delete(&self, id: &ExternalPageId) -> Call<'_, ExternalPage> {
        let delete = DeleteExternalPage { id: id.clone() };
        self.client
            .call(Ok(delete), self.version.clone(), self.paced)
    }

    /// The upsert call; `paced` with the bulk work's concurrency for `upsert_all`. The spec
    /// marks it idempotent (the server upserts by `source_id` + `external_id`), so it is
    /// retried like any idempotent call.
    pub(crate) async fn upsert_request(
        &self,
        page: &NewExternalPage,
        paced: Option<u64>,
    ) -> Result<ExternalPage> {
        self.client
            .call(upsert_of(page), self.version.clone(), paced)
            .await
    }
}

/// The upsert operation for `page`, or why it cannot be sent.
fn upsert_of(page: &NewExternalPage) -> Result<CreateExternalPage> {
    page.to_body().map(|body| CreateExternalPage { body })
}
