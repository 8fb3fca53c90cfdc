//! Relative links and image sources made absolute, so that they work once the page is in
//! Intercom: a link to another page of the folder goes to that page's published URL, any
//! other relative link (an image, a file) to its place under the site URL; anchors and
//! queries are kept, and absolute links (`https:`, `mailto:`, `//host`) and anchors alone
//! (`#part`) are left as they are.

use std::collections::HashMap;

use scraper::{Html, Node};
use url::Url;

/// A base no real link can have: relative paths are resolved against it by the URL
/// parser's rules (`..`, `.`, percent-encoding), then looked up by their path.
const FOLDER: &str = "http://folder.invalid/";

/// The folder's pages by path, for resolving links to them.
#[derive(Debug)]
pub(crate) struct Links {
    site: Option<Url>,
    /// A Markdown link not found from its file's folder is looked up from the root (the
    /// Docusaurus docs' folder).
    root_fallback: bool,
    /// Files other than pages are published under names the sync cannot know (Docusaurus
    /// bundles an image as `/assets/images/name-<hash>.png`): links to them are left out.
    bundled_files: bool,
    /// Folders whose files (not pages) are published under another (`blog/posts/` →
    /// `blog/`, as Material's blog plugin moves them), each with a trailing `/`.
    moved_files: Vec<(String, String)>,
    /// Encoded path (`/guide/setup.md`) → the page's URL (`None`: not published, a draft).
    pages: HashMap<String, Option<String>>,
}

/// The destination of a link with none to give: [`unlink`] leaves the link's text, and an
/// image without its `src`.
pub(super) const UNLINKED: &str = "intercom-unlinked:";

impl Links {
    pub fn new(site: Option<Url>) -> Self {
        Links {
            site,
            root_fallback: false,
            bundled_files: false,
            moved_files: Vec::new(),
            pages: HashMap::new(),
        }
    }

    /// Looks Markdown links not found from their file's folder up from the root, as
    /// Docusaurus does.
    pub fn with_root_fallback(mut self, fallback: bool) -> Self {
        self.root_fallback = fallback;
        self
    }

    /// Whether files other than pages are published under names of the generator's making.
    pub fn with_bundled_files(mut self, bundled: bool) -> Self {
        self.bundled_files = bundled;
        self
    }

    /// Folders whose files are published under another: `(from/, to/)`.
    pub fn with_moved_files(mut self, moved: Vec<(String, String)>) -> Self {
        self.moved_files = moved;
        self
    }

    /// Notes the page at `relative` (its path in the folder) and its URL.
    pub fn add(&mut self, relative: &str, url: Option<String>) {
        if let Some(file) = file_url(relative) {
            self.pages.insert(file.path().to_owned(), url);
        }
    }

    /// What `href`, found in the page at `from`, becomes; `None` keeps it.
    pub fn resolve(&self, from: &str, href: &str) -> Option<String> {
        let site = self.site.as_ref()?;
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') || href.starts_with("//") {
            return None;
        }
        if Url::parse(href).is_ok() {
            return None; // https:, mailto:, tel:, data: …
        }
        if href.starts_with('/') {
            return site.join(href).ok().map(String::from);
        }
        let (path, fragment) = match href.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (href, None),
        };
        let base = file_url(from)?;
        if leaves_folder(from, path) {
            // Beyond the folder is beyond the site's pages (`../std/` from a book published
            // under `/book/`): the link means what it means from the page's published URL.
            let page = match self.pages.get(base.path()) {
                Some(Some(url)) => Url::parse(url).ok()?,
                _ => site.join(&base.path()[1..]).ok()?,
            };
            return page.join(href).ok().map(String::from);
        }
        let mut target = base.join(path).ok()?;
        if target.host_str() != Some("folder.invalid") {
            return None;
        }
        let query = target.query().map(str::to_owned);
        target.set_query(None);
        // Docusaurus looks a Markdown link up from the linking file's folder, then from the
        // docs' root (`[x](guide/setup.md)` from `a/b.md`).
        let from_root = || {
            let is_markdown = [".md", ".mdx"].iter().any(|e| target.path().ends_with(e));
            let mut target = Url::parse(FOLDER).ok()?.join(path).ok()?;
            target.set_query(None);
            (self.root_fallback && is_markdown).then_some(target)
        };
        if self.page(target.path()).is_none()
            && let Some(found) = from_root().filter(|t| self.page(t.path()).is_some())
        {
            target = found;
        }
        if let Some(Some(page)) = self.page(target.path()) {
            let mut url = Url::parse(page).ok()?;
            if query.is_some() {
                url.set_query(query.as_deref());
            }
            url.set_fragment(fragment);
            return Some(url.into());
        }
        // A file (`img/x.png`), not a page's URL path written as a link (`watch-plugins`).
        let names_a_file = target
            .path()
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'));
        if self.bundled_files && names_a_file {
            return Some(UNLINKED.to_owned());
        }
        let mut path = target.path().trim_start_matches('/').to_owned();
        if let Some((from, to)) = self
            .moved_files
            .iter()
            .find(|(from, _)| path.starts_with(from))
        {
            path = format!("{to}{}", &path[from.len()..]);
        }
        let mut url = site.join(&path).ok()?;
        url.set_query(query.as_deref());
        url.set_fragment(fragment);
        Some(url.into())
    }

    /// The page at `path`, also when the link left out its extension (`./setup` for
    /// `setup.md`, as Docusaurus and Hugo links often do) or named its folder.
    fn page(&self, path: &str) -> Option<&Option<String>> {
        if let Some(page) = self.pages.get(path) {
            return Some(page);
        }
        // `setup.md/#anchor`: MkDocs reads the file before the slash.
        if let Some(page) = path.strip_suffix('/').and_then(|file| self.pages.get(file)) {
            return Some(page);
        }
        let candidates: &[&str] = if path.ends_with('/') {
            &[
                "index.md",
                "README.md",
                "_index.md",
                "index.mdx",
                "index.html",
            ]
        } else {
            &[
                ".md",
                ".mdx",
                ".markdown",
                ".html",
                "/index.md",
                "/README.md",
                "/_index.md",
            ]
        };
        let trimmed = path.trim_end_matches('/');
        candidates.iter().find_map(|suffix| {
            let candidate = if path.ends_with('/') {
                format!("{path}{suffix}")
            } else {
                format!("{trimmed}{suffix}")
            };
            self.pages.get(&candidate)
        })
    }

    /// An HTML document with its `a[href]`, `area[href]` and `src` of images and media
    /// resolved; `None` when no link changed (the file is then sent as it is, byte for byte).
    pub fn rewrite_html(&self, from: &str, html: &str) -> Option<String> {
        self.site.as_ref()?;
        let mut document = Html::parse_document(html);
        rewrite_tree(&mut document, &|href| self.resolve(from, href)).then(|| document.html())
    }

    /// The same for a fragment of HTML: Markdown rendered with raw HTML in it (`<a href>`,
    /// `<img src>` written by hand), whose links the Markdown parser never sees.
    pub fn rewrite_fragment(&self, from: &str, html: &str) -> Option<String> {
        self.site.as_ref()?;
        rewrite_fragment_with(html, &|href| self.resolve(from, href))
    }
}

/// A fragment of HTML with the link attributes of its elements (`a[href]`, `img[src]` …)
/// replaced by what `resolve` makes of them; `None` when none changed.
pub(crate) fn rewrite_fragment_with(
    html: &str,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    let mut fragment = Html::parse_fragment(html);
    rewrite_tree(&mut fragment, resolve).then(|| fragment.root_element().inner_html())
}

/// Resolves the link attributes of every element of `document`; whether any changed.
fn rewrite_tree(document: &mut Html, resolve: &dyn Fn(&str) -> Option<String>) -> bool {
    let ids: Vec<_> = document.tree.nodes().map(|node| node.id()).collect();
    let mut changed = false;
    for id in ids {
        let Some(mut node) = document.tree.get_mut(id) else {
            continue;
        };
        let Node::Element(element) = node.value() else {
            continue;
        };
        let attribute = match &*element.name.local {
            "a" | "area" => "href",
            "img" | "source" | "video" | "audio" | "track" | "iframe" => "src",
            _ => continue,
        };
        for (name, value) in element.attrs.iter_mut() {
            if &*name.local == attribute
                && let Some(new) = resolve(value)
            {
                *value = new.into();
                changed = true;
            }
        }
    }
    changed
}

/// `relative` as a URL under [`FOLDER`], each part percent-encoded.
/// Whether the relative `path`, in the file at `from`, climbs above the folder (more `..`
/// than `from` has folders).
fn leaves_folder(from: &str, path: &str) -> bool {
    let Ok(mut inside) = Url::parse(FOLDER) else {
        return false;
    };
    if let Ok(mut segments) = inside.path_segments_mut() {
        segments
            .pop_if_empty()
            .push("inside")
            .extend(from.split('/'));
    }
    inside
        .join(path)
        .is_ok_and(|target| !target.path().starts_with("/inside/"))
}

/// Links to [`UNLINKED`] left as their text; images to it keep their other attributes.
pub(super) fn unlink(html: &str) -> String {
    if !html.contains(UNLINKED) {
        return html.to_owned();
    }
    let link = format!("<a href=\"{UNLINKED}\"");
    let source = format!(" src=\"{UNLINKED}\"");
    let html = html.replace(&source, "");
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(at) = rest.find(&link) {
        out.push_str(&rest[..at]);
        let Some(tag_end) = rest[at..].find('>').map(|e| at + e + 1) else {
            rest = &rest[at..];
            break;
        };
        match rest[tag_end..].find("</a>") {
            Some(close) => {
                out.push_str(&rest[tag_end..tag_end + close]);
                rest = &rest[tag_end + close + "</a>".len()..];
            }
            None => rest = &rest[tag_end..],
        }
    }
    out.push_str(rest);
    out
}

fn file_url(relative: &str) -> Option<Url> {
    let mut url = Url::parse(FOLDER).ok()?;
    url.path_segments_mut()
        .ok()?
        .pop_if_empty()
        .extend(relative.split('/'));
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> Links {
        let mut links = Links::new(Some(Url::parse("https://docs.example.com/docs/").unwrap()));
        links.add(
            "guide/setup.md",
            Some("https://docs.example.com/docs/guide/setup".into()),
        );
        links.add(
            "guide/index.md",
            Some("https://docs.example.com/docs/guide".into()),
        );
        links.add(
            "space name.md",
            Some("https://docs.example.com/docs/space%20name".into()),
        );
        links.add("wip.md", None);
        links
    }

    #[test]
    fn links_to_pages_go_to_their_urls_and_others_under_the_site() {
        let l = links();
        let r = |from: &str, href: &str| l.resolve(from, href);
        assert_eq!(
            r("guide/index.md", "setup.md#step-2").as_deref(),
            Some("https://docs.example.com/docs/guide/setup#step-2")
        );
        assert_eq!(
            r("a/b.md", "../guide/setup").as_deref(),
            Some("https://docs.example.com/docs/guide/setup")
        );
        assert_eq!(
            r("a.md", "guide/").as_deref(),
            Some("https://docs.example.com/docs/guide")
        );
        assert_eq!(
            r("a.md", "space%20name.md").as_deref(),
            Some("https://docs.example.com/docs/space%20name")
        );
        assert_eq!(
            r("guide/setup.md", "img/x.png").as_deref(),
            Some("https://docs.example.com/docs/guide/img/x.png")
        );
        assert_eq!(
            r("a.md", "wip.md").as_deref(),
            Some("https://docs.example.com/docs/wip.md")
        );
        assert_eq!(
            r("a.md", "/img/logo.svg").as_deref(),
            Some("https://docs.example.com/img/logo.svg")
        );
        // A link out of the folder is resolved from the page's URL, not squeezed under the
        // site.
        assert_eq!(
            r("guide/setup.md", "../../std/index.html").as_deref(),
            Some("https://docs.example.com/std/index.html")
        );
        assert_eq!(
            r("a.md", "../api/#x").as_deref(),
            Some("https://docs.example.com/api/#x")
        );
        assert_eq!(
            r("guide/setup.md", "../a.md").as_deref(),
            Some("https://docs.example.com/docs/a.md")
        );
        for kept in [
            "#top",
            "https://x.example/a",
            "mailto:a@b.example",
            "//cdn.example/x.js",
            "",
        ] {
            assert_eq!(r("a.md", kept), None, "{kept}");
        }
        assert_eq!(Links::new(None).resolve("a.md", "b.md"), None);
    }

    #[test]
    fn docusaurus_looks_a_markdown_link_up_from_the_root_when_not_beside_the_file() {
        let l = links().with_root_fallback(true);
        assert_eq!(
            l.resolve("a/b.md", "guide/setup.md#x").as_deref(),
            Some("https://docs.example.com/docs/guide/setup#x")
        );
        // Beside the file first; anything else is not looked up again.
        assert_eq!(
            l.resolve("a/b.md", "img/x.png").as_deref(),
            Some("https://docs.example.com/docs/a/img/x.png")
        );
        // Where the generator renames files (Docusaurus' hashed assets), they have no URL.
        let bundled = links().with_root_fallback(true).with_bundled_files(true);
        assert_eq!(
            bundled.resolve("blog/post.md", "./assets/x.png").as_deref(),
            Some(UNLINKED)
        );
        // Material's blog plugin publishes its posts' files without `posts/`.
        let moved = links().with_moved_files(vec![("blog/posts/".into(), "blog/".into())]);
        assert_eq!(
            moved
                .resolve("blog/posts/a.md", "./a/shot.png#light")
                .as_deref(),
            Some("https://docs.example.com/docs/blog/a/shot.png#light")
        );
        // A doc's URL path written as a link is resolved as before, as the browser does.
        assert_eq!(
            bundled.resolve("a/b.md", "watch-plugins#x").as_deref(),
            Some("https://docs.example.com/docs/a/watch-plugins#x")
        );
        assert_eq!(
            unlink(
                "<p><a href=\"intercom-unlinked:\">the pdf</a> <img src=\"intercom-unlinked:\" alt=\"x\" /></p>"
            ),
            "<p>the pdf <img alt=\"x\" /></p>"
        );
        assert_eq!(
            links().resolve("a/b.md", "guide/setup.md").as_deref(),
            Some("https://docs.example.com/docs/a/guide/setup.md")
        );
    }

    #[test]
    fn html_attributes_are_rewritten_and_unchanged_documents_left_alone() {
        let l = links();
        let out = l
            .rewrite_html(
                "guide/x.html",
                "<p><a href=\"setup.md\">S</a> <img src=\"i.png\"></p>",
            )
            .unwrap();
        assert!(
            out.contains("href=\"https://docs.example.com/docs/guide/setup\""),
            "{out}"
        );
        assert!(
            out.contains("src=\"https://docs.example.com/docs/guide/i.png\""),
            "{out}"
        );
        assert_eq!(
            l.rewrite_html("x.html", "<a href=\"https://x.example\">x</a>"),
            None
        );
    }
}
