//! Hugo's sources as Hugo publishes them: which files are pages of the language synced, at
//! which URLs, and what their shortcodes show.
//!
//! **Config.** Read from the site's config file (or its config directory,
//! `config/_default/`, with `config/production/` over it): `baseURL`,
//! `defaultContentLanguage` and `defaultContentLanguageInSubdir`, `languages` (each one's
//! `contentDir`, `baseURL`, `params`, `disabled`), `module.mounts` (the mounts whose target is
//! `content` or under it: they replace `contentDir`, as in Hugo; their `lang`, or newer
//! Hugo's `sites.matrix.languages`), `params`, `cascade`, `disableKinds`, `buildFuture`,
//! `buildExpired`, `disablePathToLower`, `theme` and `themesDir` (where the shortcode
//! templates are looked for, in `layouts/_shortcodes` and `layouts/shortcodes`).
//!
//! **One language.** Intercom takes one language, so one is synced: the one asked, else the
//! one whose content folder was given, else `defaultContentLanguage` (`en` by default). Its
//! files are those of its content folders (`languages.<lang>.contentDir`, the content
//! mounts with its `lang` or none) named without another language's suffix (`page.fr.md` is
//! French when `fr` is one of the site's languages). Its pages are under `baseURL`, in
//! `<lang>/` unless it is the default language (and `defaultContentLanguageInSubdir` is off)
//! or has its own `baseURL`.
//!
//! **Identity.** A page's path is the path Hugo sees: relative to its content folder, under
//! the mount's target (`content/en/docs/a.md` mounted on `content` is `docs/a.md`), and that
//! path is its external id, as for any other layout.
//!
//! **What is published.** Not: another language's files; a leaf bundle's files other than
//! its `index.md` (they are its resources); drafts, and every page under a draft section;
//! pages whose `build` (or `_build`, as Hugo 0.111 calls it) has `render: never` (or `link`,
//! or `false`); headless leaf bundles (`headless: true`); pages of a kind in `disableKinds`;
//! pages expired (`expiryDate`) or dated later than the run (`publishDate`, else `date`),
//! unless `buildExpired`/`buildFuture`.
//! `list: never` pages are published; `aliases` are redirects, not pages.
//! Front matter `cascade` (a mapping or a list of them, each with an optional `_target` /
//! `target`: `path` glob, `kind`, `lang`, `environment`) gives its keys to the section's
//! pages and itself, the nearest section's first, a page's own keys winning; the site
//! config's `cascade` comes last. Front matter may be YAML (`---`) or TOML (`+++`).
//!
//! **Shortcodes** are expanded before the Markdown is rendered, everywhere (in code blocks
//! and code spans too, as Hugo does): `highlight` (a code block), `figure` (an image with its
//! title and caption), `details` (`<details><summary>`), `param` (the page's front matter,
//! then the site's params), `ref` and `relref` (the absolute URL of the page they name,
//! looked up as Hugo does), `comment` (nothing); `{{</* x */>}}` shows `{{< x >}}`. A paired
//! shortcode the sync does not know keeps its content: as Markdown for `{{% %}}`, and for
//! `{{< >}}` as the site's template uses it (`markdownify` or `RenderString`: Markdown;
//! `.Inner` alone: as it is; no `.Inner`: not shown), as it is when its template is not in
//! the repository. Anything else (an unpaired shortcode the sync does not know, the media
//! embeds, a `ref` to no page, a missing `param`) is dropped and named in the page's
//! [`DesiredPage::left_out`](crate::DesiredPage::left_out).
//! A link whose destination was such a shortcode keeps its text only. Goldmark's block
//! attribute lines (`{.lead}`) are left out.
//!
//! **Links** go where the link render hook Hugo ships since 0.123 sends them (recent versions
//! use it by default on multilingual sites; themes and sites often have one like it): a
//! relative or `/` path is looked up as a page (from the page's folder, or a leaf bundle's
//! parent folder, then from the content root; `.md` or not) and becomes its URL; a page that
//! is not published leaves its link's text only; any other path, and any link in raw HTML
//! (which no render hook sees), is resolved from the page's URL, as the browser does.
//!
//! **URLs** follow `permalinks` ([`permalinks`]); `url:` wins over them. **Files Hugo does
//! not read** (a name starting with `.` or `#` or ending with `~`, an `ignoreFiles` match on
//! the absolute path, a mount's `files`/`includeFiles`/`excludeFiles` filter) are skipped.
//!
//! **Not read**: `[frontmatter]` date settings, `timeZone` (dates without a zone are UTC), Goldmark's
//! `unsafe = false` (Hugo then leaves raw HTML out; it is sent), the front matter of `.html`
//! content files, a config directory beside a root config file.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;
use serde_json::{Map, Value};
use url::Url;

use super::InputError;
use super::front_matter::{self, FrontMatter};
use super::markdown::{self, Syntax};

mod permalinks;
mod templates;
use permalinks::{PageFacts, Permalinks};
use templates::{InnerMode, LINK_PARAMS, Template, templates};

/// Front matter and params: YAML and TOML read as JSON values.
type Mapping = Map<String, Value>;

// ------------------------------------------------------------------------------------------
// The site's config.

/// What Hugo's config file says about languages, content folders and front matter defaults.
#[derive(Clone, Debug, Default)]
pub(crate) struct Config {
    default_lang: Option<String>,
    in_subdir: bool,
    languages: Vec<Language>,
    disabled: Vec<String>,
    mounts: Vec<Mount>,
    content_dir: Option<String>,
    params: Mapping,
    cascade: Option<Value>,
    keep_case: bool,
    themes: Vec<String>,
    themes_dir: Option<String>,
    imports: Vec<String>,
    disabled_kinds: Vec<String>,
    build_future: bool,
    build_expired: bool,
    permalinks: Permalinks,
    /// `ignoreFiles`: regular expressions on a content file's absolute path.
    ignore_files: Vec<Regex>,
    /// `enableEmoji`: emoji shortcodes in text become emoji.
    enable_emoji: bool,
}

#[derive(Clone, Debug)]
struct Language {
    code: String,
    content_dir: Option<String>,
    base_url: Option<String>,
    params: Mapping,
    disabled: bool,
}

/// A content mount: `source` (relative to the config's folder) seen as `content/<prefix>`,
/// for the languages it names (`lang`, or newer Hugo's `sites: {matrix: {languages: […]}}`;
/// none: the files are the default language's unless their names say otherwise).
#[derive(Clone, Debug)]
struct Mount {
    source: String,
    prefix: String,
    langs: Vec<String>,
    filter: MountFilter,
}

/// A mount's `files` (globs, `! ` before one that excludes) and older Hugo's
/// `includeFiles`/`excludeFiles`, matched against a file's path in the mount's source.
#[derive(Clone, Debug, Default)]
pub(crate) struct MountFilter {
    include: Vec<GlobMatcher>,
    exclude: Vec<GlobMatcher>,
}

impl MountFilter {
    fn read(mount: &Value) -> Result<MountFilter, String> {
        let mut filter = MountFilter::default();
        let globs = |key: &str| config_strings(config_get(mount, key));
        let mut add = |pattern: &str, exclude: bool| -> Result<(), String> {
            let glob = format!("/{}", pattern.trim().trim_start_matches('/').to_lowercase());
            // Hugo's `**` crosses folders anywhere (`**.tmp.md`); globset's only as a whole
            // path part, so such a pattern lets `*` cross them too.
            let whole_parts = glob.match_indices("**").all(|(i, _)| {
                glob[..i].ends_with('/') && matches!(glob.as_bytes().get(i + 2), None | Some(b'/'))
            });
            let glob = GlobBuilder::new(&glob)
                .literal_separator(whole_parts)
                .build()
                .map_err(|e| format!("module.mounts: {pattern:?} is not a glob: {e}"))?
                .compile_matcher();
            if exclude {
                filter.exclude.push(glob);
            } else {
                filter.include.push(glob);
            }
            Ok(())
        };
        for pattern in globs("files") {
            match pattern.trim().strip_prefix('!') {
                Some(negated) => add(negated, true)?,
                None => add(&pattern, false)?,
            }
        }
        for pattern in globs("includeFiles") {
            add(&pattern, false)?;
        }
        for pattern in globs("excludeFiles") {
            add(&pattern, true)?;
        }
        Ok(filter)
    }

    /// Whether Hugo reads the file at `path` (relative to the mount's source): an excluded
    /// folder excludes its files.
    pub fn admits(&self, path: &str) -> bool {
        let path = format!("/{}", path.to_lowercase());
        let mut dirs = path.match_indices('/').map(|(i, _)| &path[..i]).skip(1);
        let excluded = self
            .exclude
            .iter()
            .any(|g| g.is_match(&path) || dirs.clone().any(|dir| g.is_match(dir)));
        let included = self.include.is_empty()
            || self
                .include
                .iter()
                .any(|g| g.is_match(&path) || dirs.any(|dir| g.is_match(dir)));
        included && !excluded
    }
}

/// `value[key]`, the key's case ignored (Hugo's config keys are case-insensitive).
fn config_get<'v>(value: &'v serde_json::Value, key: &str) -> Option<&'v serde_json::Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

fn config_string(value: Option<&serde_json::Value>) -> Option<String> {
    value
        .and_then(serde_json::Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn config_mapping(value: Option<&serde_json::Value>) -> Mapping {
    value
        .and_then(serde_json::Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// A string or a list of strings.
fn config_strings(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

impl Config {
    /// The settings of a parsed config file (TOML, YAML or JSON).
    pub fn read(value: &serde_json::Value) -> Result<Config, String> {
        let get = |key: &str| config_get(value, key);
        let languages = get("languages")
            .and_then(|l| l.as_object())
            .map(|map| {
                map.iter()
                    .map(|(code, l)| Language {
                        code: code.to_lowercase(),
                        content_dir: config_string(config_get(l, "contentDir")),
                        base_url: config_string(config_get(l, "baseURL")),
                        params: config_mapping(config_get(l, "params")),
                        disabled: config_get(l, "disabled")
                            .and_then(|d| d.as_bool())
                            .unwrap_or(false),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let module = get("module");
        let mut mounts = Vec::new();
        for m in module
            .and_then(|m| config_get(m, "mounts"))
            .and_then(|m| m.as_array())
            .into_iter()
            .flatten()
        {
            let (Some(source), Some(target)) = (
                config_string(config_get(m, "source")),
                config_string(config_get(m, "target")),
            ) else {
                continue;
            };
            let target = target.trim_matches('/');
            let prefix = if target == "content" {
                ""
            } else if let Some(prefix) = target.strip_prefix("content/") {
                prefix
            } else {
                continue;
            };
            let matrix = config_get(m, "sites").and_then(|s| config_get(s, "matrix"));
            let mut langs = config_strings(config_get(m, "lang"));
            langs.extend(config_strings(
                matrix.and_then(|m| config_get(m, "languages")),
            ));
            mounts.push(Mount {
                source,
                prefix: prefix.trim_matches('/').to_owned(),
                langs: langs.iter().map(|l| l.to_lowercase()).collect(),
                filter: MountFilter::read(m)?,
            });
        }
        let ignore_files = config_strings(get("ignoreFiles"))
            .iter()
            .map(|pattern| {
                Regex::new(pattern).map_err(|e| {
                    format!("ignoreFiles: {pattern:?} is not a regular expression: {e}")
                })
            })
            .collect::<Result<_, _>>()?;
        let imports = module
            .and_then(|m| config_get(m, "imports"))
            .and_then(|i| i.as_array())
            .map(|imports| {
                imports
                    .iter()
                    .filter_map(|i| config_string(config_get(i, "path")))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Config {
            default_lang: config_string(get("defaultContentLanguage")).map(|l| l.to_lowercase()),
            in_subdir: get("defaultContentLanguageInSubdir")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            languages,
            disabled: config_strings(get("disableLanguages"))
                .iter()
                .map(|l| l.to_lowercase())
                .collect(),
            mounts,
            content_dir: config_string(get("contentDir")),
            params: config_mapping(get("params")),
            cascade: get("cascade").cloned(),
            keep_case: get("disablePathToLower")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            themes: config_strings(get("theme")),
            themes_dir: config_string(get("themesDir")),
            imports,
            disabled_kinds: config_strings(get("disableKinds"))
                .iter()
                .map(|k| k.to_lowercase())
                .collect(),
            build_future: get("buildFuture").and_then(|v| v.as_bool()) == Some(true),
            build_expired: get("buildExpired").and_then(|v| v.as_bool()) == Some(true),
            permalinks: Permalinks::read(get("permalinks"))?,
            ignore_files,
            enable_emoji: get("enableEmoji").and_then(|v| v.as_bool()) == Some(true),
        })
    }

    /// Every folder (relative to the config's) that holds content of some language: a run
    /// given one of them is a run of the site.
    pub fn content_dirs(&self) -> Vec<String> {
        if !self.mounts.is_empty() {
            return self.mounts.iter().map(|m| m.source.clone()).collect();
        }
        let mut dirs: Vec<String> = self
            .languages
            .iter()
            .filter_map(|l| l.content_dir.clone())
            .collect();
        dirs.push(
            self.content_dir
                .clone()
                .unwrap_or_else(|| "content".to_owned()),
        );
        dirs
    }

    fn default_lang(&self) -> String {
        self.default_lang.clone().unwrap_or_else(|| "en".to_owned())
    }

    fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The content folders of `lang`, relative to `dir` (the config's folder).
    fn sources(&self, lang: &str, dir: &Path) -> Vec<Source> {
        if !self.mounts.is_empty() {
            return self
                .mounts
                .iter()
                .filter(|m| m.langs.is_empty() || m.langs.iter().any(|l| l == lang))
                .map(|m| Source {
                    dir: dir.join(&m.source),
                    prefix: m.prefix.clone(),
                    lang_specific: !m.langs.is_empty(),
                    filter: m.filter.clone(),
                })
                .collect();
        }
        if let Some(content_dir) = self.language(lang).and_then(|l| l.content_dir.as_ref()) {
            return vec![Source {
                dir: dir.join(content_dir),
                prefix: String::new(),
                lang_specific: true,
                filter: MountFilter::default(),
            }];
        }
        vec![Source {
            dir: dir.join(self.content_dir.as_deref().unwrap_or("content")),
            prefix: String::new(),
            lang_specific: false,
            filter: MountFilter::default(),
        }]
    }
}

/// The site's folder, for its config file: the file's folder, or the folder of its config
/// directory (`config/_default/hugo.toml` → the folder holding `config/`).
pub(crate) fn project_dir(config_file: &Path) -> Option<&Path> {
    let dir = config_file.parent()?;
    if dir.ends_with("config/_default") {
        dir.parent()?.parent()
    } else {
        Some(dir)
    }
}

/// A config file of Hugo's config directory (`config/_default/hugo.toml`) with the other files
/// of the folder merged in as the keys they are named after (`params.toml` → `params`,
/// `params.fr.toml` → `languages.fr.params`), then `config/production/`'s over them (`hugo`
/// builds for production). Any other config file is returned as it is.
pub(crate) fn with_config_dir(
    path: &Path,
    value: serde_json::Value,
) -> Result<serde_json::Value, String> {
    let Some(dir) = path.parent().filter(|d| d.ends_with("config/_default")) else {
        return Ok(value);
    };
    let mut merged = serde_json::Value::Object(serde_json::Map::new());
    for folder in [dir.to_path_buf(), dir.with_file_name("production")] {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let mut parts: Vec<&str> = name.split('.').collect();
            let Some(ext) = parts.pop() else {
                continue;
            };
            if !matches!(ext, "toml" | "yaml" | "yml" | "json") || parts.is_empty() {
                continue;
            }
            let data = if file == path {
                value.clone()
            } else {
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| format!("{}: cannot be read: {e}", file.display()))?;
                parse_config(&text, ext).map_err(|e| format!("{}: {e}", file.display()))?
            };
            // `hugo.toml`/`config.toml` are the root; `key.toml` the key; `key.fr.toml` the
            // key of language `fr`.
            let data = match parts.as_slice() {
                ["hugo" | "config"] => data,
                [key] => serde_json::json!({ *key: data }),
                [key, lang] => serde_json::json!({ "languages": { *lang: { *key: data } } }),
                _ => continue,
            };
            merge_json(&mut merged, data);
        }
    }
    Ok(merged)
}

/// A config file's data.
fn parse_config(text: &str, ext: &str) -> Result<serde_json::Value, String> {
    match ext {
        "toml" => toml::from_str(text).map_err(|e| format!("is not TOML: {e}")),
        "json" => serde_json::from_str(text).map_err(|e| format!("is not JSON: {e}")),
        _ => super::yaml::parse(text, false).map_err(|e| format!("is not YAML: {e}")),
    }
}

/// `over`'s keys set in `into`, tables merged key by key.
fn merge_json(into: &mut serde_json::Value, over: serde_json::Value) {
    match (into, over) {
        (serde_json::Value::Object(into), serde_json::Value::Object(over)) => {
            for (key, value) in over {
                match into.get_mut(&key) {
                    Some(existing) => merge_json(existing, value),
                    None => {
                        into.insert(key, value);
                    }
                }
            }
        }
        (into, over) => *into = over,
    }
}

// ------------------------------------------------------------------------------------------
// The site, for the language synced.

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
    default_lang: String,
    /// Every language of the site, disabled ones included (their files are theirs).
    all_languages: Vec<String>,
    /// The content folders of the language synced, in the order they are read.
    pub sources: Vec<Source>,
    /// `baseURL`: `url:` front matter is a path under it.
    root_url: Option<Url>,
    /// Where the language's pages are published.
    pub lang_url: Option<Url>,
    /// The site's params, the language's over them.
    params: Mapping,
    cascade: Vec<Cascade>,
    keep_case: bool,
    directory_urls: bool,
    /// `disableKinds`: pages of these kinds (`home`, `section`, `page`) are not published.
    disabled_kinds: Vec<String>,
    /// `buildFuture`, `buildExpired`: pages dated later, or expired, are published too.
    build_future: bool,
    build_expired: bool,
    /// Where shortcode templates are looked for, first match wins.
    template_dirs: Vec<PathBuf>,
    permalinks: Permalinks,
    ignore_files: Vec<Regex>,
    enable_emoji: bool,
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
            .and_then(|u| super::site_url("baseURL", u).ok());
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
    fn ignored(&self, path: &Path) -> Option<String> {
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
    fn stem_and_lang<'n>(&self, name: &'n str) -> (&'n str, Option<&'n str>) {
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
    fn part(&self, part: &str) -> String {
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
        super::layout::join(lang_url, &path).map(Some)
    }
}

/// A `url:` or permalink path under `base`: a folder unless its last part has an extension.
fn url_under(base: &Url, url: &str) -> Result<String, String> {
    let last = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let directory = url.ends_with('/') || !last.contains('.');
    let mut path = super::layout::normalize(url.trim_start_matches('/'))?;
    if directory && !path.is_empty() && !path.ends_with('/') {
        path.push('/');
    }
    super::layout::join(base, &path)
}

// ------------------------------------------------------------------------------------------
// Cascade.

/// One entry of a `cascade`: its keys, for the pages its target matches.
#[derive(Clone, Debug)]
struct Cascade {
    values: Mapping,
    path: Option<GlobMatcher>,
    kind: Option<GlobMatcher>,
    lang: Option<GlobMatcher>,
    environment: Option<GlobMatcher>,
}

/// What a cascade's target is matched against.
struct Target<'a> {
    /// `/docs/a.md` and `/docs/a` (a section: `/docs/_index.md` and `/docs`).
    paths: [String; 2],
    kind: &'a str,
    lang: &'a str,
}

impl Cascade {
    fn matches(&self, target: &Target<'_>) -> bool {
        self.path
            .as_ref()
            .is_none_or(|g| target.paths.iter().any(|p| g.is_match(p)))
            && self.kind.as_ref().is_none_or(|g| g.is_match(target.kind))
            && self.lang.as_ref().is_none_or(|g| g.is_match(target.lang))
            // `hugo` builds for production.
            && self
                .environment
                .as_ref()
                .is_none_or(|g| g.is_match("production"))
    }
}

fn glob(pattern: &str) -> Option<GlobMatcher> {
    GlobBuilder::new(&pattern.to_lowercase())
        .literal_separator(true)
        // `{,/**}/_includes`: Hugo's globs allow an empty alternative.
        .empty_alternates(true)
        .build()
        .ok()
        .map(|g| g.compile_matcher())
}

/// The entries of a `cascade` value: a mapping, or a list of them.
fn cascades(value: &Value) -> Vec<Cascade> {
    let entries: Vec<&Mapping> = match value {
        Value::Object(map) => vec![map],
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    };
    entries
        .into_iter()
        .map(|entry| {
            let mut values = Mapping::new();
            let mut target = None;
            for (k, v) in entry {
                match k.as_str() {
                    "_target" | "target" => target = v.as_object(),
                    _ => {
                        values.insert(k.clone(), v.clone());
                    }
                }
            }
            let matcher = |key: &str| {
                target
                    .and_then(|t| lookup(t, key))
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .and_then(glob)
            };
            Cascade {
                values,
                path: matcher("path"),
                kind: matcher("kind"),
                lang: matcher("lang"),
                environment: matcher("environment"),
            }
        })
        .collect()
}

/// `own` with the keys of the matching entries of `list` it does not have, the first entry's
/// winning.
fn apply(mut own: Mapping, list: &[Cascade], target: &Target<'_>) -> Mapping {
    for cascade in list.iter().filter(|c| c.matches(target)) {
        for (k, v) in &cascade.values {
            let present = own.keys().any(|o| o.eq_ignore_ascii_case(k));
            if !present && k != "external_id" {
                own.insert(k.clone(), v.clone());
            }
        }
    }
    own
}

// ------------------------------------------------------------------------------------------
// Front matter.

/// The front matter block of a Hugo content file: YAML between `---` lines, TOML between
/// `+++` lines; and the body after it.
fn split(text: &str) -> (Option<Block<'_>>, &str) {
    if let (Some(yaml), body) = front_matter::split(text) {
        return (Some(Block::Yaml(yaml)), body);
    }
    let Some(rest) = text.strip_prefix("+++") else {
        return (None, text);
    };
    let Some(newline) = rest.find('\n') else {
        return (None, text);
    };
    if !rest[..newline].trim().is_empty() {
        return (None, text);
    }
    let block = &rest[newline + 1..];
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return (
                Some(Block::Toml(&block[..offset])),
                &block[offset + line.len()..],
            );
        }
        offset += line.len();
    }
    (None, text)
}

enum Block<'a> {
    Yaml(&'a str),
    Toml(&'a str),
}

/// The front matter's keys; none when there is no block.
fn parse_block(block: Option<Block<'_>>) -> Result<Mapping, String> {
    let value: Value = match block {
        None => return Ok(Mapping::new()),
        Some(Block::Yaml(yaml)) => {
            super::yaml::parse(yaml, true).map_err(|e| format!("front matter is not YAML: {e}"))?
        }
        Some(Block::Toml(toml)) => {
            toml::from_str(toml).map_err(|e| format!("front matter is not TOML: {e}"))?
        }
    };
    Ok(match value {
        Value::Object(map) => map,
        _ => Mapping::new(),
    })
}

/// `map[key]` for a dotted key, each part's case ignored.
fn lookup<'v>(map: &'v Mapping, key: &str) -> Option<&'v Value> {
    let mut current = map;
    let parts: Vec<&str> = key.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let value = current
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(part))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())?;
        if i + 1 == parts.len() {
            return Some(value);
        }
        current = value.as_object()?;
    }
    None
}

fn truthy(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::Bool(true)))
}

// ------------------------------------------------------------------------------------------
// The pages of a run.

/// A section: a folder with an `_index` file of the language synced.
struct Section {
    /// Its slug, else its title: what `:sectionslugs` shows.
    slug: Option<String>,
    /// Its cascade, then its parents'.
    cascade: Vec<Cascade>,
    /// The draft section it is in (itself or one above), if any: none of its pages is
    /// published.
    draft: Option<String>,
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
    site: HugoSite,
    sections: HashMap<String, Section>,
    /// Folders of leaf bundles (holding an `index` file of the language synced).
    bundles: HashSet<String>,
    /// Files read from a content folder of the language synced only (by their path: two
    /// mounts may hold files Hugo sees at one path, in two languages).
    lang_specific: HashSet<PathBuf>,
    /// A page's logical path (`/docs/setup`, `/docs` for a section) → its URL (`None`: it
    /// is not published, but Hugo finds it).
    index: HashMap<String, Option<String>>,
    /// A page's last path part → its URL (`None`: more than one page has that name).
    names: HashMap<String, Option<Option<String>>>,
    /// Top-level folders with pages: Hugo makes each a section, `_index` file or not.
    top_sections: HashSet<String>,
    templates: HashMap<String, Template>,
    /// Each content file, by the key pages are looked up with: what an `include` reads.
    files: HashMap<String, PathBuf>,
    /// The time of the run, in seconds since 1970: pages dated later are not published yet,
    /// pages expired before are no more.
    now: i64,
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
    fn lang_of<'n>(&self, path: &Path, name: &'n str) -> (&'n str, String) {
        let (stem, lang) = self.site.stem_and_lang(name);
        let lang = match lang {
            Some(lang) => lang.to_lowercase(),
            None if self.lang_specific.contains(path) => self.site.lang.clone(),
            None => self.site.default_lang.clone(),
        };
        (stem, lang)
    }

    /// The section `dir` is in: its own, else the nearest one above.
    fn nearest_section(&self, dir: &str) -> Option<&Section> {
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

    fn target<'s>(&'s self, relative: &str, kind: &'s str) -> Target<'s> {
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

    fn cascaded(&self, relative: &str, own: Mapping) -> Mapping {
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
                    .unwrap_or_else(|| super::hugo_title(Path::new(&path)))
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
            .unwrap_or_else(|| super::hugo_title(Path::new(relative)));
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
    fn key(&self, relative: &str) -> String {
        self.normalize_ref(&format!("/{relative}"))
    }

    /// A rooted path made a lookup key the way Hugo does: `.` and `..` resolved,
    /// lower-cased, the last part's extension and language suffix dropped, `index` and
    /// `_index` standing for their folder.
    fn normalize_ref(&self, path: &str) -> String {
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
    fn get_page(&self, from: &str, target: &str, reflink: bool) -> Option<Option<String>> {
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
    fn candidates(&self, from: &str, target: &str) -> Vec<String> {
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
    fn included_file(
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
    fn include_of(&self, name: &str) -> Option<&templates::Include> {
        self.templates.get(name)?.include.as_ref()
    }

    /// A top-level folder's section page, which Hugo makes without an `_index` file.
    fn top_section_url(&self, key: &str) -> Option<String> {
        let top = self.top_sections.iter().find(|t| t.to_lowercase() == key)?;
        let url = self.site.lang_url.as_ref()?;
        super::layout::join(url, &format!("{}/", self.site.part(top))).ok()
    }

    /// How a shortcode the sync does not know shows its content.
    fn inner_mode(&self, name: &str, delim: Delim) -> InnerMode {
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
                super::links::rewrite_fragment_with(&html, &|href| from_page(page, href))
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

fn hugo_syntax(emoji: bool) -> Syntax<'static> {
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

// ------------------------------------------------------------------------------------------
// Shortcodes: lexing.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Delim {
    /// `{{< … >}}`: the output is HTML.
    Angle,
    /// `{{% … %}}`: the output is Markdown.
    Percent,
}

impl Delim {
    fn open(self) -> &'static str {
        match self {
            Delim::Angle => "{{<",
            Delim::Percent => "{{%",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Delim::Angle => ">}}",
            Delim::Percent => "%}}",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Tag {
    delim: Delim,
    name: String,
    closing: bool,
    self_closing: bool,
    positional: Vec<String>,
    named: Vec<(String, String)>,
}

impl Tag {
    fn get(&self, index: usize, name: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .or_else(|| self.positional.get(index).map(String::as_str))
    }

    fn named(&self, name: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// `{{< name >}}`, to name it in a report.
    fn show(&self) -> String {
        let slash = if self.closing { "/" } else { "" };
        format!(
            "{} {slash}{} {}",
            self.delim.open(),
            self.name,
            self.delim.close()
        )
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    Text(&'a str),
    /// An escaped shortcode (`{{</* x */>}}`): shown as written, without its `/* */`.
    Literal(String),
    Tag(Tag),
}

/// `body` cut into text and shortcode tags. What looks like a tag but is not one (never
/// closed, no name) is text.
fn lex(body: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut kept = 0;
    let mut from = 0;
    while let Some(found) = body[from..].find("{{") {
        let start = from + found;
        match parse_tag(body, start) {
            Some((token, end)) => {
                if kept < start {
                    tokens.push(Token::Text(&body[kept..start]));
                }
                tokens.push(token);
                kept = end;
                from = end;
            }
            None => from = start + 2,
        }
    }
    if kept < body.len() {
        tokens.push(Token::Text(&body[kept..]));
    }
    tokens
}

fn skip_space(body: &str, mut i: usize) -> usize {
    while let Some(c) = body[i..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The tag starting at `start` (at `{{`), and where it ends.
fn parse_tag(body: &str, start: usize) -> Option<(Token<'_>, usize)> {
    let delim = match body.as_bytes().get(start + 2)? {
        b'<' => Delim::Angle,
        b'%' => Delim::Percent,
        _ => return None,
    };
    let close = delim.close();
    let mut i = skip_space(body, start + 3);
    if body[i..].starts_with("/*") {
        let inner = i + 2;
        let mut search = inner;
        loop {
            let star = search + body[search..].find("*/")?;
            let after = skip_space(body, star + 2);
            if body[after..].starts_with(close) {
                let literal = format!("{}{}{}", delim.open(), &body[inner..star], close);
                return Some((Token::Literal(literal), after + close.len()));
            }
            search = star + 2;
        }
    }
    let closing = body[i..].starts_with('/');
    if closing {
        i = skip_space(body, i + 1);
    }
    let name_start = i;
    while let Some(c) = body[i..].chars().next() {
        let ends = c.is_whitespace()
            || body[i..].starts_with(close)
            || (c == '/' && body[skip_space(body, i + 1)..].starts_with(close));
        if ends {
            break;
        }
        if !(c.is_alphanumeric() || "-_./".contains(c)) {
            return None;
        }
        i += c.len_utf8();
    }
    let name = &body[name_start..i];
    if name.is_empty() {
        return None;
    }
    let mut tag = Tag {
        delim,
        name: name.to_owned(),
        closing,
        self_closing: false,
        positional: Vec::new(),
        named: Vec::new(),
    };
    loop {
        i = skip_space(body, i);
        if i >= body.len() {
            return None;
        }
        if body[i..].starts_with(close) {
            return Some((Token::Tag(tag), i + close.len()));
        }
        if body[i..].starts_with('/') && body[skip_space(body, i + 1)..].starts_with(close) {
            tag.self_closing = true;
            i = skip_space(body, i + 1);
            continue;
        }
        let (word, end) = parse_value(body, i, close)?;
        i = end;
        if body[i..].starts_with('=') && !word.quoted {
            let (value, end) = parse_value(body, i + 1, close)?;
            i = end;
            tag.named.push((word.text, value.text));
        } else {
            tag.positional.push(word.text);
        }
    }
}

struct Word {
    text: String,
    quoted: bool,
}

/// A parameter's value at `i`: `"quoted"` (with `\"`), `` `raw` ``, or a bare word (up to a
/// space, `=` or the closing delimiter).
fn parse_value(body: &str, i: usize, close: &str) -> Option<(Word, usize)> {
    let rest = &body[i..];
    if let Some(rest) = rest.strip_prefix('"') {
        let mut text = String::new();
        let mut chars = rest.char_indices();
        while let Some((at, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, next)) = chars.next() {
                        text.push(next);
                    }
                }
                '"' => {
                    return Some((Word { text, quoted: true }, i + 1 + at + 1));
                }
                _ => text.push(c),
            }
        }
        return None;
    }
    if let Some(rest) = rest.strip_prefix('`') {
        let end = rest.find('`')?;
        return Some((
            Word {
                text: rest[..end].to_owned(),
                quoted: true,
            },
            i + 1 + end + 1,
        ));
    }
    let mut end = i;
    while let Some(c) = body[end..].chars().next() {
        if c.is_whitespace() || c == '=' || body[end..].starts_with(close) {
            break;
        }
        end += c.len_utf8();
    }
    if end == i {
        return None;
    }
    Some((
        Word {
            text: body[i..end].to_owned(),
            quoted: false,
        },
        end,
    ))
}

// ------------------------------------------------------------------------------------------
// Shortcodes: pairing and expanding.

#[derive(Debug)]
enum Node {
    Text(String),
    Literal(String),
    Shortcode {
        tag: Tag,
        /// Its content, when it is paired (or self-closed: empty).
        inner: Option<Vec<Node>>,
    },
}

/// Built-in shortcodes that never take content: never paired, so they cannot swallow the
/// page looking for a closing tag.
const UNPAIRED: &[&str] = &[
    "param",
    "ref",
    "relref",
    "figure",
    "youtube",
    "vimeo",
    "tweet",
    "twitter",
    "instagram",
    "gist",
    "x",
    "bluesky",
];

/// Built-in shortcodes that embed media from elsewhere: nothing to send.
const EMBEDS: &[&str] = &[
    "youtube",
    "vimeo",
    "tweet",
    "twitter",
    "instagram",
    "gist",
    "x",
    "bluesky",
    "qr",
];

/// Pairs opening and closing tags: a closing tag closes the nearest open tag of its name,
/// and the tags open in between were unpaired. A closing tag that closes nothing is
/// dropped (noted in `dropped`).
fn pair(tokens: Vec<Token<'_>>, dropped: &mut Vec<String>) -> Vec<Node> {
    fn top<'s>(root: &'s mut Vec<Node>, stack: &'s mut [(Tag, Vec<Node>)]) -> &'s mut Vec<Node> {
        match stack.last_mut() {
            Some((_, children)) => children,
            None => root,
        }
    }
    let mut root = Vec::new();
    let mut stack: Vec<(Tag, Vec<Node>)> = Vec::new();
    for token in tokens {
        match token {
            Token::Text(text) => top(&mut root, &mut stack).push(Node::Text(text.to_owned())),
            Token::Literal(literal) => top(&mut root, &mut stack).push(Node::Literal(literal)),
            Token::Tag(tag) if tag.closing => {
                let Some(open) = stack.iter().rposition(|(open, _)| open.name == tag.name) else {
                    dropped.push(format!("{} (closes nothing)", tag.show()));
                    continue;
                };
                while stack.len() > open + 1 {
                    if let Some((unpaired, children)) = stack.pop() {
                        let parent = top(&mut root, &mut stack);
                        parent.push(Node::Shortcode {
                            tag: unpaired,
                            inner: None,
                        });
                        parent.extend(children);
                    }
                }
                if let Some((tag, children)) = stack.pop() {
                    top(&mut root, &mut stack).push(Node::Shortcode {
                        tag,
                        inner: Some(children),
                    });
                }
            }
            Token::Tag(tag) if tag.self_closing => {
                top(&mut root, &mut stack).push(Node::Shortcode {
                    tag,
                    inner: Some(Vec::new()),
                })
            }
            Token::Tag(tag) if UNPAIRED.contains(&tag.name.to_ascii_lowercase().as_str()) => {
                top(&mut root, &mut stack).push(Node::Shortcode { tag, inner: None });
            }
            Token::Tag(tag) => stack.push((tag, Vec::new())),
        }
    }
    while let Some((unpaired, children)) = stack.pop() {
        let parent = top(&mut root, &mut stack);
        parent.push(Node::Shortcode {
            tag: unpaired,
            inner: None,
        });
        parent.extend(children);
    }
    root
}

/// What a shortcode becomes, put in place of its placeholder once the Markdown is rendered.
#[derive(Debug)]
enum Output {
    /// Text, shown as it is (escaped).
    Text(String),
    /// HTML.
    Html(String),
    /// A page's URL (`ref`, `relref`).
    Url(String),
    /// Nothing: dropped.
    Dropped,
    /// A figure, from the shortcode's named parameters.
    Figure(Vec<(String, String)>),
    /// `<details>`: its summary and content, both Markdown.
    Details {
        summary: String,
        open: bool,
        inner: String,
    },
}

impl Output {
    /// Whether it is a block of its own: alone in a paragraph, it replaces the paragraph (a
    /// dropped one leaves no empty paragraph).
    fn is_block(&self) -> bool {
        matches!(
            self,
            Output::Html(_) | Output::Figure(_) | Output::Details { .. } | Output::Dropped
        )
    }
}

/// Placeholders look like a word to Markdown, so that they survive it anywhere.
const TOKEN_START: &str = "HAHAHUGOSHORTCODE";
const TOKEN_END: &str = "HBHB";
/// The destination of a link that keeps only its text.
const UNLINK: &str = "intercom-unlinked:";

struct Expander<'a> {
    pages: &'a Pages,
    from: &'a str,
    params: &'a Mapping,
    outputs: Vec<Output>,
    dropped: Vec<String>,
    /// The pages being included, by lookup key, outermost first (the page itself is the
    /// first): an include of one of them is a cycle.
    including: Vec<String>,
}

impl Expander<'_> {
    fn expand(&mut self, body: &str) -> String {
        let nodes = pair(lex(body), &mut self.dropped);
        let mut out = String::with_capacity(body.len());
        self.emit(&nodes, &mut out);
        out
    }

    /// `{{% include "path" %}}`: the page at `path` (looked up as `GetPage` does), its front
    /// matter left out and its own shortcodes expanded, as Markdown in place.
    fn include(&mut self, tag: &Tag, how: &templates::Include) -> Result<String, String> {
        const MAX_DEPTH: usize = 10;
        let target = tag.positional.first().ok_or("no page named")?;
        let (key, file) = self
            .pages
            .included_file(self.from, target, how)
            .ok_or_else(|| format!("no page {target:?}"))?;
        if self.including.contains(&key) {
            return Err(format!("{target:?} includes the page that includes it"));
        }
        if self.including.len() > MAX_DEPTH {
            return Err(format!("includes nest more than {MAX_DEPTH} deep"));
        }
        let text = std::fs::read_to_string(file).map_err(|e| format!("{target:?}: {e}"))?;
        self.including.push(key);
        let markdown = self.expand(split(&text).1);
        self.including.pop();
        Ok(markdown)
    }

    fn placeholder(&mut self, output: Output) -> String {
        let n = self.outputs.len();
        self.outputs.push(output);
        format!("{TOKEN_START}{n}{TOKEN_END}")
    }

    fn emit(&mut self, nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Literal(literal) => {
                    let token = self.placeholder(Output::Text(literal.clone()));
                    out.push_str(&token);
                }
                Node::Shortcode { tag, inner } => self.shortcode(tag, inner.as_deref(), out),
            }
        }
    }

    fn inner_text(&mut self, nodes: &[Node]) -> String {
        let mut text = String::new();
        self.emit(nodes, &mut text);
        text
    }

    fn drop(&mut self, tag: &Tag, why: &str) -> Output {
        let shown = match tag.positional.first() {
            Some(arg) if matches!(tag.name.as_str(), "ref" | "relref" | "param") => {
                format!(
                    "{} {} {arg:?} {}",
                    tag.delim.open(),
                    tag.name,
                    tag.delim.close()
                )
            }
            _ => tag.show(),
        };
        if why.is_empty() {
            self.dropped.push(shown);
        } else {
            self.dropped.push(format!("{shown} ({why})"));
        }
        Output::Dropped
    }

    fn shortcode(&mut self, tag: &Tag, inner: Option<&[Node]>, out: &mut String) {
        let name = tag.name.to_ascii_lowercase();
        if tag.delim == Delim::Percent
            && let Some(how) = self.pages.include_of(&tag.name)
        {
            match self.include(tag, how) {
                Ok(markdown) => out.push_str(&markdown),
                Err(why) => {
                    let dropped = self.drop(tag, &why);
                    let token = self.placeholder(dropped);
                    out.push_str(&token);
                }
            }
            return;
        }
        let output = match (name.as_str(), inner) {
            ("highlight", Some(nodes)) => {
                let code = self.inner_text(nodes);
                let code = code.trim_matches(['\n', '\r']);
                let lang = tag.positional.first().map(String::as_str).unwrap_or("");
                let class = if lang.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"language-{}\"", escape(lang))
                };
                Output::Html(format!(
                    "<pre><code{class}>{}\n</code></pre>\n",
                    escape(code)
                ))
            }
            ("highlight", None) => self.drop(tag, "no closing tag, so no code"),
            ("figure", _) => Output::Figure(tag.named.clone()),
            ("details", inner) => {
                let inner = inner.map(|n| self.inner_text(n)).unwrap_or_default();
                Output::Details {
                    summary: tag.named("summary").unwrap_or("Details").to_owned(),
                    open: tag.named("open").is_some_and(|o| o == "true"),
                    inner,
                }
            }
            ("param", _) => match tag.get(0, "name").and_then(|key| self.param(key)) {
                // `{{% %}}` output is Markdown.
                Some(text) if tag.delim == Delim::Percent => {
                    out.push_str(&text);
                    return;
                }
                Some(text) => Output::Text(text),
                None => self.drop(tag, "no such param"),
            },
            ("ref" | "relref", _) => self.reference(tag),
            ("comment", _) => Output::Dropped,
            // Its content (or `text`) is what the code encodes, not text the page shows.
            ("qr", _) => self.drop(tag, "a QR code image"),
            (name, _) if EMBEDS.contains(&name) => self.drop(tag, "embedded media"),
            _ if let Some(fixed) = self.template(&tag.name).and_then(|t| t.fixed.clone()) => {
                // `{{% %}}` output is Markdown.
                if tag.delim == Delim::Percent {
                    out.push_str(&fixed);
                    return;
                }
                Output::Html(fixed)
            }
            (_, None) => self.drop(tag, "unknown to the sync"),
            (_, Some(nodes)) => {
                if self.template(&tag.name).is_some_and(|t| {
                    t.adds_output && !matches!(t.mode, InnerMode::Hidden | InnerMode::Include)
                }) {
                    self.drop(tag, "what its template shows besides its content");
                }
                match self.unknown(tag, nodes, out) {
                    Some(output) => output,
                    None => return,
                }
            }
        };
        let token = self.placeholder(output);
        out.push_str(&token);
    }

    fn template(&self, name: &str) -> Option<&Template> {
        self.pages.templates.get(name)
    }

    /// A paired shortcode the sync knows only by its template (if any): its content as the
    /// template shows it, written to `out` (`None`) when it is Markdown.
    fn unknown(&mut self, tag: &Tag, nodes: &[Node], out: &mut String) -> Option<Output> {
        Some(match self.pages.inner_mode(&tag.name, tag.delim) {
            InnerMode::Markdown => {
                self.emit(nodes, out);
                return None;
            }
            InnerMode::Code => {
                let code = self.inner_text(nodes);
                let code = code.trim_matches(['\n', '\r']);
                if code.trim().is_empty() {
                    // `{{< code-toggle config=x />}}`: code the template reads from data.
                    self.drop(tag, "its template shows data the sync does not read")
                } else {
                    Output::Html(format!("<pre><code>{}\n</code></pre>\n", escape(code)))
                }
            }
            InnerMode::Link => {
                let text = self.inner_text(nodes);
                match self.link_destination(tag) {
                    // A Markdown link: its destination is resolved as any other.
                    Some(destination) => {
                        out.push_str(&format!("[{}]({destination})", text.trim()));
                        return None;
                    }
                    None => Output::Html(text),
                }
            }
            InnerMode::Raw => Output::Html(self.inner_text(nodes)),
            InnerMode::Hidden => self.drop(tag, "its template does not show its content"),
            InnerMode::Include => self.drop(tag, "an include is rendered only as {{% %}}"),
        })
    }

    /// Where a link shortcode points: its URL parameter as it is, or the page its
    /// `relref`/`ref` parameter names (as a `relref` would give it).
    fn link_destination(&mut self, tag: &Tag) -> Option<String> {
        let (param, value) = LINK_PARAMS
            .iter()
            .find_map(|p| tag.named(p).map(|v| (*p, v.to_owned())))?;
        if !matches!(param, "relref" | "ref") {
            return Some(format!("<{}>", value.replace(['<', '>'], "")));
        }
        let reference = Tag {
            positional: vec![value],
            named: Vec::new(),
            ..tag.clone()
        };
        let output = self.reference(&reference);
        Some(self.placeholder(output))
    }

    /// `{{< param key >}}`: the page's front matter (its own keys, then its `params`), then
    /// the site's params.
    fn param(&self, key: &str) -> Option<String> {
        let page_params = lookup(self.params, "params").and_then(Value::as_object);
        let value = lookup(self.params, key)
            .or_else(|| page_params.and_then(|p| lookup(p, key)))
            .or_else(|| lookup(&self.pages.site.params, key))?;
        param_text(value)
    }

    /// `{{< ref "path#anchor" >}}`: the page's URL, as Hugo finds it.
    fn reference(&mut self, tag: &Tag) -> Output {
        let Some(target) = tag.get(0, "path").filter(|t| !t.trim().is_empty()) else {
            return self.drop(tag, "names no page");
        };
        if tag
            .named("lang")
            .is_some_and(|l| !l.eq_ignore_ascii_case(&self.pages.site.lang))
        {
            return self.drop(tag, "a page in another language");
        }
        let (path, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (target, None),
        };
        if path.is_empty() {
            return Output::Url(format!("#{}", fragment.unwrap_or_default()));
        }
        match self.pages.get_page(self.from, path, true) {
            Some(Some(url)) => Output::Url(match fragment {
                Some(fragment) => format!("{url}#{fragment}"),
                None => url,
            }),
            Some(None) if self.pages.site.lang_url.is_none() => {
                self.drop(tag, "the site has no URL")
            }
            Some(None) => self.drop(tag, "a page Hugo does not publish"),
            None => self.drop(tag, "no such page"),
        }
    }
}

/// A param's value as a template prints it.
fn param_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => Some(format!(
            "[{}]",
            items
                .iter()
                .filter_map(param_text)
                .collect::<Vec<_>>()
                .join(" ")
        )),
        _ => None,
    }
}

// ------------------------------------------------------------------------------------------
// Links, and the shortcodes' output put in place.

/// Links left as their text, by why.
#[derive(Default)]
struct Unlinked {
    /// Their destination was a shortcode that was dropped.
    unrendered: usize,
    /// They go to a page Hugo does not publish.
    unpublished: usize,
    /// They name a page (no file extension, or Markdown's) that the site does not have: a
    /// destination the site's own link render hook may resolve (`[term](g)` for a glossary),
    /// or a broken link; either way not a URL to send.
    missing: usize,
}

/// Whether a link's path names a page rather than a file: its last part has no extension,
/// or a Markdown one.
fn names_a_page(path: &str) -> bool {
    let last = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    match last.rsplit_once('.') {
        None => true,
        Some((_, ext)) => matches!(ext.to_ascii_lowercase().as_str(), "md" | "markdown"),
    }
}

struct PageLinks<'a> {
    pages: &'a Pages,
    from: &'a str,
    /// The page's URL: other links are resolved from it.
    url: Option<&'a Url>,
    outputs: &'a [Output],
    /// Links left as their text.
    unlinked: RefCell<Unlinked>,
}

impl PageLinks<'_> {
    /// A link's or image's destination, as Hugo's link render hook makes it.
    fn rewrite(&self, href: &str) -> Option<String> {
        if href.contains(TOKEN_START) {
            let mut dropped = false;
            let text = substitute(href, 0, &mut |n| match self.outputs.get(n) {
                Some(Output::Text(text)) => text.clone(),
                Some(Output::Url(url)) => url.clone(),
                _ => {
                    dropped = true;
                    String::new()
                }
            });
            if dropped || text.trim().is_empty() {
                self.unlinked.borrow_mut().unrendered += 1;
                return Some(UNLINK.to_owned());
            }
            return Some(self.resolve(&text).unwrap_or(text));
        }
        self.resolve(href)
    }

    fn resolve(&self, href: &str) -> Option<String> {
        let page = self.url?;
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') || href.starts_with("//") {
            return None;
        }
        if Url::parse(href).is_ok() {
            return None; // https:, mailto:, tel: …
        }
        let (rest, fragment) = match href.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (href, None),
        };
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (rest, None),
        };
        if !path.is_empty() {
            let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            match self.pages.get_page(self.from, &decoded, false) {
                Some(Some(url)) => {
                    let mut url = Url::parse(&url).ok()?;
                    if query.is_some() {
                        url.set_query(query);
                    }
                    url.set_fragment(fragment);
                    return Some(url.into());
                }
                Some(None) => {
                    self.unlinked.borrow_mut().unpublished += 1;
                    return Some(UNLINK.to_owned());
                }
                None if names_a_page(&decoded) => {
                    self.unlinked.borrow_mut().missing += 1;
                    return Some(UNLINK.to_owned());
                }
                None => {}
            }
        }
        page.join(href).ok().map(String::from)
    }

    fn href(&self, href: &str) -> String {
        self.rewrite(href).unwrap_or_else(|| href.to_owned())
    }

    /// Inline Markdown (a caption) as HTML, without the paragraph around it.
    fn markdownify(&self, markdown: &str) -> String {
        let html = self.markdown(markdown);
        let trimmed = html.trim_end();
        match trimmed
            .strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>"))
        {
            Some(inline) if !inline.contains("<p>") => inline.to_owned(),
            _ => html,
        }
    }

    fn markdown(&self, markdown: &str) -> String {
        let syntax = hugo_syntax(self.pages.site.enable_emoji);
        markdown::render(markdown, syntax, &|href| self.rewrite(href)).html
    }

    /// The HTML a shortcode's output becomes.
    fn output_html(&self, output: &Output) -> String {
        match output {
            Output::Text(text) | Output::Url(text) => escape(text),
            Output::Html(html) => html.clone(),
            Output::Dropped => String::new(),
            Output::Figure(args) => self.figure(args),
            Output::Details {
                summary,
                open,
                inner,
            } => format!(
                "<details{}>\n<summary>{}</summary>\n{}</details>\n",
                if *open { " open" } else { "" },
                self.markdownify(summary),
                self.markdown(inner)
            ),
        }
    }

    /// Hugo's `figure`: the image (in its link), then the title and the caption with its
    /// attribution.
    fn figure(&self, args: &[(String, String)]) -> String {
        let get = |key: &str| {
            args.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.as_str())
                .filter(|v| !v.is_empty())
        };
        let mut html = String::from("<figure>");
        let link = get("link");
        if let Some(link) = link {
            html.push_str(&format!("<a href=\"{}\">", escape(&self.href(link))));
        }
        let src = get("src").map(|s| self.href(s)).unwrap_or_default();
        html.push_str(&format!("<img src=\"{}\"", escape(&src)));
        let caption = get("caption");
        let alt = get("alt")
            .map(str::to_owned)
            .or_else(|| caption.map(|c| strip_tags(&self.markdownify(c))));
        if let Some(alt) = alt {
            html.push_str(&format!(" alt=\"{}\"", escape(&alt)));
        }
        html.push_str(" />");
        if link.is_some() {
            html.push_str("</a>");
        }
        let title = get("title");
        let attr = get("attr");
        if title.is_some() || caption.is_some() || attr.is_some() {
            html.push_str("<figcaption>");
            if let Some(title) = title {
                html.push_str(&format!("<h4>{}</h4>", escape(title)));
            }
            if caption.is_some() || attr.is_some() {
                html.push_str("<p>");
                if let Some(caption) = caption {
                    html.push_str(&self.markdownify(caption));
                }
                if let Some(attr) = attr {
                    let attr = self.markdownify(attr);
                    match get("attrlink") {
                        Some(link) => html.push_str(&format!(
                            "<a href=\"{}\">{attr}</a>",
                            escape(&self.href(link))
                        )),
                        None => html.push_str(&attr),
                    }
                }
                html.push_str("</p>");
            }
            html.push_str("</figcaption>");
        }
        html.push_str("</figure>\n");
        html
    }

    /// The rendered page with its placeholders replaced (a block alone in a paragraph
    /// replaces the paragraph) and the links to nothing left as their text.
    fn finish(&self, html: &str) -> String {
        let rendered: Vec<String> = self.outputs.iter().map(|o| self.output_html(o)).collect();
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some((before, n, after)) = next_token(rest) {
            let block = self.outputs.get(n).is_some_and(Output::is_block);
            let value = substitute(
                rendered.get(n).map(String::as_str).unwrap_or_default(),
                1,
                &mut |m| rendered.get(m).cloned().unwrap_or_default(),
            );
            match (before.strip_suffix("<p>"), after.strip_prefix("</p>")) {
                (Some(before), Some(after)) if block => {
                    out.push_str(before);
                    out.push_str(&value);
                    rest = after.strip_prefix('\n').unwrap_or(after);
                }
                _ => {
                    out.push_str(before);
                    out.push_str(&value);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        unlink(&out)
    }

    /// A heading's text with its placeholders' text.
    fn plain(&self, text: &str) -> String {
        substitute(text, 0, &mut |n| match self.outputs.get(n) {
            Some(Output::Text(t) | Output::Url(t)) => t.clone(),
            Some(Output::Html(h)) => strip_tags(h),
            _ => String::new(),
        })
    }
}

/// `href` as the browser resolves it on the page at `page`; `None` leaves it (an anchor, an
/// absolute URL).
fn from_page(page: &Url, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty()
        || href.starts_with('#')
        || href.starts_with("//")
        || Url::parse(href).is_ok()
    {
        return None;
    }
    page.join(href).ok().map(String::from)
}

/// The text before the first placeholder in `text`, its number, and the text after it.
fn next_token(text: &str) -> Option<(&str, usize, &str)> {
    let mut from = 0;
    while let Some(found) = text[from..].find(TOKEN_START) {
        let start = from + found;
        let digits_start = start + TOKEN_START.len();
        let digits = text[digits_start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let end = digits_start + digits;
        if digits > 0
            && text[end..].starts_with(TOKEN_END)
            && let Ok(n) = text[digits_start..end].parse()
        {
            return Some((&text[..start], n, &text[end + TOKEN_END.len()..]));
        }
        from = digits_start;
    }
    None
}

/// `text` with each placeholder replaced by `value(n)`, placeholders in what replaces them
/// too (shortcodes nest), up to a depth.
fn substitute(text: &str, depth: usize, value: &mut dyn FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, n, after)) = next_token(rest) {
        out.push_str(before);
        let replaced = value(n);
        if depth < 16 && replaced.contains(TOKEN_START) {
            out.push_str(&substitute(&replaced, depth + 1, value));
        } else {
            out.push_str(&replaced);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Links to nothing (`<a href="intercom-unlinked:">text</a>`) left as their text, images
/// left out.
fn unlink(html: &str) -> String {
    if !html.contains(UNLINK) {
        return html.to_owned();
    }
    let link = format!("<a href=\"{UNLINK}\"");
    let image = format!("<img src=\"{UNLINK}\"");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next_link = rest.find(&link);
        let next_image = rest.find(&image);
        let (at, is_link) = match (next_link, next_image) {
            (Some(l), Some(i)) if i < l => (i, false),
            (Some(l), _) => (l, true),
            (None, Some(i)) => (i, false),
            (None, None) => break,
        };
        out.push_str(&rest[..at]);
        let Some(tag_end) = rest[at..].find('>').map(|e| at + e + 1) else {
            rest = &rest[at..];
            break;
        };
        if is_link {
            match rest[tag_end..].find("</a>") {
                Some(close) => {
                    out.push_str(&rest[tag_end..tag_end + close]);
                    rest = &rest[tag_end + close + "</a>".len()..];
                }
                None => rest = &rest[tag_end..],
            }
        } else {
            rest = &rest[tag_end..];
        }
    }
    out.push_str(rest);
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The text of an HTML fragment, tags left out (entities kept as they are).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// The Markdown without Goldmark's block attribute lines (`{.lead #intro}` under a
/// paragraph: Hugo turns them on by default and shows nothing of them), code blocks left
/// alone.
fn block_attributes_removed(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut fence: Option<(char, usize)> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        if let (Some(c), true) = (marker, indent <= 3) {
            let n = trimmed.chars().take_while(|x| *x == c).count();
            match fence {
                None if n >= 3 => fence = Some((c, n)),
                Some((open, len)) if open == c && n >= len && trimmed.chars().all(|x| x == c) => {
                    fence = None;
                }
                _ => {}
            }
            out.push_str(line);
            continue;
        }
        if fence.is_none() && indent <= 3 && is_attribute_list(trimmed) {
            continue;
        }
        // `{{% figure %}}{class="mt-0"}`: the attributes of what the shortcode put there.
        if fence.is_none()
            && let Some(open) = trimmed.rfind('{')
            && is_attribute_list(&trimmed[open..])
            && only_placeholders(&trimmed[..open])
        {
            out.push_str(&trimmed[..open]);
            out.push('\n');
            continue;
        }
        out.push_str(line);
    }
    out
}

/// Whether `text` is nothing but the placeholders of shortcode output.
fn only_placeholders(text: &str) -> bool {
    let mut rest = text.trim();
    if rest.is_empty() {
        return false;
    }
    while let Some(after) = rest.strip_prefix(TOKEN_START) {
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let Some(next) = after[digits..].strip_prefix(TOKEN_END) else {
            return false;
        };
        rest = next.trim_start();
    }
    rest.is_empty()
}

/// `{.class #id key=value}`: every part a class, an id or a key and value.
fn is_attribute_list(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) else {
        return false;
    };
    let mut parts = inner.split_whitespace().peekable();
    parts.peek().is_some()
        && parts.all(|part| {
            (part.len() > 1 && (part.starts_with('.') || part.starts_with('#')))
                || part.split_once('=').is_some_and(|(k, _)| {
                    !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                })
        })
}

/// A front matter date (`2024-05-01`, `2024-05-01T10:00:00+02:00`, a TOML date) as seconds
/// since 1970 (UTC when it has no offset, midnight when it has no time), and as written.
fn timestamp(value: &Value) -> Option<(DateTime<FixedOffset>, String)> {
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        // TOML dates, as serde sees them.
        Value::Object(map) => map.values().next()?.as_str()?.trim().to_owned(),
        _ => return None,
    };
    let zoned = || {
        DateTime::parse_from_rfc3339(&text).ok().or_else(|| {
            [
                "%Y-%m-%d %H:%M:%S %z",
                "%Y-%m-%d %H:%M:%S%:z",
                "%Y-%m-%dT%H:%M:%S%z",
            ]
            .iter()
            .find_map(|f| DateTime::parse_from_str(&text, f).ok())
        })
    };
    // Without a zone Hugo reads UTC (the `timeZone` setting is not read).
    let local = || {
        [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .map(|d| d.and_utc().fixed_offset())
    };
    let date = zoned().or_else(local)?;
    Some((date, text))
}

/// `relative`'s folder (`""` at the root) and file name.
fn split_dir(relative: &str) -> (&str, &str) {
    relative.rsplit_once('/').unwrap_or(("", relative))
}

fn parent_dir(dir: &str) -> &str {
    dir.rsplit_once('/').map_or("", |(parent, _)| parent)
}

/// The file name without its last extension.
fn strip_ext(name: &str) -> &str {
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_lexed_with_their_parameters() {
        let tokens = lex(
            "a {{< figure src=\"x.png\" caption=`A \"b\"\nc` alt=bare >}} b {{% notice tip \"say \\\"hi\\\"\" %}}{{< /notice >}}{{<x/>}}",
        );
        let Token::Tag(figure) = &tokens[1] else {
            panic!("{tokens:?}")
        };
        assert_eq!(figure.name, "figure");
        assert_eq!(
            figure.named,
            [
                ("src".to_owned(), "x.png".to_owned()),
                ("caption".to_owned(), "A \"b\"\nc".to_owned()),
                ("alt".to_owned(), "bare".to_owned()),
            ]
        );
        assert_eq!(tokens[2], Token::Text(" b "));
        let Token::Tag(notice) = &tokens[3] else {
            panic!("{tokens:?}")
        };
        assert_eq!(notice.delim, Delim::Percent);
        assert_eq!(notice.positional, ["tip", "say \"hi\""]);
        let Token::Tag(close) = &tokens[4] else {
            panic!("{tokens:?}")
        };
        assert!(close.closing && close.name == "notice");
        let Token::Tag(x) = &tokens[5] else {
            panic!("{tokens:?}")
        };
        assert!(x.self_closing && x.name == "x");
        // Go templates, JSX-like braces and tags never closed are text.
        for text in [
            "{{ .Title }}",
            "{{<div>}",
            "{{< never closed",
            "{{< \"x\" >}}",
        ] {
            assert_eq!(lex(text), [Token::Text(text)], "{text}");
        }
    }

    #[test]
    fn an_escaped_shortcode_is_shown_as_written_without_its_comment_marks() {
        assert_eq!(
            lex("{{</* ref \"a.md\" */>}} and {{%/* x */%}}"),
            [
                Token::Literal("{{< ref \"a.md\" >}}".into()),
                Token::Text(" and "),
                Token::Literal("{{% x %}}".into()),
            ]
        );
    }

    #[test]
    fn a_closing_tag_pairs_the_nearest_opening_of_its_name() {
        let mut dropped = Vec::new();
        let nodes = pair(
            lex(
                "{{< tabs >}}{{< tab >}}a{{< unknown >}}b{{< /tab >}}{{< tab >}}c{{< /tab >}}{{< /tabs >}}{{< /stray >}}",
            ),
            &mut dropped,
        );
        assert_eq!(dropped, ["{{< /stray >}} (closes nothing)"]);
        let [
            Node::Shortcode {
                tag,
                inner: Some(tabs),
            },
        ] = nodes.as_slice()
        else {
            panic!("{nodes:?}")
        };
        assert_eq!(tag.name, "tabs");
        assert_eq!(tabs.len(), 2);
        let Node::Shortcode {
            inner: Some(first), ..
        } = &tabs[0]
        else {
            panic!("{tabs:?}")
        };
        // The unknown tag inside was never closed: unpaired, its text after it kept.
        assert!(matches!(&first[1], Node::Shortcode { inner: None, tag } if tag.name == "unknown"));
        assert!(matches!(&first[2], Node::Text(t) if t == "b"));
        // Built-ins without content never wait for a closing tag.
        let nodes = pair(lex("{{< param x >}} text {{< /other >}}"), &mut dropped);
        assert!(matches!(&nodes[0], Node::Shortcode { inner: None, .. }));
    }

    #[test]
    fn placeholders_are_replaced_nested_and_links_to_nothing_keep_their_text() {
        let outputs = ["<b>HAHAHUGOSHORTCODE1HBHB</b>".to_owned(), "x".to_owned()];
        assert_eq!(
            substitute(
                "a HAHAHUGOSHORTCODE0HBHB HAHAHUGOSHORTCODE HBHB",
                0,
                &mut |n| { outputs[n].clone() }
            ),
            "a <b>x</b> HAHAHUGOSHORTCODE HBHB"
        );
        assert_eq!(
            unlink(
                "<p><a href=\"intercom-unlinked:\" title=\"t\">the <em>text</em></a> and <img src=\"intercom-unlinked:\" alt=\"x\" /> end</p>"
            ),
            "<p>the <em>text</em> and  end</p>"
        );
        assert_eq!(strip_tags("<p>a <em>b</em></p>"), "a b");
    }

    #[test]
    fn params_print_as_templates_print_them() {
        let yaml = super::super::yaml::parse(
            "s: text\nn: 12\nf: 1.5\nb: true\nl: [a, 2]\nm: {k: v}",
            true,
        )
        .unwrap();
        let map = yaml.as_object().unwrap();
        let text = |k: &str| lookup(map, k).and_then(param_text);
        assert_eq!(text("S").as_deref(), Some("text"));
        assert_eq!(text("n").as_deref(), Some("12"));
        assert_eq!(text("f").as_deref(), Some("1.5"));
        assert_eq!(text("b").as_deref(), Some("true"));
        assert_eq!(text("l").as_deref(), Some("[a 2]"));
        assert_eq!(text("m.k").as_deref(), Some("v"));
        assert_eq!(text("m"), None);
        assert_eq!(text("missing"), None);
    }

    #[test]
    fn cascade_targets_match_as_hugo_globs_do() {
        let cascade = cascades(
            &super::super::yaml::parse(
                "- build: {render: never}\n  target: {path: '{,/**}/_includes{,/**}', kind: '{page,section}'}\n",
                true,
            )
            .unwrap(),
        );
        let target = |path: &str, kind: &'static str| Target {
            paths: [path.to_owned(), String::new()],
            kind,
            lang: "en",
        };
        for path in [
            "/_includes/a.md",
            "/docs/_includes/b.md",
            "/_includes",
            "/x/_includes/y/z.md",
        ] {
            assert!(cascade[0].matches(&target(path, "page")), "{path}");
        }
        assert!(!cascade[0].matches(&target("/docs/includes/a.md", "page")));
        assert!(!cascade[0].matches(&target("/_includes/a.md", "home")));
    }

    #[test]
    fn a_mounts_files_filter_admits_what_hugo_reads() {
        let filter = |mount: Value| MountFilter::read(&mount).unwrap();
        let files =
            filter(serde_json::json!({"files": ["docs/**", "! docs/drafts/**", "! **.tmp.md"]}));
        assert!(files.admits("docs/a.md"));
        assert!(files.admits("docs/sub/b.md"));
        assert!(!files.admits("docs/drafts/c.md"));
        assert!(!files.admits("docs/x.tmp.md"));
        assert!(!files.admits("blog/a.md"));
        let old =
            filter(serde_json::json!({"includeFiles": "docs", "excludeFiles": ["docs/old/*"]}));
        assert!(
            old.admits("docs/a.md"),
            "an included folder includes its files"
        );
        assert!(!old.admits("docs/old/a.md"));
        assert!(
            !old.admits("docs/old/deeper/a.md"),
            "an excluded folder excludes its files"
        );
        assert!(filter(serde_json::json!({})).admits("anything.md"));
        assert!(MountFilter::read(&serde_json::json!({"files": ["a/{b"]})).is_err());
    }

    #[test]
    fn dates_are_read_as_hugo_writes_them() {
        let at = |text: &str| timestamp(&Value::String(text.into())).map(|t| t.0.timestamp());
        assert_eq!(at("1970-01-01"), Some(0));
        assert_eq!(at("2024-03-01"), Some(1_709_251_200));
        assert_eq!(at("2024-03-01T10:30:00Z"), Some(1_709_251_200 + 37_800));
        assert_eq!(
            at("2024-03-01T10:30:00+02:00"),
            Some(1_709_251_200 + 30_600)
        );
        assert_eq!(
            at("2024-03-01 10:30:00 -0100"),
            Some(1_709_251_200 + 41_400)
        );
        assert_eq!(at("not a date"), None);
        assert_eq!(at("2024-13-01"), None);
        let toml: Value = toml::from_str("date = 2024-03-01").unwrap();
        assert_eq!(
            lookup(toml.as_object().unwrap(), "date")
                .and_then(timestamp)
                .map(|t| t.0.timestamp()),
            Some(1_709_251_200)
        );
    }

    #[test]
    fn block_attribute_lines_are_left_out_outside_code() {
        let markdown = "Lead.\n{.display-6 #top data-x=\"1\"}\n\n```json\n{.not #removed}\n```\n{not attributes}\n{}\n";
        let after_shortcode =
            format!("{TOKEN_START}3{TOKEN_END}{{class=\"!mt-0\"}}\nText {{.x}}\n");
        assert_eq!(
            block_attributes_removed(&after_shortcode),
            format!("{TOKEN_START}3{TOKEN_END}\nText {{.x}}\n")
        );
        assert_eq!(
            block_attributes_removed(markdown),
            "Lead.\n\n```json\n{.not #removed}\n```\n{not attributes}\n{}\n"
        );
    }

    #[test]
    fn front_matter_may_be_toml() {
        let (block, body) = split("+++\ntitle = \"T\"\n[build]\nrender = \"never\"\n+++\nBody\n");
        assert_eq!(body, "Body\n");
        let map = parse_block(block).unwrap();
        assert_eq!(
            lookup(&map, "build.render").and_then(Value::as_str),
            Some("never")
        );
        assert!(
            parse_block(split("+++\ntitle = [\n+++\n").0)
                .unwrap_err()
                .starts_with("front matter is not TOML")
        );
        assert!(split("+++ not a block\n").0.is_none());
    }

    #[test]
    fn a_config_directory_is_merged_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let default = dir.path().join("config/_default");
        std::fs::create_dir_all(&default).unwrap();
        std::fs::create_dir_all(dir.path().join("config/production")).unwrap();
        std::fs::write(
            default.join("hugo.toml"),
            "baseURL = 'https://x.example/'\n",
        )
        .unwrap();
        std::fs::write(
            default.join("languages.yaml"),
            "en: {weight: 1}\nfr: {weight: 2}\n",
        )
        .unwrap();
        std::fs::write(default.join("params.fr.toml"), "color = 'rouge'\n").unwrap();
        std::fs::write(default.join("notes.txt"), "not config").unwrap();
        std::fs::write(
            dir.path().join("config/production/hugo.toml"),
            "baseURL = 'https://prod.example/'\n",
        )
        .unwrap();
        let root = default.join("hugo.toml");
        let value = serde_json::json!({ "baseURL": "https://x.example/" });
        let merged = with_config_dir(&root, value).unwrap();
        assert_eq!(merged["baseURL"], "https://prod.example/");
        assert_eq!(merged["languages"]["en"]["weight"], 1);
        assert_eq!(merged["languages"]["fr"]["params"]["color"], "rouge");
        assert_eq!(project_dir(&root), Some(dir.path()));
        // Any other config file is left as it is.
        let other = dir.path().join("hugo.toml");
        let value = serde_json::json!({ "title": "T" });
        assert_eq!(with_config_dir(&other, value.clone()).unwrap(), value);
        assert_eq!(project_dir(&other), Some(dir.path()));
    }

    /// A site of `files` (path under `content/`, text), read as the folder input reads it.
    fn site(config: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, Pages) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hugo.toml"), config).unwrap();
        let mut entries = Vec::new();
        for (relative, text) in files {
            let path = dir.path().join("content").join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            entries.push(((*relative).to_owned(), path, false));
        }
        let value: serde_json::Value = toml::from_str(config).unwrap();
        let config = Config::read(&value).unwrap();
        let base = Url::parse("https://h.example/docs/").unwrap();
        let hugo = HugoSite::resolve(
            Some(&config),
            Some(dir.path()),
            dir.path(),
            None,
            None,
            Some(&base),
            true,
        )
        .unwrap();
        let mut pages = Pages::new(&hugo, &entries);
        for (relative, text) in files {
            let path = dir.path().join("content").join(relative);
            if pages.not_published_file(relative, &path).is_some() {
                continue;
            }
            let (fm, merged) = pages.front_matter(relative, text).unwrap();
            let unpublished = pages.unpublished(relative, &merged);
            if fm.draft || unpublished.as_ref().is_some_and(|u| !u.findable) {
                continue;
            }
            let url = hugo.page_url(relative, &fm).unwrap();
            pages.add(relative, url.filter(|_| unpublished.is_none()));
        }
        (dir, pages)
    }

    fn render(pages: &Pages, relative: &str, text: &str) -> RenderedPage {
        let fm = pages.front_matter(relative, text).unwrap().0;
        let url = pages.site.page_url(relative, &fm).unwrap();
        pages.render(relative, text, url.as_deref()).unwrap()
    }

    const CONFIG: &str = "baseURL = 'https://h.example/docs/'\ntitle = 'T'\n[params]\nproduct = 'Quartz'\n[params.support]\nemail = 'help@h.example'\n";

    #[test]
    fn built_in_shortcodes_are_rendered() {
        let page = "---\ntitle: A\nversion: 2.1\nstrong: '**x**'\nparams:\n  codename: Tock\n---\n{{< param version >}} {{% param codename %}} {{< param product >}} {{< param \"support.email\" >}}\n\n{{< param strong >}} {{% param strong %}}\n\n{{< highlight go \"linenos=table\" >}}\nfunc main() { a < b }\n{{< /highlight >}}\n\n{{< figure src=\"pic.png\" link=\"big.png\" title=\"T<\" caption=\"A *caption*\" attr=\"Me\" attrlink=\"https://me.example\" >}}\n\n{{< details summary=\"More *here*\" open=true >}}\nHidden **text**.\n{{< /details >}}\n{{% comment %}}not shown{{% /comment %}}\n";
        let (_dir, pages) = site(CONFIG, &[("docs/a.md", page)]);
        let out = render(&pages, "docs/a.md", page);
        let html = &out.html;
        assert!(
            html.contains("<p>2.1 Tock Quartz help@h.example</p>"),
            "{html}"
        );
        // `{{< >}}` output is HTML (the value shown as it is); `{{% %}}` output is Markdown.
        assert!(html.contains("<p>**x** <strong>x</strong></p>"), "{html}");
        assert!(
            html.contains(
                "<pre><code class=\"language-go\">func main() { a &lt; b }\n</code></pre>"
            ),
            "{html}"
        );
        // A block alone in its paragraph replaces the paragraph.
        assert!(!html.contains("<p><pre>"), "{html}");
        assert!(
            html.contains("<figure><a href=\"https://h.example/docs/docs/a/big.png\"><img src=\"https://h.example/docs/docs/a/pic.png\" alt=\"A caption\" /></a><figcaption><h4>T&lt;</h4><p>A <em>caption</em><a href=\"https://me.example\">Me</a></p></figcaption></figure>"),
            "{html}"
        );
        assert!(
            html.contains("<details open>\n<summary>More <em>here</em></summary>\n<p>Hidden <strong>text</strong>.</p>\n</details>"),
            "{html}"
        );
        assert!(!html.contains("not shown"), "{html}");
        assert!(out.dropped.is_empty(), "{:?}", out.dropped);
    }

    #[test]
    fn refs_are_the_urls_of_the_pages_hugo_finds() {
        let files = [
            ("_index.md", "---\ntitle: Home\n---\nHome"),
            ("docs/_index.md", "---\ntitle: Docs\n---\nDocs"),
            ("docs/a.md", "---\ntitle: A\n---\nA"),
            ("docs/b.md", "---\ntitle: B\n---\nB"),
            ("docs/sub/c.md", "---\ntitle: C\n---\nC"),
            (
                "docs/bundle/index.md",
                "---\ntitle: Bundle\nslug: packed\n---\nBundle",
            ),
            ("other/b.md", "---\ntitle: Other B\n---\nB"),
            (
                "other/never.md",
                "---\ntitle: N\n_build: {render: never}\n---\nN",
            ),
            ("other/draft.md", "---\ntitle: D\ndraft: true\n---\nD"),
        ];
        let (_dir, pages) = site(CONFIG, &files);
        let text = "[1]({{< ref \"b\" >}}) [2]({{< ref \"b.md#part\" >}}) [3]({{< relref \"sub/c.md\" >}}) [4]({{< ref \"/other/b\" >}}) [5]({{< ref \"c\" >}}) [6]({{< ref \"bundle\" >}}) [7]({{< ref \"../_index.md\" >}}) [8]({{< ref \"#top\" >}}) [9]({{< ref path=\"/docs\" >}}) [10]({{< ref \"never\" >}}) [11]({{< ref \"draft\" >}}) [12]({{< ref \"nothing\" >}}) see {{< ref \"a\" >}}.";
        let out = render(&pages, "docs/a.md", text);
        let html = &out.html;
        for (n, url) in [
            (1, "https://h.example/docs/docs/b/"),
            (2, "https://h.example/docs/docs/b/#part"),
            (3, "https://h.example/docs/docs/sub/c/"),
            (4, "https://h.example/docs/other/b/"),
            // By its name alone, when one page has it.
            (5, "https://h.example/docs/docs/sub/c/"),
            (6, "https://h.example/docs/docs/packed/"),
            (7, "https://h.example/docs/"),
            (8, "#top"),
            (9, "https://h.example/docs/docs/"),
        ] {
            assert!(
                html.contains(&format!("<a href=\"{url}\">{n}</a>")),
                "{n}: {html}"
            );
        }
        // Not published, a draft (Hugo does not find it), no page: the text alone.
        assert!(
            html.contains(" 10 11 12 see https://h.example/docs/docs/a/."),
            "{html}"
        );
        assert_eq!(
            out.dropped,
            [
                "{{< ref \"never\" >}} (a page Hugo does not publish)",
                "{{< ref \"draft\" >}} (no such page)",
                "{{< ref \"nothing\" >}} (no such page)",
                "3 link(s) whose destination could not be rendered (their text kept)",
            ]
        );
        // `b` is in two folders: found from the page's folder, ambiguous by name elsewhere.
        let out = render(&pages, "_index.md", "[b]({{< ref \"b\" >}})");
        assert_eq!(out.html, "<p>b</p>\n");
    }

    #[test]
    fn unknown_shortcodes_keep_their_content_and_unpaired_ones_are_dropped() {
        let text = "Intro {{< kbd >}}Ctrl{{< /kbd >}} {{< toc >}}\n\n{{% notice tip %}}\n**Bold** tip.\n{{% /notice %}}\n\n{{< tab \"Linux\" >}}\n**raw** inner\n{{< /tab >}}\n\n[link text]({{< unknown-url >}}) and ![img]({{< asset >}})\n\n```\n{{< param product >}} {{</* param product */>}}\n```\n\n`{{< param product >}}`\n";
        let (_dir, pages) = site(CONFIG, &[("a.md", text)]);
        let out = render(&pages, "a.md", text);
        let html = &out.html;
        assert!(html.contains("<p>Intro Ctrl </p>"), "{html}");
        assert!(html.contains("<p><strong>Bold</strong> tip.</p>"), "{html}");
        // No template in the repository: `{{< >}}` content as it is.
        assert!(html.contains("\n**raw** inner\n"), "{html}");
        assert!(html.contains("<p>link text and </p>"), "{html}");
        // Shortcodes in code are expanded too, as Hugo does; an escaped one shows itself.
        assert!(
            html.contains("<pre><code>Quartz {{&lt; param product &gt;}}\n</code></pre>"),
            "{html}"
        );
        assert!(html.contains("<code>Quartz</code>"), "{html}");
        assert_eq!(
            out.dropped,
            [
                "{{< toc >}} (unknown to the sync)",
                "{{< unknown-url >}} (unknown to the sync)",
                "{{< asset >}} (unknown to the sync)",
                "2 link(s) whose destination could not be rendered (their text kept)",
            ]
        );
    }
}
