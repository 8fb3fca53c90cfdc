//! JSON Lines into a sync, against the in-process fake: good lines become pages with the
//! fields they give, every kind of bad line is reported by its number and never sent, and with
//! prune a bad line keeps its page (or every page, when its id cannot be read) while a page
//! truly missing from the input is deleted.

use std::io;

use futures::stream;
use intercom_client::Client;
use intercom_fake::{FakeIntercom, RequestRecord};
use intercom_sync::folder::{self, FolderOptions};
use intercom_sync::jsonl::{self, JsonlOptions};
use intercom_sync::{Covers, ItemError, PlannedAction, SyncOptions, SyncReport, sync};
use serde_json::json;

const TOKEN: &str = "jsonl-test-token";
const SOURCE: &str = "https://export.example.com";

fn client(fake: &FakeIntercom) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap()
}

async fn fake() -> FakeIntercom {
    FakeIntercom::builder().token(TOKEN).start().await.unwrap()
}

/// Syncs `input`, ended with its end line, through the async reader (as the CLI does).
async fn sync_jsonl(fake: &FakeIntercom, input: &str, options: SyncOptions) -> SyncReport {
    let ended = format!("{input}\n{}\n", end_line(input));
    sync_jsonl_as_is(fake, &ended, options).await
}

/// Syncs `input` as it is.
async fn sync_jsonl_as_is(fake: &FakeIntercom, input: &str, options: SyncOptions) -> SyncReport {
    let reader = tokio::io::BufReader::new(input.as_bytes());
    let pages = jsonl::stream_jsonl(reader, JsonlOptions::default());
    sync(&client(fake), SOURCE, pages, options).await.unwrap()
}

/// The end line that proves `input` complete: the count of its non-blank lines.
fn end_line(input: &str) -> String {
    let count = input.lines().filter(|l| !l.trim().is_empty()).count();
    json!({"end": true, "count": count}).to_string()
}

fn line(id: &str) -> String {
    json!({"external_id": id, "title": format!("Title of {id}"), "html": format!("<p>{id}</p>")})
        .to_string()
}

/// The external ids the upserts sent, sorted (writes go out concurrently).
fn upserted(requests: &[RequestRecord]) -> Vec<String> {
    let mut ids = requests
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/ai/external_pages")
        .map(|r| {
            r.json_body().unwrap()["external_id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect::<Vec<_>>();
    ids.sort();
    ids
}

fn external_ids(fake: &FakeIntercom) -> Vec<String> {
    let mut ids: Vec<_> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| p.external_id)
        .collect();
    ids.sort();
    ids
}

fn deletes(requests: &[RequestRecord]) -> usize {
    requests.iter().filter(|r| r.method == "DELETE").count()
}

#[tokio::test]
async fn good_lines_become_pages_with_the_fields_they_give() {
    let fake = fake().await;
    let markdown =
        "# Shipping\n\n| zone | days |\n| --- | --- |\n| EU | 2 |\n\nShips in **two** days.";
    let input = [
        json!({
            "external_id": "returns",
            "title": "Returns",
            "html": "<p>30 days.</p>",
            "url": "https://help.example.com/returns",
            "ai_agent_availability": false,
            "ai_copilot_availability": true,
        }),
        json!({"external_id": "guides/shipping", "title": "Shipping rates", "markdown": markdown, "url": null}),
    ]
    .map(|v| v.to_string())
    .join("\n");

    let report = sync_jsonl(&fake, &input, SyncOptions::default()).await;
    assert_eq!(
        (report.counts.created, report.counts.failed),
        (2, 0),
        "{report}"
    );

    let state = fake.state();
    let page = |id: &str| state.pages.iter().find(|p| p.external_id == id).unwrap();
    let returns = page("returns");
    assert_eq!(returns.title, "Returns");
    assert_eq!(returns.html, "<p>30 days.</p>");
    assert_eq!(
        returns.url.as_deref(),
        Some("https://help.example.com/returns")
    );
    assert!(!returns.ai_agent_availability && returns.ai_copilot_availability);

    // The Markdown is rendered exactly as the folder reader renders the same `.md` file.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("shipping.md"), markdown).unwrap();
    let from_folder = folder::read_folder(dir.path(), FolderOptions::default())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let shipping = page("guides/shipping");
    assert_eq!(shipping.html, from_folder.html);
    assert!(
        shipping.html.contains("<table>") && shipping.html.contains("<strong>two</strong>"),
        "{}",
        shipping.html
    );
    // The line's title, not the Markdown's heading; `url: null` is no URL.
    assert_eq!(shipping.title, "Shipping rates");
    assert_eq!(shipping.url, None);

    // What was sent: the availability flags only where the line gives them.
    let requests = fake.requests();
    let bodies: Vec<_> = requests
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/ai/external_pages")
        .map(|r| r.json_body().unwrap().clone())
        .collect();
    let body = |id: &str| bodies.iter().find(|b| b["external_id"] == id).unwrap();
    assert_eq!(body("returns")["ai_agent_availability"], json!(false));
    assert_eq!(body("returns")["ai_copilot_availability"], json!(true));
    assert!(
        body("guides/shipping")
            .get("ai_agent_availability")
            .is_none()
    );

    // A second run over the same lines sends no write.
    fake.clear_requests();
    let again = sync_jsonl(&fake, &input, SyncOptions::default()).await;
    assert_eq!(again.counts.unchanged, 2, "{again}");
    assert!(fake.requests().iter().all(|r| r.method == "GET"));
}

/// Each bad line, what its error says, and what it covers.
fn bad_lines() -> Vec<(&'static str, &'static str, Covers)> {
    let page = |id: &str| Covers::Page(id.into());
    vec![
        (
            "{\"external_id\": \"x\",",
            "is not valid JSON: ",
            Covers::All,
        ),
        (
            "[\"not\", \"an object\"]",
            "is not a page: invalid type: sequence",
            Covers::All,
        ),
        (
            r#"{"title": "T", "html": "h"}"#,
            "`external_id` is missing",
            Covers::All,
        ),
        (
            r#"{"external_id": "", "title": "T", "html": "h"}"#,
            "`external_id` is empty",
            Covers::All,
        ),
        (
            r#"{"external_id": 42, "title": "T", "html": "h"}"#,
            "`external_id` must be a string, not a number (write \"42\")",
            Covers::All,
        ),
        (
            r#"{"external_id": "a", "external_id": "b", "title": "T", "html": "h"}"#,
            "`external_id` is given twice",
            Covers::All,
        ),
        (
            r#"{"external_id": "no-title", "html": "h"}"#,
            "`title` is missing",
            page("no-title"),
        ),
        (
            r#"{"external_id": "title-number", "title": 7, "html": "h"}"#,
            "`title` must be a string, not a number",
            page("title-number"),
        ),
        (
            r#"{"external_id": "both", "title": "T", "html": "h", "markdown": "m"}"#,
            "has both `html` and `markdown`: give one",
            page("both"),
        ),
        (
            r#"{"external_id": "neither", "title": "T"}"#,
            "has neither `html` nor `markdown`",
            page("neither"),
        ),
        (
            r#"{"external_id": "blank", "title": "T", "html": "  "}"#,
            "`html` is empty",
            page("blank"),
        ),
        (
            r#"{"external_id": "bad-front-matter", "title": "T", "markdown": "---\ntitle: [x\n---\nbody"}"#,
            "`markdown`: front matter is not YAML",
            page("bad-front-matter"),
        ),
        (
            r#"{"external_id": "relative", "title": "T", "html": "h", "url": "/faq"}"#,
            "`url` \"/faq\" is not an absolute http(s) URL",
            page("relative"),
        ),
        (
            r#"{"external_id": "ftp", "title": "T", "html": "h", "url": "ftp://files.example.com/a"}"#,
            "`url` \"ftp://files.example.com/a\" is not an absolute http(s) URL",
            page("ftp"),
        ),
        (
            r#"{"external_id": "flag", "title": "T", "html": "h", "ai_agent_availability": "yes"}"#,
            "`ai_agent_availability` must be true or false, not a string",
            page("flag"),
        ),
        (
            r#"{"external_id": "typo", "title": "T", "html": "h", "ur": "https://x.example"}"#,
            "unknown field `ur`",
            page("typo"),
        ),
        (
            r#"{"external_id": "twice", "title": "T", "title": "U", "html": "h"}"#,
            "`title` is given twice",
            page("twice"),
        ),
    ]
}

#[tokio::test]
async fn every_kind_of_bad_line_is_reported_with_its_number_and_never_sent() {
    let fake = fake().await;
    // Line 1 good, then the bad lines, then a blank line, then a good one and a repeat of line 1.
    let mut lines = vec![line("good-1")];
    lines.extend(bad_lines().iter().map(|(text, ..)| text.to_string()));
    lines.push(String::new());
    lines.push(line("good-2"));
    lines.push(line("good-1"));
    let input = lines.join("\n");

    // The reader's items: each bad line named by its number, covering what it should.
    let options = JsonlOptions::default().require_end(false);
    let items: Vec<_> = jsonl::read_jsonl(input.as_bytes(), options).collect();
    let errors: Vec<&ItemError> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    let bad = bad_lines();
    assert_eq!(errors.len(), bad.len() + 1);
    for (n, ((_, reason, covers), error)) in bad.iter().zip(&errors).enumerate() {
        assert_eq!(
            error.name.as_deref(),
            Some(format!("line {}", n + 2).as_str())
        );
        assert!(error.reason.starts_with(reason), "line {}: {error}", n + 2);
        assert_eq!(&error.covers, covers, "line {}: {error}", n + 2);
        assert!(!error.skipped);
        if let Covers::Page(id) = covers {
            assert!(
                error.reason.contains(&format!("(external_id {id:?})")),
                "{error}"
            );
        }
    }
    // The repeated id: named by its own line, pointing at the first, covering that page.
    let repeat = errors.last().unwrap();
    let repeat_line = bad.len() + 4;
    assert_eq!(repeat.name, Some(format!("line {repeat_line}")));
    assert!(
        repeat
            .reason
            .starts_with("`external_id` is already on line 1"),
        "{repeat}"
    );
    assert_eq!(repeat.covers, Covers::Page("good-1".into()));

    // The sync: only the good lines are sent; each bad line is a failed `skip line N`.
    let report = sync_jsonl(&fake, &input, SyncOptions::default()).await;
    assert_eq!(upserted(&fake.requests()), ["good-1", "good-2"]);
    assert_eq!(external_ids(&fake), ["good-1", "good-2"]);
    assert_eq!(report.counts.created, 2, "{report}");
    assert_eq!(report.counts.failed, bad.len() + 1, "{report}");
    let failed: Vec<_> = report.failures().map(|p| p.external_id.clone()).collect();
    let mut expected: Vec<_> = (2..bad.len() + 2).map(|n| format!("line {n}")).collect();
    expected.push(format!("line {repeat_line}"));
    assert_eq!(failed, expected);
    assert!(report.failures().all(|p| p.action == PlannedAction::Skip));
    let text = report.pages[3].to_string();
    assert_eq!(
        text,
        "skip line 4: failed: `external_id` is missing; \
         it could stand for any page, so no page is deleted"
    );
    let text = report.pages[7].to_string();
    assert_eq!(
        text,
        "skip line 8: failed: `title` is missing (external_id \"no-title\"); its page is kept"
    );
}

/// A source holding pages a to e, synced from JSON Lines.
async fn seeded() -> FakeIntercom {
    let fake = fake().await;
    let input = ["a", "b", "c", "d", "e"].map(line).join("\n");
    let report = sync_jsonl(&fake, &input, SyncOptions::default()).await;
    assert_eq!(report.counts.created, 5, "{report}");
    fake.clear_requests();
    fake
}

fn prune() -> SyncOptions {
    SyncOptions::default().prune(true)
}

#[tokio::test]
async fn with_prune_a_page_missing_from_the_lines_is_deleted() {
    let fake = seeded().await;
    let input = ["a", "b", "c", "e"].map(line).join("\n");
    let report = sync_jsonl(&fake, &input, prune()).await;
    assert_eq!(
        (report.counts.deleted, report.counts.failed),
        (1, 0),
        "{report}"
    );
    assert_eq!(deletes(&fake.requests()), 1);
    assert_eq!(external_ids(&fake), ["a", "b", "c", "e"]);
}

#[tokio::test]
async fn with_prune_a_bad_line_whose_id_is_known_keeps_that_page_and_the_rest_goes_on() {
    let fake = seeded().await;
    // c's line has no title; d's line is gone.
    let input = [
        line("a"),
        line("b"),
        r#"{"external_id": "c", "html": "<p>new c</p>"}"#.to_owned(),
        line("e"),
    ]
    .join("\n");
    let report = sync_jsonl(&fake, &input, prune()).await;
    assert_eq!(
        (report.counts.deleted, report.counts.failed),
        (1, 1),
        "{report}"
    );
    let requests = fake.requests();
    assert_eq!(deletes(&requests), 1);
    assert!(upserted(&requests).is_empty(), "c's bad line is not sent");
    assert_eq!(
        external_ids(&fake),
        ["a", "b", "c", "e"],
        "c kept, d deleted"
    );
    let state = fake.state();
    let c = state.pages.iter().find(|p| p.external_id == "c").unwrap();
    assert_eq!(c.html, "<p>c</p>", "c as it was");
    assert_eq!(
        report.pages[2].to_string(),
        "skip line 3: failed: `title` is missing (external_id \"c\"); its page is kept"
    );
}

#[tokio::test]
async fn with_prune_a_line_without_a_readable_id_keeps_every_page() {
    let fake = seeded().await;
    // c, d and e are missing, but line 3 could have been any of them.
    for bad in [r#"{"title": "no id"}"#, "not json", r#"{"external_id": 3}"#] {
        let input = [line("a"), line("b"), bad.to_owned()].join("\n");
        let report = sync_jsonl(&fake, &input, prune().force_prune(true)).await;
        assert_eq!(report.counts.deleted, 0, "{report}");
        assert_eq!(report.counts.failed, 1, "{report}");
        // Even forced: --force-prune lifts the share limit, not this one.
        let refused = report.prune_refused.as_ref().expect("refused");
        assert_eq!(refused.unknown_inputs, ["line 3"], "{report}");
        assert_eq!(deletes(&fake.requests()), 0, "{bad}");
        assert_eq!(external_ids(&fake), ["a", "b", "c", "d", "e"], "{bad}");
    }
}

#[tokio::test]
async fn with_prune_a_repeated_id_keeps_its_page_and_is_not_sent_twice() {
    let fake = seeded().await;
    let input = ["a", "b", "c", "d", "e", "a"].map(line).join("\n");
    let report = sync_jsonl(&fake, &input, prune()).await;
    assert_eq!(
        (report.counts.unchanged, report.counts.deleted),
        (5, 0),
        "{report}"
    );
    assert_eq!(report.failures().count(), 1);
    assert!(fake.requests().iter().all(|r| r.method == "GET"));
}

/// A reader that gives `lines`, then fails.
struct FailsAfter(Option<String>);

impl io::Read for FailsAfter {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(text) => {
                buf[..text.len()].copy_from_slice(text.as_bytes());
                Ok(text.len())
            }
            None => Err(io::Error::other("connection reset")),
        }
    }
}

#[tokio::test]
async fn with_prune_a_read_that_fails_midway_keeps_every_page() {
    let fake = seeded().await;
    let text = format!("{}\n{}\n", line("a"), line("b"));
    let reader = io::BufReader::new(FailsAfter(Some(text)));
    // The blocking reader, as a folder is read.
    let pages = stream::iter(jsonl::read_jsonl(reader, JsonlOptions::default()));
    let report = sync(&client(&fake), SOURCE, pages, prune().force_prune(true))
        .await
        .unwrap();
    assert_eq!(
        (
            report.counts.unchanged,
            report.counts.failed,
            report.counts.deleted
        ),
        (2, 1, 0),
        "{report}"
    );
    assert_eq!(
        report.pages[2].to_string(),
        "skip line 3: failed: cannot be read: connection reset; the input after line 2 is \
         unknown; it could stand for any page, so no page is deleted"
    );
    assert_eq!(deletes(&fake.requests()), 0);
    assert_eq!(external_ids(&fake), ["a", "b", "c", "d", "e"]);
}

/// Issue 22, finding 5: end of file is not proof that a stream is complete.
#[tokio::test]
async fn with_prune_an_input_without_its_end_line_deletes_nothing() {
    let fake = seeded().await;
    // A producer that died after two lines: c, d and e look gone.
    let cut = [line("a"), line("b")].join("\n");
    let report = sync_jsonl_as_is(&fake, &cut, prune()).await;
    assert_eq!(deletes(&fake.requests()), 0, "{report}");
    assert_eq!(external_ids(&fake), ["a", "b", "c", "d", "e"]);
    let refused = report.prune_refused.as_ref().expect("refused");
    assert_eq!(refused.unknown_inputs, [jsonl::END_OF_INPUT]);
    let last = report.pages[2].to_string();
    assert!(
        last.starts_with(
            "skip end of input: skipped: the input has no end line {\"end\": true, \"count\": 2}"
        ),
        "{last}"
    );
    // The end line's absence and the three deletes it refused.
    assert_eq!((report.counts.skipped, report.counts.failed), (4, 0));

    // With it, the same two lines prune the rest.
    let report = sync_jsonl(&fake, &cut, prune().force_prune(true)).await;
    assert_eq!(report.prune_refused, None, "{report}");
    assert_eq!(deletes(&fake.requests()), 3);
    assert_eq!(external_ids(&fake), ["a", "b"]);
}

#[tokio::test]
async fn an_end_line_that_does_not_match_the_input_keeps_every_page() {
    for (input, reason) in [
        (
            format!(
                "{}\n{}\n{{\"end\": true, \"count\": 3}}",
                line("a"),
                line("b")
            ),
            "the end line counts 3 page lines, but 2 came before it",
        ),
        (
            format!(
                "{}\n{{\"end\": true, \"count\": 1}}\n{}",
                line("a"),
                line("b")
            ),
            "comes after the end line (line 2)",
        ),
        (
            format!("{}\n{{\"end\": true}}", line("a")),
            "an end line is {\"end\": true, \"count\": N}",
        ),
        (
            format!("{}\n{{\"end\": \"yes\", \"count\": 1}}", line("a")),
            "an end line is {\"end\": true, \"count\": N}",
        ),
    ] {
        let fake = seeded().await;
        let report = sync_jsonl_as_is(&fake, &input, prune().force_prune(true)).await;
        assert_eq!(deletes(&fake.requests()), 0, "{input}: {report}");
        assert_eq!(external_ids(&fake), ["a", "b", "c", "d", "e"]);
        let failure = report.failures().next().expect("a failed line").to_string();
        assert!(failure.contains(reason), "{failure}");
        assert!(
            failure.ends_with("it could stand for any page, so no page is deleted"),
            "{failure}"
        );
    }
}

#[test]
fn an_unknown_field_is_named_with_its_control_characters_escaped() {
    let input = "{\"external_id\": \"a\", \"title\": \"A\", \"html\": \"<p>a</p>\", \"x\\u001b[31m\\ny\": 1}";
    let options = JsonlOptions::default().require_end(false);
    let items: Vec<_> = jsonl::read_jsonl(input.as_bytes(), options).collect();
    let error = items[0].as_ref().unwrap_err();
    assert!(
        error.reason.starts_with("unknown field `x\\u{1b}[31m\\ny`"),
        "{}",
        error.reason
    );
    assert!(!error.reason.contains('\u{1b}') && !error.reason.contains('\n'));
}
