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

fn read_sources() -> Vec<DesiredPage> {
    read_folder(sample().join("src"), FolderOptions::default())
        .unwrap()
        .map(|item| item.unwrap_or_else(|e| panic!("no doc fails or is skipped: {e}")))
        .collect()
}

/// The text blocks of a built doc's content, less what the theme adds.
fn built_blocks(url: &str) -> Vec<String> {
    let path = url.strip_prefix("https://docusaurus.example.com/").unwrap();
    let file = sample().join("site").join(path).join("index.html");
    let html = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let document = Html::parse_document(&html);
    let content = Selector::parse(".theme-doc-markdown").unwrap();
    let blocks = Selector::parse("p, li, td, th").unwrap();
    let root = document.select(&content).next().expect("the doc's content");
    root.select(&blocks)
        .map(|b| collapse(&b.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn every_doc_is_where_docusaurus_publishes_it_with_its_text() {
    let pages = read_sources();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample().join("expected.json")).unwrap())
            .unwrap();
    let docs: BTreeSet<String> = expected["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["url"].as_str())
        .filter(|u| u.contains("/docs/"))
        .map(str::to_owned)
        .collect();
    let sent: BTreeSet<String> = pages.iter().filter_map(|p| p.url.clone()).collect();
    assert_eq!(sent, docs);
    for page in &pages {
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
        for syntax in ["import ", "<Tabs", "<TabItem", ":::"] {
            assert!(
                !page.html.contains(syntax),
                "{url}: {syntax} in {}",
                page.html
            );
        }
    }
}
