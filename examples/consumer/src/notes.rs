//! Notes on a contact or a company: the service writes one when its own workflow does
//! something a support agent should see, and reads them back.

use intercom_client::prelude::*;
use intercom_client::{Note, futures::TryStreamExt};

/// Adds `text` to the contact, as the admin `author`.
pub async fn annotate_contact(
    client: &Client,
    contact: &ContactId,
    author: &str,
    text: &str,
) -> Result<Note> {
    client
        .notes()
        .create(contact, NewNote::new(text).admin_id(author))
        .await
}

/// Adds `text` to the company (API 2.16; the client sends that version for this call).
pub async fn annotate_company(client: &Client, company: &CompanyId, text: &str) -> Result<Note> {
    client
        .notes()
        .create_for_company(company, NewCompanyNote::new(text))
        .await
}

/// Every note of the contact, newest first as the API lists them, each as its text.
pub async fn contact_notes(client: &Client, contact: &ContactId) -> Result<Vec<String>> {
    client
        .notes()
        .list(contact)
        .items()
        .map_ok(|note| note.body.unwrap_or_default())
        .try_collect()
        .await
}
