//! The site as Hugo builds it in the language synced: its content folders, where its pages
//! are published, and which content files Hugo does not read at all.

use super::*;

/// A folder whose files are content, seen by Hugo under `content/<prefix>`.
#[derive(Clone, Debug)]
pub(crate) struct Source {
    pub dir: PathBuf,
    pub prefix: String,
    /// Its files are in the language synced, whatever their names (a language's
    /// `contentDir`, a mount with `lang`).
    pub lang_specific: bool,
    /// The mount's `files` filter.
    pub filter: MountFilter,
}

/// The site as Hugo builds it in the language synced.
#[derive(Clone, Debug)]
pub(crate) struct HugoSite {
    /// The language synced.
    pub lang: String,
    pub(super) default_lang: String,
    /// Every language of the site, disabled ones included (their files are theirs).
    pub(super) all_languages: Vec<String>,
    /// The content folders of the language synced, in the order they are read.
    pub sources: Vec<Source>,
    /// `baseURL`: `url:` front matter is a path under it.
    pub(super) root_url: Option<Url>,
    /// Where the language's pages are published.
    pub lang_url: Option<Url>,
    /// The site's params, the language's over them.
    pub(super) params: Mapping,
    pub(super) cascade: Vec<Cascade>,
    pub(super) keep_case: bool,
    pub(super) directory_urls: bool,
    /// `disableKinds`: pages of these kinds (`home`, `section`, `page`) are not published.
    pub(super) disabled_kinds: Vec<String>,
    /// `buildFuture`, `buildExpired`: pages dated later, or expired, are published too.
    pub(super) build_future: bool,
    pub(super) build_expired: bool,
    /// Where shortcode templates are looked for, first match wins.
    pub(super) template_dirs: Vec<PathBuf>,
    pub(super) permalinks: Permalinks,
    pub(super) ignore_files: Vec<Regex>,
    pub(super) enable_emoji: bool,
}

impl HugoSite {
    /// The site for `lang` (else the language whose content folder `given` is, else the
    /// default language). `config_dir` is the config file's folder (none: no config, the
    /// folder given is the content). `site_url` is the one given, which replaces `baseURL`.
    pub fn resolve(
        config: Option<&Config>,
        config_dir: Option<&Path>,
        given: &Path,
        lang: Option<&str>,
        site_url: Option<&Url>,
        base_url: Option<&Url>,
        directory_urls: bool,
    ) -> Result<HugoSite, InputError> {
        let empty = Config::default();
        let config = config.unwrap_or(&empty);
        let default_lang = config.default_lang();
        let mut languages: Vec<String> = config
            .languages
            .iter()
            .filter(|l| !l.disabled && !config.disabled.contains(&l.code))
            .map(|l| l.code.clone())
            .collect();
        if languages.is_empty() {
            languages.push(default_lang.clone());
        }
        let mut all_languages: Vec<String> =
            config.languages.iter().map(|l| l.code.clone()).collect();
        if all_languages.is_empty() {
            all_languages.push(default_lang.clone());
        }
        let given_lang = || {
            let dir = config_dir?;
            let given = std::fs::canonicalize(given).ok()?;
            languages.iter().find_map(|code| {
                config.sources(code, dir).iter().find_map(|s| {
                    (s.lang_specific && std::fs::canonicalize(&s.dir).is_ok_and(|d| d == given))
                        .then(|| code.clone())
                })
            })
        };
        let lang = match lang {
            Some(lang) => lang.trim().to_lowercase(),
            None => given_lang().unwrap_or_else(|| default_lang.clone()),
        };
        if !languages.contains(&lang) {
            return Err(InputError::InvalidOption {
                option: "lang",
                reason: format!(
                    "{lang:?} is not one of the site's languages ({})",
                    languages.join(", ")
                ),
            });
        }
        let mut sources: Vec<Source> = config_dir
            .map(|dir| config.sources(&lang, dir))
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.dir.is_dir())
            .collect();
        if sources.is_empty() {
            sources.push(Source {
                dir: given.to_path_buf(),
                prefix: String::new(),
                lang_specific: false,
                filter: MountFilter::default(),
            });
        }
        let language = config.language(&lang);
        let own_url = language
            .and_then(|l| l.base_url.as_deref())
            .and_then(|u| super::super::site_url("baseURL", u).ok());
        let root_url = site_url.cloned().or(own_url.clone()).or(base_url.cloned());
        let lang_url = root_url.as_ref().and_then(|root| {
            if own_url.is_some() || (lang == default_lang && !config.in_subdir) {
                Some(root.clone())
            } else {
                root.join(&format!("{lang}/")).ok()
            }
        });
        let mut params = config.params.clone();
        if let Some(language) = language {
            for (k, v) in &language.params {
                params.insert(k.clone(), v.clone());
            }
        }
        let mut template_dirs = Vec::new();
        if let Some(dir) = config_dir {
            let themes = dir.join(config.themes_dir.as_deref().unwrap_or("themes"));
            let mut roots = vec![dir.to_path_buf()];
            roots.extend(config.themes.iter().map(|theme| themes.join(theme)));
            for import in &config.imports {
                roots.push(dir.join("_vendor").join(import));
                roots.push(themes.join(import));
            }
            // `layouts/_shortcodes` since Hugo 0.146, `layouts/shortcodes` before.
            for root in roots {
                template_dirs.push(root.join("layouts/_shortcodes"));
                template_dirs.push(root.join("layouts/shortcodes"));
            }
        }
        Ok(HugoSite {
            lang,
            default_lang,
            all_languages,
            sources,
            root_url,
            lang_url,
            params,
            cascade: config.cascade.as_ref().map(cascades).unwrap_or_default(),
            keep_case: config.keep_case,
            directory_urls,
            disabled_kinds: config.disabled_kinds.clone(),
            build_future: config.build_future,
            build_expired: config.build_expired,
            template_dirs,
            permalinks: config.permalinks.clone(),
            ignore_files: config.ignore_files.clone(),
            enable_emoji: config.enable_emoji,
        })
    }

    /// Why Hugo does not read the content file at `path` at all: a name it skips, a match of
    /// `ignoreFiles` (on the absolute path, as Hugo matches), a mount's `files` filter.
    pub(super) fn ignored(&self, path: &Path) -> Option<String> {
        const NOT_READ: &str =
            "Hugo does not read it, so not sent; with --prune its page is deleted";
        let name = path.file_name()?.to_string_lossy();
        if name.starts_with(['.', '#']) || name.ends_with('~') {
            return Some(format!(
                "has a name Hugo skips (a dot, a # or a ~): {NOT_READ}"
            ));
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let absolute = absolute.to_string_lossy();
        if let Some(re) = self.ignore_files.iter().find(|re| re.is_match(&absolute)) {
            return Some(format!(
                "is matched by ignoreFiles ({}): {NOT_READ}",
                re.as_str()
            ));
        }
        let source = self.sources.iter().find(|s| path.starts_with(&s.dir))?;
        let inside = path.strip_prefix(&source.dir).ok()?.to_string_lossy();
        (!source.filter.admits(&inside.replace('\\', "/")))
            .then(|| format!("is left out by its mount's files filter: {NOT_READ}"))
    }

    /// `name` without its extension and without a language suffix of the site's (`a.fr.md`
    /// → (`a`, `fr`)).
    pub(super) fn stem_and_lang<'n>(&self, name: &'n str) -> (&'n str, Option<&'n str>) {
        let stem = strip_ext(name);
        match stem.rsplit_once('.') {
            Some((base, suffix))
                if self
                    .all_languages
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(suffix)) =>
            {
                (base, Some(suffix))
            }
            _ => (stem, None),
        }
    }

    /// A folder or file name as Hugo puts it in a URL: lower-cased (unless
    /// `disablePathToLower`), spaces to `-`, characters it does not keep left out.
    pub(super) fn part(&self, part: &str) -> String {
        let mut out = String::with_capacity(part.len());
        let mut hyphen = false;
        for c in part.chars() {
            let kept = c.is_alphanumeric() || ".\\_#+~-@".contains(c);
            if kept {
                if hyphen {
                    out.push('-');
                    hyphen = false;
                }
                out.push(c);
            } else if c.is_whitespace() && !out.is_empty() {
                hyphen = true;
            }
        }
        if self.keep_case {
            out
        } else {
            out.to_lowercase()
        }
    }

    /// The page's URL: `url:` under `baseURL`, else its path under the language's URL
    /// (sections and leaf bundles are their folder; `slug:` replaces the last part).
    pub fn page_url(&self, relative: &str, fm: &FrontMatter) -> Result<Option<String>, String> {
        let Some(lang_url) = &self.lang_url else {
            return Ok(None);
        };
        if let Some(url) = fm.url.as_deref().filter(|u| !u.is_empty()) {
            let root = self.root_url.as_ref().unwrap_or(lang_url);
            return url_under(root, url).map(Some);
        }
        let (dir, name) = split_dir(relative);
        let (stem, _) = self.stem_and_lang(name);
        let mut parts: Vec<String> = if dir.is_empty() {
            Vec::new()
        } else {
            dir.split('/').map(str::to_owned).collect()
        };
        let leaf = match stem {
            // A section's list page: the slug does not apply.
            "_index" => None,
            // A leaf bundle: the page is the folder, the slug renames it.
            "index" => {
                if let (Some(slug), Some(last)) = (fm.slug.as_deref(), parts.last_mut()) {
                    *last = slug.to_owned();
                }
                None
            }
            _ => Some(fm.slug.clone().unwrap_or_else(|| stem.to_owned())),
        };
        let prefix: String = parts.iter().map(|p| format!("{}/", self.part(p))).collect();
        let path = match (leaf, self.directory_urls) {
            (None, true) => prefix,
            (None, false) => format!("{prefix}index.html"),
            (Some(leaf), true) => format!("{prefix}{}/", self.part(&leaf)),
            (Some(leaf), false) => format!("{prefix}{}.html", self.part(&leaf)),
        };
        super::super::layout::join(lang_url, &path).map(Some)
    }
}

/// A `url:` or permalink path under `base`: a folder unless its last part has an extension.
pub(super) fn url_under(base: &Url, url: &str) -> Result<String, String> {
    let last = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let directory = url.ends_with('/') || !last.contains('.');
    let mut path = super::super::layout::normalize(url.trim_start_matches('/'))?;
    if directory && !path.is_empty() && !path.ends_with('/') {
        path.push('/');
    }
    super::super::layout::join(base, &path)
}
