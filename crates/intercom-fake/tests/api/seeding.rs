//! Starting a fake with records already in it: typed records on the builder, or a JSON file.

use intercom_fake::{
    ContentImportSource, ExternalPage, FakeError, FakeIntercom, Note, StateSnapshot,
};
use intercom_openapi::open_enums::{
    ContentImportSourceStatus, ContentImportSourceType, SyncBehavior,
};
use intercom_openapi::time::Timestamp;
use serde_json::{Value, json};

use crate::common::{Api, TOKEN, builder, page_body};

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_seconds(seconds).unwrap()
}

/// A source built field by field, as the generated type is.
fn source(id: i64) -> ContentImportSource {
    ContentImportSource {
        type_: ContentImportSourceType::ContentImportSource,
        id: id.into(),
        url: format!("https://help.example.com/{id}"),
        sync_behavior: SyncBehavior::Api,
        status: ContentImportSourceStatus::Active,
        audience_ids: None,
        created_at: at(1_700_000_000),
        updated_at: at(1_700_000_001),
        last_synced_at: at(1_700_000_002),
    }
}

/// A page, from the JSON the API serves.
fn page(id: &str, source_id: i64, external_id: &str) -> ExternalPage {
    serde_json::from_value(json!({
        "type": "external_page",
        "id": id,
        "source_id": source_id,
        "external_id": external_id,
        "title": format!("Seeded {external_id}"),
        "html": "<p>Seeded</p>",
        "url": format!("https://help.example.com/{external_id}"),
        "locale": "en",
        "ai_agent_availability": true,
        "ai_copilot_availability": false,
        "fin_availability": true,
        "created_at": 1_700_000_000,
        "updated_at": 1_700_000_000,
        "last_ingested_at": 1_700_000_000,
    }))
    .unwrap()
}

fn note(id: &str, contact_id: &str) -> Note {
    serde_json::from_value(json!({
        "type": "note",
        "id": id,
        "created_at": 1_700_000_000,
        "body": format!("<p>Note {id}</p>"),
        "contact": {"type": "contact", "id": contact_id},
    }))
    .unwrap()
}

fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[tokio::test]
async fn a_seeded_fake_serves_its_records() {
    let fake = builder()
        .source(source(41))
        .page(page("17", 41, "intro"))
        .note(note("9", "c1"))
        .note(note("4", "c1"))
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);

    let sources = api.get("/ai/content_import_sources").await;
    assert_eq!(sources.status, 200, "{}", sources.text);
    assert_eq!(sources.json["total_count"], 1);
    assert_eq!(sources.json["data"][0], json_of(&source(41)));
    assert_eq!(
        api.get("/ai/content_import_sources/41").await.json,
        json_of(&source(41))
    );
    let served = api.get("/ai/external_pages/17").await;
    assert_eq!(served.status, 200, "{}", served.text);
    assert_eq!(served.json, json_of(&page("17", 41, "intro")));
    assert_eq!(
        api.get("/ai/external_pages").await.json["data"][0]["id"],
        "17"
    );

    // The notes of a contact, oldest (lowest id) first, and the cursor follows them.
    let notes = api.get("/contacts/c1/notes?per_page=1").await.json;
    assert_eq!(notes["total_count"], 2);
    assert_eq!(notes["data"][0], json_of(&note("4", "c1")));
    let cursor = notes["pages"]["next"]["starting_after"].as_str().unwrap();
    let rest = api
        .get(&format!(
            "/contacts/c1/notes?per_page=1&starting_after={cursor}"
        ))
        .await
        .json;
    assert_eq!(rest["data"][0]["id"], "9");
    assert_eq!(api.get("/notes/9").await.json, json_of(&note("9", "c1")));

    let state = fake.state();
    assert_eq!(state.sources, [source(41)]);
    assert_eq!(
        state
            .notes
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>(),
        ["4", "9"],
        "held by id"
    );
}

#[tokio::test]
async fn a_create_after_seeding_gets_a_fresh_id() {
    let fake = builder()
        .initial_state(StateSnapshot {
            sources: vec![source(41), source(7)],
            pages: vec![page("17", 41, "intro"), page("3", 7, "other")],
            notes: vec![note("9", "c1")],
            ..StateSnapshot::default()
        })
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);

    assert_eq!(api.create_source("https://new.example.com").await, 42);
    let created = api.upsert_page(41, "new", "New").await;
    assert_eq!(created.status, 200, "{}", created.text);
    assert_eq!(created.json["id"], "18");
    // The seeded upsert key is known: the same (source_id, external_id) updates the page.
    let updated = api.upsert_page(41, "intro", "Intro, again").await;
    assert_eq!(updated.json["id"], "17");
    assert_eq!(updated.json["created_at"], 1_700_000_000, "kept");
    let note = api.post("/contacts/c1/notes", json!({"body": "new"})).await;
    assert_eq!(note.json["id"], "10");
    assert_eq!(api.get("/contacts/c1/notes").await.json["total_count"], 2);
    // Deleting a seeded source deletes its seeded pages.
    assert_eq!(api.delete("/ai/content_import_sources/7").await.status, 204);
    assert_eq!(api.get("/ai/external_pages/3").await.status, 404);
}

#[tokio::test]
async fn initial_state_replaces_what_was_given_before_it() {
    let fake = builder()
        .source(source(1))
        .initial_state(StateSnapshot {
            sources: vec![source(2)],
            ..StateSnapshot::default()
        })
        .source(source(3))
        .start()
        .await
        .unwrap();
    let ids: Vec<i64> = fake.state().sources.iter().map(|s| s.id.get()).collect();
    assert_eq!(ids, [2, 3]);
}

async fn refused(fake: intercom_fake::FakeIntercomBuilder) -> String {
    match fake.start().await {
        Err(error @ FakeError::InitialState { .. }) => {
            let message = error.to_string();
            assert!(!message.contains('\n'), "one line: {message}");
            assert!(!message.contains(TOKEN), "{message}");
            message
        }
        other => panic!("expected FakeError::InitialState, got {other:?}"),
    }
}

#[tokio::test]
async fn an_initial_state_the_fake_could_not_hold_is_refused() {
    let message = refused(builder().source(source(5)).source(source(5))).await;
    assert!(message.contains("two sources have id 5"), "{message}");
    let message = refused(builder().page(page("1", 5, "e"))).await;
    assert!(message.contains("unknown source 5"), "{message}");
    let message = refused(
        builder()
            .source(source(5))
            .page(page("1", 5, "e"))
            .page(page("2", 5, "e")),
    )
    .await;
    assert!(message.contains("external_id \"e\""), "{message}");
    let message = refused(builder().note(note("n-1", "c"))).await;
    assert!(
        message.contains("note id \"n-1\" is not digits"),
        "{message}"
    );
    let message = refused(builder().note(note("1", "c")).note(note("1", "d"))).await;
    assert!(message.contains("two notes have id \"1\""), "{message}");
}

#[tokio::test]
async fn an_initial_state_file_takes_the_json_of_a_state() {
    let dir = tempfile::tempdir().unwrap();
    // One fake's `GET /__fake/state`, as another fake's initial state.
    let first = builder()
        .source(source(41))
        .page(page("17", 41, "intro"))
        .note(note("9", "c1"))
        .start()
        .await
        .unwrap();
    let served = Api::new(&first).get("/__fake/state").await.text;
    let file = dir.path().join("initial.json");
    std::fs::write(&file, &served).unwrap();

    let second = builder()
        .initial_state_file(&file)
        .note(note("10", "c2"))
        .start()
        .await
        .unwrap();
    let mut expected = first.state();
    expected.notes.push(note("10", "c2"));
    assert_eq!(second.state(), expected);
    let api = Api::new(&second);
    assert_eq!(api.upsert_page(41, "e2", "T").await.json["id"], "18");
    second.shutdown().await.unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), served, "only read");

    // A state file's JSON, whose counters are kept (ids are never reused).
    let saved = json!({
        "format": 2,
        "next_source_id": 50,
        "next_page_id": 30,
        "next_note_id": 1,
        "sources": [json_of(&source(41))],
    });
    std::fs::write(&file, saved.to_string()).unwrap();
    let third = builder().initial_state_file(&file).start().await.unwrap();
    let api = Api::new(&third);
    assert_eq!(api.create_source("https://x").await, 50);
    assert_eq!(api.upsert_page(41, "e", "T").await.json["id"], "30");

    // Any list may be left out; a file that is not a state is refused.
    std::fs::write(&file, "{}").unwrap();
    let empty = builder().initial_state_file(&file).start().await.unwrap();
    assert_eq!(empty.state(), StateSnapshot::default());
    std::fs::write(&file, r#"{"sources": [{"id": 1}]}"#).unwrap();
    let message = refused(builder().initial_state_file(&file)).await;
    assert!(message.starts_with("initial state "), "{message}");
    assert!(message.contains("initial.json: cannot parse"), "{message}");
    let message = refused(builder().initial_state_file(dir.path().join("missing.json"))).await;
    assert!(message.contains("cannot read"), "{message}");
}

#[tokio::test]
async fn beside_a_state_file_the_initial_state_seeds_only_the_first_run() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    let seeded = || builder().state_file(&state_file).source(source(41));

    let first = seeded().start().await.unwrap();
    let api = Api::new(&first);
    let page = api
        .post("/ai/external_pages", page_body(41, "e", "T"))
        .await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(
        api.delete("/ai/content_import_sources/41").await.status,
        204
    );
    first.shutdown().await.unwrap();

    // The state file exists now: what it saved is loaded, not the initial state again.
    let second = seeded().start().await.unwrap();
    assert_eq!(second.state(), StateSnapshot::default());
    assert_eq!(Api::new(&second).create_source("https://x").await, 42);
}

#[tokio::test]
async fn the_builder_debug_shows_counts_not_records() {
    let builder = FakeIntercom::builder()
        .token("s3cret-token")
        .source(source(1))
        .page(page("1", 1, "e"));
    let shown = format!("{builder:?}");
    assert!(shown.contains("1 sources, 1 pages, 0 notes"), "{shown}");
    assert!(!shown.contains("s3cret-token"), "{shown}");
}
