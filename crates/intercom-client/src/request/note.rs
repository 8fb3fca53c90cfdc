//! Creating notes: the constructor and checks of [`NewNote`] (its setters are generated).

use intercom_openapi::types;

use super::body;
use super::generated::{NewCompanyNote, NewNote};
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

impl NewCompanyNote {
    /// A note on a company with this text (companies' notes are in the API from 2.16; the
    /// client sends at least 2.16 for them).
    ///
    /// ```
    /// use intercom_client::NewCompanyNote;
    ///
    /// assert!(NewCompanyNote::new("Renewal call booked").admin_id(991267564).validate().is_ok());
    /// assert!(NewCompanyNote::new(" ").validate().is_err());
    /// ```
    pub fn new(body: impl Into<String>) -> Self {
        NewCompanyNote {
            raw: body!(CreateCompanyNoteRequest { body: body.into() }),
        }
    }

    /// Checks what the API requires: a non-empty `body`.
    pub fn validate(&self) -> Result<()> {
        validate::non_empty("body", &self.raw.body)
    }

    pub(crate) fn to_body(&self) -> Result<types::CreateCompanyNoteRequest> {
        self.validate()?;
        Ok(self.raw.clone())
    }
}
