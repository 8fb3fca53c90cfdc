//! A successful call's metadata: status, Intercom's request id and the rate limit, from
//! `Call::with_meta` and on every list page; `.await` alone still gives the value.

mod common;

use common::*;
use futures::TryStreamExt;
use httpmock::MockServer;
use intercom_client::{ContentImportSourceId, ExternalPageId, NewExternalPage};
use serde_json::json;

#[tokio::test]
async fn with_meta_gives_the_request_id_status_and_rate_limit_of_a_success() {
    let server = MockServer::start_async().await;
    let get = server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/21");
            then.status(200)
                .header("x-request-id", "req-get-21")
                .header("x-ratelimit-limit", "1666")
                .header("x-ratelimit-remaining", "1500")
                .header("x-ratelimit-reset", "1760000000")
                .json_body(page_json("21", 44, "abc1234"));
        })
        .await;
    let client = client(&server);
    let pages = client.external_pages();

    let answer = pages
        .get(&ExternalPageId::new("21"))
        .with_meta()
        .await
        .unwrap();
    assert_eq!(answer.id.as_str(), "21", "derefs to the page");
    assert_eq!(answer.meta().status(), 200);
    assert_eq!(answer.request_id(), Some("req-get-21"));
    let rate = answer.meta().rate_limit().expect("the rate limit headers");
    assert_eq!((rate.limit, rate.remaining), (Some(1666), Some(1500)));
    assert_eq!(rate.reset.map(|t| t.timestamp()), Some(1_760_000_000));
    let (page, meta) = answer.into_parts();
    assert_eq!(page.external_id, "abc1234");
    assert_eq!(meta.request_id(), Some("req-get-21"));

    // Awaited as is, the same call is the value.
    let page = pages.get(&ExternalPageId::new("21")).await.unwrap();
    assert_eq!(page.id.as_str(), "21");
    assert_eq!(get.calls_async().await, 2);
}

#[tokio::test]
async fn a_write_and_an_execute_have_metadata_and_a_missing_request_id_is_none() {
    let server = MockServer::start_async().await;
    let upsert = server
        .mock_async(|when, then| {
            when.method("POST").path("/ai/external_pages");
            then.status(200).json_body(page_json("22", 44, "e"));
        })
        .await;
    let client = client(&server);
    let answer = client
        .external_pages()
        .upsert(
            NewExternalPage::new(ContentImportSourceId::new(44), "e")
                .title("T")
                .html("<p>x</p>"),
        )
        .with_meta()
        .await
        .unwrap();
    assert_eq!(answer.meta().status(), 200);
    assert_eq!(answer.request_id(), None);
    assert_eq!(answer.meta().rate_limit(), None);
    assert_eq!(upsert.calls_async().await, 1);

    let get = intercom_client::operations::GetExternalPage {
        id: ExternalPageId::new("22"),
    };
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/22");
            then.status(200)
                .header("x-request-id", "req-exec")
                .json_body(page_json("22", 44, "e"));
        })
        .await;
    let answer = client.execute(&get).with_meta().await.unwrap();
    assert_eq!(answer.request_id(), Some("req-exec"));
}

#[tokio::test]
async fn every_list_page_carries_its_own_request_id() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param_missing("page");
            then.status(200)
                .header("x-request-id", "req-page-1")
                .json_body(list_json(
                    vec![page_json("1", 44, "a")],
                    json!({"type": "pages", "page": 1, "total_pages": 2}),
                ));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/ai/external_pages")
                .query_param("page", "2");
            then.status(200)
                .header("x-request-id", "req-page-2")
                .json_body(list_json(
                    vec![page_json("2", 44, "b")],
                    json!({"type": "pages", "page": 2, "total_pages": 2}),
                ));
        })
        .await;
    let pages: Vec<_> = client(&server)
        .external_pages()
        .list()
        .pages()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = pages.iter().map(|p| p.meta.request_id()).collect();
    assert_eq!(ids, [Some("req-page-1"), Some("req-page-2")]);
    assert!(pages.iter().all(|p| p.meta.status() == 200));
}
