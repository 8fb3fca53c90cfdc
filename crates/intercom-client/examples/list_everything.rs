//! Lists every content import source, external page and (for one contact) note.
//!
//! ```sh
//! INTERCOM_TOKEN=… cargo run -p intercom-client --example list_everything -- [contact_id]
//! ```
//!
//! `INTERCOM_BASE_URL` (optional) points it at another host, such as the fake.

use futures::TryStreamExt;
use intercom_client::{Client, ContactId, Result};

#[tokio::main]
async fn main() -> Result<()> {
    let client = client_from_env()?;

    let mut sources = client.content_import_sources().list().per_page(150).items();
    while let Some(source) = sources.try_next().await? {
        println!("source {} {} ({})", source.id, source.url, source.status);
    }

    // Streams fetch page by page: memory stays at one page however long the list.
    let mut pages = client.external_pages().list().per_page(150).items();
    while let Some(page) = pages.try_next().await? {
        println!(
            "page {} [{}:{}] {}",
            page.id, page.source_id, page.external_id, page.title
        );
    }

    if let Some(contact) = std::env::args().nth(1) {
        let mut notes = client.notes().list(&ContactId::new(contact)).items();
        while let Some(note) = notes.try_next().await? {
            // From 2.16 a note need not have a time or a body.
            let at = note.created_at.map_or("-".to_owned(), |at| at.to_string());
            let body = note.body.as_deref().unwrap_or("");
            println!("note {} at {at}: {body}", note.id);
        }
    }

    if let Some(rate) = client.rate_limit() {
        println!("rate limit: {:?} of {:?} left", rate.remaining, rate.limit);
    }
    Ok(())
}

fn client_from_env() -> Result<Client> {
    let mut builder = Client::builder().token_from_env()?;
    if let Ok(url) = std::env::var("INTERCOM_BASE_URL") {
        builder = builder.base_url(url);
    }
    builder.build()
}
