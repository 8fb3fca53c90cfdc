use std::path::PathBuf;
use std::time::Duration;

use crate::common::{Api, builder};

struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "intercom-fake-state-{name}-{}.json",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        Self(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let mut lock = self.0.clone().into_os_string();
        lock.push(".lock");
        let _ = std::fs::remove_file(lock);
    }
}

#[tokio::test]
async fn state_survives_a_restart() {
    let file = TempFile::new("restart");
    let fake = builder().state_file(&file.0).start().await.unwrap();
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let page = api.upsert_page(source, "e1", "T").await.json["id"].clone();
    api.post("/contacts/c/notes", serde_json::json!({"body": "n"}))
        .await;
    // Saved in the background soon after the changes, before any shutdown.
    let saved = crate::state_saver::saved_within(&file.0, Duration::from_secs(5), |saved| {
        saved["notes"].as_array().is_some_and(|n| n.len() == 1)
    })
    .await;
    assert_eq!(saved["pages"][0]["id"], page);
    let before = fake.state();
    api.delete(&format!("/ai/external_pages/{}", page.as_str().unwrap()))
        .await;
    api.upsert_page(source, "e1", "T").await;
    let before_restart = fake.state();
    assert_ne!(before, before_restart);
    fake.shutdown().await.unwrap();

    let again = builder().state_file(&file.0).start().await.unwrap();
    assert_eq!(again.state(), before_restart);
    let api = Api::new(&again);
    let page = api.upsert_page(source, "e2", "T").await;
    assert_eq!(page.status, 200, "the restored source accepts pages");
    let ids: Vec<_> = again
        .state()
        .pages
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(ids, ["2", "3"], "ids are never reused across restarts");
    again.shutdown().await.unwrap();
    // No temporary file is left beside the state file.
    let dir = file.0.parent().unwrap();
    let name = file.0.file_name().unwrap().to_string_lossy().into_owned();
    let leftovers = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!(".{name}.tmp"))
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[tokio::test]
async fn a_corrupt_state_file_is_an_error_not_a_reset() {
    let file = TempFile::new("corrupt");
    std::fs::write(&file.0, b"{not json").unwrap();
    let error = builder().state_file(&file.0).start().await.unwrap_err();
    let message = error.to_string();
    assert!(message.contains("state file"), "{message}");
    assert!(!message.contains('\n'), "one line: {message}");
    assert_eq!(
        std::fs::read(&file.0).unwrap(),
        b"{not json",
        "left untouched"
    );
}

/// A state file as the fake wrote it before its records were the spec's objects (format 1:
/// no `type`, no `fin_availability`, notes with `contact_id` and `admin_id`).
const FORMAT_1: &str = r#"{
  "format": 1,
  "next_source_id": 3,
  "next_page_id": 4,
  "next_note_id": 3,
  "sources": [
    {
      "id": 1,
      "url": "https://help.example.com",
      "sync_behavior": "api",
      "status": "active",
      "audience_ids": [5678],
      "created_at": 1700000000,
      "updated_at": 1700000001,
      "last_synced_at": 1700000002
    }
  ],
  "pages": [
    {
      "id": "1",
      "source_id": 1,
      "external_id": "e1",
      "title": "One",
      "html": "<p>One</p>",
      "url": "https://help.example.com/e1",
      "ai_agent_availability": false,
      "ai_copilot_availability": true,
      "locale": "en",
      "created_at": 1700000000,
      "updated_at": 1700000000,
      "last_ingested_at": 1700000000
    },
    {
      "id": "3",
      "source_id": 1,
      "external_id": "e3",
      "title": "Three",
      "html": "<p>Three</p>",
      "ai_agent_availability": true,
      "ai_copilot_availability": true,
      "locale": "en",
      "created_at": 1700000000,
      "updated_at": 1700000000,
      "last_ingested_at": 1700000000
    }
  ],
  "notes": [
    {
      "id": "1",
      "contact_id": "c1",
      "admin_id": "42",
      "body": "<p>With an author</p>",
      "created_at": 1700000000
    },
    {
      "id": "2",
      "contact_id": "c1",
      "body": "<p>Without</p>",
      "created_at": 1700000001
    }
  ]
}"#;

#[tokio::test]
async fn a_format_1_state_file_still_loads() {
    let file = TempFile::new("format-1");
    std::fs::write(&file.0, FORMAT_1).unwrap();
    let fake = builder().state_file(&file.0).start().await.unwrap();
    let api = Api::new(&fake);

    let source = api.get("/ai/content_import_sources/1").await;
    assert_eq!(source.status, 200, "{}", source.text);
    assert_eq!(source.json["type"], "content_import_source");
    assert_eq!(source.json["audience_ids"], serde_json::json!([5678]));
    assert_eq!(source.json["last_synced_at"], 1_700_000_002);
    let page = api.get("/ai/external_pages/1").await.json;
    assert_eq!(page["type"], "external_page");
    assert_eq!(page["url"], "https://help.example.com/e1");
    assert_eq!(page["fin_availability"], false);
    assert!(
        api.get("/ai/external_pages/3")
            .await
            .json
            .get("url")
            .is_none()
    );
    let notes = api.get("/contacts/c1/notes").await.json;
    assert_eq!(notes["total_count"], 2);
    assert_eq!(
        notes["data"][0]["contact"],
        serde_json::json!({"type": "contact", "id": "c1"})
    );
    assert_eq!(notes["data"][0]["author"]["id"], "42");
    assert_eq!(notes["data"][0]["author"]["name"], "Fake Admin 42");
    assert!(notes["data"][1].get("author").is_none());

    // The counters hold: no id is reused.
    let again = api.upsert_page(1, "e1", "One again").await.json;
    assert_eq!(again["id"], "1", "the upsert key still finds the page");
    assert_eq!(again["url"], "https://help.example.com/e1");
    assert_eq!(api.upsert_page(1, "e4", "Four").await.json["id"], "4");
    assert_eq!(api.create_source("https://y").await, 3);
    let note = api
        .post("/contacts/c2/notes", serde_json::json!({"body": "n"}))
        .await;
    assert_eq!(note.json["id"], "3");

    // Saved again in the current format, which loads to the same state.
    let before = fake.state();
    fake.shutdown().await.unwrap();
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file.0).unwrap()).unwrap();
    assert_eq!(saved["format"], 2);
    assert_eq!(saved["notes"][0]["author"]["id"], "42");
    let reloaded = builder().state_file(&file.0).start().await.unwrap();
    assert_eq!(reloaded.state(), before);
    reloaded.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_state_file_of_an_unknown_format_is_an_error() {
    let file = TempFile::new("format-9");
    std::fs::write(&file.0, r#"{"format": 9}"#).unwrap();
    let message = builder()
        .state_file(&file.0)
        .start()
        .await
        .unwrap_err()
        .to_string();
    assert!(message.contains("format 9"), "{message}");
}
