//! The note object.

use chrono::{DateTime, Utc};
use intercom_openapi::open_enums::AdminType;
use serde::{Deserialize, Serialize};

use crate::ids::{AdminId, ContactId, NoteId};

/// A note on a contact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Note {
    /// The note's id.
    pub id: NoteId,
    /// The body, in HTML.
    pub body: String,
    /// The contact the note is about.
    pub contact: NoteContact,
    /// The admin who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<NoteAuthor>,
    /// When it was created.
    #[serde(with = "crate::time::unix_seconds")]
    pub created_at: DateTime<Utc>,
}

/// The contact a note is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NoteContact {
    /// The contact's id.
    pub id: ContactId,
    /// The object type (`contact`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// The admin who wrote a note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NoteAuthor {
    /// The admin's id.
    pub id: AdminId,
    /// The object type (`admin`).
    #[serde(rename = "type")]
    pub kind: AdminType,
    /// The admin's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The admin's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The admin's job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Whether the admin is away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away_mode_enabled: Option<bool>,
    /// Whether new conversations are reassigned while the admin is away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away_mode_reassign: Option<bool>,
    /// Whether the admin has a paid inbox seat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_inbox_seat: Option<bool>,
    /// The teams the admin belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team_ids: Vec<i64>,
    /// The admin's avatar image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The admin's primary and secondary teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_priority_level: Option<TeamPriorityLevel>,
}

/// An admin's primary and secondary teams.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TeamPriorityLevel {
    /// Primary team ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub primary_team_ids: Vec<i64>,
    /// Secondary team ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_team_ids: Vec<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_reference_example() {
        let json = r#"{"type":"note","id":"17495962","created_at":1674589321,
            "contact":{"type":"string","id":"214656d0c743eafcfde7f248"},
            "author":{"type":"admin","id":"1295","name":"Joe Example","team_ids":[814865],
              "team_priority_level":{"primary_team_ids":[814865],"secondary_team_ids":[493881]}},
            "body":"<p>Text for the note.</p>"}"#;
        let note: Note = serde_json::from_str(json).unwrap();
        assert_eq!(note.id.as_str(), "17495962");
        assert_eq!(note.contact.id.as_str(), "214656d0c743eafcfde7f248");
        let author = note.author.unwrap();
        assert_eq!(author.id.as_str(), "1295");
        assert_eq!(author.kind, AdminType::Admin);
    }
}
