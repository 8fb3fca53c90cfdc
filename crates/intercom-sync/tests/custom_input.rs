//! A sync fed by a stream that is not a folder, whose items fail with the caller's own error
//! type: what a prune may delete then (the fake's state and request log).

use std::fmt;

use futures::{StreamExt, stream};
use intercom_client::Client;
use intercom_fake::FakeIntercom;
use intercom_sync::{
    Covers, DesiredPage, ItemError, Outcome, PlannedAction, SyncOptions, SyncReport, sync,
};

const TOKEN: &str = "custom-input-token";
const SOURCE: &str = "https://cms.example.com";

/// A record as a CMS hands it out.
#[derive(Clone)]
struct Record {
    slug: &'static str,
    body: Option<&'static str>,
}

/// The CMS's own error: a record that cannot be rendered.
#[derive(Debug)]
struct CmsError {
    slug: &'static str,
}

impl fmt::Display for CmsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {} has no body", self.slug)
    }
}

fn render(record: Record) -> Result<DesiredPage, CmsError> {
    let body = record.body.ok_or(CmsError { slug: record.slug })?;
    Ok(DesiredPage::new(record.slug)
        .title(format!("Title of {}", record.slug))
        .html(format!("<p>{body}</p>")))
}

fn records(slugs: &[&'static str]) -> Vec<Record> {
    slugs
        .iter()
        .map(|&slug| Record {
            slug,
            body: Some("body"),
        })
        .collect()
}

fn client(fake: &FakeIntercom) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap()
}

/// A source holding pages a to f.
async fn seeded() -> FakeIntercom {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let input = stream::iter(records(&["a", "b", "c", "d", "e", "f"])).map(render);
    let report = sync(&client(&fake), SOURCE, input, SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(report.counts.created, 6, "{report}");
    fake.clear_requests();
    fake
}

/// Pages a and b are still in the CMS, c fails to render, d to f are gone.
fn now() -> Vec<Record> {
    let mut now = records(&["a", "b", "c"]);
    now[2].body = None;
    now
}

fn external_ids(fake: &FakeIntercom) -> Vec<String> {
    let mut ids: Vec<_> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| p.external_id)
        .collect();
    ids.sort();
    ids
}

fn deletes(fake: &FakeIntercom) -> usize {
    fake.requests()
        .iter()
        .filter(|r| r.method == "DELETE")
        .count()
}

fn deleted(report: &SyncReport) -> Vec<&str> {
    report
        .pages
        .iter()
        .filter(|p| p.action == PlannedAction::Delete && p.outcome == Outcome::Done)
        .map(|p| p.external_id.as_str())
        .collect()
}

#[tokio::test]
async fn an_error_that_names_its_page_keeps_that_page_and_the_prune_deletes_the_rest() {
    let fake = seeded().await;
    let input = stream::iter(now())
        .map(|record| render(record).map_err(|e| ItemError::failed(e.to_string()).page(e.slug)));

    let report = sync(
        &client(&fake),
        SOURCE,
        input,
        SyncOptions::default().prune(true),
    )
    .await
    .unwrap();

    assert_eq!(deleted(&report), ["d", "e", "f"], "{report}");
    assert_eq!(report.counts.deleted, 3, "{report}");
    assert_eq!(report.counts.failed, 1, "{report}");
    assert_eq!(deletes(&fake), 3);
    assert_eq!(external_ids(&fake), ["a", "b", "c"], "c's page is kept");
    let c = &report.pages[2];
    assert_eq!(
        c.to_string(),
        "skip c: failed: record c has no body; its page is kept"
    );
    let failure = c.failure().expect("c failed");
    assert_eq!((failure.status(), failure.request_id()), (None, None));
    assert!(!failure.is_retryable() && failure.error().is_none());
}

#[tokio::test]
async fn an_error_of_any_other_type_could_be_any_page_so_nothing_is_deleted() {
    let fake = seeded().await;
    // The CMS's own error type, as it is: the sync cannot tell which page it stands for.
    let input = stream::iter(now()).map(render);

    let report = sync(
        &client(&fake),
        SOURCE,
        input,
        SyncOptions::default().prune(true),
    )
    .await
    .unwrap();

    assert_eq!(deleted(&report), Vec::<&str>::new(), "{report}");
    assert_eq!(deletes(&fake), 0, "{report}");
    assert_eq!(external_ids(&fake), ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(
        (report.counts.unchanged, report.counts.failed),
        (2, 1),
        "{report}"
    );
    let refused = report.prune_refused.as_ref().expect("the prune is refused");
    assert_eq!(refused.unknown_inputs, ["input item 3"], "{report}");
    assert_eq!(refused.would_delete, 4, "{report}");
    assert_eq!(
        report.pages[2].to_string(),
        "skip input item 3: failed: record c has no body; \
         it could stand for any page, so no page is deleted"
    );
    assert!(
        report.pages[3..].iter().all(|p| p
            .to_string()
            .ends_with("input item 3 could not be read and could stand for any page")),
        "{report:#?}"
    );
    // Once the CMS renders every record again, the prune goes on.
    let input = stream::iter(records(&["a", "b", "c"])).map(render);
    let report = sync(
        &client(&fake),
        SOURCE,
        input,
        SyncOptions::default().prune(true),
    )
    .await
    .unwrap();
    assert_eq!(deleted(&report), ["d", "e", "f"], "{report}");
    assert_eq!(external_ids(&fake), ["a", "b", "c"]);
}

#[tokio::test]
async fn item_errors_cover_a_folder_and_skipped_items_are_not_failures() {
    let fake = seeded().await;
    let input = stream::iter(vec![
        Ok(DesiredPage::new("a")
            .title("Title of a")
            .html("<p>body</p>")),
        // Every page whose id starts with `d` (d, and nothing else here) is kept.
        Err(ItemError::failed("the d section is being migrated")
            .name("section d")
            .covers(Covers::Folder("d".into()))),
        Err(ItemError::skipped("a draft").page("e")),
    ]);

    let report = sync(
        &client(&fake),
        SOURCE,
        input,
        SyncOptions::default().prune(true),
    )
    .await
    .unwrap();

    assert_eq!(deleted(&report), ["b", "c", "f"], "{report}");
    assert_eq!(external_ids(&fake), ["a", "d", "e"]);
    let c = report.counts;
    assert_eq!((c.failed, c.skipped, c.deleted), (1, 1, 3), "{report}");
    assert_eq!(
        report.pages[1].to_string(),
        "skip section d: failed: the d section is being migrated; the pages under it are kept"
    );
    assert_eq!(
        report.pages[2].to_string(),
        "skip e: skipped: a draft; its page is kept"
    );
}

#[tokio::test]
async fn an_infallible_stream_of_pages_needs_no_result() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let pages: Vec<DesiredPage> = (0..3)
        .map(|n| {
            DesiredPage::new(format!("p{n}"))
                .title(format!("Page {n}"))
                .html("<p>x</p>")
                .url(format!("https://cms.example.com/p{n}"))
                .ai_agent_availability(true)
                .ai_copilot_availability(false)
        })
        .collect();
    let report = sync(
        &client(&fake),
        SOURCE,
        stream::iter(pages),
        SyncOptions::default(),
    )
    .await
    .unwrap();
    assert_eq!(report.counts.created, 3, "{report}");
    let state = fake.state();
    let page = state.pages.iter().find(|p| p.external_id == "p1").unwrap();
    assert_eq!(page.title, "Page 1");
    assert_eq!(page.url.as_deref(), Some("https://cms.example.com/p1"));
    assert!(page.ai_agent_availability && !page.ai_copilot_availability);
}

/// A sync can be spawned on a multi-threaded runtime: its future is `Send` (checked when
/// this file compiles).
#[allow(dead_code)]
fn the_sync_future_is_send(client: &Client) {
    fn send<T: Send>(_: T) {}
    send(sync(
        client,
        SOURCE,
        stream::iter(now()).map(render),
        SyncOptions::default(),
    ));
}
