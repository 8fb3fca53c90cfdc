//! `/contacts/{id}/notes` and `/notes/{id}`: list, create, get.

use reqwest::Method;

use crate::client::Client;
use crate::error::Result;
use crate::ids::{ContactId, NoteId};
use crate::model::Note;
use crate::pagination::List;
use crate::request::NewNote;
use crate::transport::Request;
use crate::validate;
use crate::version::ApiVersion;

/// Notes on contacts; from [`Client::notes`].
#[derive(Clone, Debug)]
pub struct Notes {
    client: Client,
    version: Option<ApiVersion>,
}

impl Notes {
    pub(crate) fn new(client: Client) -> Self {
        Notes {
            client,
            version: None,
        }
    }

    /// Sends this handle's calls with `version` instead of the client's.
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// The notes of a contact: `.first_page()`, `.pages()` or `.items()`. An empty contact id
    /// fails when the list is first used, before anything is sent.
    pub fn list(&self, contact: &ContactId) -> List<Note> {
        List::new(
            self.client.clone(),
            self.contact_notes_url(contact),
            self.version.clone(),
        )
        .invalid_if(validate::id("contact_id", contact.as_str()))
    }

    /// Adds a note to a contact. Not idempotent, so never retried.
    pub async fn create(&self, contact: &ContactId, note: NewNote) -> Result<Note> {
        validate::id("contact_id", contact.as_str())?;
        let body = note.to_body(contact)?;
        let request = Request::new(
            Method::POST,
            self.contact_notes_url(contact),
            self.version.clone(),
        )
        .json(&body)?;
        self.client.send_json(request).await
    }

    /// One note.
    pub async fn get(&self, id: &NoteId) -> Result<Note> {
        validate::id("id", id.as_str())?;
        let url = self.client.inner.base.endpoint(&["notes", id.as_str()]);
        let request = Request::new(Method::GET, url, self.version.clone());
        self.client.send_json(request).await
    }

    fn contact_notes_url(&self, contact: &ContactId) -> url::Url {
        self.client
            .inner
            .base
            .endpoint(&["contacts", contact.as_str(), "notes"])
    }
}
