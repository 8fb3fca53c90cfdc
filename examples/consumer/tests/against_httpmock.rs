//! The consumer's error classification against exact answers the fake never gives, mocked
//! with the generated httpmock helpers (one line per operation, typed on both sides).

use intercom_client::{Client, ContentImportSourceId, ExternalPageId};
use intercom_consumer_example::config;
use intercom_consumer_example::errors::{self, Action};
use intercom_openapi_httpmock::MockServerExt;
use intercom_openapi_httpmock::httpmock::MockServer;

fn client(server: &MockServer) -> Client {
    let mut settings = config::Settings::new("consumer-test-token");
    settings.base_url = Some(server.base_url());
    // One attempt, so each mock is hit exactly once even for a retryable answer.
    settings.attempts = 1;
    config::client(&settings).unwrap()
}

#[tokio::test]
async fn each_documented_failure_is_classified_with_its_code_and_request_id() {
    let server = MockServer::start_async().await;
    let id = |n: &str| ExternalPageId::new(n);
    let cases = [
        ("401", Action::FixSetup, 401, "unauthorized"),
        ("404", Action::Absent, 404, "not_found"),
        ("429", Action::Requeue, 429, "rate_limit_exceeded"),
        ("500", Action::Requeue, 500, "server_error"),
    ];
    let mut mocks = Vec::new();
    for (page, _, status, code) in cases {
        mocks.push(server.get_external_page(|when, then| {
            when.id(&id(page));
            then.error(status, code, "as documented");
        }));
    }
    let client = client(&server);
    for (page, action, status, code) in cases {
        let error = client.external_pages().get(&id(page)).await.unwrap_err();
        assert_eq!(errors::classify(&error), action, "{error}");
        assert_eq!(error.status_code(), Some(status));
        assert_eq!(error.code(), Some(code));
        let line = errors::log_line(&error);
        let request_id = intercom_openapi_httpmock::REQUEST_ID;
        assert!(line.contains(&format!("request_id={request_id}")), "{line}");
        assert!(!line.contains("consumer-test-token"), "{line}");
    }
    for mock in mocks {
        mock.assert_calls(1);
    }
}

#[tokio::test]
async fn a_refused_update_is_fix_the_request_and_input_errors_send_nothing() {
    let server = MockServer::start_async().await;
    let refused = server.update_content_import_source(|when, then| {
        when.id(&ContentImportSourceId::new(36));
        then.error(400, "parameter_invalid", "url must be a URL");
    });
    let client = client(&server);
    let error = client
        .content_import_sources()
        .update(
            ContentImportSourceId::new(36),
            intercom_client::ContentImportSourceUpdate::new("https://help.example.com"),
        )
        .await
        .unwrap_err();
    assert_eq!(errors::classify(&error), Action::FixRequest);
    assert_eq!(error.code(), Some("parameter_invalid"));
    refused.assert_calls(1);

    // Refused before sending: no mock is hit.
    let error = client
        .content_import_sources()
        .update(
            ContentImportSourceId::new(36),
            intercom_client::ContentImportSourceUpdate::new("not a url"),
        )
        .await
        .unwrap_err();
    assert_eq!(errors::classify(&error), Action::FixRequest);
    refused.assert_calls(1);
}
