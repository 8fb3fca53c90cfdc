//! Creating (upserting) and updating external pages: the constructors and checks of
//! [`NewExternalPage`] and [`ExternalPageUpdate`] (their setters are generated).

use intercom_openapi::open_enums::Locale;
use intercom_openapi::types;

use super::body;
use super::generated::{ExternalPageUpdate, NewExternalPage};
use crate::error::{Error, Result};
use crate::validate;
use intercom_openapi::ids::ContentImportSourceId;

impl NewExternalPage {
    /// A page of `source_id` with the source's own id `external_id`, in locale `en`: created,
    /// or updated if the source already has a page with this `external_id` (the server
    /// upserts by `source_id` + `external_id`). Its `title` and `html` are set by name, so
    /// they cannot be swapped; [`validate`](Self::validate) (run before anything is sent)
    /// names the one left out.
    ///
    /// ```
    /// use intercom_client::{ContentImportSourceId, NewExternalPage};
    ///
    /// let page = NewExternalPage::new(ContentImportSourceId::new(44), "abc1234")
    ///     .title("Test")
    ///     .html("<h1>Test</h1>")
    ///     .url("https://www.example.com/test");
    /// assert!(page.validate().is_ok());
    /// assert_eq!(page.external_id, "abc1234");
    ///
    /// let err = NewExternalPage::new(ContentImportSourceId::new(44), "abc1234")
    ///     .html("<p>x</p>")
    ///     .validate()
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "invalid input: `title` must not be empty");
    /// ```
    pub fn new(source_id: ContentImportSourceId, external_id: impl Into<String>) -> Self {
        NewExternalPage {
            raw: body!(CreateExternalPageRequest {
                source_id: source_id,
                external_id: external_id.into(),
                // Required, and checked by `validate` until set.
                title: String::new(),
                html: String::new(),
                locale: Locale::En,
            }),
        }
    }

    /// Checks what the reference requires: non-empty `title`, `html` and `external_id`,
    /// locale `en`, and an absolute `url` if there is one.
    pub fn validate(&self) -> Result<()> {
        validate::non_empty("title", &self.title)?;
        validate::non_empty("html", &self.html)?;
        validate::non_empty("external_id", &self.external_id)?;
        validate::locale(&self.locale)?;
        if let Some(url) = &self.url {
            validate::absolute_url("url", url)?;
        }
        Ok(())
    }

    pub(crate) fn to_body(&self) -> Result<types::CreateExternalPageRequest> {
        self.validate()?;
        let mut body = self.raw.clone();
        body.url = body.url.map(|u| u.trim().to_owned());
        Ok(body)
    }
}

impl ExternalPageUpdate {
    /// New values for a page of `source_id`, in locale `en`. The API requires `title`,
    /// `html` and `url` (set each by name: `.title(…)`, `.html(…)`, `.url(…)`;
    /// [`validate`](Self::validate) names the one left out), and replaces the whole page:
    /// [`from_page`](Self::from_page) starts from the page as it stands instead.
    pub fn new(source_id: ContentImportSourceId) -> Self {
        ExternalPageUpdate {
            raw: body!(UpdateExternalPageRequest {
                source_id: source_id,
                // Required, and checked by `validate` until set.
                title: String::new(),
                html: String::new(),
                url: String::new(),
                locale: Locale::En,
            }),
        }
    }

    /// The page as it stands, as an update: every property the update body shares with the
    /// page object is carried over (whatever the spec says they are), so changing only the
    /// title sends the rest back unchanged. An update must send every property the API
    /// requires; a page that lacks one is an error naming it.
    ///
    /// ```
    /// # fn run(page: &intercom_client::ExternalPage) -> intercom_client::Result<()> {
    /// use intercom_client::ExternalPageUpdate;
    ///
    /// let update = ExternalPageUpdate::from_page(page)?.title("A new title");
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_page(page: &types::ExternalPage) -> Result<Self> {
        // Through JSON: the body type reads the properties it declares and ignores the rest.
        let value = serde_json::to_value(page)
            .map_err(|e| Error::invalid("page", format!("cannot be read: {e}")))?;
        serde_json::from_value::<types::UpdateExternalPageRequest>(value)
            .map(ExternalPageUpdate::from)
            .map_err(|e| Error::invalid("page", format!("cannot be sent back as an update: {e}")))
    }

    /// Checks what the API requires: non-empty `title` and `html` (and `external_id` if set),
    /// locale `en`, and an absolute `url`.
    pub fn validate(&self) -> Result<()> {
        validate::non_empty("title", &self.title)?;
        validate::non_empty("html", &self.html)?;
        if let Some(external_id) = &self.external_id {
            validate::non_empty("external_id", external_id)?;
        }
        validate::locale(&self.locale)?;
        if self.url.trim().is_empty() {
            return Err(Error::invalid(
                "url",
                "is required by the API for an update: set it with .url(…), or start from ExternalPageUpdate::from_page",
            ));
        }
        validate::absolute_url("url", &self.url)?;
        Ok(())
    }

    pub(crate) fn to_body(&self) -> Result<types::UpdateExternalPageRequest> {
        self.validate()?;
        let mut body = self.raw.clone();
        body.url = body.url.trim().to_owned();
        Ok(body)
    }
}
