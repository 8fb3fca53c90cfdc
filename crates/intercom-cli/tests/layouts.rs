//! `intercom sync` with site layouts: the help center with a site URL, the Docusaurus and
//! MkDocs samples, and two files claiming one id (an error before any request).

mod common;

use std::path::Path;

use common::{Fake, SAMPLE_PAGES, assert_state_equals_folder, sample_copy, sync_args, writes};

fn examples(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

#[test]
fn the_help_center_with_a_site_url_gets_urls_and_absolute_links() {
    let fake = Fake::start();
    let dir = sample_copy();
    let site = ["--site-url", "https://help.example.com"];

    let (first, _) = fake.run(&sync_args(dir.path(), &site));
    first.assert_ok();
    assert_eq!(
        first.summary(),
        format!(
            "{SAMPLE_PAGES} pages: {SAMPLE_PAGES} created, 0 updated, 0 unchanged, 0 deleted, 0 failed"
        )
    );
    let state = fake.state();
    for page in &state.pages {
        let url = page.url.as_deref().unwrap_or_default();
        assert!(
            url.starts_with("https://help.example.com/"),
            "{}: {url:?}",
            page.external_id
        );
        // The plain layout: URLs are the files' paths, and every relative link is absolute.
        assert!(url.ends_with(&page.external_id), "{url}");
        for relative in ["href=\"../", "href=\"getting-started/", "]("] {
            assert!(
                !page.html.contains(relative),
                "{}: {relative} in {}",
                page.external_id,
                page.html
            );
        }
    }
    let index = state
        .pages
        .iter()
        .find(|p| p.external_id == "index.md")
        .unwrap();
    assert!(
        index
            .html
            .contains("href=\"https://help.example.com/getting-started/quick-start-guide.md\"")
    );

    let (second, requests) = fake.run(&sync_args(dir.path(), &site));
    second.assert_ok();
    assert_eq!(
        second.summary(),
        format!(
            "{SAMPLE_PAGES} pages: 0 created, 0 updated, {SAMPLE_PAGES} unchanged, 0 deleted, 0 failed"
        )
    );
    assert!(writes(&requests).is_empty());
}

#[test]
fn the_samples_sync_with_their_detected_layouts() {
    let fake = Fake::start();
    let docusaurus = examples("docusaurus-site");
    let (run, _) = fake.run(&[
        "sync",
        docusaurus.to_str().unwrap(),
        "--source-url",
        "https://docs.example.com",
    ]);
    run.assert_ok();
    assert_eq!(
        run.summary(),
        "8 pages: 7 created, 0 updated, 0 unchanged, 0 deleted, 0 failed, 1 skipped"
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("skip guides/bulk-returns: skipped: is a draft")),
        "{}",
        run.stdout
    );
    assert!(fake.state().pages.iter().any(|p| p.url.as_deref()
        == Some("https://docs.example.com/docs/getting-started/create-first-label")));

    let mkdocs = examples("mkdocs-site");
    let (run, _) = fake.run(&[
        "sync",
        mkdocs.to_str().unwrap(),
        "--source-url",
        "https://handbook.example.com",
        "--dry-run",
    ]);
    run.assert_ok();
    assert!(
        run.stdout.lines().any(|l| l
            == "would create carrier-dhl: \"Shipping with DHL\", \
                https://handbook.example.com/guides/carriers/dhl/"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("internal/"),
        "ignored by .intercomignore: {}",
        run.stdout
    );

    // --layout overrides the detection; a layout that does not exist is a usage error.
    let (run, requests) = fake.run(&[
        "sync",
        mkdocs.to_str().unwrap(),
        "--source-url",
        "https://handbook.example.com",
        "--layout",
        "jekyll",
    ]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(requests.is_empty());
    let (run, _) = fake.run(&sync_args(
        &mkdocs,
        &[
            "--page-url-prefix",
            "https://x.example",
            "--site-url",
            "https://y.example",
        ],
    ));
    assert_eq!(run.code, 2, "{run:#?}");
}

#[test]
fn two_files_with_one_id_stop_the_sync_before_any_request() {
    let fake = Fake::start();
    let dir = sample_copy();
    std::fs::write(
        dir.path().join("account/duplicate.md"),
        "---\nexternal_id: billing/label-credits.md\n---\n# Copy\n",
    )
    .unwrap();
    let (run, requests) = fake.run(&sync_args(dir.path(), &["--prune"]));
    run.assert_one_error(
        2,
        "two files claim the external id \"billing/label-credits.md\": account/duplicate.md and billing/label-credits.md",
    );
    assert!(
        requests.is_empty(),
        "nothing sent, not even a read: {requests:?}"
    );
    assert!(fake.state().sources.is_empty() && fake.state().pages.is_empty());

    // Without the duplicate, the folder syncs as usual.
    std::fs::remove_file(dir.path().join("account/duplicate.md")).unwrap();
    fake.run(&sync_args(dir.path(), &[])).0.assert_ok();
    assert_state_equals_folder(&fake, dir.path());
}
