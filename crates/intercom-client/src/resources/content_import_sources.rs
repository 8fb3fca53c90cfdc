//! `/ai/content_import_sources`: list, get, create, update, delete (and `ensure`, in
//! `upsert.rs`).

use reqwest::Method;

use crate::client::Client;
use crate::error::Result;
use crate::ids::ContentImportSourceId;
use crate::model::ContentImportSource;
use crate::pagination::List;
use crate::request::{ContentImportSourceUpdate, NewContentImportSource};
use crate::transport::Request;
use crate::version::ApiVersion;

/// Content import sources; from [`Client::content_import_sources`].
#[derive(Clone, Debug)]
pub struct ContentImportSources {
    pub(crate) client: Client,
    pub(crate) version: Option<ApiVersion>,
}

impl ContentImportSources {
    pub(crate) fn new(client: Client) -> Self {
        ContentImportSources {
            client,
            version: None,
        }
    }

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
        List::new(
            self.client.clone(),
            self.client
                .inner
                .base
                .endpoint(&["ai", "content_import_sources"]),
            self.version.clone(),
        )
    }

    /// One source.
    pub async fn get(&self, id: ContentImportSourceId) -> Result<ContentImportSource> {
        let request = Request::new(Method::GET, self.url_of(id), self.version.clone());
        self.client.send_json(request).await
    }

    /// Creates a source. Not idempotent, so never retried: a failure may or may not have
    /// created it. [`ensure`](Self::ensure) finds-or-creates without duplicates.
    pub async fn create(&self, source: NewContentImportSource) -> Result<ContentImportSource> {
        let body = source.to_body()?;
        let url = self
            .client
            .inner
            .base
            .endpoint(&["ai", "content_import_sources"]);
        let request = Request::new(Method::POST, url, self.version.clone()).json(&body)?;
        self.client.send_json(request).await
    }

    /// Updates a source.
    pub async fn update(
        &self,
        id: ContentImportSourceId,
        update: ContentImportSourceUpdate,
    ) -> Result<ContentImportSource> {
        let body = update.to_body()?;
        let request =
            Request::new(Method::PUT, self.url_of(id), self.version.clone()).json(&body)?;
        self.client.send_json(request).await
    }

    /// Deletes a source, and with it every external page imported from it.
    pub async fn delete(&self, id: ContentImportSourceId) -> Result<()> {
        let request = Request::new(Method::DELETE, self.url_of(id), self.version.clone());
        // The reference documents no body for this response: whatever comes is ignored.
        self.client.send(request).await.map(drop)
    }

    fn url_of(&self, id: ContentImportSourceId) -> url::Url {
        self.client
            .inner
            .base
            .endpoint(&["ai", "content_import_sources", &id.to_string()])
    }
}
