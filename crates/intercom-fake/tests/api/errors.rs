use reqwest::Method;
use serde_json::json;

use crate::common::{Api, TOKEN, builder, page_body, start};

#[tokio::test]
async fn missing_or_wrong_token_gets_401_with_a_request_id() {
    let fake = start().await;
    let api = Api::new(&fake);
    for client in [api.with_token(None), api.with_token(Some("wrong"))] {
        let reply = client.get("/ai/content_import_sources").await;
        assert_eq!(reply.status, 401);
        assert_eq!(reply.error_codes(), ["unauthorized"]);
        let request_id = reply.json["request_id"].as_str().unwrap();
        assert_eq!(reply.header("x-request-id"), Some(request_id));
        assert!(reply.header("x-ratelimit-limit").is_some());
    }
    // A 401 changes nothing.
    let reply = api
        .with_token(Some("wrong"))
        .post(
            "/ai/content_import_sources",
            json!({"sync_behavior": "api", "url": "https://x"}),
        )
        .await;
    assert_eq!(reply.status, 401);
    assert!(fake.state().sources.is_empty());

    let log = fake.requests();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|r| !r.authorized && r.status == Some(401)));
}

#[tokio::test]
async fn the_token_never_shows() {
    let fake = builder()
        .state_file(temp_file("token"))
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    api.create_source("https://x").await;
    api.with_token(Some("wrong-token-value"))
        .get("/ai/external_pages")
        .await;
    let requests = api.get("/__fake/requests").await.text;
    let state = api.get("/__fake/state").await.text;
    let debug = format!("{fake:?} {:?} {:?}", fake.requests(), builder());
    for shown in [&requests, &state, &debug] {
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(!shown.contains("wrong-token-value"), "{shown}");
    }
    let path = temp_file("token");
    fake.shutdown().await.unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(!saved.contains(TOKEN));
    let _ = std::fs::remove_file(path);
}

fn temp_file(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "intercom-fake-errors-{name}-{}.json",
        std::process::id()
    ))
}

#[tokio::test]
async fn unknown_ids_and_routes_get_404() {
    let fake = start().await;
    let api = Api::new(&fake);
    for path in [
        "/ai/content_import_sources/999",
        "/ai/content_import_sources/not-a-number",
        "/ai/external_pages/999",
        "/ai/external_pages/abc",
        "/notes/999",
        "/no/such/route",
    ] {
        let reply = api.get(path).await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.error_codes(), ["not_found"], "{path}");
        assert!(reply.json["request_id"].is_string());
    }
    assert_eq!(
        api.delete("/ai/content_import_sources/999").await.status,
        404
    );
    assert_eq!(
        api.put(
            "/ai/content_import_sources/999",
            json!({"sync_behavior": "api", "url": "https://x"})
        )
        .await
        .status,
        404
    );
    assert_eq!(
        api.send(Method::PATCH, "/ai/external_pages", None)
            .await
            .status,
        405
    );
}

#[tokio::test]
async fn invalid_page_bodies_name_the_field() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let valid = page_body(source, "e", "T");
    let with = |key: &str, value: serde_json::Value| {
        let mut body = valid.clone();
        body[key] = value;
        body
    };
    let without = |key: &str| {
        let mut body = valid.clone();
        body.as_object_mut().unwrap().remove(key);
        body
    };
    let cases = [
        (without("title"), "title", "parameter_not_found"),
        (with("title", json!(null)), "title", "parameter_not_found"),
        (with("title", json!(12)), "title", "parameter_invalid"),
        (with("html", json!("")), "html", "parameter_invalid"),
        (without("html"), "html", "parameter_not_found"),
        (with("locale", json!("fr")), "locale", "parameter_invalid"),
        (without("locale"), "locale", "parameter_not_found"),
        (
            with("source_id", json!(987654)),
            "source_id",
            "parameter_invalid",
        ),
        (
            with("source_id", json!("1")),
            "source_id",
            "parameter_invalid",
        ),
        (
            with("source_id", json!(1.5)),
            "source_id",
            "parameter_invalid",
        ),
        (without("external_id"), "external_id", "parameter_not_found"),
        (
            with("external_id", json!(5)),
            "external_id",
            "parameter_invalid",
        ),
        (with("url", json!(false)), "url", "parameter_invalid"),
        (
            with("ai_agent_availability", json!("yes")),
            "ai_agent_availability",
            "parameter_invalid",
        ),
    ];
    for (body, field, code) in cases {
        let reply = api.post("/ai/external_pages", body.clone()).await;
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(reply.error_fields(), [field], "{body}");
        assert_eq!(reply.error_codes(), [code], "{body}");
    }
    for raw in ["{\"title\": ", "[]", "null", ""] {
        let reply = api
            .send(Method::POST, "/ai/external_pages", Some(raw.to_owned()))
            .await;
        assert_eq!(reply.status, 400, "{raw:?}");
        assert_eq!(reply.error_fields(), ["body"], "{raw:?}");
    }
    // Several bad fields are all named.
    let reply = api
        .post("/ai/external_pages", json!({"locale": "de"}))
        .await;
    assert_eq!(
        reply.error_fields(),
        ["title", "html", "locale", "source_id", "external_id"]
    );
    assert!(fake.state().pages.is_empty());
}

#[tokio::test]
async fn the_version_header_is_logged_and_checked() {
    let fake = start().await;
    let mut api = Api::new(&fake);
    api.version = Some("Preview".into());
    api.get("/ai/external_pages").await;
    api.version = None;
    api.get("/ai/external_pages?page=1").await;
    api.version = Some("v2".into());
    let bad = api.get("/ai/external_pages").await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.error_fields(), ["Intercom-Version"]);

    let log = fake.requests();
    let versions: Vec<_> = log.iter().map(|r| r.intercom_version.as_deref()).collect();
    assert_eq!(versions, [Some("Preview"), None, Some("v2")]);
    assert_eq!(log[1].query.as_deref(), Some("page=1"));
    assert_eq!(log[1].path, "/ai/external_pages");
    assert!(log.iter().all(|r| r.authorized && r.method == "GET"));
    // The log is also served, and /__fake/* requests are not in it.
    let served = api.get("/__fake/requests").await.json;
    assert_eq!(served.as_array().unwrap().len(), 3);
    assert_eq!(served[0]["intercom_version"], "Preview");
    assert_eq!(fake.requests().len(), 3);
    fake.clear_requests();
    assert!(fake.requests().is_empty());
}
