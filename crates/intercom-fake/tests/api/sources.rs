use serde_json::json;

use crate::common::{Api, start};
use intercom_openapi::open_enums::{ContentImportSourceStatus, SyncBehavior};

#[tokio::test]
async fn create_list_get_update_delete() {
    let fake = start().await;
    let api = Api::new(&fake);

    let created = api
        .post(
            "/ai/content_import_sources",
            json!({"sync_behavior": "api", "url": "https://help.example.com/", "audience_ids": [5678]}),
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text);
    let s = &created.json;
    assert_eq!(s["type"], "content_import_source");
    assert_eq!(s["sync_behavior"], "api");
    assert_eq!(s["status"], "active");
    assert_eq!(s["url"], "https://help.example.com/");
    assert_eq!(s["audience_ids"], json!([5678]));
    for t in ["created_at", "updated_at", "last_synced_at"] {
        assert!(
            s[t].as_i64().unwrap() > 1_600_000_000,
            "{t} is Unix seconds"
        );
    }
    let id = s["id"].as_i64().expect("integer id");

    // Not idempotent: the same body makes a second source.
    let second = api.create_source("https://help.example.com/").await;
    assert_ne!(second, id);

    let listed = api.get("/ai/content_import_sources").await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.json["type"], "list");
    assert_eq!(listed.json["total_count"], 2);
    assert_eq!(listed.json["data"][0]["id"], id);

    let got = api.get(&format!("/ai/content_import_sources/{id}")).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json, created.json);

    let updated = api
        .put(
            &format!("/ai/content_import_sources/{id}"),
            json!({"sync_behavior": "api", "url": "https://www.example.com", "status": "deactivated"}),
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.text);
    assert_eq!(updated.json["url"], "https://www.example.com");
    assert_eq!(updated.json["status"], "deactivated");
    assert_eq!(updated.json["created_at"], created.json["created_at"]);

    let state = fake.state();
    let kept = state.sources.iter().find(|s| s.id.get() == id).unwrap();
    assert_eq!(kept.status, ContentImportSourceStatus::Deactivated);
    assert_eq!(kept.sync_behavior, SyncBehavior::Api);

    let deleted = api
        .delete(&format!("/ai/content_import_sources/{id}"))
        .await;
    assert_eq!(deleted.status, 204, "as Intercom's descriptions document");
    assert_eq!(deleted.text, "", "204: no body");
    assert_eq!(
        api.get(&format!("/ai/content_import_sources/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(fake.state().sources.len(), 1);
}

#[tokio::test]
async fn sync_behavior_cannot_change_to_or_from_api() {
    let fake = start().await;
    let api = Api::new(&fake);
    let id = api.create_source("https://a.example.com").await;
    for other in ["automatic", "manual"] {
        let reply = api
            .put(
                &format!("/ai/content_import_sources/{id}"),
                json!({"sync_behavior": other, "url": "https://a.example.com"}),
            )
            .await;
        assert_eq!(reply.status, 400, "{}", reply.text);
        assert_eq!(reply.error_fields(), ["sync_behavior"]);
    }
    assert_eq!(fake.state().sources[0].sync_behavior, SyncBehavior::Api);

    // Creating accepts only `api`.
    let reply = api
        .post(
            "/ai/content_import_sources",
            json!({"sync_behavior": "manual", "url": "https://b.example.com"}),
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_fields(), ["sync_behavior"]);
    assert_eq!(fake.state().sources.len(), 1);
}

#[tokio::test]
async fn create_and_update_validate_their_fields() {
    let fake = start().await;
    let api = Api::new(&fake);
    for (body, fields) in [
        (json!({"url": "https://x"}), vec!["sync_behavior"]),
        (json!({"sync_behavior": "api"}), vec!["url"]),
        (json!({"sync_behavior": "api", "url": 3}), vec!["url"]),
        (
            json!({"sync_behavior": "api", "url": "https://x", "status": "paused"}),
            vec!["status"],
        ),
        (
            json!({"sync_behavior": "api", "url": "https://x", "audience_ids": ["a"]}),
            vec!["audience_ids"],
        ),
    ] {
        let reply = api.post("/ai/content_import_sources", body.clone()).await;
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(reply.error_fields(), fields, "{body}");
    }
    let id = api.create_source("https://x").await;
    let reply = api
        .put(
            &format!("/ai/content_import_sources/{id}"),
            json!({"sync_behavior": "api"}),
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_fields(), ["url"]);
    // One integer is accepted for audience_ids, as the reference allows.
    let reply = api
        .post(
            "/ai/content_import_sources",
            json!({"sync_behavior": "api", "url": "https://y", "audience_ids": 7}),
        )
        .await;
    assert_eq!(reply.json["audience_ids"], json!([7]));
}
