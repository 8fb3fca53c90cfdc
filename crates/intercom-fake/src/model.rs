//! The fake's state as plain serializable data: what [`crate::FakeIntercom::state`] and
//! `GET /__fake/state` return, and what the state file holds.
//!
//! The records are the spec's own objects (`intercom_openapi::types`), exactly as the API
//! serves them: a property the spec adds is kept and served without an edit here.

use intercom_openapi::types::{ContentImportSource, ExternalPage, Note};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// Everything the fake holds, each list ordered by id: what [`crate::FakeIntercom::state`]
/// returns, and an initial state to start a fake with
/// ([`crate::FakeIntercomBuilder::initial_state`]).
///
/// Its JSON is `{"sources": […], "pages": […], "notes": […]}`, each record as the API serves
/// it; a list left out is empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StateSnapshot {
    /// Content import sources.
    #[serde(default)]
    pub sources: Vec<ContentImportSource>,
    /// External pages.
    #[serde(default)]
    pub pages: Vec<ExternalPage>,
    /// Notes of contacts and companies.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The audiences a source's update applied to its existing pages
    /// (`apply_audience_to_existing_content`), by page id: the page object has no audience
    /// property, so this is where the fake shows it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub page_audiences: BTreeMap<String, Vec<i64>>,
}

/// A note's `contact`: the fake keeps no contacts, so only the id it was written for.
pub(crate) fn note_contact(contact_id: &str) -> Value {
    json!({"type": "contact", "id": contact_id})
}

/// A note's `company`.
pub(crate) fn note_company(company_id: &str) -> Value {
    json!({"type": "company", "id": company_id})
}

/// A note's `author`, the admin `admin_id`, shaped like the authors of the reference's
/// create and retrieve examples (the fake keeps no admins, so the rest is made up).
pub(crate) fn note_author(admin_id: &str) -> Value {
    json!({
        "type": "admin",
        "id": admin_id,
        "name": format!("Fake Admin {admin_id}"),
        "email": format!("admin{admin_id}@example.com"),
        "away_mode_enabled": false,
        "away_mode_reassign": false,
        "role": {"type": "role", "id": "1", "name": "Fake role"},
    })
}
