//! The request log: each request's body, as received; never the token.

use intercom_fake::{FakeIntercom, LoggedBody, RequestRecord};
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{Api, TOKEN, builder, page_body, start};

fn find<'a>(log: &'a [RequestRecord], method: &str, path: &str) -> &'a RequestRecord {
    log.iter()
        .find(|r| r.method == method && r.path == path)
        .unwrap_or_else(|| panic!("no {method} {path} in {log:#?}"))
}

#[tokio::test]
async fn the_log_holds_the_body_of_each_request() {
    let fake = start().await;
    let api = Api::new(&fake);
    let create = json!({"sync_behavior": "api", "url": "https://help.example.com"});
    let source = api.post("/ai/content_import_sources", create.clone()).await;
    assert_eq!(source.status, 200, "{}", source.text);
    let page = page_body(1, "e1", "Title");
    api.post("/ai/external_pages", page.clone()).await;
    api.get("/ai/external_pages").await;
    let not_json = api
        .send(
            Method::POST,
            "/contacts/c1/notes",
            Some("body=plain text".into()),
        )
        .await;
    assert_eq!(not_json.status, 400);

    let log = fake.requests();
    let post = find(&log, "POST", "/ai/content_import_sources");
    assert_eq!(post.json_body(), Some(&create));
    assert_eq!(post.body, Some(LoggedBody::Json(create.clone())));
    assert_eq!(
        find(&log, "POST", "/ai/external_pages").json_body(),
        Some(&page)
    );
    assert_eq!(
        find(&log, "GET", "/ai/external_pages").body,
        None,
        "no body"
    );
    let text = find(&log, "POST", "/contacts/c1/notes");
    assert_eq!(text.body, Some(LoggedBody::Text("body=plain text".into())));
    assert_eq!(text.json_body(), None);

    // The same over HTTP, for tests in other languages.
    let served = api.get("/__fake/requests").await.json;
    assert_eq!(served[0]["body"], json!({"json": create}));
    assert_eq!(served[2]["body"], Value::Null);
    assert_eq!(served[3]["body"], json!({"text": "body=plain text"}));
}

#[tokio::test]
async fn refused_and_faulted_requests_are_logged_with_their_body() {
    let fake = builder()
        .fault("POST /ai/external_pages=500".parse().unwrap())
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    let body = json!({"sync_behavior": "api", "url": "https://x"});
    let refused = api
        .with_token(Some("wrong"))
        .post("/ai/content_import_sources", body.clone())
        .await;
    assert_eq!(refused.status, 401);
    let page = page_body(1, "e", "T");
    assert_eq!(
        api.post("/ai/external_pages", page.clone()).await.status,
        500
    );

    let log = fake.requests();
    assert_eq!(log[0].status, Some(401));
    assert!(!log[0].authorized);
    assert_eq!(log[0].json_body(), Some(&body));
    assert_eq!(log[1].fault.as_deref(), Some("500"));
    assert_eq!(log[1].json_body(), Some(&page));
}

#[tokio::test]
async fn a_long_body_is_logged_truncated_and_served_whole() {
    let fake = builder().request_log_body_limit(16).start().await.unwrap();
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let mut page = page_body(source, "long", "Long");
    let html = format!("<p>{}</p>", "x".repeat(200_000));
    page["html"] = json!(html);
    let served = api.post("/ai/external_pages", page.clone()).await;
    assert_eq!(served.status, 200, "{}", served.text);
    assert_eq!(
        served.json["html"],
        json!(html),
        "the handler read all of it"
    );

    let log = fake.requests();
    let post = find(&log, "POST", "/ai/external_pages");
    let sent = page.to_string();
    assert_eq!(
        post.body,
        Some(LoggedBody::Truncated(sent[..16].to_owned()))
    );
    assert_eq!(post.json_body(), None);

    // A body of exactly the limit is whole.
    let exact = json!({"body": "1234"}).to_string();
    assert_eq!(exact.len(), 15);
    api.send(Method::POST, "/contacts/c/notes", Some(format!("{exact} ")))
        .await;
    let last = fake.requests().pop().unwrap();
    assert_eq!(last.json_body(), Some(&json!({"body": "1234"})));
}

#[tokio::test]
async fn a_body_limit_of_zero_keeps_no_body() {
    let fake = builder().request_log_body_limit(0).start().await.unwrap();
    let api = Api::new(&fake);
    api.create_source("https://x").await;
    let log = fake.requests();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].body, None);
}

#[tokio::test]
async fn the_token_is_nowhere_in_the_log() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://help.example.com").await;
    api.upsert_page(source, "e1", "T").await;
    api.post("/contacts/c1/notes", json!({"body": "hello"}))
        .await;
    api.get("/ai/external_pages?per_page=1").await;
    let other = "other-secret-token-77";
    api.with_token(Some(other))
        .post("/ai/content_import_sources", json!({"url": "https://x"}))
        .await;
    let log = fake.requests();
    assert_eq!(log.len(), 5);
    assert!(log.iter().all(|r| r.body.is_some() || r.method == "GET"));

    let shown = [
        format!("{log:?}"),
        format!("{log:#?}"),
        serde_json::to_string(&log).unwrap(),
        serde_json::to_string_pretty(&log).unwrap(),
        api.get("/__fake/requests").await.text,
        format!("{fake:?}"),
    ];
    for shown in shown {
        for secret in [TOKEN, other, "Bearer", "authorization"] {
            assert!(
                !shown.to_lowercase().contains(&secret.to_lowercase()),
                "{secret:?} in {shown}"
            );
        }
    }
}

#[tokio::test]
async fn the_log_is_cleared_with_its_bodies() {
    let fake: FakeIntercom = start().await;
    Api::new(&fake).create_source("https://x").await;
    fake.clear_requests();
    assert!(fake.requests().is_empty());
}
