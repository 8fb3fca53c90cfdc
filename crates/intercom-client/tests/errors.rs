//! Every error kind, produced from a real response (or a real lack of one).

mod common;

use std::net::TcpListener;
use std::time::Duration;

use common::*;
use httpmock::MockServer;
use intercom_client::retry::RetryPolicy;
use intercom_client::{Client, ContentImportSourceId, Error, ExternalPageId, NewNote, NoteId};
use serde_json::json;

fn no_retry(server: &MockServer) -> Client {
    builder(server)
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap()
}

#[tokio::test]
async fn api_error_with_code_message_field_and_request_id() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/contacts/c1/notes");
            then.status(422).json_body(json!({
                "type": "error.list",
                "request_id": "b1f3e7c0-1234",
                "errors": [
                    {"code": "parameter_invalid", "message": "Body is too long", "field": "body"},
                    {"code": "parameter_invalid", "message": "Admin not found"}
                ]
            }));
        })
        .await;

    let err = no_retry(&server)
        .notes()
        .create(&"c1".into(), NewNote::new("Hi"))
        .await
        .unwrap_err();

    let Error::Api {
        status,
        request_id,
        errors,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(status.as_u16(), 422);
    assert_eq!(request_id.as_deref(), Some("b1f3e7c0-1234"));
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].field.as_deref(), Some("body"));
    assert_eq!(
        err.to_string(),
        "Intercom API error: HTTP 422: parameter_invalid: Body is too long (field `body`); \
         parameter_invalid: Admin not found (request id b1f3e7c0-1234)"
    );
    assert_eq!(err.status().map(|s| s.as_u16()), Some(422));
    assert_eq!(err.request_id(), Some("b1f3e7c0-1234"));
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn api_error_request_id_from_the_header_when_the_body_has_none() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/notes/404");
            then.status(404)
                .header("x-request-id", "hdr-404")
                .json_body(json!({"type": "error.list", "errors": [{"code": "not_found", "message": "Resource Not Found"}]}));
        })
        .await;

    let err = no_retry(&server)
        .notes()
        .get(&NoteId::new("404"))
        .await
        .unwrap_err();

    assert_eq!(err.request_id(), Some("hdr-404"));
    assert_eq!(err.errors()[0].code, "not_found");
    assert!(
        err.to_string()
            .ends_with("not_found: Resource Not Found (request id hdr-404)")
    );
}

#[tokio::test]
async fn rate_limited_with_retry_after_and_the_rate_limit_headers() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/1");
            then.status(429)
                .header("Retry-After", "3")
                .header("X-RateLimit-Limit", "10000")
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", "1700000010")
                .json_body(error_list(
                    "rate_limit_exceeded",
                    "Too many requests",
                    "req-429",
                ));
        })
        .await;

    let err = no_retry(&server)
        .external_pages()
        .get(&ExternalPageId::new("1"))
        .await
        .unwrap_err();

    let Error::RateLimited {
        retry_after,
        rate_limit,
        request_id,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*retry_after, Some(Duration::from_secs(3)));
    assert_eq!(rate_limit.limit, Some(10000));
    assert_eq!(rate_limit.remaining, Some(0));
    assert_eq!(rate_limit.reset.map(|t| t.timestamp()), Some(1_700_000_010));
    assert_eq!(request_id.as_deref(), Some("req-429"));
    assert_eq!(
        err.to_string(),
        "rate limited: HTTP 429: rate_limit_exceeded: Too many requests; retry after 3s; \
         limit 10000; remaining 0; resets at 2023-11-14T22:13:30Z (request id req-429)"
    );
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
}

#[tokio::test]
async fn retry_after_is_what_each_answer_asked_for() {
    let server = MockServer::start_async().await;
    // Intercom's own 503, with an error list; a proxy's maintenance page; a 429 that gives
    // only the window's reset; a 503 that says nothing.
    let answers = [
        (
            "api-503",
            503,
            Some("120"),
            r#"{"type":"error.list","errors":[]}"#,
        ),
        (
            "page-503",
            503,
            Some("7"),
            "<html>down for maintenance</html>",
        ),
        ("reset-only", 429, None, ""),
        ("silent-503", 503, None, ""),
    ];
    for (id, status, retry_after, body) in answers {
        server
            .mock_async(|when, then| {
                when.method("GET").path(format!("/ai/external_pages/{id}"));
                let mut then = then.status(status).body(body);
                if let Some(seconds) = retry_after {
                    then = then.header("Retry-After", seconds);
                }
                if status == 429 {
                    then.header("X-RateLimit-Reset", "1700000010");
                }
            })
            .await;
    }
    let client = no_retry(&server);
    let mut got = Vec::new();
    for (id, ..) in answers {
        let err = client
            .external_pages()
            .get(&ExternalPageId::new(id))
            .await
            .unwrap_err();
        got.push((id, err.status_code(), err.retry_after()));
    }
    assert_eq!(
        got,
        [
            ("api-503", Some(503), Some(Duration::from_secs(120))),
            ("page-503", Some(503), Some(Duration::from_secs(7))),
            ("reset-only", Some(429), None),
            ("silent-503", Some(503), None),
        ]
    );
    let invalid = client.notes().get(&NoteId::new("")).await.unwrap_err();
    assert_eq!(invalid.retry_after(), None, "nothing was sent: {invalid}");
}

#[tokio::test(start_paused = true)]
async fn timeout_when_the_server_is_too_slow() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/notes/slow");
            then.status(200)
                .delay(Duration::from_secs(2))
                .json_body(note_json("slow", "c1"));
        })
        .await;
    // On the paused clock the 30 s timeout passes as soon as the runtime waits on the server.
    let client = paused_builder(&server)
        .request_timeout(Duration::from_secs(30))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();

    let err = client.notes().get(&NoteId::new("slow")).await.unwrap_err();

    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(err.to_string().starts_with("request timed out after"));
    assert!(err.is_retryable());
    assert_eq!(err.status(), None);
}

#[tokio::test]
async fn transport_error_when_nothing_listens() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();

    let err = client.notes().get(&NoteId::new("1")).await.unwrap_err();

    let Error::Transport { message, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(message.to_lowercase().contains("refused"), "{message}");
    assert!(std::error::Error::source(&err).is_some());
    assert!(err.is_retryable());
    assert!(!err.to_string().contains('\n'));
}

#[tokio::test]
async fn invalid_input_names_the_field() {
    let server = MockServer::start_async().await;
    let err = no_retry(&server)
        .notes()
        .create(&"c1".into(), NewNote::new(""))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "invalid input: `body` must not be empty");
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn decode_errors_keep_status_request_id_and_the_start_of_the_body() {
    let server = MockServer::start_async().await;
    let proxy_page = format!(
        "<html><head><title>502 Bad Gateway</title></head>\n<body>{}</body></html>",
        "x".repeat(400)
    );
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/proxy");
            then.status(502)
                .header("x-request-id", "req-proxy")
                .body(proxy_page.clone());
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/truncated");
            then.status(200)
                .header("x-request-id", "req-trunc")
                .body(r#"{"type":"external_page","id":"21","tit"#);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/content_import_sources/7");
            then.status(200).json_body(json!({"id": "not a number"}));
        })
        .await;
    let client = no_retry(&server);

    let err = client
        .external_pages()
        .get(&ExternalPageId::new("proxy"))
        .await
        .unwrap_err();
    let Error::Decode {
        status,
        request_id,
        body_start,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(status.as_u16(), 502);
    assert_eq!(request_id.as_deref(), Some("req-proxy"));
    assert!(body_start.starts_with("<html><head><title>502 Bad Gateway"));
    assert_eq!(body_start.chars().count(), 200);
    assert!(
        err.is_retryable(),
        "a proxy's 502 is transient whatever its body"
    );
    let text = err.to_string();
    assert!(
        !text.contains('\n') && text.contains("HTTP 502") && text.contains("request id req-proxy"),
        "{text}"
    );

    let err = client
        .external_pages()
        .get(&ExternalPageId::new("truncated"))
        .await
        .unwrap_err();
    let Error::Decode {
        status,
        request_id,
        body_start,
        reason,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(status.as_u16(), 200);
    assert_eq!(request_id.as_deref(), Some("req-trunc"));
    assert_eq!(body_start, r#"{"type":"external_page","id":"21","tit"#);
    assert!(reason.contains("EOF"), "{reason}");
    assert!(!err.is_retryable());

    let err = client
        .content_import_sources()
        .get(ContentImportSourceId::new(7))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn an_error_status_with_an_empty_body_is_still_an_api_error() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("DELETE").path("/ai/external_pages/9");
            then.status(403).header("x-request-id", "req-403");
        })
        .await;

    let err = no_retry(&server)
        .external_pages()
        .delete(&ExternalPageId::new("9"))
        .await
        .unwrap_err();

    assert_eq!(
        err.to_string(),
        "Intercom API error: HTTP 403: no error details (request id req-403)"
    );
}
