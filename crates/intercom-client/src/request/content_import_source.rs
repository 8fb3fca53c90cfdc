//! Creating and updating content import sources.

use intercom_openapi::open_enums::{ContentImportSourceStatus, CreateSyncBehavior, SyncBehavior};
use intercom_openapi::types;

use crate::error::Result;
use crate::validate;

/// A content import source to create.
///
/// ```
/// use intercom_client::NewContentImportSource;
///
/// let source = NewContentImportSource::new("https://help.example.com");
/// assert!(source.validate().is_ok());
/// assert!(NewContentImportSource::new("help.example.com").validate().is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NewContentImportSource {
    url: String,
    status: Option<ContentImportSourceStatus>,
    audience_ids: Option<Vec<i64>>,
}

impl NewContentImportSource {
    /// A source at `url` (an absolute URL), synced through the API (`sync_behavior: api`, the
    /// only value the reference allows on create).
    pub fn new(url: impl Into<String>) -> Self {
        NewContentImportSource {
            url: url.into(),
            status: None,
            audience_ids: None,
        }
    }

    /// `active` or `deactivated` (Intercom's default is `active`).
    pub fn status(mut self, status: ContentImportSourceStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// The audiences for the source's pages. Documented under version `Preview`: send it with
    /// `content_import_sources().api_version(ApiVersion::Preview)`.
    pub fn audience_ids(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.audience_ids = Some(ids.into_iter().collect());
        self
    }

    /// The URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Checks what the reference requires: an absolute URL.
    pub fn validate(&self) -> Result<()> {
        validate::absolute_url("url", &self.url).map(drop)
    }

    pub(crate) fn to_body(&self) -> Result<types::CreateContentImportSourceRequest> {
        self.validate()?;
        Ok(types::CreateContentImportSourceRequest {
            audience_ids: self.audience_ids.clone().map(types::AudienceIds::Array),
            status: self.status.clone(),
            sync_behavior: CreateSyncBehavior::Api,
            url: self.url.trim().to_owned(),
        })
    }
}

/// New values for a content import source.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentImportSourceUpdate {
    url: String,
    sync_behavior: SyncBehavior,
    status: Option<ContentImportSourceStatus>,
}

impl ContentImportSourceUpdate {
    /// The source's URL (which may change only when its sync behavior is `api`), with sync
    /// behavior `api`.
    pub fn new(url: impl Into<String>) -> Self {
        ContentImportSourceUpdate {
            url: url.into(),
            sync_behavior: SyncBehavior::Api,
            status: None,
        }
    }

    /// The sync behavior (default `api`).
    pub fn sync_behavior(mut self, sync_behavior: SyncBehavior) -> Self {
        self.sync_behavior = sync_behavior;
        self
    }

    /// `active` or `deactivated`.
    pub fn status(mut self, status: ContentImportSourceStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Checks what the reference requires: an absolute URL.
    pub fn validate(&self) -> Result<()> {
        validate::absolute_url("url", &self.url).map(drop)
    }

    pub(crate) fn to_body(&self) -> Result<types::UpdateContentImportSourceRequest> {
        self.validate()?;
        Ok(types::UpdateContentImportSourceRequest {
            status: self.status.clone(),
            sync_behavior: self.sync_behavior.clone(),
            url: self.url.trim().to_owned(),
        })
    }
}
