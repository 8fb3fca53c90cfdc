//! `intercom sync --jsonl FILE` (and `-` for stdin) against a fake Intercom: good lines are
//! sent, bad lines are reported by their number and never sent (exit 1), a prune keeps the page
//! of a bad line, and a command line with both a folder and `--jsonl` (or neither) sends nothing.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::{Fake, Run, SOURCE_URL, TOKEN, assert_no_token, binary, writes};
use intercom_fake::RequestRecord;
use serde_json::{Value, json};

fn line(id: &str) -> String {
    json!({"external_id": id, "title": format!("Title of {id}"), "html": format!("<p>{id}</p>")})
        .to_string()
}

fn write_file(dir: &Path, lines: &[String]) -> String {
    let path = dir.join("pages.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.to_str().unwrap().to_owned()
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

fn external_ids(fake: &Fake) -> Vec<String> {
    let mut ids: Vec<_> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| p.external_id)
        .collect();
    ids.sort();
    ids
}

/// Runs `intercom --base-url <fake> --token TOKEN ARGS…` with `input` on stdin.
fn run_with_stdin(fake: &Fake, args: &[&str], input: &str) -> (Run, Vec<RequestRecord>) {
    let before = fake.requests().len();
    let url = fake.url();
    let mut child = binary()
        .args(["--base-url", url.as_str(), "--token", TOKEN])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert_no_token(&run.stdout, &run.stderr);
    (run, fake.requests().split_off(before))
}

fn bad_and_good() -> Vec<String> {
    vec![
        line("a"),
        json!({"external_id": "b", "title": "B", "markdown": "Two **days**.", "url": "https://help.example.com/b"})
            .to_string(),
        r#"{"external_id": "c", "html": "<p>no title</p>"}"#.to_owned(),
        "not json".to_owned(),
        String::new(),
        line("e"),
    ]
}

#[test]
fn good_lines_are_sent_and_bad_lines_are_reported_by_number_and_never_sent() {
    let fake = Fake::start();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), &bad_and_good());

    let (run, requests) = fake.run(&["sync", "--jsonl", &file, "--source-url", SOURCE_URL]);
    run.assert_one_error(3, "2 of 5 pages failed");
    assert!(
        run.stdout.lines().any(|l| l
            == "skip line 3: failed: `title` is missing (external_id \"c\"); its page is kept"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.lines().any(
            |l| l.starts_with("skip line 4: failed: is not valid JSON: ")
                && l.ends_with("it could stand for any page, so no page is deleted")
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.summary(),
        "5 pages: 3 created, 0 updated, 0 unchanged, 0 deleted, 2 failed (0 may pass on a rerun, 2 will not)"
    );
    assert_eq!(upserted(&requests), ["a", "b", "e"]);
    assert_eq!(external_ids(&fake), ["a", "b", "e"]);
    let state = fake.state();
    let b = state.pages.iter().find(|p| p.external_id == "b").unwrap();
    assert_eq!(
        (b.title.as_str(), b.html.as_str(), b.url.as_deref()),
        (
            "B",
            "<p>Two <strong>days</strong>.</p>\n",
            Some("https://help.example.com/b")
        )
    );

    // --json: the same lines, by their number (not as an external id), with their reasons,
    // and the run's error; a rerun sends no write.
    let (run, requests) = fake.run(&[
        "--json",
        "sync",
        "--jsonl",
        &file,
        "--source-url",
        SOURCE_URL,
    ]);
    assert_eq!(run.code, 3, "{run:#?}");
    assert_eq!(writes(&requests).len(), 0, "{requests:?}");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let failed: Vec<_> = report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 2, "{report}");
    assert_eq!(failed[0]["line"], 3, "{report}");
    assert!(failed[0].get("external_id").is_none(), "{report}");
    assert_eq!(failed[0]["action"], "skip");
    assert!(
        failed[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("`title` is missing (external_id \"c\")"),
        "{report}"
    );
    assert_eq!(failed[1]["line"], 4, "{report}");
    assert!(failed[1].get("external_id").is_none(), "{report}");
    assert_eq!(report["counts"]["unchanged"], 3, "{report}");
    // A good line is still named by its id, and has no line.
    let good = &report["pages"][0];
    assert_eq!(
        (&good["external_id"], good.get("line")),
        (&json!("a"), None)
    );
    assert_eq!(report["error"]["kind"], "partial_failure", "{report}");
    assert_eq!(report["error"]["exit_code"], 3, "{report}");
}

#[test]
fn stdin_with_a_dash_and_a_prune_that_keeps_the_page_of_a_bad_line() {
    let fake = Fake::start();
    let args = ["sync", "--jsonl", "-", "--source-url", SOURCE_URL];
    let all = ["a", "b", "c", "d", "e"].map(line).join("\n");
    let (run, requests) = run_with_stdin(&fake, &args, &all);
    run.assert_ok();
    assert_eq!(
        run.summary(),
        "5 pages: 5 created, 0 updated, 0 unchanged, 0 deleted, 0 failed"
    );
    assert_eq!(upserted(&requests), ["a", "b", "c", "d", "e"]);

    // c's line is bad (an unknown field) and d's is gone: d is deleted, c kept as it was.
    let prune = [
        "sync",
        "--jsonl",
        "-",
        "--source-url",
        SOURCE_URL,
        "--prune",
    ];
    let input = [
        line("a"),
        line("b"),
        r#"{"external_id": "c", "title": "C", "html": "<p>new</p>", "urll": "https://x.example"}"#
            .to_owned(),
        line("e"),
        r#"{"end": true, "count": 4}"#.to_owned(),
    ]
    .join("\n");
    let (run, requests) = run_with_stdin(&fake, &prune, &input);
    run.assert_one_error(3, "1 of 5 pages failed");
    assert!(
        run.stdout
            .contains("skip line 3: failed: unknown field `urll`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.lines().any(|l| l == "delete d"),
        "{}",
        run.stdout
    );
    let deletes = requests.iter().filter(|r| r.method == "DELETE").count();
    assert_eq!(deletes, 1);
    assert!(upserted(&requests).is_empty());
    assert_eq!(external_ids(&fake), ["a", "b", "c", "e"]);
    let state = fake.state();
    let c = state.pages.iter().find(|p| p.external_id == "c").unwrap();
    assert_eq!(c.html, "<p>c</p>");

    // A line with no readable id: nothing is deleted, though c and e are missing.
    let input = [
        line("a"),
        line("b"),
        r#"{"title": "who?"}"#.to_owned(),
        r#"{"end": true, "count": 3}"#.to_owned(),
    ]
    .join("\n");
    let (run, requests) = run_with_stdin(&fake, &prune, &input);
    assert_eq!(run.code, 6, "{run:#?}");
    assert!(
        run.stdout
            .contains("skip line 3: failed: `external_id` is missing; it could stand for any page"),
        "{}",
        run.stdout
    );
    assert_eq!(writes(&requests).len(), 0, "{requests:?}");
    assert_eq!(external_ids(&fake), ["a", "b", "c", "e"]);
}

/// Issue 22, finding 5: `(head -6 all.jsonl; kill -9 $BASHPID) | intercom sync --jsonl - --prune`.
#[test]
fn a_producer_that_dies_between_lines_prunes_nothing_and_the_error_says_how_to_prove_an_end() {
    let fake = Fake::start();
    let ids: Vec<String> = (0..10).map(|i| format!("p{i}")).collect();
    let all: Vec<String> = ids.iter().map(|id| line(id)).collect();
    let args = ["sync", "--jsonl", "-", "--source-url", SOURCE_URL];
    run_with_stdin(&fake, &args, &all.join("\n")).0.assert_ok();
    let prune = [&args[..], &["--prune"]].concat();

    let cut = all[..6].join("\n");
    let (run, requests) = run_with_stdin(&fake, &prune, &cut);
    run.assert_one_error(6, "the JSON Lines input has no end line");
    assert!(
        run.stderr_lines()[0].ends_with(
            "end the input with the line {\"end\": true, \"count\": N}, N its number of page lines"
        ),
        "{run:#?}"
    );
    assert_eq!(writes(&requests).len(), 0, "{requests:?}");
    assert_eq!(external_ids(&fake).len(), 10);

    // Proven complete: the four missing pages go.
    let ended = format!("{cut}\n{{\"end\": true, \"count\": 6}}\n");
    let (run, requests) = run_with_stdin(&fake, &prune, &ended);
    run.assert_ok();
    let deletes = requests.iter().filter(|r| r.method == "DELETE").count();
    assert_eq!(deletes, 4);
    assert_eq!(external_ids(&fake), ids[..6]);

    // Without --prune, no end line is needed and none is reported.
    let (run, _) = run_with_stdin(&fake, &args, &cut);
    run.assert_ok();
    assert!(!run.stdout.contains("end of input"), "{}", run.stdout);
}

#[test]
fn a_folder_and_jsonl_together_or_neither_or_a_missing_file_is_a_usage_error_and_sends_nothing() {
    let fake = Fake::start();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), &[line("a")]);
    let folder = dir.path().to_str().unwrap();
    let missing = dir.path().join("missing.jsonl");
    let missing = missing.to_str().unwrap();

    let cases: [(&str, Vec<&str>, &str); 5] = [
        (
            "both",
            vec!["sync", folder, "--jsonl", &file, "--source-url", SOURCE_URL],
            "--jsonl",
        ),
        ("neither", vec!["sync", "--source-url", SOURCE_URL], "DIR"),
        (
            "missing file",
            vec!["sync", "--jsonl", missing, "--source-url", SOURCE_URL],
            "missing.jsonl: cannot be opened",
        ),
        (
            "a folder as the file",
            vec!["sync", "--jsonl", folder, "--source-url", SOURCE_URL],
            "is a folder",
        ),
        (
            "a page URL prefix",
            vec![
                "sync",
                "--jsonl",
                &file,
                "--page-url-prefix",
                "https://help.example.com/",
                "--source-url",
                SOURCE_URL,
            ],
            "--page-url-prefix",
        ),
    ];
    for (name, args, needle) in cases {
        let (run, requests) = fake.run(&args);
        assert_eq!(run.code, 2, "{name}: {run:#?}");
        run.assert_one_error(2, needle);
        assert!(requests.is_empty(), "{name}: {requests:?}");
    }
    assert!(fake.state().sources.is_empty());
}

#[test]
fn a_dry_run_of_jsonl_sends_no_write() {
    let fake = Fake::start();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), &bad_and_good());
    let (run, requests) = fake.run(&[
        "sync",
        "--jsonl",
        &file,
        "--source-url",
        SOURCE_URL,
        "--dry-run",
    ]);
    assert_eq!(run.code, 3, "{run:#?}");
    assert_eq!(writes(&requests).len(), 0, "{requests:?}");
    let would: Vec<_> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("would create "))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        would,
        ["would create a", "would create b", "would create e"]
    );
    assert!(fake.state().pages.is_empty());
}
