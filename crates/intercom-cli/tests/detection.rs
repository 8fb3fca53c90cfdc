//! What `intercom sync DIR` reads DIR as: a config file counts only when it is the
//! generator's, every run says what it detected, and a change of ids that would leave the
//! source's pages behind sends nothing (issue 22, finding 6).

mod common;

use std::fs;
use std::path::Path;

use common::{Fake, sync_args, writes};

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn four_pages(dir: &Path) {
    for name in ["a", "b", "c", "d"] {
        write(
            dir,
            &format!("{name}.md"),
            &format!("# {name}\n\nText of {name}.\n"),
        );
    }
}

fn external_ids(fake: &Fake) -> Vec<String> {
    let mut ids: Vec<_> = fake
        .state()
        .pages
        .into_iter()
        .map(|p| p.external_id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn an_unrelated_config_toml_beside_the_pages_or_above_them_is_not_hugo() {
    let fake = Fake::start();
    let site = tempfile::tempdir().unwrap();
    let docs = site.path().join("docs");
    four_pages(&docs);
    let site_url = ["--site-url", "https://kb.example.com/"];
    let (first, _) = fake.run(&sync_args(&docs, &site_url));
    first.assert_ok();
    let urls = |fake: &Fake| {
        let mut urls: Vec<_> = fake.state().pages.into_iter().map(|p| p.url).collect();
        urls.sort();
        urls
    };
    let before = urls(&fake);

    let unrelated = "[database]\nurl = \"postgres://localhost/app\"\n";
    for place in [docs.join("config.toml"), site.path().join("config.toml")] {
        fs::write(&place, unrelated).unwrap();
        let (run, requests) = fake.run(&sync_args(&docs, &site_url));
        run.assert_ok();
        assert!(writes(&requests).is_empty(), "{run:#?}");
        assert!(run.summary().contains("4 unchanged"), "{run:#?}");
        let detected = run.detected().expect("the run says what it detected");
        assert!(
            detected.starts_with("intercom: sync: layout plain (no site config found)"),
            "{detected}"
        );
        assert_eq!(urls(&fake), before);
        fs::remove_file(&place).unwrap();
    }

    // A real Hugo config is read, and said.
    write(
        &docs,
        "hugo.toml",
        "baseURL = 'https://kb.example.com/'\ntitle = 'KB'\n",
    );
    let (run, _) = fake.run(&sync_args(&docs, &["--dry-run"]));
    let detected = run.detected().unwrap_or_default();
    assert!(detected.contains("layout hugo (from "), "{detected}");
    assert!(detected.contains("hugo.toml"), "{detected}");
    assert!(
        detected.ends_with("site URL https://kb.example.com/"),
        "{detected}"
    );
}

#[test]
fn a_site_config_appearing_above_the_folder_changes_every_id_and_nothing_is_sent() {
    let fake = Fake::start();
    let site = tempfile::tempdir().unwrap();
    let docs = site.path().join("docs");
    four_pages(&docs);
    let (first, _) = fake.run(&sync_args(&docs, &[]));
    first.assert_ok();
    assert_eq!(external_ids(&fake), ["a.md", "b.md", "c.md", "d.md"]);

    // The folder is now the docs folder of a Docusaurus site: its ids are doc ids (`a`).
    write(
        site.path(),
        "docusaurus.config.js",
        "module.exports = { url: 'https://d.example.com', baseUrl: '/' };\n",
    );
    for extra in [&["--prune"][..], &[], &["--dry-run"]] {
        let (run, requests) = fake.run(&sync_args(&docs, extra));
        run.assert_one_error(6, "--force-new-ids");
        assert!(
            run.stderr_lines()[0]
                .contains("the input has 4 pages the source does not, and lacks 4 of its 4 pages"),
            "{run:#?}"
        );
        assert!(writes(&requests).is_empty(), "{extra:?}: {requests:?}");
        assert_eq!(external_ids(&fake), ["a.md", "b.md", "c.md", "d.md"]);
        let detected = run.detected().unwrap_or_default();
        assert!(detected.contains("layout docusaurus (from "), "{detected}");
    }

    // Meant: forced, then pruned.
    let (run, _) = fake.run(&sync_args(&docs, &["--force-new-ids"]));
    run.assert_ok();
    let (run, _) = fake.run(&sync_args(&docs, &["--prune", "--max-prune", "50"]));
    run.assert_ok();
    assert_eq!(external_ids(&fake), ["a", "b", "c", "d"]);
}

/// Issue 22, finding 7: a `.gitignore` outside any repository is no ignore file.
#[test]
fn a_gitignore_above_the_folder_outside_any_repository_ignores_nothing() {
    let fake = Fake::start();
    let top = tempfile::tempdir().unwrap();
    let docs = top.path().join("a/docs");
    four_pages(&docs);
    write(top.path(), ".gitignore", "*\n");
    let (run, _) = fake.run(&sync_args(&docs, &[]));
    run.assert_ok();
    assert_eq!(external_ids(&fake), ["a.md", "b.md", "c.md", "d.md"]);

    write(top.path(), ".gitignore", "b.md\n");
    let (run, requests) = fake.run(&sync_args(&docs, &["--prune"]));
    run.assert_ok();
    assert!(writes(&requests).is_empty(), "{requests:?}");
    assert_eq!(external_ids(&fake), ["a.md", "b.md", "c.md", "d.md"]);
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../intercom-sync/tests/fixtures/built")
        .join(name)
}

/// Issue 23: a build folder is detected and read as the site publishes it; switching a source
/// from the Markdown sources to the build changes every id, and is refused.
#[test]
fn a_build_folder_is_read_as_published_and_a_switch_from_the_sources_is_refused() {
    let fake = Fake::start();
    let sources = fixture("mkdocs/src");
    let site = fixture("mkdocs/site");

    let (run, _) = fake.run(&sync_args(&sources, &[]));
    run.assert_ok();
    let from_sources = external_ids(&fake);
    assert!(
        from_sources.iter().all(|id| id.ends_with(".md")),
        "{from_sources:?}"
    );

    let (run, requests) = fake.run(&sync_args(&site, &[]));
    run.assert_one_error(6, "--force-new-ids");
    assert!(writes(&requests).is_empty(), "{requests:?}");
    let detected = run.detected().unwrap_or_default();
    assert!(
        detected.starts_with("intercom: sync: built site ")
            && detected.contains("(mkdocs-1.6.1, mkdocs-material-9.8.2)")
            && detected.contains("13 pages from ")
            && detected.ends_with("site URL https://mkdocs.example.com/, language en"),
        "{detected}"
    );
    assert_eq!(external_ids(&fake), from_sources);

    // Into a source of its own: every published page, at its URL.
    let other = "https://orchard.example.com";
    let args = ["sync", site.to_str().unwrap(), "--source-url", other];
    let (run, _) = fake.run(&args);
    run.assert_ok();
    let state = fake.state();
    let mut urls: Vec<String> = state
        .pages
        .iter()
        .filter(|p| !p.external_id.ends_with(".md"))
        .filter_map(|p| p.url.clone())
        .collect();
    urls.sort();
    // The sample's expected.json lists 10 published pages (the blog's listings are left out).
    assert_eq!(urls.len(), 10, "{urls:?}");
    assert!(
        urls.iter()
            .all(|u| u.starts_with("https://mkdocs.example.com/"))
    );
    let (run, requests) = fake.run(&args);
    run.assert_ok();
    assert!(writes(&requests).is_empty(), "a second run sends nothing");
}

/// Issue 24: a Hugo section index of nothing but front matter failed every run (exit 1), so a
/// docs job stayed red forever. It is skipped, the run exits 0, and a second run is quiet.
#[test]
fn a_page_of_nothing_but_front_matter_is_skipped_and_the_run_succeeds() {
    let fake = Fake::start();
    let site = tempfile::tempdir().unwrap();
    write(
        site.path(),
        "hugo.toml",
        "baseURL = 'https://kb.example.com/'\ntitle = 'KB'\n",
    );
    let content = site.path().join("content");
    write(&content, "guide/_index.md", "---\ntitle: Guide\n---\n");
    write(
        &content,
        "guide/setup.md",
        "---\ntitle: Setup\n---\nInstall it.\n",
    );
    for _ in 0..2 {
        let (run, _) = fake.run(&sync_args(&content, &[]));
        run.assert_ok();
        assert!(run.summary().contains("0 failed"), "{run:#?}");
        assert!(
            run.stdout
                .contains("has no content (nothing but front matter)"),
            "{run:#?}"
        );
    }
    assert_eq!(external_ids(&fake), ["guide/setup.md"]);
}
