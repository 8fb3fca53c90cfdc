//! `--fake`: the README's main command, run twice against an in-process fake whose state is
//! kept in a file; the second run shows every page unchanged.

mod common;

use common::{SAMPLE_PAGES, binary, run_command, sample_dir};

const SOURCE: &str = "https://help.example.com";

#[test]
fn the_main_command_twice_shows_every_page_unchanged_the_second_time() {
    let state_dir = tempfile::tempdir().expect("temporary folder");
    let state = state_dir.path().join("nested/fake-state.json");
    let sample = sample_dir();
    let args = [
        "--fake",
        "--fake-state",
        state.to_str().expect("UTF-8 path"),
        "sync",
        sample.to_str().expect("UTF-8 path"),
        "--source-url",
        SOURCE,
    ];

    let first = run_command(binary().args(args));
    assert_eq!(first.code, 0, "{first:#?}");
    let notice = first.stderr_lines();
    assert_eq!(notice.len(), 1, "{first:#?}");
    assert!(
        notice[0].starts_with("intercom: using an in-process fake Intercom at http://127.0.0.1:")
            && notice[0].contains(&format!("(state: {})", state.display()))
            && notice[0].ends_with("nothing is sent to Intercom"),
        "{}",
        notice[0]
    );
    assert_eq!(
        first.summary(),
        format!(
            "{SAMPLE_PAGES} pages: {SAMPLE_PAGES} created, 0 updated, 0 unchanged, 0 deleted, 0 failed"
        )
    );
    assert!(state.is_file(), "the fake saved its state");

    let second = run_command(binary().args(args));
    assert_eq!(second.code, 0, "{second:#?}");
    assert_eq!(
        second.summary(),
        format!(
            "{SAMPLE_PAGES} pages: 0 created, 0 updated, {SAMPLE_PAGES} unchanged, 0 deleted, 0 failed"
        )
    );
    assert_eq!(
        second
            .stdout
            .lines()
            .filter(|l| l.starts_with("unchanged "))
            .count(),
        SAMPLE_PAGES
    );

    // The state is an ordinary fake state: the other commands read it too.
    let list = run_command(binary().args([
        "--fake",
        "--fake-state",
        state.to_str().expect("UTF-8 path"),
        "--json",
        "sources",
        "list",
    ]));
    assert_eq!(list.code, 0, "{list:#?}");
    let sources: Vec<serde_json::Value> = list
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0]["url"], SOURCE);
}

#[test]
fn the_default_state_lives_under_xdg_state_home() {
    let state_home = tempfile::tempdir().expect("temporary folder");
    let run = run_command(
        binary()
            .env("XDG_STATE_HOME", state_home.path())
            .args(["--fake", "sources", "ensure", SOURCE]),
    );
    assert_eq!(run.code, 0, "{run:#?}");
    let expected = state_home.path().join("intercom/fake-state.json");
    assert!(
        run.stderr.contains(&expected.display().to_string()),
        "{}",
        run.stderr
    );
    assert!(expected.is_file());

    // A second run finds the source instead of creating another.
    let again = run_command(
        binary()
            .env("XDG_STATE_HOME", state_home.path())
            .args(["--fake", "--json", "sources", "ensure", SOURCE]),
    );
    assert_eq!(again.code, 0, "{again:#?}");
    let source: serde_json::Value = serde_json::from_str(again.stdout.trim()).expect("JSON");
    assert_eq!(source["id"], 1);
}

#[test]
fn the_home_fallback_is_used_without_xdg_state_home() {
    let home = tempfile::tempdir().expect("temporary folder");
    let run = run_command(
        binary()
            .env("HOME", home.path())
            .args(["--fake", "sources", "list"]),
    );
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout.trim(), "no content import sources");
    assert!(
        home.path()
            .join(".local/state/intercom/fake-state.json")
            .is_file()
    );
}
