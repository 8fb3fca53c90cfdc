//! The sync against a scripted server, for listings the fake never sends: the same page on
//! two pages of a listing, a listing that loops or never ends, a source at the URL that is
//! crawled, a sources listing that ends early. What must hold: nothing is deleted or created
//! on such a listing (the DELETE and POST hit counts).

use std::time::Duration;

use futures::stream;
use httpmock::{Mock, MockServer};
use intercom_client::Client;
use intercom_client::retry::RetryPolicy;
use intercom_sync::{DesiredPage, SyncError, SyncOptions, sync};
use serde_json::{Value, json};

const TOKEN: &str = "listing-token";
const SOURCE: &str = "https://docs.example.com";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(2)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(2))
                .with_settle_time(Duration::ZERO),
        )
        .build()
        .unwrap()
}

fn source_json(id: i64, sync_behavior: &str) -> Value {
    json!({
        "type": "content_import_source", "id": id, "last_synced_at": 1672928610,
        "sync_behavior": sync_behavior, "status": "active", "url": SOURCE,
        "created_at": 1672928359, "updated_at": 1672928610
    })
}

fn page_json(id: &str, external_id: &str) -> Value {
    json!({
        "type": "external_page", "id": id, "title": format!("Title {external_id}"),
        "html": format!("<p>{external_id}</p>"), "url": null,
        "ai_agent_availability": true, "ai_copilot_availability": true,
        "fin_availability": true, "locale": "en", "source_id": 44,
        "external_id": external_id, "created_at": 1672928359, "updated_at": 1672928359,
        "last_ingested_at": 1672928359
    })
}

/// The desired page that equals `page_json(_, external_id)`: no write is needed for it.
fn same_as_listed(external_id: &str) -> DesiredPage {
    DesiredPage::new(external_id)
        .title(format!("Title {external_id}"))
        .html(format!("<p>{external_id}</p>"))
}

fn list(data: Vec<Value>, pages: Value) -> Value {
    json!({"type": "list", "data": data, "pages": pages, "total_count": data.len()})
}

/// GET of the sources listing, answering `sources`.
async fn sources<'a>(server: &'a MockServer, sources: Vec<Value>) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources");
            then.status(200).json_body(list(
                sources,
                json!({"type": "pages", "page": 1, "total_pages": 1}),
            ));
        })
        .await
}

/// Page `n` of the pages listing (1 is the first, asked without `page`).
async fn pages_page<'a>(
    server: &'a MockServer,
    n: u32,
    data: Vec<Value>,
    pages: Value,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            let when = when.method("GET").path("/ai/external_pages");
            if n == 1 {
                when.query_param_missing("page");
            } else {
                when.query_param("page", n.to_string());
            }
            then.status(200).json_body(list(data, pages));
        })
        .await
}

/// Every write: creates of sources and pages, deletes of pages.
struct Writes<'a> {
    create_source: Mock<'a>,
    upsert: Mock<'a>,
    delete: Mock<'a>,
}

async fn writes(server: &MockServer) -> Writes<'_> {
    let create_source = server
        .mock_async(|when, then| {
            when.method("POST").path("/ai/content_import_sources");
            then.status(200).json_body(source_json(45, "api"));
        })
        .await;
    let upsert = server
        .mock_async(|when, then| {
            when.method("POST").path("/ai/external_pages");
            then.status(200).json_body(page_json("900", "new.md"));
        })
        .await;
    let delete = server
        .mock_async(|when, then| {
            when.method("DELETE").path_prefix("/ai/external_pages/");
            // The API answers a delete with the page as it was.
            then.status(200).json_body(page_json("3", "gone.md"));
        })
        .await;
    Writes {
        create_source,
        upsert,
        delete,
    }
}

fn prune() -> SyncOptions {
    SyncOptions::default().prune(true)
}

#[tokio::test]
async fn a_page_listed_twice_is_one_page_and_is_not_deleted() {
    let server = MockServer::start_async().await;
    sources(&server, vec![source_json(44, "api")]).await;
    let next = server.url("/ai/external_pages?page=2");
    pages_page(
        &server,
        1,
        vec![page_json("1", "a.md"), page_json("2", "b.md")],
        json!({ "next": next }),
    )
    .await;
    // Page 2 shifted down while the listing was read: it is seen a second time.
    pages_page(
        &server,
        2,
        vec![page_json("2", "b.md"), page_json("3", "gone.md")],
        json!({}),
    )
    .await;
    // Defined before the catch-all delete, so that a delete of page 2 is counted here
    // whichever of two matching mocks httpmock picks: here, or as a second catch-all hit.
    let delete_b = server
        .mock_async(|when, then| {
            when.method("DELETE").path("/ai/external_pages/2");
            then.status(200).json_body(page_json("2", "b.md"));
        })
        .await;
    let writes = writes(&server).await;

    let input = vec![same_as_listed("a.md"), same_as_listed("b.md")];
    let report = sync(&client(&server), SOURCE, stream::iter(input), prune())
        .await
        .unwrap();

    assert_eq!(
        delete_b.calls_async().await,
        0,
        "b.md's file is in the input: {report}"
    );
    let deletes = delete_b.calls_async().await + writes.delete.calls_async().await;
    assert_eq!(deletes, 1, "only gone.md is deleted: {report}");
    assert_eq!(report.counts.deleted, 1, "{report}");
    assert_eq!(report.counts.unchanged, 2, "{report}");
    assert_eq!(writes.upsert.calls_async().await, 0);
}

/// Pages listings that cannot be read to their end, each served after one good page.
async fn incomplete_listing(server: &MockServer, how: &str) {
    let page = |n: u32| server.url(format!("/ai/external_pages?page={n}"));
    match how {
        // Page 2 links back to page 1.
        "loop" => {
            pages_page(
                server,
                1,
                vec![page_json("1", "a.md")],
                json!({"next": page(2)}),
            )
            .await;
            pages_page(
                server,
                2,
                vec![page_json("2", "b.md")],
                json!({"next": server.url("/ai/external_pages?per_page=150")}),
            )
            .await;
        }
        // More pages come than `total_pages` said.
        "past total_pages" => {
            for n in 1..=3 {
                pages_page(
                    server,
                    n,
                    vec![page_json(&n.to_string(), &format!("p{n}.md"))],
                    json!({"page": n, "total_pages": 2, "next": page(n + 1)}),
                )
                .await;
            }
        }
        other => unreachable!("{other}"),
    }
}

#[tokio::test]
async fn a_listing_that_cannot_be_read_to_its_end_stops_the_sync_before_any_write() {
    for how in ["loop", "past total_pages"] {
        let server = MockServer::start_async().await;
        sources(&server, vec![source_json(44, "api")]).await;
        incomplete_listing(&server, how).await;
        let writes = writes(&server).await;

        let error = sync(
            &client(&server),
            SOURCE,
            stream::iter(vec![same_as_listed("new.md")]),
            prune(),
        )
        .await
        .unwrap_err();

        assert!(
            matches!(error, SyncError::ListPages { .. }),
            "{how}: {error}"
        );
        assert!(
            error.to_string().contains("the list is incomplete"),
            "{how}: {error}"
        );
        assert_eq!(writes.delete.calls_async().await, 0, "{how}");
        assert_eq!(writes.upsert.calls_async().await, 0, "{how}");
    }
}

#[tokio::test]
async fn a_crawled_source_at_the_url_is_an_error_that_names_it_and_nothing_is_written() {
    let server = MockServer::start_async().await;
    sources(&server, vec![source_json(31, "automatic")]).await;
    let listing = pages_page(&server, 1, vec![page_json("1", "crawled.md")], json!({})).await;
    let writes = writes(&server).await;

    let error = sync(
        &client(&server),
        SOURCE,
        stream::iter(vec![same_as_listed("a.md")]),
        prune(),
    )
    .await
    .unwrap_err();

    let message = error.to_string();
    assert!(message.contains("content import source 31"), "{message}");
    assert!(message.contains("`automatic`"), "{message}");
    assert_eq!(
        listing.calls_async().await,
        0,
        "its pages are not even read"
    );
    assert_eq!(
        writes.create_source.calls_async().await,
        0,
        "no second source"
    );
    assert_eq!(writes.upsert.calls_async().await, 0);
    assert_eq!(writes.delete.calls_async().await, 0);
}

#[tokio::test]
async fn a_sources_listing_that_ends_early_creates_no_source() {
    let server = MockServer::start_async().await;
    // The sources listing loops: the source may well be on a page never read.
    let again = server.url("/ai/content_import_sources?per_page=150");
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources");
            then.status(200)
                .json_body(list(vec![], json!({"type": "pages", "next": again})));
        })
        .await;
    let writes = writes(&server).await;

    let error = sync(
        &client(&server),
        SOURCE,
        stream::iter(vec![same_as_listed("a.md")]),
        SyncOptions::default(),
    )
    .await
    .unwrap_err();

    assert!(matches!(error, SyncError::Source { .. }), "{error}");
    assert!(
        error.to_string().contains("the list is incomplete"),
        "{error}"
    );
    assert_eq!(
        writes.create_source.calls_async().await,
        0,
        "no duplicate source"
    );
    assert_eq!(writes.upsert.calls_async().await, 0);
}

/// Versions 2.15 and 2.16 send `audience_ids: null` on sources: the source is still found
/// (no duplicate created) and its pages synced.
#[tokio::test]
async fn a_source_whose_audience_ids_is_null_syncs() {
    let server = MockServer::start_async().await;
    let mut source = source_json(44, "api");
    source["audience_ids"] = Value::Null;
    sources(&server, vec![source]).await;
    pages_page(&server, 1, vec![page_json("1", "a.md")], json!({})).await;
    let writes = writes(&server).await;

    let input = vec![same_as_listed("a.md"), same_as_listed("new.md")];
    let report = sync(
        &client(&server),
        SOURCE,
        stream::iter(input),
        SyncOptions::default(),
    )
    .await
    .unwrap();

    assert_eq!(writes.create_source.calls_async().await, 0, "{report}");
    assert_eq!(writes.upsert.calls_async().await, 1, "{report}");
    assert_eq!(report.counts.unchanged, 1, "{report}");
}
