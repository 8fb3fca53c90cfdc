//! `intercom sync --prune` run as a docs team runs it, unattended, against a fake Intercom:
//! a page is deleted only when its file is known to be gone, a prune that would empty the
//! source is refused, concurrent runs leave one source, page URLs stay under their prefix,
//! and the exit code tells the pages' outcome whatever happens to stdout.
//!
//! Unreadable files need a user that permissions apply to: when the tests run as root, the
//! binary runs as `nobody` for those cases.

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use common::{
    Fake, Run, SAMPLE_PAGES, SOURCE_URL, TOKEN, binary, run_command, sample_copy, state_pages,
    sync_args, writes,
};
use intercom_fake::RequestRecord;

/// The uid and gid of `nobody`, which file permissions apply to.
const NOBODY: u32 = 65534;

fn running_as_root() -> bool {
    let probe = tempfile::NamedTempFile::new().expect("temporary file");
    probe.as_file().metadata().expect("metadata").uid() == 0
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Lets `nobody` read the folder the tests made (temporary folders are 0700).
fn open_to_everyone(dir: &Path) {
    chmod(dir, 0o755);
}

/// A copy of the binary that `nobody` can run: the build's own may sit in a folder only its
/// owner may enter (a clone in a `mktemp -d` folder is 0700). One copy per build, replaced by
/// each run: a temporary folder would be left behind by every run, since a static is never
/// dropped.
fn binary_for_nobody() -> &'static Path {
    static COPY: OnceLock<PathBuf> = OnceLock::new();
    COPY.get_or_init(|| {
        let source = Path::new(env!("CARGO_BIN_EXE_intercom"));
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(source, &mut hasher);
        let dir = std::env::temp_dir().join(format!(
            "intercom-cli-tests-binary-{:x}",
            std::hash::Hasher::finish(&hasher)
        ));
        fs::create_dir_all(&dir).expect("a folder for the copy");
        open_to_everyone(&dir);
        // Copied beside it, then renamed over it: another run may be executing the old copy.
        let staged = dir.join(format!("intercom.{}", std::process::id()));
        fs::copy(source, &staged).expect("copy the binary");
        chmod(&staged, 0o755);
        let path = dir.join("intercom");
        fs::rename(&staged, &path).expect("put the copy in place");
        path
    })
}

/// `intercom --base-url <fake> --token TOKEN ARGS…` as a user that permissions apply to.
fn run_unprivileged(fake: &Fake, args: &[&str]) -> (Run, Vec<RequestRecord>) {
    let before = fake.requests().len();
    let url = fake.url();
    let mut command = binary();
    if running_as_root() {
        // The same environment as `binary()`, with the copy `nobody` can reach.
        command = Command::new(binary_for_nobody());
        command
            .env_remove("INTERCOM_TOKEN")
            .env_remove("XDG_STATE_HOME")
            .env(
                "HOME",
                std::env::temp_dir().join("intercom-cli-tests-no-home"),
            )
            .uid(NOBODY)
            .gid(NOBODY);
    }
    command.args(["--base-url", url.as_str(), "--token", TOKEN]);
    command.args(args);
    let run = run_command(&mut command);
    let requests = fake.requests().split_off(before);
    (run, requests)
}

fn deletes(requests: &[RequestRecord]) -> Vec<String> {
    requests
        .iter()
        .filter(|r| r.method == "DELETE")
        .map(|r| r.path.clone())
        .collect()
}

fn external_ids(fake: &Fake) -> Vec<String> {
    state_pages(&fake.state())
        .into_iter()
        .map(|p| p.0)
        .collect()
}

fn first_sync(fake: &Fake, dir: &Path) {
    let (run, _) = fake.run(&sync_args(dir, &[]));
    run.assert_ok();
    assert_eq!(fake.state().pages.len(), SAMPLE_PAGES);
}

#[test]
fn files_whose_id_is_proven_keep_their_pages_and_only_gone_files_are_pruned() {
    let fake = Fake::start();
    let dir = sample_copy();
    let root = dir.path();
    open_to_everyone(root);
    first_sync(&fake, root);
    let before = external_ids(&fake);

    // Files that cannot be read as pages, but whose id is known: an HTML file's is its path;
    // a Markdown file's head shows its front matter (or that it has none).
    chmod(&root.join("billing/changing-your-plan.html"), 0o000);
    fs::write(root.join("api/webhooks.md"), vec![b'x'; 3 * 1024 * 1024]).unwrap();
    fs::write(root.join("billing/label-credits.md"), b"").unwrap(); // caught mid-write
    fs::write(
        root.join("troubleshooting/address-validation-errors.md"),
        b"# Address \xff\xfe errors\n",
    )
    .unwrap();
    // And one file that really is gone.
    fs::remove_file(root.join("getting-started/what-is-parcelwise.md")).unwrap();

    let (run, requests) = run_unprivileged(&fake, &sync_args(root, &["--prune"]));

    assert_eq!(run.code, 3, "{run:#?}");
    assert_eq!(deletes(&requests).len(), 1, "{run:#?}");
    let mut expected = before.clone();
    expected.retain(|id| id != "getting-started/what-is-parcelwise.md");
    assert_eq!(external_ids(&fake), expected, "every other page is kept");
    for needle in [
        "skip billing/changing-your-plan.html: failed: cannot be read",
        "skip api/webhooks.md: failed: is 3145728 bytes",
        "skip billing/label-credits.md: skipped: has no content",
        "skip troubleshooting/address-validation-errors.md: failed: is not UTF-8",
    ] {
        let line = run.stdout.lines().find(|l| l.starts_with(needle));
        let line = line.unwrap_or_else(|| panic!("no line {needle:?}: {}", run.stdout));
        assert!(line.ends_with("its page is kept"), "{line}");
    }
    assert!(
        run.summary()
            .ends_with("1 deleted, 3 failed (0 may pass on a rerun, 3 will not), 1 skipped"),
        "{}",
        run.summary()
    );
    run.assert_one_error(3, "a rerun will not fix them");
}

/// A config file's name and text.
type ConfigFile = (&'static str, &'static str);

/// Breaks the content folder (first argument) one way; the second is a folder outside it.
type Breaker = Box<dyn Fn(&Path, &Path)>;

/// Issue 22: an input whose id cannot be known without reading it could be any page, in
/// every layout: the prune is refused and the source keeps every page.
#[test]
fn files_folders_and_links_whose_id_is_unknown_refuse_the_prune_in_every_layout() {
    use std::os::unix::fs::symlink;
    // (layout's config file, a page's file, the ids of the pages the run would delete)
    let docusaurus = (
        "docusaurus.config.js",
        "module.exports = { baseUrl: '/' };\n",
    );
    let cases: [(&str, Option<ConfigFile>, &str); 2] = [
        ("plain", None, ""),
        ("docusaurus", Some(docusaurus), "docs/"),
    ];
    for (layout, config, content) in cases {
        // Each way of failing, on its own: what the source holds afterwards is every page.
        // `ids`: the pages under guide/ set their own external ids; `kb`: kb.md is there,
        // the only other file that sets one.
        let breakers: Vec<(&str, bool, bool, Breaker)> = vec![
            (
                "not UTF-8",
                false,
                false,
                Box::new(|c: &Path, _: &Path| {
                    fs::write(c.join("a.md"), b"---\ntitle: Caf\xe9\n---\n# A\n").unwrap();
                }),
            ),
            (
                "front matter not YAML",
                false,
                true,
                Box::new(|c: &Path, _: &Path| {
                    fs::write(c.join("kb.md"), "---\nexternal_id: [kb-7\n---\n# KB\n").unwrap();
                }),
            ),
            (
                "empty external_id",
                false,
                true,
                Box::new(|c: &Path, _: &Path| {
                    fs::write(c.join("kb.md"), "---\nexternal_id: \"\"\n---\n# KB\n").unwrap();
                }),
            ),
            (
                "a folder become a link",
                true,
                false,
                Box::new(|c: &Path, outside: &Path| {
                    fs::remove_dir_all(c.join("guide")).unwrap();
                    symlink(outside.join("guide"), c.join("guide")).unwrap();
                }),
            ),
            (
                "a doc become a link outside",
                false,
                false,
                Box::new(|c: &Path, outside: &Path| {
                    fs::remove_file(c.join("shared.md")).unwrap();
                    symlink(outside.join("shared.md"), c.join("shared.md")).unwrap();
                }),
            ),
            (
                "a link loop",
                false,
                false,
                Box::new(|c: &Path, _: &Path| {
                    fs::remove_file(c.join("shared.md")).unwrap();
                    symlink(c.join("shared.md"), c.join("shared.md")).unwrap();
                }),
            ),
            (
                "a name not UTF-8",
                false,
                false,
                Box::new(|c: &Path, _: &Path| {
                    use std::os::unix::ffi::OsStrExt;
                    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
                    fs::write(c.join(name), "---\nexternal_id: b\n---\n# B\n").unwrap();
                    fs::remove_file(c.join("b.md")).unwrap();
                }),
            ),
            (
                "an unreadable folder",
                true,
                false,
                Box::new(|c: &Path, _: &Path| {
                    chmod(&c.join("guide"), 0o000);
                }),
            ),
            (
                "an unreadable folder, ids from paths",
                false,
                false,
                Box::new(|c: &Path, _: &Path| {
                    chmod(&c.join("guide"), 0o000);
                }),
            ),
        ];
        for (what, ids, kb, breaker) in breakers {
            let fake = Fake::start();
            let dir = tempfile::tempdir().unwrap();
            let outside = tempfile::tempdir().unwrap();
            let root = dir.path();
            open_to_everyone(root);
            if let Some((name, text)) = config {
                fs::write(root.join(name), text).unwrap();
            }
            let c = root.join(content);
            let guide = |name: &str| match ids {
                true => format!("---\nexternal_id: guide-{name}\n---\n# {name}\n"),
                false => format!("# {name}\n"),
            };
            let mut files = vec![
                ("a.md", "# A\n".to_owned()),
                ("b.md", "# B\n".to_owned()),
                ("shared.md", "# Shared\n".to_owned()),
                ("guide/x.md", guide("x")),
                ("guide/y.md", guide("y")),
                ("guides/setup.md", "# Setup\n".to_owned()),
            ];
            if kb {
                files.push(("kb.md", "---\nexternal_id: kb-7\n---\n# KB\n".to_owned()));
            }
            for (file, text) in &files {
                fs::create_dir_all(c.join(file).parent().unwrap()).unwrap();
                fs::write(c.join(file), text).unwrap();
                fs::create_dir_all(outside.path().join(file).parent().unwrap()).unwrap();
                fs::write(outside.path().join(file), text).unwrap();
            }
            for d in [
                root.to_path_buf(),
                c.clone(),
                c.join("guide"),
                c.join("guides"),
            ] {
                open_to_everyone(&d);
            }
            first_sync_of(&fake, root, files.len());
            let before = external_ids(&fake);

            breaker(&c, outside.path());
            let (run, requests) = run_unprivileged(&fake, &sync_args(root, &["--prune"]));
            chmod(&c.join("guide"), 0o755);

            let context = format!("{layout}, {what}: {run:#?}");
            assert_eq!(run.code, 6, "{context}");
            assert!(deletes(&requests).is_empty(), "{context}");
            assert_eq!(external_ids(&fake), before, "{context}");
            let error = run.stderr_lines().last().copied().unwrap_or_default();
            assert!(
                error.contains(
                    "could not be read and could set any external id, so nothing was deleted"
                ),
                "{context}"
            );
            assert!(
                run.stdout
                    .contains("it could stand for any page, so no page is deleted"),
                "{context}"
            );
            let detected = run.detected().unwrap_or_default();
            assert!(detected.contains(&format!("layout {layout}")), "{context}");
        }
    }
}

fn first_sync_of(fake: &Fake, dir: &Path, pages: usize) {
    let (run, _) = fake.run(&sync_args(dir, &[]));
    run.assert_ok();
    assert_eq!(fake.state().pages.len(), pages);
}

#[test]
fn an_unreadable_folder_on_the_command_line_is_an_error_before_anything_is_sent() {
    let fake = Fake::start();
    let dir = sample_copy();
    let root = dir.path();
    first_sync(&fake, root);

    chmod(root, 0o000);
    let (run, requests) = run_unprivileged(&fake, &sync_args(root, &["--prune"]));
    chmod(root, 0o755);

    run.assert_one_error(2, "cannot be read");
    assert_eq!(requests.len(), 0, "nothing is sent: {requests:?}");
    assert_eq!(fake.state().pages.len(), SAMPLE_PAGES);
}

#[test]
fn a_prune_that_would_empty_the_source_or_most_of_it_is_refused_unless_forced() {
    let fake = Fake::start();
    let dir = sample_copy();
    first_sync(&fake, dir.path());
    let empty = tempfile::tempdir().unwrap();

    let (dry, requests) = fake.run(&sync_args(empty.path(), &["--prune", "--dry-run"]));
    assert!(writes(&requests).is_empty());
    let (run, requests) = fake.run(&sync_args(empty.path(), &["--prune"]));
    let no_page = format!(
        "intercom: sync: {} has no page: no .md, .mdx, .html or .htm file",
        empty.path().display()
    );
    let stderr = run.stderr_lines();
    assert_eq!(run.code, 6, "{run:#?}");
    assert_eq!(stderr.len(), 2, "{run:#?}");
    assert!(stderr[0].starts_with(&no_page), "{run:#?}");
    assert!(stderr[1].ends_with("or pass --force-prune"), "{run:#?}");
    assert!(
        run.stderr
            .contains("would delete 39 of the source's 39 pages"),
        "{run:#?}"
    );
    assert!(deletes(&requests).is_empty());
    assert_eq!(fake.state().pages.len(), SAMPLE_PAGES);
    let skipped = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("delete ") && l.contains(": skipped: not deleted"))
        .count();
    assert_eq!(skipped, SAMPLE_PAGES, "{}", run.stdout);
    assert_eq!(dry.code, 6, "{dry:#?}");
    let all_but_summary = |run: &Run| {
        let lines: Vec<String> = run.stdout.lines().map(str::to_owned).collect();
        lines[..lines.len() - 1].to_vec()
    };
    assert_eq!(
        all_but_summary(&dry),
        all_but_summary(&run),
        "the dry run shows what the run does, line for line"
    );

    // Most of it (25 of 39, over the default 50%): refused; allowed with a higher limit.
    let mut files: Vec<_> = walk(dir.path());
    files.sort();
    for file in files.iter().take(25) {
        fs::remove_file(file).unwrap();
    }
    let (run, requests) = fake.run(&sync_args(dir.path(), &["--prune"]));
    run.assert_one_error(6, "would delete 25 of the source's 39 pages");
    assert!(deletes(&requests).is_empty());
    let (run, requests) = fake.run(&sync_args(dir.path(), &["--prune", "--max-prune", "70"]));
    run.assert_ok();
    assert_eq!(deletes(&requests).len(), 25);

    // Every page, when forced.
    let (run, requests) = fake.run(&sync_args(empty.path(), &["--prune", "--force-prune"]));
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        run.stderr_lines().len(),
        1,
        "only the note that DIR has no page: {run:#?}"
    );
    assert_eq!(deletes(&requests).len(), SAMPLE_PAGES - 25);
    assert!(fake.state().pages.is_empty());
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
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
fn eight_concurrent_syncs_of_one_url_leave_one_source_holding_every_page() {
    // Slow creates, so that all eight runs look, find nothing, and create at once.
    let fake = Fake::with(|builder| {
        builder.fault("POST /ai/content_import_sources=slow:300".parse().unwrap())
    });
    let dir = sample_copy();
    let url = fake.url();
    for round in 1..=3 {
        let source_url = format!("{SOURCE_URL}/round-{round}");
        let children: Vec<_> = (0..8)
            .map(|_| {
                binary()
                    .args(["--base-url", url.as_str(), "--token", TOKEN, "sync"])
                    .arg(dir.path())
                    .args(["--source-url", source_url.as_str()])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("the intercom binary runs")
            })
            .collect();
        let outputs: Vec<_> = children
            .into_iter()
            .map(|child| child.wait_with_output().unwrap())
            .collect();
        for output in &outputs {
            assert!(output.status.success(), "round {round}: {output:?}");
        }
        let state = fake.state();
        let sources: Vec<_> = state
            .sources
            .iter()
            .filter(|s| s.url == source_url)
            .collect();
        assert_eq!(sources.len(), 1, "round {round}: {:?}", state.sources);
        let pages = state
            .pages
            .iter()
            .filter(|p| p.source_id == sources[0].id)
            .count();
        assert_eq!(pages, SAMPLE_PAGES, "round {round}");
        assert_eq!(
            state.pages.len(),
            SAMPLE_PAGES * round,
            "no page left elsewhere"
        );
        let creators = outputs
            .iter()
            .filter(|o| String::from_utf8_lossy(&o.stdout).contains("(created by this run)"))
            .count();
        assert_eq!(
            creators, 1,
            "round {round}: one run created the source it used"
        );
    }
    assert_eq!(fake.state().sources.len(), 3);
}

#[test]
fn failed_pages_exit_1_even_when_stdout_is_closed() {
    let fake = Fake::start();
    let dir = sample_copy();
    fs::write(dir.path().join("broken.md"), b"\xff\xfe not text").unwrap();
    let url = fake.url();
    let mut child = binary()
        .args(["--base-url", url.as_str(), "--token", TOKEN])
        .args(sync_args(dir.path(), &[]))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the intercom binary runs");
    // `| head -0`: the reader goes away before the first line.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();

    assert_eq!(output.status.code(), Some(3), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("1 of 40 pages failed"), "{stderr}");
}

#[test]
fn page_urls_are_encoded_segments_under_the_prefix_and_dropping_the_prefix_settles() {
    let fake = Fake::start();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("%2e%2e")).unwrap();
    for name in ["\\evil.md", "%2e%2e/x.md", "a#b?c%d.md", "space name.md"] {
        fs::write(root.join(name), b"# Page\n").unwrap();
    }
    let prefix = "https://help.example.com/docs";

    let (run, _) = fake.run(&sync_args(root, &["--page-url-prefix", prefix]));
    run.assert_ok();
    let urls: Vec<_> = state_pages(&fake.state())
        .into_iter()
        .map(|p| (p.0, p.3.unwrap_or_default()))
        .collect();
    assert_eq!(
        urls,
        [
            (
                "%2e%2e/x.md".to_owned(),
                format!("{prefix}/%252e%252e/x.md")
            ),
            ("\\evil.md".to_owned(), format!("{prefix}/%5Cevil.md")),
            (
                "a#b?c%d.md".to_owned(),
                format!("{prefix}/a%23b%3Fc%25d.md")
            ),
            (
                "space name.md".to_owned(),
                format!("{prefix}/space%20name.md")
            ),
        ]
    );

    // Without the prefix the pages keep their URLs, and the plan settles.
    let (run, requests) = fake.run(&sync_args(root, &[]));
    run.assert_ok();
    assert_eq!(
        run.summary(),
        "4 pages: 0 created, 0 updated, 4 unchanged, 0 deleted, 0 failed"
    );
    assert!(writes(&requests).is_empty());
    let (run, _) = fake.run(&sync_args(root, &[]));
    assert!(run.summary().contains("4 unchanged"), "{}", run.summary());
    assert!(
        fake.state()
            .pages
            .iter()
            .all(|p| p.url.as_deref().is_some_and(|u| u.starts_with(prefix)))
    );
}

#[test]
fn crlf_and_bom_front_matter_symlinks_and_control_characters() {
    let fake = Fake::start();
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("crlf.md"),
        b"---\r\ntitle: From CRLF\r\n---\r\n\r\nBody\r\n",
    )
    .unwrap();
    fs::write(
        root.join("bom.md"),
        "\u{feff}---\ntitle: From BOM\n---\n\nBody\n",
    )
    .unwrap();
    fs::write(root.join("target.md"), b"# Target\n").unwrap();
    fs::write(root.join("was-a-file.md"), b"# Was a file\n").unwrap();
    fs::write(root.join("bad\u{1b}[31mname.md"), b"# Escaped\n").unwrap();
    fs::write(outside.path().join("secret.md"), b"# Outside\n").unwrap();
    std::os::unix::fs::symlink(root.join("target.md"), root.join("link.md")).unwrap();

    let (run, _) = fake.run(&sync_args(root, &[]));
    run.assert_ok();
    let state = fake.state();
    let title = |id: &str| {
        let page = state.pages.iter().find(|p| p.external_id == id);
        page.map(|p| (p.title.clone(), p.html.clone()))
            .unwrap_or_else(|| panic!("no page {id}"))
    };
    assert_eq!(title("crlf.md").0, "From CRLF");
    let (bom_title, bom_html) = title("bom.md");
    assert_eq!(bom_title, "From BOM");
    assert!(
        !bom_html.contains("title:"),
        "front matter is not body text: {bom_html}"
    );
    assert_eq!(
        title("link.md").0,
        "Target",
        "a symlink inside the folder is read"
    );
    assert!(
        !run.stdout.contains('\u{1b}'),
        "no raw control character: {:?}",
        run.stdout
    );
    assert!(
        run.stdout.contains("create bad\\u{1b}[31mname.md"),
        "{}",
        run.stdout
    );

    // The file becomes a symlink to a Markdown file outside the folder: not read, so its id
    // is unknown: the prune is refused, and its page kept.
    fs::remove_file(root.join("was-a-file.md")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), root.join("was-a-file.md"))
        .unwrap();
    let (run, requests) = fake.run(&sync_args(root, &["--prune"]));
    run.assert_one_error(6, "was-a-file.md could not be read");
    assert!(
        run.stdout
            .contains("skip was-a-file.md: skipped: is a symlink to a file outside the folder"),
        "{}",
        run.stdout
    );
    assert!(run.summary().ends_with(", 2 skipped"), "{}", run.summary());
    assert!(deletes(&requests).is_empty(), "{requests:?}");
    assert!(
        fake.state()
            .pages
            .iter()
            .any(|p| p.external_id == "was-a-file.md")
    );
    assert!(fake.state().pages.iter().all(|p| p.title != "Outside"));
}

#[test]
fn a_crawled_source_at_the_url_is_an_error_naming_it_and_nothing_is_written() {
    // The fake creates only `api` sources: its state file is edited to hold what a workspace
    // with a crawled website at that URL holds.
    let dir = sample_copy();
    let state_dir = tempfile::tempdir().unwrap();
    let state_file = state_dir.path().join("state.json");
    let fake_sync = |extra: &[&str]| {
        let mut command = binary();
        command.args(["--fake", "--fake-state"]).arg(&state_file);
        command.args(sync_args(dir.path(), extra));
        run_command(&mut command)
    };
    let first = fake_sync(&[]);
    assert_eq!(first.code, 0, "{first:#?}");
    let read_state = || -> serde_json::Value {
        serde_json::from_slice(&fs::read(&state_file).unwrap()).unwrap()
    };
    let mut state = read_state();
    assert_eq!(state["sources"].as_array().map(Vec::len), Some(1));
    state["sources"][0]["sync_behavior"] = "automatic".into();
    fs::write(&state_file, serde_json::to_vec(&state).unwrap()).unwrap();
    fs::remove_file(dir.path().join("index.md")).unwrap();

    let run = fake_sync(&["--prune"]);

    assert_eq!(run.code, 1, "{run:#?}");
    let error = run.stderr.lines().last().unwrap_or_default();
    assert!(error.starts_with("intercom: sync: "), "{run:#?}");
    assert!(error.contains("content import source 1 "), "{error}");
    assert!(error.contains("`automatic`"), "{error}");
    assert_eq!(
        read_state(),
        state,
        "nothing written: no page deleted, no source created"
    );
}
