//! Creating notes: the constructor and checks of [`NewNote`] (its setters are generated).

use intercom_openapi::types;

use super::body;
use super::generated::NewNote;
use crate::error::Result;
use crate::validate;
use intercom_openapi::ids::ContactId;

impl NewNote {
    /// A note with this text.
    ///
    /// ```
    /// use intercom_client::NewNote;
    ///
    /// assert!(NewNote::new("Called about the invoice").admin_id("991267584").validate().is_ok());
    /// assert!(NewNote::new("").validate().is_err());
    /// ```
    pub fn new(body: impl Into<String>) -> Self {
        NewNote {
            raw: body!(CreateNoteRequest { body: body.into() }),
        }
    }

    /// Checks what the reference requires: a non-empty `body`.
    pub fn validate(&self) -> Result<()> {
        validate::non_empty("body", &self.raw.body)
    }

    /// The body for the notes of `contact`, which the reference's example repeats in the
    /// body as `contact_id`.
    pub(crate) fn to_body(&self, contact: &ContactId) -> Result<types::CreateNoteRequest> {
        self.validate()?;
        let mut body = self.raw.clone();
        body.contact_id = Some(contact.clone());
        Ok(body)
    }
}
