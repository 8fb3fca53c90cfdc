//! `intercom completions SHELL`: a script for each shell, from the same definition as the
//! command line, with no token and nothing sent.

mod common;

use common::*;

#[test]
fn bash_completions_cover_every_command_and_parse_as_bash() {
    let run = intercom(&["completions", "bash"]);
    run.assert_ok();
    for word in [
        "sources",
        "pages",
        "notes",
        "sync",
        "--prune",
        "--company",
        "--fake",
    ] {
        assert!(run.stdout.contains(word), "bash completions lack {word}");
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("intercom.bash");
    std::fs::write(&script, &run.stdout).unwrap();
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("bash runs");
    assert!(
        syntax.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&syntax.stderr)
    );
}

#[test]
fn every_shell_gets_a_script_and_an_unknown_one_is_a_usage_error() {
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let run = intercom(&["completions", shell]);
        run.assert_ok();
        assert!(run.stdout.contains("intercom"), "{shell}: {run:#?}");
    }
    intercom(&["completions", "tcsh"]).assert_one_error(2, "tcsh");
}
