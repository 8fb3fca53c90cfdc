//! The pages of a run: which files are pages of the language synced, what their sections
//! cascade, why one is not published, each page's URL (`permalinks` too) and how `ref`,
//! `GetPage` and links find a page.

use super::*;

/// A section: a folder with an `_index` file of the language synced.
pub(super) struct Section {
    /// Its slug, else its title: what `:sectionslugs` shows.
    pub(super) slug: Option<String>,
    /// Its cascade, then its parents'.
    pub(super) cascade: Vec<Cascade>,
    /// The draft section it is in (itself or one above), if any: none of its pages is
    /// published.
    pub(super) draft: Option<String>,
}

/// Why a page Hugo does not publish is not sent.
pub(crate) struct Unpublished {
    pub reason: String,
    /// Whether Hugo still finds it (`ref`, `GetPage`; its link is then empty): drafts are
    /// not found at all.
    pub findable: bool,
}

/// The pages of the language synced, as a run reads them: what the site's sections cascade,
/// which files are pages, and each page's URL for `ref` and links.
pub(crate) struct Pages {
    pub(super) site: HugoSite,
    pub(super) sections: HashMap<String, Section>,
    /// Folders of leaf bundles (holding an `index` file of the language synced).
    pub(super) bundles: HashSet<String>,
    /// Files read from a content folder of the language synced only (by their path: two
    /// mounts may hold files Hugo sees at one path, in two languages).
    pub(super) lang_specific: HashSet<PathBuf>,
    /// A page's logical path (`/docs/setup`, `/docs` for a section) → its URL (`None`: it
    /// is not published, but Hugo finds it).
    pub(super) index: HashMap<String, Option<String>>,
    /// A page's last path part → its URL (`None`: more than one page has that name).
    pub(super) names: HashMap<String, Option<Option<String>>>,
    /// Top-level folders with pages: Hugo makes each a section, `_index` file or not.
    pub(super) top_sections: HashSet<String>,
    pub(super) templates: HashMap<String, Template>,
    /// Each content file, by the key pages are looked up with: what an `include` reads.
    pub(super) files: HashMap<String, PathBuf>,
    /// The time of the run, in seconds since 1970: pages dated later are not published yet,
    /// pages expired before are no more.
    pub(super) now: i64,
}

impl Pages {
    /// The site's pages among `files` (path relative to the content root as Hugo sees it,
    /// the file, whether it comes from a content folder of the language synced only). The
    /// sections' front matter is read now, for what they cascade.
    pub fn new(site: &HugoSite, files: &[(String, PathBuf, bool)]) -> Pages {
        let mut pages = Pages {
            site: site.clone(),
            sections: HashMap::new(),
            bundles: HashSet::new(),
            lang_specific: files
                .iter()
                .filter(|(_, _, specific)| *specific)
                .map(|(_, path, _)| path.clone())
                .collect(),
            index: HashMap::new(),
            files: HashMap::new(),
            names: HashMap::new(),
            top_sections: HashSet::new(),
            templates: templates(&site.template_dirs),
            now: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
        };
        let mut section_files: Vec<(&str, &Path)> = Vec::new();
        for (relative, path, _) in files {
            let (dir, name) = split_dir(relative);
            let (stem, lang) = pages.lang_of(path, name);
            if lang != pages.site.lang {
                continue;
            }
            if path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown")
            {
                let key = pages.key(relative);
                pages.files.entry(key).or_insert_with(|| path.clone());
            }
            match stem {
                "_index" => section_files.push((dir, path)),
                "index" if !dir.is_empty() => {
                    pages.bundles.insert(dir.to_owned());
                }
                _ => {}
            }
        }
        // Parents before their children.
        section_files.sort_by_key(|(dir, _)| {
            if dir.is_empty() {
                0
            } else {
                1 + dir.matches('/').count()
            }
        });
        for (dir, path) in section_files {
            let own = std::fs::read_to_string(path)
                .ok()
                .and_then(|text| parse_block(split(&text.replace("\r\n", "\n")).0).ok())
                .unwrap_or_default();
            let parent = if dir.is_empty() {
                None
            } else {
                pages.nearest_section(parent_dir(dir))
            };
            let mut cascade = own.get("cascade").map(cascades).unwrap_or_default();
            match parent {
                Some(parent) => cascade.extend(parent.cascade.iter().cloned()),
                None => cascade.extend(pages.site.cascade.iter().cloned()),
            }
            let parent_draft = parent.and_then(|p| p.draft.clone());
            let kind = if dir.is_empty() { "home" } else { "section" };
            let relative = if dir.is_empty() {
                "_index.md".to_owned()
            } else {
                format!("{dir}/_index.md")
            };
            let effective = apply(own, &cascade, &pages.target(&relative, kind));
            let draft = parent_draft
                .or_else(|| truthy(lookup(&effective, "draft")).then(|| dir.to_owned()));
            let slug = ["slug", "title"]
                .iter()
                .find_map(|k| lookup(&effective, k).and_then(Value::as_str))
                .map(str::to_owned);
            pages.sections.insert(
                dir.to_owned(),
                Section {
                    slug,
                    cascade,
                    draft,
                },
            );
        }
        pages
    }

    /// The file's stem without its language suffix, and its language.
    pub(super) fn lang_of<'n>(&self, path: &Path, name: &'n str) -> (&'n str, String) {
        let (stem, lang) = self.site.stem_and_lang(name);
        let lang = match lang {
            Some(lang) => lang.to_lowercase(),
            None if self.lang_specific.contains(path) => self.site.lang.clone(),
            None => self.site.default_lang.clone(),
        };
        (stem, lang)
    }

    /// The section `dir` is in: its own, else the nearest one above.
    pub(super) fn nearest_section(&self, dir: &str) -> Option<&Section> {
        let mut dir = dir;
        loop {
            if let Some(section) = self.sections.get(dir) {
                return Some(section);
            }
            if dir.is_empty() {
                return None;
            }
            dir = parent_dir(dir);
        }
    }

    pub(super) fn target<'s>(&'s self, relative: &str, kind: &'s str) -> Target<'s> {
        let file = format!("/{}", relative.to_lowercase());
        Target {
            paths: [file, self.key(relative)],
            kind,
            lang: &self.site.lang,
        }
    }

    /// Why a file is none of the pages of the language synced, known from its path alone:
    /// another language's file, a leaf bundle's resource.
    pub fn not_published_file(&self, relative: &str, path: &Path) -> Option<String> {
        if let Some(reason) = self.site.ignored(path) {
            return Some(reason);
        }
        let (dir, name) = split_dir(relative);
        let (stem, lang) = self.lang_of(path, name);
        if lang != self.site.lang {
            return Some(format!(
                "is in {lang}: only {} pages are synced (Intercom takes one language; --lang chooses it), so not sent; with --prune its page is deleted",
                self.site.lang
            ));
        }
        let mut folder = dir;
        while !folder.is_empty() {
            if self.bundles.contains(folder) && !(folder == dir && stem == "index") {
                return Some(format!(
                    "is a resource of the leaf bundle {folder}/ (Hugo publishes only its index file as a page), so not sent; with --prune its page is deleted"
                ));
            }
            folder = parent_dir(folder);
        }
        None
    }

    /// The file's front matter with what its sections cascade to it: the keys the sync
    /// reads, and all of them.
    pub fn front_matter(
        &self,
        relative: &str,
        text: &str,
    ) -> Result<(FrontMatter, Mapping), String> {
        let own = parse_block(split(text).0)?;
        let merged = self.cascaded(relative, own);
        let fm = front_matter::from_mapping(&merged)?;
        Ok((fm, merged))
    }

    pub(super) fn cascaded(&self, relative: &str, own: Mapping) -> Mapping {
        let (dir, name) = split_dir(relative);
        let (stem, _) = self.site.stem_and_lang(name);
        let (section, kind) = if stem == "_index" {
            (
                self.sections.get(dir),
                if dir.is_empty() { "home" } else { "section" },
            )
        } else {
            (self.nearest_section(dir), "page")
        };
        let list = section.map_or(&self.site.cascade, |s| &s.cascade);
        apply(own, list, &self.target(relative, kind))
    }

    /// Why Hugo does not publish a page, from its front matter (cascade applied) and its
    /// sections. Drafts are the caller's.
    pub fn unpublished(&self, relative: &str, merged: &Mapping) -> Option<Unpublished> {
        let (dir, name) = split_dir(relative);
        let (stem, _) = self.site.stem_and_lang(name);
        let above = match (stem, dir) {
            ("_index", "") => None,
            ("_index", dir) => self.nearest_section(parent_dir(dir)),
            (_, dir) => self.nearest_section(dir),
        };
        if let Some(draft) = above.and_then(|s| s.draft.as_deref()) {
            let section = if draft.is_empty() {
                "_index.md".to_owned()
            } else {
                format!("{draft}/_index.md")
            };
            return Some(Unpublished {
                reason: format!(
                    "is in a draft section ({section} has draft: true): Hugo publishes none of its pages, so not sent; with --prune its page is deleted"
                ),
                findable: false,
            });
        }
        let kind = match (stem, dir) {
            ("_index", "") => "home",
            ("_index", _) => "section",
            _ => "page",
        };
        if self.site.disabled_kinds.iter().any(|k| k == kind) {
            return Some(Unpublished {
                reason: format!(
                    "is a page of a kind the site disables (disableKinds has {kind:?}): Hugo does not publish it, so not sent; with --prune its page is deleted"
                ),
                findable: false,
            });
        }
        let date = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| lookup(merged, k).and_then(timestamp))
                .map(|(date, shown)| (date.timestamp(), shown))
        };
        if !self.site.build_expired
            && let Some((expiry, shown)) = date(&["expiryDate", "unpublishDate"])
            && expiry <= self.now
        {
            return Some(Unpublished {
                reason: format!(
                    "expired on {shown} (expiryDate): Hugo does not publish it, so not sent; with --prune its page is deleted"
                ),
                findable: false,
            });
        }
        if !self.site.build_future
            && let Some((publish, shown)) = date(&["publishDate", "pubDate", "published", "date"])
            && publish > self.now
        {
            return Some(Unpublished {
                reason: format!(
                    "is dated {shown}, later than now: Hugo does not publish it yet, so not sent"
                ),
                findable: false,
            });
        }
        let build = lookup(merged, "build").or_else(|| lookup(merged, "_build"));
        let render = build
            .and_then(|b| b.as_object())
            .and_then(|b| lookup(b, "render"));
        let never = match render {
            Some(Value::String(s)) => {
                matches!(s.to_ascii_lowercase().as_str(), "never" | "link" | "false")
            }
            Some(Value::Bool(b)) => !b,
            _ => false,
        };
        if never {
            return Some(Unpublished {
                reason: "has build: {render: never}: Hugo does not publish it, so not sent; with --prune its page is deleted".into(),
                findable: true,
            });
        }
        if stem == "index" && !dir.is_empty() && truthy(lookup(merged, "headless")) {
            return Some(Unpublished {
                reason: "is a headless bundle (headless: true): Hugo does not publish it, so not sent; with --prune its page is deleted".into(),
                findable: true,
            });
        }
        None
    }

    /// The page's URL: `url:`, else the first `permalinks` rule for its kind and path, else
    /// its path (see [`HugoSite::page_url`]).
    pub fn page_url(
        &self,
        relative: &str,
        fm: &FrontMatter,
        merged: &Mapping,
    ) -> Result<Option<String>, String> {
        let (Some(lang_url), None) = (&self.site.lang_url, &fm.url) else {
            return self.site.page_url(relative, fm);
        };
        let (dir, name) = split_dir(relative);
        let (stem, _) = self.site.stem_and_lang(name);
        let kind = match (stem, dir) {
            ("_index", "") => return self.site.page_url(relative, fm),
            ("_index", _) => "section",
            _ => "page",
        };
        let Some(pattern) = self.site.permalinks.pattern(kind, &self.key(relative)) else {
            return self.site.page_url(relative, fm);
        };
        // The page's current section: its own (a section page), else the nearest folder
        // with an `_index`, the top-level folder being one in any case.
        let folders: Vec<&str> = if dir.is_empty() {
            Vec::new()
        } else {
            dir.split('/').collect()
        };
        let mut depth = folders.len();
        while depth > 1 && !self.sections.contains_key(&folders[..depth].join("/")) {
            depth -= 1;
        }
        let sections: Vec<String> = folders[..depth].iter().map(|f| self.site.part(f)).collect();
        let section_slugs = (1..=depth)
            .map(|n| {
                let path = folders[..n].join("/");
                self.sections
                    .get(&path)
                    .and_then(|s| s.slug.clone())
                    .unwrap_or_else(|| super::super::hugo_title(Path::new(&path)))
            })
            .collect();
        let page_name = if stem == "index" || stem == "_index" {
            folders.last().copied().unwrap_or_default()
        } else {
            stem
        };
        let title = fm
            .title
            .clone()
            .unwrap_or_else(|| super::super::hugo_title(Path::new(relative)));
        let date = [
            "date",
            "publishDate",
            "pubdate",
            "published",
            "lastmod",
            "modified",
        ]
        .iter()
        .find_map(|k| lookup(merged, k).and_then(timestamp))
        .map(|(date, _)| date);
        let facts = PageFacts {
            date,
            title: &title,
            slug: fm.slug.as_deref(),
            file_name: if stem == "_index" { "" } else { page_name },
            content_base_name: page_name,
            sections,
            section_slugs,
        };
        let path = permalinks::expand(pattern, &facts, &|s| self.site.part(s))?;
        url_under(lang_url, &path).map(Some)
    }

    /// Notes a page Hugo finds by path (`ref`, links): `url` is `None` when it is not
    /// published (or the site has no URL).
    pub fn add(&mut self, relative: &str, url: Option<String>) {
        let key = self.key(relative);
        if let Some((top, _)) = relative.split_once('/')
            && url.is_some()
        {
            self.top_sections.insert(top.to_owned());
        }
        if key != "/" {
            let name = key.rsplit('/').next().unwrap_or_default().to_owned();
            match self.names.get_mut(&name) {
                Some(seen) => *seen = None,
                None => {
                    self.names.insert(name, Some(url.clone()));
                }
            }
        }
        self.index.insert(key, url);
    }

    /// A file's logical path, as Hugo looks pages up: lower-cased, without extension and
    /// language suffix, a section or leaf bundle as its folder (`/` for the home page).
    pub(super) fn key(&self, relative: &str) -> String {
        self.normalize_ref(&format!("/{relative}"))
    }

    /// A rooted path made a lookup key the way Hugo does: `.` and `..` resolved,
    /// lower-cased, the last part's extension and language suffix dropped, `index` and
    /// `_index` standing for their folder.
    pub(super) fn normalize_ref(&self, path: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p.to_lowercase()),
            }
        }
        if let Some(last) = parts.last_mut() {
            let (stem, _) = self.site.stem_and_lang(last);
            let stem = stem.to_owned();
            *last = stem;
        }
        if parts
            .last()
            .is_some_and(|last| last == "index" || last == "_index")
        {
            parts.pop();
        }
        format!("/{}", parts.join("/"))
    }

    /// The page `target` names, seen from the page `from`, as Hugo's `GetPage` (and, with
    /// `reflink`, `ref`) finds it: from the page's folder (a leaf bundle's parent folder,
    /// unless the path starts with `..`), then from the content root, then (`ref` only) by
    /// its last part when one page alone has it. `Some(None)`: a page that is not
    /// published.
    pub(super) fn get_page(
        &self,
        from: &str,
        target: &str,
        reflink: bool,
    ) -> Option<Option<String>> {
        let target = target.trim();
        let target = if target.is_empty() { "/" } else { target };
        let candidates = self.candidates(from, target);
        for key in &candidates {
            if let Some(url) = self.index.get(key) {
                return Some(url.clone());
            }
            if let Some(top) = key
                .strip_prefix('/')
                .filter(|k| !k.is_empty() && !k.contains('/'))
                && let Some(url) = self.top_section_url(top)
            {
                return Some(Some(url));
            }
        }
        if reflink {
            let key = self.normalize_ref(&format!("/{target}"));
            let name = key.rsplit('/').next().unwrap_or_default();
            if let Some(Some(url)) = self.names.get(name) {
                return Some(url.clone());
            }
        }
        None
    }

    /// The keys `target`, named from the page at `from`, may have: from the page's folder,
    /// then from the content root, as `GetPage` looks.
    pub(super) fn candidates(&self, from: &str, target: &str) -> Vec<String> {
        if target.starts_with('/') {
            return vec![self.normalize_ref(target)];
        }
        let (dir, name) = split_dir(from);
        let (stem, _) = self.site.stem_and_lang(name);
        let base = if stem == "index" && !target.starts_with("..") {
            parent_dir(dir)
        } else {
            dir
        };
        vec![
            self.normalize_ref(&format!("/{base}/{target}")),
            self.normalize_ref(&format!("/{target}")),
        ]
    }

    /// The content file of the page an include finds for `target` from `from`, and its
    /// lookup key: from the page's folder first only when the template looks there
    /// (`.Page.GetPage`), the path made by its `printf` when it has one.
    pub(super) fn included_file(
        &self,
        from: &str,
        target: &str,
        how: &templates::Include,
    ) -> Option<(String, &PathBuf)> {
        let target = target.trim();
        let argument = if how.urlize {
            self.site.part(target)
        } else {
            target.to_owned()
        };
        let candidates = match &how.format {
            Some(format) => vec![self.normalize_ref(&format.replacen("%s", &argument, 1))],
            None if how.from_page => self.candidates(from, &argument),
            None => vec![self.normalize_ref(&format!("/{argument}"))],
        };
        candidates
            .into_iter()
            .find_map(|key| self.files.get(&key).map(|file| (key, file)))
    }

    /// How the site's template for `name` includes another page's content, if it does.
    pub(super) fn include_of(&self, name: &str) -> Option<&templates::Include> {
        self.templates.get(name)?.include.as_ref()
    }

    /// A top-level folder's section page, which Hugo makes without an `_index` file.
    pub(super) fn top_section_url(&self, key: &str) -> Option<String> {
        let top = self.top_sections.iter().find(|t| t.to_lowercase() == key)?;
        let url = self.site.lang_url.as_ref()?;
        super::super::layout::join(url, &format!("{}/", self.site.part(top))).ok()
    }

    /// How a shortcode the sync does not know shows its content.
    pub(super) fn inner_mode(&self, name: &str, delim: Delim) -> InnerMode {
        match (self.templates.get(name).map(|t| t.mode), delim) {
            (Some(InnerMode::Hidden), _) => InnerMode::Hidden,
            (Some(InnerMode::Link), _) => InnerMode::Link,
            // `{{% %}}` output is Markdown, whatever the template does with it.
            (_, Delim::Percent) => InnerMode::Markdown,
            (Some(mode), Delim::Angle) => mode,
            (None, Delim::Angle) => InnerMode::Raw,
        }
    }

    /// A Markdown page rendered: front matter (with cascade), shortcodes expanded, links
    /// resolved.
    pub fn render(
        &self,
        relative: &str,
        text: &str,
        page_url: Option<&str>,
    ) -> Result<RenderedPage, String> {
        let (fm, merged) = self.front_matter(relative, text)?;
        let body = split(text).1;
        let mut expander = Expander {
            pages: self,
            from: relative,
            params: &merged,
            outputs: Vec::new(),
            dropped: Vec::new(),
            including: vec![self.key(relative)],
        };
        let markdown = block_attributes_removed(&expander.expand(body));
        let page_url = page_url.and_then(|u| Url::parse(u).ok());
        let links = PageLinks {
            pages: self,
            from: relative,
            url: page_url.as_ref(),
            outputs: &expander.outputs,
            unlinked: RefCell::new(Unlinked::default()),
        };
        let rendered = markdown::render(&markdown, hugo_syntax(self.site.enable_emoji), &|href| {
            links.rewrite(href)
        });
        let mut html = links.finish(&rendered.html);
        // Raw HTML (written in the page, or a shortcode's content shown as it is) is no
        // Markdown: no render hook sees its links, the browser resolves them from the page.
        let raw_output = expander
            .outputs
            .iter()
            .any(|o| matches!(o, Output::Html(_)));
        if let Some(page) = page_url
            .as_ref()
            .filter(|_| rendered.raw_html || raw_output)
            && let Some(rewritten) =
                super::super::links::rewrite_fragment_with(&html, &|href| from_page(page, href))
        {
            html = rewritten;
        }
        let heading = rendered
            .heading
            .map(|h| links.plain(&h))
            .and_then(|h| front_matter::non_empty(&h));
        let mut dropped = expander.dropped;
        let unlinked = links.unlinked.into_inner();
        if unlinked.unrendered > 0 {
            dropped.push(format!(
                "{} link(s) whose destination could not be rendered (their text kept)",
                unlinked.unrendered
            ));
        }
        if unlinked.unpublished > 0 {
            dropped.push(format!(
                "{} link(s) to pages Hugo does not publish (their text kept)",
                unlinked.unpublished
            ));
        }
        if unlinked.missing > 0 {
            dropped.push(format!(
                "{} link(s) to pages the site does not have, or that only its own link render hook resolves (their text kept)",
                unlinked.missing
            ));
        }
        Ok(RenderedPage {
            html,
            heading,
            fm,
            dropped,
        })
    }
}

/// A Hugo page as sent.
pub(crate) struct RenderedPage {
    pub html: String,
    /// Its first heading's text.
    pub heading: Option<String>,
    pub fm: FrontMatter,
    /// What could not be rendered and was left out (shortcodes, links).
    pub dropped: Vec<String>,
}

pub(super) fn hugo_syntax(emoji: bool) -> Syntax<'static> {
    Syntax {
        heading_attributes: true,
        // Goldmark's definition list extension is on in Hugo's default config.
        definition_lists: true,
        emoji,
        alert_titles: true,
        autolinks: true,
        ..Syntax::default()
    }
}
