//! One exit code per kind of failure, and under `--json` the failure as one JSON object on
//! stdout (for a sync that ran: inside its report), beside the one line on stderr.

mod common;

use common::{Fake, Run, SAMPLE_PAGES, TOKEN, intercom, sample_copy, sync_args, writes};
use serde_json::Value;

/// The `--json` error object of a run that printed nothing else on stdout.
fn error_object(run: &Run) -> Value {
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON line on stdout: {run:#?}");
    let json: Value = serde_json::from_str(lines[0]).expect("JSON on stdout");
    let keys: Vec<&str> = json
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(keys, ["error"], "{json}");
    json["error"].clone()
}

/// The error object says the same as the stderr line and the exit code.
fn assert_error(run: &Run, code: i32, kind: &str) -> Value {
    let error = error_object(run);
    assert_eq!(run.code, code, "{run:#?}");
    assert_eq!(error["kind"], kind, "{error}");
    assert_eq!(error["exit_code"], code, "{error}");
    let stderr = run.stderr_lines();
    assert_eq!(
        stderr.last().copied(),
        Some(format!("intercom: {}", error["message"].as_str().unwrap()).as_str()),
        "{run:#?}"
    );
    error
}

#[test]
fn usage_errors_are_exit_2_with_a_json_error_even_when_the_command_line_does_not_parse() {
    let fake = Fake::start();
    let url = fake.url();
    for args in [
        vec![
            "--json",
            "--base-url",
            &url,
            "--token",
            TOKEN,
            "sources",
            "get",
            "abc",
        ],
        vec![
            "--json",
            "--base-url",
            &url,
            "--token",
            TOKEN,
            "sources",
            "list",
            "--colour",
        ],
        vec!["--base-url", &url, "--json", "sources", "list"],
        vec!["--json"],
    ] {
        let run = intercom(&args);
        let error = assert_error(&run, 2, "usage");
        assert!(error.get("http_status").is_none(), "{error}");
    }
    assert!(fake.requests().is_empty());
    // Without --json, stdout stays empty.
    let run = intercom(&["--base-url", &url, "sources", "list"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
}

#[test]
fn a_token_intercom_refuses_is_exit_4_and_the_json_error_does_not_hold_it() {
    let fake = Fake::start();
    let url = fake.url();
    let wrong = "tok_wrong_7f3a91c2";
    let run = intercom(&[
        "--json",
        "--base-url",
        &url,
        "--token",
        wrong,
        "pages",
        "list",
    ]);
    let error = assert_error(&run, 4, "auth");
    assert_eq!(error["http_status"], 401, "{error}");
    assert_eq!(error["code"], "unauthorized", "{error}");
    assert!(!run.stdout.contains(wrong) && !run.stderr.contains(wrong));

    // A sync stops before its report: the error object alone.
    let dir = sample_copy();
    let mut args = vec!["--json", "--base-url", &url, "--token", wrong];
    args.extend(sync_args(dir.path(), &[]));
    let run = intercom(&args);
    assert_error(&run, 4, "auth");
    assert!(fake.state().pages.is_empty());
}

#[test]
fn a_named_resource_that_does_not_exist_is_exit_5_with_its_request_id() {
    let fake = Fake::start();
    for args in [
        ["--json", "sources", "get", "999"],
        ["--json", "pages", "get", "999999"],
        ["--json", "notes", "get", "999999"],
    ] {
        let (run, requests) = fake.run(&args);
        let error = assert_error(&run, 5, "not_found");
        assert_eq!(error["http_status"], 404, "{error}");
        assert_eq!(error["code"], "not_found", "{error}");
        assert_eq!(
            error["request_id"],
            requests.last().unwrap().request_id.as_str(),
            "{error}"
        );
    }
}

#[test]
fn pages_that_failed_are_exit_3_and_the_report_says_which_and_why() {
    let fake = Fake::start();
    let dir = sample_copy();
    std::fs::write(dir.path().join("broken.md"), [0xff, 0xfe, b'x']).unwrap();
    let (run, requests) = fake.run(&sync_args(dir.path(), &["--json"]));
    assert_eq!(run.code, 3, "{run:#?}");
    // The source and every page but the broken one.
    assert_eq!(writes(&requests).len(), 1 + SAMPLE_PAGES);
    let report: Value = serde_json::from_str(run.stdout.trim()).expect("one report object");
    assert_eq!(report["counts"]["created"], SAMPLE_PAGES);
    assert_eq!(report["counts"]["failed"], 1);
    assert_eq!(report["error"]["kind"], "partial_failure", "{report}");
    assert_eq!(report["error"]["exit_code"], 3, "{report}");
    let failed: Vec<&Value> = report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1, "{report}");
    assert_eq!(failed[0]["external_id"], "broken.md");
    assert_eq!(failed[0]["retryable"], false);
    assert!(
        failed[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("is not UTF-8")
    );
    assert_eq!(
        run.stderr_lines().last().copied(),
        Some(format!("intercom: {}", report["error"]["message"].as_str().unwrap()).as_str())
    );
}

#[test]
fn a_refused_prune_is_exit_6_and_the_report_holds_the_refusal() {
    let fake = Fake::start();
    let dir = sample_copy();
    fake.run(&sync_args(dir.path(), &[])).0.assert_ok();
    let empty = tempfile::tempdir().unwrap();
    let (run, requests) = fake.run(&sync_args(empty.path(), &["--json", "--prune"]));
    assert_eq!(run.code, 6, "{run:#?}");
    assert!(writes(&requests).is_empty());
    let report: Value = serde_json::from_str(run.stdout.trim()).expect("one report object");
    assert_eq!(report["prune_refused"]["would_delete"], SAMPLE_PAGES);
    assert_eq!(report["error"]["kind"], "refused", "{report}");
    assert_eq!(report["error"]["exit_code"], 6, "{report}");
    assert!(
        report["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--force-prune")
    );
}

#[test]
fn an_api_host_that_does_not_answer_is_exit_7() {
    // Nothing listens on port 9 (discard) of the loopback.
    let dir = sample_copy();
    for command in [vec!["sources", "list"], sync_args(dir.path(), &[])] {
        let mut args = vec![
            "--json",
            "--base-url",
            "http://127.0.0.1:9",
            "--token",
            TOKEN,
        ];
        args.extend(command);
        let run = intercom(&args);
        let error = assert_error(&run, 7, "unreachable");
        assert!(error.get("http_status").is_none(), "{error}");
    }
}
