//! The generated httpmock helpers mock an operation in one line, typed on both sides.

use httpmock::MockServer;
use intercom_openapi::Client;
use intercom_openapi::ids::ExternalPageId;
use intercom_openapi::open_enums::{ExternalPageType, IntercomVersion, Locale};
use intercom_openapi::time::Timestamp;
use intercom_openapi::types::{ErrorItem, ErrorList, ExternalPage};
use intercom_openapi_httpmock::MockServerExt;

fn page() -> ExternalPage {
    ExternalPage {
        type_: ExternalPageType::ExternalPage,
        id: "23".into(),
        title: "My External Content".into(),
        html: "<h1>Hello world</h1>".into(),
        url: Some("https://support.example.com/us/6".into()),
        ai_agent_availability: true,
        ai_copilot_availability: true,
        ai_sales_agent_availability: None,
        fin_availability: None,
        locale: Locale::En,
        source_id: 46.into(),
        external_id: "5".into(),
        created_at: at(1733320918),
        updated_at: at(1733320918),
        last_ingested_at: at(1733320918),
    }
}

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_seconds(seconds).unwrap()
}

#[tokio::test]
async fn a_typed_mock_answers_the_generated_client() {
    let server = MockServer::start_async().await;
    let expected = page();
    let mock = server.get_external_page(|when, then| {
        when.id(&ExternalPageId::new("23"))
            .intercom_version(&IntercomVersion::V2_14);
        then.ok(&expected);
    });

    let got = Client::new(&server.base_url())
        .get_external_page()
        .id("23")
        .intercom_version(IntercomVersion::V2_14)
        .send()
        .await
        .expect("the mock answers")
        .into_inner();

    mock.assert();
    assert_eq!(got, expected);
}

#[tokio::test]
async fn a_typed_error_mock_comes_back_as_a_typed_error() {
    let server = MockServer::start_async().await;
    let error = ErrorList {
        type_: "error.list".into(),
        request_id: Some("b3d5a1e2".into()),
        errors: vec![ErrorItem {
            code: "not_found".into(),
            message: Some("Resource Not Found".into()),
            field: None,
        }],
    };
    let mock = server.delete_external_page(|when, then| {
        when.id(&ExternalPageId::new("404"));
        then.not_found(&error);
    });

    let result = Client::new(&server.base_url())
        .delete_external_page()
        .id("404")
        .send()
        .await;

    mock.assert();
    match result {
        Err(intercom_openapi::Error::ErrorResponse(response)) => {
            assert_eq!(response.status().as_u16(), 404);
            assert_eq!(response.into_inner(), error);
        }
        other => panic!("expected a typed 404, got {other:?}"),
    }
}
