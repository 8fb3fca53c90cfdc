//! Site layouts: where a docs-site generator publishes each file of its content folder, what
//! it calls the page, and which files are not pages at all.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use url::Url;

use super::docusaurus_site::{self, Sections};
use super::front_matter::FrontMatter;
use super::hugo::{self, HugoSite};
use super::mdbook::HiddenLines;
use super::mdbook_preprocessors::{self, BookPreprocessor};
use super::{InputError, Kind, mkdocs};

/// How the folder is published, so that each page gets the URL its site gives it.
///
/// The site URL ([`FolderOptions::site_url`](super::FolderOptions::site_url)) is where the
/// content folder's root is published; each layout puts a file's path under it as its
/// generator does (file → URL, with the site URL `https://docs.example.com/`):
///
/// | layout | `guide/setup.md` | `guide/index.md` | other rules |
/// | --- | --- | --- | --- |
/// | `plain` | `guide/setup.md` | `guide/index.md` | the path as it is (a folder served as files) |
/// | `docusaurus` | `guide/setup` | `guide` (also `README.md`, `guide/guide.md`) | number prefixes (`01-`) dropped; `slug:` absolute from the site URL or relative to the folder; `id:` replaces the file name; files and folders starting with `_` are partials, not pages; the docs version the site shows by default (`versions.json`, `lastVersion`), other versions under their path when asked; blog posts at `../blog/YYYY/MM/DD/name` or their `slug:` |
/// | `mkdocs` | `guide/setup/` | `guide/` (also `README.md` when there is no `index.md`) | `use_directory_urls: false` → `guide/setup.html`, `guide/index.html`; a post of Material's blog plugin (`plugins: [blog]`, posts in `blog/posts/`) at `blog/2024/01/31/its-title/` (`post_url_format`, the front matter's `date` and `slug`, else the title slugified as Material does); files of `exclude_docs`, `draft_docs` and `templates/` are not pages |
/// | `hugo` | `guide/setup/` | `guide/` (`index.md` bundle, `_index.md` section) | lower-cased, spaces to `-`; `slug:` replaces the last part; `url:` is the whole path from `baseURL`; `uglyURLs = true` → `guide/setup.html`; a language other than the default under `<lang>/`; the paths Hugo sees after `module.mounts` |
/// | `mdbook` | `guide/setup.html` | `guide/index.html` (`README.md` too) | only the chapters `SUMMARY.md` lists are pages: another Markdown file is skipped as unpublished |
///
/// HTML files are published at their own path in every layout but Hugo's, which renders
/// them like Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// A folder served as it is (an HTML export, a repository browser): a page's URL is the
    /// site URL followed by its path, extension included.
    Plain,
    /// Docusaurus' docs plugin (`docusaurus.config.*`; the site URL is its `url`, then
    /// `baseUrl`, then the docs' `routeBasePath` (`docs` by default), read when they are
    /// written out as string literals).
    Docusaurus,
    /// MkDocs (`mkdocs.yml`; the site URL is its `site_url`). Pages are read as MkDocs
    /// with Material and pymdown-extensions renders them: snippets, content tabs, icons,
    /// attribute lists, autorefs, mkdocstrings and the blog plugin (see
    /// [`read_folder`](super::read_folder)).
    Mkdocs,
    /// Hugo (`hugo.toml|yaml|json` or `config.toml`; the site URL is its `baseURL`, in
    /// `<lang>/` for a language other than the default). The content folders are those of
    /// one language (`module.mounts`, `languages.<lang>.contentDir`, `contentDir`); only the
    /// pages Hugo publishes are sent, their shortcodes rendered (see the
    /// [module docs](super)).
    Hugo,
    /// mdBook (`book.toml`; the content folder is its `src`, `src/` by default; it names no
    /// site URL). Only the chapters `SUMMARY.md` lists are pages, with their preprocessor
    /// links (`{{#include}}` …) expanded and the code lines mdBook hides left out (see the
    /// [module docs](super)).
    Mdbook,
}

impl Layout {
    /// Every layout, in the order detection tries their config files.
    pub const ALL: [Layout; 5] = [
        Layout::Docusaurus,
        Layout::Mkdocs,
        Layout::Hugo,
        Layout::Mdbook,
        Layout::Plain,
    ];

    /// The name `--layout` takes: `plain`, `docusaurus`, `mkdocs`, `hugo`, `mdbook`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Plain => "plain",
            Layout::Docusaurus => "docusaurus",
            Layout::Mkdocs => "mkdocs",
            Layout::Hugo => "hugo",
            Layout::Mdbook => "mdbook",
        }
    }

    /// The config files that identify the layout, first match wins.
    fn config_files(self) -> &'static [&'static str] {
        match self {
            Layout::Docusaurus => &[
                "docusaurus.config.js",
                "docusaurus.config.ts",
                "docusaurus.config.mjs",
                "docusaurus.config.cjs",
                "docusaurus.config.mts",
                "docusaurus.config.cts",
            ],
            Layout::Mkdocs => &["mkdocs.yml", "mkdocs.yaml"],
            Layout::Hugo => &[
                "hugo.toml",
                "hugo.yaml",
                "hugo.yml",
                "hugo.json",
                "config.toml",
                // A config directory: the other files of the folder are merged in.
                "config/_default/hugo.toml",
                "config/_default/hugo.yaml",
                "config/_default/hugo.yml",
                "config/_default/hugo.json",
                "config/_default/config.toml",
                "config/_default/config.yaml",
                "config/_default/config.yml",
                "config/_default/config.json",
            ],
            Layout::Mdbook => &["book.toml"],
            Layout::Plain => &[],
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Layout {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        Layout::ALL
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| InputError::InvalidOption {
                option: "layout",
                reason: format!(
                    "{text:?} is not a layout (docusaurus, mkdocs, hugo, mdbook, plain)"
                ),
            })
    }
}

/// The folder as its generator sees it.
#[derive(Clone, Debug)]
pub(crate) struct Site {
    pub layout: Layout,
    /// The config file the layout and site URL came from.
    pub config_file: Option<PathBuf>,
    /// The folder whose files are pages.
    pub content_root: PathBuf,
    pub site_url: Option<Url>,
    /// MkDocs' `use_directory_urls`, Hugo's `!uglyURLs`.
    directory_urls: bool,
    /// Docusaurus 3 reads `.md` files as MDX too, unless its config says
    /// `markdown: { format: 'detect' }`.
    pub md_is_mdx: bool,
    /// Docusaurus' npm2yarn remark plugin: a ```` ```bash npm2yarn ```` block is shown as tabs
    /// of package managers, converted from npm's commands.
    pub npm2yarn: bool,
    /// docusaurus-remark-plugin-tab-blocks: code blocks marked `tab` are tabs.
    pub tab_blocks: bool,
    /// mdBook's hidden code lines (`[output.html.code.hidelines]`).
    pub hidden_lines: HiddenLines,
    /// The book's own preprocessors (`[preprocessor.<name>]` other than mdBook's `links` and
    /// `index`), in the order mdBook runs them: run only when asked.
    pub book_preprocessors: Vec<BookPreprocessor>,
    /// `book.toml`, for the preprocessors' context.
    pub book_toml: Option<serde_json::Value>,
    /// MkDocs' snippets, icons and blog (`mkdocs.yml`).
    pub mkdocs: mkdocs::Config,
    /// Hugo's site in the language synced: its content folders, URLs, params.
    pub hugo: Option<HugoSite>,
    /// Docusaurus' docs versions and blog, each read from its own folder.
    pub docusaurus: Option<Sections>,
}

/// The settings a config file gives.
#[derive(Default)]
struct Config {
    /// Whether the file's content is the generator's config (a file named `config.toml`
    /// may belong to anything).
    recognized: bool,
    site_url: Option<String>,
    content_dir: Option<String>,
    directory_urls: Option<bool>,
    /// Docusaurus' `markdown.format: 'detect'`: `.md` files are CommonMark, not MDX.
    md_is_commonmark: bool,
    npm2yarn: bool,
    tab_blocks: bool,
    hidelines: HashMap<String, String>,
    book_preprocessors: Vec<BookPreprocessor>,
    book_toml: Option<serde_json::Value>,
    /// What `mkdocs.yml` says about rendering pages and placing blog posts.
    mkdocs: Option<mkdocs::Config>,
    /// Hugo's languages, mounts, params and cascade.
    hugo: Option<hugo::Config>,
    /// Docusaurus' versions and blog.
    docusaurus: Option<docusaurus_site::Config>,
}

/// A config file found for the folder.
struct Found {
    layout: Layout,
    path: PathBuf,
    config: Config,
    /// In the folder itself (else in a folder above, whose content folder it is).
    in_root: bool,
}

impl Site {
    /// The layout and content folder for `root`: the layout given, or the one whose config
    /// file is in `root`, else in a folder above when `root` is that config's content folder (the
    /// `docs/` of a project was given). A config file counts only when its content is that
    /// generator's config. A config in `root` whose content folder (`docs/`, `docs_dir`,
    /// `contentDir`, `src`) exists makes that folder the content root.
    /// `lang` is the language to sync, for the layouts that have languages (Hugo);
    /// `all_versions` whether Docusaurus' other docs versions are synced too.
    pub fn resolve(
        root: &Path,
        layout: Option<Layout>,
        site_url: Option<&Url>,
        lang: Option<&str>,
        all_versions: bool,
    ) -> Result<Site, InputError> {
        let found = find_config(root, layout)?;
        let (layout, config_path, mut config, in_root) = match (layout, found) {
            (_, Some(f)) => (f.layout, Some(f.path), f.config, f.in_root),
            (Some(l), None) => (l, None, Config::default(), false),
            (None, None) => (Layout::Plain, None, Config::default(), false),
        };
        let mut content_root = root.to_path_buf();
        if in_root {
            let dir = content_dir(layout, &config);
            let candidate = root.join(&dir);
            if dir != "." && candidate.is_dir() {
                content_root = candidate;
            } else if dir != "." && config.content_dir.is_some() {
                // Reading the site's folder instead would send its blog, old versions and
                // whatever else it holds, at wrong URLs.
                return Err(InputError::Config {
                    path: config_path.unwrap_or_default(),
                    reason: format!(
                        "names {dir:?} as its content folder, which is not a folder here"
                    ),
                });
            }
        }
        let config_url = match &config.site_url {
            Some(text) => {
                Some(
                    super::site_url("site URL", text).map_err(|e| InputError::Config {
                        path: config_path.clone().unwrap_or_default(),
                        reason: e.to_string(),
                    })?,
                )
            }
            None => None,
        };
        let mut site_url_used = site_url.cloned().or_else(|| config_url.clone());
        let directory_urls = config.directory_urls.unwrap_or(true);
        let mut hugo = None;
        if layout == Layout::Hugo {
            // Hugo's content folders are those of one language, mounted where Hugo sees them.
            let site = HugoSite::resolve(
                config.hugo.as_ref(),
                config_path.as_deref().and_then(hugo::project_dir),
                root,
                lang,
                site_url,
                config_url.as_ref(),
                directory_urls,
            )?;
            if let Some(first) = site.sources.first() {
                content_root = first.dir.clone();
            }
            site_url_used = site.lang_url.clone();
            hugo = Some(site);
        }
        let mut docusaurus = None;
        if layout == Layout::Docusaurus {
            let project = config_path
                .as_deref()
                .and_then(Path::parent)
                .unwrap_or(root);
            let sections = Sections::find(
                &config.docusaurus.take().unwrap_or_default(),
                project,
                &content_root,
                site_url_used.as_ref(),
                all_versions,
            )
            .map_err(|reason| InputError::Config {
                path: config_path.clone().unwrap_or_default(),
                reason,
            })?;
            // The default version's folder holds the pages at the docs' URL.
            if let Some(first) = sections.list.first().filter(|s| s.prefix.is_empty()) {
                content_root = first.dir.clone();
            }
            docusaurus = Some(sections);
        }
        Ok(Site {
            layout,
            config_file: config_path,
            content_root,
            site_url: site_url_used,
            directory_urls,
            md_is_mdx: layout == Layout::Docusaurus && !config.md_is_commonmark,
            npm2yarn: config.npm2yarn,
            tab_blocks: config.tab_blocks,
            hidden_lines: HiddenLines::new(config.hidelines),
            book_preprocessors: config.book_preprocessors,
            book_toml: config.book_toml,
            mkdocs: config
                .mkdocs
                .take()
                .unwrap_or_else(|| mkdocs::Config::without_file(root)),
            hugo,
            docusaurus,
        })
    }

    /// Whether a file at `relative` is a page of the site at all.
    pub fn is_page(&self, relative: &str, kind: Kind, has_index: bool) -> bool {
        let parts: Vec<&str> = relative.split('/').collect();
        let name = parts.last().copied().unwrap_or_default();
        let stem = stem(name);
        match self.layout {
            // Docusaurus' default `exclude`: partials are included by other docs.
            Layout::Docusaurus => !parts.iter().any(|p| p.starts_with('_')),
            Layout::Mdbook => relative != "SUMMARY.md",
            // MkDocs drops a README.md beside an index.md ("conflicts with index.md").
            // `exclude_docs` and `draft_docs` (and the defaults: `/templates/`).
            Layout::Mkdocs => {
                let beside_index = kind.is_markdown() && stem == "README" && has_index;
                !(beside_index || self.mkdocs.excluded(relative))
            }
            // Hugo knows no MDX: an `.mdx` file is not content.
            Layout::Hugo => kind != Kind::Mdx,
            Layout::Plain => true,
        }
    }

    /// The page's identity in the source: front matter `external_id`, else (Docusaurus) the
    /// doc id, else the path.
    pub fn external_id(&self, relative: &str, kind: Kind, fm: &FrontMatter) -> String {
        if let Some(id) = &fm.external_id {
            return id.clone();
        }
        if let Some(post) = self.blog_post(relative) {
            return docusaurus_site::post_id(post);
        }
        if self.layout == Layout::Docusaurus && kind.is_markdown() {
            let (dir, name) = split_dir(relative);
            let base = fm
                .id
                .clone()
                .unwrap_or_else(|| strip_number_prefix(stem(name)).to_owned());
            let dir: Vec<&str> = dir.iter().map(|d| strip_number_prefix(d)).collect();
            return dir
                .into_iter()
                .chain(std::iter::once(base.as_str()))
                .collect::<Vec<_>>()
                .join("/");
        }
        relative.to_owned()
    }

    /// The page's URL, when the site has one. `text` is the file's (a Material blog post's
    /// URL comes from its date and title).
    pub fn page_url(
        &self,
        relative: &str,
        kind: Kind,
        fm: &FrontMatter,
        text: &str,
    ) -> Result<Option<String>, String> {
        let Some(site) = &self.site_url else {
            return Ok(None);
        };
        if self.layout == Layout::Plain {
            return super::page_url(site, relative).map(Some);
        }
        if let Some(hugo) = &self.hugo {
            return hugo.page_url(relative, fm);
        }
        if let Some(sections) = &self.docusaurus
            && let Some((section, rest)) = sections.locate(relative)
        {
            return match &section.kind {
                docusaurus_site::Kind::Blog(None) => Ok(None),
                docusaurus_site::Kind::Blog(Some(blog)) => {
                    join(blog, &docusaurus_site::post_path(rest, fm.slug.as_deref())).map(Some)
                }
                docusaurus_site::Kind::Docs => {
                    let path = self.page_path(rest, kind, fm, text)?;
                    join(site, &format!("{}/{path}", section.prefix)).map(Some)
                }
            };
        }
        let path = self.page_path(relative, kind, fm, text)?;
        join(site, &path).map(Some)
    }

    /// A Docusaurus blog post's path in the blog folder, when `relative` is one.
    fn blog_post<'a>(&self, relative: &'a str) -> Option<&'a str> {
        let (section, rest) = self.docusaurus.as_ref()?.locate(relative)?;
        matches!(section.kind, docusaurus_site::Kind::Blog(_)).then_some(rest)
    }

    /// The published path under the site URL, `/`-separated, not encoded; a trailing `/`
    /// is a directory URL.
    fn page_path(
        &self,
        relative: &str,
        kind: Kind,
        fm: &FrontMatter,
        text: &str,
    ) -> Result<String, String> {
        let (dir, name) = split_dir(relative);
        let stem = stem(name);
        let as_is = || relative.to_owned();
        match self.layout {
            Layout::Plain => Ok(as_is()),
            Layout::Docusaurus if !kind.is_markdown() => Ok(as_is()),
            Layout::Docusaurus => {
                let dir: Vec<&str> = dir.iter().map(|d| strip_number_prefix(d)).collect();
                if let Some(slug) = fm.slug.as_deref().filter(|s| !s.is_empty()) {
                    return if let Some(absolute) = slug.strip_prefix('/') {
                        normalize(absolute)
                    } else {
                        normalize(&format!("{}/{slug}", dir.join("/")))
                    };
                }
                let last_dir = dir.last().map(|d| d.to_ascii_lowercase());
                let bare = strip_number_prefix(stem).to_ascii_lowercase();
                let category_index = bare == "index"
                    || bare == "readme"
                    || last_dir.as_deref() == Some(bare.as_str());
                if category_index {
                    return Ok(dir.join("/"));
                }
                let base = fm
                    .id
                    .clone()
                    .unwrap_or_else(|| strip_number_prefix(stem).to_owned());
                normalize(&format!("{}/{base}", dir.join("/")))
            }
            Layout::Mkdocs if !kind.is_markdown() => Ok(as_is()),
            Layout::Mkdocs => {
                // A blog post is published as if it were a file at the path the blog plugin
                // gives it.
                let post = self.mkdocs.post_path(relative, text).transpose()?;
                let (dir, name) = split_dir(post.as_deref().unwrap_or(relative));
                let stem = self::stem(name);
                let index = stem == "index" || stem == "README";
                let prefix = dir.iter().map(|d| format!("{d}/")).collect::<String>();
                Ok(match (index, self.directory_urls) {
                    (true, true) => prefix,
                    (true, false) => format!("{prefix}index.html"),
                    (false, true) => format!("{prefix}{stem}/"),
                    (false, false) => format!("{prefix}{stem}.html"),
                })
            }
            // Hugo's pages have their URLs from its site (`page_url`); this is what a file
            // would be without one.
            Layout::Hugo => Ok(as_is()),
            Layout::Mdbook if !kind.is_markdown() => Ok(as_is()),
            Layout::Mdbook => {
                let prefix = dir.iter().map(|d| format!("{d}/")).collect::<String>();
                if stem.eq_ignore_ascii_case("readme") || stem == "index" {
                    Ok(format!("{prefix}index.html"))
                } else {
                    Ok(format!("{prefix}{stem}.html"))
                }
            }
        }
    }
}

/// `relative`'s folders and file name.
fn split_dir(relative: &str) -> (Vec<&str>, &str) {
    let mut parts: Vec<&str> = relative.split('/').collect();
    let name = parts.pop().unwrap_or_default();
    (parts, name)
}

/// The file name without its last extension.
fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// Docusaurus' default number prefix parser: `01-intro` → `intro`, `2. Setup` → `Setup`,
/// but not a date or version (`2021-01-01-x`, `1.2-notes`) nor a bare number.
pub(crate) fn strip_number_prefix(name: &str) -> &str {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &name[digits..];
    let mut after = rest.bytes();
    // Date-like or version-like (`2021-01-01-x`, `1.2-notes`): digits, a separator, digits.
    if digits == 0
        || (matches!(after.next(), Some(b'-' | b'_' | b'.'))
            && after.next().is_some_and(|b| b.is_ascii_digit()))
    {
        return name;
    }
    let rest = rest.trim_start_matches(' ');
    let separated = rest.trim_start_matches(['-', '_', '.']);
    if separated.len() == rest.len() {
        return name;
    }
    let suffix = separated.trim_start_matches(' ');
    match suffix.bytes().next() {
        Some(b'-' | b'_' | b'.' | b' ') | None => name,
        Some(_) => suffix,
    }
}

/// `path` with `.` and `..` parts resolved; an error if it climbs out of the site.
pub(super) fn normalize(path: &str) -> Result<String, String> {
    let trailing = path.ends_with('/') || path.is_empty();
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(format!(
                        "cannot form its URL: {path:?} climbs out of the site"
                    ));
                }
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    Ok(out)
}

/// The site URL followed by `path`'s parts as percent-encoded segments.
pub(super) fn join(site: &Url, path: &str) -> Result<String, String> {
    let mut url = site.clone();
    {
        let mut segments = url
            .path_segments_mut()
            .map_err(|()| "cannot form its URL: the site URL cannot have a path".to_owned())?;
        segments.pop_if_empty();
        if !path.is_empty() {
            segments.extend(path.split('/'));
        }
        if path.is_empty() {
            segments.push("");
        }
    }
    let url = url.to_string();
    if !url.starts_with(site.as_str()) {
        return Err(format!(
            "cannot form its URL: {url} is not under the site URL {site}"
        ));
    }
    Ok(url)
}

/// The folders of a config's pages (Hugo's: those of every language and mount), relative to
/// the config's folder.
fn content_dirs(layout: Layout, config: &Config) -> Vec<String> {
    match &config.hugo {
        Some(hugo) if layout == Layout::Hugo => hugo.content_dirs(),
        _ => vec![content_dir(layout, config)],
    }
}

/// The folder of a config's pages, relative to the config's folder.
fn content_dir(layout: Layout, config: &Config) -> String {
    config.content_dir.clone().unwrap_or_else(|| {
        match layout {
            Layout::Docusaurus | Layout::Mkdocs => "docs",
            Layout::Hugo => "content",
            Layout::Mdbook => "src",
            Layout::Plain => ".",
        }
        .to_owned()
    })
}

/// The first generator config file in `root`, else in a folder above it (up to the top of the
/// git repository holding it), or in a folder beside one of those, whose content folder
/// `root` is. With a layout given, only its
/// own config files count. A file whose content is not that generator's config is passed
/// over; one in `root` that cannot be read or parsed is an error (it may be the site's
/// config), one above is passed over.
fn find_config(root: &Path, layout: Option<Layout>) -> Result<Option<Found>, InputError> {
    let layouts: Vec<Layout> = match layout {
        Some(l) => vec![l],
        None => Layout::ALL.to_vec(),
    };
    for layout in &layouts {
        for name in layout.config_files() {
            let path = root.join(name);
            if !path.is_file() {
                continue;
            }
            let config = read_config(*layout, &path)?;
            if config.recognized {
                return Ok(Some(Found {
                    layout: *layout,
                    path,
                    config,
                    in_root: true,
                }));
            }
        }
    }
    // As git finds `.git`: up from the folder, to the top of the repository that holds it
    // (or of the file system). A config counts only when the folder is its content folder,
    // so the ids are those of a run from the site's root.
    let Ok(canonical) = std::fs::canonicalize(root) else {
        return Ok(None);
    };
    let same = |a: &Path| std::fs::canonicalize(a).is_ok_and(|a| a == canonical);
    for ancestor in canonical.ancestors().skip(1) {
        // The folder above, then its other folders: a site kept beside its docs
        // (`website/docusaurus.config.js` with `docs.path: '../docs'`).
        let mut folders = vec![ancestor.to_path_buf()];
        folders.extend(site_folders_in(ancestor, &canonical));
        for folder in &folders {
            for layout in &layouts {
                for name in layout.config_files() {
                    let path = folder.join(name);
                    if !path.is_file() {
                        continue;
                    }
                    let Ok(config) = read_config(*layout, &path) else {
                        continue;
                    };
                    let is_content = content_dirs(*layout, &config)
                        .iter()
                        .any(|dir| same(&folder.join(dir)));
                    if config.recognized && is_content {
                        return Ok(Some(Found {
                            layout: *layout,
                            path,
                            config,
                            in_root: false,
                        }));
                    }
                }
            }
        }
        if ancestor.join(".git").exists() {
            break;
        }
    }
    Ok(None)
}

/// The folders in `dir` that may hold a site's config, by name: not hidden, not
/// `node_modules`, not on the way to `root` (searched as an ancestor already).
fn site_folders_in(dir: &Path, root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name != "node_modules"
        })
        .map(|e| e.path())
        .filter(|path| !root.starts_with(path))
        .collect();
    folders.sort();
    folders
}

/// What the layout's config file says about URLs and the content folder.
fn read_config(layout: Layout, path: &Path) -> Result<Config, InputError> {
    let error = |reason: String| InputError::Config {
        path: path.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(format!("cannot be read: {e}")))?;
    if layout == Layout::Docusaurus {
        return Ok(docusaurus_config(&text));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let value: serde_json::Value = match ext {
        "toml" => toml::from_str(&text).map_err(|e| error(format!("is not TOML: {e}")))?,
        "json" => serde_json::from_str(&text).map_err(|e| error(format!("is not JSON: {e}")))?,
        // MkDocs configs may hold `!!python/name:` tags; they are read as plain values.
        _ => super::yaml::parse(&text, true).map_err(|e| error(format!("is not YAML: {e}")))?,
    };
    // Hugo's config directory: `config/_default/params.toml` is the `params` key, and so on.
    let value = match layout {
        Layout::Hugo => hugo::with_config_dir(path, value).map_err(error)?,
        _ => value,
    };
    let string = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).map(str::to_owned);
    let has_key = |keys: &[&str]| {
        value.as_object().is_some_and(|map| {
            map.keys()
                .any(|k| keys.iter().any(|key| k.eq_ignore_ascii_case(key)))
        })
    };
    let named_for_hugo = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("hugo."));
    Ok(match layout {
        Layout::Mkdocs => Config {
            // MkDocs requires `site_name`.
            recognized: has_key(&["site_name"]),
            site_url: string(value.get("site_url")).filter(|s| !s.is_empty()),
            content_dir: string(value.get("docs_dir")),
            directory_urls: value.get("use_directory_urls").and_then(|v| v.as_bool()),
            // `mkdocs build` runs beside its config: relative paths in it start there.
            mkdocs: Some(mkdocs::Config::read(
                &value,
                path.parent().unwrap_or(Path::new("")),
            )),
            ..Config::default()
        },
        Layout::Hugo => {
            let get = |key: &str| {
                value.as_object().and_then(|map| {
                    map.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(key))
                        .map(|(_, v)| v)
                })
            };
            Config {
                recognized: named_for_hugo || has_key(HUGO_KEYS),
                site_url: string(get("baseURL")).filter(|s| !s.is_empty() && s != "/"),
                content_dir: string(get("contentDir")),
                directory_urls: get("uglyURLs").and_then(|v| v.as_bool()).map(|ugly| !ugly),
                hugo: Some(hugo::Config::read(&value).map_err(error)?),
                ..Config::default()
            }
        }
        Layout::Mdbook => Config {
            recognized: has_key(&["book", "build", "output", "preprocessor", "rust"]),
            content_dir: string(value.get("book").and_then(|b| b.get("src"))),
            hidelines: value
                .pointer("/output/html/code/hidelines")
                .and_then(|v| v.as_object())
                .map(|map| {
                    map.iter()
                        .filter_map(|(lang, prefix)| Some((lang.clone(), prefix.as_str()?.into())))
                        .collect()
                })
                .unwrap_or_default(),
            book_preprocessors: mdbook_preprocessors::from_config(&value),
            book_toml: Some(value.clone()),
            ..Config::default()
        },
        Layout::Docusaurus | Layout::Plain => Config::default(),
    })
}

/// Top-level keys of Hugo's configuration: a `config.toml` with none of them is some other
/// program's.
const HUGO_KEYS: &[&str] = &[
    "baseURL",
    "title",
    "languageCode",
    "defaultContentLanguage",
    "theme",
    "contentDir",
    "publishDir",
    "module",
    "params",
    "menu",
    "menus",
    "markup",
    "taxonomies",
    "languages",
    "permalinks",
    "outputs",
    "uglyURLs",
    "enableRobotsTXT",
    "paginate",
    "pagination",
    "build",
    "security",
];

/// Docusaurus' config is JavaScript, not data: only string literals written as
/// `url: '…'`, `baseUrl: '…'` and the docs' `routeBasePath: '…'` are read (the first of
/// each), giving the site URL `url` + `baseUrl` + `routeBasePath` (`docs` by default). A
/// config that computes them gives none: pass the site URL.
fn docusaurus_config(js: &str) -> Config {
    let docusaurus = Some(docusaurus_site::Config::read(js));
    // Every Docusaurus config names its `baseUrl` (required) or a preset.
    let recognized = js.contains("baseUrl") || js.contains("presets") || js.contains("docusaurus");
    let md_is_commonmark = js_string(js, "format").as_deref() == Some("detect");
    let npm2yarn = js.contains("npm2yarn");
    let tab_blocks = js.contains("remark-plugin-tab-blocks");
    let content_dir = js_block(js, "docs").and_then(|docs| js_string(docs, "path"));
    let Some(url) = js_string(js, "url") else {
        return Config {
            recognized,
            md_is_commonmark,
            npm2yarn,
            tab_blocks,
            content_dir,
            docusaurus,
            ..Config::default()
        };
    };
    let base = js_string(js, "baseUrl").unwrap_or_else(|| "/".into());
    // The docs plugin's own options, so that the blog's `path` and `routeBasePath` are not
    // taken for the docs'.
    let route = match js_block(js, "docs") {
        Some(docs) => js_string(docs, "routeBasePath"),
        None => js_string(js, "routeBasePath"),
    }
    .unwrap_or_else(|| "docs".into());
    let path = [base.as_str(), route.as_str()]
        .iter()
        .map(|p| p.trim_matches('/'))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    Config {
        recognized,
        site_url: Some(format!("{}/{path}", url.trim_end_matches('/'))),
        md_is_commonmark,
        npm2yarn,
        tab_blocks,
        content_dir,
        docusaurus,
        ..Config::default()
    }
}

/// The text between the braces of the first `key: { … }` (braces inside strings are not
/// told apart: a config's option blocks hold none in practice).
pub(super) fn js_block<'a>(js: &'a str, key: &'a str) -> Option<&'a str> {
    let rest = js_values(js, key).find(|v| v.starts_with('{'))?;
    let mut depth = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&rest[1..i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The string literal of the first `key: '…'` (or `"…"`, or `` `…` `` without `${`).
pub(super) fn js_string(js: &str, key: &str) -> Option<String> {
    let rest = js_values(js, key).find(|v| v.starts_with(['\'', '"', '`']))?;
    let quote = rest.chars().next()?;
    let value = &rest[1..];
    let value = &value[..value.find(quote)?];
    (!value.contains("${")).then(|| value.to_owned())
}

/// What follows each `key:` of `js` (a property named `key`, not one ending in it), from its
/// value's first character.
fn js_values<'a>(js: &'a str, key: &'a str) -> impl Iterator<Item = &'a str> {
    js.match_indices(key).filter_map(move |(start, _)| {
        let before = js[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.') {
            return None;
        }
        let rest = js[start + key.len()..]
            .trim_start_matches(['"', '\''])
            .trim_start();
        Some(rest.strip_prefix(':')?.trim_start())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_prefixes_as_docusaurus_strips_them() {
        for (name, bare) in [
            ("01-intro", "intro"),
            ("2. Setup", "Setup"),
            ("10_guide", "guide"),
            ("intro", "intro"),
            ("2021-01-01-release", "2021-01-01-release"),
            ("1.2-notes", "1.2-notes"),
            ("42", "42"),
        ] {
            assert_eq!(strip_number_prefix(name), bare, "{name}");
        }
    }

    #[test]
    fn docusaurus_config_gives_the_docs_url_when_it_is_written_out() {
        let js = "const config = {\n  title: 'X',\n  url: 'https://docs.example.com',\n  baseUrl: '/help/',\n  presets: [['classic', { docs: { routeBasePath: '/' } }]],\n};";
        assert_eq!(
            docusaurus_config(js).site_url.as_deref(),
            Some("https://docs.example.com/help")
        );
        let js = "export default { url: \"https://d.example\", baseUrl: '/' }";
        assert_eq!(
            docusaurus_config(js).site_url.as_deref(),
            Some("https://d.example/docs")
        );
        assert_eq!(
            docusaurus_config("const url = process.env.URL;").site_url,
            None
        );
        // The docs' own path and route, not the blog's.
        let js = "module.exports = { url: 'https://d.example', baseUrl: '/', presets: [['classic', {\n  blog: { path: 'news', routeBasePath: 'news' },\n  docs: { sidebarPath: require.resolve('./sidebars.js'), path: '../docs', routeBasePath: '/' },\n}]] };";
        let config = docusaurus_config(js);
        assert_eq!(config.content_dir.as_deref(), Some("../docs"));
        assert_eq!(config.site_url.as_deref(), Some("https://d.example/"));
        assert_eq!(
            docusaurus_config("module.exports = { url: `${host}` }").site_url,
            None
        );
    }

    #[test]
    fn normalize_resolves_dots_and_refuses_to_climb_out() {
        assert_eq!(normalize("a/./b/../c/").unwrap(), "a/c/");
        assert_eq!(normalize("").unwrap(), "");
        assert!(normalize("../x").is_err());
    }
}
