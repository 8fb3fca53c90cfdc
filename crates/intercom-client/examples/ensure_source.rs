//! Finds the content import source for a URL, creating it if there is none, without ever
//! creating a duplicate (even when a create fails midway).
//!
//! ```sh
//! INTERCOM_TOKEN=… cargo run -p intercom-client --example ensure_source -- https://help.example.com
//! ```

use intercom_client::{Client, Error, Result};

#[tokio::main]
async fn main() -> Result<()> {
    let url = std::env::args().nth(1).ok_or_else(|| Error::InvalidInput {
        field: "url",
        reason: "expected the source's URL as the first argument".into(),
    })?;

    let mut builder = Client::builder().token_from_env()?;
    if let Ok(base) = std::env::var("INTERCOM_BASE_URL") {
        builder = builder.base_url(base);
    }
    let client = builder.build()?;

    match client.content_import_sources().ensure(&url).await {
        Ok(source) => {
            println!(
                "source {} for {} ({})",
                source.id, source.url, source.status
            );
            Ok(())
        }
        Err(err) => {
            // One line: status, code, message and the request id to quote to support.
            eprintln!("error: {err}");
            Err(err)
        }
    }
}
