//! Creating and updating content import sources: the constructors and checks of
//! [`NewContentImportSource`] and [`ContentImportSourceUpdate`] (their setters are generated).

use intercom_openapi::open_enums::{CreateSyncBehavior, SyncBehavior};
use intercom_openapi::types;

use super::body;
use super::generated::{ContentImportSourceUpdate, NewContentImportSource};
use crate::error::Result;
use crate::validate;

impl NewContentImportSource {
    /// A source at `url` (an absolute URL), synced through the API (`sync_behavior: api`, the
    /// only value the reference allows on create).
    ///
    /// ```
    /// use intercom_client::NewContentImportSource;
    ///
    /// let source = NewContentImportSource::new("https://help.example.com");
    /// assert!(source.validate().is_ok());
    /// assert!(NewContentImportSource::new("help.example.com").validate().is_err());
    /// ```
    pub fn new(url: impl Into<String>) -> Self {
        NewContentImportSource {
            raw: body!(CreateContentImportSourceRequest {
                url: url.into(),
                sync_behavior: CreateSyncBehavior::Api,
            }),
        }
    }

    /// Checks what the reference requires: an absolute URL.
    pub fn validate(&self) -> Result<()> {
        validate::absolute_url("url", &self.url).map(drop)
    }

    pub(crate) fn to_body(&self) -> Result<types::CreateContentImportSourceRequest> {
        self.validate()?;
        let mut body = self.raw.clone();
        body.url = body.url.trim().to_owned();
        Ok(body)
    }
}

impl ContentImportSourceUpdate {
    /// New values for a source: its URL (which may change only when its sync behavior is
    /// `api`), with sync behavior `api`.
    pub fn new(url: impl Into<String>) -> Self {
        ContentImportSourceUpdate {
            raw: body!(UpdateContentImportSourceRequest {
                url: url.into(),
                sync_behavior: SyncBehavior::Api,
            }),
        }
    }

    /// Checks what the reference requires: an absolute URL.
    pub fn validate(&self) -> Result<()> {
        validate::absolute_url("url", &self.url).map(drop)
    }

    pub(crate) fn to_body(&self) -> Result<types::UpdateContentImportSourceRequest> {
        self.validate()?;
        let mut body = self.raw.clone();
        body.url = body.url.trim().to_owned();
        Ok(body)
    }
}
