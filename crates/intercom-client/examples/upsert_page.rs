//! Creates or updates one external page by (source id, external id).
//!
//! ```sh
//! INTERCOM_TOKEN=… cargo run -p intercom-client --example upsert_page -- 44 doc-1 "Title" "<p>Body</p>"
//! ```

use intercom_client::{Client, ContentImportSourceId, Error, NewExternalPage, Result};

#[tokio::main]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = || Error::InvalidInput {
        field: "arguments",
        reason: "expected: <source_id> <external_id> <title> <html> [url]".into(),
    };
    let source_id: i64 = args.next().and_then(|s| s.parse().ok()).ok_or_else(usage)?;
    let external_id = args.next().ok_or_else(usage)?;
    let title = args.next().ok_or_else(usage)?;
    let html = args.next().ok_or_else(usage)?;

    let mut page = NewExternalPage::new(ContentImportSourceId::new(source_id), external_id)
        .title(title)
        .html(html);
    if let Some(url) = args.next() {
        page = page.url(url);
    }

    let mut builder = Client::builder().token_from_env()?;
    if let Ok(url) = std::env::var("INTERCOM_BASE_URL") {
        builder = builder.base_url(url);
    }
    let client = builder.build()?;

    // Validation happens here, before anything is sent; the upsert is retried if it must be.
    let page = client.external_pages().upsert(page).await?;
    println!("upserted page {} (updated at {})", page.id, page.updated_at);
    Ok(())
}
