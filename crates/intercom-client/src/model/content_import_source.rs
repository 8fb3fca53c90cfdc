//! The content import source object.

use chrono::{DateTime, Utc};
use intercom_openapi::open_enums::{ContentImportSourceStatus, SyncBehavior};
use serde::{Deserialize, Serialize};

use crate::ids::ContentImportSourceId;

/// A source of external pages in the Fin Content Library (for example a help site). Pages
/// inherit their default audience from their source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentImportSource {
    /// The id Intercom gave it.
    pub id: ContentImportSourceId,
    /// The URL of the root of the source.
    pub url: String,
    /// `active` or `deactivated`.
    pub status: ContentImportSourceStatus,
    /// `api` for sources whose pages are written through the API.
    pub sync_behavior: SyncBehavior,
    /// The audiences of the source (documented under version `Preview`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience_ids: Vec<i64>,
    /// When it was last synced.
    #[serde(with = "crate::time::unix_seconds")]
    pub last_synced_at: DateTime<Utc>,
    /// When it was created.
    #[serde(with = "crate::time::unix_seconds")]
    pub created_at: DateTime<Utc>,
    /// When it was last updated.
    #[serde(with = "crate::time::unix_seconds")]
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_reference_example_and_keeps_unknown_enum_values() {
        let json = r#"{"type":"content_import_source","id":1234,"last_synced_at":1672928610,
            "sync_behavior":"webhook","status":"active","url":"https://help.example.com/",
            "created_at":1672928359,"updated_at":1672928610}"#;
        let source: ContentImportSource = serde_json::from_str(json).unwrap();
        assert_eq!(source.id.get(), 1234);
        assert_eq!(source.status, ContentImportSourceStatus::Active);
        assert_eq!(
            source.sync_behavior,
            SyncBehavior::Unknown("webhook".into())
        );
        assert_eq!(source.created_at.timestamp(), 1672928359);
    }
}
