//! Invalid input: exit code 2 (4 or 5 where the API said no), exactly one line on stderr that names
//! the problem, and nothing sent.

mod common;

use common::{Fake, TOKEN, intercom, sample_copy};

#[test]
fn invalid_input_is_one_line_exit_2_and_sends_nothing() {
    let fake = Fake::start();
    let url = fake.url();
    let dir = sample_copy();
    let dir = dir.path().to_str().expect("UTF-8 path");
    let missing_dir = format!("{dir}/does-not-exist");
    let html_file = format!("{dir}/no-such-file.html");
    let sync = |extra: &[&'static str]| {
        let mut args = vec!["sync", dir, "--source-url", "https://help.example.com"];
        args.extend_from_slice(extra);
        args
    };

    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("missing token", vec!["--base-url", &url, "sources", "list"], "no token"),
        ("empty token", vec!["--base-url", &url, "--token", " ", "sources", "list"], "no token"),
        ("unknown region", vec!["--token", TOKEN, "--region", "mars", "sources", "list"], "'mars'"),
        ("plain http to a remote host", vec!["--token", TOKEN, "--base-url", "http://example.com", "sources", "list"], "--base-url uses plain http"),
        ("a base URL that is not one", vec!["--token", TOKEN, "--base-url", "example.com", "sources", "list"], "--base-url"),
        ("region and base URL", vec!["--token", TOKEN, "--region", "eu", "--base-url", &url, "sources", "list"], "--region"),
        ("fake and base URL", vec!["--fake", "--base-url", &url, "sources", "list"], "--fake"),
        ("fake state without fake", vec!["--token", TOKEN, "--base-url", &url, "--fake-state", "x.json", "sources", "list"], "--fake"),
        ("bad api version", vec!["--token", TOKEN, "--base-url", &url, "--api-version", "2.14 beta", "sources", "list"], "--api-version"),
        ("concurrency 0", [vec!["--token", TOKEN, "--base-url", &url], sync(&["--concurrency", "0"])].concat(), "--concurrency"),
        ("directory that does not exist", vec!["--token", TOKEN, "--base-url", &url, "sync", &missing_dir, "--source-url", "https://help.example.com"], "directory does not exist"),
        ("source url that is not a URL", vec!["--token", TOKEN, "--base-url", &url, "sync", dir, "--source-url", "not-a-url"], "--source-url"),
        ("missing source url", vec!["--token", TOKEN, "--base-url", &url, "sync", dir], "--source-url"),
        ("relative page url prefix", [vec!["--token", TOKEN, "--base-url", &url], sync(&["--page-url-prefix", "relative/path"])].concat(), "--page-url-prefix"),
        ("non-integer source id", vec!["--token", TOKEN, "--base-url", &url, "sources", "get", "abc"], "'abc'"),
        ("non-integer --source", vec!["--token", TOKEN, "--base-url", &url, "pages", "list", "--source", "help"], "'help'"),
        ("empty title", vec!["--token", TOKEN, "--base-url", &url, "pages", "upsert", "--source", "1", "--external-id", "a", "--title", "", "--html", "<p>x</p>"], "--title must not be empty"),
        ("empty html", vec!["--token", TOKEN, "--base-url", &url, "pages", "upsert", "--source", "1", "--external-id", "a", "--title", "T", "--html", " "], "--html must not be empty"),
        ("html and html file", vec!["--token", TOKEN, "--base-url", &url, "pages", "upsert", "--source", "1", "--external-id", "a", "--title", "T", "--html", "<p>x</p>", "--html-file", "x.html"], "--html"),
        ("missing html file", vec!["--token", TOKEN, "--base-url", &url, "pages", "upsert", "--source", "1", "--external-id", "a", "--title", "T", "--html-file", &html_file], "--html-file"),
        ("relative page url", vec!["--token", TOKEN, "--base-url", &url, "pages", "upsert", "--source", "1", "--external-id", "a", "--title", "T", "--html", "<p>x</p>", "--url", "/a"], "URL must be an absolute URL"),
        ("empty note body", vec!["--token", TOKEN, "--base-url", &url, "notes", "create", "abc123", "--body", ""], "--body must not be empty"),
        ("empty contact id", vec!["--token", TOKEN, "--base-url", &url, "notes", "list", ""], "must not be empty"),
        ("source url to create that is not one", vec!["--token", TOKEN, "--base-url", &url, "sources", "create", "help.example.com"], "URL must be an absolute URL"),
        ("limit 0", vec!["--token", TOKEN, "--base-url", &url, "pages", "list", "--limit", "0"], "--limit"),
        ("unknown status", vec!["--token", TOKEN, "--base-url", &url, "sources", "update", "1", "--url", "https://a.example", "--status", "paused"], "'paused'"),
        ("unknown subcommand", vec!["--token", TOKEN, "--base-url", &url, "frobnicate"], "'frobnicate'"),
        ("unknown flag", vec!["--token", TOKEN, "--base-url", &url, "sources", "list", "--colour"], "'--colour'"),
        ("no subcommand", vec!["--token", TOKEN, "--base-url", &url], "requires a subcommand"),
        ("no subcommand at all", vec![], "no subcommand given"),
    ];
    assert!(cases.len() >= 10);
    for (name, args, needle) in cases {
        let run = intercom(&args);
        assert_eq!(run.code, 2, "{name}: {run:#?}");
        let lines = run.stderr_lines();
        assert_eq!(lines.len(), 1, "{name}: one line expected: {run:#?}");
        assert!(lines[0].starts_with("intercom: "), "{name}: {run:#?}");
        assert!(
            lines[0].contains(needle),
            "{name}: should name {needle:?}: {}",
            lines[0]
        );
        assert_eq!(run.stdout, "", "{name}");
        assert!(
            fake.requests().is_empty(),
            "{name}: sent {:?}",
            fake.requests()
        );
    }
}

#[test]
fn a_404_is_one_line_with_the_request_id_and_exit_5() {
    let fake = Fake::start();
    let (run, requests) = fake.run(&["sources", "get", "999"]);
    run.assert_one_error(5, "cannot get content import source 999");
    assert!(run.stderr.contains("HTTP 404"), "{}", run.stderr);
    assert_eq!(requests.len(), 1);
    assert!(
        run.stderr
            .contains(&format!("request id {}", requests[0].request_id)),
        "{}",
        run.stderr
    );
}

#[test]
fn a_wrong_token_is_exit_4_and_does_not_show_the_token() {
    let fake = Fake::start();
    let url = fake.url();
    let run = intercom(&[
        "--base-url",
        &url,
        "--token",
        "not-the-token",
        "pages",
        "list",
    ]);
    run.assert_one_error(4, "HTTP 401");
    assert!(!run.stderr.contains("not-the-token"), "{}", run.stderr);
    assert!(fake.requests().iter().all(|r| !r.authorized));
}
