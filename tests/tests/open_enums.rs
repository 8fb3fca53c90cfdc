//! The spec's enums are open: a value Intercom adds later deserializes, is kept, and goes
//! back out unchanged, instead of failing the whole response.

use httpmock::MockServer;
use intercom_openapi::Client;
use intercom_openapi::open_enums::{ContentImportSourceStatus, IntercomVersion, SyncBehavior};
use serde_json::json;

#[tokio::test]
async fn an_unlisted_enum_value_in_a_response_is_kept() {
    let server = MockServer::start_async().await;
    let documented = json!({
        "type": "content_import_source",
        "id": 38,
        "last_synced_at": 1733320909,
        "sync_behavior": "crawled",
        "status": "paused",
        "url": "https://support.example.com/us/5",
        "created_at": 1733320909,
        "updated_at": 1733320909
    });
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources/38");
            then.status(200)
                .header("content-type", "application/json")
                .json_body(documented.clone());
        })
        .await;

    let source = Client::new(&server.base_url())
        .get_content_import_source()
        .id(38)
        .send()
        .await
        .expect("an unlisted enum value must not fail the response")
        .into_inner();

    mock.assert_async().await;
    assert_eq!(
        source.sync_behavior,
        SyncBehavior::Unknown("crawled".into())
    );
    assert!(source.sync_behavior.is_unknown());
    assert_eq!(
        source.status,
        ContentImportSourceStatus::Unknown("paused".into())
    );
    assert_eq!(serde_json::to_value(&source).unwrap(), documented);
}

#[tokio::test]
async fn an_unlisted_version_goes_over_the_wire_as_written() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("DELETE")
                .path("/ai/content_import_sources/7")
                .header("intercom-version", "2.99");
            then.status(204);
        })
        .await;

    Client::new(&server.base_url())
        .delete_content_import_source()
        .id(7)
        .intercom_version(IntercomVersion::from("2.99"))
        .send()
        .await
        .expect("the delete succeeds");

    mock.assert_async().await;
}

#[test]
fn known_values_map_to_their_variants_and_back() {
    for version in IntercomVersion::KNOWN {
        assert!(!version.is_unknown());
        assert_eq!(&IntercomVersion::from(version.as_str()), version);
    }
    assert_eq!(IntercomVersion::from("2.14"), IntercomVersion::V2_14);
    assert_eq!(IntercomVersion::V2_14.to_string(), "2.14");
    assert_eq!(
        serde_json::from_value::<SyncBehavior>(json!("automatic")).unwrap(),
        SyncBehavior::Automatic
    );
}
