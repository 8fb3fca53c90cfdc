//! The folder input on an mdBook's sources against what mdBook published from them
//! (`tests/fixtures/built/mdbook`: `src/` is the book, `site/` its build by mdBook 0.5.4):
//! the same pages at the same URLs with the same titles, each page's code blocks the code a
//! reader of the built page sees (its hidden `.boring` lines left out), its links going where
//! the built page's go, no preprocessor link (`{{#…}}`) the book does not show, and the files
//! `SUMMARY.md` does not list skipped as unpublished.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use intercom_sync::folder::{FolderOptions, read_folder};
use intercom_sync::{Covers, DesiredPage, ItemError};
use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

/// Where the sample's `expected.json` says the book is published (its build holds no URL).
const SITE_URL: &str = "https://mdbook.example.com/book/";
const BOOK_TITLE: &str = "The Paper Boat Almanac";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/built/mdbook")
}

/// What the sync reads from the sources: pages by their path under the site URL, and the
/// files that are not pages.
fn sources() -> (BTreeMap<String, DesiredPage>, Vec<ItemError>) {
    let options = FolderOptions::default().site_url(SITE_URL).unwrap();
    let mut pages = BTreeMap::new();
    let mut errors = Vec::new();
    for item in read_folder(fixture().join("src"), options).unwrap() {
        match item {
            Ok(page) => {
                let url = page.url.clone().expect("a site URL was given");
                let path = url.strip_prefix(SITE_URL).expect("under the site URL");
                pages.insert(path.to_owned(), page);
            }
            Err(error) => errors.push(error),
        }
    }
    (pages, errors)
}

/// The chapters mdBook published, by path: every `.html` file but mdBook's own pages.
fn built() -> BTreeMap<String, Html> {
    let site = fixture().join("site");
    let mut pages = BTreeMap::new();
    let mut dirs = vec![site.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let relative = path.strip_prefix(&site).unwrap().to_str().unwrap();
            let relative = relative.replace('\\', "/");
            // The whole book on one page, the table of contents, the 404 page.
            if ["print.html", "toc.html", "404.html"].contains(&relative.as_str()) {
                continue;
            }
            let html = std::fs::read_to_string(&path).unwrap();
            pages.insert(relative, Html::parse_document(&html));
        }
    }
    // The home page is a copy of the first chapter, not a page of its own.
    let home = std::fs::read(site.join("index.html")).unwrap();
    assert_eq!(home, std::fs::read(site.join("introduction.html")).unwrap());
    pages.remove("index.html");
    pages
}

fn select<'a>(root: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    root.select(&Selector::parse(css).unwrap()).collect()
}

/// The text of `element` a reader sees: without the lines mdBook hides (`.boring`).
fn visible(element: ElementRef) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.classes().any(|c| c == "boring"))
        });
        if !hidden {
            text.push_str(t);
        }
    }
    text
}

/// Each code block's text, without its last line end.
fn code_blocks(root: ElementRef) -> Vec<String> {
    select(root, "pre > code")
        .into_iter()
        .map(|code| visible(code).trim_end_matches('\n').to_owned())
        .collect()
}

/// The absolute targets of the links in `root`, against `base`; heading anchors of mdBook's
/// own (`a.header`) and links within the page left out.
fn links(root: ElementRef, base: &Url) -> BTreeSet<String> {
    select(root, "a[href]:not(.header)")
        .into_iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| !href.starts_with('#'))
        .map(|href| base.join(href).unwrap().to_string())
        .collect()
}

#[test]
fn the_sources_give_what_mdbook_published_page_by_page() {
    let (pages, errors) = sources();
    let built = built();
    assert_eq!(
        pages.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>(),
        "the same pages at the same URLs"
    );

    // The Markdown files SUMMARY.md does not list: mdBook publishes neither.
    let mut skipped: Vec<&str> = errors
        .iter()
        .map(|e| {
            assert!(
                e.skipped && e.covers == Covers::Nothing && e.reason.contains("SUMMARY.md"),
                "{e:?}"
            );
            e.name.as_deref().unwrap()
        })
        .collect();
    skipped.sort_unstable();
    assert_eq!(skipped, ["snippets/tides.md", "voyage/old-rigging.md"]);

    let mut table = vec![format!(
        "{:<32} {:>11} {:>6} {:>6} {:>4}",
        "page", "code blocks", "equal", "links", "{{#"
    )];
    let (mut blocks, mut equal) = (0, 0);
    for (path, page) in &pages {
        let document = Html::parse_fragment(&page.html);
        let site = &built[path];
        let main = select(site.root_element(), "main")[0];
        let url = Url::parse(page.url.as_deref().unwrap()).unwrap();

        // mdBook's `<title>` is the chapter's name and the book's, or what `{{#title}}` says.
        let title = select(site.root_element(), "title")[0]
            .text()
            .collect::<String>();
        assert!(
            title == format!("{} - {BOOK_TITLE}", page.title) || title == page.title,
            "{path}: {title:?}, {:?}",
            page.title
        );

        let ours = code_blocks(document.root_element());
        let theirs = code_blocks(main);
        assert_eq!(ours, theirs, "{path}: the code a reader sees");
        blocks += theirs.len();
        equal += ours.iter().zip(&theirs).filter(|(a, b)| a == b).count();

        let our_links = links(document.root_element(), &url);
        assert_eq!(our_links, links(main, &url), "{path}: where links go");

        // A link mdBook shows as text (an escaped one) is the only `{{#` a page may keep.
        let count = |text: String| text.matches("{{#").count();
        let shown = count(main.text().collect());
        assert_eq!(
            count(document.root_element().text().collect()),
            shown,
            "{path}: {}",
            page.html
        );
        assert!(!page.html.contains("\\{{#"), "{path}");

        table.push(format!(
            "{path:<32} {:>11} {:>6} {:>6} {shown:>4}",
            theirs.len(),
            ours.iter().zip(&theirs).filter(|(a, b)| a == b).count(),
            our_links.len(),
        ));
    }
    table.push(format!(
        "{} pages, {blocks} code blocks, {equal} equal",
        pages.len()
    ));
    eprintln!("{}", table.join("\n"));
    assert_eq!(blocks, equal);
}

#[test]
fn the_sample_uses_every_preprocessor_link_and_hidden_lines() {
    // What the comparison above covers: the sample's chapter of includes must keep them.
    let chapter = std::fs::read_to_string(fixture().join("src/src/voyage/launching.md")).unwrap();
    for link in [
        "{{#title ",
        "{{#include ../../listings/launch.rs:checklist}}",
        "{{#include ../../listings/launch.rs:17:19}}",
        "{{#rustdoc_include ",
        "{{#playground ",
        "\\{{#include ",
        "{{#include ../snippets/tides.md}}",
    ] {
        assert!(chapter.contains(link), "{link}");
    }
    let (pages, _) = sources();
    let launching = &pages["voyage/launching.html"];
    assert_eq!(launching.title, "Launch day");
    let html = &launching.html;
    // The anchor's lines without the markers of the anchor nested in it.
    assert!(
        html.contains("fn launch(name: &amp;str) -&gt; String {\n    let checks = CHECKLIST.len();\n    format!"),
        "{html}"
    );
    // `##` shows a `#`; `# ` lines and the python `~` line are hidden.
    assert!(html.contains("#[derive(Debug)]\nenum Wind {"), "{html}");
    assert!(
        !html.contains("fn gust") && !html.contains("import harbour"),
        "{html}"
    );
    // The nested include is read from the snippet's folder; its link from the chapter's.
    assert!(html.contains("12:00  high  a boot deep"), "{html}");
    assert!(
        html.contains("href=\"https://mdbook.example.com/book/appendix/knots.html\""),
        "{html}"
    );
}

/// rust-lang/mdBook's guide: a book's own preprocessor (`[preprocessor.guide-helper]`)
/// replaces `{{ mdbook-version }}`; the sync does not run it, and says so on the detection line
/// and on each chapter that holds such a placeholder.
#[test]
fn the_books_own_preprocessors_are_named_where_their_output_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\n\n[preprocessor.guide-helper]\ncommand = \"cargo run -p guide-helper\"\n\n[preprocessor.links]\n",
    );
    write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n- [Other](other.md)\n",
    );
    write("src/intro.md", "# Intro\n\nVersion: {{ mdbook-version }}\n");
    // Not placeholders: mdBook's own syntax in code, a Handlebars call, a theme's example.
    write(
        "src/other.md",
        "# Other\n\nNo placeholder: `{{ #playground }}`, `{{ resource \"filename\" }}`.\n\n```handlebars\n{{name_of_property}} {{ title }}\n```\n",
    );
    // The rust book's `<Listing>`, which its trpl-listing preprocessor turns into a figure.
    write(
        "src/listing.md",
        "# Listing\n\n<Listing number=\"1-1\" file-name=\"src/main.rs\">\n\n```rust\nfn main() {}\n```\n\n</Listing>\n\n`<Note>` in code, and\n\n```html\n<Note>\n```\n",
    );
    write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n- [Other](other.md)\n- [Listing](listing.md)\n",
    );
    let pages = read_folder(dir.path(), FolderOptions::default()).unwrap();
    let detected = pages.detected().to_string();
    assert!(
        detected.contains("the book's own preprocessors not run: guide-helper"),
        "{detected}"
    );
    let pages: Vec<DesiredPage> = pages.map(Result::unwrap).collect();
    assert_eq!(
        pages[0].left_out,
        [
            "`{{ mdbook-version }}` that the book's own preprocessors (guide-helper) replace: they are not run"
        ]
    );
    assert!(pages[2].left_out.is_empty(), "{:?}", pages[2]);
    assert_eq!(
        pages[1].left_out,
        ["`<Listing>` that the book's own preprocessors (guide-helper) replace: they are not run"]
    );
}

/// `FolderOptions::run_preprocessors`: the book's own preprocessors run as `mdbook build`
/// runs them (a command from book.toml, asked whether it supports html, then given
/// `[context, book]` on stdin), after mdBook's `links`; one for another renderer, or optional
/// and missing, is passed over; a failing one stops the input, naming it.
#[test]
fn the_books_own_preprocessors_run_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // A preprocessor in Python, as a book's own often is.
    write(
        "stamp.py",
        r#"import json, os, sys
if len(sys.argv) > 1 and sys.argv[1] == "supports":
    sys.exit(0 if sys.argv[2] == "html" else 1)
ctx, book = json.load(sys.stdin)
assert ctx["renderer"] == "html", ctx
assert os.path.samefile(ctx["root"], os.getcwd()), ctx
stamp = ctx["config"]["preprocessor"]["stamp"]["version"]
def walk(items):
    for item in items:
        if "Chapter" in item:
            chapter = item["Chapter"]
            chapter["content"] = chapter["content"].replace("{{ version }}", stamp)
            walk(chapter["sub_items"])
walk(book["sections"])
json.dump(book, sys.stdout)
"#,
    );
    write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\n\n[preprocessor.stamp]\ncommand = \"python3 stamp.py\"\nversion = \"1.2.3\"\n\n[preprocessor.epub-only]\ncommand = \"false\"\nrenderers = [\"epub\"]\n\n[preprocessor.absent]\ncommand = \"intercom-no-such-preprocessor\"\noptional = true\n",
    );
    write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n  - [Other](other.md)\n",
    );
    write(
        "src/intro.md",
        "{{#title Introduction}}\n# Intro\n\nVersion {{ version }}.\n\n{{#include install.txt}}\n",
    );
    write(
        "src/install.txt",
        "Install {{ version }} with `cargo install`.\n",
    );
    write(
        "src/other.md",
        "# Other\n\n```handlebars\n{{ version }}\n```\n",
    );
    let options = FolderOptions::default().run_preprocessors(true);
    let pages = read_folder(dir.path(), options.clone()).unwrap();
    let detected = pages.detected().to_string();
    assert!(
        detected.contains(
            "the book's own preprocessors not run: absent, epub-only, the book's own preprocessors run: stamp"
        ),
        "{detected}"
    );
    let pages: Vec<DesiredPage> = pages.map(Result::unwrap).collect();
    assert_eq!(pages[0].title, "Introduction");
    assert!(
        pages[0].html.contains("Version 1.2.3."),
        "{}",
        pages[0].html
    );
    // mdBook's `links` runs first: the included text is preprocessed too.
    assert!(
        pages[0].html.contains("Install 1.2.3 with"),
        "{}",
        pages[0].html
    );
    assert!(
        pages[1].html.contains("1.2.3\n</code>"),
        "{}",
        pages[1].html
    );
    assert!(pages.iter().all(|p| p.left_out.is_empty()));

    write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\n\n[preprocessor.broken]\ncommand = \"python3 -c 'import sys; sys.exit(0) if sys.argv[1:] else sys.exit(\\\"boom: bad chapter\\\")'\"\n",
    );
    let error = read_folder(dir.path(), options.clone())
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("book.toml"), "{error}");
    assert!(
        error.contains("preprocessor.broken (python3 -c") && error.ends_with("boom: bad chapter"),
        "{error}"
    );
    write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\n\n[preprocessor.missing]\ncommand = \"intercom-no-such-preprocessor\"\n",
    );
    let error = read_folder(dir.path(), options).err().unwrap().to_string();
    assert!(
        error.contains("preprocessor.missing (intercom-no-such-preprocessor): cannot be run"),
        "{error}"
    );
}
