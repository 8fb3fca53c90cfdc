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
        // A version as the client takes it: a string or an `IntercomVersion`.
        when.id(&ExternalPageId::new("23")).intercom_version("2.14");
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

fn error_list(code: &str, message: &str, request_id: &str) -> ErrorList {
    ErrorList {
        type_: "error.list".into(),
        request_id: Some(request_id.into()),
        errors: vec![ErrorItem {
            code: code.into(),
            message: Some(message.into()),
            field: None,
        }],
    }
}

/// The error answers the spec documents for every operation (400, 429, 5XX) have helpers too,
/// and come back from the generated client as typed errors.
#[tokio::test]
async fn the_400_429_and_5xx_helpers_answer_typed_errors() {
    let server = MockServer::start_async().await;
    let invalid = ErrorList {
        errors: vec![ErrorItem {
            code: "parameter_invalid".into(),
            message: Some("per_page must be between 1 and 150".into()),
            field: Some("per_page".into()),
        }],
        ..error_list("", "", "r-400")
    };
    let bad = server.list_external_pages(|when, then| {
        when.into_inner().query_param("per_page", "500");
        then.bad_request(&invalid);
    });
    let limited = error_list("rate_limit_exceeded", "Rate Limit Exceeded", "r-429");
    let throttled = server.get_external_page(|when, then| {
        when.id(&ExternalPageId::new("1"));
        // The typed helper sets status and body; the rate-limit headers go on the inner `Then`.
        then.too_many_requests(&limited)
            .into_inner()
            .header("x-ratelimit-remaining", "0")
            .header("x-ratelimit-reset", "1733320920");
    });
    let unavailable = error_list("service_unavailable", "Service Unavailable", "r-503");
    let failing = server.delete_external_page(|when, then| {
        when.id(&ExternalPageId::new("2"));
        then.server_error(503, &unavailable);
    });

    let client = Client::new(&server.base_url());
    match client.list_external_pages().per_page(500u64).send().await {
        Err(intercom_openapi::Error::ErrorResponse(r)) if r.status().as_u16() == 400 => {
            assert_eq!(r.into_inner(), invalid);
        }
        other => panic!("expected a typed 400, got {other:?}"),
    }
    match client.get_external_page().id("1").send().await {
        Err(intercom_openapi::Error::ErrorResponse(r)) if r.status().as_u16() == 429 => {
            assert_eq!(r.headers()["x-ratelimit-reset"], "1733320920");
            assert_eq!(r.into_inner(), limited);
        }
        other => panic!("expected a typed 429, got {other:?}"),
    }
    match client.delete_external_page().id("2").send().await {
        Err(intercom_openapi::Error::ErrorResponse(r)) if r.status().as_u16() == 503 => {
            assert_eq!(r.into_inner(), unavailable);
        }
        other => panic!("expected a typed 503, got {other:?}"),
    }
    bad.assert();
    throttled.assert();
    failing.assert();
}

/// `intercom-client` retries a 5xx on an idempotent operation (as its policy allows) and not
/// on a create, and either way hands back the documented error.
#[tokio::test]
async fn intercom_client_retries_a_5xx_only_where_sending_twice_is_harmless() {
    let server = MockServer::start_async().await;
    let unavailable = error_list("service_unavailable", "Service Unavailable", "r-503");
    let get = server.get_external_page(|when, then| {
        when.id(&ExternalPageId::new("1"));
        then.server_error(503, &unavailable);
    });
    let create = server.create_content_import_source(|_, then| {
        then.server_error(500, &error_list("server_error", "Server Error", "r-500"));
    });
    let client = intercom_client::Client::builder()
        .token("httpmock-token")
        .base_url(server.base_url())
        .retry_policy(
            intercom_client::RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff(
                    std::time::Duration::from_millis(1),
                    std::time::Duration::from_millis(1),
                ),
        )
        .build()
        .unwrap();

    let error = client
        .external_pages()
        .get(&ExternalPageId::new("1"))
        .await
        .unwrap_err();
    assert_eq!(get.calls_async().await, 3, "an idempotent GET is retried");
    assert_eq!(error.status_code(), Some(503));
    assert_eq!(error.code(), Some("service_unavailable"));
    assert_eq!(error.message(), Some("Service Unavailable"));
    assert_eq!(error.request_id(), Some("r-503"));

    let error = client
        .content_import_sources()
        .create(intercom_client::NewContentImportSource::new(
            "https://x.example.com",
        ))
        .await
        .unwrap_err();
    assert_eq!(create.calls_async().await, 1, "a create is sent once");
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(error.code(), Some("server_error"));
}

/// `then.error(…)` answers an `error.list` in one call, and `then.ok_list(…)` a list built
/// from its items: `intercom-client` reads both as it reads Intercom's.
#[tokio::test]
async fn an_error_and_a_list_are_one_call_each() {
    let server = MockServer::start_async().await;
    let missing = server.get_external_page(|when, then| {
        when.id(&ExternalPageId::new("404"))
            .intercom_version(IntercomVersion::V2_14);
        then.error(404, "not_found", "Resource Not Found");
    });
    let second = format!("{}/ai/external_pages?page=2", server.base_url());
    let first_page = server.list_external_pages(|when, then| {
        when.page(None);
        then.ok_list(vec![page()], Some(&second));
    });
    let mut other = page();
    other.id = "24".into();
    other.external_id = "6".into();
    let second_page = server.list_external_pages(|when, then| {
        when.into_inner().query_param("page", "2");
        then.ok_list(vec![other.clone()], None);
    });
    let client = intercom_client::Client::builder()
        .token("httpmock-token")
        .base_url(server.base_url())
        .build()
        .unwrap();

    let error = client
        .external_pages()
        .get(&ExternalPageId::new("404"))
        .await
        .unwrap_err();
    assert_eq!(error.status_code(), Some(404));
    assert_eq!(error.code(), Some("not_found"));
    assert_eq!(error.message(), Some("Resource Not Found"));
    assert_eq!(
        error.request_id(),
        Some(intercom_openapi_httpmock::REQUEST_ID)
    );

    use futures::TryStreamExt;
    let ids: Vec<String> = client
        .external_pages()
        .list()
        .items()
        .map_ok(|p| p.id.to_string())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, ["23", "24"]);
    missing.assert();
    first_page.assert();
    second_page.assert();
}
