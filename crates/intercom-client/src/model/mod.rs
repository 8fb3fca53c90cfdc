//! What the API returns, with typed ids and `DateTime<Utc>` timestamps.
//!
//! These mirror the generated `intercom_openapi::types` field for field, but an id is its own
//! type and a Unix timestamp a `DateTime<Utc>`. Enums are the generated open ones: a value
//! Intercom adds later lands in `Unknown` instead of failing the whole response. Serializing
//! gives back the wire format (Unix seconds), so a model can be printed as the API's JSON.

mod content_import_source;
mod external_page;
mod note;

pub use content_import_source::ContentImportSource;
pub use external_page::ExternalPage;
pub use note::{Note, NoteAuthor, NoteContact, TeamPriorityLevel};
