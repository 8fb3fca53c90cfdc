//! The MkDocs layout against the real generator: the sample's sources
//! (`tests/fixtures/built/mkdocs/src`, MkDocs + Material + pymdown-extensions with content tabs,
//! snippets, icons, attribute lists, reference links, abbreviations and the blog plugin) read
//! with `read_folder`, page by page against what `mkdocs build` made of them (`site/`, rebuilt
//! by `tests/fixtures/built/rebuild.sh`): the same pages at the same URLs, with the same
//! titles and the same visible text, and no MkDocs syntax left in what is sent.
//!
//! Text is compared block by block: the text of each paragraph, list item, table cell,
//! heading, tab label and code line of the built page's main content (`.md-content__inner`,
//! without its `¶` permalinks, edit button and the blog's post excerpts), whitespace
//! collapsed, as a multiset, against the same blocks of the HTML the sync sends.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ego_tree::NodeRef;
use intercom_sync::DesiredPage;
use intercom_sync::folder::{FolderOptions, read_folder};
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/built/mkdocs")
}

/// Pages the blog plugin generates from no source file (its archive and category
/// listings): nothing of the folder's can be them.
const GENERATED: [&str; 2] = ["blog/archive/2024/", "blog/category/events/"];

/// Where the sample is published (its `site_url`).
const SITE_URL: &str = "https://mkdocs.example.com/";

/// The page URLs the build's sitemap lists, less the generated listings.
fn published() -> BTreeSet<String> {
    let sitemap = std::fs::read_to_string(sample().join("site/sitemap.xml")).unwrap();
    sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>").map(|(url, _)| url.to_owned()))
        .filter(|url| {
            let path = url.strip_prefix(SITE_URL).unwrap();
            !GENERATED.contains(&path)
        })
        .collect()
}

fn read_sources() -> Vec<DesiredPage> {
    let mut pages = Vec::new();
    for item in read_folder(sample().join("src"), FolderOptions::default()).unwrap() {
        match item {
            Ok(page) => pages.push(page),
            Err(error) => panic!("no source fails or is skipped: {error}"),
        }
    }
    pages
}

/// Elements whose text is one block; a block inside another is a block of its own.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "label",
    "summary",
    "dt",
    "dd",
    "figcaption",
];

/// What of a page's content a reader sees, never read: permalinks, the edit button, icons,
/// scripts, the blog index's excerpts of other pages.
const SKIPPED: &[&str] = &[
    "a.headerlink",
    "a.md-content__button",
    "article.md-post--excerpt",
    "nav.md-pagination",
    "svg",
    "script",
    "style",
];

/// The text blocks of `root`: each block element's own text (what is not in a block inside
/// it), and each line of a `pre`, whitespace collapsed, empty ones left out.
fn blocks(root: ElementRef<'_>) -> Vec<String> {
    let skipped: Vec<Selector> = SKIPPED
        .iter()
        .map(|s| Selector::parse(s).unwrap())
        .collect();
    let mut out = Vec::new();
    let mut current = String::new();
    walk(*root, &skipped, &mut current, &mut out);
    push(&mut out, &current);
    out.sort();
    out
}

fn walk(
    node: NodeRef<'_, Node>,
    skipped: &[Selector],
    current: &mut String,
    out: &mut Vec<String>,
) {
    for child in node.children() {
        match child.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(element) => {
                let element_ref = ElementRef::wrap(child).unwrap();
                if skipped.iter().any(|s| s.matches(&element_ref)) {
                    continue;
                }
                let name = element.name();
                // An emoji is a picture whose `alt` is the emoji.
                if name == "img" {
                    current.push_str(element.attr("alt").unwrap_or_default());
                    continue;
                }
                if name == "pre" {
                    let text: String = element_ref.text().collect();
                    for line in text.lines() {
                        push(out, &format!("code: {line}"));
                    }
                    continue;
                }
                if BLOCKS.contains(&name) || name == "div" || name == "aside" {
                    // A block ends the text before it and has its own.
                    push(out, current);
                    current.clear();
                    let mut own = String::new();
                    walk(child, skipped, &mut own, out);
                    push(out, &own);
                } else {
                    walk(child, skipped, current, out);
                }
            }
            _ => {}
        }
    }
}

fn push(out: &mut Vec<String>, text: &str) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() && text != "code:" {
        out.push(text);
    }
}

/// The built page's main content.
fn built_blocks(url: &str) -> (Vec<String>, String) {
    let path = url.strip_prefix(SITE_URL).unwrap();
    let file = sample().join("site").join(path).join("index.html");
    let html = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let document = Html::parse_document(&html);
    let content = Selector::parse(".md-content__inner").unwrap();
    let root = document.select(&content).next().expect("a main content");
    let h1 = Selector::parse("h1").unwrap();
    let title = root
        .select(&h1)
        .next()
        .map(|h| {
            h.children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect::<String>()
        })
        .unwrap_or_default();
    (blocks(root), title.trim().to_owned())
}

/// The blocks of the HTML the sync sends; an admonition's title (`Tip: Matching widths`) read
/// as the site shows it (`Matching widths`).
fn sent_blocks(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let mut blocks = blocks(fragment.root_element());
    let aside = Selector::parse("aside.admonition").unwrap();
    for element in fragment.select(&aside) {
        let class = element.value().attr("class").unwrap_or_default();
        let Some(kind) = class.split(' ').find_map(|c| c.strip_prefix("admonition-")) else {
            continue;
        };
        let label = format!("{}{}: ", kind[..1].to_uppercase(), &kind[1..]);
        let first: String = element
            .child_elements()
            .next()
            .map(|p| p.text().collect())
            .unwrap_or_default();
        let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(title) = first.strip_prefix(&label)
            && let Some(at) = blocks.iter().position(|b| *b == first)
        {
            blocks[at] = title.to_owned();
        }
    }
    blocks.sort();
    blocks
}

#[test]
fn the_mkdocs_sample_sends_the_pages_urls_titles_and_text_that_mkdocs_publishes() {
    let pages = read_sources();
    let urls: BTreeSet<String> = pages.iter().filter_map(|p| p.url.clone()).collect();
    assert_eq!(pages.len(), urls.len(), "every page has a URL of its own");
    assert_eq!(urls, published(), "the same pages at the same URLs");

    let mut differences = Vec::new();
    println!("{:<70} {:>6} {:>6}  text", "page (URL)", "built", "sent");
    for page in &pages {
        let url = page.url.as_deref().unwrap();
        let (built, title) = built_blocks(url);
        let sent = sent_blocks(&page.html);
        let same = built == sent;
        println!(
            "{:<70} {:>6} {:>6}  {}",
            url.strip_prefix(SITE_URL).unwrap(),
            built.len(),
            sent.len(),
            if same { "equal" } else { "DIFFERENT" }
        );
        if page.title != title {
            differences.push(format!(
                "{url}: title {:?}, the site's {title:?}",
                page.title
            ));
        }
        if !same {
            let missing: Vec<&String> = built.iter().filter(|b| !sent.contains(b)).collect();
            let extra: Vec<&String> = sent.iter().filter(|s| !built.contains(s)).collect();
            differences.push(format!(
                "{url}:\n  on the site, not sent: {missing:?}\n  sent, not on the site: {extra:?}\n  (built {built:?}\n   sent {sent:?})"
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn no_mkdocs_syntax_is_left_in_what_is_sent() {
    let pages = read_sources();
    let syntax = [
        "===",
        "--8<--",
        "8<",
        ":octicons-",
        ":material-",
        ":fontawesome-",
        "{ .",
        "{: ",
        "{ #",
        ":::",
        "][",
        "*[",
        "!!!",
        "???",
    ];
    for page in &pages {
        let fragment = Html::parse_fragment(&page.html);
        let text: String = fragment.root_element().text().collect();
        for mark in syntax {
            assert!(
                !text.contains(mark),
                "{}: {mark:?} left in {text}",
                page.external_id
            );
        }
    }
    // Blog posts keep their path as their id: only their URL is the blog's.
    let ids: BTreeSet<&str> = pages.iter().map(|p| p.external_id.as_str()).collect();
    assert!(ids.contains("blog/posts/first-frost.md"), "{ids:?}");
    assert!(ids.contains("blog/posts/cider-day.md"), "{ids:?}");
}
