//! The external page object.

use chrono::{DateTime, Utc};
use intercom_openapi::open_enums::Locale;
use serde::{Deserialize, Serialize};

use crate::ids::{ContentImportSourceId, ExternalPageId};

/// A page Fin answers from, imported through the API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExternalPage {
    /// The id Intercom gave it.
    pub id: ExternalPageId,
    /// The source it belongs to.
    pub source_id: ContentImportSourceId,
    /// The id the source gave it; unique within the source.
    pub external_id: String,
    /// The title.
    pub title: String,
    /// The body, in HTML.
    pub html: String,
    /// The URL Fin links to when it answers from this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Always `en`.
    pub locale: Locale,
    /// Whether AI Agent answers from it.
    pub ai_agent_availability: bool,
    /// Whether AI Copilot answers from it.
    pub ai_copilot_availability: bool,
    /// Deprecated: use `ai_agent_availability` and `ai_copilot_availability`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fin_availability: Option<bool>,
    /// When it was created.
    #[serde(with = "crate::time::unix_seconds")]
    pub created_at: DateTime<Utc>,
    /// When it was last updated.
    #[serde(with = "crate::time::unix_seconds")]
    pub updated_at: DateTime<Utc>,
    /// When it was last ingested.
    #[serde(with = "crate::time::unix_seconds")]
    pub last_ingested_at: DateTime<Utc>,
}
