//! The token never shows, even at the most verbose log level (`-vvv`, which logs every request,
//! retry and response), through success and every kind of failure. `run_command` already fails
//! a test on any output holding the token; this file drives the paths that log the most.

mod common;

use common::{Fake, TOKEN, sample_copy, sync_args};
use intercom_fake::faults::FaultConfig;

#[test]
fn no_output_holds_the_token_at_trace_level() {
    let fake = Fake::with(|builder| {
        builder
            // Retries (500, HTML 502, 429 with Retry-After: 0) on the first writes, then a
            // page that keeps failing so the run ends with a reported failure.
            .fault("POST /ai/external_pages=500,502,429:0,503".parse().unwrap())
            .fault(
                "GET /ai/external_pages/{id}=502,502,502,502,502,502"
                    .parse()
                    .unwrap(),
            )
    });
    let dir = sample_copy();

    // Success, through retried faults.
    let (run, requests) = fake.run(&sync_args(dir.path(), &["-vvv"]));
    assert_eq!(run.code, 0, "{}", tail(&run.stderr));
    assert!(run.stdout.contains("39 created"), "{}", run.stdout);
    assert!(
        run.stderr.contains("TRACE") && run.stderr.contains("retrying"),
        "{}",
        tail(&run.stderr)
    );
    assert!(requests.iter().any(|r| r.fault.is_some()));

    // A decode failure: the proxy's HTML page comes back on every attempt.
    let (run, _) = fake.run(&["-vvv", "pages", "get", "1"]);
    assert_eq!(run.code, 1, "{}", tail(&run.stderr));
    assert!(
        run.stderr.contains("could not decode"),
        "{}",
        tail(&run.stderr)
    );

    // API errors: a 404 and, with another token, a 401.
    fake.set_faults(FaultConfig::default());
    let (run, _) = fake.run(&["-vvv", "pages", "get", "999999"]);
    assert_eq!(run.code, 5);
    let wrong = format!("{TOKEN}-wrong");
    let url = fake.url();
    let run = common::intercom(&[
        "-vvv",
        "--base-url",
        &url,
        "--token",
        &wrong,
        "sources",
        "list",
    ]);
    assert_eq!(run.code, 4, "{}", tail(&run.stderr));
    assert!(run.stderr.contains("401"), "{}", tail(&run.stderr));
    assert!(!run.stdout.contains(&wrong) && !run.stderr.contains(&wrong));

    // Invalid input, refused before anything is sent.
    let (run, requests) = fake.run(&[
        "-vvv",
        "pages",
        "upsert",
        "--source",
        "1",
        "--external-id",
        "a",
        "--title",
        " ",
        "--html",
        "<p>x</p>",
    ]);
    assert_eq!(run.code, 2);
    assert!(requests.is_empty());

    // A host that cannot be reached: the transport error is logged and reported.
    let run = common::intercom(&[
        "-vvv",
        "--base-url",
        "http://127.0.0.1:9",
        "--token",
        TOKEN,
        "sources",
        "list",
    ]);
    assert_eq!(run.code, 7, "{}", tail(&run.stderr));
}

/// The last lines of a long log, for failure messages.
fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join("\n")
}

/// A token that is nobody's: if it shows up anywhere, `--fake` leaked the user's token.
const REAL_TOKEN: &str = "tok_REAL_user_token_must_stay_home_71c2";

/// A "proxy" on 127.0.0.1 that records every byte it receives and answers 502: what a proxy
/// named in the environment would see.
struct RecordingProxy {
    port: u16,
    received: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

impl RecordingProxy {
    fn start() -> RecordingProxy {
        use std::io::{Read, Write};

        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = received.clone();
        // Runs until the test process ends; each connection is read until the client stops
        // sending, then answered.
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_millis(200)));
                let mut buf = [0u8; 4096];
                while let Ok(n @ 1..) = stream.read(&mut buf) {
                    log.lock().unwrap().extend_from_slice(&buf[..n]);
                }
                let _ = stream.write_all(
                    b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                );
            }
        });
        RecordingProxy { port, received }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn received(&self) -> String {
        String::from_utf8_lossy(&self.received.lock().unwrap()).into_owned()
    }
}

#[test]
fn fake_mode_never_goes_through_a_proxy_nor_sends_the_users_token() {
    let proxy = RecordingProxy::start();
    let dir = tempfile::tempdir().expect("temporary folder");
    let state = dir.path().join("state.json");
    let mut command = common::binary();
    command
        .env("INTERCOM_TOKEN", REAL_TOKEN)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy");
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        command.env(var, proxy.url());
    }
    command.args(["--fake", "--fake-state", state.to_str().unwrap()]);

    let run = common::run_command(command.args(["sources", "create", "https://help.example.com"]));
    assert_eq!(run.code, 0, "{run:#?}");
    let listed = common::run_command(
        common::binary()
            .env("INTERCOM_TOKEN", REAL_TOKEN)
            .env("HTTP_PROXY", proxy.url())
            .env("ALL_PROXY", proxy.url())
            .args(["--fake", "--fake-state", state.to_str().unwrap()])
            .args(["--json", "sources", "list"]),
    );
    assert_eq!(listed.code, 0, "{listed:#?}");
    assert!(
        listed.stdout.contains("https://help.example.com"),
        "{listed:#?}"
    );

    assert_eq!(proxy.received(), "", "the proxy received a request");
    for run in [&run, &listed] {
        assert!(
            !run.stdout.contains(REAL_TOKEN) && !run.stderr.contains(REAL_TOKEN),
            "{run:#?}"
        );
    }
    let saved = std::fs::read_to_string(&state).expect("the fake's state file");
    assert!(!saved.contains(REAL_TOKEN));
}

#[test]
fn fake_mode_refuses_an_explicit_token() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let state = dir.path().join("state.json");
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, REAL_TOKEN).unwrap();
    let state = state.to_str().unwrap();
    for given in [
        vec!["--token", REAL_TOKEN],
        vec!["--token-file", token_file.to_str().unwrap()],
    ] {
        let mut args = vec!["--fake", "--fake-state", state];
        args.extend(given);
        args.extend(["sources", "list"]);
        let run = common::intercom(&args);
        run.assert_one_error(2, "--fake");
        assert!(!run.stderr.contains(REAL_TOKEN), "{run:#?}");
    }
    assert!(!std::path::Path::new(state).exists(), "no fake was started");
}

#[test]
fn the_token_can_come_from_a_file_or_stdin() {
    use std::io::Write;
    use std::process::Stdio;

    let fake = Fake::start();
    let url = fake.url();
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{TOKEN}\n")).unwrap();
    let run = common::intercom(&[
        "--base-url",
        &url,
        "--token-file",
        file.to_str().unwrap(),
        "sources",
        "list",
    ]);
    run.assert_ok();

    let mut child = common::binary()
        .args(["--base-url", &url, "--token-file", "-", "sources", "list"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn intercom");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{TOKEN}\r\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().expect("intercom runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let requests = fake.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert!(requests.iter().all(|r| r.authorized), "{requests:?}");
}

#[test]
fn a_bad_token_file_is_one_line_and_sends_nothing() {
    let fake = Fake::start();
    let url = fake.url();
    let dir = tempfile::tempdir().expect("temporary folder");
    let missing = dir.path().join("missing");
    let empty = dir.path().join("empty");
    std::fs::write(&empty, "\n").unwrap();
    let missing = missing.to_str().unwrap();
    let empty = empty.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["--token-file", missing], "--token-file"),
        (&["--token-file", empty], "is empty"),
        (&["--token-file", "/dev/zero"], "too large"),
        (&["--token-file", empty, "--token", TOKEN], "--token"),
    ];
    for (given, needle) in cases {
        let mut args = vec!["--base-url", url.as_str()];
        args.extend_from_slice(given);
        args.extend(["sources", "list"]);
        let run = common::intercom(&args);
        run.assert_one_error(2, needle);
    }
    let run = common::intercom(&[
        "--base-url",
        &url,
        "--token-file",
        "-",
        "sync",
        "--jsonl",
        "-",
        "--source-url",
        "https://help.example.com",
    ]);
    run.assert_one_error(2, "both read standard input");
    assert!(fake.requests().is_empty());
}

#[test]
fn the_help_says_token_is_visible_in_ps() {
    let run = common::intercom(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("`ps`") && run.stdout.contains("--token-file"),
        "{}",
        run.stdout
    );
}
