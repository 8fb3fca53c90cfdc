//! `/contacts/{id}/notes` and `/notes/{id}`: list, create, get, each the generated
//! operation sent by the client's transport.

use intercom_openapi::operations::{
    CreateCompanyNote, CreateNote, ListCompanyNotes, ListNotes, RetrieveNote,
};
use intercom_openapi::types::Note;

use crate::client::Client;
use crate::error::Result;
use crate::pagination::List;
use crate::request::{NewCompanyNote, NewNote};
use crate::validate;
use crate::version::ApiVersion;
use intercom_openapi::ids::{CompanyId, ContactId, NoteId};

/// Notes on contacts and companies; from [`Client::notes`].
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
        let all = ListNotes {
            id: contact.clone(),
            page: None,
            per_page: None,
        };
        List::of(&self.client, &all, self.version.clone())
            .invalid_if(validate::id("contact_id", contact.as_str()))
    }

    /// Adds a note to a contact. Not idempotent, so never retried.
    pub async fn create(&self, contact: &ContactId, note: NewNote) -> Result<Note> {
        validate::id("contact_id", contact.as_str())?;
        let create = CreateNote {
            id: contact.clone(),
            body: note.to_body(contact)?,
        };
        self.client.run(&create, self.version.clone(), None).await
    }

    /// The notes of a company (from API version 2.15, which the list sends if the client is
    /// pinned to an older one): `.first_page()`, `.pages()` or `.items()`.
    pub fn list_for_company(&self, company: &CompanyId) -> List<Note> {
        let all = ListCompanyNotes {
            id: company.clone(),
            page: None,
            per_page: None,
        };
        List::of(&self.client, &all, self.version.clone())
            .invalid_if(validate::id("company_id", company.as_str()))
    }

    /// Adds a note to a company (from API version 2.16, which the call sends if the client is
    /// pinned to an older one). Not idempotent, so never retried.
    pub async fn create_for_company(
        &self,
        company: &CompanyId,
        note: NewCompanyNote,
    ) -> Result<Note> {
        validate::id("company_id", company.as_str())?;
        let create = CreateCompanyNote {
            id: company.clone(),
            body: note.to_body()?,
        };
        self.client.run(&create, self.version.clone(), None).await
    }

    /// One note.
    pub async fn get(&self, id: &NoteId) -> Result<Note> {
        let get = RetrieveNote { id: id.clone() };
        self.client.run(&get, self.version.clone(), None).await
    }
}
