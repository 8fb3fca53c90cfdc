//! A site's build output (`public/`, `site/`, `build/`, `book/`, `_build/html`, `dist/` …) as
//! desired pages: what the generator published, for any generator, read from the HTML its
//! readers get.
//!
//! **Which pages.** The site's `sitemap.xml` or `sitemap-index.xml` (and the sitemaps an index
//! lists) when there is one: the site's own list of its published pages. Else every `.html`
//! file. Never
//! a 404 page, a redirect stub (`<meta http-equiv="refresh">`, or a canonical link to another
//! page), a `noindex` page, the generator's listing pages (tags, categories, archives, search,
//! pagination, a page of several `<article>`s), nor pages that are not content (mdBook's
//! `print.html` and `toc.html`, Sphinx's `genindex.html`, `search.html`, `py-modindex.html`)
//! — unless [`BuiltOptions::include`] names them. [`BuiltOptions::exclude`] leaves out more.
//! Both take globs on the page's path (`/blog/**`).
//!
//! **Identity.** A page's external id is its path in the site, from the build folder's
//! root, with the generator's directory-URL rule: `guide/setup/index.html` is
//! `/guide/setup/`, `book/intro.html` is `/book/intro.html`, the home page `/`. It depends
//! on nothing but the file's place, so it is the same on every machine and every rebuild,
//! and a file that cannot be read still says which page it is.
//!
//! **URL.** The page's `<link rel="canonical">`, else its sitemap `<loc>`, else the site URL
//! ([`BuiltOptions::site_url`], else the sitemap's) followed by its path.
//!
//! **Title.** `og:title`, else `<title>` without the site's suffix (` | Site`, ` - Site`,
//! ` — Project documentation`, found from the pages' titles), else the first `<h1>`.
//!
//! **Content.** The main content element only (the generator's: Docusaurus, MkDocs and
//! Material, VitePress, Starlight, Jekyll; else `[role=main]`, `main article`, `article`,
//! `main`; a page with none of them gets Mozilla's Readability algorithm, the one of
//! Firefox's reader view, else its whole body), without navigation, headers' permalink
//! marks, tables of contents, breadcrumbs, edit links, previous/next, copy buttons,
//! scripts, styles or hidden elements
//! ([`BuiltOptions::content_selector`] and [`BuiltOptions::drop_selector`] for a theme of
//! one's own). Links, images and `srcset`s are made absolute against the page's URL.
//!
//! **Language.** Intercom takes only `en` as an external page's locale, so one language is
//! synced: [`BuiltOptions::lang`], else the home page's (`<html lang>`, else `og:locale`).
//! A page in another language is reported as skipped, and not sent.
//!
//! **What cannot be read.** A page the sitemap lists that the build does not hold, a file
//! that cannot be read or is over the size limit: an [`ItemError`] covering that page (its
//! id is its path). A folder that cannot be read while looking for pages covers every page.
//! A sitemap that cannot be read or parsed stops the sync before anything is sent
//! ([`InputError`]): the list of pages would be incomplete.

mod page;
mod sitemap;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use url::Url;

use crate::desired::DesiredPage;
use crate::file::read_limited as read;
use crate::folder::{DEFAULT_MAX_FILE_BYTES, InputError};
pub use crate::input::{Covers, ItemError};
use page::{Extract, Parsed};
use sitemap::Sitemap;

/// How a build folder becomes pages.
#[derive(Clone, Debug)]
pub struct BuiltOptions {
    site_url: Option<Url>,
    lang: Option<String>,
    include: Vec<String>,
    exclude: Vec<String>,
    content_selector: Option<String>,
    drop_selectors: Vec<String>,
    max_file_bytes: u64,
}

impl Default for BuiltOptions {
    /// The site URL from the sitemap (else none), the home page's language, the listing
    /// pages left out, the generator's content element, pages up to
    /// [`DEFAULT_MAX_FILE_BYTES`].
    fn default() -> Self {
        BuiltOptions {
            site_url: None,
            lang: None,
            include: Vec::new(),
            exclude: Vec::new(),
            content_selector: None,
            drop_selectors: Vec::new(),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

impl BuiltOptions {
    /// Where the build folder's root is published (an absolute http(s) URL), when neither the
    /// sitemap nor the pages' canonical links say.
    pub fn site_url(mut self, url: &str) -> Result<Self, InputError> {
        let invalid = |reason: &str| InputError::InvalidOption {
            option: "site_url",
            reason: format!("{url:?} {reason}"),
        };
        let mut parsed = Url::parse(url.trim()).map_err(|_| invalid("is not an absolute URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(invalid("is not an http or https URL"));
        }
        if !parsed.path().ends_with('/') {
            let path = format!("{}/", parsed.path());
            parsed.set_path(&path);
        }
        self.site_url = Some(parsed);
        Ok(self)
    }

    /// The language to sync (`en`, `fr`), instead of the home page's.
    pub fn lang(mut self, lang: &str) -> Self {
        self.lang = Some(lang.trim().to_ascii_lowercase());
        self
    }

    /// Only pages whose path matches one of these globs (`/docs/**`); a listing page that
    /// matches is taken too.
    pub fn include(mut self, globs: impl IntoIterator<Item = String>) -> Self {
        self.include.extend(globs);
        self
    }

    /// Pages whose path matches one of these globs are left out.
    pub fn exclude(mut self, globs: impl IntoIterator<Item = String>) -> Self {
        self.exclude.extend(globs);
        self
    }

    /// The CSS selector of the main content element, tried before the generators'.
    pub fn content_selector(mut self, css: &str) -> Self {
        self.content_selector = Some(css.to_owned());
        self
    }

    /// A CSS selector of more elements to leave out of the content.
    pub fn drop_selector(mut self, css: &str) -> Self {
        self.drop_selectors.push(css.to_owned());
        self
    }

    /// Pages larger than this many bytes are reported as errors instead of being read.
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_file_bytes = bytes;
        self
    }
}

/// What a build folder was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Detected {
    /// The build folder.
    pub root: PathBuf,
    /// The generator, from the home page's `<meta name="generator">` (Sphinx and mdBook,
    /// which write none, from what their pages always hold).
    pub generator: Option<String>,
    /// The sitemap the pages came from (else every `.html` file).
    pub sitemap: Option<PathBuf>,
    /// Where the build folder's root is published.
    pub site_url: Option<Url>,
    /// The language synced.
    pub lang: Option<String>,
    /// How many pages were listed, and how many paths were left out as listing pages,
    /// non-content pages or by the globs.
    pub pages: usize,
    /// See [`pages`](Self::pages).
    pub left_out: usize,
    /// Sitemap URLs of another site (another host, or outside the site's path): not this
    /// build's pages, left out.
    pub elsewhere: usize,
}

impl std::fmt::Display for Detected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "built site {}", self.root.display())?;
        if let Some(generator) = &self.generator {
            write!(f, " ({generator})")?;
        }
        match &self.sitemap {
            Some(sitemap) => write!(f, ", {} pages from {}", self.pages, sitemap.display())?,
            None => write!(f, ", {} pages (no sitemap: every .html file)", self.pages)?,
        }
        if self.left_out > 0 {
            write!(f, ", {} listing or other pages left out", self.left_out)?;
        }
        if self.elsewhere > 0 {
            write!(
                f,
                ", {} sitemap URLs of another site left out",
                self.elsewhere
            )?;
        }
        match &self.site_url {
            Some(url) => write!(f, ", site URL {url}")?,
            None => f.write_str(", no site URL (pages get none)")?,
        }
        match &self.lang {
            Some(lang) => write!(f, ", language {lang}"),
            None => Ok(()),
        }
    }
}

/// Whether `root` looks like a site's build output: an `index.html` and no Markdown file at
/// its top.
pub fn looks_built(root: &Path) -> bool {
    if !root.join("index.html").is_file() {
        return false;
    }
    let Ok(entries) = std::fs::read_dir(root) else {
        return false;
    };
    !entries.flatten().any(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        name.ends_with(".md") || name.ends_with(".mdx")
    })
}

/// A build folder's pages, read one file at a time as the iterator is driven.
pub struct BuiltPages {
    detected: Detected,
    listed: std::vec::IntoIter<Listed>,
    reader: Reader,
}

impl BuiltPages {
    /// What the folder was read as: generator, sitemap, site URL, language.
    pub fn detected(&self) -> &Detected {
        &self.detected
    }
}

impl Iterator for BuiltPages {
    type Item = Result<DesiredPage, ItemError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let listed = self.listed.next()?;
            if let Some(item) = self.reader.page(listed) {
                return Some(item);
            }
        }
    }
}

/// A page the site lists: its id, where its file is, its sitemap URL.
struct Listed {
    id: String,
    file: Result<PathBuf, ItemError>,
    loc: Option<Url>,
    /// An `--include` glob names it: taken whatever it looks like.
    included: bool,
    /// Its path is a generator's listing path (`tags/`, `page/2/`): left out when its text
    /// is mostly links.
    listing_path: bool,
}

/// Where generators write the sitemap: most at `sitemap.xml`, Astro (Starlight) an index
/// at `sitemap-index.xml`.
const SITEMAPS: [&str; 2] = ["sitemap.xml", "sitemap-index.xml"];

/// The pages of the build folder `root`, in the sitemap's order (else sorted by path).
pub fn read_built(root: impl AsRef<Path>, options: BuiltOptions) -> Result<BuiltPages, InputError> {
    let root = root.as_ref().to_path_buf();
    let root_error = |reason: String| InputError::Root {
        path: root.clone(),
        reason,
    };
    match std::fs::metadata(&root) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(root_error("is not a directory".into())),
        Err(e) => return Err(root_error(format!("cannot be read: {e}"))),
    }
    let invalid =
        |option: &'static str| move |reason: String| InputError::InvalidOption { option, reason };
    let include = globs(&options.include).map_err(invalid("include"))?;
    let exclude = globs(&options.exclude).map_err(invalid("exclude"))?;
    let extract = Extract::new(options.content_selector.as_deref(), &options.drop_selectors)
        .map_err(invalid("content_selector"))?;

    let sitemap_file = SITEMAPS
        .iter()
        .map(|name| root.join(name))
        .find(|file| file.is_file());
    let (all, site_url, sitemap, elsewhere) = if let Some(sitemap_file) = sitemap_file {
        let listing = from_sitemap(&root, &sitemap_file)?;
        (
            listing.listed,
            options.site_url.clone().or(listing.site),
            Some(sitemap_file),
            listing.elsewhere,
        )
    } else {
        let mut listed = walk(&root);
        drop_home_copy(&mut listed);
        (listed, options.site_url.clone(), None, 0)
    };
    let total = all.len();
    let listed: Vec<Listed> = all
        .into_iter()
        .filter_map(|mut l| {
            l.included = include.as_ref().is_some_and(|g| g.is_match(&l.id));
            l.listing_path = is_listing_path(&l.id);
            let wanted = include.is_none() || l.included;
            let wanted = wanted
                && !exclude.as_ref().is_some_and(|g| g.is_match(&l.id))
                && (l.included || !is_not_content(&l.id));
            wanted.then_some(l)
        })
        .collect();

    let home = extract_home(&root, &extract, site_url.as_ref(), options.max_file_bytes);
    // Without a sitemap, the home page's canonical link says where the site is.
    let site_url = site_url.or_else(|| {
        let canonical = home.as_ref()?.canonical.as_ref()?;
        canonical.join("./").ok()
    });
    let lang = options
        .lang
        .clone()
        .or_else(|| home.as_ref().and_then(|h| h.lang.clone()));
    let suffix = title_suffix(&listed, options.max_file_bytes);
    let home_title = home.as_ref().and_then(|h| {
        let title = h.og_title.as_deref().or(h.title.as_deref())?;
        let bare = suffix
            .as_deref()
            .and_then(|s| title.strip_suffix(s))
            .unwrap_or(title);
        page::collapse(bare)
    });
    let detected = Detected {
        root: root.clone(),
        generator: home.and_then(|h| h.generator),
        sitemap,
        site_url: site_url.clone(),
        lang: lang.clone(),
        pages: listed.len(),
        left_out: total - listed.len(),
        elsewhere,
    };
    Ok(BuiltPages {
        detected,
        listed: listed.into_iter(),
        reader: Reader {
            home_title,
            extract,
            site_url,
            lang,
            suffix,
            max_file_bytes: options.max_file_bytes,
        },
    })
}

fn globs(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|e| format!("{pattern:?} is not a glob: {e}"))?;
        set.add(glob);
    }
    set.build().map(Some).map_err(|e| e.to_string())
}

/// Whether a page at a listing path is a listing: it lists a page, its text is mostly
/// links, or it has little text besides its links (a taxonomy page: a heading and links).
/// A document that happens to live there (a plugin named `tags`) has text of its own.
fn looks_listed(page: &Parsed) -> bool {
    const OWN_TEXT: usize = 300;
    let own = page.text_chars.saturating_sub(page.link_chars);
    page.linked_articles >= 1 || page.link_chars * 2 > page.text_chars || own < OWN_TEXT
}

/// The pages generators write that are not content, by path: 404 pages, mdBook's whole-book
/// and table-of-contents pages, Sphinx's indexes and search page.
fn is_not_content(id: &str) -> bool {
    const FILES: [&str; 7] = [
        "404.html",
        "print.html",
        "toc.html",
        "genindex.html",
        "search.html",
        "py-modindex.html",
        "searchindex.html",
    ];
    // Sphinx's `dirhtml` builder writes its indexes as folders (`/py-modindex/`).
    const FOLDERS: [&str; 3] = ["genindex", "py-modindex", "404"];
    let parts: Vec<&str> = id.split('/').filter(|p| !p.is_empty()).collect();
    let last = parts.last().copied().unwrap_or_default();
    FILES.contains(&last) || FOLDERS.contains(&last) || parts.first() == Some(&"_sources")
}

/// Paths where generators write their listing pages (tags, categories, archives, search,
/// pagination, authors). A docs page may live there too (a plugin named `search`), so such
/// a page is left out only when its text is mostly links.
fn is_listing_path(id: &str) -> bool {
    const FOLDERS: [&str; 10] = [
        "tags",
        "tag",
        "categories",
        "category",
        "archive",
        "archives",
        "search",
        "page",
        "authors",
        "genindex",
    ];
    id.split('/').any(|p| FOLDERS.contains(&p))
}

/// A file's id: its path from the root, `/`-separated, with `index.html` as its folder.
fn id_of(relative: &str) -> String {
    match relative.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{relative}"),
    }
}

/// The files a site path can be, in the order servers try them.
fn candidates(path: &str) -> Vec<String> {
    let path = path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        return vec![format!("{path}index.html")];
    }
    if path.ends_with(".html") || path.ends_with(".htm") {
        return vec![path.to_owned()];
    }
    vec![format!("{path}.html"), format!("{path}/index.html")]
}

/// What a sitemap (or an index of them) lists.
struct SitemapListing {
    listed: Vec<Listed>,
    /// The site URL its URLs share.
    site: Option<Url>,
    /// How many of its URLs are another site's.
    elsewhere: usize,
}

/// The pages a sitemap (or an index of them) lists.
fn from_sitemap(root: &Path, file: &Path) -> Result<SitemapListing, InputError> {
    let mut listed = Vec::new();
    let mut elsewhere = 0;
    let mut base: Option<Url> = None;
    let mut seen = HashSet::new();
    let mut queue = vec![file.to_path_buf()];
    let mut read = HashSet::new();
    while let Some(file) = queue.pop() {
        if !read.insert(file.clone()) {
            continue;
        }
        let error = |reason: String| InputError::Config {
            path: file.clone(),
            reason: format!("{reason}: the list of published pages is incomplete"),
        };
        let xml =
            std::fs::read_to_string(&file).map_err(|e| error(format!("cannot be read: {e}")))?;
        match sitemap::parse(&xml).map_err(error)? {
            Sitemap::Index(children) => {
                for child in children.iter().rev() {
                    let url = Url::parse(child)
                        .map_err(|_| error(format!("lists {child:?}, which is not a URL")))?;
                    let base = base.get_or_insert_with(|| site_of(root, &url));
                    let path = relative_to(base, &url).unwrap_or_else(|| url.path().to_owned());
                    let child_file = root.join(path.trim_start_matches('/'));
                    if !child_file.is_file() {
                        return Err(error(format!(
                            "lists the sitemap {child}, which the build does not hold ({})",
                            child_file.display()
                        )));
                    }
                    queue.push(child_file);
                }
            }
            Sitemap::Pages(locs) => {
                for loc in locs {
                    let Ok(url) = Url::parse(&loc) else {
                        return Err(error(format!("lists {loc:?}, which is not a URL")));
                    };
                    let base = base.get_or_insert_with(|| site_of(root, &url));
                    let Some(path) = relative_to(base, &url) else {
                        // Another site's page: not this build's.
                        elsewhere += 1;
                        continue;
                    };
                    let files = candidates(&path);
                    let found = files.iter().find(|f| root.join(f).is_file());
                    let id = match found {
                        Some(f) => id_of(f),
                        None => id_of(&files[0]),
                    };
                    if !seen.insert(id.clone()) {
                        continue;
                    }
                    let file = found.map(|f| root.join(f)).ok_or_else(|| {
                        ItemError::failed(format!(
                            "is in the sitemap, but the build has no {}: the build is incomplete",
                            files.join(" or ")
                        ))
                        .page(&id)
                    });
                    listed.push(Listed {
                        id,
                        file,
                        loc: Some(url),
                        included: false,
                        listing_path: false,
                    });
                }
            }
        }
    }
    Ok(SitemapListing {
        listed,
        site: base,
        elsewhere,
    })
}

/// The site URL a sitemap URL is under: its origin and the path prefix the build folder
/// does not have (`https://x.example/docs/guide/` with `guide/index.html` in the folder is
/// under `https://x.example/docs/`).
fn site_of(root: &Path, url: &Url) -> Url {
    let segments: Vec<&str> = url.path().trim_start_matches('/').split('/').collect();
    for skip in 0..segments.len() {
        let rest = segments[skip..].join("/");
        if candidates(&rest).iter().any(|f| root.join(f).is_file())
            || rest.ends_with(".xml") && root.join(&rest).is_file()
        {
            let prefix: String = segments[..skip].iter().map(|s| format!("{s}/")).collect();
            let mut base = url.clone();
            base.set_path(&format!("/{prefix}"));
            base.set_query(None);
            base.set_fragment(None);
            return base;
        }
    }
    let mut base = url.clone();
    base.set_path("/");
    base
}

/// `url`'s path under `base` (`/guide/`), if it is under it.
fn relative_to(base: &Url, url: &Url) -> Option<String> {
    if url.origin() != base.origin() {
        return None;
    }
    let path = url.path().strip_prefix(base.path())?;
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    Some(format!("/{decoded}"))
}

/// Every `.html` file under `root`, sorted by path; a folder that cannot be read is an error
/// covering every page.
fn walk(root: &Path) -> Vec<Listed> {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(true)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    let mut listed = Vec::new();
    for item in walker {
        let entry = match item {
            Ok(entry) => entry,
            Err(e) => {
                let name = format!("{}", e);
                listed.push(Listed {
                    id: name.clone(),
                    file: Err(ItemError::failed(format!("cannot be read: {e}")).name(name)),
                    loc: None,
                    included: false,
                    listing_path: false,
                });
                continue;
            }
        };
        let path = entry.path();
        let is_html = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if !is_html || !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Some(relative) = path
            .strip_prefix(root)
            .ok()
            .and_then(|r| r.to_str())
            .map(|r| r.replace('\\', "/"))
        else {
            listed.push(Listed {
                id: path.display().to_string(),
                file: Err(
                    ItemError::failed("file name is not UTF-8").name(path.display().to_string())
                ),
                loc: None,
                included: false,
                listing_path: false,
            });
            continue;
        };
        let id = id_of(&relative);
        listed.push(Listed {
            id,
            file: Ok(path.to_path_buf()),
            loc: None,
            included: false,
            listing_path: false,
        });
    }
    listed
}

/// Leaves out a home page (`index.html`) that is a byte-for-byte copy of another page, as
/// mdBook's is of its first chapter: one page, under the chapter's own name.
fn drop_home_copy(listed: &mut Vec<Listed>) {
    let Some(home) = listed.iter().position(|l| l.id == "/") else {
        return;
    };
    let Ok(home_file) = &listed[home].file else {
        return;
    };
    let Ok(home_bytes) = std::fs::read(home_file) else {
        return;
    };
    let copy = listed.iter().enumerate().any(|(n, l)| {
        n != home
            && l.file.as_ref().is_ok_and(|f| {
                std::fs::metadata(f).is_ok_and(|m| m.len() == home_bytes.len() as u64)
                    && std::fs::read(f).is_ok_and(|b| b == home_bytes)
            })
    });
    if copy {
        listed.remove(home);
    }
}

/// The home page as parsed, for the generator and the default language.
fn extract_home(root: &Path, extract: &Extract, site: Option<&Url>, max: u64) -> Option<Parsed> {
    let text = read(&root.join("index.html"), max).ok()?;
    Some(extract.parse(&text, site))
}

/// The site's title suffix (` | Site`), when most of the first pages' titles end with it.
fn title_suffix(listed: &[Listed], max: u64) -> Option<String> {
    const SAMPLE: usize = 20;
    const SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " · "];
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut titles = 0;
    for listed in listed.iter().take(SAMPLE) {
        let Ok(file) = &listed.file else { continue };
        let Ok(text) = read(file, max) else { continue };
        let Some(title) = head_title(&text) else {
            continue;
        };
        titles += 1;
        let found = SEPARATORS
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|at| &title[at..]))
            .min_by_key(|s| s.len());
        if let Some(suffix) = found {
            *counts.entry(suffix.to_owned()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2 && *n * 2 >= titles)
        .max_by_key(|(_, n)| *n)
        .map(|(suffix, _)| suffix)
}

/// The `<title>` of a page, without parsing the rest of it.
fn head_title(html: &str) -> Option<String> {
    // The head is near the top; the cut falls on a character boundary.
    let mut cut = html.len().min(64 * 1024);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let lower = html[..cut].to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let end = open_end + lower[open_end..].find("</title")?;
    let document = scraper::Html::parse_fragment(&html[open_end..end]);
    page::collapse(&document.root_element().text().collect::<String>())
}

/// Turns each listed page into a desired page.
struct Reader {
    extract: Extract,
    /// The home page's title, without the site's suffix.
    home_title: Option<String>,
    site_url: Option<Url>,
    lang: Option<String>,
    suffix: Option<String>,
    max_file_bytes: u64,
}

impl Reader {
    /// The page, the reason it is not sent, or `None` when it is not a page at all (a
    /// redirect stub, a `noindex` page, a listing of pages).
    fn page(&self, listed: Listed) -> Option<Result<DesiredPage, ItemError>> {
        let id = listed.id;
        let file = match listed.file {
            Ok(file) => file,
            Err(error) => return Some(Err(error)),
        };
        let fail = |reason: String| ItemError::failed(reason).page(&id);
        let text = match read(&file, self.max_file_bytes) {
            Ok(text) => text,
            Err(reason) => return Some(Err(fail(reason))),
        };
        let own_url = listed.loc.clone().or_else(|| {
            self.site_url
                .as_ref()
                .and_then(|site| site.join(id.trim_start_matches('/')).ok())
        });
        let parsed = self.extract.parse(&text, own_url.as_ref());
        let elsewhere = parsed
            .canonical
            .as_ref()
            .zip(own_url.as_ref())
            .is_some_and(|(canonical, own)| !same_page(canonical, own));
        let left_out = if parsed.refresh || elsewhere {
            Some("a redirect stub")
        } else if parsed.noindex {
            Some("marked noindex")
        } else if listed.included {
            None
        } else if parsed.linked_articles >= 2 {
            Some("a listing of other pages")
        } else if listed.listing_path && looks_listed(&parsed) {
            Some("a listing page (by its path, and it lists pages or is mostly links)")
        } else {
            None
        };
        if let Some(what) = left_out {
            let reason = format!("is {what}: not a page of its own, left out");
            return Some(Err(ItemError::skipped(reason)
                .page(&id)
                .covers(Covers::Nothing)));
        }
        if let (Some(lang), Some(page_lang)) = (&self.lang, &parsed.lang)
            && lang != page_lang
        {
            return Some(Err(ItemError::skipped(format!(
                "is in {page_lang}: only {lang} pages are synced (Intercom takes one language; --lang chooses it)"
            ))
            .page(&id)
            .covers(Covers::Nothing)));
        }
        if !parsed.has_text {
            return Some(Err(ItemError::skipped("has no content").page(&id)));
        }
        let url = parsed.canonical.clone().or(own_url);
        // A page that sets no title of its own shows the site's (the home page's): its
        // heading says more.
        let own = |title: Option<String>| {
            title.filter(|t| id == "/" || self.home_title.as_ref() != Some(t))
        };
        let title = own(self.without_suffix(parsed.og_title.as_deref()))
            .or_else(|| own(self.without_suffix(parsed.title.as_deref())))
            .or_else(|| parsed.h1.clone())
            .unwrap_or_else(|| id.clone());
        let mut page = DesiredPage::new(id).title(title).html(parsed.html);
        if let Some(url) = url {
            page = page.url(url.to_string());
        }
        Some(Ok(page))
    }

    /// `title` without the site's suffix; `None` when it is the site's name alone (a home
    /// page's `<title>`), which says nothing of the page.
    fn without_suffix(&self, title: Option<&str>) -> Option<String> {
        let title = title?;
        let Some(suffix) = &self.suffix else {
            return page::collapse(title);
        };
        let site_name = suffix.trim_start_matches([' ', '|', '-', '–', '—', '·']);
        if title == site_name {
            return None;
        }
        page::collapse(title.strip_suffix(suffix.as_str()).unwrap_or(title))
    }
}

/// Whether two URLs name one page (`/a/` and `/a/index.html`, `/a` and `/a/`).
fn same_page(a: &Url, b: &Url) -> bool {
    let path = |u: &Url| {
        let p = u.path();
        let p = p.strip_suffix("index.html").unwrap_or(p);
        let p = p.strip_suffix(".html").unwrap_or(p);
        p.trim_end_matches('/').to_owned()
    };
    a.host_str() == b.host_str() && path(a) == path(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_directory_url_rule() {
        assert_eq!(id_of("index.html"), "/");
        assert_eq!(id_of("guide/index.html"), "/guide/");
        assert_eq!(id_of("guide/setup.html"), "/guide/setup.html");
        assert_eq!(id_of("guide/myindex.html"), "/guide/myindex.html");
        assert_eq!(candidates("/guide/"), ["guide/index.html"]);
        assert_eq!(
            candidates("/guide/setup"),
            ["guide/setup.html", "guide/setup/index.html"]
        );
    }

    #[test]
    fn pages_that_are_not_content_and_listing_paths_are_told_by_their_path() {
        for not_content in [
            "/404.html",
            "/print.html",
            "/genindex.html",
            "/fr/404.html",
            "/_sources/a.txt",
            "/py-modindex/",
            "/en/stable/genindex/",
            "/404/",
        ] {
            assert!(is_not_content(not_content), "{not_content}");
        }
        for listing in [
            "/tags/",
            "/tags/rust/",
            "/blog/page/2/",
            "/search/",
            "/fr/categories/",
        ] {
            assert!(is_listing_path(listing), "{listing}");
        }
        for page in [
            "/",
            "/guide/",
            "/guide/tagging.html",
            "/pages-of-docs/",
            "/print/",
            "/toc/",
        ] {
            assert!(!is_not_content(page) && !is_listing_path(page), "{page}");
        }
    }

    #[test]
    fn a_document_at_a_listing_path_is_kept_and_a_taxonomy_page_is_not() {
        let parse = |html: &str| {
            Extract::new(None, &[]).unwrap().parse(
                html,
                Some(&Url::parse("https://x.example/plugins/tags/").unwrap()),
            )
        };
        let prose =
            "The tags plugin groups pages by their tags, and writes an index of them. ".repeat(8);
        let document = parse(&format!(
            "<main><h1>Tags</h1><p>{prose}</p><p><a href=\"/setup/\">Setup</a></p></main>"
        ));
        assert!(!looks_listed(&document));
        let taxonomy = parse(
            "<main><h1>Pages tagged reference</h1><ul><li><a href=\"/a/\">The moon-phase widget</a></li></ul></main>",
        );
        assert!(looks_listed(&taxonomy));
        let one_post = parse(
            "<main><article><h2><a href=\"/blog/a/\">A post</a></h2><p>An excerpt of some length.</p></article></main>",
        );
        assert!(looks_listed(&one_post));
        // One post with a long excerpt: still the listing of that post.
        let long_post = parse(&format!(
            "<main><article><h2><a href=\"/blog/a/\">A post</a></h2><p>{prose}</p></article></main>"
        ));
        assert!(looks_listed(&long_post));
        // An index of many links with an introduction of its own: mostly links.
        let links: String = (0..40)
            .map(|i| format!("<li><a href=\"/p{i}/\">A page about valve number {i}</a></li>"))
            .collect();
        let index = parse(&format!(
            "<main><h1>All pages</h1><p>{prose}</p><ul>{links}</ul></main>"
        ));
        assert!(looks_listed(&index));
        // At the bounds: 300 characters of its own, and links exactly half of the text, is a
        // document.
        let own = "x".repeat(300);
        let at_bounds = parse(&format!(
            "<main><p>{own}</p><p><a href=\"/a/\">{own}</a></p></main>"
        ));
        assert_eq!((at_bounds.text_chars, at_bounds.link_chars), (600, 300));
        assert!(!looks_listed(&at_bounds));
        let less = parse(&format!("<main><p>{}</p></main>", "x".repeat(299)));
        assert!(looks_listed(&less));
    }

    #[test]
    fn a_home_page_is_dropped_only_when_another_page_is_a_copy_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write("index.html", "<main>Chapter one.</main>");
        write("other.html", "<main>Chapter two.</main>"); // same size, other bytes
        let ids = |listed: &[Listed]| listed.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
        let mut listed = walk(dir.path());
        drop_home_copy(&mut listed);
        assert_eq!(ids(&listed), ["/", "/other.html"]);
        write("intro.html", "<main>Chapter one.</main>");
        let mut listed = walk(dir.path());
        drop_home_copy(&mut listed);
        assert_eq!(ids(&listed), ["/intro.html", "/other.html"]);
    }

    #[test]
    fn a_title_is_found_whatever_characters_the_page_holds_past_its_head() {
        // Two-byte characters from an odd offset: 64 KiB falls inside one.
        let page = format!("<title>Café | Docs</title><p>x{}</p>", "é".repeat(40_000));
        assert_eq!(head_title(&page).as_deref(), Some("Café | Docs"));
        // A head heavy with scripts and styles before its title.
        let heavy = format!(
            "<head><style>{}</style><title>Tides</title></head>",
            "a{color:red}".repeat(500)
        );
        assert_eq!(head_title(&heavy).as_deref(), Some("Tides"));
    }

    #[test]
    fn a_title_suffix_is_the_sites_only_when_most_pages_share_it() {
        let dir = tempfile::tempdir().unwrap();
        let listed: Vec<Listed> = (0..20)
            .map(|i| {
                let title = match i {
                    0..3 => format!("Page {i} | Rare"),
                    _ => format!("Page {i}"),
                };
                let file = dir.path().join(format!("{i}.html"));
                std::fs::write(&file, format!("<title>{title}</title>")).unwrap();
                Listed {
                    id: format!("/{i}.html"),
                    file: Ok(file),
                    loc: None,
                    included: false,
                    listing_path: false,
                }
            })
            .collect();
        assert_eq!(title_suffix(&listed, 1 << 20), None, "3 of 20 titles");
        assert_eq!(
            title_suffix(&listed[..4], 1 << 20).as_deref(),
            Some(" | Rare"),
            "3 of 4"
        );
        // Once is no pattern.
        assert_eq!(title_suffix(&listed[2..4], 1 << 20), None, "1 of 2");
    }

    #[test]
    fn without_a_sitemap_only_html_files_are_pages() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "<main>Text.</main>").unwrap();
        };
        for name in [
            "index.html",
            "guide.htm",
            "style.css",
            "notes.txt",
            "old.html/index.html",
        ] {
            write(name);
        }
        let mut ids: Vec<String> = walk(dir.path()).into_iter().map(|l| l.id).collect();
        ids.sort();
        assert_eq!(ids, ["/", "/guide.htm", "/old.html/"]);
    }

    #[test]
    fn the_same_page_under_another_spelling() {
        let url = |u: &str| Url::parse(u).unwrap();
        assert!(same_page(
            &url("https://x.example/a/"),
            &url("https://x.example/a/index.html")
        ));
        assert!(same_page(
            &url("https://x.example/a"),
            &url("https://x.example/a/")
        ));
        assert!(!same_page(
            &url("https://x.example/a/"),
            &url("https://x.example/b/")
        ));
    }
}
