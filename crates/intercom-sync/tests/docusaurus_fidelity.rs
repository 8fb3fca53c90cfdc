//! The Docusaurus layout against the real generator: the sample's sources
//! (`tests/fixtures/built/docusaurus/src`: docs with categories, nested folders, admonitions,
//! `@theme/Tabs`, a table, a titled code block) read with `read_folder`, against what
//! `docusaurus build` made of them (`site/`): every doc at the URL the build gives it, and
//! every paragraph, list item and table cell of the built doc's content in what is sent, with
//! no MDX syntax left. The blog and `src/pages` are outside the docs folder, so not read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use intercom_sync::DesiredPage;
use intercom_sync::folder::{FolderOptions, read_folder};
use scraper::{Html, Selector};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/built/docusaurus")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the sync reads from the sample's sources, and the ids of what it skips.
fn read_sources(options: FolderOptions) -> (Vec<DesiredPage>, Vec<String>) {
    let mut pages = Vec::new();
    let mut skipped = Vec::new();
    for item in read_folder(sample().join("src"), options).unwrap() {
        match item {
            Ok(page) => pages.push(page),
            Err(error) => {
                assert!(error.skipped, "no doc fails: {error}");
                skipped.push(error.name.clone().unwrap_or_default());
            }
        }
    }
    (pages, skipped)
}

/// The text blocks of a built page's content (a doc's or a blog post's), less what the theme
/// adds.
fn built_blocks(url: &str) -> Vec<String> {
    let path = url.strip_prefix("https://docusaurus.example.com/").unwrap();
    let file = sample().join("site").join(path).join("index.html");
    let html = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let document = Html::parse_document(&html);
    let content = Selector::parse(".markdown").unwrap();
    let blocks = Selector::parse("p, li, td, th").unwrap();
    let root = document
        .select(&content)
        .next()
        .expect("the page's content");
    root.select(&blocks)
        .map(|b| collapse(&b.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The URLs the build published (`expected.json`, checked against it by `tests/built.rs`)
/// that `keep` takes.
fn published(keep: impl Fn(&str) -> bool) -> BTreeSet<String> {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample().join("expected.json")).unwrap())
            .unwrap();
    expected["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["url"].as_str())
        .filter(|u| keep(u))
        .map(str::to_owned)
        .collect()
}

/// Each page's text has every block of the built page's, and no MDX syntax.
fn assert_same_text(pages: &[DesiredPage]) {
    for page in pages {
        let url = page.url.as_deref().unwrap();
        let ours = collapse(
            &Html::parse_fragment(&page.html)
                .root_element()
                .text()
                .collect::<String>(),
        );
        for block in built_blocks(url) {
            assert!(ours.contains(&block), "{url}: {block:?} not in {ours:?}");
        }
        // The truncate marker is a comment: not seen, so it may stay.
        assert!(!ours.contains("truncate"), "{url}: {ours}");
        for syntax in ["import ", "<Tabs", "<TabItem", ":::", "<LampSafety"] {
            assert!(
                !page.html.contains(syntax),
                "{url}: {syntax} in {}",
                page.html
            );
        }
    }
}

#[test]
fn the_default_version_and_the_blog_are_where_docusaurus_publishes_them_with_their_text() {
    let (pages, skipped) = read_sources(FolderOptions::default());
    // The home page is `src/pages`, not a doc; `next/` is the unreleased version.
    let expected =
        published(|u| (u.contains("/docs/") && !u.contains("/docs/next/")) || u.contains("/blog/"));
    let sent: BTreeSet<String> = pages.iter().filter_map(|p| p.url.clone()).collect();
    assert_eq!(sent, expected);
    assert_same_text(&pages);
    // The released version (1.0) at `/docs/`: its text, not the unreleased one's.
    let intro = pages.iter().find(|p| p.external_id == "intro").unwrap();
    assert!(intro.html.contains("blue pencil"), "{}", intro.html);
    // Blog posts: ids from their files, URLs from their dates or slugs.
    let ids: BTreeSet<&str> = pages.iter().map(|p| p.external_id.as_str()).collect();
    for id in [
        "blog/2024-03-01-storm-night",
        "blog/2024-05-20-lamp-oil",
        "guides/fog-signals",
    ] {
        assert!(ids.contains(id), "{id} in {ids:?}");
    }
    // A draft is not published; partials are no pages; `next` is not synced by default.
    assert_eq!(skipped, ["guides/night-log"]);
    assert!(
        ids.iter()
            .all(|id| !id.contains('_') && !id.starts_with("next/"))
    );
    // A partial's content is where it is imported; links to a doc and to a post go to
    // their published URLs.
    let fog = pages
        .iter()
        .find(|p| p.external_id == "guides/fog-signals")
        .unwrap();
    assert!(fog.html.contains("Keep a bucket of sand"), "{}", fog.html);
    assert!(
        fog.html
            .contains("href=\"https://docusaurus.example.com/docs/guides/advanced/lens-care\""),
        "{}",
        fog.html
    );
    assert!(
        fog.html
            .contains("href=\"https://docusaurus.example.com/blog/lamp-oil-prices\""),
        "{}",
        fog.html
    );
}

#[test]
fn every_version_when_asked_each_under_its_path() {
    let (pages, _) = read_sources(FolderOptions::default().all_versions(true));
    let expected = published(|u| u.contains("/docs/") || u.contains("/blog/"));
    let sent: BTreeSet<String> = pages.iter().filter_map(|p| p.url.clone()).collect();
    assert_eq!(sent, expected);
    assert_same_text(&pages);
    let next = pages
        .iter()
        .find(|p| p.external_id == "next/intro")
        .unwrap();
    assert!(next.html.contains("green pencil"), "{}", next.html);
    assert_eq!(
        next.url.as_deref(),
        Some("https://docusaurus.example.com/docs/next/intro")
    );
}

#[test]
fn the_detection_line_names_the_versions_left_out() {
    let pages = read_folder(sample().join("src"), FolderOptions::default()).unwrap();
    let detected = pages.detected();
    assert_eq!(detected.versions_left_out, ["next"]);
    assert!(
        detected
            .content_root
            .ends_with("versioned_docs/version-1.0"),
        "{detected}"
    );
    assert!(
        detected
            .to_string()
            .contains("docs versions not synced: next"),
        "{detected}"
    );
    let all = read_folder(
        sample().join("src"),
        FolderOptions::default().all_versions(true),
    )
    .unwrap();
    assert!(all.detected().versions_left_out.is_empty());
}
