//! The API as versions 2.15 and 2.16 have it: partial page updates that still send a whole
//! page, company notes at the version that introduced them, notes without contact or author,
//! source audiences, and a source delete answered 204.

mod common;

use common::{Fake, TOKEN, intercom};
use httpmock::MockServer;
use serde_json::{Value, json};

fn json_of(stdout: &str) -> Value {
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[test]
fn pages_update_with_only_a_title_sends_the_whole_page_back() {
    let fake = Fake::start();
    let (source, _) = fake.run(&["--json", "sources", "create", "https://help.example.com"]);
    let source = json_of(&source.assert_ok().stdout)["id"].to_string();
    let (page, _) = fake.run(&[
        "--json",
        "pages",
        "upsert",
        "--source",
        &source,
        "--external-id",
        "e1",
        "--title",
        "Old",
        "--html",
        "<p>Body</p>",
        "--url",
        "https://help.example.com/e1",
    ]);
    let id = json_of(&page.assert_ok().stdout)["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let (update, requests) = fake.run(&["--json", "pages", "update", &id, "--title", "New"]);
    update.assert_ok();
    let methods: Vec<(&str, Option<u16>)> = requests
        .iter()
        .map(|r| (r.method.as_str(), r.status))
        .collect();
    // The fake refuses a PUT without every required field (url included) with a 400.
    assert_eq!(methods, [("GET", Some(200)), ("PUT", Some(200))]);
    let state = fake.state();
    let stored = &state.pages[0];
    assert_eq!(stored.title, "New");
    assert_eq!(stored.html, "<p>Body</p>", "kept");
    assert_eq!(
        stored.url.as_deref(),
        Some("https://help.example.com/e1"),
        "kept"
    );
    assert_eq!(stored.external_id, "e1", "kept");
}

#[test]
fn company_notes_are_sent_at_the_version_that_introduced_them() {
    let fake = Fake::start();
    let (created, requests) = fake.run(&[
        "--json",
        "notes",
        "create",
        "--company",
        "6762f0dd1bb69f9f2193bb83",
        "--body",
        "Renewal call booked",
        "--admin-id",
        "991267564",
    ]);
    let note = json_of(&created.assert_ok().stdout);
    assert_eq!(note["company"]["id"], "6762f0dd1bb69f9f2193bb83");
    assert!(note.get("contact").is_none(), "{note}");
    assert_eq!(note["author"]["id"], "991267564");
    // The client is pinned to 2.14; creating a company note came in 2.16.
    assert_eq!(requests[0].intercom_version.as_deref(), Some("2.16"));

    let (listed, requests) = fake.run(&["notes", "list", "--company", "6762f0dd1bb69f9f2193bb83"]);
    listed.assert_ok();
    assert_eq!(requests[0].intercom_version.as_deref(), Some("2.15"));
    assert!(
        listed.stdout.contains("company 6762f0dd1bb69f9f2193bb83"),
        "{}",
        listed.stdout
    );

    // A contact's notes stay where they were, at the pinned version.
    let (contact, requests) = fake.run(&["notes", "list", "c1"]);
    contact.assert_ok();
    assert_eq!(requests[0].intercom_version.as_deref(), Some("2.14"));
    assert_eq!(
        contact.stdout.lines().count(),
        1,
        "only the header: {}",
        contact.stdout
    );
}

/// A notes list as 2.16 may send it (the spec's "mixed notes" example), from a server the
/// fake cannot stand in for: one contact's list holding a company note and an unsigned one.
#[test]
fn a_list_of_contact_company_and_unsigned_notes_prints() {
    let server = MockServer::start();
    let list = json!({
        "type": "list",
        "data": [
            {"type": "note", "id": "50", "created_at": 1734537600,
             "contact": {"type": "contact", "id": "214656d0c743eafcfde7f248"},
             "author": {"type": "admin", "id": "1295", "name": "Joe Example"},
             "body": "<p>A contact note.</p>"},
            {"type": "note", "id": "51", "created_at": 1734537601, "contact": null,
             "company": {"type": "company", "id": "6762f0dd1bb69f9f2193bb83"},
             "author": {"type": "admin", "id": "1295"}, "body": "<p>A company note.</p>"},
            {"type": "note", "id": "52",
             "contact": {"type": "contact", "id": "214656d0c743eafcfde7f248"},
             "body": "<p>A note nobody signed.</p>"}
        ],
        "total_count": 3,
        "pages": {"type": "pages", "next": null, "page": 1, "per_page": 3, "total_pages": 1}
    });
    let mock = server.mock(|when, then| {
        when.method("GET")
            .path("/contacts/214656d0c743eafcfde7f248/notes");
        then.status(200).json_body(list);
    });
    let base = server.base_url();
    let args = |json: bool| {
        let mut args = vec!["--base-url", base.as_str(), "--token", TOKEN];
        if json {
            args.push("--json");
        }
        args.extend(["notes", "list", "214656d0c743eafcfde7f248"]);
        intercom(&args)
    };

    let table = args(false);
    table.assert_ok();
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", table.stdout);
    assert!(
        lines[1].contains("contact 214656d0c743eafcfde7f248") && lines[1].contains("Joe Example")
    );
    assert!(
        lines[2].contains("company 6762f0dd1bb69f9f2193bb83"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("52") && lines[3].contains(" - "),
        "{}",
        lines[3]
    );

    let json = args(true);
    json.assert_ok();
    let notes: Vec<Value> = json.stdout.lines().map(json_of).collect();
    assert_eq!(notes.len(), 3);
    assert_eq!(notes[1]["company"]["id"], "6762f0dd1bb69f9f2193bb83");
    assert!(notes[2].get("author").is_none());
    assert_eq!(notes[0]["type"], "note");
    mock.assert_calls(2);
}

#[test]
fn sources_update_sets_clears_or_leaves_the_audiences() {
    let fake = Fake::start();
    let (source, _) = fake.run(&["--json", "sources", "create", "https://help.example.com"]);
    let id = json_of(&source.assert_ok().stdout)["id"].to_string();
    let url = "https://help.example.com";
    let (page, _) = fake.run(&[
        "--json",
        "pages",
        "upsert",
        "--source",
        &id,
        "--external-id",
        "e1",
        "--title",
        "T",
        "--html",
        "<p>x</p>",
    ]);
    let page = json_of(&page.assert_ok().stdout)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let audiences = |fake: &Fake| {
        fake.state().sources[0]
            .audience_ids
            .clone()
            .unwrap_or_default()
    };

    let (set, _) = fake.run(&[
        "sources",
        "update",
        &id,
        "--url",
        url,
        "--audience",
        "5",
        "--audience",
        "6",
        "--apply-to-existing",
    ]);
    set.assert_ok();
    assert_eq!(audiences(&fake), [5, 6]);
    assert_eq!(
        fake.state().page_audiences.get(&page).map(Vec::as_slice),
        Some(&[5, 6][..]),
        "applied to the existing page"
    );

    let (left, _) = fake.run(&["sources", "update", &id, "--url", url, "--status", "active"]);
    left.assert_ok();
    assert_eq!(audiences(&fake), [5, 6], "left alone when not given");

    let (cleared, _) = fake.run(&["sources", "update", &id, "--url", url, "--clear-audience"]);
    cleared.assert_ok();
    assert_eq!(audiences(&fake), Vec::<i64>::new());
    assert_eq!(
        fake.state().page_audiences.get(&page).map(Vec::as_slice),
        Some(&[5, 6][..]),
        "without --apply-to-existing the pages keep theirs"
    );

    let (bad, requests) = fake.run(&[
        "sources",
        "update",
        &id,
        "--url",
        url,
        "--apply-to-existing",
    ]);
    bad.assert_one_error(2, "--apply-to-existing");
    assert!(requests.is_empty(), "nothing sent");
}

#[test]
fn a_source_delete_answered_204_is_a_success() {
    let fake = Fake::start();
    let (source, _) = fake.run(&["--json", "sources", "create", "https://help.example.com"]);
    let id = json_of(&source.assert_ok().stdout)["id"].to_string();
    let (deleted, requests) = fake.run(&["sources", "delete", &id]);
    deleted.assert_ok();
    assert_eq!(requests[0].status, Some(204));
    assert!(fake.state().sources.is_empty());
}
