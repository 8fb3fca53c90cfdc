//! `/ai/content_import_sources`: list, get, create, update, delete (and `ensure`, in
//! `upsert.rs`), each the generated operation sent by the client's transport.

use intercom_openapi::operations::{
    CreateContentImportSource, DeleteContentImportSource, GetContentImportSource,
    ListContentImportSources, UpdateContentImportSource,
};
use intercom_openapi::types::ContentImportSource;

use crate::client::Client;
use crate::pagination::List;
use crate::request::{ContentImportSourceUpdate, NewContentImportSource};
use crate::response::Call;
use crate::version::ApiVersion;
use intercom_openapi::ids::ContentImportSourceId;

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
        let all = ListContentImportSources {
            page: None,
            per_page: None,
        };
        List::of(&self.client, &all, self.version.clone())
    }

    /// One source.
    pub fn get(&self, id: ContentImportSourceId) -> Call<'_, ContentImportSource> {
        let get = GetContentImportSource { id };
        self.client.call(Ok(get), self.version.clone(), None)
    }

    /// Creates a source. Not idempotent, so never retried: a failure may or may not have
    /// created it. [`ensure`](Self::ensure) finds-or-creates without duplicates.
    pub fn create(&self, source: NewContentImportSource) -> Call<'_, ContentImportSource> {
        let create = source
            .to_body()
            .map(|body| CreateContentImportSource { body });
        self.client.call(create, self.version.clone(), None)
    }

    /// Updates a source.
    pub fn update(
        &self,
        id: ContentImportSourceId,
        update: ContentImportSourceUpdate,
    ) -> Call<'_, ContentImportSource> {
        let update = update
            .to_body()
            .map(|body| UpdateContentImportSource { id, body });
        self.client.call(update, self.version.clone(), None)
    }

    /// Deletes a source, and with it every external page imported from it.
    pub fn delete(&self, id: ContentImportSourceId) -> Call<'_, ()> {
        let delete = DeleteContentImportSource { id };
        self.client.call(Ok(delete), self.version.clone(), None)
    }
}
