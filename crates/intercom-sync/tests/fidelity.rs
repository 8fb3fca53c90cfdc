//! The fidelity check (issue 24): for each generator's sample site, what the sync sends from
//! the sources (`tests/fixtures/built/<generator>/src`) against what the real generator
//! published from them (`site/`, built by `rebuild.sh`), page by page:
//!
//! - the same set of pages, at the same URLs (`expected.json`'s pages in the language synced,
//!   checked against the build by `tests/built.rs`, less what no source file makes);
//! - the same visible text: every text block (paragraph, list item, table cell, heading, term,
//!   code line) of the built page's main content, as the built-site reader takes it, found in
//!   the text sent (a picture's text being its `alt`); whitespace, typographic quotes and
//!   permalink signs normalized;
//! - no generator syntax left in the visible text;
//! - every link to the site going to a page the site publishes (or a file it serves).
//!
//! It prints a table per generator, page by page, and one for all (`cargo xtask fidelity`
//! shows them), and fails on any difference. A block is found when it is part of the text
//! sent: a block of the build that the sync leaves out but whose words open the next one (a
//! Hugo tab's title before its text) is not told apart; `tests/hugo_fidelity.rs` is.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use intercom_sync::DesiredPage;
use intercom_sync::built::{BuiltOptions, read_built};
use intercom_sync::folder::{FolderOptions, read_folder};
use scraper::{ElementRef, Html, Selector};
use url::Url;

/// One generator's sample.
struct Sample {
    name: &'static str,
    /// Published pages that no source file of the synced content makes, by path under the
    /// site's origin: the sync cannot send them, by design.
    not_from_sources: &'static [&'static str],
    /// Published pages that `expected.json` lists as listings (the built-site reader leaves
    /// them out) but that a source file makes, with text of its own.
    listings_with_sources: &'static [&'static str],
    /// The language the sources are synced in (pages of the others are not compared).
    lang: &'static str,
    /// Syntax of the generator that must never be visible text.
    syntax: &'static [&'static str],
    /// The site URL, for both readers, when neither the config nor the build names it.
    site_url: Option<&'static str>,
}

const SAMPLES: &[Sample] = &[
    Sample {
        name: "hugo",
        not_from_sources: &[],
        listings_with_sources: &[],
        lang: "en",
        syntax: &["{{<", "{{%", ">}}", "%}}", "{{ "],
        site_url: None,
    },
    Sample {
        name: "mkdocs",
        // The blog plugin's archive and category listings have no source file.
        not_from_sources: &["/blog/archive/2024/", "/blog/category/events/"],
        listings_with_sources: &["/blog/"],
        lang: "en",
        syntax: &[
            "--8<--",
            "=== \"",
            ":octicons-",
            ":material-",
            ":fontawesome-",
            "{ .",
            "{: ",
            "][",
            ":::",
            "!!!",
            "???",
        ],
        site_url: None,
    },
    Sample {
        name: "mdbook",
        not_from_sources: &[],
        listings_with_sources: &[],
        lang: "en",
        syntax: &["{{#", "#include", "# fn main", "#![allow"],
        site_url: Some("https://mdbook.example.com/book/"),
    },
    Sample {
        name: "docusaurus",
        // The home page is a page of `src/pages`, not of the docs or the blog; `/docs/next/`
        // is the unreleased version, synced only when asked.
        not_from_sources: &["/", "/docs/next/**"],
        listings_with_sources: &[],
        lang: "en",
        syntax: &[
            "import ",
            "export ",
            "<Tabs",
            "<TabItem",
            "<LampSafety",
            ":::",
            "{#",
            "truncate",
        ],
        site_url: None,
    },
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/built")
}

/// What the generator published: `expected.json`'s pages in `lang`, by URL.
fn published(sample: &Sample) -> BTreeSet<String> {
    let path = fixtures().join(sample.name).join("expected.json");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let site_url = Url::parse(expected["site_url"].as_str().unwrap()).unwrap();
    expected["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["lang"].as_str().unwrap_or("en") == sample.lang)
        .map(|p| p["url"].as_str().unwrap().to_owned())
        .filter(|url| !matches_any(url_path(url), sample.not_from_sources))
        .chain(
            sample
                .listings_with_sources
                .iter()
                .map(|path| site_url.join(path).unwrap().to_string()),
        )
        .collect()
}

fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/').map_or("/", |i| &rest[i..])
}

/// Whether `path` is one of `patterns` (a pattern ending in `**` takes what starts with it).
fn matches_any(path: &str, patterns: &[&str]) -> bool {
    patterns.iter().any(|p| match p.strip_suffix("**") {
        Some(prefix) => path.starts_with(prefix),
        None => path == *p,
    })
}

/// The built pages' main content as the built-site reader takes it, by URL.
fn built_content(sample: &Sample) -> BTreeMap<String, String> {
    let mut options = BuiltOptions::default().lang(sample.lang);
    if let Some(url) = sample.site_url {
        options = options.site_url(url).unwrap();
    }
    read_built(fixtures().join(sample.name).join("site"), options)
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|page| Some((page.url.clone()?, page.html)))
        .collect()
}

fn sent(sample: &Sample) -> Vec<DesiredPage> {
    let mut options = FolderOptions::default();
    if let Some(url) = sample.site_url {
        options = options.site_url(url).unwrap();
    }
    read_folder(fixtures().join(sample.name).join("src"), options)
        .unwrap()
        .filter_map(|item| match item {
            Ok(page) => Some(page),
            Err(error) if error.skipped => None,
            Err(error) => panic!("{}: a source failed: {error}", sample.name),
        })
        .collect()
}

/// Text as a reader compares it: whitespace collapsed, typographic quotes and dashes plain,
/// permalink signs gone.
fn normalize(text: &str) -> String {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '¶' | '\u{200b}'))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without any whitespace: where a renderer puts a space between inline elements is
/// not a difference a reader sees.
fn compact(text: &str) -> String {
    text.split_whitespace().collect()
}

/// The visible text of an HTML fragment.
fn visible(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut out = String::new();
    collect_text(fragment.root_element(), &mut out);
    normalize(&out)
}

fn collect_text(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        if let Some(text) = child.value().as_text() {
            out.push_str(text);
        } else if let Some(child) = ElementRef::wrap(child) {
            if matches!(child.value().name(), "script" | "style" | "template") {
                continue;
            }
            // A picture's text is its `alt` (an emoji, an icon's name).
            if child.value().name() == "img" {
                out.push_str(child.value().attr("alt").unwrap_or_default());
                continue;
            }
            out.push(' ');
            collect_text(child, out);
            out.push(' ');
        }
    }
}

/// The text blocks of a built page's content: innermost blocks, each a whole.
fn blocks(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let selector = Selector::parse("p, li, td, th, h1, h2, h3, h4, h5, h6, dt, dd, pre").unwrap();
    let mut out = Vec::new();
    for block in fragment.select(&selector) {
        let text = if block.value().name() == "pre" {
            // Code is compared line by line: highlighters split it into spans.
            for line in block.text().collect::<String>().lines() {
                let line = normalize(line);
                if !line.is_empty() {
                    out.push(line);
                }
            }
            continue;
        } else {
            let mut text = String::new();
            collect_text(block, &mut text);
            normalize(&text)
        };
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

/// The `href`s of an HTML fragment.
fn links(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let selector = Selector::parse("a[href]").unwrap();
    fragment
        .select(&selector)
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_owned)
        .collect()
}

/// What one generator's comparison found.
#[derive(Default)]
struct Figures {
    published: usize,
    sent: usize,
    not_sent: Vec<String>,
    not_published: Vec<String>,
    blocks: usize,
    blocks_missing: Vec<String>,

    syntax: Vec<String>,
    links: usize,
    wrong_links: Vec<String>,
    /// One row per page sent: URL, text blocks found / compared, syntax found, wrong links /
    /// links to the site.
    rows: Vec<(String, usize, usize, usize, usize, usize)>,
}

fn compare(sample: &Sample) -> Figures {
    let published = published(sample);
    let built = built_content(sample);
    let pages = sent(sample);
    let site_files = fixtures().join(sample.name).join("site");
    let mut figures = Figures {
        published: published.len(),
        sent: pages.len(),
        ..Figures::default()
    };
    // `dir/index.html` and `dir/` are one file of the site (mdBook links the first, the
    // built-site reader gives the second).
    let same = |url: &str| url.strip_suffix("index.html").unwrap_or(url).to_owned();
    let published: BTreeSet<String> = published.iter().map(|u| same(u)).collect();
    let urls: BTreeSet<String> = pages
        .iter()
        .filter_map(|p| p.url.as_deref().map(same))
        .collect();
    figures.not_sent = published.difference(&urls).cloned().collect();
    figures.not_published = urls.difference(&published).cloned().collect();
    // Every page the build has, in any language or version: where a link may go.
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join(sample.name).join("expected.json")).unwrap(),
    )
    .unwrap();
    let site_url = expected["site_url"].as_str().unwrap().to_owned();
    let all_pages: BTreeSet<String> = expected["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["url"].as_str().map(str::to_owned))
        .chain(published.iter().cloned())
        .collect();
    for page in &pages {
        let Some(url) = page.url.as_deref() else {
            continue;
        };
        // The title is sent beside the body; the build shows it as the content's heading.
        let before = (
            figures.blocks,
            figures.blocks_missing.len(),
            figures.syntax.len(),
            figures.links,
            figures.wrong_links.len(),
        );
        let ours = format!("{} {}", normalize(&page.title), visible(&page.html));
        let built_page = built.get(url).or_else(|| built.get(&same(url)));
        let theirs = built_page.map(|html| visible(html)).unwrap_or_default();
        for syntax in sample.syntax {
            // What the site itself shows (an escaped shortcode) is text.
            if ours.contains(syntax) && !theirs.contains(syntax) {
                figures.syntax.push(format!("{url}: {syntax:?}"));
            }
        }
        let built_links: BTreeSet<Url> = built_page
            .map(|html| links(html))
            .unwrap_or_default()
            .iter()
            .filter_map(|href| Url::parse(url).ok()?.join(href).ok())
            .collect();
        if let Some(html) = built_page {
            for block in blocks(html) {
                figures.blocks += 1;
                if !compact(&ours).contains(&compact(&block)) {
                    figures.blocks_missing.push(format!("{url}: {block:?}"));
                }
            }
        }
        let base = Url::parse(url).unwrap();
        for href in links(&page.html) {
            let Ok(target) = base.join(&href) else {
                figures
                    .wrong_links
                    .push(format!("{url}: {href:?} is no URL"));
                continue;
            };
            if target.host() != base.host() {
                continue;
            }
            figures.links += 1;
            let mut page_url = target.clone();
            page_url.set_fragment(None);
            // A link the site's own page has too, broken there as well, is the site's.
            let sites_own = built_links.contains(&target);
            if !sites_own && !resolves(&page_url, &all_pages, &site_url, &site_files, sample) {
                figures.wrong_links.push(format!("{url}: {href}"));
            }
        }
        let blocks = figures.blocks - before.0;
        let missing = figures.blocks_missing.len() - before.1;
        figures.rows.push((
            url_path(url).to_owned(),
            blocks - missing,
            blocks,
            figures.syntax.len() - before.2,
            figures.wrong_links.len() - before.4,
            figures.links - before.3,
        ));
    }
    figures.rows.sort();
    figures
}

/// Whether the site answers `target`: a page it publishes (in any language, any version), or
/// a file of its build (a pruned asset counts when its source exists beside the pages).
fn resolves(
    target: &Url,
    pages: &BTreeSet<String>,
    site_url: &str,
    site: &Path,
    sample: &Sample,
) -> bool {
    let text = target.as_str();
    if pages.contains(text) || matches_any(url_path(text), sample.not_from_sources) {
        return true;
    }
    let Some(relative) = text.strip_prefix(site_url) else {
        return false;
    };
    let file = site.join(relative);
    // Assets (images, downloads) are pruned from the committed build: their sources stand in.
    let is_asset = Path::new(relative)
        .extension()
        .is_some_and(|e| !matches!(e.to_str(), Some("html")));
    file.is_file()
        || file.join("index.html").is_file()
        || (is_asset && asset_in_sources(sample, relative))
}

fn asset_in_sources(sample: &Sample, relative: &str) -> bool {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    walk_has(&fixtures().join(sample.name).join("src"), name)
}

fn walk_has(dir: &Path, name: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            walk_has(&path, name)
        } else {
            entry.file_name().to_str() == Some(name)
        }
    })
}

#[test]
fn each_sample_is_sent_as_its_generator_published_it() {
    let mut table = String::from(
        "| generator | published | sent | not sent | sent, not published | text blocks found | pages with syntax | site links wrong |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    let mut problems = Vec::new();
    let mut pages = String::new();
    for sample in SAMPLES {
        let f = compare(sample);
        writeln!(
            pages,
            "{}: page by page\n\n| page | text blocks found | syntax | site links wrong |\n| --- | --- | --- | --- |",
            sample.name
        )
        .unwrap();
        for (path, found, blocks, syntax, wrong, links) in &f.rows {
            writeln!(
                pages,
                "| {path} | {found} / {blocks} | {syntax} | {wrong} / {links} |"
            )
            .unwrap();
        }
        pages.push('\n');
        writeln!(
            table,
            "| {} | {} | {} | {} | {} | {} / {} | {} | {} / {} |",
            sample.name,
            f.published,
            f.sent,
            f.not_sent.len(),
            f.not_published.len(),
            f.blocks - f.blocks_missing.len(),
            f.blocks,
            f.syntax.len(),
            f.wrong_links.len(),
            f.links,
        )
        .unwrap();
        for (what, list) in [
            ("not sent", &f.not_sent),
            ("sent, not published", &f.not_published),
            ("text missing", &f.blocks_missing),
            ("syntax as text", &f.syntax),
            ("wrong link", &f.wrong_links),
        ] {
            problems.extend(list.iter().map(|p| format!("{}: {what}: {p}", sample.name)));
        }
    }
    println!("{pages}All generators\n\n{table}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
