//! `/contacts/{id}/notes` and `/notes/{id}`: list, create, get, each the generated
//! operation sent by the client's transport.

use intercom_openapi::operations::{
    CreateCompanyNote, CreateNote, ListCompanyNotes, ListNotes, RetrieveNote,
};
use intercom_openapi::types::Note;

use crate::call::Call;
use crate::client::Client;
use crate::pagination::List;
use crate::request::{NewCompanyNote, NewNote};
use crate::validate;
use crate::version::ApiVersion;
use intercom_openapi::ids::{CompanyId, ContactId, NoteId};

/// Notes on contacts and companies; from [`Client::notes`].
///
/// ```
/// # use intercom_fake::FakeIntercom;
/// use intercom_client::prelude::*;
/// use intercom_client::Note;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = FakeIntercom::builder().token("t").start().await?;
/// # let client = Client::builder().token("t").base_url(fake.base_url()).build()?;
/// let notes = client.notes();
/// let contact = ContactId::new("67506132d5eefd6f04e7d08e");
///
/// let note = notes
///     .create(&contact, NewNote::new("<p>Asked about shipping to Germany.</p>").admin_id("991267584"))
///     .await?;
/// notes.create(&contact, NewNote::new("<p>Follow-up sent.</p>")).await?;
///
/// let all: Vec<Note> = notes.list(&contact).items().try_collect().await?;
/// assert_eq!(all.len(), 2);
/// assert_eq!(notes.get(&note.id).await?.body, note.body);
/// # fake.shutdown().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Notes {
    client: Client,
    version: Option<ApiVersion>,
}

impl Client {
    /// Notes on contacts and companies.
    pub fn notes(&self) -> Notes {
        Notes {
            client: self.clone(),
            version: None,
        }
    }
}

impl Notes {
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
    pub fn create(&self, contact: &ContactId, note: NewNote) -> Call<Note> {
        let create = validate::id("contact_id", contact.as_str())
            .and_then(|()| note.to_body(contact))
            .map(|body| CreateNote {
                id: contact.clone(),
                body,
            });
        self.client.call(create, self.version.clone(), false)
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
    pub fn create_for_company(&self, company: &CompanyId, note: NewCompanyNote) -> Call<Note> {
        let create = validate::id("company_id", company.as_str())
            .and_then(|()| note.to_body())
            .map(|body| CreateCompanyNote {
                id: company.clone(),
                body,
            });
        self.client.call(create, self.version.clone(), false)
    }

    /// One note.
    pub fn get(&self, id: &NoteId) -> Call<Note> {
        let get = RetrieveNote { id: id.clone() };
        self.client.call(Ok(get), self.version.clone(), false)
    }
}
