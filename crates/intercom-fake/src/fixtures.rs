//! Records to seed a fake with, filled in with what a test does not care about: an `api`
//! source, an English page available to Fin and Copilot, a note with a body. Their fields are
//! public, so a test changes what it does care about with struct update syntax:
//!
//! ```
//! use intercom_fake::{ExternalPage, FakeIntercom, fixtures};
//!
//! # async fn run() -> Result<(), intercom_fake::FakeError> {
//! let fake = FakeIntercom::builder()
//!     .source(fixtures::source(46, "https://docs.example.com"))
//!     .page(fixtures::page("1", 46, "faq"))
//!     .page(ExternalPage {
//!         title: "Shipping".into(),
//!         ..fixtures::page("2", 46, "shipping")
//!     })
//!     .start()
//!     .await?;
//! assert_eq!(fake.state().pages.len(), 2);
//! # Ok(())
//! # }
//! ```
//!
//! Times are all one fixed instant (2024-12-04, 00:00 UTC), so that what a test compares does
//! not depend on when it runs.

use intercom_openapi::open_enums::{
    ContentImportSourceStatus, ContentImportSourceType, ExternalPageType, Locale, NoteType,
    SyncBehavior,
};
use intercom_openapi::time::Timestamp;
use intercom_openapi::types::{ContentImportSource, ExternalPage, Note, NoteContact};

/// When every fixture was created and updated.
pub const CREATED_AT: i64 = 1_733_270_400;

fn created() -> Timestamp {
    Timestamp::from_unix_seconds(CREATED_AT).expect("a time in range")
}

/// An active `api` content import source `id` at `url`.
pub fn source(id: i64, url: &str) -> ContentImportSource {
    ContentImportSource {
        type_: ContentImportSourceType::ContentImportSource,
        id: id.into(),
        url: url.to_owned(),
        sync_behavior: SyncBehavior::Api,
        status: ContentImportSourceStatus::Active,
        audience_ids: None,
        created_at: created(),
        updated_at: created(),
        last_synced_at: created(),
    }
}

/// The page `id` of source `source_id` with `external_id`: titled `Page <external_id>`, a
/// paragraph of HTML, no URL, English, available to Fin and Copilot.
pub fn page(id: &str, source_id: i64, external_id: &str) -> ExternalPage {
    ExternalPage {
        type_: ExternalPageType::ExternalPage,
        id: id.into(),
        title: format!("Page {external_id}"),
        html: format!("<p>The text of {external_id}.</p>"),
        url: None,
        ai_agent_availability: true,
        ai_copilot_availability: true,
        ai_sales_agent_availability: None,
        fin_availability: None,
        locale: Locale::En,
        source_id: source_id.into(),
        external_id: external_id.to_owned(),
        created_at: created(),
        updated_at: created(),
        last_ingested_at: created(),
    }
}

/// The note `id` on contact `contact_id`, with `body` and no author.
pub fn contact_note(id: &str, contact_id: &str, body: &str) -> Note {
    Note {
        type_: NoteType::Note,
        id: id.into(),
        body: Some(body.to_owned()),
        contact: Some(NoteContact {
            type_: Some("contact".to_owned()),
            id: contact_id.into(),
        }),
        company: None,
        author: None,
        created_at: Some(created()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_are_valid_records_of_the_spec() {
        // What the fake would answer for them: each passes the spec's JSON Schema.
        let schemas: serde_json::Value =
            serde_json::from_str(intercom_openapi::JSON_SCHEMAS).unwrap();
        for (name, value) in [
            (
                "ContentImportSource",
                serde_json::to_value(source(1, "https://x.example")).unwrap(),
            ),
            (
                "ExternalPage",
                serde_json::to_value(page("2", 1, "faq")).unwrap(),
            ),
            (
                "Note",
                serde_json::to_value(contact_note("3", "abc", "Hi")).unwrap(),
            ),
        ] {
            let mut schema = schemas["definitions"][name].clone();
            schema["definitions"] = schemas["definitions"].clone();
            let validator = jsonschema::validator_for(&schema).unwrap();
            assert!(validator.is_valid(&value), "{name}: {value}");
        }
    }
}
