//! The guards that keep a sync from losing or duplicating pages, at the engine's own level:
//! the prune's limits (every page, a share, forced), what a delete's answer means, and the
//! refusal of new ids that would orphan the source's pages. Each asserts what the source
//! holds afterwards and what went over the wire.

use std::time::Duration;

use futures::stream;
use httpmock::MockServer;
use intercom_client::Client;
use intercom_client::retry::RetryPolicy;
use intercom_fake::{FakeIntercom, RequestRecord};
use intercom_sync::{DesiredPage, Outcome, PlannedAction, SyncOptions, SyncReport, sync};
use serde_json::json;

const TOKEN: &str = "guards-token";
const SOURCE: &str = "https://docs.example.com";

fn client(base_url: &str) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(base_url)
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(2)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(2))
                .with_settle_time(Duration::ZERO),
        )
        .build()
        .unwrap()
}

fn page(id: &str) -> DesiredPage {
    DesiredPage::new(id)
        .title(format!("Title {id}"))
        .html(format!("<p>{id}</p>"))
}

fn pages(prefix: &str, n: usize) -> Vec<DesiredPage> {
    (0..n).map(|i| page(&format!("{prefix}{i:02}"))).collect()
}

/// A fake whose source holds `n` pages `p00`… (synced by a first run).
async fn seeded(n: usize) -> FakeIntercom {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let report = run(&fake, pages("p", n), SyncOptions::default()).await;
    assert_eq!(report.counts.created, n, "{report}");
    fake
}

async fn run(fake: &FakeIntercom, input: Vec<DesiredPage>, options: SyncOptions) -> SyncReport {
    fake.clear_requests();
    sync(
        &client(fake.base_url()),
        SOURCE,
        stream::iter(input),
        options,
    )
    .await
    .unwrap()
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

fn writes(log: &[RequestRecord]) -> usize {
    log.iter().filter(|r| r.method != "GET").count()
}

fn prune() -> SyncOptions {
    SyncOptions::default().prune(true)
}

#[tokio::test]
async fn a_prune_of_every_page_is_refused_even_when_any_share_is_allowed() {
    let fake = seeded(4).await;
    let options = prune().max_prune_share(1.0).unwrap();
    let report = run(&fake, Vec::new(), options.clone()).await;
    let refused = report.prune_refused.as_ref().expect("refused");
    assert_eq!((refused.would_delete, refused.existing), (4, 4));
    assert!(refused.unknown_inputs.is_empty());
    assert_eq!(writes(&fake.requests()), 0);
    assert_eq!(external_ids(&fake).len(), 4);

    // Forced: every page goes.
    let report = run(&fake, Vec::new(), options.force_prune(true)).await;
    assert_eq!(report.prune_refused, None);
    assert_eq!(report.counts.deleted, 4, "{report}");
    assert!(external_ids(&fake).is_empty());
}

#[tokio::test]
async fn an_empty_input_into_an_empty_source_refuses_nothing() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let report = run(&fake, Vec::new(), prune()).await;
    assert_eq!(report.prune_refused, None, "{report}");
    assert_eq!(report.creates_refused, None, "{report}");
}

#[tokio::test]
async fn a_prune_may_delete_up_to_its_share_and_not_one_page_more() {
    let fake = seeded(10).await;
    // Six of ten gone: over half.
    let report = run(&fake, pages("p", 4), prune()).await;
    let refused = report.prune_refused.as_ref().expect("refused");
    assert_eq!((refused.would_delete, refused.existing), (6, 10));
    assert_eq!(writes(&fake.requests()), 0);
    let skipped = report
        .pages
        .iter()
        .filter(|p| p.action == PlannedAction::Delete)
        .filter(|p| matches!(&p.outcome, Outcome::Skipped { .. }))
        .count();
    assert_eq!(skipped, 6, "{report}");
    // Five of ten: exactly half, allowed.
    let report = run(&fake, pages("p", 5), prune()).await;
    assert_eq!(report.prune_refused, None, "{report}");
    assert_eq!(report.counts.deleted, 5);
    assert_eq!(external_ids(&fake), ["p00", "p01", "p02", "p03", "p04"]);
}

/// `server` as a source holding `a`, `b` and `gone`, whose DELETE of `gone` answers `status`.
async fn source_whose_delete_answers(server: &MockServer, status: u16) -> httpmock::Mock<'_> {
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources");
            then.status(200).json_body(json!({
                "type": "list", "total_count": 1,
                "pages": {"type": "pages", "page": 1, "total_pages": 1},
                "data": [{
                    "type": "content_import_source", "id": 44, "last_synced_at": 1672928610,
                    "sync_behavior": "api", "status": "active", "url": SOURCE,
                    "created_at": 1672928359, "updated_at": 1672928610
                }]
            }));
        })
        .await;
    let page = |external_id: &str, id: &str| {
        json!({
            "type": "external_page", "id": id, "title": format!("Title {external_id}"),
            "html": format!("<p>{external_id}</p>"), "url": null,
            "ai_agent_availability": true, "ai_copilot_availability": true,
            "fin_availability": true, "locale": "en", "source_id": 44,
            "external_id": external_id, "created_at": 1672928359, "updated_at": 1672928359,
            "last_ingested_at": 1672928359
        })
    };
    let listing = json!({
        "type": "list", "total_count": 3,
        "pages": {"type": "pages", "page": 1, "total_pages": 1},
        "data": [page("a", "1"), page("b", "2"), page("gone", "3")]
    });
    server
        .mock_async(move |when, then| {
            when.method("GET").path("/ai/external_pages");
            then.status(200).json_body(listing);
        })
        .await;
    server
        .mock_async(move |when, then| {
            when.method("DELETE").path("/ai/external_pages/3");
            then.status(status)
                .header("x-request-id", "req-delete")
                .json_body(json!({
                    "type": "error.list", "request_id": "req-delete",
                    "errors": [{"code": "not_found", "message": "Resource Not Found"}]
                }));
        })
        .await
}

async fn prune_gone(server: &MockServer) -> SyncReport {
    sync(
        &client(&server.base_url()),
        SOURCE,
        stream::iter(vec![page("a"), page("b")]),
        prune(),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_page_already_gone_is_deleted_and_a_delete_that_fails_is_a_failure() {
    // 404: an earlier, interrupted run deleted it; that is the goal.
    let server = MockServer::start_async().await;
    let delete = source_whose_delete_answers(&server, 404).await;
    let report = prune_gone(&server).await;
    assert_eq!(delete.calls_async().await, 1);
    let line = report.pages.last().unwrap();
    assert_eq!(
        (line.external_id.as_str(), line.action),
        ("gone", PlannedAction::Delete)
    );
    assert_eq!(line.outcome, Outcome::Done, "{report}");
    assert_eq!((report.counts.deleted, report.counts.failed), (1, 0));

    // Any other answer is a failure that names its status.
    for status in [400, 403, 500] {
        let server = MockServer::start_async().await;
        source_whose_delete_answers(&server, status).await;
        let report = prune_gone(&server).await;
        let line = report.pages.last().unwrap();
        let failure = line
            .failure()
            .unwrap_or_else(|| panic!("{status}: {report}"));
        assert_eq!(failure.status(), Some(status));
        assert_eq!((report.counts.deleted, report.counts.failed), (0, 1));
    }
}

#[tokio::test]
async fn new_ids_that_would_orphan_most_of_the_source_send_nothing_unless_forced() {
    let fake = seeded(10).await;
    // Every id changed (another layout): nothing is created, updated or deleted.
    let mut renamed = pages("q", 10);
    renamed.push(page("p00").title("Changed"));
    for options in [SyncOptions::default(), prune(), prune().dry_run(true)] {
        let report = run(&fake, renamed.clone(), options).await;
        let refused = report.creates_refused.expect("refused");
        assert_eq!(
            (refused.would_create, refused.orphaned, refused.existing),
            (10, 9, 10)
        );
        assert_eq!(report.prune_refused, None, "no prune is tried");
        assert_eq!(writes(&fake.requests()), 0);
        let held = report
            .pages
            .iter()
            .filter(|p| matches!(&p.outcome, Outcome::Skipped { reason, .. } if reason.contains("its ids changed")))
            .count();
        assert_eq!(held, 11, "every write held back is reported: {report}");
    }
    assert_eq!(
        external_ids(&fake),
        pages("p", 10)
            .iter()
            .map(|p| p.external_id.clone())
            .collect::<Vec<_>>()
    );

    // Forced: sent.
    let report = run(
        &fake,
        renamed.clone(),
        SyncOptions::default().force_new_ids(true),
    )
    .await;
    assert_eq!(report.creates_refused, None);
    assert_eq!((report.counts.created, report.counts.updated), (10, 1));
    assert_eq!(external_ids(&fake).len(), 20);
}

#[tokio::test]
async fn new_ids_beside_most_of_the_source_go_out_and_the_limit_is_the_prune_share() {
    let fake = seeded(10).await;
    // Five of ten orphaned (exactly the share) and five new: sent.
    let mut input = pages("p", 5);
    input.extend(pages("n", 5));
    let report = run(&fake, input, SyncOptions::default()).await;
    assert_eq!(report.creates_refused, None, "{report}");
    assert_eq!(report.counts.created, 5);

    // Now fifteen pages: nine of them and one new page leave six orphans, within half
    // but not within a lower share.
    let mut input = pages("p", 9);
    input.push(page("x"));
    let options = SyncOptions::default().max_prune_share(0.3).unwrap();
    let report = run(&fake, input.clone(), options).await;
    let refused = report.creates_refused.expect("refused");
    assert_eq!(
        (refused.would_create, refused.orphaned, refused.existing),
        (1, 6, 15)
    );
    assert_eq!(writes(&fake.requests()), 0);
    let report = run(&fake, input, SyncOptions::default()).await;
    assert_eq!(report.creates_refused, None, "{report}");
    assert_eq!(report.counts.created, 1);
}

/// Issue 22, finding 8: a stopped run (Ctrl-C) reads no more input, sends no new write,
/// deletes nothing, and says it was stopped.
#[tokio::test]
async fn a_stopped_run_reads_no_more_input_and_deletes_nothing() {
    use futures::StreamExt;
    use tokio_util::sync::CancellationToken;

    let fake = seeded(10).await;
    let stop = CancellationToken::new();
    let trigger = stop.clone();
    // The six known pages, then a stop, then pages that must never be read.
    let input = stream::iter(pages("p", 6).into_iter().chain(pages("late", 5)))
        .enumerate()
        .map(move |(n, page)| {
            if n == 5 {
                trigger.cancel();
            }
            page.html(format!("<p>edited {n}</p>"))
        });
    fake.clear_requests();
    let report = sync(
        &client(fake.base_url()),
        SOURCE,
        input,
        prune().force_prune(true).stop_on(stop),
    )
    .await
    .unwrap();

    assert!(report.stopped, "{report}");
    assert!(
        report
            .to_string()
            .ends_with("; stopped before the end of the input")
    );
    assert!(
        report
            .pages
            .iter()
            .all(|p| !p.external_id.starts_with("late")),
        "{report:#?}"
    );
    let requests = fake.requests();
    assert!(
        requests.iter().all(|r| r.method != "DELETE"),
        "{requests:?}"
    );
    let sent = requests.iter().filter(|r| r.method == "POST").count();
    assert!(
        sent <= 6,
        "no write after the stop but those already going: {sent}"
    );
    assert_eq!(
        external_ids(&fake).len(),
        10,
        "nothing deleted, nothing new"
    );
}

/// Issue 22, finding 2: the API host stops answering mid-run. The client gives up on it
/// after its bound; the writes left fail at once for that one reason, and nothing is
/// deleted. (Paused clock: the bound passes without waiting.)
#[tokio::test(start_paused = true)]
async fn a_host_that_stops_answering_fails_the_rest_at_once_and_deletes_nothing() {
    let fake = seeded(20).await;
    // Ten writes are answered; then every connection is closed without an answer.
    let steps: Vec<&str> = std::iter::repeat_n("ok", 10)
        .chain(std::iter::repeat_n("drop", 5_000))
        .collect();
    let rule = format!("POST /ai/external_pages={}", steps.join(","));
    fake.set_faults(intercom_fake::FaultConfig::new().rule(rule.parse().unwrap()));
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .unreachable_after(Some(Duration::from_secs(2)))
        .build()
        .unwrap();
    // Fifteen known pages edited, eighty-five new: p15…p19 would be pruned.
    let mut input: Vec<DesiredPage> = pages("p", 15)
        .into_iter()
        .map(|p| p.html("<p>edited</p>"))
        .collect();
    input.extend(pages("n", 85));
    fake.clear_requests();
    let report = sync(
        &client,
        SOURCE,
        stream::iter(input),
        prune().force_prune(true),
    )
    .await
    .unwrap();

    let reason = report
        .unreachable
        .as_deref()
        .expect("the host is given up on");
    assert!(reason.contains("unreachable since"), "{reason}");
    assert_eq!(report.counts.failed, 100 - 10, "{report}");
    // Those the client's own attempts did not fail yet fail for the one reason.
    let for_the_reason = report
        .failures()
        .filter(|l| l.to_string().contains("unreachable since"))
        .count();
    let reasons: Vec<String> = report.failures().map(|l| l.to_string()).collect();
    assert!(
        for_the_reason >= 60,
        "{for_the_reason} of {report}: {reasons:#?}"
    );
    let requests = fake.requests();
    assert!(
        requests.iter().all(|r| r.method != "DELETE"),
        "nothing deleted"
    );
    let posts = requests.iter().filter(|r| r.method == "POST").count();
    assert!(posts < 40, "the rest are not sent: {posts} POSTs");
    let held = external_ids(&fake);
    assert!(
        pages("p", 20).iter().all(|p| held.contains(&p.external_id)),
        "p00…p19 kept: {held:?}"
    );
}

#[tokio::test]
async fn a_source_that_cannot_be_listed_is_an_error_with_the_clients_status() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources");
            then.status(403)
                .header("x-request-id", "req-403")
                .json_body(json!({
                    "type": "error.list", "request_id": "req-403",
                    "errors": [{"code": "forbidden", "message": "Not allowed"}]
                }));
        })
        .await;
    let error = sync(
        &client(&server.base_url()),
        SOURCE,
        stream::iter(vec![page("a")]),
        SyncOptions::default(),
    )
    .await
    .unwrap_err();
    let client_error = error.client_error().expect("a request failed");
    assert_eq!(client_error.status_code(), Some(403));
    assert_eq!(client_error.request_id(), Some("req-403"));
}

#[tokio::test]
async fn every_page_is_told_to_the_progress_callback_once() {
    use std::sync::{Arc, Mutex};
    let fake = seeded(3).await;
    let told: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = told.clone();
    let options = prune().on_page(move |line| seen.lock().unwrap().push(line.to_string()));
    let mut input = pages("p", 2);
    input.push(page("new"));
    let report = run(&fake, input, options).await;
    let mut told = told.lock().unwrap().clone();
    told.sort();
    let mut lines: Vec<String> = report.pages.iter().map(ToString::to_string).collect();
    lines.sort();
    assert_eq!(told, lines);
    assert_eq!(told.len(), 4, "2 unchanged, 1 created, 1 deleted: {told:?}");
    let debug = format!("{:?}", SyncOptions::default().prune(true));
    assert!(debug.contains("prune: true"), "{debug}");
}

#[tokio::test]
async fn an_unknown_input_refuses_only_a_prune_that_would_delete_something() {
    use intercom_sync::ItemError;
    let fake = seeded(3).await;
    // Every page is in the input, beside an item that could be any page: nothing to refuse.
    let mut input: Vec<Result<DesiredPage, ItemError>> =
        pages("p", 3).into_iter().map(Ok).collect();
    input.push(Err(ItemError::skipped("a link to a folder")));
    fake.clear_requests();
    let report = sync(
        &client(fake.base_url()),
        SOURCE,
        stream::iter(input),
        prune(),
    )
    .await
    .unwrap();
    assert_eq!(report.prune_refused, None, "{report}");
    assert_eq!(report.counts.unchanged, 3);
}
