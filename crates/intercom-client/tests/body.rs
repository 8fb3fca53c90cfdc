//! A response body is read whole however it arrives: the transport reads it chunk by chunk,
//! and a page of a few MB comes in many chunks.

mod common;

use common::*;
use httpmock::MockServer;
use intercom_client::ExternalPageId;
use serde_json::json;

#[tokio::test]
async fn a_body_in_many_chunks_is_read_whole() {
    let server = MockServer::start_async().await;
    let html = format!("<p>{}</p>", "0123456789".repeat(300_000));
    let mut page = page_json("21", 44, "big");
    page["html"] = json!(html);
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/21");
            then.status(200).json_body(page.clone());
        })
        .await;

    let got = client(&server)
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap();

    assert_eq!(got.html, html);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn an_empty_success_body_is_read_as_empty() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("DELETE").path("/ai/content_import_sources/36");
            then.status(200);
        })
        .await;

    client(&server)
        .content_import_sources()
        .delete(intercom_client::ContentImportSourceId::new(36))
        .await
        .unwrap();

    mock.assert_calls_async(1).await;
}
