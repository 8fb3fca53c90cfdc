//! Built-site input against the output of the real generators (`tests/fixtures/built/*/site`,
//! rebuilt by `tests/fixtures/built/rebuild.sh`): every published page once, at the URL the
//! site gives it, with its visible text and no theme text, links absolute, one language; and
//! a sync of each into the fake that a second run leaves alone.
//!
//! What each generator published is written by hand in its `expected.json`, from the sample's
//! sources and its build, not by this reader.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use futures::stream;
use intercom_client::Client;
use intercom_fake::FakeIntercom;
use intercom_sync::built::{BuiltOptions, read_built};
use intercom_sync::{DesiredPage, ItemError, SyncOptions, sync};
use scraper::{Html, Selector};
use serde::Deserialize;

const TOKEN: &str = "built-token";

#[derive(Deserialize)]
struct Expected {
    site_url: String,
    /// The sample's generator (`mkdocs-material`, `sphinx-furo`): its first word is in the
    /// name the reader detects.
    generator: String,
    pages: Vec<ExpectedPage>,
    #[serde(default)]
    not_pages: Vec<String>,
    #[serde(default)]
    theme_text: Vec<String>,
}

#[derive(Deserialize)]
struct ExpectedPage {
    url: String,
    #[serde(default = "english")]
    lang: String,
    title: String,
    #[serde(default)]
    sentences: Vec<String>,
    #[serde(default)]
    code: Vec<String>,
}

fn english() -> String {
    "en".into()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/built")
}

/// The options a docs team would pass: the site URL only when the build holds none (no
/// sitemap).
fn options(site: &Path, expected: &Expected) -> BuiltOptions {
    let options = BuiltOptions::default();
    if site.join("sitemap.xml").is_file() || site.join("sitemap-index.xml").is_file() {
        options
    } else {
        options.site_url(&expected.site_url).unwrap()
    }
}

/// Each generator's sample: its name, build folder and expectations.
fn samples() -> Vec<(String, PathBuf, Expected)> {
    let mut samples = Vec::new();
    for entry in std::fs::read_dir(fixtures()).expect("the fixtures folder") {
        let dir = entry.unwrap().path();
        let expected = dir.join("expected.json");
        if !expected.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&expected).unwrap();
        let expected: Expected =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        samples.push((name, dir.join("site"), expected));
    }
    samples.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        samples.len() >= 4,
        "the samples are missing: {samples:?}",
        samples = samples.iter().map(|s| &s.0).collect::<Vec<_>>()
    );
    samples
}

fn read(site: &Path, options: BuiltOptions) -> (Vec<DesiredPage>, Vec<ItemError>) {
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for item in read_built(site, options).unwrap() {
        match item {
            Ok(page) => pages.push(page),
            Err(e) => errors.push(e),
        }
    }
    (pages, errors)
}

/// The text a reader sees in `html`, whitespace collapsed.
fn visible_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let text: String = fragment.root_element().text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_published_page_once_at_its_url_with_its_text_and_no_theme_text() {
    for (name, site, expected) in samples() {
        let (pages, errors) = read(&site, options(&site, &expected));
        let failed: Vec<_> = errors.iter().filter(|e| !e.skipped).collect();
        assert!(failed.is_empty(), "{name}: {failed:?}");
        let default_lang = expected.pages.first().map(|p| p.lang.clone()).unwrap();
        let wanted: Vec<&ExpectedPage> = expected
            .pages
            .iter()
            .filter(|p| p.lang == default_lang)
            .collect();
        let urls: BTreeSet<&str> = pages.iter().filter_map(|p| p.url.as_deref()).collect();
        let expected_urls: BTreeSet<&str> = wanted.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(urls, expected_urls, "{name}: the published pages");
        assert_eq!(pages.len(), urls.len(), "{name}: each page once");

        for want in &wanted {
            let page = pages
                .iter()
                .find(|p| p.url.as_deref() == Some(want.url.as_str()))
                .unwrap();
            assert_eq!(page.title, want.title, "{name}: {}", want.url);
            let text = visible_text(&page.html);
            for sentence in want.sentences.iter().chain(&want.code) {
                assert!(
                    text.contains(&collapse(sentence)),
                    "{name}: {} lacks {sentence:?}: {text}",
                    want.url
                );
            }
            for theme in &expected.theme_text {
                assert!(
                    !text.contains(theme.as_str()),
                    "{name}: {} holds theme text {theme:?}: {text}",
                    want.url
                );
            }
            for mark in ["¶", "\u{200b}"] {
                assert!(!text.contains(mark), "{name}: {} holds {mark:?}", want.url);
            }
            assert_links_absolute(&name, &page.html);
        }
        for not_page in &expected.not_pages {
            let id = format!("/{}", not_page.trim_end_matches("index.html"));
            assert!(
                pages.iter().all(|p| p.external_id != id),
                "{name}: {not_page} is not a page"
            );
        }
    }
}

fn assert_links_absolute(name: &str, html: &str) {
    let fragment = Html::parse_fragment(html);
    let selector = Selector::parse("[href], [src]").unwrap();
    for element in fragment.select(&selector) {
        for attr in ["href", "src"] {
            if let Some(link) = element.value().attr(attr) {
                let ok = link.starts_with('#')
                    || link.starts_with("http://")
                    || link.starts_with("https://")
                    || link.starts_with("mailto:")
                    || link.starts_with("data:");
                assert!(ok, "{name}: a relative {attr} {link:?}");
            }
        }
    }
}

#[test]
fn a_translated_site_syncs_one_language_and_counts_the_others() {
    for (name, site, expected) in samples() {
        let languages: BTreeSet<&str> = expected.pages.iter().map(|p| p.lang.as_str()).collect();
        if languages.len() < 2 {
            continue;
        }
        for lang in languages {
            let (pages, errors) = read(&site, options(&site, &expected).lang(lang));
            let want: BTreeSet<&str> = expected
                .pages
                .iter()
                .filter(|p| p.lang == lang)
                .map(|p| p.url.as_str())
                .collect();
            let got: BTreeSet<&str> = pages.iter().filter_map(|p| p.url.as_deref()).collect();
            assert_eq!(got, want, "{name} in {lang}");
            let others = expected.pages.iter().filter(|p| p.lang != lang).count();
            let skipped = errors
                .iter()
                .filter(|e| e.skipped && e.reason.contains("synced"))
                .count();
            assert_eq!(skipped, others, "{name} in {lang}: {errors:?}");
        }
    }
}

#[tokio::test]
async fn each_sample_syncs_into_the_fake_and_a_second_run_sends_nothing() {
    for (name, site, expected) in samples() {
        let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
        let client = Client::builder()
            .token(TOKEN)
            .base_url(fake.base_url())
            .build()
            .unwrap();
        let source = format!("https://{name}.example.com");
        for run in 0..2 {
            fake.clear_requests();
            let pages = read_built(&site, options(&site, &expected)).unwrap();
            let report = sync(
                &client,
                &source,
                stream::iter(pages),
                SyncOptions::default().prune(true),
            )
            .await
            .unwrap();
            assert!(!report.has_failures(), "{name}: {report}");
            let writes = fake.requests().iter().filter(|r| r.method != "GET").count();
            if run == 1 {
                assert_eq!(writes, 0, "{name}: the second run sends nothing: {report}");
            } else {
                assert!(report.counts.created > 0, "{name}: {report}");
            }
        }
    }
}

/// A copy of a sample's build, to break.
fn copy_site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join(name).join("site"), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

async fn sync_site(fake: &FakeIntercom, site: &Path) -> intercom_sync::SyncReport {
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap();
    fake.clear_requests();
    let pages = read_built(site, BuiltOptions::default()).unwrap();
    sync(
        &client,
        "https://mkdocs.example.com",
        stream::iter(pages),
        SyncOptions::default().prune(true).force_prune(true),
    )
    .await
    .unwrap()
}

fn deletes(fake: &FakeIntercom) -> Vec<String> {
    fake.requests()
        .into_iter()
        .filter(|r| r.method == "DELETE")
        .map(|r| r.path)
        .collect()
}

#[tokio::test]
async fn a_page_the_sitemap_lists_but_cannot_be_read_keeps_its_page_and_a_gone_page_is_pruned() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let site = copy_site("mkdocs");
    let first = sync_site(&fake, site.path()).await;
    assert_eq!(first.counts.created, 10, "{first}");

    // The sitemap still lists both; one file is gone, one is not UTF-8.
    std::fs::remove_file(site.path().join("harvest-log/index.html")).unwrap();
    std::fs::write(site.path().join("about/circle/index.html"), b"<p>\xff</p>").unwrap();
    let report = sync_site(&fake, site.path()).await;
    assert!(deletes(&fake).is_empty(), "{report}");
    assert_eq!(fake.state().pages.len(), 10);
    let failed: Vec<String> = report.failures().map(|l| l.to_string()).collect();
    assert_eq!(failed.len(), 2, "{report}");
    assert!(failed.iter().any(|l| l.starts_with("skip /harvest-log/: failed: is in the sitemap, but the build has no harvest-log/index.html")), "{failed:?}");
    assert!(
        failed.iter().all(|l| l.ends_with("its page is kept")),
        "{failed:?}"
    );

    // Gone from the sitemap as well: published no more, so pruned.
    let sitemap = std::fs::read_to_string(site.path().join("sitemap.xml")).unwrap();
    let without = sitemap.replace(
        "https://mkdocs.example.com/harvest-log/",
        "https://other.example.com/x/",
    );
    std::fs::write(site.path().join("sitemap.xml"), without).unwrap();
    std::fs::copy(
        fixtures().join("mkdocs/site/about/circle/index.html"),
        site.path().join("about/circle/index.html"),
    )
    .unwrap();
    let report = sync_site(&fake, site.path()).await;
    assert_eq!(deletes(&fake).len(), 1, "{report}");
    assert_eq!(fake.state().pages.len(), 9);
}

#[test]
fn a_sitemap_that_cannot_be_read_whole_stops_the_sync_before_anything_is_sent() {
    let site = copy_site("mkdocs");
    let sitemap = site.path().join("sitemap.xml");
    let text = std::fs::read_to_string(&sitemap).unwrap();
    std::fs::write(&sitemap, &text[..text.len() / 2]).unwrap();
    let error = read_built(site.path(), BuiltOptions::default())
        .err()
        .unwrap();
    assert!(
        error.to_string().contains("is not well-formed XML"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .ends_with("the list of published pages is incomplete"),
        "{error}"
    );

    // An index that lists a sitemap the build does not hold.
    let site = copy_site("hugo");
    std::fs::remove_file(site.path().join("fr/sitemap.xml")).unwrap();
    let error = read_built(site.path(), BuiltOptions::default())
        .err()
        .unwrap();
    assert!(
        error.to_string().contains("which the build does not hold"),
        "{error}"
    );
}

#[test]
fn the_generator_is_named_even_when_it_writes_no_generator_meta() {
    for (name, site, expected) in samples() {
        let pages = read_built(&site, options(&site, &expected)).unwrap();
        let detected = pages.detected().generator.clone().unwrap_or_default();
        let word = expected.generator.split('-').next().unwrap();
        assert!(
            detected.to_lowercase().contains(word),
            "{name}: {detected:?} does not name {word}"
        );
        assert!(pages.detected().to_string().contains(&detected), "{name}");
    }
}

#[test]
fn sitemap_urls_of_another_site_are_left_out_and_counted() {
    let site = copy_site("mkdocs");
    let sitemap = site.path().join("sitemap.xml");
    let text = std::fs::read_to_string(&sitemap).unwrap();
    let foreign = "<url><loc>https://elsewhere.example.org/guide/</loc></url></urlset>";
    std::fs::write(&sitemap, text.replace("</urlset>", foreign)).unwrap();
    let before = read(&fixtures().join("mkdocs/site"), BuiltOptions::default()).0;
    let pages = read_built(site.path(), BuiltOptions::default()).unwrap();
    assert_eq!(pages.detected().elsewhere, 1);
    assert!(
        pages
            .detected()
            .to_string()
            .contains("1 sitemap URLs of another site left out"),
        "{}",
        pages.detected()
    );
    // (the blog's listings are left out as before, as skipped items)
    let after: Vec<DesiredPage> = pages.filter_map(Result::ok).collect();
    assert_eq!(after.len(), before.len());
}

#[test]
fn globs_choose_pages_and_can_take_a_listing_page() {
    let site = fixtures().join("docusaurus/site");
    let ids = |options: BuiltOptions| -> Vec<String> {
        let (pages, _) = read(&site, options);
        let mut ids: Vec<String> = pages.into_iter().map(|p| p.external_id).collect();
        ids.sort();
        ids
    };
    let docs = ids(BuiltOptions::default().include(["/docs/**".to_owned()]));
    assert!(
        !docs.is_empty() && docs.iter().all(|id| id.starts_with("/docs/")),
        "{docs:?}"
    );
    let no_blog = ids(BuiltOptions::default().exclude(["/blog/**".to_owned()]));
    assert!(
        no_blog.iter().all(|id| !id.starts_with("/blog/")),
        "{no_blog:?}"
    );
    let all = ids(BuiltOptions::default());
    let posts = all.iter().filter(|id| id.starts_with("/blog/")).count();
    assert_eq!(posts, 3, "{all:?}");
    assert_eq!(no_blog.len(), all.len() - posts);
    let tags = ids(BuiltOptions::default().include(["/blog/tags/**".to_owned()]));
    assert!(!tags.is_empty(), "a listing page named by a glob is taken");
}

#[test]
fn a_folder_looks_built_with_an_index_html_and_no_markdown() {
    use intercom_sync::built::looks_built;
    for (name, _, _) in samples() {
        assert!(looks_built(&fixtures().join(&name).join("site")), "{name}");
    }
    let dir = tempfile::tempdir().unwrap();
    assert!(!looks_built(dir.path()), "no index.html");
    std::fs::write(dir.path().join("index.html"), "<p>Home</p>").unwrap();
    assert!(looks_built(dir.path()));
    for markdown in ["README.md", "intro.mdx"] {
        std::fs::write(dir.path().join(markdown), "# Sources").unwrap();
        assert!(!looks_built(dir.path()), "{markdown}");
        std::fs::remove_file(dir.path().join(markdown)).unwrap();
    }
    assert!(!looks_built(&dir.path().join("index.html")), "a file");
}

#[test]
fn the_detection_line_counts_only_what_was_left_out() {
    let mut seen = BTreeSet::new();
    for (name, site, expected) in samples() {
        let pages = read_built(&site, options(&site, &expected)).unwrap();
        let detected = pages.detected();
        let line = detected.to_string();
        let said = format!(", {} listing or other pages left out", detected.left_out);
        assert_eq!(
            line.contains(&said),
            detected.left_out > 0,
            "{name}: {line}"
        );
        assert_eq!(
            line.contains("left out"),
            detected.left_out > 0,
            "{name}: {line}"
        );
        assert!(!line.contains("another site"), "{name}: {line}");
        seen.insert(detected.left_out > 0);
        // Every URL of a plain sitemap is either listed or left out.
        let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap_or_default();
        if sitemap.contains("<urlset") {
            let urls = sitemap.matches("<loc>").count();
            assert_eq!(detected.pages + detected.left_out, urls, "{name}: {line}");
        }
    }
    assert_eq!(seen.len(), 2, "samples with and without pages left out");
}

#[test]
fn a_theme_of_ones_own_is_read_with_the_selectors_given_and_big_pages_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let page = r#"<html lang="en"><head><title>Tides</title></head><body><main>
<div class="menu"><a href="/a/">Menu entry</a></div>
<div class="doc-body"><h1>Tides</h1><p>The tide turns twice a day.</p><div class="ad">Buy a boat</div></div>
</main></body></html>"#;
    std::fs::write(dir.path().join("index.html"), page).unwrap();
    let size = page.len() as u64;
    let read_one = |options: BuiltOptions| {
        let (pages, errors) = read(dir.path(), options.site_url("https://x.example/").unwrap());
        (pages.into_iter().next(), errors)
    };
    let (page, _) = read_one(
        BuiltOptions::default()
            .content_selector(".doc-body")
            .drop_selector(".ad"),
    );
    let html = page.unwrap().html;
    assert!(html.contains("The tide turns twice a day."), "{html}");
    for gone in ["Menu entry", "Buy a boat"] {
        assert!(!html.contains(gone), "{gone} in {html}");
    }
    let (page, errors) = read_one(BuiltOptions::default().max_file_bytes(100));
    assert!(page.is_none());
    assert!(
        errors[0]
            .reason
            .contains("more than the limit of 100 bytes"),
        "{errors:?}"
    );
    // A page of exactly the limit is read.
    let (page, errors) = read_one(BuiltOptions::default().max_file_bytes(size));
    assert!(page.is_some(), "{errors:?}");
}

#[test]
fn the_build_folder_must_be_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("index.html");
    std::fs::write(&file, "<p>x</p>").unwrap();
    let error = read_built(&file, BuiltOptions::default()).err().unwrap();
    assert!(error.to_string().ends_with("is not a directory"), "{error}");
    let error = read_built(dir.path().join("gone"), BuiltOptions::default())
        .err()
        .unwrap();
    assert!(error.to_string().contains("cannot be read"), "{error}");
}

#[test]
fn a_refresh_or_a_canonical_link_elsewhere_each_make_a_redirect_stub() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, head: &str| {
        let html = format!(
            "<html lang=\"en\"><head>{head}<title>T</title></head><body><main><p>Text of {name}.</p></main></body></html>"
        );
        std::fs::write(dir.path().join(name), html).unwrap();
    };
    write("index.html", "");
    write(
        "refresh.html",
        r#"<meta http-equiv="refresh" content="0; url=/index.html">"#,
    );
    write(
        "canonical.html",
        r#"<link rel="canonical" href="https://x.example/index.html">"#,
    );
    let (pages, errors) = read(
        dir.path(),
        BuiltOptions::default()
            .site_url("https://x.example/")
            .unwrap(),
    );
    let ids: Vec<&str> = pages.iter().map(|p| p.external_id.as_str()).collect();
    assert_eq!(ids, ["/"]);
    let mut stubs: Vec<(&str, bool)> = errors
        .iter()
        .map(|e| {
            (
                e.name.as_deref().unwrap(),
                e.reason.contains("redirect stub"),
            )
        })
        .collect();
    stubs.sort();
    assert_eq!(stubs, [("/canonical.html", true), ("/refresh.html", true)]);
}
