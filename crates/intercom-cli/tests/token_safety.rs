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
    assert_eq!(run.code, 1);
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
    assert_eq!(run.code, 1, "{}", tail(&run.stderr));
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
    assert_eq!(run.code, 1, "{}", tail(&run.stderr));
}

/// The last lines of a long log, for failure messages.
fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join("\n")
}
