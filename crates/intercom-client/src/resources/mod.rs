//! One handle per resource, from `client.content_import_sources()`, `client.external_pages()`
//! and `client.notes()`. A handle is cheap (a clone of the client) and can carry a
//! per-call `Intercom-Version` with `.api_version(…)`.

mod content_import_sources;
mod external_pages;
mod notes;

pub use content_import_sources::ContentImportSources;
pub use external_pages::ExternalPages;
pub use notes::Notes;
