//! The whole flow against a fake Intercom started in this process, so it runs anywhere:
//! ensure a source, upsert pages, list them across several pages, update one, delete one,
//! create and read notes.
//!
//! ```sh
//! cargo run -p intercom-client --example quickstart
//! ```
//!
//! Against the real API, build the client with `Client::from_env()` (reading
//! `INTERCOM_TOKEN`) instead of pointing it at the fake.

use futures::{StreamExt, TryStreamExt, stream};
use intercom_client::{Client, ContactId, ExternalPageUpdate, NewExternalPage, NewNote, Region};
use intercom_fake::FakeIntercom;

const TOKEN: &str = "quickstart-token";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeIntercom::builder().token(TOKEN).start().await?;
    println!(
        "started a fake Intercom at {} (nothing is sent to Intercom)",
        fake.base_url()
    );
    let client = Client::builder()
        .token(TOKEN)
        .region(Region::Us)
        .base_url(fake.base_url())
        .build()?;
    println!("client pinned to Intercom-Version {}", client.api_version());

    // 1. Find or create the source the pages belong to. Running it twice finds the same one.
    let sources = client.content_import_sources();
    let source = sources.ensure("https://help.example.com").await?;
    let again = sources.ensure("https://help.example.com/").await?;
    println!(
        "ensured content import source {} at {} (again: {})",
        source.id, source.url, again.id
    );

    // 2. Upsert 120 pages, 8 at a time, paced under the rate limit.
    let pages = (1..=120).map(|n| {
        NewExternalPage::new(source.id, format!("articles/{n:03}"))
            .title(format!("Article {n}"))
            .html(format!(
                "<h1>Article {n}</h1><p>How to do thing number {n}.</p>"
            ))
            .url(format!("https://help.example.com/articles/{n:03}"))
    });
    let report = client
        .external_pages()
        .upsert_all(stream::iter(pages), 8)
        .await;
    println!("upserted pages: {report}");

    // 3. List them back, 50 per page: one request per page, streamed.
    let mut listed = client.external_pages().list().per_page(50).pages();
    while let Some(page) = listed.try_next().await? {
        println!(
            "listed page {}/{}: {} pages ({} in all)",
            page.page.unwrap_or(0),
            page.total_pages.unwrap_or(0),
            page.items.len(),
            page.total_count.unwrap_or(0)
        );
    }

    // 4. Update one page, then delete another.
    let two: Vec<_> = client
        .external_pages()
        .list()
        .items()
        .take(2)
        .try_collect()
        .await?;
    let [first, second] = two.as_slice() else {
        return Err("the source has fewer than two pages".into());
    };
    let updated = client
        .external_pages()
        .update(
            &first.id,
            // The API replaces the whole page: start from it and change what changes.
            ExternalPageUpdate::from_page(first)?
                .title("Article 1, revised")
                .html("<p>Revised.</p>"),
        )
        .await?;
    println!("updated page {}: {:?}", updated.id, updated.title);
    let deleted = client.external_pages().delete(&second.id).await?;
    println!("deleted page {} ({})", deleted.id, deleted.external_id);
    let remaining = client.external_pages().list().items().count().await;
    println!("{remaining} pages remain");

    // 5. Notes of a contact: create two, list them, read one back.
    let contact = ContactId::new("67506132d5eefd6f04e7d08e");
    let notes = client.notes();
    let note = notes
        .create(
            &contact,
            NewNote::new("<p>Asked about shipping to Germany.</p>").admin_id("991267584"),
        )
        .await?;
    notes
        .create(&contact, NewNote::new("<p>Follow-up sent.</p>"))
        .await?;
    let all: Vec<_> = notes.list(&contact).items().try_collect().await?;
    println!("contact {contact} has {} notes", all.len());
    let read = notes.get(&note.id).await?;
    println!("note {}: {}", read.id, read.body.as_deref().unwrap_or(""));

    println!("the fake saw {} requests", fake.requests().len());
    fake.shutdown().await?;
    Ok(())
}
