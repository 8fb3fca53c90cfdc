use serde_json::json;

use crate::common::{Api, start};

const CONTACT: &str = "67506132d5eefd6f04e7d08e";

#[tokio::test]
async fn create_list_and_retrieve_notes() {
    let fake = start().await;
    let api = Api::new(&fake);
    let path = format!("/contacts/{CONTACT}/notes");

    let created = api
        .post(
            &path,
            json!({"contact_id": CONTACT, "admin_id": 991267584, "body": "Hello"}),
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text);
    let note = &created.json;
    assert_eq!(note["type"], "note");
    assert!(
        note["id"]
            .as_str()
            .unwrap()
            .bytes()
            .all(|b| b.is_ascii_digit())
    );
    assert_eq!(
        note["body"], "<p>Hello</p>",
        "plain text is wrapped as Intercom does"
    );
    assert_eq!(note["contact"], json!({"type": "contact", "id": CONTACT}));
    assert_eq!(note["author"]["type"], "admin");
    assert_eq!(note["author"]["id"], "991267584");
    assert!(note["created_at"].as_i64().unwrap() > 1_600_000_000);

    let html = api
        .post(&path, json!({"body": "<b>Second</b>", "admin_id": "12"}))
        .await;
    assert_eq!(html.json["body"], "<b>Second</b>");
    let no_author = api.post(&path, json!({"body": "Third"})).await;
    assert!(no_author.json.get("author").is_none());
    api.post("/contacts/someone-else/notes", json!({"body": "Other"}))
        .await;

    let listed = api.get(&path).await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.json["type"], "list");
    assert_eq!(listed.json["total_count"], 3);
    assert_eq!(listed.json["data"][0], created.json, "oldest first");
    assert!(listed.json["pages"]["next"].is_null());

    let id = note["id"].as_str().unwrap();
    let got = api.get(&format!("/notes/{id}")).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json, created.json);

    let state = fake.state();
    assert_eq!(state.notes.len(), 4);
    assert_eq!(
        state.notes[0].contact.as_ref().map(|c| c.id.as_str()),
        Some(CONTACT)
    );
    let author = state.notes[0].author.as_ref().unwrap();
    assert_eq!(author.id.as_str(), "991267584");
    assert_eq!(author.name.as_deref(), Some("Fake Admin 991267584"));
}

#[tokio::test]
async fn any_contact_exists_and_has_an_empty_list() {
    let fake = start().await;
    let api = Api::new(&fake);
    let listed = api.get("/contacts/never-seen/notes").await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.json["total_count"], 0);
    assert_eq!(listed.json["data"], json!([]));
}

#[tokio::test]
async fn note_fields_are_validated() {
    let fake = start().await;
    let api = Api::new(&fake);
    let path = format!("/contacts/{CONTACT}/notes");
    for (body, field) in [
        (json!({}), "body"),
        (json!({"body": ""}), "body"),
        (json!({"body": 5}), "body"),
        (json!({"body": "x", "admin_id": "abc"}), "admin_id"),
        (
            json!({"body": "x", "contact_id": "someone-else"}),
            "contact_id",
        ),
    ] {
        let reply = api.post(&path, body.clone()).await;
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(reply.error_fields(), [field], "{body}");
    }
    assert!(fake.state().notes.is_empty());
    assert_eq!(api.get("/notes/999").await.status, 404);
}
