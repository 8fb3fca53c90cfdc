//! The sync engine against the stateful fake: what it sends (the fake's request log) and
//! what the source holds afterwards (the fake's state).

use std::time::Duration;

use futures::stream;
use intercom_client::Client;
use intercom_client::retry::RetryPolicy;
use intercom_fake::{FakeIntercom, RequestRecord};
use intercom_sync::{DesiredPage, PlannedAction, SyncOptions, SyncReport, sync};

const TOKEN: &str = "sync-token";
const SOURCE: &str = "https://docs.example.com";

async fn fake() -> FakeIntercom {
    FakeIntercom::builder().token(TOKEN).start().await.unwrap()
}

fn client(fake: &FakeIntercom) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(5)
                .with_backoff(Duration::from_millis(5), Duration::from_millis(20)),
        )
        .build()
        .unwrap()
}

fn pages(n: usize) -> Vec<DesiredPage> {
    (0..n)
        .map(|i| {
            DesiredPage::new(format!("doc-{i:03}.md"))
                .title(format!("Doc {i}"))
                .html(format!("<p>{i}</p>"))
                .url(format!("https://docs.example.com/doc-{i:03}"))
        })
        .collect()
}

async fn run(fake: &FakeIntercom, input: Vec<DesiredPage>, options: SyncOptions) -> SyncReport {
    fake.clear_requests();
    sync(&client(fake), SOURCE, stream::iter(input), options)
        .await
        .unwrap()
}

fn writes(log: &[RequestRecord]) -> Vec<String> {
    log.iter()
        .filter(|r| r.method != "GET")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

fn state_pages(fake: &FakeIntercom) -> Vec<(String, String, String)> {
    let mut pages: Vec<_> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| (p.external_id, p.title, p.html))
        .collect();
    pages.sort();
    pages
}

fn expected(input: &[DesiredPage]) -> Vec<(String, String, String)> {
    let mut pages: Vec<_> = input
        .iter()
        .map(|p| (p.external_id.clone(), p.title.clone(), p.html.clone()))
        .collect();
    pages.sort();
    pages
}

#[tokio::test]
async fn a_second_run_over_the_same_input_sends_no_write() {
    let fake = fake().await;
    let input = pages(60);

    let first = run(&fake, input.clone(), SyncOptions::default()).await;
    assert_eq!(
        (first.counts.created, first.counts.failed),
        (60, 0),
        "{first}"
    );
    assert!(first.source_created);
    assert_eq!(state_pages(&fake), expected(&input));

    let second = run(&fake, input.clone(), SyncOptions::default()).await;
    assert_eq!(second.counts.unchanged, 60, "{second}");
    assert!(!second.source_created);
    assert_eq!(writes(&fake.requests()), Vec::<String>::new());
    assert_eq!(fake.state().sources.len(), 1);
}

#[tokio::test]
async fn one_edit_updates_one_page_and_prune_deletes_exactly_the_removed_ones() {
    let fake = fake().await;
    let mut input = pages(20);
    run(&fake, input.clone(), SyncOptions::default()).await;

    input[7].html = "<p>seven, edited</p>".into();
    let edited = run(&fake, input.clone(), SyncOptions::default()).await;
    assert_eq!(
        (edited.counts.updated, edited.counts.unchanged),
        (1, 19),
        "{edited}"
    );
    assert_eq!(writes(&fake.requests()), ["POST /ai/external_pages"]);

    let removed: Vec<_> = [input.remove(12), input.remove(3)]
        .into_iter()
        .map(|p| p.external_id)
        .collect();
    let without_prune = run(&fake, input.clone(), SyncOptions::default()).await;
    assert_eq!(without_prune.counts.deleted, 0);
    assert_eq!(fake.state().pages.len(), 20, "no prune, no delete");

    let pruned = run(&fake, input.clone(), SyncOptions::default().prune(true)).await;
    assert_eq!(pruned.counts.deleted, 2, "{pruned}");
    let deleted: Vec<_> = pruned
        .pages
        .iter()
        .filter(|p| p.action == PlannedAction::Delete)
        .map(|p| p.external_id.clone())
        .collect();
    assert_eq!(deleted, ["doc-003.md", "doc-012.md"]);
    assert_eq!(removed, ["doc-012.md", "doc-003.md"]);
    assert_eq!(
        writes(&fake.requests())
            .iter()
            .filter(|w| w.starts_with("DELETE"))
            .count(),
        2
    );
    assert_eq!(state_pages(&fake), expected(&input));
}

#[tokio::test]
async fn a_dry_run_reports_the_plan_and_sends_no_write() {
    let fake = fake().await;
    let input = pages(10);

    let plan = run(
        &fake,
        input.clone(),
        SyncOptions::default().dry_run(true).prune(true),
    )
    .await;
    assert!(plan.dry_run && plan.source_created && plan.source_id.is_none());
    assert_eq!(plan.counts.created, 10);
    assert_eq!(writes(&fake.requests()), Vec::<String>::new());
    assert!(
        fake.state().sources.is_empty(),
        "a dry run does not create the source"
    );

    run(&fake, input[..8].to_vec(), SyncOptions::default()).await;
    let mut changed = input.clone();
    changed[0].title = "Renamed".into();
    let plan = run(
        &fake,
        changed[1..].to_vec(),
        SyncOptions::default().dry_run(true).prune(true),
    )
    .await;
    let c = plan.counts;
    assert_eq!(
        (c.created, c.updated, c.unchanged, c.deleted),
        (2, 0, 7, 1),
        "{plan}"
    );
    assert_eq!(writes(&fake.requests()), Vec::<String>::new());
}

/// A fault script: `writes` upserts go through, then the connection drops on every later
/// one (far more than a run with retries sends).
fn network_down_after(writes: usize) -> String {
    let steps: Vec<&str> = std::iter::repeat_n("ok", writes)
        .chain(std::iter::repeat_n("drop", 500))
        .collect();
    format!("POST /ai/external_pages={}", steps.join(","))
}

#[tokio::test]
async fn an_interrupted_run_is_finished_by_running_again() {
    let fake = FakeIntercom::builder()
        .token(TOKEN)
        .fault(network_down_after(15).parse().unwrap())
        .start()
        .await
        .unwrap();
    let input = pages(40);

    let broken = run(
        &fake,
        input.clone(),
        SyncOptions::default().concurrency(1).unwrap(),
    )
    .await;
    assert!(broken.has_failures(), "{broken}");
    assert_eq!(broken.counts.created, 15, "{broken}");
    assert_eq!(
        broken.counts.failed, 25,
        "every page is accounted for: {broken}"
    );
    assert_eq!(fake.state().pages.len(), 15);

    fake.set_faults(Default::default());
    let resumed = run(&fake, input.clone(), SyncOptions::default()).await;
    assert_eq!(
        (resumed.counts.created, resumed.counts.unchanged),
        (25, 15),
        "{resumed}"
    );
    assert_eq!(state_pages(&fake), expected(&input));
    assert_eq!(fake.state().sources.len(), 1);
}

#[tokio::test]
async fn unreadable_input_and_repeated_ids_are_reported_not_sent() {
    let fake = fake().await;
    let client = client(&fake);
    let input = vec![
        Ok(DesiredPage::new("a.md").title("A").html("<p>a</p>")),
        Err(intercom_sync::ItemError::failed("is not UTF-8").page("broken.md")),
        Ok(DesiredPage::new("a.md").title("A again").html("<p>a</p>")),
        Ok(DesiredPage::new("b.md").title("").html("<p>b</p>")),
    ];
    let report = sync(&client, SOURCE, stream::iter(input), SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(report.counts.created, 1, "{report}");
    assert_eq!(report.counts.failed, 3, "{report}");
    let lines: Vec<String> = report.pages.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines[0], "create a.md");
    assert_eq!(
        lines[1],
        "skip broken.md: failed: is not UTF-8; its page is kept"
    );
    assert!(
        lines[2].starts_with("skip a.md: failed: the input has this external id more than once")
    );
    assert!(
        lines[3].contains("`title` must not be empty"),
        "{}",
        lines[3]
    );
    let posts = fake
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/ai/external_pages")
        .count();
    assert_eq!(posts, 1, "the invalid page was never sent");
}
