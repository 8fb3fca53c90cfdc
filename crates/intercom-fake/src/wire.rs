//! The records as the API serves them, with the reference's envelope.

use serde::Serialize;

use crate::model::{ExternalPage, Note, Source, SourceStatus, SyncBehavior};

/// A `content_import_source` object.
#[derive(Debug, Serialize)]
pub(crate) struct SourceOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: i64,
    last_synced_at: i64,
    sync_behavior: SyncBehavior,
    status: SourceStatus,
    url: &'a str,
    created_at: i64,
    updated_at: i64,
    /// Only when the source was created with audiences (documented under version Preview).
    #[serde(skip_serializing_if = "Option::is_none")]
    audience_ids: Option<&'a [i64]>,
}

impl<'a> From<&'a Source> for SourceOut<'a> {
    fn from(s: &'a Source) -> Self {
        Self {
            kind: "content_import_source",
            id: s.id,
            last_synced_at: s.last_synced_at,
            sync_behavior: s.sync_behavior,
            status: s.status,
            url: &s.url,
            created_at: s.created_at,
            updated_at: s.updated_at,
            audience_ids: s.audience_ids.as_deref(),
        }
    }
}

/// An `external_page` object.
#[derive(Debug, Serialize)]
pub(crate) struct PageOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    html: &'a str,
    /// Absent when the page has no URL (the schema does not require it).
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    ai_agent_availability: bool,
    ai_copilot_availability: bool,
    /// Deprecated alias of `ai_agent_availability`.
    fin_availability: bool,
    locale: &'a str,
    source_id: i64,
    external_id: &'a str,
    created_at: i64,
    updated_at: i64,
    last_ingested_at: i64,
}

impl<'a> From<&'a ExternalPage> for PageOut<'a> {
    fn from(p: &'a ExternalPage) -> Self {
        Self {
            kind: "external_page",
            id: &p.id,
            title: &p.title,
            html: &p.html,
            url: p.url.as_deref(),
            ai_agent_availability: p.ai_agent_availability,
            ai_copilot_availability: p.ai_copilot_availability,
            fin_availability: p.ai_agent_availability,
            locale: &p.locale,
            source_id: p.source_id,
            external_id: &p.external_id,
            created_at: p.created_at,
            updated_at: p.updated_at,
            last_ingested_at: p.last_ingested_at,
        }
    }
}

#[derive(Debug, Serialize)]
struct ContactOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
}

/// The admin who wrote a note, with the fields the reference's create/retrieve examples show.
#[derive(Debug, Serialize)]
struct AuthorOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    name: String,
    email: String,
    away_mode_enabled: bool,
    away_mode_reassign: bool,
}

/// A `note` object.
#[derive(Debug, Serialize)]
pub(crate) struct NoteOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    created_at: i64,
    contact: ContactOut<'a>,
    /// Absent when the note was created without `admin_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<AuthorOut<'a>>,
    body: &'a str,
}

impl<'a> From<&'a Note> for NoteOut<'a> {
    fn from(n: &'a Note) -> Self {
        Self {
            kind: "note",
            id: &n.id,
            created_at: n.created_at,
            contact: ContactOut {
                kind: "contact",
                id: &n.contact_id,
            },
            author: n.admin_id.as_deref().map(|id| AuthorOut {
                kind: "admin",
                id,
                name: format!("Fake Admin {id}"),
                email: format!("admin{id}@example.com"),
                away_mode_enabled: false,
                away_mode_reassign: false,
            }),
            body: &n.body,
        }
    }
}
