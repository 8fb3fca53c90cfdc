//! A folder of `.html`, `.htm`, `.md` and `.mdx` files as desired pages, published the way
//! its site generator publishes them ([`Layout`]).
//!
//! **Identity.** A page's `external_id` is front matter `external_id:` if it has one (any
//! layout), else in the Docusaurus layout its doc id (the path without extension and number
//! prefixes, the file name replaced by front matter `id:`: Docusaurus combines `id` with the
//! folder, so `guides/a.md` with `id: setup` is `guides/setup`), else the path relative to
//! the root with `/` separators. So a renamed file that keeps its id is an update, not a
//! delete and a create. Two files claiming one id is an [`InputError::DuplicateId`] naming
//! both, before anything is read for the sync: nothing is written.
//!
//! **URL.** The site URL ([`FolderOptions::site_url`], else the layout's config file) followed
//! by the page's path as its generator publishes it (see [`Layout`]). Without a site URL
//! pages have no URL (the source keeps the one it has) and links are left as they are.
//!
//! **Links.** Relative links and image sources are made absolute: a link to another page of
//! the folder (`../billing/plans.md#limits`) goes to that page's URL with its anchor, any
//! other relative link (an image) to its path under the site URL. Markdown links are
//! rewritten as the Markdown is rendered, HTML files' `href`/`src` attributes through an HTML
//! parser (an HTML file without a relative link is sent byte for byte).
//!
//! **Content.** Markdown is rendered with tables, footnotes, task lists, strikethrough and
//! GitHub alerts (`> [!NOTE]`); admonitions (`:::note Title` in Docusaurus, `!!! note
//! "Title"` in MkDocs, both in `plain`) become `<aside class="admonition …"><p><strong>Note:
//! Title</strong></p>…</aside>`. An `.mdx` file loses its `import`/`export` blocks and JSX
//! tags (`<Tabs>`, `<TabItem …>`), not their text. A page with front matter `draft: true` is
//! not published: it is reported as skipped and never sent, and, being unpublished, it does
//! not keep its page: with `prune` a page that became a draft is deleted from the source
//! (within the prune's limits), as the site no longer serves it; without `prune` it stays.
//! Front matter `intercom: {ai_agent: false, ai_copilot: true}` sets the page's availability.
//!
//! **mdBook.** As mdBook builds the book: only the chapters `SUMMARY.md` lists are pages (a
//! missing or unreadable `SUMMARY.md` is an [`InputError::Config`]); any other Markdown file
//! is unpublished, skipped like a draft. Before a chapter is rendered, its `{{#include}}`,
//! `{{#rustdoc_include}}` and `{{#playground}}` links are replaced by the lines of the files
//! they name (line ranges, anchors, nested includes read from the including file's folder),
//! `{{#title}}` becomes the page's title and `\{{#…}}` is shown as written without its
//! backslash; then the code lines mdBook hides (a Rust block's `# ` lines, `book.toml`'s
//! `hidelines` prefixes) are left out, as readers do not see them. A link that cannot be
//! resolved (a missing file, an unknown anchor, a range past the file's end) fails the page
//! with an [`ItemError`] naming the link: its page keeps its current version rather than get
//! the link as text.
//!
//! **MkDocs.** In the `mkdocs` layout a page is first made what MkDocs with Material and
//! pymdown-extensions would render (the `mkdocs` module): `--8<--` snippets are replaced by
//! the files they name, found in `pymdownx.snippets`' `base_path`s (relative to the folder of
//! `mkdocs.yml`, where `mkdocs build` runs; `.` by default), with line ranges, sections,
//! nested snippets and `auto_append`; content tabs `=== "Title"` become the title as a bold
//! paragraph followed by the tab's body; icon shortcodes (`:material-…:`, `:octicons-…:`,
//! `:fontawesome-…:`, `:simple-…:`), attribute lists (`{ .class }`, `{: #id }`),
//! abbreviation definitions and mkdocstrings' `::: module` blocks are removed; a reference
//! link whose `[ref]: url` the page (its snippets included) does not define, such as an
//! mkdocs-autorefs cross-reference, becomes its text; with `def_list` on, definitions become
//! paragraphs. A snippet that cannot be found is dropped, as pymdownx does by default; what
//! is dropped for want of a rendering is named in the page's
//! [`DesiredPage::left_out`] (the report's line says `(left out: …)`). A post
//! of Material's blog plugin keeps its path as its id and gets the plugin's URL
//! (`blog/2024/01/31/slug/`); files of `exclude_docs` and `draft_docs` (and `templates/`) are
//! not pages.
//!
//! **Hugo.** As `hugo` publishes the site, in one language ([`FolderOptions::lang`], else the
//! language of the content folder given, else `defaultContentLanguage`): the content folders
//! are that language's (`module.mounts` targeting `content`, `languages.<lang>.contentDir`,
//! `contentDir`), a page's path and id are the path Hugo sees after the mounts, and its URL
//! is under `baseURL` (in `<lang>/` for a language other than the default). Another
//! language's files, a leaf bundle's resources, `build: {render: never}` (or `_build`),
//! headless bundles, pages under a draft section, kinds in `disableKinds` and pages expired or
//! dated later than the run are skipped like drafts; `cascade` (front matter and site config)
//! is applied first; front matter may be TOML (`+++`). Shortcodes are expanded before the Markdown is rendered: `highlight`,
//! `figure`, `details`, `param`, `ref`/`relref` (the page's URL, found as Hugo finds it),
//! `comment`, and `{{</* x */>}}` escapes; a paired shortcode the sync does not know keeps
//! its content (as Markdown, or as the site's template shows it), an unpaired one is dropped
//! and named in the page's [`DesiredPage::left_out`]; no shortcode syntax is ever sent. Links are
//! looked up as pages (from the page's folder, then the content root), as Hugo's link render
//! hook does; anything else is resolved from the page's URL. See the `hugo` section of the
//! CLI's README for the details.
//!
//! **Which files.** Hidden files and folders are skipped, and so is whatever a `.gitignore`
//! or `.intercomignore` (gitignore syntax, in the folder or any folder under or above it;
//! `.intercomignore` wins) ignores, and what the layout does not publish (Docusaurus `_`
//! partials, mdBook's `SUMMARY.md`, a MkDocs `README.md` beside an `index.md` or a file its
//! `exclude_docs`/`draft_docs` names). An ignored
//! file is not part of the input: with `prune`, its page is deleted like a removed file's.
//!
//! Files are read one at a time as the iterator is driven, so memory stays bounded by the
//! largest file, not the folder (a first pass reads each file's front matter for ids and URLs,
//! keeping only those).
//!
//! What cannot be read never costs a page: a file that exists but cannot be read or parsed
//! is an [`ItemError`] covering its page (every page, when the folder's files set their own
//! ids: the file could stand for any of them), a folder that cannot be read one covering every
//! page under it, and a root that cannot be read is an [`InputError`] before anything is read.
//! Symlinks to files inside the folder are read as the file at the link's path; a symlink
//! to a folder, or to a file outside the folder, is reported as skipped and its pages kept.

mod docusaurus;
mod docusaurus_site;
mod front_matter;
mod hugo;
mod layout;
mod links;
mod markdown;
mod mdbook;
mod mdbook_preprocessors;
mod mkdocs;
mod yaml;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use url::Url;

use crate::desired::DesiredPage;
pub use crate::input::{Covers, ItemError};
use crate::title;
use front_matter::FrontMatter;
pub use layout::Layout;
use layout::Site;
use links::Links;
use markdown::Syntax;

/// The largest file read as a page, in bytes: 2 MiB. The reference documents no limit on
/// `html`; larger files are reported and never sent.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// The ignore file of the sync's own, in gitignore syntax, read beside `.gitignore`.
pub const IGNORE_FILE: &str = ".intercomignore";

/// How a folder becomes pages.
#[derive(Clone, Debug)]
pub struct FolderOptions {
    layout: Option<Layout>,
    site_url: Option<Url>,
    max_file_bytes: u64,
    lang: Option<String>,
    all_versions: bool,
    run_preprocessors: bool,
}

impl Default for FolderOptions {
    /// The layout detected from the folder's config file (else `plain`), the site URL from it
    /// if it has one, files up to [`DEFAULT_MAX_FILE_BYTES`].
    fn default() -> Self {
        Self {
            layout: None,
            site_url: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            lang: None,
            all_versions: false,
            run_preprocessors: false,
        }
    }
}

impl FolderOptions {
    /// The `plain` layout with this site URL: page URLs become `prefix` followed by each
    /// file's relative path, percent-encoded. The prefix must be an absolute http(s) URL
    /// without a query or fragment.
    pub fn url_prefix(mut self, prefix: &str) -> Result<Self, InputError> {
        self.site_url = Some(site_url("url_prefix", prefix)?);
        self.layout = Some(Layout::Plain);
        Ok(self)
    }

    /// Where the folder's root is published (an absolute http(s) URL without a query or
    /// fragment), instead of the config file's; each page's URL is under it.
    pub fn site_url(mut self, url: &str) -> Result<Self, InputError> {
        self.site_url = Some(site_url("site_url", url)?);
        Ok(self)
    }

    /// The layout, instead of the one detected from the folder's config file.
    pub fn layout(mut self, layout: Layout) -> Self {
        self.layout = Some(layout);
        self
    }

    /// Files larger than this many bytes are reported as errors instead of being sent.
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_file_bytes = bytes;
        self
    }

    /// The language to sync (`en`, `fr`), for a Hugo site: instead of the one whose content
    /// folder was given, else its `defaultContentLanguage`. A language the site does not
    /// have is an [`InputError::InvalidOption`]. The other layouts have one language.
    pub fn lang(mut self, lang: &str) -> Self {
        self.lang = Some(lang.trim().to_ascii_lowercase());
        self
    }

    /// Whether a Docusaurus site's other docs versions are synced too, each under its path
    /// (`next/` for the unreleased `docs/` folder, the version's name for an older one), its
    /// pages' ids starting with that path. By default only the version the site shows at
    /// the docs' URL is synced.
    pub fn all_versions(mut self, all: bool) -> Self {
        self.all_versions = all;
        self
    }

    /// Whether an mdBook's own preprocessors (`[preprocessor.<name>]` in `book.toml`) are
    /// run, as `mdbook build` runs them: the commands `book.toml` names, in the book's
    /// folder, given the chapters as JSON. Off by default, since they are the repository's
    /// programs; without them, what they would put in a chapter is missing (and named).
    /// A preprocessor that cannot be run or fails is an [`InputError::Config`].
    pub fn run_preprocessors(mut self, run: bool) -> Self {
        self.run_preprocessors = run;
        self
    }
}

/// An absolute http(s) URL without a query or fragment, ending in `/`.
fn site_url(option: &'static str, text: &str) -> Result<Url, InputError> {
    let invalid = |reason: &str| InputError::InvalidOption {
        option,
        reason: format!("{text:?} {reason}"),
    };
    let mut url = Url::parse(text.trim()).map_err(|_| invalid("is not an absolute URL"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("is not an http or https URL"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("has a query or fragment; page paths go after it"));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

/// Why a folder cannot be read at all (nothing was read, so nothing can be synced).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The root is missing or not a directory.
    #[error("{}: {reason}", path.display())]
    Root {
        /// The root as given.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An option has a value that cannot work: `url_prefix "docs/" is not an absolute URL`.
    #[error("{option} {reason}")]
    InvalidOption {
        /// The option, named as the [`FolderOptions`] method that sets it (`url_prefix`).
        option: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
    /// The layout's config file (`mkdocs.yml`, `hugo.toml`, `book.toml`, or mdBook's
    /// `SUMMARY.md`) cannot be read.
    #[error("{}: {reason}", path.display())]
    Config {
        /// The config file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// Two files claim one external id: the sync cannot tell which is the page.
    #[error("two files claim the external id {external_id:?}: {first} and {second}")]
    DuplicateId {
        /// The id both claim.
        external_id: String,
        /// The first file, relative to the content folder.
        first: String,
        /// The second file.
        second: String,
    },
}

/// What a folder is read as: say it before a sync, so that a wrong guess is seen.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Detected {
    /// The layout, given or detected.
    pub layout: Layout,
    /// The generator's config file it was detected from, if any.
    pub config_file: Option<PathBuf>,
    /// The folder whose files are the pages.
    pub content_root: PathBuf,
    /// Where the content folder is published, if known.
    pub site_url: Option<Url>,
    /// The language synced, for a site that has several (Hugo).
    pub lang: Option<String>,
    /// The docs versions not synced, by their path (Docusaurus: `next`, `1.0`); see
    /// [`FolderOptions::all_versions`].
    pub versions_left_out: Vec<String>,
    /// The book's own preprocessors (mdBook's `[preprocessor.<name>]`), which the sync did
    /// not run (see [`FolderOptions::run_preprocessors`]): what they would put in a chapter is
    /// not there.
    pub preprocessors_not_run: Vec<String>,
    /// The book's own preprocessors that were run.
    pub preprocessors_run: Vec<String>,
}

impl std::fmt::Display for Detected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "layout {}", self.layout)?;
        match &self.config_file {
            Some(config) => write!(f, " (from {})", config.display())?,
            None => f.write_str(" (no site config found)")?,
        }
        if let Some(lang) = &self.lang {
            write!(f, ", language {lang}")?;
        }
        write!(f, ", content folder {}", self.content_root.display())?;
        if !self.preprocessors_not_run.is_empty() {
            write!(
                f,
                ", the book's own preprocessors not run: {}",
                self.preprocessors_not_run.join(", ")
            )?;
            if self.preprocessors_run.is_empty() {
                f.write_str(" (--run-preprocessors runs them)")?;
            }
        }
        if !self.preprocessors_run.is_empty() {
            write!(
                f,
                ", the book's own preprocessors run: {}",
                self.preprocessors_run.join(", ")
            )?;
        }
        if !self.versions_left_out.is_empty() {
            write!(
                f,
                ", docs versions not synced: {}",
                self.versions_left_out.join(", ")
            )?;
        }
        match &self.site_url {
            Some(url) => write!(f, ", site URL {url}"),
            None => f.write_str(", no site URL (pages get none)"),
        }
    }
}

/// A folder's pages, read one file at a time as the iterator is driven.
pub struct FolderPages {
    detected: Detected,
    entries: std::vec::IntoIter<Entry>,
    reader: Reader,
}

impl FolderPages {
    /// What the folder is read as: layout, config file, content folder, site URL.
    pub fn detected(&self) -> &Detected {
        &self.detected
    }
}

impl Iterator for FolderPages {
    type Item = Result<DesiredPage, ItemError>;

    fn next(&mut self) -> Option<Self::Item> {
        let entry = self.entries.next()?;
        Some(self.reader.page(entry))
    }
}

/// The pages of `root`, in a stable order (sorted by path), one file at a time.
pub fn read_folder(
    root: impl AsRef<Path>,
    options: FolderOptions,
) -> Result<FolderPages, InputError> {
    let given = root.as_ref().to_path_buf();
    check_root(&given)?;
    let site = Site::resolve(
        &given,
        options.layout,
        options.site_url.as_ref(),
        options.lang.as_deref(),
        options.all_versions,
    )?;
    let root = site.content_root.clone();
    if root != given {
        check_root(&root)?;
    }
    let canonical_root = std::fs::canonicalize(&root).map_err(|e| InputError::Root {
        path: root.clone(),
        reason: format!("cannot be resolved: {e}"),
    })?;
    let summary = match site.layout {
        Layout::Mdbook => Some(mdbook::Summary::read(&root)?),
        _ => None,
    };
    // Hugo may read several content folders (its mounts), each seen under its target;
    // Docusaurus its docs versions and blog, each under its prefix.
    let sources: Vec<(PathBuf, String, bool)> = match (&site.hugo, &site.docusaurus) {
        (Some(hugo), _) => hugo
            .sources
            .iter()
            .map(|s| (s.dir.clone(), s.prefix.clone(), s.lang_specific))
            .collect(),
        (None, Some(docusaurus)) => docusaurus
            .list
            .iter()
            .map(|s| (s.dir.clone(), s.prefix.clone(), false))
            .collect(),
        (None, None) => vec![(root.clone(), String::new(), false)],
    };
    let mut entries = Vec::new();
    for (dir, prefix, _) in &sources {
        let canonical = if *dir == root {
            canonical_root.clone()
        } else {
            check_root(dir)?;
            std::fs::canonicalize(dir).map_err(|e| InputError::Root {
                path: dir.clone(),
                reason: format!("cannot be resolved: {e}"),
            })?
        };
        entries.extend(walk(dir, &canonical, prefix, site.layout == Layout::Hugo));
    }
    let paths: HashSet<String> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::File { relative, .. } => Some(relative.clone()),
            Entry::Failed(_) => None,
        })
        .collect();
    entries.retain(|entry| match entry {
        Entry::File { relative, kind, .. } => {
            let dir = relative.rsplit_once('/').map_or("", |(d, _)| d);
            let index = if dir.is_empty() {
                "index.md".to_owned()
            } else {
                format!("{dir}/index.md")
            };
            site.is_page(relative, *kind, paths.contains(&index))
        }
        Entry::Failed(_) => true,
    });
    let mut hugo = site.hugo.as_ref().map(|hugo| {
        let files: Vec<(String, PathBuf, bool)> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::File { path, relative, .. } => {
                    let specific = sources
                        .iter()
                        .any(|(dir, _, specific)| *specific && path.starts_with(dir));
                    Some((relative.clone(), path.clone(), specific))
                }
                Entry::Failed(_) => None,
            })
            .collect();
        hugo::Pages::new(hugo, &files)
    });

    // First pass: every page's identity and URL, so that links can be resolved and two files
    // claiming one id stop the sync before it starts.
    let mut links = Links::new(site.site_url.clone())
        .with_root_fallback(site.layout == Layout::Docusaurus)
        .with_bundled_files(site.layout == Layout::Docusaurus)
        .with_moved_files(site.mkdocs.moved_files());
    let mut claimed: HashMap<String, String> = HashMap::new();
    for entry in &mut entries {
        let Entry::File {
            path,
            relative,
            kind,
            meta,
        } = entry
        else {
            continue;
        };
        // Hugo: another language's file, a leaf bundle's resource: known from the path alone
        // (and never claiming an id: a translation may share its page's).
        if let Some(reason) = hugo
            .as_ref()
            .and_then(|h| h.not_published_file(relative, path))
        {
            *meta = Ok(Meta {
                external_id: relative.clone(),
                url: None,
                unpublished: Some(reason),
                toc_title: None,
            });
            continue;
        }
        let read = read_text(path, *kind, options.max_file_bytes).and_then(|text| {
            let (fm, merged) = match &hugo {
                Some(hugo) if kind.is_markdown() => {
                    let (fm, merged) = hugo.front_matter(relative, &text)?;
                    (fm, Some(merged))
                }
                _ => (front_matter_of(&text, *kind)?, None),
            };
            let url = match (&hugo, &merged) {
                (Some(hugo), Some(merged)) => hugo.page_url(relative, &fm, merged)?,
                _ => site.page_url(relative, *kind, &fm, &text)?,
            };
            Ok((fm, url, merged))
        });
        let (fm, url, merged) = match read {
            Ok(read) => read,
            Err(reason) => {
                let external_id = known_front_matter(path, *kind)
                    .map(|fm| site.external_id(relative, *kind, &fm));
                if let Some(id) = &external_id
                    && let Some(first) = claimed.insert(id.clone(), relative.clone())
                {
                    return Err(InputError::DuplicateId {
                        external_id: id.clone(),
                        first,
                        second: relative.clone(),
                    });
                }
                *meta = Err(Unread {
                    reason,
                    external_id,
                });
                continue;
            }
        };
        let external_id = site.external_id(relative, *kind, &fm);
        if let Some(first) = claimed.insert(external_id.clone(), relative.clone()) {
            return Err(InputError::DuplicateId {
                external_id,
                first,
                second: relative.clone(),
            });
        }
        // mdBook publishes a Markdown file only as a chapter of its SUMMARY.md.
        let chapter = summary
            .as_ref()
            .filter(|_| kind.is_markdown())
            .map(|summary| summary.chapter(relative));
        let hugo_unpublished = match (&hugo, &merged) {
            (Some(hugo), Some(merged)) if !fm.draft => hugo.unpublished(relative, merged),
            _ => None,
        };
        let findable = !fm.draft && hugo_unpublished.as_ref().is_none_or(|u| u.findable);
        let unpublished = if fm.draft {
            Some(DRAFT.to_owned())
        } else if chapter == Some(None) {
            // mdBook renders `404.md` as its page for unknown URLs, not as a chapter.
            Some(
                if relative == "404.md" {
                    MDBOOK_404
                } else {
                    NOT_A_CHAPTER
                }
                .to_owned(),
            )
        } else if site.layout == Layout::Mkdocs && site.mkdocs.translation(relative).is_some() {
            Some(TRANSLATION.to_owned())
        } else {
            hugo_unpublished.map(|u| u.reason)
        };
        let published_url = unpublished.is_none().then(|| url.clone()).flatten();
        if let Some(hugo) = &mut hugo
            && findable
        {
            hugo.add(relative, published_url.clone());
        }
        links.add(relative, published_url);
        *meta = Ok(Meta {
            external_id,
            url,
            unpublished,
            toc_title: chapter.flatten().and_then(front_matter::non_empty),
        });
    }

    let (preprocessed, preprocessors_run) = match &summary {
        Some(summary) if options.run_preprocessors && !site.book_preprocessors.is_empty() => {
            preprocess_book(&site, summary, &entries, options.max_file_bytes)?
        }
        _ => (HashMap::new(), Vec::new()),
    };
    let detected = Detected {
        layout: site.layout,
        config_file: site.config_file.clone(),
        content_root: site.content_root.clone(),
        site_url: site.site_url.clone(),
        lang: site.hugo.as_ref().map(|h| h.lang.clone()),
        versions_left_out: site
            .docusaurus
            .as_ref()
            .map(|d| d.versions_left_out.clone())
            .unwrap_or_default(),
        preprocessors_not_run: site
            .book_preprocessors
            .iter()
            .map(|p| p.name.clone())
            .filter(|name| !preprocessors_run.contains(name))
            .collect(),
        preprocessors_run,
    };
    let reader = Reader {
        site,
        links,
        hugo,
        preprocessed,
        max_file_bytes: options.max_file_bytes,
    };
    Ok(FolderPages {
        detected,
        entries: entries.into_iter(),
        reader,
    })
}

/// An mdBook's chapters after its own preprocessors: path → Markdown (links expanded) and
/// the `{{#title}}` given.
type Preprocessed = HashMap<String, (String, Option<String>)>;

/// An mdBook's chapters (those of `summary` that are files of `entries`) with mdBook's
/// `links` preprocessor and then the book's own ones applied, and the names of those run. A
/// chapter that cannot be read or expanded is left out here: reading it again reports why.
fn preprocess_book(
    site: &Site,
    summary: &mdbook::Summary,
    entries: &[Entry],
    max_file_bytes: u64,
) -> Result<(Preprocessed, Vec<String>), InputError> {
    let files: HashMap<&str, &Path> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::File { relative, path, .. } => Some((relative.as_str(), path.as_path())),
            Entry::Failed(_) => None,
        })
        .collect();
    let mut chapters = Vec::new();
    let mut titles = HashMap::new();
    for (relative, name) in summary.in_order() {
        let Some(path) = files.get(relative) else {
            continue;
        };
        let Ok(text) = read_text(path, Kind::Markdown, max_file_bytes) else {
            continue;
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        let Ok(expanded) = mdbook::expand(front_matter::split(&text).1, dir, max_file_bytes) else {
            continue;
        };
        titles.insert(relative.to_owned(), expanded.title);
        chapters.push(mdbook_preprocessors::Chapter {
            path: relative.to_owned(),
            name: name.to_owned(),
            content: expanded.markdown,
        });
    }
    let config_file = site.config_file.clone().unwrap_or_default();
    let book_root = config_file.parent().unwrap_or(&site.content_root);
    let book_toml = site.book_toml.clone().unwrap_or_default();
    let (chapters, ran) =
        mdbook_preprocessors::run_all(&site.book_preprocessors, book_root, &book_toml, chapters)
            .map_err(|reason| InputError::Config {
                path: config_file.clone(),
                reason,
            })?;
    let chapters = chapters
        .into_iter()
        .map(|c| {
            let title = titles.remove(&c.path).flatten();
            (c.path, (c.content, title))
        })
        .collect();
    Ok((chapters, ran))
}

fn check_root(root: &Path) -> Result<(), InputError> {
    let root_error = |reason: String| InputError::Root {
        path: root.to_path_buf(),
        reason,
    };
    match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(root_error("is not a directory".into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(root_error("directory does not exist".into()));
        }
        Err(e) => return Err(root_error(format!("cannot be read: {e}"))),
    }
    // A root whose listing cannot be read would otherwise look like an empty folder, and a
    // prune would delete every page of the source.
    std::fs::read_dir(root).map_err(|e| root_error(format!("cannot be read: {e}")))?;
    Ok(())
}

/// One file of the folder, or what could not be read.
enum Entry {
    Failed(ItemError),
    File {
        /// Where to read it (a symlink's own path).
        path: PathBuf,
        /// The path relative to the content root, `/`-separated.
        relative: String,
        kind: Kind,
        /// Its identity, or why it could not be read (set by the first pass).
        meta: Result<Meta, Unread>,
    },
}

/// A file the first pass could not read as a page.
struct Unread {
    reason: String,
    /// Its id, when known anyway: from its path (an HTML file sets none), or from front
    /// matter read from the file's head.
    external_id: Option<String>,
}

struct Meta {
    external_id: String,
    url: Option<String>,
    /// Why the site does not publish the file, if it does not.
    unpublished: Option<String>,
    /// Its name in the site's table of contents (mdBook's `SUMMARY.md`).
    toc_title: Option<String>,
}

const DRAFT: &str =
    "is a draft (draft: true): not published, so not sent; with --prune its page is deleted";
const NOT_A_CHAPTER: &str = "is not a chapter in SUMMARY.md: mdBook does not publish it, so not sent; with --prune its page is deleted";
const TRANSLATION: &str = "is a translation (mkdocs-static-i18n): Intercom takes one language, the site's default, so not sent; with --prune its page is deleted";
const MDBOOK_404: &str = "is mdBook's page for unknown URLs (404.html), not a chapter: not sent; with --prune its page is deleted";

/// The second pass: each file rendered as the iterator is driven.
struct Reader {
    site: Site,
    links: Links,
    /// A Hugo site's pages: cascade, shortcodes, `ref` and links.
    hugo: Option<hugo::Pages>,
    preprocessed: Preprocessed,
    max_file_bytes: u64,
}

impl Reader {
    fn page(&self, entry: Entry) -> Result<DesiredPage, ItemError> {
        let (path, relative, kind, meta) = match entry {
            Entry::Failed(error) => return Err(error),
            Entry::File {
                path,
                relative,
                kind,
                meta,
            } => (path, relative, kind, meta),
        };
        let meta = meta.map_err(|unread| match unread.external_id {
            Some(id) => ItemError::failed(unread.reason).page(id).name(&relative),
            None => unknown_id(ItemError::failed(unread.reason).name(&relative)),
        })?;
        let fail = |reason: String| ItemError::failed(reason).page(&meta.external_id);
        if let Some(reason) = meta.unpublished {
            return Err(ItemError::skipped(reason)
                .page(&meta.external_id)
                .covers(Covers::Nothing));
        }
        let text = read_text(&path, kind, self.max_file_bytes).map_err(fail)?;
        let rewrite = |href: &str| self.links.resolve(&relative, href);
        let mut book_title = None;
        let mut left_out = Vec::new();
        let (html, title, fm) = match (kind, &self.hugo) {
            (Kind::Html, _) => {
                let title = title::html(&text);
                let html = self
                    .links
                    .rewrite_html(&relative, &text)
                    .unwrap_or_else(|| text.clone());
                (html, title, FrontMatter::default())
            }
            (Kind::Markdown | Kind::Mdx, Some(hugo)) => {
                let page = hugo
                    .render(&relative, &text, meta.url.as_deref())
                    .map_err(fail)?;
                left_out.extend(page.dropped);
                let title = page.fm.title.clone().or(page.heading);
                (page.html, title, page.fm)
            }
            (Kind::Markdown | Kind::Mdx, None) => {
                let fm = front_matter_of(&text, kind).map_err(fail)?;
                let mut body = front_matter::split(&text).1;
                let book;
                let site;
                let mdbook = self.site.layout == Layout::Mdbook;
                if let Some((markdown, title)) = self.preprocessed.get(&relative) {
                    body = markdown;
                    book_title = title.clone();
                } else if mdbook {
                    let dir = path.parent().unwrap_or(Path::new("."));
                    book = mdbook::expand(body, dir, self.max_file_bytes).map_err(fail)?;
                    body = &book.markdown;
                    book_title = book.title.clone();
                    // `{{ name }}` or a component (`<Listing>`) left in a chapter is what the
                    // book's own preprocessors would have replaced.
                    let own = &self.site.book_preprocessors;
                    if !own.is_empty() {
                        let names: Vec<&str> = own.iter().map(|p| p.name.as_str()).collect();
                        let mut found: Vec<String> = mdbook::placeholders(body)
                            .iter()
                            .map(|p| format!("`{p}`"))
                            .collect();
                        found.extend(mdbook::components(body).iter().map(|c| format!("`<{c}>`")));
                        if !found.is_empty() {
                            left_out.push(format!(
                                "{} that the book's own preprocessors ({}) replace: they are not run",
                                found.join(", "),
                                names.join(", ")
                            ));
                        }
                    }
                } else if self.site.layout == Layout::Mkdocs && kind == Kind::Markdown {
                    site = mkdocs::expand(body, &self.site.mkdocs, self.max_file_bytes);
                    body = &site.markdown;
                    left_out.extend(site.dropped.iter().cloned());
                }
                if self.site.npm2yarn {
                    let blocks = docusaurus::npm2yarn_blocks(body);
                    if blocks > 0 {
                        left_out.push(format!(
                            "the other package managers' tabs npm2yarn makes of {blocks} code block(s) (npm's commands are sent)"
                        ));
                    }
                }
                let with_partials;
                if self.site.layout == Layout::Docusaurus
                    && (kind == Kind::Mdx || self.site.md_is_mdx)
                {
                    let dir = path.parent().unwrap_or(Path::new("."));
                    with_partials = docusaurus::inline_partials(body, dir, self.max_file_bytes)
                        .map_err(fail)?;
                    body = &with_partials;
                }
                let syntax = Syntax {
                    colon_admonitions: matches!(
                        self.site.layout,
                        Layout::Docusaurus | Layout::Plain
                    ),
                    bang_admonitions: matches!(self.site.layout, Layout::Mkdocs | Layout::Plain),
                    mdx: kind == Kind::Mdx || self.site.md_is_mdx,
                    heading_attributes: self.site.layout != Layout::Plain,
                    hidden_lines: mdbook.then_some(&self.site.hidden_lines),
                    code_titles: matches!(self.site.layout, Layout::Docusaurus | Layout::Mkdocs),
                    definition_lists: false,
                    emoji: false,
                    alert_titles: false,
                    python_lists: self.site.layout == Layout::Mkdocs,
                    tab_blocks: self.site.tab_blocks,
                    autolinks: self.site.layout == Layout::Docusaurus
                        || (self.site.layout == Layout::Mkdocs && self.site.mkdocs.autolinks()),
                };
                let rendered = markdown::render(body, syntax, &rewrite);
                // MkDocs: the nav's title, the front matter's, the first `#` heading.
                let title = match self.site.layout {
                    Layout::Mkdocs => self
                        .site
                        .mkdocs
                        .nav_title(&relative)
                        .map(str::to_owned)
                        .or(fm.title.clone())
                        .or(rendered.h1),
                    _ => fm.title.clone().or(rendered.heading),
                };
                // Links in raw HTML (`<a href>`, `<img src>`) are resolved like Markdown's.
                let html = match rendered.raw_html {
                    true => self
                        .links
                        .rewrite_fragment(&relative, &rendered.html)
                        .unwrap_or(rendered.html),
                    false => rendered.html,
                };
                (links::unlink(&html), title, fm)
            }
        };
        // A section index or a redirect page of nothing but front matter (or comments): nothing
        // to send, and no fault of the site's, so not a failure. Its page, if it has one, is
        // kept.
        if !shows_anything(&html) {
            let reason = if left_out.is_empty() {
                "has no content (nothing but front matter): nothing to send".to_owned()
            } else {
                // The site shows something here, made by what the sync cannot render.
                format!(
                    "has no content the sync can render (left out: {}): nothing to send",
                    left_out.join("; ")
                )
            };
            return Err(ItemError::skipped(reason).page(&meta.external_id));
        }
        // mdBook's `{{#title}}` names the page; a chapter without a heading has the name
        // its table of contents gives it.
        let title =
            book_title
                .or(title)
                .or(meta.toc_title)
                .unwrap_or_else(|| match self.site.layout {
                    Layout::Hugo => hugo_title(&path),
                    Layout::Mkdocs => mkdocs_title(&path),
                    _ => file_stem(&path),
                });
        Ok(DesiredPage {
            external_id: meta.external_id,
            title,
            html,
            url: meta.url,
            ai_agent_availability: fm.ai_agent,
            ai_copilot_availability: fm.ai_copilot,
            left_out,
        })
    }
}

/// An input whose external id cannot be known without reading it (front matter may set any
/// id): it stands for every page, so a prune deletes none.
fn unknown_id(error: ItemError) -> ItemError {
    let reason = format!(
        "{} (its front matter could set any external id)",
        error.reason
    );
    ItemError { reason, ..error }.covers(Covers::All)
}

/// Content formats Hugo renders with an external tool (or, Org, a renderer of its own) that
/// the sync does not have.
const HUGO_OTHER_FORMATS: &[(&str, &str)] = &[
    ("adoc", "AsciiDoc (Hugo runs asciidoctor)"),
    ("asciidoc", "AsciiDoc (Hugo runs asciidoctor)"),
    ("ad", "AsciiDoc (Hugo runs asciidoctor)"),
    ("rst", "reStructuredText (Hugo runs rst2html)"),
    ("org", "Org mode (Hugo renders it with go-org)"),
    ("pandoc", "Pandoc Markdown (Hugo runs pandoc)"),
    ("pdc", "Pandoc Markdown (Hugo runs pandoc)"),
];

/// The folder's files (sorted by path), hidden and ignored ones left out; each file's path
/// is seen under `prefix`. With `hugo`, a content file of a format Hugo publishes and the
/// sync cannot render is reported as skipped, its page kept.
fn walk(root: &Path, canonical_root: &Path, prefix: &str, hugo: bool) -> Vec<Entry> {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(true)
        .parents(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .ignore(false)
        .require_git(true)
        .follow_links(false)
        .add_custom_ignore_filename(IGNORE_FILE)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    let mut entries = Vec::new();
    for item in walker {
        let entry = match item {
            Err(e) => {
                entries.push(Entry::Failed(unknown_id(unreadable(root, &e))));
                continue;
            }
            Ok(entry) => entry,
        };
        if let Some(error) = entry.error() {
            entries.push(Entry::Failed(unknown_id(ignore_file_error(
                root,
                entry.path(),
                error,
            ))));
        }
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        if entry.path_is_symlink() {
            if let Some(e) = symlink(root, canonical_root, path) {
                entries.push(e);
            }
            continue;
        }
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let prefixed = |relative: String| {
            if prefix.is_empty() {
                relative
            } else {
                format!("{prefix}/{relative}")
            }
        };
        if let Some(kind) = Kind::of(path) {
            let mut entry = file(root, path, kind);
            if let Entry::File { relative, .. } = &mut entry {
                *relative = prefixed(std::mem::take(relative));
            }
            entries.push(entry);
        } else if hugo
            && let Some(ext) = path.extension().and_then(|e| e.to_str())
            && let Some((_, format)) = HUGO_OTHER_FORMATS
                .iter()
                .find(|(known, _)| ext.eq_ignore_ascii_case(known))
            && let Some(relative) = external_id(root, path)
        {
            let reason = format!(
                "is {format}, which the sync does not render: not sent, and its page (if any) is kept"
            );
            entries.push(Entry::Failed(
                ItemError::skipped(reason).page(prefixed(relative)),
            ));
        }
    }
    entries
}

fn file(root: &Path, path: &Path, kind: Kind) -> Entry {
    match external_id(root, path) {
        Some(relative) => Entry::File {
            path: path.to_path_buf(),
            relative,
            kind,
            meta: Err(Unread {
                reason: "not read".into(),
                external_id: None,
            }),
        },
        None => Entry::Failed(unknown_id(
            ItemError::failed("file name is not UTF-8").name(relative_display(root, path)),
        )),
    }
}

/// The path an error of the walk is about, if it says.
fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errors) => errors.iter().find_map(error_path),
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

/// What the walk could not read: a folder, a file, a link loop.
fn unreadable(root: &Path, error: &ignore::Error) -> ItemError {
    let reason = format!(
        "cannot be read: {}",
        error
            .io_error()
            .map_or(error.to_string(), |io| io.to_string())
    );
    let name = match error_path(error) {
        None => ".".to_owned(),
        Some(path) if !path.starts_with(root) => path.display().to_string(),
        Some(path) => relative_display(root, path),
    };
    ItemError::failed(reason).name(name)
}

/// An ignore file in `dir` that could not be read or has a bad line: what it would have
/// ignored is unknown.
fn ignore_file_error(root: &Path, dir: &Path, error: &ignore::Error) -> ItemError {
    let file = error_path(error).unwrap_or(dir);
    let reason = format!("ignore file cannot be used: {error}");
    ItemError::failed(reason).name(relative_display(root, file))
}

/// A symlink: a file inside the folder is read at the link's path. Anything else is left
/// out and keeps its pages: only its own (its id from its path) for an HTML file, every page
/// for what could set its own id (a Markdown file, a folder, a link that cannot be followed).
fn symlink(root: &Path, canonical_root: &Path, path: &Path) -> Option<Entry> {
    let relative = relative_display(root, path);
    let keeps = |error: ItemError, kind: Option<Kind>| match kind {
        Some(Kind::Html) => error.page(&relative),
        _ => unknown_id(error.name(&relative)),
    };
    let target = match std::fs::metadata(path) {
        Ok(target) => target,
        Err(e) => {
            // A link named like an asset (`logo.png`) is none of the folder's pages; one
            // without an extension could be a folder.
            let kind = Kind::of(path);
            if kind.is_none() && path.extension().is_some() {
                return None;
            }
            let error = ItemError::failed(format!("is a symlink that cannot be followed: {e}"));
            return Some(Entry::Failed(keeps(error, kind)));
        }
    };
    if target.is_dir() {
        let error = ItemError::skipped("is a symlink to a folder: not followed");
        return Some(Entry::Failed(keeps(error, None)));
    }
    let kind = Kind::of(path)?;
    let inside = std::fs::canonicalize(path).is_ok_and(|t| t.starts_with(canonical_root));
    if !inside {
        let error = ItemError::skipped("is a symlink to a file outside the folder: not read");
        return Some(Entry::Failed(keeps(error, Some(kind))));
    }
    Some(file(root, path, kind))
}

/// What a file is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Html,
    Markdown,
    Mdx,
}

impl Kind {
    fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Kind::Html),
            "md" | "markdown" => Some(Kind::Markdown),
            "mdx" => Some(Kind::Mdx),
            _ => None,
        }
    }

    pub(crate) fn is_markdown(self) -> bool {
        matches!(self, Kind::Markdown | Kind::Mdx)
    }
}

/// The file's text: within the size limit, UTF-8, without a byte order mark, and for
/// Markdown with `\n` line ends (front matter is only recognised with those).
fn read_text(path: &Path, kind: Kind, max_file_bytes: u64) -> Result<String, String> {
    let mut text = crate::file::read_limited(path, max_file_bytes)?;
    // A byte order mark would hide front matter (and show up in the title).
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if kind.is_markdown() && text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    Ok(text)
}

/// A file's front matter: none for HTML (so an HTML file's id is its path).
fn front_matter_of(text: &str, kind: Kind) -> Result<FrontMatter, String> {
    match kind {
        Kind::Html => Ok(FrontMatter::default()),
        Kind::Markdown | Kind::Mdx => match front_matter::split(text).0 {
            Some(yaml) => front_matter::parse(yaml),
            None => Ok(FrontMatter::default()),
        },
    }
}

/// How much of a file that cannot be read whole is read for its front matter.
const HEAD_BYTES: u64 = 64 * 1024;

/// The front matter of a file that cannot be read as a page (too large, not UTF-8 past its
/// front matter), when its head proves it: a complete block that parses, or a first line
/// that is not `---` (no front matter). `None` when its id cannot be known.
fn known_front_matter(path: &Path, kind: Kind) -> Option<FrontMatter> {
    use std::io::Read;
    if kind == Kind::Html {
        return Some(FrontMatter::default());
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(HEAD_BYTES)
        .read_to_end(&mut head)
        .ok()?;
    let valid = match std::str::from_utf8(&head) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    let text = valid.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    if text.len() < 4 {
        return None;
    }
    if !text.starts_with("---") {
        return Some(FrontMatter::default());
    }
    match front_matter::split(&text).0 {
        Some(yaml) => front_matter::parse(yaml).ok(),
        None => None,
    }
}

/// `prefix` followed by each part of `external_id` as a percent-encoded path segment (so
/// `#`, `?`, `%` and `\` are data, never URL syntax), and never outside the prefix.
pub fn page_url(prefix: &Url, external_id: &str) -> Result<String, String> {
    let mut url = prefix.clone();
    url.set_query(None);
    url.set_fragment(None);
    let parts: Vec<&str> = external_id.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(format!(
            "cannot form its URL: {external_id:?} has an empty, `.` or `..` part"
        ));
    }
    url.path_segments_mut()
        .map_err(|()| "cannot form its URL: the prefix cannot have a path".to_owned())?
        .pop_if_empty()
        .extend(parts);
    let url = url.to_string();
    if !url.starts_with(prefix.as_str()) {
        return Err(format!(
            "cannot form its URL: {url} is not under the prefix {prefix}"
        ));
    }
    Ok(url)
}

/// The path relative to `root`, `/`-separated; `None` if a component is not UTF-8.
fn external_id(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<Vec<_>>>()?;
    Some(parts.join("/"))
}

fn relative_display(root: &Path, path: &Path) -> String {
    external_id(root, path).unwrap_or_else(|| {
        path.strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    })
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A page's name: its file's stem, or its folder's for a file named as an index.
fn page_name(path: &Path, index_names: &[&str]) -> String {
    let stem = file_stem(path);
    if !index_names.contains(&stem.as_str()) {
        return stem;
    }
    path.parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(stem)
}

/// The title Hugo gives a page that names none: its file's name (a section's or a bundle's,
/// its folder's), words title-cased (`include-page` → `Include Page`).
fn hugo_title(path: &Path) -> String {
    page_name(path, &["_index", "index"])
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title MkDocs gives a page with none: its file's name (an index's, its folder's), `-`
/// and `_` as spaces, the first letter capitalized when the name is all lower case.
fn mkdocs_title(path: &Path) -> String {
    let spaced = page_name(path, &["index", "README"]).replace(['-', '_'], " ");
    if spaced.chars().any(char::is_uppercase) {
        return spaced;
    }
    let mut chars = spaced.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether a page's HTML shows a reader anything: text, or a picture or a media element
/// (an HTML comment alone shows nothing).
fn shows_anything(html: &str) -> bool {
    let fragment = scraper::Html::parse_fragment(html);
    let has_text = fragment
        .root_element()
        .text()
        .any(|text| !text.trim().is_empty());
    has_text || {
        let media =
            scraper::Selector::parse("img, svg, video, audio, iframe, picture, object, embed")
                .expect("the media selector is valid");
        fragment.select(&media).next().is_some()
    }
}

/// A Markdown file (front matter and body) rendered as the `plain` layout renders it, links
/// left as they are: the HTML and the title its content gives (front matter `title:`, else
/// the first heading).
pub(crate) fn markdown_plain(source: &str) -> Result<(String, Option<String>), String> {
    let (yaml, body) = front_matter::split(source);
    let fm = match yaml {
        Some(yaml) => front_matter::parse(yaml)?,
        None => FrontMatter::default(),
    };
    let syntax = Syntax {
        colon_admonitions: true,
        bang_admonitions: true,
        ..Syntax::default()
    };
    let rendered = markdown::render(body, syntax, &|_| None);
    Ok((rendered.html, fm.title.or(rendered.heading)))
}
