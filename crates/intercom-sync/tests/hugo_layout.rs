//! Hugo sources as Hugo publishes them, config by config: content mounts, a content folder per
//! language, which language is synced, which pages are published (`build`, `headless`,
//! `cascade`, draft sections, bundle resources), where each is published (`url`, `slug`) and
//! where its links go (Hugo's page lookup). The sample site in `tests/fixtures/built/hugo`
//! is compared with its real build in `tests/hugo_fidelity.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use intercom_sync::folder::{FolderOptions, read_folder};
use intercom_sync::{Covers, DesiredPage, ItemError};

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The pages by external id (with their URL) and the skipped files by name (with why).
fn read(
    root: &Path,
    options: FolderOptions,
) -> (BTreeMap<String, DesiredPage>, BTreeMap<String, String>) {
    let mut pages = BTreeMap::new();
    let mut skipped = BTreeMap::new();
    for item in read_folder(root, options).unwrap() {
        match item {
            Ok(page) => {
                pages.insert(page.external_id.clone(), page);
            }
            Err(ItemError {
                name,
                reason,
                covers: Covers::Nothing,
                skipped: true,
                ..
            }) => {
                skipped.insert(name.unwrap(), reason);
            }
            Err(e) => panic!("{e:?}"),
        }
    }
    (pages, skipped)
}

fn urls(pages: &BTreeMap<String, DesiredPage>) -> Vec<(&str, &str)> {
    pages
        .iter()
        .map(|(id, p)| (id.as_str(), p.url.as_deref().unwrap_or("<none>")))
        .collect()
}

const MOUNTED: &str = "baseURL = 'https://k.example/'
title = 'K'
defaultContentLanguage = 'en'
[languages.en]
weight = 1
[languages.fr]
weight = 2
[[module.mounts]]
source = 'content/en'
target = 'content'
[[module.mounts]]
source = 'content/fr'
target = 'content'
lang = 'fr'
[[module.mounts]]
source = 'shared/faq'
target = 'content/faq'
";

fn mounted_site(root: &Path) {
    write(root, "hugo.toml", MOUNTED);
    write(
        root,
        "content/en/_index.md",
        "---\ntitle: Home\n---\nHello.",
    );
    write(
        root,
        "content/en/docs/setup.md",
        "# Setup\n\nSee [the FAQ](../faq/billing.md).",
    );
    write(
        root,
        "content/fr/docs/setup.md",
        "# Installation\n\nBonjour.",
    );
    write(root, "shared/faq/billing.md", "# Billing\n\nInvoices.");
}

#[test]
fn content_mounts_give_the_paths_and_urls_hugo_sees() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    mounted_site(root);
    let pages = read_folder(root, FolderOptions::default()).unwrap();
    let detected = pages.detected().clone();
    assert_eq!(detected.content_root, root.join("content/en"));
    assert_eq!(detected.lang.as_deref(), Some("en"));
    assert!(
        detected
            .to_string()
            .contains("hugo.toml), language en, content folder "),
        "{detected}"
    );
    let (pages, skipped) = read(root, FolderOptions::default());
    // No `/en/`: the mount makes `content/en` the content root; the FAQ is under `faq/`.
    assert_eq!(
        urls(&pages),
        [
            ("_index.md", "https://k.example/"),
            ("docs/setup.md", "https://k.example/docs/setup/"),
            ("faq/billing.md", "https://k.example/faq/billing/"),
        ]
    );
    assert!(skipped.is_empty(), "{skipped:?}");
    assert!(
        pages["docs/setup.md"]
            .html
            .contains("href=\"https://k.example/faq/billing/\""),
        "{}",
        pages["docs/setup.md"].html
    );

    // French: its own mount, under `fr/`. A mount without `lang` is the default language's
    // (Hugo 0.111 publishes `faq/billing/` in English only).
    let (pages, skipped) = read(root, FolderOptions::default().lang("FR"));
    assert_eq!(
        urls(&pages),
        [("docs/setup.md", "https://k.example/fr/docs/setup/")]
    );
    assert!(skipped["faq/billing.md"].starts_with("is in en: only fr pages are synced"));
    assert!(skipped["docs/setup.md"].starts_with("is in en"));

    // Run from inside a language's content folder: the site's config, that language.
    let (pages, _) = read(&root.join("content/fr"), FolderOptions::default());
    assert_eq!(pages["docs/setup.md"].title, "Installation");
    let (pages, _) = read(&root.join("content/en"), FolderOptions::default());
    assert_eq!(pages["docs/setup.md"].title, "Setup");
}

#[test]
fn a_content_folder_per_language_and_file_name_translations() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config.toml",
        "baseURL = 'https://l.example/site/'
defaultContentLanguage = 'fr'
defaultContentLanguageInSubdir = true
[languages.fr]
contentDir = 'content/fr'
[languages.de]
contentDir = 'content/de'
baseURL = 'https://l.example.de/'
",
    );
    write(root, "content/fr/a.md", "# A fr");
    write(root, "content/de/a.md", "# A de");
    let (pages, _) = read(root, FolderOptions::default());
    assert_eq!(urls(&pages), [("a.md", "https://l.example/site/fr/a/")]);
    let (pages, _) = read(root, FolderOptions::default().lang("de"));
    assert_eq!(urls(&pages), [("a.md", "https://l.example.de/a/")]);
    // `--site-url` replaces baseURL; the language's folder is still added.
    let options = FolderOptions::default()
        .site_url("https://mirror.example/")
        .unwrap();
    let (pages, _) = read(root, options);
    assert_eq!(urls(&pages), [("a.md", "https://mirror.example/fr/a/")]);

    // One content folder, translations by file name.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "hugo.yaml",
        "baseURL: https://t.example/\nlanguages:\n  en: {weight: 1}\n  nl: {weight: 2}\n",
    );
    write(
        root,
        "content/guide/_index.md",
        "---\ntitle: Guide\n---\nGuide.",
    );
    write(
        root,
        "content/guide/_index.nl.md",
        "---\ntitle: Gids\n---\nGids.",
    );
    write(root, "content/guide/a.en.md", "# A");
    write(root, "content/guide/a.nl.md", "# A nl");
    write(root, "content/guide/v1.2.md", "# Version 1.2");
    let (pages, skipped) = read(root, FolderOptions::default());
    assert_eq!(
        urls(&pages),
        [
            ("guide/_index.md", "https://t.example/guide/"),
            ("guide/a.en.md", "https://t.example/guide/a/"),
            ("guide/v1.2.md", "https://t.example/guide/v1.2/"),
        ]
    );
    assert!(skipped["guide/a.nl.md"].starts_with("is in nl: only en pages are synced"));
    let (pages, _) = read(root, FolderOptions::default().lang("nl"));
    assert_eq!(
        urls(&pages),
        [
            ("guide/_index.nl.md", "https://t.example/nl/guide/"),
            ("guide/a.nl.md", "https://t.example/nl/guide/a/"),
        ]
    );
}

#[test]
fn only_the_pages_hugo_publishes_are_sent() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "hugo.toml",
        "baseURL = 'https://p.example/'\n[[cascade]]\n[cascade._target]\nkind = 'page'\npath = '/legacy/**'\n[cascade.build]\nrender = 'never'\n",
    );
    write(
        root,
        "content/a.md",
        "+++\ntitle = 'A'\n[build]\nrender = 'never'\n+++\nA",
    );
    write(root, "content/b.md", "---\n_build: {render: link}\n---\nB");
    write(
        root,
        "content/c.md",
        "---\nbuild: {list: never}\n---\nC is published, not listed.",
    );
    write(
        root,
        "content/bundle/index.md",
        "---\nheadless: true\n---\nHeadless.",
    );
    write(root, "content/bundle/part.md", "A resource.");
    write(
        root,
        "content/leaf/index.md",
        "---\nslug: Leaf Page\n---\nLeaf.",
    );
    write(root, "content/leaf/notes/n.md", "A resource too.");
    write(root, "content/wip/_index.md", "---\ndraft: true\n---\nWIP.");
    write(root, "content/wip/deep/x.md", "Under a draft section.");
    write(
        root,
        "content/docs/_index.md",
        "---\ntitle: Docs\ncascade:\n  - _target: {kind: page}\n    draft: true\n  - params: {x: 1}\n---\nDocs.",
    );
    write(root, "content/docs/y.md", "Cascaded draft.");
    write(
        root,
        "content/docs/z.md",
        "---\ndraft: false\n---\nIts own draft: false wins.",
    );
    write(root, "content/legacy/old.md", "Site config cascade.");
    write(
        root,
        "content/expired.md",
        "---\nexpiryDate: 2001-02-03\n---\nGone.",
    );
    write(
        root,
        "content/future.md",
        "+++\ndate = 2999-01-01T00:00:00Z\n+++\nNot yet.",
    );
    write(
        root,
        "content/past.md",
        "---\ndate: 2001-02-03\nexpiryDate: 2999-01-01\n---\nLive.",
    );
    write(
        root,
        "content/legacy/_index.md",
        "---\ntitle: Legacy\n---\nA section is no page.",
    );
    let (pages, skipped) = read(root, FolderOptions::default());
    assert_eq!(
        urls(&pages),
        [
            ("c.md", "https://p.example/c/"),
            ("docs/_index.md", "https://p.example/docs/"),
            ("docs/z.md", "https://p.example/docs/z/"),
            ("leaf/index.md", "https://p.example/leaf-page/"),
            ("legacy/_index.md", "https://p.example/legacy/"),
            ("past.md", "https://p.example/past/"),
        ]
    );
    let why = |name: &str| skipped[name].split(':').next().unwrap().to_owned();
    assert_eq!(why("a.md"), "has build");
    assert_eq!(why("b.md"), "has build");
    assert_eq!(why("bundle/index.md"), "is a headless bundle (headless");
    assert_eq!(
        why("bundle/part.md"),
        "is a resource of the leaf bundle bundle/ (Hugo publishes only its index file as a page), so not sent; with --prune its page is deleted"
    );
    assert!(skipped["leaf/notes/n.md"].starts_with("is a resource of the leaf bundle leaf/"));
    assert!(skipped["wip/_index.md"].starts_with("is a draft"));
    assert!(skipped["wip/deep/x.md"].starts_with("is in a draft section (wip/_index.md"));
    assert!(skipped["docs/y.md"].starts_with("is a draft"));
    assert_eq!(why("legacy/old.md"), "has build");
    assert!(skipped["expired.md"].starts_with("expired on 2001-02-03 (expiryDate)"));
    assert!(skipped["future.md"].starts_with("is dated 2999-01-01T00:00:00Z, later than now"));
}

#[test]
fn urls_and_links_as_hugo_makes_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", "baseURL = 'https://u.example/docs/'\n");
    write(
        root,
        "content/about.md",
        "---\nurl: /company/about-us\n---\nAbout.",
    );
    write(
        root,
        "content/feed.md",
        "---\nurl: feeds/all.xml\n---\nFeed.",
    );
    write(
        root,
        "content/guide/_index.md",
        "---\ntitle: Guide\n---\nGuide.",
    );
    write(root, "content/guide/Getting Started.md", "# Start");
    write(root, "content/guide/setup.md", "# Setup");
    write(root, "content/reference/api.md", "# API");
    write(
        root,
        "content/guide/links.md",
        "[1](setup.md#x) [2](setup) [3](reference/api.md) [4](/guide/) [5](../about.md) [6](img.png) [7](/img/logo.svg) [8](nothing.md) [9](<Getting Started.md>) [10](../reference/) [11](https://x.example/) [12](#here)\n\n<p><a href=\"setup.md\">13</a> <img src=\"raw.png\"></p>",
    );
    write(
        root,
        "content/guide/bundle/index.md",
        "[b1](setup.md) [b2](../setup.md) [b3](photo.jpg)",
    );
    let (pages, _) = read(root, FolderOptions::default());
    assert_eq!(
        pages["about.md"].url.as_deref(),
        Some("https://u.example/docs/company/about-us/")
    );
    assert_eq!(
        pages["feed.md"].url.as_deref(),
        Some("https://u.example/docs/feeds/all.xml")
    );
    let html = &pages["guide/links.md"].html;
    for (n, href) in [
        (1, "https://u.example/docs/guide/setup/#x"),
        (2, "https://u.example/docs/guide/setup/"),
        // Not beside the page: from the content root.
        (3, "https://u.example/docs/reference/api/"),
        (4, "https://u.example/docs/guide/"),
        (5, "https://u.example/docs/company/about-us/"),
        // Not a page: from the page's URL, as the browser resolves it.
        (6, "https://u.example/docs/guide/links/img.png"),
        (7, "https://u.example/img/logo.svg"),
        (9, "https://u.example/docs/guide/getting-started/"),
        // A top-level folder is a section even without an `_index.md`.
        (10, "https://u.example/docs/reference/"),
        (11, "https://x.example/"),
        (12, "#here"),
        // Raw HTML: no render hook sees it, the browser resolves it from the page.
        (13, "https://u.example/docs/guide/links/setup.md"),
    ] {
        assert!(
            html.contains(&format!("<a href=\"{href}\">{n}</a>")),
            "{n}: {html}"
        );
    }
    assert!(
        html.contains("<img src=\"https://u.example/docs/guide/links/raw.png\">"),
        "{html}"
    );
    // A page the site does not have: its text, no link (a broken link on the site, or one only
    // the site's own render hook resolves), and said so.
    assert!(html.contains("</a> 8 <a"), "{html}");
    assert!(
        pages["guide/links.md"]
            .left_out
            .iter()
            .any(|l| l.starts_with("1 link(s) to pages the site does not have")),
        "{:?}",
        pages["guide/links.md"].left_out
    );
    // From a leaf bundle, a page is looked up beside the bundle.
    let html = &pages["guide/bundle/index.md"].html;
    for (n, href) in [
        ("b1", "https://u.example/docs/guide/setup/"),
        ("b2", "https://u.example/docs/guide/setup/"),
        ("b3", "https://u.example/docs/guide/bundle/photo.jpg"),
    ] {
        assert!(
            html.contains(&format!("<a href=\"{href}\">{n}</a>")),
            "{n}: {html}"
        );
    }
}

#[test]
fn a_config_directory_is_read_as_hugo_merges_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config/_default/hugo.toml",
        "baseURL = 'https://d.example/'\ntitle = 'D'\ndisableKinds = ['section']\n",
    );
    write(
        root,
        "config/_default/module.toml",
        "[[mounts]]\nsource = 'content/en'\ntarget = 'content'\n",
    );
    write(root, "config/_default/params.toml", "color = 'red'\n");
    write(root, "config/production/params.toml", "color = 'blue'\n");
    write(
        root,
        "content/en/docs/_index.md",
        "---\ntitle: Docs\n---\nNo section pages.",
    );
    write(
        root,
        "content/en/docs/setup.md",
        "# Setup\n\nThe color is {{< param color >}}.",
    );
    let listed = read_folder(root, FolderOptions::default()).unwrap();
    let detected = listed.detected().clone();
    assert!(
        detected
            .config_file
            .as_deref()
            .is_some_and(|c| c.ends_with("config/_default/hugo.toml")),
        "{detected}"
    );
    let (pages, skipped) = read(root, FolderOptions::default());
    assert_eq!(
        urls(&pages),
        [("docs/setup.md", "https://d.example/docs/setup/")]
    );
    assert!(pages["docs/setup.md"].html.contains("The color is blue."));
    assert!(skipped["docs/_index.md"].contains("disableKinds"));
    // From inside the mounted folder, the config directory above is the site's.
    let (pages, _) = read(&root.join("content/en"), FolderOptions::default());
    assert_eq!(
        urls(&pages),
        [("docs/setup.md", "https://d.example/docs/setup/")]
    );
}

/// Issue 24 (gohugo.io): a shortcode whose template shows its content as code (`code-toggle`
/// converts it between data formats) sends a code block, not running text; one that hands
/// its content to a partial that renders it sends the rendered Markdown.
#[test]
fn shortcode_content_shown_as_code_or_rendered_by_a_partial() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", "baseURL = 'https://h.example/'\n");
    write(
        root,
        "layouts/shortcodes/code-toggle.html",
        "{{ transform.Remarshal \"yaml\" (transform.Unmarshal $.Inner) | transform.Highlight \"yaml\" }}",
    );
    write(
        root,
        "layouts/shortcodes/new-in.html",
        "{{ partial \"feature.html\" (dict \"text\" .Inner \"page\" .Page) }}",
    );
    write(
        root,
        "layouts/partials/feature.html",
        "<div class=\"new\">{{ .text | .page.RenderString }}</div>",
    );
    write(
        root,
        "content/config.md",
        "# Config\n\n{{< code-toggle >}}\n[params]\ncolor = 'red'\n{{< /code-toggle >}}\n\n{{< new-in 0.1 >}}\nUse [`Meta`](#meta) instead.\n{{< /new-in >}}\n",
    );
    let (pages, errors) = read(root, FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let html = &pages["config.md"].html;
    assert!(html.contains("<pre><code>[params]\ncolor = "), "{html}");
    assert!(html.contains("<code>Meta</code></a> instead."), "{html}");
    assert!(!html.contains("[`Meta`]"), "{html}");
}

/// Issue 24 (gohugo.io): Hugo renders definition lists; a shortcode that shows data it reads
/// itself (`{{< code-toggle config=x />}}`) is left out and named, not an empty code block;
/// a page whose only content is such a shortcode is skipped saying so.
#[test]
fn definition_lists_data_shortcodes_and_pages_of_one_shortcode() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", "baseURL = 'https://h.example/'\n");
    write(
        root,
        "layouts/shortcodes/code-toggle.html",
        "{{ transform.Remarshal \"yaml\" (transform.Unmarshal $.Inner) | transform.Highlight \"yaml\" }}",
    );
    write(
        root,
        "content/features.md",
        "# Features\n\nMultiplatform\n: Install one executable.\n\nThe defaults:\n\n{{< code-toggle config=HTTPCache />}}\n",
    );
    write(
        root,
        "content/next.md",
        "---\ntitle: Next\n---\n{{< code-toggle config=Next />}}\n",
    );
    let mut pages = BTreeMap::new();
    let mut errors = Vec::new();
    for item in read_folder(root, FolderOptions::default()).unwrap() {
        match item {
            Ok(page) => {
                pages.insert(page.external_id.clone(), page);
            }
            Err(error) => errors.push(error),
        }
    }
    let html = &pages["features.md"].html;
    assert!(
        html.contains("<dl>\n<dt>Multiplatform</dt>\n<dd>Install one executable.</dd>\n</dl>"),
        "{html}"
    );
    assert!(!html.contains("<pre><code>\n</code></pre>"), "{html}");
    assert!(
        pages["features.md"]
            .left_out
            .iter()
            .any(|l| l.contains("code-toggle")),
        "{:?}",
        pages["features.md"].left_out
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].skipped);
    assert_eq!(errors[0].covers, Covers::Page("next.md".into()));
    assert!(
        errors[0]
            .reason
            .starts_with("has no content the sync can render (left out: {{< code-toggle"),
        "{}",
        errors[0]
    );
}

/// Issue 24 (gohugo.io): the site's own `include` shortcode (`$.Page.GetPage` and its
/// `.RenderShortcodes`) puts the named page's content in place, its shortcodes expanded; the
/// included page itself is not published (`build: render: never`).
#[test]
fn an_include_shortcode_puts_the_named_pages_content_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", "baseURL = 'https://h.example/'\n");
    write(
        root,
        "layouts/_shortcodes/include.html",
        "{{ with .Get 0 }}{{ with $.Page.GetPage . }}{{ .RenderShortcodes }}{{ end }}{{ end }}",
    );
    write(
        root,
        "content/_common/next-prev.md",
        "---\nbuild:\n  render: never\n  list: never\n---\nThe next page is in **the same section**.\n\n{{% include \"/_common/more.md\" %}}\n",
    );
    write(
        root,
        "content/_common/more.md",
        "---\nbuild:\n  render: never\n---\nSorted by weight.\n",
    );
    write(
        root,
        "content/methods/next.md",
        "---\ntitle: Next\n---\n{{% include \"/_common/next-prev.md\" %}}\n\n{{% include \"/_common/missing.md\" %}}\n",
    );
    let mut pages = BTreeMap::new();
    for page in read_folder(root, FolderOptions::default())
        .unwrap()
        .flatten()
    {
        pages.insert(page.external_id.clone(), page);
    }
    assert_eq!(pages.keys().collect::<Vec<_>>(), ["methods/next.md"]);
    let next = &pages["methods/next.md"];
    assert!(
        next.html
            .contains("The next page is in <strong>the same section</strong>."),
        "{}",
        next.html
    );
    assert!(next.html.contains("Sorted by weight."), "{}", next.html);
    assert!(!next.html.contains("{{"), "{}", next.html);
    assert!(
        next.left_out
            .iter()
            .any(|l| l.contains("missing.md") && l.contains("no page")),
        "{:?}",
        next.left_out
    );
}

/// Issue 24 (hugo-geekdoc, gohugo.io): a theme's link shortcode (`button`) keeps its link; a
/// QR code (paired or not) is an image, named as left out, its encoded text not sent; a
/// content file of a format Hugo renders with another tool (AsciiDoc) is skipped, its page
/// kept.
#[test]
fn link_shortcodes_qr_codes_and_other_content_formats() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", "baseURL = 'https://h.example/'\n");
    write(
        root,
        "layouts/shortcodes/button.html",
        // hugo-geekdoc's, its `<a` on a line of its own.
        "{{- $ref := \"\" }}{{ with .Get \"href\" }}{{ $ref = . }}{{ end }}{{ with .Get \"relref\" }}{{ $ref = relref $ . }}{{ end }}<span class=\"btn\">\n  <a\n    class=\"btn__link\"\n    {{- with $ref }}{{ printf \" href=\\\"%s\\\"\" . | safeHTMLAttr }}{{ end }}\n  >\n    {{ $.Inner }}\n  </a>\n</span>",
    );
    write(
        root,
        "content/install.md",
        "---\ntitle: Install\n---\nInstall it.\n",
    );
    write(
        root,
        "content/start.md",
        "---\ntitle: Start\n---\n{{< button relref=\"install\" >}}Install now{{< /button >}}\n\n{{< button href=\"https://example.org/dl\" >}}Download{{< /button >}}\n\n{{< qr >}}\nhttps://h.example/secret-text\n{{< /qr >}}\n\n{{< qr text=\"https://h.example/other\" />}}\n\nEnd.\n",
    );
    write(root, "content/legacy.adoc", "= Legacy\n\nAsciiDoc text.\n");
    let mut pages = BTreeMap::new();
    let mut errors = Vec::new();
    for item in read_folder(root, FolderOptions::default()).unwrap() {
        match item {
            Ok(page) => {
                pages.insert(page.external_id.clone(), page);
            }
            Err(error) => errors.push(error),
        }
    }
    let start = &pages["start.md"];
    assert!(
        start
            .html
            .contains("<a href=\"https://h.example/install/\">Install now</a>"),
        "{}",
        start.html
    );
    assert!(
        start
            .html
            .contains("<a href=\"https://example.org/dl\">Download</a>"),
        "{}",
        start.html
    );
    assert!(!start.html.contains("secret-text"), "{}", start.html);
    assert!(!start.html.contains("{{"), "{}", start.html);
    let left_out = start.left_out.join("; ");
    assert_eq!(
        left_out.matches("(a QR code image)").count(),
        2,
        "{left_out}"
    );
    assert!(!left_out.contains("closes nothing"), "{left_out}");
    let [adoc] = errors.as_slice() else {
        panic!("{errors:?}")
    };
    assert!(adoc.skipped, "{adoc:?}");
    assert_eq!(adoc.covers, Covers::Page("legacy.adoc".into()));
    assert!(
        adoc.reason
            .starts_with("is AsciiDoc (Hugo runs asciidoctor), which the sync does not render"),
        "{}",
        adoc.reason
    );
}

/// Issue 24 (gohugo.io): an include template finds its page the way it says (`printf` of a
/// path, `urlize`d; `site.GetPage` from the root only), a page that includes itself is named,
/// not repeated; a template whose output is fixed text is shown; one that shows more than its
/// content (a "New in" label) is named in `left_out`.
#[test]
fn include_lookups_cycles_fixed_templates_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", "baseURL = 'https://h.example/'\n");
    write(
        root,
        "layouts/_shortcodes/glossary-term.html",
        "{{- with .Get 0 }}{{- $path := printf \"/quick-reference/glossary/%s\" (urlize .) }}{{- with site.GetPage $path }}\n{{ .RenderShortcodes }}{{ end }}{{ end -}}",
    );
    write(
        root,
        "layouts/_shortcodes/include.html",
        "{{ with .Get 0 }}{{ with or ($.Page.GetPage .) (site.GetPage .) }}{{ .RenderShortcodes }}{{ end }}{{ end }}",
    );
    write(
        root,
        "layouts/_shortcodes/mounts-note.html",
        "{{/* A note many pages repeat. */}}\nSee [the mounts](https://h.example/mounts/).\n",
    );
    write(
        root,
        "layouts/_shortcodes/new-in.html",
        "{{ with $v := .Get 0 }}<span>New in v{{ $v }}</span>{{ with $.Inner }}{{ . | $.Page.RenderString }}{{ end }}{{ end }}",
    );
    write(
        root,
        "content/quick-reference/glossary/floating-point.md",
        "---\ntitle: floating point\n---\nA floating point number has a fraction.\n",
    );
    // A content page with the term's bare name: not what the glossary template finds.
    write(
        root,
        "content/methods/floating-point.md",
        "---\ntitle: Floating point method\n---\nThe method page.\n\n{{% glossary-term \"floating point\" %}}\n",
    );
    write(
        root,
        "content/methods/loop.md",
        "---\ntitle: Loop\n---\nLoop page.\n\n{{% include \"loop\" %}}\n",
    );
    write(
        root,
        "content/notes.md",
        "---\ntitle: Notes\n---\n{{% mounts-note %}}\n\nMeta {{< new-in 0.155.3 />}} here.\n\n{{< new-in 0.1 >}}\nA *new* thing.\n{{< /new-in >}}\n",
    );
    let (pages, _) = read(root, FolderOptions::default());
    let method = &pages["methods/floating-point.md"];
    assert!(
        method
            .html
            .contains("A floating point number has a fraction."),
        "{}",
        method.html
    );
    assert_eq!(
        method.html.matches("The method page.").count(),
        1,
        "{}",
        method.html
    );
    assert!(method.left_out.is_empty(), "{:?}", method.left_out);
    let looped = &pages["methods/loop.md"];
    assert_eq!(
        looped.html.matches("Loop page.").count(),
        1,
        "{}",
        looped.html
    );
    assert_eq!(
        looped.left_out,
        ["{{% include %}} (\"loop\" includes the page that includes it)"]
    );
    let notes = &pages["notes.md"];
    assert!(
        notes
            .html
            .contains("See <a href=\"https://h.example/mounts/\">the mounts</a>."),
        "{}",
        notes.html
    );
    assert!(
        notes.html.contains("A <em>new</em> thing."),
        "{}",
        notes.html
    );
    assert_eq!(
        notes.left_out,
        [
            "{{< new-in >}} (what its template shows besides its content)",
            "{{< new-in >}} (what its template shows besides its content)"
        ]
    );
}

/// Issue 24 (gohugo.io): with `enableEmoji`, emoji shortcodes in text are the emoji the site
/// shows (not in code); an alert's own title (`> [!NOTE] Title`) is its label; attributes
/// after a shortcode on its line are not text.
#[test]
fn emoji_alert_titles_and_attributes_after_a_shortcode() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "hugo.toml",
        "baseURL = 'https://h.example/'\nenableEmoji = true\n",
    );
    write(
        root,
        "layouts/_shortcodes/img.html",
        "<img src=\"{{ .Get 0 }}\">",
    );
    write(
        root,
        "content/a.md",
        "---\ntitle: A\n---\n|OS|Supported|\n|--|--|\n|Linux|:heavy_check_mark:|\n|Plan 9|:x:|\n\n`:x:` and\n\n```\n:x:\n```\n\n> [!NOTE] Hugo modules are Go modules\n> You need Go.\n\n> [!TIP]+\n> Plain tip.\n\n{{< img \"a.png\" >}}{class=\"!mt-0\"}\n\nEnd :unknown-code:.\n",
    );
    // An editor's lock file: Hugo skips a name starting with `#`.
    write(root, "content/#a.md", "---\ntitle: Lock\n---\nLock.\n");
    let (pages, skipped) = read(root, FolderOptions::default());
    assert!(
        skipped["#a.md"].starts_with("has a name Hugo skips"),
        "{skipped:?}"
    );
    let html = &pages["a.md"].html;
    assert!(html.contains("<td>✔\u{fe0f}</td>"), "{html}");
    assert!(html.contains("<td>❌</td>"), "{html}");
    assert!(html.contains("<code>:x:</code>"), "{html}");
    assert!(html.contains("<code>:x:\n</code>"), "{html}");
    assert!(
        html.contains("<p><strong>Hugo modules are Go modules</strong></p>\n<p>You need Go.</p>"),
        "{html}"
    );
    assert!(
        !html.contains("[!NOTE]") && !html.contains("[!TIP]"),
        "{html}"
    );
    assert!(
        html.contains("<p><strong>Tip</strong></p>\n<p>Plain tip.</p>"),
        "{html}"
    );
    assert!(!html.contains("mt-0"), "{html}");
    assert!(html.contains("End :unknown-code:."), "{html}");

    write(root, "hugo.toml", "baseURL = 'https://h.example/'\n");
    let (pages, _) = read(root, FolderOptions::default());
    assert!(pages["a.md"].html.contains("<td>:x:</td>"));
}

/// Issue 24 (hugo-geekdoc): a theme's `tab` hands its content to the enclosing `tabs`
/// (`.Parent.Scratch.Add`), which renders it as Markdown; the tab's name, shown by `tabs`,
/// is named as left out.
#[test]
fn content_handed_to_the_enclosing_shortcode_is_rendered() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", "baseURL = 'https://h.example/'\n");
    write(
        root,
        "layouts/shortcodes/tab.html",
        "{{- if .Parent }}{{- $name := .Get 0 }}{{- .Parent.Scratch.Add \"tabs\" (dict \"Name\" $name \"Content\" .Inner) }}{{- end }}",
    );
    write(
        root,
        "layouts/shortcodes/tabs.html",
        "{{- if .Inner }}{{ end }}<div>{{- range .Scratch.Get \"tabs\" }}<label>{{ .Name }}</label><div>{{ .Content | $.Page.RenderString }}</div>{{- end }}</div>",
    );
    write(
        root,
        "content/a.md",
        "---\ntitle: A\n---\n{{< tabs \"os\" >}}\n{{< tab \"macOS\" >}}\n## macOS\n\nThis is tab **macOS** content.\n{{< /tab >}}\n{{< /tabs >}}\n",
    );
    let (pages, _) = read(root, FolderOptions::default());
    let page = &pages["a.md"];
    assert!(page.html.contains("<h2>macOS</h2>"), "{}", page.html);
    assert!(
        page.html
            .contains("This is tab <strong>macOS</strong> content."),
        "{}",
        page.html
    );
    assert_eq!(
        page.left_out,
        ["{{< tabs >}} (what its template shows besides its content)"]
    );
}
