//! `intercom sources|pages|notes` against a fake Intercom: tables for people, JSON for
//! programs, lists followed to the end or cut at `--limit`.

mod common;

use common::{Fake, writes};
use serde_json::Value;

/// Every stdout line as JSON (the `--json` list format: one object per line).
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[test]
fn sources_create_list_get_update_ensure_delete() {
    let fake = Fake::start();

    let (created, _) = fake.run(&["sources", "create", "https://a.example.com"]);
    created.assert_ok();
    assert!(
        created
            .stdout
            .lines()
            .any(|l| l.split_whitespace().eq(["id", "1"])),
        "{}",
        created.stdout
    );
    let (created, _) = fake.run(&[
        "--json",
        "sources",
        "create",
        "https://b.example.com",
        "--status",
        "deactivated",
    ]);
    created.assert_ok();
    let b = json(&created.stdout);
    assert_eq!(
        (b["id"].clone(), b["status"].clone()),
        (Value::from(2), Value::from("deactivated"))
    );

    let (list, _) = fake.run(&["sources", "list"]);
    list.assert_ok();
    let lines: Vec<&str> = list.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", list.stdout);
    assert!(lines[0].starts_with("ID  STATUS"), "{}", lines[0]);
    assert!(
        lines[2].starts_with("2   deactivated") && lines[2].ends_with("https://b.example.com"),
        "{}",
        lines[2]
    );
    let (list, _) = fake.run(&["sources", "list", "--json"]);
    list.assert_ok();
    assert_eq!(json_lines(&list.stdout).len(), 2);

    let (get, _) = fake.run(&["sources", "get", "1"]);
    get.assert_ok();
    assert!(get.stdout.contains("https://a.example.com"));

    let (update, _) = fake.run(&[
        "sources",
        "update",
        "1",
        "--url",
        "https://a2.example.com",
        "--status",
        "deactivated",
    ]);
    update.assert_ok();
    let state = fake.state();
    assert_eq!(state.sources[0].url, "https://a2.example.com");
    assert_eq!(
        state.sources[0].status,
        intercom_client::ContentImportSourceStatus::Deactivated
    );

    // Ensure finds the existing source: no write.
    let (ensure, requests) = fake.run(&["--json", "sources", "ensure", "https://b.example.com/"]);
    ensure.assert_ok();
    assert_eq!(json(&ensure.stdout)["id"], 2);
    assert!(writes(&requests).is_empty(), "{requests:?}");

    let (delete, requests) = fake.run(&["sources", "delete", "2"]);
    delete.assert_ok();
    assert_eq!(
        delete.stdout.trim(),
        "deleted content import source 2 and its external pages"
    );
    assert_eq!(writes(&requests).len(), 1);
    assert_eq!(fake.state().sources.len(), 1);
    let (delete, _) = fake.run(&["--json", "sources", "delete", "1"]);
    delete.assert_ok();
    assert_eq!(json(&delete.stdout)["deleted"], true);

    let (empty, _) = fake.run(&["sources", "list"]);
    empty.assert_ok();
    assert_eq!(empty.stdout.trim(), "no content import sources");
}

#[test]
fn pages_lists_follow_every_page_of_the_list_unless_limited() {
    let fake = Fake::start();
    // 160 pages: more than one page of the list (at most 150 a page).
    let dir = tempfile::tempdir().expect("temporary folder");
    for n in 0..160 {
        std::fs::write(
            dir.path().join(format!("p{n:03}.md")),
            format!("# Page {n}\n\nText {n}.\n"),
        )
        .expect("write");
    }
    let folder = dir.path().to_str().expect("UTF-8 path");
    fake.run(&["sync", folder, "--source-url", "https://docs.example.com"])
        .0
        .assert_ok();
    fake.run(&["sources", "create", "https://other.example.com"])
        .0
        .assert_ok();
    let html_file = dir.path().join("other.html");
    std::fs::write(&html_file, "<h1>Other</h1><p>From a file.</p>").expect("write");
    let (upsert, _) = fake.run(&[
        "--json",
        "pages",
        "upsert",
        "--source",
        "2",
        "--external-id",
        "other",
        "--title",
        "Other page",
        "--html-file",
        html_file.to_str().expect("UTF-8 path"),
        "--url",
        "https://other.example.com/other",
    ]);
    upsert.assert_ok();
    let other = json(&upsert.stdout);
    assert_eq!(other["html"], "<h1>Other</h1><p>From a file.</p>");
    let other_id = other["id"].as_str().expect("string id").to_owned();

    let (all, requests) = fake.run(&["pages", "list"]);
    all.assert_ok();
    assert_eq!(all.stdout.lines().count(), 1 + 161, "header and every page");
    let list_calls = requests
        .iter()
        .filter(|r| r.path == "/ai/external_pages")
        .count();
    assert!(
        list_calls >= 2,
        "the list was followed past its first page: {requests:?}"
    );

    let (limited, requests) = fake.run(&["pages", "list", "--limit", "5"]);
    limited.assert_ok();
    assert_eq!(limited.stdout.lines().count(), 1 + 5);
    assert_eq!(
        requests.len(),
        1,
        "no page fetched after the limit: {requests:?}"
    );
    assert!(
        requests[0]
            .query
            .as_deref()
            .unwrap_or_default()
            .contains("per_page=5")
    );

    let (of_source, _) = fake.run(&["pages", "list", "--source", "2"]);
    of_source.assert_ok();
    let lines: Vec<&str> = of_source.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", of_source.stdout);
    assert!(
        lines[1].contains("Other page") && lines[1].ends_with("https://other.example.com/other")
    );

    let (json_list, _) = fake.run(&["--json", "pages", "list", "--source", "1", "--limit", "3"]);
    json_list.assert_ok();
    let pages = json_lines(&json_list.stdout);
    assert_eq!(pages.len(), 3);
    assert!(pages.iter().all(|p| p["source_id"] == 1));

    let (get, _) = fake.run(&["pages", "get", &other_id]);
    get.assert_ok();
    assert!(
        get.stdout.contains("Other page") && get.stdout.contains("<p>From a file.</p>"),
        "{}",
        get.stdout
    );

    let (update, requests) = fake.run(&[
        "pages",
        "update",
        &other_id,
        "--source",
        "2",
        "--title",
        "Renamed",
        "--html",
        "<p>New</p>",
    ]);
    update.assert_ok();
    assert_eq!(writes(&requests).len(), 1);
    assert_eq!(writes(&requests)[0].method, "PUT");
    let renamed = fake
        .state()
        .pages
        .into_iter()
        .find(|p| p.id.as_str() == other_id)
        .expect("page");
    assert_eq!(
        (renamed.title.as_str(), renamed.html.as_str()),
        ("Renamed", "<p>New</p>")
    );

    let (delete, _) = fake.run(&["pages", "delete", &other_id]);
    delete.assert_ok();
    assert!(
        delete
            .stdout
            .starts_with(&format!("deleted external page {other_id}")),
        "{}",
        delete.stdout
    );
    assert!(fake.state().pages.iter().all(|p| p.id.as_str() != other_id));

    let (missing, _) = fake.run(&["pages", "get", &other_id]);
    missing.assert_one_error(5, "HTTP 404");
}

#[test]
fn notes_create_list_get() {
    let fake = Fake::start();
    let contact = "214656d0c743eafcfde7f248";

    let (created, requests) = fake.run(&[
        "--json",
        "notes",
        "create",
        contact,
        "--body",
        "Called about the invoice",
        "--admin-id",
        "1295",
    ]);
    created.assert_ok();
    assert_eq!(writes(&requests).len(), 1);
    let note = json(&created.stdout);
    let id = note["id"].as_str().expect("note id").to_owned();
    assert_eq!(note["contact"]["id"], contact);
    fake.run(&["notes", "create", contact, "--body", "Second note"])
        .0
        .assert_ok();

    let (list, _) = fake.run(&["notes", "list", contact]);
    list.assert_ok();
    let lines: Vec<&str> = list.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", list.stdout);
    assert!(lines[0].starts_with("ID") && lines[0].contains("BODY"));
    assert!(list.stdout.contains("Called about the invoice"));

    let (list, _) = fake.run(&["--json", "notes", "list", contact, "--limit", "1"]);
    list.assert_ok();
    assert_eq!(json_lines(&list.stdout).len(), 1);

    let (get, _) = fake.run(&["notes", "get", &id]);
    get.assert_ok();
    assert!(get.stdout.contains("Called about the invoice") && get.stdout.contains(contact));

    let (missing, _) = fake.run(&["notes", "get", "999999"]);
    missing.assert_one_error(5, "cannot get note 999999");
}

#[test]
fn an_html_file_is_limited_like_a_file_of_the_sync() {
    let fake = Fake::start();
    fake.run(&["sources", "create", "https://help.example.com"])
        .0
        .assert_ok();
    let limit = usize::try_from(intercom_sync::folder::DEFAULT_MAX_FILE_BYTES).unwrap();
    let dir = tempfile::tempdir().expect("temporary folder");
    let upsert = |file: &str| {
        fake.run(&[
            "pages",
            "upsert",
            "--source",
            "1",
            "--external-id",
            "big",
            "--title",
            "Big",
            "--html-file",
            file,
        ])
    };

    // At the limit, and of control characters, each sent as `\u00XX`: a 12 MiB JSON body,
    // which the fake must take like Intercom would.
    let at_limit = dir.path().join("at-limit.html");
    let html = format!("<p>{}</p>", "\u{1}".repeat(limit - 7));
    std::fs::write(&at_limit, &html).unwrap();
    let (run, _) = upsert(at_limit.to_str().unwrap());
    run.assert_ok();
    let state = fake.state();
    assert_eq!(state.pages.len(), 1);
    assert!(state.pages[0].html == html, "the page as sent");

    // One byte over, or a file without end: refused before anything is read whole or sent.
    let over = dir.path().join("over.html");
    std::fs::write(&over, "x".repeat(limit + 1)).unwrap();
    for file in [over.to_str().unwrap(), "/dev/zero"] {
        let (run, requests) = upsert(file);
        run.assert_one_error(2, &format!("--html-file {file}: is larger than the limit"));
        assert!(requests.is_empty(), "{requests:?}");
    }
}

#[test]
fn note_bodies_show_as_text() {
    let fake = Fake::start();
    let contact = "214656d0c743eafcfde7f248";
    let body = "<style>p { color: red }</style><p>Tom &amp; Jerry &lt;3</p>\
                <script>document.cookie</script>";
    let (created, _) = fake.run(&["--json", "notes", "create", contact, "--body", body]);
    created.assert_ok();
    let id = json(&created.stdout)["id"]
        .as_str()
        .expect("note id")
        .to_owned();

    let (list, _) = fake.run(&["notes", "list", contact]);
    list.assert_ok();
    let (get, _) = fake.run(&["notes", "get", &id]);
    get.assert_ok();
    for shown in [&list.stdout, &get.stdout] {
        assert!(shown.contains("Tom & Jerry <3"), "{shown}");
        for hidden in ["&amp;", "&lt;", "document.cookie", "color: red"] {
            assert!(!shown.contains(hidden), "{hidden} in {shown}");
        }
    }
}
