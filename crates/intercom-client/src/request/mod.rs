//! What callers send: builders that check what the reference requires before anything is
//! sent, and turn into the generated request bodies of `intercom_openapi::types`.

mod content_import_source;
mod external_page;
mod note;

pub use content_import_source::{ContentImportSourceUpdate, NewContentImportSource};
pub use external_page::{ExternalPageUpdate, NewExternalPage};
pub use note::NewNote;
