//! Handling errors as a service would: classify each failure (fix the input, fix the setup,
//! try later, report to Intercom's support with the request id), against a fake Intercom
//! started in this process.
//!
//! ```sh
//! cargo run -p intercom-client --example errors
//! ```

use intercom_client::prelude::*;
use intercom_fake::FakeIntercom;

const TOKEN: &str = "errors-example-token";

/// What a service does with a failed call.
#[derive(Debug, PartialEq)]
enum Action {
    /// Our input is wrong: nothing was sent, or Intercom refused it (4xx). Do not retry.
    FixInput,
    /// The token or the app's setup is wrong (401, 403).
    FixSetup,
    /// Transient (429, 5xx, timeout, connection): the client already retried idempotent calls
    /// as its policy allows; try the job again later.
    RetryLater,
    /// The thing asked for is not there (404).
    NotFound,
}

fn classify(error: &Error) -> Action {
    if error.is_retryable() {
        return Action::RetryLater;
    }
    match (error, error.status_code()) {
        (Error::InvalidInput { .. }, _) => Action::FixInput,
        (_, Some(401 | 403)) => Action::FixSetup,
        (_, Some(404)) => Action::NotFound,
        // `Error` is non-exhaustive: a kind added later lands here.
        _ => Action::FixInput,
    }
}

/// One line for a log or a ticket: the code, the message and the request id Intercom's
/// support asks for.
fn report(what: &str, error: &Error) {
    println!(
        "{what}: {:?}; status {:?}, code {:?}, message {:?}, request id {:?}\n  {error}",
        classify(error),
        error.status_code(),
        error.code(),
        error.message(),
        error.request_id(),
    );
}

#[tokio::main]
async fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let fake = FakeIntercom::builder().token(TOKEN).start().await?;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()?;

    // A page that does not exist: a 404 with Intercom's `error.list`.
    let missing = client
        .external_pages()
        .get(&ExternalPageId::new("999999"))
        .await
        .expect_err("no such page");
    report("get a missing page", &missing);
    assert_eq!(classify(&missing), Action::NotFound);
    assert!(missing.request_id().is_some());

    // Input the reference forbids: refused before anything is sent.
    let source = client
        .content_import_sources()
        .ensure("https://help.example.com")
        .await?;
    let invalid = client
        .external_pages()
        .upsert(NewExternalPage::new(source.id, "no-title").html("<p>x</p>"))
        .await
        .expect_err("a page needs a title");
    report("upsert a page without a title", &invalid);
    assert_eq!(classify(&invalid), Action::FixInput);

    // A wrong token: 401 from the server; the token itself is never in the error.
    let wrong = Client::builder()
        .token("not-the-token")
        .base_url(fake.base_url())
        .build()?;
    let unauthorized = wrong
        .content_import_sources()
        .get(source.id)
        .await
        .expect_err("the fake knows one token");
    report("call with a wrong token", &unauthorized);
    assert_eq!(classify(&unauthorized), Action::FixSetup);
    assert!(!unauthorized.to_string().contains("not-the-token"));

    // Nothing listening: a transport error, transient, after the policy's retries.
    let unreachable = Client::builder()
        .token(TOKEN)
        .base_url("http://127.0.0.1:9")
        .retry_policy(RetryPolicy::never())
        .build()?;
    let down = unreachable
        .external_pages()
        .get(&ExternalPageId::new("1"))
        .await
        .expect_err("nothing listens on port 9");
    report("call a host that is down", &down);
    assert_eq!(classify(&down), Action::RetryLater);

    fake.shutdown().await?;
    Ok(())
}
