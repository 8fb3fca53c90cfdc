//! Creating notes.

use intercom_openapi::types;

use crate::error::Result;
use crate::ids::{AdminId, ContactId};
use crate::validate;

/// A note to add to a contact.
///
/// ```
/// use intercom_client::NewNote;
///
/// assert!(NewNote::new("Called about the invoice").admin_id("991267584").validate().is_ok());
/// assert!(NewNote::new("").validate().is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NewNote {
    body: String,
    admin_id: Option<AdminId>,
}

impl NewNote {
    /// A note with this text.
    pub fn new(body: impl Into<String>) -> Self {
        NewNote {
            body: body.into(),
            admin_id: None,
        }
    }

    /// The admin to attribute the note to.
    pub fn admin_id(mut self, admin_id: impl Into<AdminId>) -> Self {
        self.admin_id = Some(admin_id.into());
        self
    }

    /// Checks what the reference requires: a non-empty `body`.
    pub fn validate(&self) -> Result<()> {
        validate::non_empty("body", &self.body)
    }

    pub(crate) fn to_body(&self, contact: &ContactId) -> Result<types::CreateNoteRequest> {
        self.validate()?;
        Ok(types::CreateNoteRequest {
            // The reference's example sends a numeric admin id as a JSON number.
            admin_id: self
                .admin_id
                .as_ref()
                .map(|id| match id.as_str().parse::<i64>() {
                    Ok(number) => types::AdminId::Int64(number),
                    Err(_) => types::AdminId::String(id.to_string()),
                }),
            body: self.body.clone(),
            // The path names the contact; the reference's example repeats it in the body.
            contact_id: Some(contact.to_string()),
        })
    }
}
