//! Creating (upserting) and updating external pages.

use intercom_openapi::open_enums::Locale;
use intercom_openapi::types;

use crate::error::Result;
use crate::ids::ContentImportSourceId;
use crate::validate;

/// An external page to create, or to update if its source already has one with the same
/// `external_id` (the server upserts by `source_id` + `external_id`).
///
/// ```
/// use intercom_client::{ContentImportSourceId, NewExternalPage};
///
/// let page = NewExternalPage::new(ContentImportSourceId::new(44), "abc1234", "Test", "<h1>Test</h1>")
///     .url("https://www.example.com/test");
/// assert!(page.validate().is_ok());
///
/// let err = NewExternalPage::new(ContentImportSourceId::new(44), "abc1234", " ", "<p>x</p>")
///     .validate()
///     .unwrap_err();
/// assert_eq!(err.to_string(), "invalid input: `title` must not be empty");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NewExternalPage {
    source_id: ContentImportSourceId,
    external_id: String,
    title: String,
    html: String,
    url: Option<String>,
    locale: Locale,
    ai_agent_availability: Option<bool>,
    ai_copilot_availability: Option<bool>,
}

impl NewExternalPage {
    /// A page of `source_id` with the source's own id `external_id`, in locale `en`.
    pub fn new(
        source_id: ContentImportSourceId,
        external_id: impl Into<String>,
        title: impl Into<String>,
        html: impl Into<String>,
    ) -> Self {
        NewExternalPage {
            source_id,
            external_id: external_id.into(),
            title: title.into(),
            html: html.into(),
            url: None,
            locale: Locale::En,
            ai_agent_availability: None,
            ai_copilot_availability: None,
        }
    }

    /// The URL Fin links to when it answers from the page (without one, Fin does not cite it).
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The locale; the API accepts only `en` (the default).
    pub fn locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    /// Whether AI Agent answers from the page. Left unset, an update keeps the current value.
    pub fn ai_agent_availability(mut self, available: bool) -> Self {
        self.ai_agent_availability = Some(available);
        self
    }

    /// Whether AI Copilot answers from the page. Left unset, an update keeps the current value.
    pub fn ai_copilot_availability(mut self, available: bool) -> Self {
        self.ai_copilot_availability = Some(available);
        self
    }

    /// The source.
    pub fn source_id(&self) -> ContentImportSourceId {
        self.source_id
    }

    /// The source's id for the page.
    pub fn external_id(&self) -> &str {
        &self.external_id
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
        Ok(types::CreateExternalPageRequest {
            ai_agent_availability: self.ai_agent_availability,
            ai_copilot_availability: self.ai_copilot_availability,
            external_id: self.external_id.clone(),
            html: self.html.clone(),
            locale: self.locale.clone(),
            source_id: self.source_id.get(),
            title: self.title.clone(),
            url: self.url.as_ref().map(|u| u.trim().to_owned()),
        })
    }
}

/// New values for an existing external page (one created through the API).
#[derive(Clone, Debug, PartialEq)]
pub struct ExternalPageUpdate {
    source_id: ContentImportSourceId,
    title: String,
    html: String,
    url: Option<String>,
    locale: Locale,
    external_id: Option<String>,
    fin_availability: Option<bool>,
}

impl ExternalPageUpdate {
    /// The page's source, title and HTML body, in locale `en`.
    pub fn new(
        source_id: ContentImportSourceId,
        title: impl Into<String>,
        html: impl Into<String>,
    ) -> Self {
        ExternalPageUpdate {
            source_id,
            title: title.into(),
            html: html.into(),
            url: None,
            locale: Locale::En,
            external_id: None,
            fin_availability: None,
        }
    }

    /// The URL Fin links to.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The locale; the API accepts only `en` (the default).
    pub fn locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    /// The source's id for the page.
    pub fn external_id(mut self, external_id: impl Into<String>) -> Self {
        self.external_id = Some(external_id.into());
        self
    }

    /// Whether Fin answers from the page.
    pub fn fin_availability(mut self, available: bool) -> Self {
        self.fin_availability = Some(available);
        self
    }

    /// Checks what the reference requires: non-empty `title` and `html` (and `external_id` if
    /// set), locale `en`, and an absolute `url` if there is one.
    pub fn validate(&self) -> Result<()> {
        validate::non_empty("title", &self.title)?;
        validate::non_empty("html", &self.html)?;
        if let Some(external_id) = &self.external_id {
            validate::non_empty("external_id", external_id)?;
        }
        validate::locale(&self.locale)?;
        if let Some(url) = &self.url {
            validate::absolute_url("url", url)?;
        }
        Ok(())
    }

    pub(crate) fn to_body(&self) -> Result<types::UpdateExternalPageRequest> {
        self.validate()?;
        Ok(types::UpdateExternalPageRequest {
            external_id: self.external_id.clone(),
            fin_availability: self.fin_availability,
            html: self.html.clone(),
            locale: self.locale.clone(),
            source_id: self.source_id.get(),
            title: self.title.clone(),
            url: self.url.as_ref().map(|u| u.trim().to_owned()),
        })
    }
}
