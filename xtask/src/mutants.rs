//! `cargo xtask mutants [FILE…]`: mutation testing of the files that decide what a sync
//! deletes and when the client sends, waits, retries or gives up. Each file's mutants are
//! tested against the tests of the crate that owns it (the decision must be pinned there,
//! not only by the CLI's end-to-end tests), one build at a time, and the score per file is
//! printed as a table (`MUTANTS.md` holds the last run's, with each survivor explained).
//!
//! Installs `cargo-mutants` from crates.io when it is missing. Slow on two cores (each
//! mutant is a build and a test run), so it is not part of CI. A `CARGO_TARGET_DIR` given to
//! it must be one no other build uses meanwhile: the workspace's artifacts have the same names
//! whatever folder the sources are copied to.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::spec;

/// The version installed when `cargo-mutants` is missing.
const CARGO_MUTANTS: &str = "cargo-mutants@27.1.0";

/// A file whose decisions can lose data or hang a run.
#[derive(Clone, Copy, Debug)]
struct Target {
    file: &'static str,
    /// The crate that owns it: its tests must pin the decisions.
    package: &'static str,
    /// The test targets of that crate that exercise the file (`cargo test` arguments), or
    /// none for every test of the crate. Naming them spares building and linking the
    /// others for each mutant.
    tests: &'static [&'static str],
}

const fn target(file: &'static str, package: &'static str) -> Target {
    Target {
        file,
        package,
        tests: &[],
    }
}

/// The files, each tested against the tests of the crate that owns it.
const FILES: [Target; 9] = [
    target("crates/intercom-sync/src/plan.rs", "intercom-sync"),
    target("crates/intercom-sync/src/engine.rs", "intercom-sync"),
    Target {
        tests: &[
            "--lib", "--test", "folder", "--test", "layouts", "--test", "failures", "--test",
            "mdbook",
        ],
        ..target("crates/intercom-sync/src/folder.rs", "intercom-sync")
    },
    Target {
        tests: &["--lib", "--test", "jsonl"],
        ..target("crates/intercom-sync/src/jsonl.rs", "intercom-sync")
    },
    Target {
        tests: &["--lib", "--test", "built"],
        ..target("crates/intercom-sync/src/built.rs", "intercom-sync")
    },
    target("crates/intercom-client/src/retry.rs", "intercom-client"),
    target("crates/intercom-client/src/pacer.rs", "intercom-client"),
    target(
        "crates/intercom-client/src/reachability.rs",
        "intercom-client",
    ),
    target("crates/intercom-client/src/transport.rs", "intercom-client"),
];

/// How one file fared.
#[derive(Debug, Default, PartialEq, Eq)]
struct Score {
    caught: usize,
    missed: Vec<String>,
    timeout: Vec<String>,
    unviable: usize,
}

/// Runs cargo-mutants on `args` (files), or on [`FILES`]; `false` if a mutant survived.
pub fn run(args: &[&str]) -> Result<bool> {
    let targets: Vec<Target> = if args.is_empty() {
        FILES.to_vec()
    } else {
        args.iter()
            .map(|file| {
                FILES
                    .iter()
                    .find(|t| t.file == *file)
                    .copied()
                    .with_context(|| {
                        let known: Vec<&str> = FILES.iter().map(|t| t.file).collect();
                        format!("{file} is not one of the files: {}", known.join(", "))
                    })
            })
            .collect::<Result<_>>()?
    };
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    install(&cargo)?;
    let root = spec::workspace_root();
    let mut rows = Vec::new();
    for Target {
        file,
        package,
        tests,
    } in targets
    {
        let out = root.join("target/mutants").join(package).join(
            Path::new(file)
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .as_ref(),
        );
        std::fs::create_dir_all(&out)
            .with_context(|| format!("cannot create {}", out.display()))?;
        eprintln!(
            "== cargo mutants --file {file} (tests of {package} {})",
            tests.join(" ")
        );
        // Exit codes: 0 all caught, 2 some missed, 3 some timed out; anything else failed.
        let status = Command::new(&cargo)
            .args([
                "mutants",
                "--no-shuffle",
                "--jobs",
                "1",
                "--profile",
                "mutants",
                "--package",
                package,
            ])
            .args(["--test-package", package, "--file", file, "--output"])
            .arg(&out)
            .arg("--")
            .args(tests)
            .current_dir(&root)
            .status()
            .context("cannot run cargo mutants")?;
        if !matches!(status.code(), Some(0 | 2 | 3)) {
            bail!("cargo mutants failed on {file}: {status}");
        }
        rows.push((file, read_score(&out.join("mutants.out"))?));
    }
    println!("{}", table(&rows));
    Ok(rows
        .iter()
        .all(|(_, s)| s.missed.is_empty() && s.timeout.is_empty()))
}

/// Installs cargo-mutants unless `cargo mutants --version` works already.
fn install(cargo: &OsString) -> Result<()> {
    let present = Command::new(cargo)
        .args(["mutants", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if present {
        return Ok(());
    }
    eprintln!("cargo-mutants is missing: cargo install --locked {CARGO_MUTANTS}");
    let status = Command::new(cargo)
        .args(["install", "--locked", CARGO_MUTANTS])
        .status()
        .context("cannot run cargo install")?;
    if !status.success() {
        bail!("cargo install --locked {CARGO_MUTANTS} failed: {status}");
    }
    Ok(())
}

/// The outcome lists cargo-mutants writes, one mutant a line.
fn read_score(dir: &Path) -> Result<Score> {
    let lines = |name: &str| -> Result<Vec<String>> {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(text.lines().map(str::to_owned).collect()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    };
    Ok(Score {
        caught: lines("caught.txt")?.len(),
        missed: lines("missed.txt")?,
        timeout: lines("timeout.txt")?,
        unviable: lines("unviable.txt")?.len(),
    })
}

/// A Markdown table of the scores, then each survivor.
fn table(rows: &[(&str, Score)]) -> String {
    let mut out = String::from(
        "| file | caught / viable | missed | timed out | unviable |\n| --- | --- | --- | --- | --- |\n",
    );
    for (file, s) in rows {
        let viable = s.caught + s.missed.len() + s.timeout.len();
        out.push_str(&format!(
            "| `{file}` | {} / {viable} | {} | {} | {} |\n",
            s.caught,
            s.missed.len(),
            s.timeout.len(),
            s.unviable
        ));
    }
    for (_, s) in rows {
        for survivor in s.missed.iter().chain(&s.timeout) {
            out.push_str(&format!("\nsurvived: {survivor}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_counts_each_list_and_names_the_survivors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("caught.txt"), "a\nb\nc\n").unwrap();
        std::fs::write(
            dir.path().join("missed.txt"),
            "src/x.rs:1: replace f with ()\n",
        )
        .unwrap();
        let score = read_score(dir.path()).unwrap();
        assert_eq!(
            score,
            Score {
                caught: 3,
                missed: vec!["src/x.rs:1: replace f with ()".into()],
                timeout: Vec::new(),
                unviable: 0,
            }
        );
        let table = table(&[("src/x.rs", score)]);
        assert!(
            table.contains("| `src/x.rs` | 3 / 4 | 1 | 0 | 0 |"),
            "{table}"
        );
        assert!(table.ends_with("survived: src/x.rs:1: replace f with ()"));
    }

    #[test]
    fn every_file_exists() {
        let root = spec::workspace_root();
        for target in FILES {
            assert!(root.join(target.file).is_file(), "{}", target.file);
            for test in target.tests.iter().filter(|t| !t.starts_with("--")) {
                let path = Path::new(target.file)
                    .ancestors()
                    .nth(2)
                    .unwrap()
                    .join("tests")
                    .join(format!("{test}.rs"));
                assert!(root.join(&path).is_file(), "{}", path.display());
            }
        }
    }
}
