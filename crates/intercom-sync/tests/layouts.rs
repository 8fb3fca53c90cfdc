//! Site layouts: each sample's pages get the URL their generator publishes them at (a table
//! per layout), every relative link and image is made absolute, drafts are skipped, ignore
//! files are respected, front matter ids make a rename an update, and two files with one id
//! stop the sync before anything is written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use futures::stream;
use intercom_client::Client;
use intercom_fake::FakeIntercom;
use intercom_sync::folder::{FolderOptions, InputError, Layout, read_folder};
use intercom_sync::{Covers, DesiredPage, ItemError, PlannedAction, SyncOptions, SyncReport};
use scraper::{Html, Selector};
use url::Url;

const TOKEN: &str = "layout-token";

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn read(root: &Path, options: FolderOptions) -> (Vec<DesiredPage>, Vec<ItemError>) {
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for item in read_folder(root, options).unwrap() {
        match item {
            Ok(page) => pages.push(page),
            Err(e) => errors.push(e),
        }
    }
    (pages, errors)
}

/// Asserts the pages are exactly `table`'s: (file, external id, URL). The file column says
/// which file each row is; the pages say only their id and URL.
fn assert_urls(pages: &[DesiredPage], table: &[(&str, &str, &str)]) {
    let actual: BTreeMap<&str, &str> = pages
        .iter()
        .map(|p| (p.external_id.as_str(), p.url.as_deref().unwrap_or("<none>")))
        .collect();
    let expected: BTreeMap<&str, &str> = table.iter().map(|(_, id, url)| (*id, *url)).collect();
    assert_eq!(actual, expected);
}

/// Every link and image of every page is absolute (or an anchor on the page), and a link
/// into the site that names a page of the folder is that page's URL: no `.md` is left.
fn assert_links_resolved(pages: &[DesiredPage], site: &str) -> usize {
    let urls: Vec<&str> = pages.iter().filter_map(|p| p.url.as_deref()).collect();
    let selector = Selector::parse("a[href], img[src]").unwrap();
    let mut checked = 0;
    for page in pages {
        let document = Html::parse_fragment(&page.html);
        for element in document.select(&selector) {
            let value = element.value();
            let link = value.attr("href").or(value.attr("src")).unwrap();
            checked += 1;
            if link.starts_with('#') {
                continue;
            }
            let url = Url::parse(link)
                .unwrap_or_else(|_| panic!("{}: relative link {link:?} left", page.external_id));
            if !link.starts_with(site) || value.name() == "img" {
                continue;
            }
            let mut without_fragment = url.clone();
            without_fragment.set_fragment(None);
            assert!(
                urls.contains(&without_fragment.as_str()),
                "{}: {link} is not a page's URL ({urls:?})",
                page.external_id
            );
        }
    }
    checked
}

fn page<'a>(pages: &'a [DesiredPage], id: &str) -> &'a DesiredPage {
    pages
        .iter()
        .find(|p| p.external_id == id)
        .unwrap_or_else(|| panic!("no page {id}"))
}

fn draft_ids(errors: &[ItemError]) -> Vec<&str> {
    errors
        .iter()
        .filter(|e| e.skipped && e.covers == Covers::Nothing && e.reason.contains("draft"))
        .filter_map(|e| e.name.as_deref())
        .collect()
}

#[test]
fn docusaurus_sample_pages_are_where_docusaurus_publishes_them() {
    let (pages, errors) = read(&sample("docusaurus-site"), FolderOptions::default());
    let site = "https://docs.example.com/docs/";
    assert_urls(
        &pages,
        &[
            ("docs/index.md", "index", "https://docs.example.com/docs/"),
            // A category index (index.md, README.md, or the folder's own name) is the folder;
            // number prefixes are dropped from ids and URLs.
            (
                "docs/01-getting-started/index.md",
                "getting-started/index",
                "https://docs.example.com/docs/getting-started",
            ),
            (
                "docs/01-getting-started/02-install.mdx",
                "getting-started/install",
                "https://docs.example.com/docs/getting-started/install",
            ),
            // `id: create-first-label` replaces the file name, in the id and the URL.
            (
                "docs/01-getting-started/first-label.md",
                "getting-started/create-first-label",
                "https://docs.example.com/docs/getting-started/create-first-label",
            ),
            (
                "docs/guides/guides.md",
                "guides/guides",
                "https://docs.example.com/docs/guides",
            ),
            // `slug: /returns`: from the docs root; `slug: keys`: beside the file.
            (
                "docs/guides/returns.md",
                "guides/returns",
                "https://docs.example.com/docs/returns",
            ),
            (
                "docs/guides/api-keys.md",
                "guides/api-keys",
                "https://docs.example.com/docs/guides/keys",
            ),
        ],
    );
    assert!(assert_links_resolved(&pages, site) >= 12);
    assert_eq!(draft_ids(&errors), ["guides/bulk-returns"]);
    assert_eq!(errors.len(), 1, "{errors:?}");

    let install = page(&pages, "getting-started/install");
    assert_eq!(install.title, "Install Parcelwise");
    for gone in ["import", "Tabs", "TabItem", "Snippet", ":::"] {
        assert!(!install.html.contains(gone), "{gone}: {}", install.html);
    }
    assert!(
        install.html.contains("Parcelwise Helper.dmg"),
        "{}",
        install.html
    );
    assert!(
        install
            .html
            .contains("<strong>Check the printer first</strong>")
    );
    assert!(
        install
            .html
            .contains("href=\"https://docs.example.com/docs/getting-started/create-first-label\"")
    );

    let label = page(&pages, "getting-started/create-first-label");
    // Docusaurus publishes an image it bundles under a hashed name: its alt, no URL.
    assert!(
        label.html.contains("<img alt=\"The label preview\" />"),
        "{}",
        label.html
    );
    assert!(
        label
            .html
            .contains("href=\"https://docs.example.com/docs/returns#return-rules\"")
    );
    assert!(
        label
            .html
            .contains("<aside class=\"admonition admonition-note\">")
    );
    assert_eq!(
        (label.ai_agent_availability, label.ai_copilot_availability),
        (Some(true), Some(false))
    );

    let keys = page(&pages, "guides/api-keys");
    for rendered in ["<del>", "type=\"checkbox\"", "footnote-definition"] {
        assert!(keys.html.contains(rendered), "{rendered}: {}", keys.html);
    }
    let returns = page(&pages, "guides/returns");
    assert!(returns.html.contains("<table>") && returns.html.contains("<strong>Refunds"));
}

#[test]
fn mkdocs_sample_pages_are_where_mkdocs_publishes_them() {
    let (pages, errors) = read(&sample("mkdocs-site"), FolderOptions::default());
    let site = "https://handbook.example.com/";
    assert_urls(
        &pages,
        &[
            ("docs/index.md", "index.md", "https://handbook.example.com/"),
            (
                "docs/setup.md",
                "setup.md",
                "https://handbook.example.com/setup/",
            ),
            (
                "docs/guides/index.md",
                "guides/index.md",
                "https://handbook.example.com/guides/",
            ),
            (
                "docs/guides/returns.md",
                "guides/returns.md",
                "https://handbook.example.com/guides/returns/",
            ),
            // `external_id` names the page; the URL is still the file's.
            (
                "docs/guides/carriers/dhl.md",
                "carrier-dhl",
                "https://handbook.example.com/guides/carriers/dhl/",
            ),
            // docs/internal/ is in docs/.intercomignore; docs/guides/holidays.md is a draft.
        ],
    );
    assert!(assert_links_resolved(&pages, site) >= 8);
    assert_eq!(draft_ids(&errors), ["guides/holidays.md"]);
    assert_eq!(errors.len(), 1, "{errors:?}");

    let setup = page(&pages, "setup.md");
    assert!(
        setup.html.contains("<strong>Before you start</strong>"),
        "{}",
        setup.html
    );
    assert!(setup.html.contains("<strong>Tip</strong>"));
    assert!(
        setup
            .html
            .contains("href=\"https://handbook.example.com/guides/returns/#refunds\"")
    );
    assert!(
        setup
            .html
            .contains("src=\"https://handbook.example.com/img/dashboard.png\"")
    );
    assert!(!setup.html.contains("!!!") && !setup.html.contains("???"));
    let returns = page(&pages, "guides/returns.md");
    assert!(
        returns.html.contains("<strong>Info</strong>"),
        "nested: {}",
        returns.html
    );
    let dhl = page(&pages, "carrier-dhl");
    assert_eq!(
        (dhl.ai_agent_availability, dhl.ai_copilot_availability),
        (Some(false), Some(true))
    );
}

#[test]
fn mkdocs_without_directory_urls_publishes_html_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "mkdocs.yml",
        "site_name: X\nsite_url: https://m.example.com/help/\nuse_directory_urls: false\ndocs_dir: pages\n",
    );
    write(root, "pages/index.md", "# Home\n\n[A](a.md)");
    write(root, "pages/a.md", "# A");
    write(root, "pages/sub/README.md", "# Sub");
    write(root, "pages/both/index.md", "# Both");
    write(root, "pages/both/README.md", "# Left out: index.md wins");
    let (pages, errors) = read(root, FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_urls(
        &pages,
        &[
            ("pages/a.md", "a.md", "https://m.example.com/help/a.html"),
            (
                "pages/both/index.md",
                "both/index.md",
                "https://m.example.com/help/both/index.html",
            ),
            (
                "pages/index.md",
                "index.md",
                "https://m.example.com/help/index.html",
            ),
            (
                "pages/sub/README.md",
                "sub/README.md",
                "https://m.example.com/help/sub/index.html",
            ),
        ],
    );
    assert!(
        page(&pages, "index.md")
            .html
            .contains("href=\"https://m.example.com/help/a.html\"")
    );
}

#[test]
fn hugo_pages_are_where_hugo_publishes_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "hugo.toml",
        "baseURL = 'https://blog.example.com/'\ntitle = 'X'\n",
    );
    write(
        root,
        "content/_index.md",
        "---\ntitle: Home\n---\nWelcome. [Setup](<docs/Getting Started.md>)",
    );
    write(
        root,
        "content/docs/_index.md",
        "---\ntitle: Docs\nslug: ignored-on-sections\n---\nAll docs.",
    );
    write(
        root,
        "content/docs/Getting Started.md",
        "# Getting started\n\n![x](shot.png) [home](../_index.md)",
    );
    write(
        root,
        "content/docs/renamed.md",
        "---\nslug: Other-Name\n---\n# Slug",
    );
    write(root, "content/docs/bundle/index.md", "# A leaf bundle");
    write(
        root,
        "content/about.md",
        "---\nurl: /company/about-us/\n---\n# About",
    );
    write(root, "content/legacy.html", "<h1>Legacy</h1>");
    write(root, "content/wip.md", "---\ndraft: true\n---\n# WIP");
    let (pages, errors) = read(root, FolderOptions::default());
    assert_urls(
        &pages,
        &[
            (
                "content/_index.md",
                "_index.md",
                "https://blog.example.com/",
            ),
            (
                "content/about.md",
                "about.md",
                "https://blog.example.com/company/about-us/",
            ),
            (
                "content/docs/_index.md",
                "docs/_index.md",
                "https://blog.example.com/docs/",
            ),
            // Hugo lower-cases paths and turns spaces into hyphens.
            (
                "content/docs/Getting Started.md",
                "docs/Getting Started.md",
                "https://blog.example.com/docs/getting-started/",
            ),
            (
                "content/docs/bundle/index.md",
                "docs/bundle/index.md",
                "https://blog.example.com/docs/bundle/",
            ),
            (
                "content/docs/renamed.md",
                "docs/renamed.md",
                "https://blog.example.com/docs/other-name/",
            ),
            (
                "content/legacy.html",
                "legacy.html",
                "https://blog.example.com/legacy/",
            ),
        ],
    );
    assert_links_resolved(&pages, "https://blog.example.com/");
    assert_eq!(draft_ids(&errors), ["wip.md"]);
    let home = page(&pages, "_index.md");
    assert!(
        home.html
            .contains("href=\"https://blog.example.com/docs/getting-started/\""),
        "{}",
        home.html
    );
}

#[test]
fn mdbook_pages_are_where_mdbook_publishes_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "book.toml",
        "[book]\ntitle = 'Ops book'\nsrc = 'chapters'\n",
    );
    write(
        root,
        "chapters/SUMMARY.md",
        "# Summary\n\n- [Intro](README.md)\n- [Deploy](ops/deploy.md)\n",
    );
    write(
        root,
        "chapters/README.md",
        "# Intro\n\nSee [deploying](ops/deploy.md#rollback).",
    );
    write(
        root,
        "chapters/ops/README.md",
        "# Ops\n\nNot in SUMMARY.md: mdBook does not publish it.",
    );
    write(
        root,
        "chapters/ops/deploy.md",
        "# Deploy\n\n## Rollback\n\n[Back](../README.md)\n\n```rust\n{{#include ../../scripts/rollback.rs:run}}\n```\n",
    );
    write(
        root,
        "scripts/rollback.rs",
        "// ANCHOR: run\nrollback();\n// ANCHOR_END: run\n",
    );
    write(root, "chapters/404.md", "# Lost at sea");
    let options = || {
        FolderOptions::default()
            .site_url("https://book.example.com/ops-book")
            .unwrap()
    };
    let (pages, errors) = read(root, options());
    assert_urls(
        &pages,
        &[
            (
                "chapters/README.md",
                "README.md",
                "https://book.example.com/ops-book/index.html",
            ),
            (
                "chapters/ops/deploy.md",
                "ops/deploy.md",
                "https://book.example.com/ops-book/ops/deploy.html",
            ),
        ],
    );
    assert_links_resolved(&pages, "https://book.example.com/ops-book/");
    assert!(
        page(&pages, "README.md")
            .html
            .contains("href=\"https://book.example.com/ops-book/ops/deploy.html#rollback\"")
    );
    assert!(
        page(&pages, "ops/deploy.md")
            .html
            .contains("<code class=\"language-rust\">rollback();\n</code>"),
        "{}",
        page(&pages, "ops/deploy.md").html
    );
    // A Markdown file that is not a chapter is unpublished, like a draft: skipped, and with
    // --prune its page is deleted. So is 404.md, which mdBook renders as its 404 page.
    let unpublished: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| {
            assert!(e.skipped && e.covers == Covers::Nothing, "{e:?}");
            (e.name.as_deref().unwrap(), e.reason.as_str())
        })
        .collect();
    assert_eq!(unpublished.len(), 2, "{errors:?}");
    assert_eq!(unpublished[0].0, "404.md");
    assert!(
        unpublished[0]
            .1
            .starts_with("is mdBook's page for unknown URLs")
    );
    assert_eq!(unpublished[1].0, "ops/README.md");
    assert!(
        unpublished[1]
            .1
            .starts_with("is not a chapter in SUMMARY.md"),
        "{}",
        unpublished[1].1
    );

    // An include that cannot be resolved fails its page, which keeps its current version.
    write(root, "scripts/rollback.rs", "rollback();\n");
    let (pages, errors) = read(root, options());
    assert_eq!(pages.len(), 1);
    assert_eq!(errors.len(), 3);
    let failed = errors.iter().find(|e| !e.skipped).unwrap();
    assert_eq!(failed.covers, Covers::Page("ops/deploy.md".into()));
    assert_eq!(
        failed.reason,
        "{{#include ../../scripts/rollback.rs:run}}: ../../scripts/rollback.rs has no anchor \"run\""
    );

    // Without SUMMARY.md there is no book: nothing is read, rather than every page skipped.
    fs::remove_file(root.join("chapters/SUMMARY.md")).unwrap();
    let error = read_folder(root, options()).err().unwrap();
    assert!(
        matches!(&error, InputError::Config { path, .. } if path.ends_with("chapters/SUMMARY.md")),
        "{error}"
    );
}

#[test]
fn plain_keeps_paths_and_the_layout_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "mkdocs.yml",
        "site_name: X\nsite_url: https://x.example/\n",
    );
    write(root, "a.md", "# A\n\n[b](sub/b.html#x)");
    write(root, "sub/b.html", "<h1>B</h1><a href=\"../a.md\">a</a>");
    // mkdocs.yml has no docs/ beside it here: the folder itself is read.
    let (pages, _) = read(root, FolderOptions::default());
    assert_eq!(
        page(&pages, "a.md").url.as_deref(),
        Some("https://x.example/a/")
    );

    let forced = FolderOptions::default()
        .layout(Layout::Plain)
        .site_url("https://files.example/kb")
        .unwrap();
    let (pages, _) = read(root, forced);
    assert_urls(
        &pages,
        &[
            ("a.md", "a.md", "https://files.example/kb/a.md"),
            (
                "sub/b.html",
                "sub/b.html",
                "https://files.example/kb/sub/b.html",
            ),
        ],
    );
    assert!(
        page(&pages, "a.md")
            .html
            .contains("href=\"https://files.example/kb/sub/b.html#x\"")
    );
    assert!(
        page(&pages, "sub/b.html")
            .html
            .contains("href=\"https://files.example/kb/a.md\"")
    );
    assert_eq!("hugo".parse::<Layout>().unwrap(), Layout::Hugo);
    assert!(
        "jekyll"
            .parse::<Layout>()
            .unwrap_err()
            .to_string()
            .contains("not a layout")
    );
}

#[test]
fn ignore_files_are_respected() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git_repository(root);
    write(root, ".gitignore", "build/\n*.tmp.md\n");
    write(
        root,
        ".intercomignore",
        "internal/\n!internal/public.md\nsecret.md\n",
    );
    write(root, "kept.md", "# Kept");
    write(root, "secret.md", "# Secret");
    write(root, "draft.tmp.md", "# Temp");
    write(root, "build/out.html", "<h1>Built</h1>");
    write(root, "internal/notes.md", "# Notes");
    write(root, "internal/public.md", "# Public");
    write(root, "guides/.intercomignore", "old-*.md\n");
    write(root, "guides/old-setup.md", "# Old");
    write(root, "guides/setup.md", "# Setup");
    let (pages, errors) = read(root, FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<_> = pages.iter().map(|p| p.external_id.as_str()).collect();
    // gitignore semantics: a file under an ignored folder cannot be re-included.
    assert_eq!(ids, ["guides/setup.md", "kept.md"]);
}

/// What `git init` leaves that tells a repository (the walk looks for `.git`).
fn git_repository(root: &Path) {
    std::fs::create_dir_all(root.join(".git/info")).unwrap();
    write(root, ".git/HEAD", "ref: refs/heads/main\n");
}

fn ids_of(root: &Path) -> Vec<String> {
    let (pages, errors) = read(root, FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let mut ids: Vec<_> = pages.into_iter().map(|p| p.external_id).collect();
    ids.sort();
    ids
}

/// Issue 22, finding 7: ignore files apply as git applies them.
#[test]
fn gitignore_files_apply_within_the_repository_that_holds_the_folder_only() {
    // No repository anywhere: no .gitignore applies, above the folder or in it.
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("a/site");
    write(top.path(), ".gitignore", "*\n");
    write(&dir, ".gitignore", "c.md\n");
    for name in ["a.md", "b.md", "c.md"] {
        write(&dir, name, "# Page\n");
    }
    assert_eq!(ids_of(&dir), ["a.md", "b.md", "c.md"]);

    // The folder is a repository: its own .gitignore applies, none above its root.
    write(top.path(), ".gitignore", "b.md\n");
    git_repository(&dir);
    assert_eq!(ids_of(&dir), ["a.md", "b.md"]);

    // The repository's root is above the folder: the .gitignore files from that root down
    // apply, and .git/info/exclude too.
    let top = tempfile::tempdir().unwrap();
    let repo = top.path().join("repo");
    let dir = repo.join("docs");
    write(top.path(), ".gitignore", "a.md\n");
    git_repository(&repo);
    write(&repo, ".gitignore", "b.md\n");
    write(&repo, ".git/info/exclude", "c.md\n");
    for name in ["a.md", "b.md", "c.md", "d.md"] {
        write(&dir, name, "# Page\n");
    }
    assert_eq!(ids_of(&dir), ["a.md", "d.md"]);

    // .intercomignore is the sync's own: it applies in or above the folder, repository or not.
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("site");
    write(top.path(), ".intercomignore", "a.md\n");
    for name in ["a.md", "b.md"] {
        write(&dir, name, "# Page\n");
    }
    assert_eq!(ids_of(&dir), ["b.md"]);
}

/// Issue 24: Docusaurus 3 parses `.md` as MDX, so its imports and components are code, never
/// text; `{#custom-id}` is a heading's id. With `markdown.format: 'detect'` a `.md` file is
/// CommonMark, as Docusaurus reads it then.
#[test]
fn docusaurus_reads_md_files_as_mdx_unless_told_to_detect() {
    let page = "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n\
        ## Install {#install-it}\n\n<Tabs>\n<TabItem value=\"npm\" label=\"npm\">\n\n\
        Run the installer.\n\n</TabItem>\n</Tabs>\n\n<TOCInline toc={toc} />\n";
    for (config, mdx) in [
        ("module.exports = { baseUrl: '/' };", true),
        (
            "module.exports = { baseUrl: '/', markdown: { format: 'detect' } };",
            false,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "docusaurus.config.js", config);
        write(dir.path(), "docs/setup.md", page);
        let (pages, errors) = read(dir.path(), FolderOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        let html = &pages[0].html;
        assert!(html.contains("Run the installer."), "{html}");
        assert!(
            html.contains(r#"<h2 id="install-it">Install</h2>"#),
            "{html}"
        );
        for syntax in ["import ", "<Tabs>", "TabItem", "TOCInline"] {
            assert_eq!(!html.contains(syntax), mdx, "{syntax} in {html}");
        }
    }
}

#[test]
fn two_files_with_one_id_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", "---\nexternal_id: faq\n---\n# A");
    write(root, "b/c.md", "---\nexternal_id: faq\n---\n# C");
    let err = read_folder(root, FolderOptions::default()).err().unwrap();
    assert!(matches!(err, InputError::DuplicateId { .. }));
    assert_eq!(
        err.to_string(),
        "two files claim the external id \"faq\": a.md and b/c.md"
    );

    // Docusaurus: `a.md` and `a.mdx` are both the doc `a`.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "docusaurus.config.js",
        "module.exports = { baseUrl: '/' };",
    );
    write(dir.path(), "docs/a.md", "# A");
    write(dir.path(), "docs/a.mdx", "# A too");
    let err = read_folder(dir.path(), FolderOptions::default())
        .err()
        .unwrap();
    assert_eq!(
        err.to_string(),
        "two files claim the external id \"a\": a.md and a.mdx"
    );
}

#[test]
fn an_unreadable_file_keeps_only_its_page_when_its_id_is_proven_else_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let limit = || FolderOptions::default().max_file_bytes(200);
    // Too large, but its head shows no front matter: its id is its path.
    write(root, "big.md", &"x".repeat(300));
    // Too large, with front matter setting its id: read from its head.
    write(
        root,
        "big-named.md",
        &format!("---\nexternal_id: kb-9\n---\n{}", "y".repeat(300)),
    );
    // Not UTF-8 past its front matter.
    fs_write(
        root,
        "latin1.md",
        b"---\nexternal_id: kb-8\n---\n# Caf\xe9\n",
    );
    // An HTML file sets no id: its path is its id, whatever its bytes.
    fs_write(root, "page.html", b"<h1>Caf\xe9</h1>");
    let (_, errors) = read(root, limit());
    let covers: Vec<_> = errors
        .iter()
        .map(|e| (e.name.clone().unwrap(), e.covers.clone()))
        .collect();
    assert_eq!(
        covers,
        [
            ("big-named.md".into(), Covers::Page("kb-9".into())),
            ("big.md".into(), Covers::Page("big.md".into())),
            ("latin1.md".into(), Covers::Page("kb-8".into())),
            ("page.html".into(), Covers::Page("page.html".into())),
        ]
    );

    // Front matter that does not parse, or bytes that hide it: the id is unknown.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "typo.md", "---\nexternal_id: [kb-7\n---\n# Typo");
    fs_write(root, "hidden.md", b"---\nexternal_id: kb-\xff\n---\n# X");
    write(
        root,
        "empty-id.md",
        "---\nexternal_id: \"\"\n---\n# Empty id",
    );
    let (_, errors) = read(root, limit());
    assert_eq!(errors.len(), 3, "{errors:?}");
    for error in &errors {
        assert_eq!(error.covers, Covers::All, "{error:?}");
        assert!(
            error
                .reason
                .ends_with("(its front matter could set any external id)"),
            "{error}"
        );
    }
}

#[cfg(unix)]
#[test]
fn links_and_names_that_cannot_be_read_keep_every_page_unless_their_id_is_their_path() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        outside.path(),
        "guide/x.md",
        "---\nexternal_id: guide-x\n---\n# X",
    );
    write(outside.path(), "shared.md", "# Shared");
    write(outside.path(), "shared.html", "<h1>Shared</h1>");
    write(root, "a.md", "# A");
    symlink(outside.path().join("guide"), root.join("guide")).unwrap();
    symlink(outside.path().join("shared.md"), root.join("shared.md")).unwrap();
    symlink(outside.path().join("shared.html"), root.join("shared.html")).unwrap();
    symlink(root.join("loop.md"), root.join("loop.md")).unwrap();
    symlink(root.join("gone"), root.join("dangling")).unwrap();
    symlink(root.join("gone.png"), root.join("logo.png")).unwrap();
    fs_write_os(root, b"caf\xe9.md", b"# Latin-1 name");
    let (pages, errors) = read(root, FolderOptions::default());
    assert_eq!(pages.len(), 1);
    let covers: Vec<_> = errors
        .iter()
        .map(|e| (e.name.clone().unwrap(), e.covers.clone()))
        .collect();
    assert_eq!(
        covers,
        [
            ("caf\u{fffd}.md".into(), Covers::All),
            ("dangling".into(), Covers::All),
            ("guide".into(), Covers::All),
            ("loop.md".into(), Covers::All),
            ("shared.html".into(), Covers::Page("shared.html".into())),
            ("shared.md".into(), Covers::All),
        ],
        "{errors:?}"
    );
}

fn fs_write(root: &Path, relative: &str, bytes: &[u8]) {
    std::fs::write(root.join(relative), bytes).unwrap();
}

#[cfg(unix)]
fn fs_write_os(root: &Path, name: &[u8], bytes: &[u8]) {
    use std::os::unix::ffi::OsStrExt;
    std::fs::write(root.join(std::ffi::OsStr::from_bytes(name)), bytes).unwrap();
}

async fn sync_folder(fake: &FakeIntercom, root: &Path, prune: bool) -> SyncReport {
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap();
    let pages = read_folder(root, FolderOptions::default()).unwrap();
    fake.clear_requests();
    intercom_sync::sync(
        &client,
        "https://handbook.example.com",
        stream::iter(pages),
        SyncOptions::default().prune(prune),
    )
    .await
    .unwrap()
}

fn copy(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[tokio::test]
async fn a_rename_that_keeps_its_id_is_one_update_and_no_delete() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy(&sample("mkdocs-site"), dir.path());
    let first = sync_folder(&fake, dir.path(), true).await;
    assert_eq!(
        (first.counts.created, first.counts.failed),
        (5, 0),
        "{first}"
    );
    let dhl = |fake: &FakeIntercom| {
        let state = fake.state();
        let page = state
            .pages
            .iter()
            .find(|p| p.external_id == "carrier-dhl")
            .cloned();
        page.unwrap()
    };
    let before = dhl(&fake);
    assert!(
        !before.ai_agent_availability && before.ai_copilot_availability,
        "availability from front matter"
    );

    let docs = dir.path().join("docs/guides/carriers");
    fs::rename(docs.join("dhl.md"), docs.join("dhl-express.md")).unwrap();
    let second = sync_folder(&fake, dir.path(), true).await;
    let updated: Vec<&str> = second
        .pages
        .iter()
        .filter(|p| p.action == PlannedAction::Update)
        .map(|p| p.external_id.as_str())
        .collect();
    // The renamed page is an update (its URL follows the file), and so is the page linking to
    // it: its link now points at a file that is gone. Nothing is created or deleted.
    assert_eq!(updated, ["carrier-dhl", "guides/index.md"], "{second}");
    assert_eq!(
        (second.counts.created, second.counts.deleted),
        (0, 0),
        "{second}"
    );
    let methods: Vec<_> = fake
        .requests()
        .iter()
        .filter(|r| r.method != "GET")
        .map(|r| r.method.clone())
        .collect();
    assert_eq!(methods, ["POST", "POST"], "two upserts, no delete");
    let after = dhl(&fake);
    assert_eq!(after.id, before.id, "the same page");
    assert_eq!(
        after.url.as_deref(),
        Some("https://handbook.example.com/guides/carriers/dhl-express/")
    );

    // Fixing the link is one more update, of the linking page only.
    let index = dir.path().join("docs/guides/index.md");
    let text = fs::read_to_string(&index).unwrap();
    fs::write(
        &index,
        text.replace("carriers/dhl.md", "carriers/dhl-express.md"),
    )
    .unwrap();
    let third = sync_folder(&fake, dir.path(), true).await;
    assert_eq!(
        (
            third.counts.updated,
            third.counts.deleted,
            third.counts.created
        ),
        (1, 0, 0),
        "{third}"
    );
    let guides = fake
        .state()
        .pages
        .iter()
        .find(|p| p.external_id == "guides/index.md")
        .cloned()
        .unwrap();
    assert!(
        guides
            .html
            .contains("href=\"https://handbook.example.com/guides/carriers/dhl-express/\""),
        "{}",
        guides.html
    );
}

#[tokio::test]
async fn a_docusaurus_rename_that_keeps_its_id_changes_nothing() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy(&sample("docusaurus-site"), dir.path());
    let first = sync_folder(&fake, dir.path(), true).await;
    assert_eq!(first.counts.created, 7, "{first}");
    // Renumbering (01- → 05-) and renaming a file with an `id`: the same doc, the same URL.
    let docs = dir.path().join("docs");
    fs::rename(
        docs.join("01-getting-started"),
        docs.join("05-getting-started"),
    )
    .unwrap();
    fs::rename(
        docs.join("05-getting-started/first-label.md"),
        docs.join("05-getting-started/label-basics.md"),
    )
    .unwrap();
    for file in [
        "index.md",
        "guides/api-keys.md",
        "05-getting-started/02-install.mdx",
        "05-getting-started/index.md",
    ] {
        let path = docs.join(file);
        let text = fs::read_to_string(&path).unwrap();
        let text = text.replace(
            "01-getting-started/first-label.md",
            "05-getting-started/label-basics.md",
        );
        let text = text
            .replace("first-label", "label-basics")
            .replace("01-getting-started", "05-getting-started");
        fs::write(&path, text).unwrap();
    }
    let second = sync_folder(&fake, dir.path(), true).await;
    // The pages are the same docs at the same URLs (an image has no URL to move: Docusaurus
    // publishes it under a hashed name).
    let updated: Vec<&str> = second
        .pages
        .iter()
        .filter(|p| p.action == PlannedAction::Update)
        .map(|p| p.external_id.as_str())
        .collect();
    assert!(updated.is_empty(), "{second}");
    assert_eq!(
        (second.counts.created, second.counts.deleted),
        (0, 0),
        "{second}"
    );
}

#[tokio::test]
async fn a_page_that_becomes_a_draft_is_skipped_and_deleted_only_by_a_prune() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy(&sample("mkdocs-site"), dir.path());
    sync_folder(&fake, dir.path(), false).await;
    let setup = dir.path().join("docs/setup.md");
    let text = fs::read_to_string(&setup).unwrap();
    fs::write(
        &setup,
        text.replacen("title: Setting up", "title: Setting up\ndraft: true", 1),
    )
    .unwrap();

    let kept = sync_folder(&fake, dir.path(), false).await;
    assert_eq!((kept.counts.skipped, kept.counts.deleted), (2, 0), "{kept}");
    assert!(
        fake.state()
            .pages
            .iter()
            .any(|p| p.external_id == "setup.md")
    );

    let pruned = sync_folder(&fake, dir.path(), true).await;
    assert_eq!(
        (pruned.counts.skipped, pruned.counts.deleted),
        (2, 1),
        "{pruned}"
    );
    assert!(
        !fake
            .state()
            .pages
            .iter()
            .any(|p| p.external_id == "setup.md")
    );
}

/// Issue 24: `intercom sync .` from inside the content folder finds the site's config above
/// it, as git finds `.git` (within the repository), and gives the ids of a run from the root.
#[test]
fn the_config_is_found_above_the_content_folder_within_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("repo");
    write(
        &site,
        "mkdocs.yml",
        "site_name: KB\nsite_url: https://kb.example.com/\ndocs_dir: site/docs\n",
    );
    write(&site, "site/docs/guide/setup.md", "# Setup\n");
    write(&site, "site/docs/index.md", "# Home\n");
    let ids_urls = |root: &Path| -> Vec<(String, Option<String>)> {
        let (pages, errors) = read(root, FolderOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        let mut pages: Vec<_> = pages.into_iter().map(|p| (p.external_id, p.url)).collect();
        pages.sort();
        pages
    };
    let from_root = ids_urls(&site);
    assert_eq!(
        from_root[0],
        (
            "guide/setup.md".to_owned(),
            Some("https://kb.example.com/guide/setup/".to_owned())
        )
    );
    // Two folders down, as `intercom sync .` inside it.
    assert_eq!(ids_urls(&site.join("site/docs")), from_root);

    // A repository's top ends the search: a config above it is another project's.
    fs::create_dir_all(site.join("site/.git")).unwrap();
    let pages = read_folder(site.join("site/docs"), FolderOptions::default()).unwrap();
    assert_eq!(pages.detected().layout.name(), "plain");
}

/// Issue 24: relative links in raw HTML (`<a href>`, `<img src>` written by hand in Markdown)
/// were left relative; they are resolved like Markdown's.
#[test]
fn links_in_raw_html_are_resolved_like_markdown_links() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mkdocs.yml",
        "site_name: KB\nsite_url: https://kb.example.com/\n",
    );
    write(dir.path(), "docs/guide/setup.md", "# Setup\n");
    write(
        dir.path(),
        "docs/index.md",
        "# Home\n\n<p>See <a href=\"guide/setup.md#step\">setup</a>.</p>\n\n\
         Inline <img src=\"img/logo.png\" alt=\"logo\"> and [md](guide/setup.md).\n",
    );
    let (pages, errors) = read(dir.path(), FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let home = page(&pages, "index.md");
    for link in [
        r#"href="https://kb.example.com/guide/setup/#step""#,
        r#"src="https://kb.example.com/img/logo.png""#,
        r#"href="https://kb.example.com/guide/setup/">md</a>"#,
    ] {
        assert!(home.html.contains(link), "{link} in {}", home.html);
    }
}

/// Issue 24: a Docusaurus site whose docs live beside it (`docs: { path: '../docs' }`): its
/// folder holds the blog and a versions folder that `versions.json` does not list. The docs
/// are read from where the config says, at the docs' URLs, the blog's posts at theirs; a
/// content folder the config names that does not exist is an error, not a reason to read
/// the site's folder.
#[test]
fn docusaurus_docs_are_read_from_the_path_its_config_gives() {
    let dir = tempfile::tempdir().unwrap();
    let config = "module.exports = { url: 'https://d.example', baseUrl: '/', presets: [['classic', {\n  docs: { path: '../docs', routeBasePath: '/' },\n  blog: { path: 'blog' },\n}]] };";
    write(dir.path(), "website/docusaurus.config.js", config);
    write(dir.path(), "website/blog/2024-01-01-hello.md", "# Hello\n");
    write(
        dir.path(),
        "website/versioned_docs/version-1.0/intro.md",
        "# Old\n",
    );
    write(dir.path(), "docs/intro.md", "# Intro\n");
    write(dir.path(), "docs/guide/setup.md", "# Setup\n");
    let urls = |root: &Path| -> Vec<(String, Option<String>)> {
        let (pages, errors) = read(root, FolderOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        let mut pages: Vec<_> = pages.into_iter().map(|p| (p.external_id, p.url)).collect();
        pages.sort();
        pages
    };
    let from_site = urls(&dir.path().join("website"));
    assert_eq!(
        from_site,
        [
            (
                "blog/2024-01-01-hello".to_owned(),
                Some("https://d.example/blog/2024/01/01/hello".to_owned())
            ),
            (
                "guide/setup".to_owned(),
                Some("https://d.example/guide/setup".to_owned())
            ),
            (
                "intro".to_owned(),
                Some("https://d.example/intro".to_owned())
            ),
        ]
    );

    // A run from `docs/` finds the site beside it, and is the same run (prettier's layout).
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    let from_docs = read_folder(dir.path().join("docs"), FolderOptions::default()).unwrap();
    assert_eq!(
        from_docs.detected().config_file,
        Some(
            fs::canonicalize(dir.path())
                .unwrap()
                .join("website/docusaurus.config.js")
        )
    );
    assert_eq!(urls(&dir.path().join("docs")), from_site);

    fs::remove_dir_all(dir.path().join("docs")).unwrap();
    let error = read_folder(dir.path().join("website"), FolderOptions::default())
        .err()
        .unwrap();
    assert!(
        error
            .to_string()
            .contains("names \"../docs\" as its content folder, which is not a folder here"),
        "{error}"
    );
}

/// Issue 24: `lastVersion: 'current'` keeps the `docs/` folder at the docs' URL and puts the
/// released versions under their names; a version `versions.json` lists without its folder
/// stops the sync (reading `docs/` in its place would send unreleased text at its URLs).
#[test]
fn docusaurus_versions_follow_last_version_and_a_missing_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = "module.exports = { url: 'https://d.example', baseUrl: '/', presets: [['classic', {\n  docs: { lastVersion: 'current' },\n  blog: false,\n}]] };";
    write(dir.path(), "docusaurus.config.js", config);
    write(dir.path(), "versions.json", r#"["2.0", "1.0"]"#);
    write(dir.path(), "docs/intro.md", "# Intro, unreleased\n");
    write(
        dir.path(),
        "versioned_docs/version-2.0/intro.md",
        "# Intro 2\n",
    );
    write(
        dir.path(),
        "versioned_docs/version-1.0/intro.md",
        "# Intro 1\n",
    );
    write(
        dir.path(),
        "blog/2024-01-01-hello.md",
        "# Not read: blog: false\n",
    );
    let urls = |options: FolderOptions| -> Vec<(String, Option<String>)> {
        let (pages, errors) = read(dir.path(), options);
        assert!(errors.is_empty(), "{errors:?}");
        let mut pages: Vec<_> = pages.into_iter().map(|p| (p.external_id, p.url)).collect();
        pages.sort();
        pages
    };
    let pair = |id: &str, url: &str| (id.to_owned(), Some(url.to_owned()));
    assert_eq!(
        urls(FolderOptions::default()),
        [pair("intro", "https://d.example/docs/intro")]
    );
    assert_eq!(
        urls(FolderOptions::default().all_versions(true)),
        [
            pair("1.0/intro", "https://d.example/docs/1.0/intro"),
            pair("2.0/intro", "https://d.example/docs/2.0/intro"),
            pair("intro", "https://d.example/docs/intro"),
        ]
    );
    fs::remove_dir_all(dir.path().join("versioned_docs/version-1.0")).unwrap();
    let all = read_folder(dir.path(), FolderOptions::default().all_versions(true));
    let error = all.err().unwrap().to_string();
    assert!(
        error.contains("docs version \"1.0\" has no folder"),
        "{error}"
    );
}

/// Issue 24: what a reader cannot render is named on the page's line; with `strict` the page
/// is not sent and its current version is kept.
#[tokio::test]
async fn what_could_not_be_rendered_is_named_and_strict_keeps_the_page_unsent() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "mkdocs.yml", "site_name: KB\n");
    write(
        dir.path(),
        "docs/api.md",
        "# API\n\nThe client.\n\n::: harbour.client\n",
    );
    write(dir.path(), "docs/index.md", "# Home\n");
    let (pages, _) = read(dir.path(), FolderOptions::default());
    let api = page(&pages, "api.md");
    assert_eq!(api.left_out.len(), 1, "{:?}", api.left_out);
    assert!(!api.html.contains(":::"), "{}", api.html);

    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap();
    let run = |strict: bool| {
        let pages = read_folder(dir.path(), FolderOptions::default()).unwrap();
        let client = client.clone();
        async move {
            intercom_sync::sync(
                &client,
                "https://kb.example.com",
                stream::iter(pages),
                SyncOptions::default().strict(strict),
            )
            .await
            .unwrap()
        }
    };
    let strict = run(true).await;
    let line = strict
        .pages
        .iter()
        .find(|p| p.external_id == "api.md")
        .unwrap();
    assert!(line.is_failure(), "{line}");
    assert!(
        line.to_string().contains("with --strict it is not sent"),
        "{line}"
    );
    assert_eq!(fake.state().pages.len(), 1, "only the home page is sent");

    let lenient = run(false).await;
    let line = lenient
        .pages
        .iter()
        .find(|p| p.external_id == "api.md")
        .unwrap();
    assert!(!line.is_failure(), "{line}");
    assert_eq!(line.left_out.len(), 1);
    assert!(
        line.to_string().starts_with("create api.md (left out: "),
        "{line}"
    );
    assert_eq!(fake.state().pages.len(), 2);
}

/// Issue 24: a site translated with mkdocs-static-i18n syncs its default language only
/// (Intercom takes one); the translations are skipped, by suffix or by folder.
#[test]
fn mkdocs_translations_are_skipped_and_the_default_language_is_synced() {
    for (structure, french) in [("suffix", "setup.fr.md"), ("folder", "fr/setup.md")] {
        let dir = tempfile::tempdir().unwrap();
        let config = format!(
            "site_name: KB\nplugins:\n  - i18n:\n      docs_structure: {structure}\n      languages:\n        - locale: en\n          default: true\n        - locale: fr\n"
        );
        write(dir.path(), "mkdocs.yml", &config);
        write(dir.path(), "docs/setup.md", "# Setup\n");
        write(dir.path(), &format!("docs/{french}"), "# Installation\n");
        let (pages, errors) = read(dir.path(), FolderOptions::default());
        let ids: Vec<&str> = pages.iter().map(|p| p.external_id.as_str()).collect();
        assert_eq!(ids, ["setup.md"], "{structure}");
        assert_eq!(errors.len(), 1, "{structure}: {errors:?}");
        assert!(errors[0].skipped && errors[0].covers == Covers::Nothing);
        assert!(errors[0].reason.contains("is a translation"), "{errors:?}");
    }
}

/// Issue 24: a Docusaurus partial (`_` file) is no page, and its content is where a doc
/// imports and places it.
#[test]
fn docusaurus_partials_are_put_where_they_are_imported() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "docusaurus.config.js",
        "module.exports = { url: 'https://d.example', baseUrl: '/' };",
    );
    write(
        dir.path(),
        "docs/_install.mdx",
        "Run `npm install harbour`.\n",
    );
    write(
        dir.path(),
        "docs/setup.md",
        "import Install from './_install.mdx';\n\n# Setup\n\n<Install />\n\nThen start it.\n",
    );
    let (pages, errors) = read(dir.path(), FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = pages.iter().map(|p| p.external_id.as_str()).collect();
    assert_eq!(ids, ["setup"]);
    assert!(
        pages[0].html.contains("<code>npm install harbour</code>"),
        "{}",
        pages[0].html
    );
}

/// Issue 24 (real sites): a page of nothing but a comment is skipped as empty, not sent; a
/// Hugo page or section that names no title gets the one Hugo gives it; an MkDocs link to
/// `page.md/#anchor` goes to the page, and a theme's `custom_dir` inside the docs folder is
/// no page.
#[test]
fn empty_pages_hugo_titles_and_mkdocs_theme_folders_as_the_sites_have_them() {
    let hugo = tempfile::tempdir().unwrap();
    write(hugo.path(), "hugo.toml", "baseURL = 'https://h.example/'\n");
    write(
        hugo.path(),
        "content/guide/level-1/_index.md",
        "Some text.\n",
    );
    write(hugo.path(), "content/guide/include-page.md", "More text.\n");
    write(
        hugo.path(),
        "content/guide/documentation.md",
        "---\ntitle: Docs\n---\n<!-- moved to the README -->\n",
    );
    let (pages, errors) = read(hugo.path(), FolderOptions::default());
    let mut titles: Vec<(String, String)> = pages
        .into_iter()
        .map(|p| (p.external_id, p.title))
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            (
                "guide/include-page.md".to_owned(),
                "Include Page".to_owned()
            ),
            ("guide/level-1/_index.md".to_owned(), "Level 1".to_owned()),
        ]
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].skipped, "{}", errors[0]);
    assert!(errors[0].reason.contains("has no content"), "{}", errors[0]);

    let mkdocs = tempfile::tempdir().unwrap();
    write(
        mkdocs.path(),
        "mkdocs.yml",
        "site_name: KB\nsite_url: https://m.example/\ntheme:\n  name: material\n  custom_dir: docs/overrides\n",
    );
    write(
        mkdocs.path(),
        "docs/index.md",
        "# Home\n\nSee [instant loading](setup/navigation.md/#instant-loading).\n",
    );
    write(mkdocs.path(), "docs/setup/navigation.md", "# Navigation\n");
    write(
        mkdocs.path(),
        "docs/overrides/partials/nav.html",
        "{% import \"partials/nav-item.html\" as item %}\n",
    );
    let (pages, errors) = read(mkdocs.path(), FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = pages.iter().map(|p| p.external_id.as_str()).collect();
    assert_eq!(ids, ["index.md", "setup/navigation.md"]);
    assert!(
        pages[0]
            .html
            .contains("href=\"https://m.example/setup/navigation/#instant-loading\""),
        "{}",
        pages[0].html
    );
}

/// Issue 24 (httpx, mkdocs-material): MkDocs titles a page by its nav entry, then its front
/// matter, then its first `#` heading (never a lower one), then its file name.
#[test]
fn mkdocs_titles_come_from_nav_then_front_matter_then_h1_then_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mkdocs.yml",
        "site_name: KB\nnav:\n  - Home: index.md\n  - Guide:\n    - Authentication: advanced/authentication.md\n    - advanced/event-hooks.md\n  - Elsewhere: https://x.example/\n",
    );
    write(dir.path(), "docs/index.md", "# Welcome\n");
    write(
        dir.path(),
        "docs/advanced/authentication.md",
        "Intro.\n\n## Basic authentication\n",
    );
    write(
        dir.path(),
        "docs/advanced/event-hooks.md",
        "Hooks.\n\n## Request hooks\n",
    );
    write(
        dir.path(),
        "docs/about.md",
        "---\ntitle: About us\n---\n# About\n",
    );
    write(dir.path(), "docs/setup/index.md", "Text.\n");
    let (pages, errors) = read(dir.path(), FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let mut titles: Vec<(String, String)> = pages
        .into_iter()
        .map(|p| (p.external_id, p.title))
        .collect();
    titles.sort();
    let expected = [
        ("about.md", "About us"),
        ("advanced/authentication.md", "Authentication"),
        ("advanced/event-hooks.md", "Event hooks"),
        ("index.md", "Home"),
        ("setup/index.md", "Setup"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(titles, expected);
}

/// Issue 24 (jest): with Docusaurus' npm2yarn plugin, a ```` ```bash npm2yarn ```` block is
/// tabs of package managers on the site; the npm command is sent and the other tabs are
/// named as left out.
#[test]
fn docusaurus_npm2yarn_tabs_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let config = "module.exports = { url: 'https://d.example', baseUrl: '/', presets: [['classic', {\n  docs: { remarkPlugins: [[require('@docusaurus/remark-plugin-npm2yarn'), {sync: true}]] },\n}]] };";
    write(dir.path(), "docusaurus.config.js", config);
    write(
        dir.path(),
        "docs/install.md",
        "# Install\n\n```bash npm2yarn\nnpm install --save-dev jest\n```\n",
    );
    write(
        dir.path(),
        "docs/plain.md",
        "# Plain\n\n```bash\nnpm test\n```\n",
    );
    let (pages, errors) = read(dir.path(), FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let install = page(&pages, "install");
    assert!(
        install.html.contains("npm install --save-dev jest"),
        "{}",
        install.html
    );
    assert_eq!(
        install.left_out,
        [
            "the other package managers' tabs npm2yarn makes of 1 code block(s) (npm's commands are sent)"
        ]
    );
    assert!(page(&pages, "plain").left_out.is_empty());
}

/// Issue 24 (mkdocs-material): with pymdownx.magiclink, a bare URL is a link, as the site
/// shows it; without it, text.
#[test]
fn mkdocs_magiclink_makes_bare_urls_links() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mkdocs.yml",
        "site_name: M\nsite_url: https://m.example/\nmarkdown_extensions:\n  - pymdownx.magiclink\n",
    );
    write(
        dir.path(),
        "docs/index.md",
        "# M\n\nSee https://pypi.org/project/x/.\n",
    );
    let (pages, _) = read(dir.path(), FolderOptions::default());
    assert!(
        page(&pages, "index.md")
            .html
            .contains("<a href=\"https://pypi.org/project/x/\">https://pypi.org/project/x/</a>."),
        "{}",
        page(&pages, "index.md").html
    );
    write(
        dir.path(),
        "mkdocs.yml",
        "site_name: M\nsite_url: https://m.example/\n",
    );
    let (pages, _) = read(dir.path(), FolderOptions::default());
    assert!(!page(&pages, "index.md").html.contains("<a "));
}
