//! Push a CMS's articles into a content import source, with prune, against a fake Intercom
//! started in this process (so it runs anywhere):
//!
//! ```sh
//! cargo run -p intercom-sync --example cms
//! ```
//!
//! 1. The first sync creates a page per published article; the second, over the same
//!    articles, finds everything unchanged and sends no write.
//! 2. Then the CMS changes: an article is edited, one unpublished, one cannot be rendered,
//!    and the fake answers the edited article's write with a 500 every time the client tries.
//!    The prune deletes the unpublished article's page and keeps the unrenderable one's; the
//!    report names the failed write's status, Intercom's error code and the request id.
//! 3. A rerun, the fake healthy again, updates the edited page.
//!
//! Against the real API, build the client with `Client::from_env()` (reading
//! `INTERCOM_TOKEN`) instead of pointing it at the fake.

use std::fmt;
use std::time::Duration;

use futures::{StreamExt, stream};
use intercom_client::Client;
use intercom_client::retry::RetryPolicy;
use intercom_fake::FakeIntercom;
use intercom_fake::faults::FaultConfig;
use intercom_sync::{DesiredPage, ItemError, SyncOptions, SyncReport};

const TOKEN: &str = "cms-example-token";
const SOURCE_URL: &str = "https://help.example.com";

/// An article as the CMS hands it out.
#[derive(Clone, Debug)]
struct Article {
    slug: String,
    title: String,
    /// `None`: the CMS could not render the body.
    body_html: Option<String>,
    published: bool,
}

/// What reading the CMS fails with.
#[derive(Debug)]
struct CmsError {
    slug: String,
    reason: &'static str,
}

impl fmt::Display for CmsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "article {}: {}", self.slug, self.reason)
    }
}

impl std::error::Error for CmsError {}

fn articles() -> Vec<Article> {
    let article = |slug: &str, title: &str, body: &str| Article {
        slug: slug.into(),
        title: title.into(),
        body_html: Some(format!("<h1>{title}</h1><p>{body}</p>")),
        published: true,
    };
    vec![
        article("returns", "Returns", "Send it back within 30 days."),
        article("shipping", "Shipping", "Orders leave within 2 days."),
        article("sizes", "Size guide", "Measure twice."),
        article("warranty", "Warranty", "Two years on everything."),
        article("contact", "Contact us", "We answer within a day."),
    ]
}

/// The CMS's articles as the sync's input: the published ones, rendered.
fn rendered(article: Article) -> Result<DesiredPage, CmsError> {
    let body = article.body_html.ok_or_else(|| CmsError {
        slug: article.slug.clone(),
        reason: "the body could not be rendered",
    })?;
    Ok(DesiredPage::new(&article.slug)
        .title(article.title)
        .html(body)
        .url(format!("{SOURCE_URL}/articles/{}", article.slug)))
}

/// One sync of `articles`, with prune, printed with its failures.
async fn push(
    client: &Client,
    articles: Vec<Article>,
) -> Result<SyncReport, Box<dyn std::error::Error>> {
    let input = stream::iter(articles)
        .filter(|article| std::future::ready(article.published))
        .map(rendered)
        // A `CmsError` as it is would keep every page of the source (the sync cannot tell
        // which one it stands for); naming the page keeps just that one.
        .map(|item| item.map_err(|e| ItemError::failed(e.to_string()).page(e.slug)));
    // One write at a time, so that the fake's fault falls on one page only.
    let options = SyncOptions::default().prune(true).concurrency(1)?;
    let report = intercom_sync::sync(client, SOURCE_URL, input, options).await?;
    println!("  {report}");
    for line in &report.pages {
        println!("    {line}");
    }
    for line in report.failures() {
        let Some(failure) = line.failure() else {
            continue;
        };
        println!(
            "  failed: {} (status {}, code {}, request id {}, {})",
            line.external_id,
            failure.status().map_or("none".into(), |s| s.to_string()),
            failure.code().unwrap_or("none"),
            failure.request_id().unwrap_or("none"),
            if failure.is_retryable() {
                "a rerun may fix it"
            } else {
                "a rerun will not fix it"
            },
        );
    }
    Ok(report)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeIntercom::builder().token(TOKEN).start().await?;
    println!(
        "started a fake Intercom at {} (nothing is sent to Intercom)",
        fake.base_url()
    );
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff(Duration::from_millis(10), Duration::from_millis(50)),
        )
        .build()?;

    println!("1. first sync: every article becomes a page");
    let first = push(&client, articles()).await?;
    assert_eq!(first.counts.created, 5);

    println!("   second sync over the same articles: everything unchanged, no write sent");
    fake.clear_requests();
    let second = push(&client, articles()).await?;
    assert_eq!(second.counts.unchanged, 5);
    assert!(fake.requests().iter().all(|r| r.method == "GET"));

    println!("2. `returns` edited, `warranty` unpublished, `sizes` cannot be rendered,");
    println!("   and every attempt at the next write answers 500 (the client tries 3 times)");
    let mut now = articles();
    now[0].body_html = Some("<h1>Returns</h1><p>Send it back within 60 days.</p>".into());
    now[2].body_html = None;
    now[3].published = false;
    fake.set_faults(FaultConfig::new().rule("POST /ai/external_pages=500,500,500".parse()?));
    let third = push(&client, now.clone()).await?;
    let c = third.counts;
    assert_eq!((c.unchanged, c.deleted, c.failed), (2, 1, 2));
    let failure = third.pages[0].failure().ok_or("returns did not fail")?;
    assert_eq!(
        (failure.status(), failure.code()),
        (Some(500), Some("server_error"))
    );

    println!("3. the same input, the fake healthy again: the edit goes through");
    fake.set_faults(FaultConfig::new());
    let fourth = push(&client, now).await?;
    assert_eq!((fourth.counts.updated, fourth.counts.unchanged), (1, 2));
    let mut left: Vec<_> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| p.external_id)
        .collect();
    left.sort();
    println!("  the source holds: {}", left.join(", "));
    assert_eq!(left, ["contact", "returns", "shipping", "sizes"]);
    Ok(())
}
