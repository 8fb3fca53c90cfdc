//! A sync that does not finish (the process killed midway, or writes failing) is resumed by
//! running it again: the fake's state ends equal to the folder, with exactly one source.

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::{
    Fake, SAMPLE_PAGES, TOKEN, assert_state_equals_folder, binary, sample_copy, sync_args, writes,
};
use intercom_fake::FaultConfig;
use intercom_fake::faults::{FaultKind, FaultRule, Route};

/// How many times to look at the fake's state (every 10 ms) before giving up on the first run:
/// a bound against hanging, not a measurement; the loop normally ends long before.
const LOOKS: u32 = 6_000;

#[test]
fn a_sync_killed_midway_is_completed_by_running_it_again() {
    // Every upsert answered slowly, one at a time: the run is still going when it is killed.
    let slow_writes = FaultRule::rate(
        Route::exact("POST", "/ai/external_pages"),
        1.0,
        [FaultKind::Slow(Duration::from_millis(100))],
    );
    let fake = Fake::with(|builder| builder.fault(slow_writes));
    let dir = sample_copy();

    let url = fake.url();
    let mut args = vec!["--base-url", url.as_str(), "--token", TOKEN];
    args.extend(sync_args(dir.path(), &["--concurrency", "1"]));
    let mut child = binary()
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn intercom");

    let mut looks = 0;
    while fake.state().pages.len() < 5 {
        looks += 1;
        assert!(looks < LOOKS, "the first run wrote no pages");
        assert!(
            child.try_wait().expect("child status").is_none(),
            "the first run ended before it was killed"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("kill intercom");
    child.wait().expect("reap intercom");
    let written = fake.state().pages.len();
    assert!(written < SAMPLE_PAGES, "killed midway, not after the end");

    fake.set_faults(FaultConfig::new());
    let (run, requests) = fake.run(&sync_args(dir.path(), &[]));
    run.assert_ok();
    assert!(
        !run.stdout.contains("(created by this run)"),
        "the source is found again"
    );
    let unchanged = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("unchanged "))
        .count();
    assert!(
        unchanged >= 5,
        "pages written before the kill are not sent again: {}",
        run.stdout
    );
    let created = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("create "))
        .count();
    assert_eq!(created + unchanged, SAMPLE_PAGES, "{}", run.stdout);
    // The killed run's last (slowed) write is finished by the fake, like a real server
    // would, and may be logged during this run: count this run's own writes only.
    let own_writes = writes(&requests)
        .into_iter()
        .filter(|r| r.fault.is_none())
        .count();
    assert_eq!(
        own_writes, created,
        "one write per missing page, no source created"
    );
    assert_state_equals_folder(&fake, dir.path());
}

#[test]
fn pages_that_failed_are_written_by_the_next_run() {
    // Upserts: five go through, then one page gets a 500 on every one of its 4 attempts.
    let rule: FaultRule = "POST /ai/external_pages=ok,ok,ok,ok,ok,500,500,500,500"
        .parse()
        .expect("fault rule");
    let fake = Fake::with(|builder| builder.fault(rule));
    let dir = sample_copy();

    let (first, _) = fake.run(&sync_args(dir.path(), &["--concurrency", "1"]));
    first.assert_one_error(3, &format!("1 of {SAMPLE_PAGES} pages failed"));
    let failed: Vec<&str> = first
        .stdout
        .lines()
        .filter(|l| l.contains(": failed: "))
        .collect();
    assert_eq!(failed.len(), 1, "{}", first.stdout);
    assert!(
        failed[0].contains("HTTP 500") && failed[0].contains("request id"),
        "{}",
        failed[0]
    );
    assert_eq!(fake.state().pages.len(), SAMPLE_PAGES - 1);

    let (second, requests) = fake.run(&sync_args(dir.path(), &[]));
    second.assert_ok();
    assert_eq!(
        second.summary(),
        format!(
            "{} pages: 1 created, 0 updated, {} unchanged, 0 deleted, 0 failed",
            SAMPLE_PAGES,
            SAMPLE_PAGES - 1
        )
    );
    assert_eq!(writes(&requests).len(), 1);
    assert_state_equals_folder(&fake, dir.path());
}

/// Pages in the folder of the interrupted `--fake` run: more than the fake's limit (Intercom's,
/// 1,666 requests per 10 s) admits in its first window, so the run cannot end before that
/// window's reset and is still sending when the signal comes (the test does not wait for the
/// reset; it only makes "stopped before the end" certain).
const MANY_PAGES: usize = 2_000;

#[test]
fn sigterm_during_a_fake_sync_saves_every_printed_write_and_exits_143() {
    interrupt_a_fake_sync("TERM", 143);
}

#[test]
fn sigint_during_a_fake_sync_saves_every_printed_write_and_exits_130() {
    interrupt_a_fake_sync("INT", 130);
}

/// Sends SIG`signal` to a `--fake` sync of many pages once some creates are printed; the run
/// must end with `code`, and the state file hold every page whose create was printed.
fn interrupt_a_fake_sync(signal: &str, code: i32) {
    use std::io::{BufRead, BufReader};

    let dir = tempfile::tempdir().expect("temporary folder");
    let site = dir.path().join("site");
    std::fs::create_dir(&site).unwrap();
    for i in 0..MANY_PAGES {
        std::fs::write(
            site.join(format!("p{i:04}.html")),
            format!("<h1>Page {i}</h1><p>Text {i}.</p>"),
        )
        .unwrap();
    }
    let state = dir.path().join("state.json");
    let mut child = binary()
        .args(["--fake", "--fake-state", state.to_str().unwrap()])
        .args(sync_args(&site, &[]))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn intercom");

    // Signal as soon as some creates are printed: the fake's background save is then behind.
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut created = Vec::new();
    let mut signalled = false;
    let mut last_line = String::new();
    for line in stdout.lines() {
        let line = line.expect("stdout line");
        last_line.clone_from(&line);
        if let Some(id) = line.strip_prefix("create ") {
            created.push(id.to_owned());
        }
        if !signalled && created.len() >= 20 {
            let kill = std::process::Command::new("kill")
                .args([&format!("-{signal}"), &child.id().to_string()])
                .status()
                .expect("run kill");
            assert!(kill.success());
            signalled = true;
        }
    }
    let output = child.wait_with_output().expect("intercom ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(signalled, "the run ended before 20 creates: {stderr}");
    assert_eq!(output.status.code(), Some(code), "{stderr}");
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(&format!("intercom: interrupted by SIG{signal}"))
            && last.contains("saved"),
        "{stderr}"
    );

    // What the state file holds: every page whose create was printed.
    let fake = Fake::with(|builder| builder.state_file(&state));
    let held: std::collections::BTreeSet<String> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| p.external_id)
        .collect();
    let missing: Vec<&String> = created.iter().filter(|id| !held.contains(*id)).collect();
    assert!(missing.is_empty(), "printed but not saved: {missing:?}");
    assert!(held.len() < MANY_PAGES, "stopped before the end");
    // The run stopped reading, finished its writes and printed its partial summary.
    assert!(
        last_line.ends_with("; stopped before the end of the input"),
        "{last_line}"
    );
}
