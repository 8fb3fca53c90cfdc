//! The folder input on a Hugo site's sources against what Hugo published from them
//! (`tests/fixtures/built/hugo`: `src/` is the site, `site/` its build by Hugo 0.111.3): the
//! same pages (one language) at the same URLs with the same titles, each page's visible text
//! the text of the built page's main content, its links going where the built page's go, and
//! no shortcode syntax but what the site itself shows; and what Hugo does not publish
//! (another language, drafts, `_build: {render: never}`, cascade, headless bundles, bundle
//! resources) skipped, never sent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use futures::stream;
use intercom_client::Client;
use intercom_fake::FakeIntercom;
use intercom_sync::folder::{FolderOptions, read_folder};
use intercom_sync::{Covers, DesiredPage, ItemError, SyncOptions, sync};
use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

/// The sample's `baseURL`.
const SITE_URL: &str = "https://hugo.example.com/docs/";

/// What the sync cannot render and leaves out, by page: the text the site's own templates
/// add around a shortcode's content (the tab's title).
const LOST: &[(&str, &str)] = &[("guide/getting-started/chime/", "Wall clocks")];

/// What the pages say they left out (`DesiredPage::left_out`): the tab's title, named. The
/// `divider` template's output is fixed (`<hr>`), so it is shown.
const LEFT_OUT: &[(&str, &[&str])] = &[(
    "guide/getting-started/chime/",
    &[
        "{{< tab >}} (what its template shows besides its content)",
        "1 link(s) to pages Hugo does not publish (their text kept)",
        "1 link(s) to pages the site does not have, or that only its own link render hook resolves (their text kept)",
    ],
)];

/// Links of the built pages to a page the site does not have (Hugo leaves the destination
/// as it is written).
const BROKEN_ON_THE_SITE: &[&str] = &["/spare-parts.md"];

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/built/hugo")
}

/// What the sync reads from the sources: pages by their path under the site URL, and the
/// files that are not pages.
fn sources(options: FolderOptions) -> (BTreeMap<String, DesiredPage>, Vec<ItemError>) {
    let mut pages = BTreeMap::new();
    let mut errors = Vec::new();
    for item in read_folder(fixture().join("src"), options).unwrap() {
        match item {
            Ok(page) => {
                let url = page.url.clone().expect("the config has a baseURL");
                let path = url.strip_prefix(SITE_URL).expect("under the site URL");
                pages.insert(path.to_owned(), page);
            }
            Err(error) => errors.push(error),
        }
    }
    (pages, errors)
}

/// The pages Hugo published in `lang`, by path: those `expected.json` lists (checked against
/// the build by `tests/built.rs`).
fn built(lang: &str) -> BTreeMap<String, Html> {
    let text = std::fs::read_to_string(fixture().join("expected.json")).unwrap();
    let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut pages = BTreeMap::new();
    for page in expected["pages"].as_array().unwrap() {
        if page["lang"] != lang {
            continue;
        }
        let url = page["url"].as_str().unwrap();
        let file = fixture().join("site").join(page["file"].as_str().unwrap());
        let html = std::fs::read_to_string(file).unwrap();
        let path = url.strip_prefix(SITE_URL).unwrap().to_owned();
        pages.insert(path, Html::parse_document(&html));
    }
    pages
}

fn select<'a>(root: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    root.select(&Selector::parse(css).unwrap()).collect()
}

/// The text a reader sees, without what `skip` matches (the `<h1>` the theme writes from the
/// title, the heading anchors it adds), whitespace collapsed and Hugo's typographic quotes
/// made plain.
fn visible(root: ElementRef, skip: &[&str]) -> String {
    let skipped: Vec<_> = skip
        .iter()
        .flat_map(|css| select(root, css))
        .map(|e| e.id())
        .collect();
    let mut text = String::new();
    for node in root.descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        if node.ancestors().any(|a| skipped.contains(&a.id())) {
            continue;
        }
        text.push_str(t);
    }
    let text = text.replace(['’', '‘'], "'").replace(['“', '”'], "\"");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the links and images of `root` go, against the page's URL; anchors on the page and
/// the theme's heading anchors left out, and so is a link to nothing (`href=""`, what Hugo
/// writes for a page it does not render: the sync keeps its text only).
fn links(root: ElementRef, base: &Url) -> BTreeSet<String> {
    let mut targets = BTreeSet::new();
    for element in select(root, "a[href]:not(.heading-anchor), img[src]") {
        let value = element.value();
        let link = value.attr("href").or(value.attr("src")).unwrap();
        if link.is_empty() || link.starts_with('#') {
            continue;
        }
        targets.insert(base.join(link).unwrap().to_string());
    }
    targets
}

/// The text without its whitespace: the two renderers lay out tables and code differently
/// (`<td>a</td>\n<td>b</td>` or not), which a reader does not see.
fn unspaced(text: &str) -> String {
    text.split_whitespace().collect()
}

fn shortcodes(text: &str) -> usize {
    text.matches("{{<").count() + text.matches("{{%").count()
}

#[test]
fn the_sources_give_what_hugo_published_page_by_page() {
    let (pages, _) = sources(FolderOptions::default());
    let built = built("en");
    assert_eq!(
        pages.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>(),
        "the same pages at the same URLs"
    );

    let mut table = vec![format!(
        "{:<40} {:>6} {:>6} {:>6} {:>4} {:>9}  {}",
        "page", "words", "equal", "links", "{{<", "left out", "text lost"
    )];
    let mut equal_pages = 0;
    for (path, page) in &pages {
        let site = &built[path];
        let article = select(site.root_element(), "article.content")[0];
        let url = Url::parse(page.url.as_deref().unwrap()).unwrap();
        let ours = Html::parse_fragment(&page.html);

        let h1 = select(article, "h1")[0].text().collect::<String>();
        assert_eq!(page.title, h1, "{path}: the title");

        let theirs = visible(article, &["h1", ".heading-anchor"]);
        let mut theirs_kept = theirs.clone();
        let lost: Vec<&str> = LOST
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, text)| *text)
            .collect();
        for text in &lost {
            assert!(theirs_kept.contains(text), "{path}: {text:?} is shown");
            theirs_kept = theirs_kept.replacen(&format!("{text} "), "", 1);
        }
        let text = visible(ours.root_element(), &[]);
        assert_eq!(
            unspaced(&text),
            unspaced(&theirs_kept),
            "{path}: the visible text\n{text}\n{theirs_kept}\n{}",
            page.html
        );
        equal_pages += 1;

        let our_links = links(ours.root_element(), &url);
        // A link to a page the site does not have is broken on the site; the sync sends its
        // text without the link.
        let mut their_links = links(article, &url);
        their_links.retain(|link| !BROKEN_ON_THE_SITE.iter().any(|b| link.ends_with(b)));
        assert_eq!(our_links, their_links, "{path}: where links go");

        // Shortcode syntax only where the site shows it (an escaped shortcode), and nothing of
        // the sync's own placeholders.
        assert_eq!(shortcodes(&text), shortcodes(&theirs), "{path}");
        let left_out: &[&str] = LEFT_OUT
            .iter()
            .find(|(p, _)| p == path)
            .map_or(&[], |(_, what)| what);
        assert_eq!(
            page.left_out, left_out,
            "{path}: what is said to be left out"
        );
        for never in [
            "{{<",
            "{{%",
            "HAHAHUGOSHORTCODE",
            "intercom-unlinked",
            "%7B%7B",
        ] {
            assert!(!page.html.contains(never), "{path}: {never}: {}", page.html);
        }

        let shown = if path.is_empty() { "(home)" } else { path };
        table.push(format!(
            "{shown:<40} {:>6} {:>6} {:>6} {:>4} {:>9}  {}",
            theirs.split(' ').count(),
            "yes",
            our_links.len(),
            shortcodes(&theirs),
            page.left_out.len(),
            lost.join(", ")
        ));
    }
    table.push(format!(
        "{} pages, {equal_pages} with the text Hugo shows",
        pages.len()
    ));
    eprintln!("{}", table.join("\n"));
}

#[test]
fn what_hugo_does_not_publish_is_skipped_and_never_sent() {
    let (pages, errors) = sources(FolderOptions::default());
    let mut skipped: BTreeMap<&str, &str> = BTreeMap::new();
    for error in &errors {
        assert!(
            error.skipped && error.covers == Covers::Nothing,
            "{error:?}"
        );
        skipped.insert(error.name.as_deref().unwrap(), &error.reason);
    }
    let reason = |file: &str| skipped.get(file).copied().unwrap_or("<not skipped>");
    for french in [
        "_index.fr.md",
        "guide/_index.fr.md",
        "guide/getting-started/calibrating.fr.md",
        "guide/reference/widgets/moon-phase.fr.md",
    ] {
        assert!(
            reason(french).starts_with("is in fr: only en pages are synced"),
            "{french}"
        );
    }
    assert!(reason("guide/reference/widgets/secret-chime.md").starts_with("is a draft"));
    // `cascade` with a `_target` path: the handbook's old pages are drafts.
    assert!(reason("handbook/old/press.md").starts_with("is a draft"));
    for never in [
        "guide/reference/widgets/prototype-dial.md",
        // The section cascades `_build: {render: never}` to itself and its pages.
        "workbench-notes/_index.md",
        "workbench-notes/catalogue-1998.md",
    ] {
        assert!(
            reason(never).starts_with("has build: {render: never}"),
            "{never}"
        );
    }
    assert!(reason("guide/snippets/index.md").starts_with("is a headless bundle"));
    assert!(
        reason("guide/snippets/oiling.md")
            .starts_with("is a resource of the leaf bundle guide/snippets/")
    );
    // `ignoreFiles` and the handbook mount's `excludeFiles`: Hugo never reads them.
    assert!(
        reason("guide/escapement.wip.md").starts_with("is matched by ignoreFiles (\\.wip\\.md$)"),
        "{}",
        reason("guide/escapement.wip.md")
    );
    assert!(
        reason("handbook/scratch/ideas.md").starts_with("is left out by its mount's files filter")
    );
    // A page of the section that renders itself again is published.
    assert!(pages.contains_key("workbench-notes/restoration/"));
    let sent: String = pages.values().map(|p| p.html.as_str()).collect();
    for unpublished in [
        "sea shanty",
        "workbench and must not",
        "headless bundle",
        "one drop of clock oil",
        "nine clocks",
        "retired in the spring",
        "Old notes",
    ] {
        assert!(!sent.contains(unpublished), "{unpublished}");
    }
}

#[test]
fn ids_are_the_paths_hugo_sees_and_urls_follow_the_front_matter() {
    let (pages, _) = sources(FolderOptions::default());
    let ids: BTreeMap<&str, &str> = pages
        .iter()
        .map(|(path, page)| (page.external_id.as_str(), path.as_str()))
        .collect();
    // The handbook is mounted from `src/handbook` on `content/handbook`.
    assert_eq!(ids["handbook/safety.md"], "handbook/safety/");
    assert_eq!(ids["handbook/_index.md"], "handbook/");
    // `slug:` renames the page, `url:` places it from the site's root.
    assert_eq!(
        ids["guide/getting-started/chiming.md"],
        "guide/getting-started/chime/"
    );
    assert_eq!(ids["guide/workshop.md"], "visit-the-workshop/");
    // `permalinks`: the journal's pages by date, then slug (else title); its section keeps
    // its path.
    assert_eq!(
        ids["journal/new-mainspring.md"],
        "journal/2024/02/a-new-mainspring-for-the-regulator/"
    );
    assert_eq!(ids["journal/bench-lamp.md"], "journal/2023/11/lamp/");
    assert_eq!(ids["journal/_index.md"], "journal/");
    // Aliases are redirects, not pages.
    assert!(!ids.values().any(|path| path.starts_with("winding/")));
}

#[test]
fn another_language_is_synced_when_asked() {
    let (pages, errors) = sources(FolderOptions::default().lang("fr"));
    let built = built("fr");
    let paths: Vec<String> = pages.keys().map(|p| p.to_owned()).collect();
    assert_eq!(
        paths,
        built.keys().cloned().collect::<Vec<_>>(),
        "the French pages, under fr/"
    );
    for (path, page) in &pages {
        let article = select(built[path].root_element(), "article.content")[0];
        let h1 = select(article, "h1")[0].text().collect::<String>();
        assert_eq!(page.title, h1, "{path}");
        let ours = Html::parse_fragment(&page.html);
        let text = visible(ours.root_element(), &[]);
        let theirs = visible(article, &["h1", ".heading-anchor"]);
        assert_eq!(
            unspaced(&text),
            unspaced(&theirs),
            "{path}: {text}\n{theirs}"
        );
    }
    assert!(errors.iter().any(
        |e| e.name.as_deref() == Some("guide/getting-started/winding.md")
            && e.reason.starts_with("is in en: only fr pages are synced")
    ));
    let unknown = read_folder(fixture().join("src"), FolderOptions::default().lang("de"));
    let error = unknown.err().unwrap().to_string();
    assert!(
        error.contains("\"de\" is not one of the site's languages (en, fr)"),
        "{error}"
    );
}

#[tokio::test]
async fn the_sample_syncs_and_a_second_run_sends_nothing() {
    let fake = FakeIntercom::builder().token("hugo").start().await.unwrap();
    let client = Client::builder()
        .token("hugo")
        .base_url(fake.base_url())
        .build()
        .unwrap();
    for run in 0..2 {
        fake.clear_requests();
        let pages = read_folder(fixture().join("src"), FolderOptions::default()).unwrap();
        let report = sync(
            &client,
            "https://hugo.example.com",
            stream::iter(pages),
            SyncOptions::default().prune(true),
        )
        .await
        .unwrap();
        assert!(!report.has_failures(), "{report}");
        let writes = fake.requests().iter().filter(|r| r.method != "GET").count();
        if run == 0 {
            assert_eq!(report.counts.created, 14, "{report}");
        } else {
            assert_eq!(writes, 0, "the second run sends nothing: {report}");
        }
    }
}
