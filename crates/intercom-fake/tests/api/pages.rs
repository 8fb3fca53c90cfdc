use serde_json::json;

use crate::common::{Api, page_body, start};

#[tokio::test]
async fn post_creates_then_updates_by_source_and_external_id() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://help.example.com").await;
    let other = api.create_source("https://other.example.com").await;

    let first = api.upsert_page(source, "ext-1", "First").await;
    assert_eq!(first.status, 200, "{}", first.text);
    let page = &first.json;
    assert_eq!(page["type"], "external_page");
    let id = page["id"].as_str().expect("string id");
    assert!(id.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(page["source_id"], source);
    assert_eq!(page["external_id"], "ext-1");
    assert_eq!(page["locale"], "en");
    assert_eq!(page["ai_agent_availability"], true);
    assert_eq!(page["ai_copilot_availability"], true);
    assert_eq!(page["fin_availability"], true);

    let again = api.upsert_page(source, "ext-1", "Renamed").await;
    assert_eq!(again.status, 200);
    assert_eq!(
        again.json["id"], id,
        "same (source_id, external_id) updates"
    );
    assert_eq!(again.json["title"], "Renamed");
    assert_eq!(again.json["created_at"], page["created_at"]);

    // The same external id in another source is another page.
    let elsewhere = api.upsert_page(other, "ext-1", "Elsewhere").await;
    assert_ne!(elsewhere.json["id"], id);

    let state = fake.state();
    assert_eq!(state.pages.len(), 2);
    assert_eq!(state.pages[0].title, "Renamed");
}

#[tokio::test]
async fn availability_does_not_default_on_update() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let mut body = page_body(source, "e", "T");
    body["ai_agent_availability"] = json!(false);
    body["ai_copilot_availability"] = json!(false);
    assert_eq!(api.post("/ai/external_pages", body).await.status, 200);
    let again = api.upsert_page(source, "e", "T2").await;
    assert_eq!(again.json["ai_agent_availability"], false);
    assert_eq!(again.json["ai_copilot_availability"], false);
    assert_eq!(again.json["fin_availability"], false);
}

#[tokio::test]
async fn get_put_and_delete_by_id() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let created = api.upsert_page(source, "e1", "One").await.json;
    let id = created["id"].as_str().unwrap().to_owned();
    let path = format!("/ai/external_pages/{id}");

    let got = api.get(&path).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json, created);

    let put = api
        .put(
            &path,
            json!({"title": "Test", "html": "<h1>Test</h1>", "locale": "en", "source_id": source,
                   "url": "https://www.example.com", "fin_availability": false}),
        )
        .await;
    assert_eq!(put.status, 200, "{}", put.text);
    assert_eq!(put.json["id"], id);
    assert_eq!(put.json["title"], "Test");
    assert_eq!(put.json["external_id"], "e1", "kept when not sent");
    assert_eq!(put.json["fin_availability"], false);
    assert_eq!(put.json["ai_agent_availability"], false);

    // PUT cannot take another page's (source_id, external_id).
    api.upsert_page(source, "e2", "Two").await;
    let clash = api
        .put(&path, json!({"title": "T", "html": "<p>x</p>", "url": "https://x/e2", "locale": "en", "source_id": source, "external_id": "e2"}))
        .await;
    assert_eq!(clash.status, 400);
    assert_eq!(clash.error_fields(), ["external_id"]);

    let deleted = api.delete(&path).await;
    assert_eq!(deleted.status, 200);
    assert_eq!(deleted.json["id"], id);
    assert_eq!(
        deleted.json["title"], "Test",
        "DELETE answers with the deleted page"
    );
    assert_eq!(api.get(&path).await.status, 404);
    assert_eq!(api.delete(&path).await.status, 404);
    assert_eq!(
        api.put(&path, page_body(source, "e1", "x")).await.status,
        404
    );
    assert_eq!(fake.state().pages.len(), 1);
}

#[tokio::test]
async fn a_page_needs_an_existing_source() {
    let fake = start().await;
    let api = Api::new(&fake);
    let reply = api.upsert_page(4242, "e", "T").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_fields(), ["source_id"]);
    assert!(fake.state().pages.is_empty());

    let source = api.create_source("https://x").await;
    let id = api.upsert_page(source, "e", "T").await.json["id"].clone();
    let reply = api
        .put(
            &format!("/ai/external_pages/{}", id.as_str().unwrap()),
            page_body(4242, "e", "T"),
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_fields(), ["source_id"]);
}

#[tokio::test]
async fn deleting_a_source_deletes_its_pages() {
    let fake = start().await;
    let api = Api::new(&fake);
    let doomed = api.create_source("https://doomed").await;
    let kept = api.create_source("https://kept").await;
    let mut doomed_ids = Vec::new();
    for i in 0..3 {
        let reply = api.upsert_page(doomed, &format!("d{i}"), "D").await;
        doomed_ids.push(reply.json["id"].as_str().unwrap().to_owned());
    }
    api.upsert_page(kept, "k", "K").await;

    assert_eq!(
        api.delete(&format!("/ai/content_import_sources/{doomed}"))
            .await
            .status,
        204
    );
    for id in &doomed_ids {
        assert_eq!(
            api.get(&format!("/ai/external_pages/{id}")).await.status,
            404
        );
    }
    let state = fake.state();
    assert_eq!(state.pages.len(), 1);
    assert_eq!(state.pages[0].source_id.get(), kept);
    assert_eq!(api.get("/ai/external_pages").await.json["total_count"], 1);
    // The external ids of the deleted source are free again (in a new source).
    let reborn = api.create_source("https://doomed").await;
    let reply = api.upsert_page(reborn, "d0", "D").await;
    assert!(!doomed_ids.contains(&reply.json["id"].as_str().unwrap().to_owned()));
}

#[tokio::test]
async fn optional_properties_sent_on_create_are_stored_and_served_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let fake = crate::common::builder()
        .state_file(&file)
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let mut body = without_url(page_body(source, "e", "T"));
    body["url"] = json!("https://help.example.com/optional");
    body["ai_copilot_availability"] = json!(false);
    let created = api.post("/ai/external_pages", body).await;
    assert_eq!(created.status, 200, "{}", created.text);
    let id = created.json["id"].as_str().unwrap().to_owned();
    let one = format!("/ai/external_pages/{id}");
    let answers = [
        created.json.clone(),
        api.get(&one).await.json,
        api.get("/ai/external_pages").await.json["data"][0].clone(),
        api.get("/__fake/state").await.json["pages"][0].clone(),
        // An upsert that leaves them out keeps them.
        api.post(
            "/ai/external_pages",
            without_url(page_body(source, "e", "T2")),
        )
        .await
        .json,
    ];
    for answer in &answers {
        assert_eq!(
            answer["url"], "https://help.example.com/optional",
            "{answer}"
        );
        assert_eq!(answer["ai_copilot_availability"], false, "{answer}");
    }
    let state = fake.state();
    assert_eq!(
        state.pages[0].url.as_deref(),
        Some("https://help.example.com/optional")
    );
    fake.shutdown().await.unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        saved["pages"][0]["url"],
        "https://help.example.com/optional"
    );
    assert_eq!(saved["pages"][0]["ai_copilot_availability"], false);
    assert_eq!(saved["pages"][0]["type"], "external_page");
}

#[tokio::test]
async fn a_wrong_typed_or_undeclared_property_is_refused_and_nothing_is_stored() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let created = api.upsert_page(source, "e", "T").await.json;
    let before = fake.state();
    for (key, value) in [
        ("ai_copilot_availability", json!("no")),
        ("url", json!(["https://x"])),
        ("not_a_property_of_the_spec", json!(true)),
    ] {
        for external_id in ["e", "new"] {
            let mut body = page_body(source, external_id, "Changed");
            body[key] = value.clone();
            let reply = api.post("/ai/external_pages", body).await;
            assert_eq!(reply.status, 400, "{key}: {}", reply.text);
            assert_eq!(reply.error_fields(), [key]);
            assert_eq!(reply.error_codes(), ["parameter_invalid"]);
        }
    }
    // PUT requires what UpdateExternalPageRequest requires: `url` too.
    let mut body = page_body(source, "e", "Changed");
    body.as_object_mut().unwrap().remove("url");
    let reply = api
        .put(
            &format!("/ai/external_pages/{}", created["id"].as_str().unwrap()),
            body,
        )
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(reply.error_fields(), ["url"]);
    assert_eq!(fake.state(), before, "nothing stored");
}

fn without_url(mut body: serde_json::Value) -> serde_json::Value {
    body.as_object_mut().unwrap().remove("url");
    body
}

#[tokio::test]
async fn a_page_as_large_as_the_sync_sends_is_taken() {
    let fake = start().await;
    let api = Api::new(&fake);
    let source = api.create_source("https://help.example.com").await;
    // A 2 MiB file (the sync's limit) of control characters: each is sent as `\u00XX`, so the
    // body is 6 times the file, 12 MiB (axum's default limit was 2 MB).
    let html = "\u{1}".repeat(2 * 1024 * 1024);
    let mut body = page_body(source, "big", "Big");
    body["html"] = json!(html);
    let body = body.to_string();
    assert!(body.len() > 12 * 1024 * 1024);
    let reply = api
        .send(reqwest::Method::POST, "/ai/external_pages", Some(body))
        .await;
    assert_eq!(
        reply.status,
        200,
        "{}",
        &reply.text[..reply.text.len().min(300)]
    );
    let state = fake.state();
    assert_eq!(state.pages.len(), 1);
    assert!(state.pages[0].html == html);
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_naming_it() {
    let fake = crate::common::builder()
        .request_body_limit(1_000)
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    let source = api.create_source("https://help.example.com").await;
    let mut body = page_body(source, "big", "Big");
    body["html"] = json!("x".repeat(1_000));
    let reply = api.post("/ai/external_pages", body).await;
    assert_eq!(reply.status, 413, "{}", reply.text);
    assert_eq!(reply.json["type"], "error.list");
    assert_eq!(reply.json["errors"][0]["code"], "request_too_large");
    let message = reply.json["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("1000 bytes"), "{message}");
    assert!(fake.state().pages.is_empty());
}
