//! Conversions the generator does not write, so request values take what a caller has.

use crate::ids::AdminId;
use crate::types::NoteAdminId;

/// An admin id given as text is sent as text (the spec's examples send integers, its schema
/// says string; the API takes both).
impl From<&str> for NoteAdminId {
    fn from(id: &str) -> Self {
        NoteAdminId::String(id.to_owned())
    }
}

impl From<String> for NoteAdminId {
    fn from(id: String) -> Self {
        NoteAdminId::String(id)
    }
}

impl From<AdminId> for NoteAdminId {
    fn from(id: AdminId) -> Self {
        NoteAdminId::String(id.as_str().to_owned())
    }
}

impl From<&AdminId> for NoteAdminId {
    fn from(id: &AdminId) -> Self {
        NoteAdminId::String(id.as_str().to_owned())
    }
}

/// `audience_ids([5678])`, as well as a `Vec` or a single id.
impl<const N: usize> From<[i64; N]> for crate::types::AudienceIds {
    fn from(ids: [i64; N]) -> Self {
        crate::types::AudienceIds::Array(ids.to_vec())
    }
}
