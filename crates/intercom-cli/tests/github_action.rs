//! The GitHub Action's script (`.github/actions/intercom-sync.sh`, run by `action.yml`), run
//! with bash as the action's step runs it: inputs as `INPUT_*` variables, the token as
//! `INTERCOM_TOKEN`, `GITHUB_STEP_SUMMARY` and `GITHUB_OUTPUT` as files, and `intercom` on
//! PATH: here the built binary, pointed at a fake.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Fake, Run, SAMPLE_PAGES, TOKEN, run_command, sample_dir, writes};
use tempfile::TempDir;

const SOURCE: &str = "https://help.example.com";

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn script() -> PathBuf {
    repository().join(".github/actions/intercom-sync.sh")
}

/// What one job has: a PATH holding `intercom` (the built binary, talking to `fake`), the
/// summary and output files.
struct Job {
    dir: TempDir,
    bin: PathBuf,
}

impl Job {
    fn new(fake: &Fake) -> Job {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        fs::create_dir(&bin).unwrap();
        let wrapper = bin.join("intercom");
        fs::write(
            &wrapper,
            format!(
                "#!/bin/sh\nexec '{}' --base-url '{}' \"$@\"\n",
                env!("CARGO_BIN_EXE_intercom"),
                fake.url()
            ),
        )
        .unwrap();
        fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755)).unwrap();
        Job { dir, bin }
    }

    fn summary(&self) -> PathBuf {
        self.dir.path().join("step_summary.md")
    }

    fn summary_text(&self) -> String {
        fs::read_to_string(self.summary()).unwrap_or_default()
    }

    fn outputs(&self) -> String {
        fs::read_to_string(self.dir.path().join("github_output")).unwrap_or_default()
    }

    /// Runs the script with these inputs (`("PRUNE", "true")` is `INPUT_PRUNE`), the token
    /// unless `token` is `None`.
    fn run(&self, inputs: &[(&str, &str)], token: Option<&str>) -> Run {
        let path = format!(
            "{}:{}",
            self.bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut command = Command::new("bash");
        command
            .arg(script())
            .env("PATH", path)
            .env("HOME", self.dir.path())
            .env("GITHUB_STEP_SUMMARY", self.summary())
            .env("GITHUB_OUTPUT", self.dir.path().join("github_output"))
            .env_remove("INTERCOM_TOKEN")
            .env_remove("XDG_STATE_HOME");
        for name in INPUTS {
            command.env_remove(format!("INPUT_{name}"));
        }
        for (name, value) in inputs {
            command.env(format!("INPUT_{name}"), value);
        }
        if let Some(token) = token {
            command.env("INTERCOM_TOKEN", token);
        }
        run_command(&mut command)
    }
}

/// Every input the script reads.
const INPUTS: [&str; 9] = [
    "PATH",
    "SOURCE_URL",
    "SITE_URL",
    "PRUNE",
    "MAX_PRUNE",
    "DRY_RUN",
    "STRICT",
    "RUN_PREPROCESSORS",
    "REGION",
];

/// A copy of the sample in a folder whose name has a space, as a repository's may.
fn docs() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("help center");
    fs::create_dir(&docs).unwrap();
    for entry in walk(&sample_dir()) {
        let target = docs.join(entry.strip_prefix(sample_dir()).unwrap());
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(&entry, &target).unwrap();
    }
    (dir, docs)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_action_syncs_writes_the_job_summary_and_fails_the_step_with_the_clis_code() {
    let fake = Fake::start();
    let job = Job::new(&fake);
    let (_keep, docs) = docs();
    let docs_arg = docs.to_str().unwrap();

    let run = job.run(
        &[
            ("PATH", docs_arg),
            ("SOURCE_URL", SOURCE),
            ("SITE_URL", "https://help.example.com/docs"),
            ("PRUNE", "false"),
            ("DRY_RUN", "false"),
        ],
        Some(TOKEN),
    );
    assert_eq!(run.code, 0, "{run:#?}");
    let summary = job.summary_text();
    assert!(
        summary.starts_with(&format!("### ✅ intercom sync: {SOURCE}\n")),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("\n#### Created ({SAMPLE_PAGES})\n")),
        "{summary}"
    );
    assert!(
        summary.contains(
            "| index.md | Parcelwise Help Center | <https://help.example.com/docs/index.md> |"
        ),
        "{summary}"
    );
    assert_eq!(job.outputs(), "exit-code=0\n");
    let state = fake.state();
    assert_eq!(state.pages.len(), SAMPLE_PAGES);
    assert!(state.pages.iter().all(|p| {
        p.url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://help.example.com/docs/"))
    }));

    // The folder emptied, a prune in a dry run (`True`, as YAML may write it): refused, so the
    // step fails with 6, and the summary (appended) says why.
    let empty = tempfile::tempdir().unwrap();
    let before = fake.requests().len();
    let run = job.run(
        &[
            ("PATH", empty.path().to_str().unwrap()),
            ("SOURCE_URL", SOURCE),
            ("PRUNE", "True"),
            ("DRY_RUN", "true"),
        ],
        Some(TOKEN),
    );
    assert_eq!(run.code, 6, "{run:#?}");
    assert!(writes(&fake.requests()[before..]).is_empty());
    assert!(
        run.stdout.contains(
            "::error title=intercom sync::exit code 6: a guard refused the prune or the new ids"
        ),
        "{run:#?}"
    );
    let summary = job.summary_text();
    // The second summary: the last heading of level 3 (its tables are level 4).
    let second = &summary[summary.rfind("\n### ").unwrap() + 1..];
    assert!(
        second.starts_with(&format!("### ❌ intercom sync: {SOURCE}\n")),
        "{summary}"
    );
    assert!(second.contains("Dry run: nothing was sent"), "{second}");
    assert!(
        second.contains("**Failed, exit code 6 (`refused`)**: sync: --prune would delete 39"),
        "{second}"
    );
    assert!(
        second.contains(&format!("\n#### Skipped ({SAMPLE_PAGES})\n")),
        "{second}"
    );
    assert_eq!(job.outputs(), "exit-code=0\nexit-code=6\n");
}

#[test]
fn a_bad_input_fails_the_step_with_2_before_intercom_runs() {
    let fake = Fake::start();
    let job = Job::new(&fake);
    let run = job.run(
        &[
            ("PATH", sample_dir().to_str().unwrap()),
            ("SOURCE_URL", SOURCE),
            ("PRUNE", "maybe"),
        ],
        Some(TOKEN),
    );
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stdout.contains(
            "::error title=intercom sync::input prune must be true or false, not 'maybe'"
        ),
        "{run:#?}"
    );
    assert!(
        job.summary_text()
            .contains("**Failed, exit code 2**: input prune must be true or false"),
        "{}",
        job.summary_text()
    );
    assert_eq!(job.outputs(), "exit-code=2\n");

    let run = job.run(&[("SOURCE_URL", SOURCE)], Some(TOKEN));
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stdout.contains("input path is required"), "{run:#?}");
    assert!(fake.requests().is_empty());
}

#[test]
fn a_missing_token_secret_fails_the_step_and_the_summary_says_so() {
    let fake = Fake::start();
    let job = Job::new(&fake);
    let sample = sample_dir();
    let inputs = [("PATH", sample.to_str().unwrap()), ("SOURCE_URL", SOURCE)];
    // A secret that is not set (a fork's pull request) is an empty string.
    for token in [None, Some("")] {
        let run = job.run(&inputs, token);
        assert_eq!(run.code, 2, "{run:#?}");
        assert!(run.stderr.contains("intercom: no token"), "{run:#?}");
    }
    let summary = job.summary_text();
    assert_eq!(
        summary.matches("**Failed, exit code 2**: usage or configuration: nothing was sent; see the job's log").count(),
        2,
        "{summary}"
    );
    assert!(fake.requests().is_empty());
}

#[test]
fn the_action_installs_this_crates_version_and_hands_every_input_to_the_script() {
    let action = fs::read_to_string(repository().join("action.yml")).unwrap();
    assert!(
        action.contains(&format!("    default: \"{}\"\n", env!("CARGO_PKG_VERSION"))),
        "the version input's default is the crate's version"
    );
    assert!(action.contains("cargo install --locked intercom-cli --version \"$VERSION\""));
    assert!(action.contains("run: bash \"$GITHUB_ACTION_PATH/.github/actions/intercom-sync.sh\""));
    assert!(action.contains("INTERCOM_TOKEN: ${{ inputs.token }}"));
    for name in INPUTS {
        let input = name.to_lowercase().replace('_', "-");
        let line = format!("INPUT_{name}: ${{{{ inputs.{input} }}}}");
        assert!(action.contains(&line), "action.yml lacks {line}");
        assert!(
            action.contains(&format!("\n  {input}:\n")),
            "action.yml lacks the input {input}"
        );
    }
    // Inputs are never pasted into shell code, where a value could run as a command.
    for line in action
        .lines()
        .filter(|l| l.trim_start().starts_with("run:"))
    {
        assert!(!line.contains("${{"), "{line}");
    }
}
