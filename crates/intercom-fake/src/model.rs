//! The fake's state as plain serializable data: what [`crate::FakeIntercom::state`] and
//! `GET /__fake/state` return, and what the state file holds.
//!
//! These are records, not wire objects: the API serves them with the reference's envelope
//! (`type` fields, the note's `contact` and `author` objects, `fin_availability`).

use serde::{Deserialize, Serialize};

/// Everything the fake holds, each list ordered by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateSnapshot {
    /// Content import sources.
    pub sources: Vec<Source>,
    /// External pages.
    pub pages: Vec<ExternalPage>,
    /// Notes of contacts.
    pub notes: Vec<Note>,
}

/// How a content import source is kept in sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SyncBehavior {
    /// Pages are created and updated through the API.
    Api,
    /// Intercom crawls the source.
    Automatic,
    /// Pages are synced by hand in the UI.
    Manual,
}

impl SyncBehavior {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::Automatic => "automatic",
            Self::Manual => "manual",
        }
    }

    /// Parses the wire spelling.
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "api" => Some(Self::Api),
            "automatic" => Some(Self::Automatic),
            "manual" => Some(Self::Manual),
            _ => None,
        }
    }
}

/// Whether a content import source is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceStatus {
    /// In use.
    Active,
    /// Switched off.
    Deactivated,
}

impl SourceStatus {
    /// Parses the wire spelling.
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(Self::Active),
            "deactivated" => Some(Self::Deactivated),
            _ => None,
        }
    }
}

/// A content import source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Integer id given by the fake (1, 2, 3, …).
    pub id: i64,
    /// The URL of the root of the source.
    pub url: String,
    /// How the source is synced; sources created through the API are always `api`.
    pub sync_behavior: SyncBehavior,
    /// Active or deactivated.
    pub status: SourceStatus,
    /// Audiences given at creation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience_ids: Option<Vec<i64>>,
    /// Unix seconds of creation.
    pub created_at: i64,
    /// Unix seconds of the last update of the source itself.
    pub updated_at: i64,
    /// Unix seconds of the last page written into the source (creation time before that).
    pub last_synced_at: i64,
}

/// An external page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalPage {
    /// Id given by the fake: a string of digits ("1", "2", …).
    pub id: String,
    /// The source the page belongs to.
    pub source_id: i64,
    /// The page's id in its source; unique within the source.
    pub external_id: String,
    /// Title.
    pub title: String,
    /// Body in HTML.
    pub html: String,
    /// Where Fin links to, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Used by AI Agent (served also as the deprecated `fin_availability`).
    pub ai_agent_availability: bool,
    /// Used by AI Copilot.
    pub ai_copilot_availability: bool,
    /// Always `en`.
    pub locale: String,
    /// Unix seconds of creation.
    pub created_at: i64,
    /// Unix seconds of the last update.
    pub updated_at: i64,
    /// Unix seconds of the last ingestion (every write ingests).
    pub last_ingested_at: i64,
}

/// A note about a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Id given by the fake: a string of digits.
    pub id: String,
    /// The contact the note is about (any id is accepted).
    pub contact_id: String,
    /// The admin who wrote it, if `admin_id` was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_id: Option<String>,
    /// The body as served: plain text is wrapped in `<p>…</p>` as Intercom does.
    pub body: String,
    /// Unix seconds of creation.
    pub created_at: i64,
}
