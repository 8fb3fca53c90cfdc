//! One published HTML page: what its head says (language, canonical URL, redirect, robots,
//! generator, titles) and its main content, with the site's chrome taken out and links made
//! absolute.

use ego_tree::NodeId;
use std::collections::HashSet;

use scraper::node::Text;
use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

/// Where generators put a page's main content, most specific first: Docusaurus, MkDocs
/// Material, VitePress, Starlight, Jekyll's common layouts, then the generic landmarks
/// (Sphinx, MkDocs' own theme, mdBook and most Hugo themes use these). A page with none of
/// them goes to the readability algorithm ([`readable`]).
const MAIN: &[&str] = &[
    ".theme-doc-markdown",
    "article .markdown",
    ".md-content__inner",
    ".vp-doc",
    ".sl-markdown-content",
    ".post-content",
    ".page-content",
    "[role=main]",
    "main article",
    "article",
    "main",
];

/// What is never the page's content, wherever it sits: code, navigation and theme widgets,
/// heading permalink marks, copy buttons, and what the reader cannot see (a tab panel that is
/// hidden until chosen is content, so it stays).
const CHROME: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "link",
    "meta",
    "svg",
    // A tab's label is content: it tells the panels apart.
    "button:not([role=tab])",
    // Embedded sandboxes and videos: nothing Fin can read.
    "iframe",
    // A task list's box says whether the task is done: kept, as a character (see `clean`).
    "input:not([type=checkbox])",
    "select",
    "textarea",
    "form",
    "nav",
    "footer",
    "[role=navigation]",
    "[role=search]",
    "[hidden]:not([role=tabpanel])",
    // Hidden from screen readers is not hidden from the eye: Starlight's aside titles.
    "[aria-hidden=true]:not(.starlight-aside__title)",
    // Text for screen readers only ("Section titled …", "Terminal window").
    ".sr-only",
    ".visually-hidden",
    "[style*='display:none']",
    "[style*='display: none']",
    // Heading permalinks: Sphinx and MkDocs `¶`, Docusaurus, VitePress, Hugo themes.
    ".headerlink",
    ".hash-link",
    ".header-anchor",
    "a.anchor",
    ".anchor-link",
    ".heading-anchor",
    ".sl-anchor-link",
    // Breadcrumbs, tables of contents, edit links, previous/next.
    ".breadcrumbs",
    ".breadcrumb",
    ".theme-doc-breadcrumbs",
    ".theme-doc-toc-mobile",
    ".theme-doc-footer",
    ".pagination-nav",
    ".toc",
    "#TableOfContents",
    ".table-of-contents",
    ".md-source-file",
    ".md-content__button",
    ".edit-link",
    ".edit-this-page",
    ".prev-next",
    ".VPDocFooter",
    ".nav-chapters",
    ".mobile-nav-chapters",
    ".sphinxsidebar",
    ".related",
    ".rst-footer-buttons",
    // Jekyll's minima lists the posts and a feed link on its home page.
    ".post-list-heading",
    ".post-list",
    ".rss-subscribe",
    // VitePress writes a code block's language beside it, as text.
    "div[class*='language-'] > .lang",
    // mdBook's hidden lines of Rust examples, shown only on request.
    ".boring",
];

/// What one page's HTML says.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// `<html lang>`, else `og:locale`: the primary subtag, lower-cased (`en`, `fr`).
    pub lang: Option<String>,
    /// `<link rel="canonical">`, resolved against the page's URL.
    pub canonical: Option<Url>,
    /// A `<meta http-equiv="refresh">`: a redirect stub.
    pub refresh: bool,
    /// `<meta name="robots">` says `noindex`.
    pub noindex: bool,
    /// `<meta name="generator">`.
    pub generator: Option<String>,
    pub og_title: Option<String>,
    pub title: Option<String>,
    pub h1: Option<String>,
    /// The main content, cleaned, links absolute.
    pub html: String,
    /// The page has no content element we know: its content is what the readability
    /// algorithm found.
    pub readability: bool,
    /// Whether the main content has visible text at all.
    pub has_text: bool,
    /// How many `<article>`s have a heading that links to another page: the entries of a
    /// listing (a blog's index, a tag's page). A card or an embed has no such heading.
    pub linked_articles: usize,
    /// Characters of the main content's text, and of its link text (a tags index is all
    /// links).
    pub text_chars: usize,
    /// See [`text_chars`](Self::text_chars).
    pub link_chars: usize,
}

/// How to find and clean a page's content.
pub(crate) struct Extract {
    main: Vec<Selector>,
    /// Every element to drop, as one selector list: one walk of the page, not one a selector.
    drop: Selector,
    tabs: Tabs,
    checkbox: Selector,
    link: Selector,
    /// What makes a link without text still a link: an image or a media element.
    media: Selector,
}

/// Tab groups whose labels sit together in a row apart from their panels: MkDocs Material's
/// content tabs and VitePress's code groups by their classes, the others (Docusaurus,
/// Starlight, sphinx-tabs) by their ARIA roles. Each label is moved before its panel, so
/// that the shown panels still say which tab each one is.
struct Tabs {
    /// (group, its labels, its panels), labels and panels in the same order.
    themed: Vec<(Selector, Selector, Selector)>,
    tablist: Selector,
    tab: Selector,
    tabpanel: Selector,
}

impl Tabs {
    fn new() -> Tabs {
        let css = |css: &str| Selector::parse(css).expect("a selector");
        Tabs {
            themed: [
                (
                    ".tabbed-set",
                    ".tabbed-labels > label",
                    ".tabbed-content > .tabbed-block",
                ),
                (".vp-code-group", ".tabs > label", ".blocks > div"),
            ]
            .into_iter()
            .map(|(group, label, panel)| (css(group), css(label), css(panel)))
            .collect(),
            tablist: css("[role=tablist]"),
            tab: css("[role=tab]"),
            tabpanel: css("[role=tabpanel]"),
        }
    }

    /// Each tab's label and its panel, in `root`. A group whose labels and panels do not
    /// pair up (tabs nested in a panel) is left as it is.
    fn pairs(&self, root: ElementRef<'_>) -> Vec<(NodeId, NodeId)> {
        let mut pairs = Vec::new();
        let mut pair = |labels: Vec<NodeId>, panels: Vec<NodeId>| {
            if labels.len() == panels.len() {
                pairs.extend(labels.into_iter().zip(panels));
            }
        };
        for (group, label, panel) in &self.themed {
            for group in root.select(group) {
                pair(
                    group.select(label).map(|e| e.id()).collect(),
                    group.select(panel).map(|e| e.id()).collect(),
                );
            }
        }
        for list in root.select(&self.tablist) {
            // The panels are beside the list, or beside the list's wrapper (Starlight).
            let group = list
                .ancestors()
                .take(3)
                .filter_map(ElementRef::wrap)
                .find(|a| a.select(&self.tabpanel).next().is_some());
            if let Some(group) = group {
                pair(
                    list.select(&self.tab).map(|e| e.id()).collect(),
                    group.select(&self.tabpanel).map(|e| e.id()).collect(),
                );
            }
        }
        pairs
    }
}

impl Extract {
    /// The generators' selectors, `content` (a theme of one's own) tried first, `drop`
    /// removed besides the chrome.
    pub fn new(content: Option<&str>, drop: &[String]) -> Result<Extract, String> {
        let parse = |css: &str| {
            Selector::parse(css).map_err(|e| format!("{css:?} is not a CSS selector: {e}"))
        };
        let mut main = Vec::new();
        if let Some(css) = content {
            main.push(parse(css)?);
        }
        for css in MAIN {
            main.push(parse(css)?);
        }
        // Each on its own first, so that a bad one is named.
        for css in drop {
            parse(css)?;
        }
        let all: Vec<&str> = CHROME
            .iter()
            .copied()
            .chain(drop.iter().map(String::as_str))
            .collect();
        Ok(Extract {
            main,
            drop: parse(&all.join(", "))?,
            tabs: Tabs::new(),
            checkbox: parse("input[type=checkbox]")?,
            link: parse("a")?,
            media: parse("img, picture, video, audio, object")?,
        })
    }

    /// The page `html`, published at `url` (relative links resolve against it).
    pub fn parse(&self, html: &str, url: Option<&Url>) -> Parsed {
        let document = Html::parse_document(html);
        let mut parsed = head(&document, url);
        parsed.linked_articles = linked_articles(&document);
        let known = self
            .main
            .iter()
            .find_map(|s| document.select(s).next())
            .map(|e| e.id());
        let (mut document, main) = match known {
            Some(main) => (document, main),
            None => match readable(html, url) {
                Some(article) => {
                    parsed.readability = true;
                    let fragment = Html::parse_fragment(&article);
                    let root = fragment.root_element().id();
                    (fragment, root)
                }
                // Too little text for the algorithm: the whole body, less the chrome.
                None => {
                    let body = Selector::parse("body").expect("a selector");
                    let body = document.select(&body).next().map(|e| e.id());
                    match body {
                        Some(body) => (document, body),
                        None => return parsed,
                    }
                }
            },
        };
        self.clean(&mut document, main, url);
        let root = ElementRef::wrap(document.tree.get(main).expect("a node of the tree"))
            .expect("an element");
        parsed.h1 = first_text(root, "h1");
        parsed.has_text = root.text().any(|t| !t.trim().is_empty());
        (parsed.text_chars, parsed.link_chars) = text_and_links(root);
        parsed.html = root.inner_html().trim().to_owned();
        parsed
    }

    /// Takes the chrome and comments out of the element `main`, puts each tab's label before
    /// its panel, writes task-list boxes as characters, drops links left without text, and
    /// cleans the attributes left (links made absolute against `url`).
    fn clean(&self, document: &mut Html, main: NodeId, url: Option<&Url>) {
        let root = ElementRef::wrap(document.tree.get(main).expect("a node of the tree"))
            .expect("an element");
        let mut removed: Vec<_> = root.select(&self.drop).map(|e| e.id()).collect();
        removed.extend(
            root.descendants()
                .filter(|n| n.value().is_comment())
                .map(|n| n.id()),
        );
        for id in removed {
            if let Some(mut node) = document.tree.get_mut(id) {
                node.detach();
            }
        }

        let root = ElementRef::wrap(document.tree.get(main).expect("a node of the tree"))
            .expect("an element");
        let pairs = self.tabs.pairs(root);
        let boxes: Vec<(NodeId, bool)> = root
            .select(&self.checkbox)
            .map(|e| (e.id(), e.value().attr("checked").is_some()))
            .collect();
        let mut moved = HashSet::new();
        for (label, panel) in pairs {
            if moved.insert(label)
                && let Some(mut panel) = document.tree.get_mut(panel)
            {
                panel.insert_id_before(label);
            }
        }
        for (id, checked) in boxes {
            if let Some(mut node) = document.tree.get_mut(id) {
                let mark = if checked { "\u{2611} " } else { "\u{2610} " };
                node.insert_before(Node::Text(Text { text: mark.into() }));
                node.detach();
            }
        }

        // A link whose icon was dropped reads as nothing.
        let root = ElementRef::wrap(document.tree.get(main).expect("a node of the tree"))
            .expect("an element");
        let empty: Vec<NodeId> = root
            .select(&self.link)
            .filter(|a| {
                a.text().all(|t| t.trim().is_empty()) && a.select(&self.media).next().is_none()
            })
            .map(|a| a.id())
            .collect();
        for id in empty {
            if let Some(mut node) = document.tree.get_mut(id) {
                node.detach();
            }
        }

        let ids: Vec<_> = match document.tree.get(main) {
            Some(node) => node.descendants().map(|n| n.id()).collect(),
            None => Vec::new(),
        };
        for id in ids {
            if let Some(mut node) = document.tree.get_mut(id)
                && let Node::Element(element) = node.value()
            {
                clean_attributes(element);
                if let Some(url) = url {
                    absolute_links(element, url);
                }
            }
        }
    }
}

/// The main content of a page that has no content element we know, as Mozilla's Readability
/// finds it (the algorithm of Firefox's reader view): the block whose paragraphs score
/// highest, less what looks like navigation by its link density. `None` when it finds
/// nothing.
fn readable(html: &str, url: Option<&Url>) -> Option<String> {
    let config = dom_smoothie::Config {
        // The chrome is recognised by its classes afterwards.
        keep_classes: true,
        ..Default::default()
    };
    let mut readability =
        dom_smoothie::Readability::new(html, url.map(Url::as_str), Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let content = article.content.to_string();
    (!content.trim().is_empty()).then_some(content)
}

/// What the page's `<head>` (and `<html>`) say.
fn head(document: &Html, url: Option<&Url>) -> Parsed {
    let mut parsed = Parsed::default();
    let select = |css: &str| Selector::parse(css).expect("a selector");
    parsed.lang = document
        .select(&select("html"))
        .next()
        .and_then(|e| e.value().attr("lang"))
        .and_then(primary_language);
    for meta in document.select(&select("meta")) {
        let attr = |name: &str| meta.value().attr(name).map(str::trim);
        let content = attr("content").unwrap_or_default();
        match (attr("name"), attr("property"), attr("http-equiv")) {
            // Astro writes its own and Starlight's: both are told.
            (Some(name), ..) if name.eq_ignore_ascii_case("generator") && !content.is_empty() => {
                match &mut parsed.generator {
                    Some(named) => {
                        named.push_str(", ");
                        named.push_str(content);
                    }
                    None => parsed.generator = Some(content.to_owned()),
                }
            }
            (Some(name), ..) if name.eq_ignore_ascii_case("robots") => {
                parsed.noindex |= content
                    .split(',')
                    .any(|d| d.trim().eq_ignore_ascii_case("noindex"));
            }
            (_, Some("og:title"), _) => parsed.og_title = collapse(content),
            (_, Some("og:locale"), _) if parsed.lang.is_none() => {
                parsed.lang = primary_language(content);
            }
            (_, _, Some(equiv)) if equiv.eq_ignore_ascii_case("refresh") => parsed.refresh = true,
            _ => {}
        }
    }
    // A redirect written for readers without scripts: `<noscript>` holds it as text.
    let noscript = select("noscript");
    let refresh = select("meta[http-equiv]");
    parsed.refresh |= document.select(&noscript).any(|e| {
        let inner = Html::parse_fragment(&e.text().collect::<String>());
        inner.select(&refresh).any(|m| {
            m.value()
                .attr("http-equiv")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
        })
    });
    parsed.canonical = document
        .select(&select("link[rel~=canonical][href]"))
        .next()
        .and_then(|e| e.value().attr("href"))
        .and_then(|href| match url {
            Some(url) => url.join(href.trim()).ok(),
            None => Url::parse(href.trim()).ok(),
        })
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    parsed.title = document
        .select(&select("title"))
        .next()
        .and_then(|e| collapse(&e.text().collect::<String>()));
    if parsed.generator.is_none() {
        parsed.generator = unnamed_generator(document);
    }
    parsed
}

/// The generators that write no `<meta name="generator">`, told by what their pages always
/// hold: Sphinx's script of options (every theme loads it), mdBook's comment in the head.
fn unnamed_generator(document: &Html) -> Option<String> {
    let sphinx =
        Selector::parse("html[data-content_root], script[src*='documentation_options.js']")
            .expect("a selector");
    if document.select(&sphinx).next().is_some() {
        return Some("Sphinx".to_owned());
    }
    let head = Selector::parse("head").expect("a selector");
    let mdbook = document.select(&head).next()?.children().any(|n| {
        n.value()
            .as_comment()
            .is_some_and(|c| c.contains("generated using mdBook"))
    });
    mdbook.then(|| "mdBook".to_owned())
}

/// How many `<article>`s have a heading that links to another page.
fn linked_articles(document: &Html) -> usize {
    let article = Selector::parse("article").expect("a selector");
    let linked_heading = Selector::parse(
        "h1 a[href]:not([href^='#']), h2 a[href]:not([href^='#']), h3 a[href]:not([href^='#']), a[href]:not([href^='#']) h2, a[href]:not([href^='#']) h3",
    )
    .expect("a selector");
    document
        .select(&article)
        .filter(|a| a.select(&linked_heading).next().is_some())
        .count()
}

/// How many characters of text `root` holds, and how many of them are inside links.
fn text_and_links(root: ElementRef<'_>) -> (usize, usize) {
    let length = |e: ElementRef<'_>| e.text().map(|t| t.trim().chars().count()).sum::<usize>();
    let link = Selector::parse("a").expect("a selector");
    (length(root), root.select(&link).map(length).sum())
}

/// What the content keeps of an element's attributes: no inline styles (highlighters write
/// one per token: half the bytes, nothing to read), no `javascript:` links, and a tab panel
/// that is hidden until chosen shown.
fn clean_attributes(element: &mut scraper::node::Element) {
    let tab_panel = element.attr("role") == Some("tabpanel");
    element.attrs.retain(|(name, value)| match &*name.local {
        "style" => false,
        "hidden" => !tab_panel,
        "href" => !value
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("javascript:"),
        _ => true,
    });
}

/// `en` of `en-US`, `en_GB` or `EN`.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (!primary.is_empty()).then_some(primary)
}

/// The first `css` element's text under `root`, whitespace collapsed.
fn first_text(root: ElementRef<'_>, css: &str) -> Option<String> {
    let selector = Selector::parse(css).ok()?;
    root.select(&selector)
        .find_map(|e| collapse(&e.text().collect::<String>()))
}

/// Whitespace collapsed; `None` when nothing is left.
pub(crate) fn collapse(text: &str) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

/// The element's links, image and media sources and `srcset` made absolute against `url`.
fn absolute_links(element: &mut scraper::node::Element, url: &Url) {
    for (name, value) in element.attrs.iter_mut() {
        let new = match &*name.local {
            "href" | "src" | "poster" => absolute(url, value),
            "srcset" => Some(srcset(url, value)),
            _ => None,
        };
        if let Some(new) = new {
            *value = new.into();
        }
    }
}

/// `href` resolved against `url`; `None` leaves it (an anchor on the page, or already
/// absolute). An empty one is the page itself (Hugo writes `href=""` for a link to a page it
/// does not render).
fn absolute(url: &Url, href: &str) -> Option<String> {
    let href = href.trim();
    if href.starts_with('#') || Url::parse(href).is_ok() {
        return None;
    }
    url.join(href).ok().map(String::from)
}

/// Each candidate of a `srcset` (`a.png 1x, b.png 2x`) made absolute.
fn srcset(url: &Url, value: &str) -> String {
    value
        .split(',')
        .map(|candidate| {
            let candidate = candidate.trim();
            let (src, descriptor) = candidate
                .split_once(char::is_whitespace)
                .unwrap_or((candidate, ""));
            let src = absolute(url, src).unwrap_or_else(|| src.to_owned());
            match descriptor.trim() {
                "" => src,
                d => format!("{src} {d}"),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(html: &str) -> Parsed {
        let url = Url::parse("https://docs.example.com/guide/setup/").unwrap();
        Extract::new(None, &[]).unwrap().parse(html, Some(&url))
    }

    #[test]
    fn the_main_content_without_the_chrome_and_with_absolute_links() {
        let page = extract(
            r##"<!doctype html><html lang="en-US"><head>
<title>Setup | Docs</title><meta property="og:title" content="Setup">
<meta name="generator" content="Docusaurus v3.5.2">
<link rel="canonical" href="/guide/setup/"></head>
<body><nav>Home Guide</nav><main><article><div class="theme-doc-markdown markdown">
<header><h1>Setup<a class="hash-link" href="#setup">&#8203;</a></h1></header>
<p>Open <a href="../intro/">the intro</a> and <a href="#x">this</a>.</p>
<img src="img/a.png" srcset="img/a.png 1x, /img/b.png 2x">
<pre><code>let x = 1;</code><button>Copy</button></pre>
<div role="tabpanel" hidden><p>Second tab.</p></div><div hidden>Secret</div>
<!-- a comment --><script>alert(1)</script>
</div><footer class="theme-doc-footer">Edit this page</footer></article></main></body></html>"##,
        );
        assert_eq!(page.lang.as_deref(), Some("en"));
        assert_eq!(page.og_title.as_deref(), Some("Setup"));
        assert_eq!(page.title.as_deref(), Some("Setup | Docs"));
        assert_eq!(page.h1.as_deref(), Some("Setup"));
        assert_eq!(
            page.canonical.map(String::from).as_deref(),
            Some("https://docs.example.com/guide/setup/")
        );
        assert_eq!(page.generator.as_deref(), Some("Docusaurus v3.5.2"));
        let html = page.html;
        for kept in [
            "<h1>Setup</h1>",
            r#"href="https://docs.example.com/guide/intro/""#,
            r##"href="#x""##,
            r#"src="https://docs.example.com/guide/setup/img/a.png""#,
            r#"srcset="https://docs.example.com/guide/setup/img/a.png 1x, https://docs.example.com/img/b.png 2x""#,
            "<code>let x = 1;</code>",
            "Second tab.",
        ] {
            assert!(html.contains(kept), "{kept} in {html}");
        }
        for gone in [
            "Home Guide",
            "Edit this page",
            "Copy",
            "Secret",
            "comment",
            "alert",
            "hash-link",
        ] {
            assert!(!html.contains(gone), "{gone} in {html}");
        }
        assert!(page.has_text);
    }

    /// A theme of one's own that marks nothing: the content is in a `div` among others.
    fn unmarked_page(paragraphs: &[&str]) -> String {
        let links: String = (1..=12)
            .map(|i| format!(r#"<li><a href="/topic-{i}/">Topic number {i}</a></li>"#))
            .collect();
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            r#"<!doctype html><html lang="en"><head><title>Harbour pilots</title></head><body>
<div class="top"><a href="/">Almanac</a> <a href="/about/">About us</a></div>
<div class="menu"><ul>{links}</ul></div>
<div class="words"><h1>Harbour pilots</h1>{body}
<pre><code>pilot --harbour north</code></pre></div>
<div class="bottom">Copyright the almanac people</div></body></html>"#
        )
    }

    #[test]
    fn a_page_without_a_content_element_gets_the_readability_algorithm() {
        let sentence = "A harbour pilot boards the ship at the outer buoy and steers it through \
            the channel, because the currents there change with every tide and season.";
        let page = extract(&unmarked_page(&[sentence; 6]));
        assert!(page.readability);
        let html = page.html;
        assert!(html.contains("the outer buoy"), "{html}");
        assert!(html.contains("pilot --harbour north"), "{html}");
        for gone in ["Topic number", "About us", "Copyright"] {
            assert!(!html.contains(gone), "{gone} in {html}");
        }
    }

    #[test]
    fn a_page_too_short_for_the_algorithm_is_its_body_without_the_chrome() {
        let page = extract(&unmarked_page(&["Pilots board at the buoy."]));
        assert!(
            page.html.contains("Pilots board at the buoy."),
            "{}",
            page.html
        );
        assert!(page.html.contains("pilot --harbour north"), "{}", page.html);
    }

    #[test]
    fn generators_without_a_generator_meta_are_told_by_their_pages() {
        let sphinx = extract(
            r#"<html data-content_root="./"><head><script src="_static/documentation_options.js?v=1"></script></head><body><main>x</main></body></html>"#,
        );
        assert_eq!(sphinx.generator.as_deref(), Some("Sphinx"));
        let mdbook = extract(
            "<html><head>\n<!-- Book generated using mdBook -->\n<title>x</title></head><body><main>x</main></body></html>",
        );
        assert_eq!(mdbook.generator.as_deref(), Some("mdBook"));
        let named = extract(
            r#"<html data-content_root="./"><head><meta name="generator" content="Hugo 0.120"></head><body></body></html>"#,
        );
        assert_eq!(named.generator.as_deref(), Some("Hugo 0.120"));
        assert_eq!(extract("<p>x</p>").generator, None);
    }

    #[test]
    fn each_tab_label_goes_before_its_panel() {
        let material = r#"<main><div class="tabbed-set"><input type="radio" checked><input type="radio"><div class="tabbed-labels"><label>C</label><label>C++</label></div><div class="tabbed-content"><div class="tabbed-block"><p>c code</p></div><div class="tabbed-block"><p>c++ code</p></div></div></div></main>"#;
        let docusaurus = r#"<main><div class="tabs-container"><ul role="tablist"><li role="tab">C</li><li role="tab">C++</li></ul><div><div role="tabpanel"><p>c code</p></div><div role="tabpanel" hidden><p>c++ code</p></div></div></div></main>"#;
        let starlight = r##"<main><starlight-tabs><div class="tablist-wrapper"><ul role="tablist"><li role="presentation"><a role="tab" href="#p1">C</a></li><li role="presentation"><a role="tab" href="#p2">C++</a></li></ul></div><div id="p1" role="tabpanel"><p>c code</p></div><div id="p2" role="tabpanel" hidden><p>c++ code</p></div></starlight-tabs></main>"##;
        let vitepress = r#"<main><div class="vp-code-group"><div class="tabs"><input type="radio"><label>C</label><input type="radio"><label>C++</label></div><div class="blocks"><div><p>c code</p></div><div><p>c++ code</p></div></div></div></main>"#;
        for html in [material, docusaurus, starlight, vitepress] {
            let text: String = Html::parse_fragment(&extract(html).html)
                .root_element()
                .text()
                .collect::<Vec<_>>()
                .join("|");
            assert_eq!(text, "C|c code|C++|c++ code", "{html}");
        }
        // Labels and panels that do not pair up stay where they are.
        let odd = r#"<main><div class="tabbed-set"><div class="tabbed-labels"><label>C</label><label>C++</label></div><div class="tabbed-content"><div class="tabbed-block"><p>c code</p></div></div></div></main>"#;
        assert!(
            extract(odd)
                .html
                .contains("<label>C</label><label>C++</label>")
        );
    }

    #[test]
    fn a_task_lists_boxes_say_which_tasks_are_done() {
        let page = extract(
            r#"<main><ul><li><input type="checkbox" disabled checked> Ship it</li><li><input type="checkbox" disabled> Test it</li></ul><form><input type="text"></form></main>"#,
        );
        assert!(
            page.html.contains("<li>\u{2611}  Ship it</li>"),
            "{}",
            page.html
        );
        assert!(
            page.html.contains("<li>\u{2610}  Test it</li>"),
            "{}",
            page.html
        );
        assert!(!page.html.contains("input"), "{}", page.html);
    }

    #[test]
    fn a_link_left_without_text_is_dropped_and_an_image_link_is_not() {
        let page = extract(
            r#"<main><p>Since <a href="/v/" title="Minimum version"><span class="twemoji"><svg></svg></span></a> 1.2 and <a href="/big.png"><img src="/small.png" alt=""></a> <a href="/x/">x</a></p></main>"#,
        );
        assert!(!page.html.contains("/v/"), "{}", page.html);
        assert!(page.html.contains("/big.png"), "{}", page.html);
        assert!(page.html.contains(">x</a>"), "{}", page.html);
    }

    #[test]
    fn redirects_robots_and_listings_are_told() {
        let stub = extract(
            r#"<html><head><meta http-equiv="refresh" content="0; url=../new/"><meta name="robots" content="noindex, follow"></head><body></body></html>"#,
        );
        assert!(stub.refresh && stub.noindex && !stub.has_text);
        let listing = extract(
            r#"<main><article><h2><a href="/a/">A</a></h2><p>About a.</p></article><article><h2><a href="/b/">B</a></h2></article></main>"#,
        );
        assert_eq!(listing.linked_articles, 2);
        let page = extract(
            r#"<main><article><h1>Start</h1><p>Text.</p><article class="yt-lite" role="img"></article></article></main>"#,
        );
        assert_eq!(page.linked_articles, 0, "an embed is no listed page");
        let hidden_redirect = extract(
            r#"<html><head><noscript><meta http-equiv="refresh" content="0; url=/new/"></noscript></head><body><main></main></body></html>"#,
        );
        assert!(hidden_redirect.refresh);
    }
}
