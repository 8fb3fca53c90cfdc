//! Hugo's config (a file, or `config/_default/` merged with `config/production/`): languages,
//! content folders and mounts (with their `files` filters), params, cascade, permalinks,
//! `ignoreFiles`, and what else decides which pages are published where.

use super::*;

/// What Hugo's config file says about languages, content folders and front matter defaults.
#[derive(Clone, Debug, Default)]
pub(crate) struct Config {
    pub(super) default_lang: Option<String>,
    pub(super) in_subdir: bool,
    pub(super) languages: Vec<Language>,
    pub(super) disabled: Vec<String>,
    pub(super) mounts: Vec<Mount>,
    pub(super) content_dir: Option<String>,
    pub(super) params: Mapping,
    pub(super) cascade: Option<Value>,
    pub(super) keep_case: bool,
    pub(super) themes: Vec<String>,
    pub(super) themes_dir: Option<String>,
    pub(super) imports: Vec<String>,
    pub(super) disabled_kinds: Vec<String>,
    pub(super) build_future: bool,
    pub(super) build_expired: bool,
    pub(super) permalinks: Permalinks,
    /// `ignoreFiles`: regular expressions on a content file's absolute path.
    pub(super) ignore_files: Vec<Regex>,
    /// `enableEmoji`: emoji shortcodes in text become emoji.
    pub(super) enable_emoji: bool,
}

#[derive(Clone, Debug)]
pub(super) struct Language {
    pub(super) code: String,
    pub(super) content_dir: Option<String>,
    pub(super) base_url: Option<String>,
    pub(super) params: Mapping,
    pub(super) disabled: bool,
}

/// A content mount: `source` (relative to the config's folder) seen as `content/<prefix>`,
/// for the languages it names (`lang`, or newer Hugo's `sites: {matrix: {languages: […]}}`;
/// none: the files are the default language's unless their names say otherwise).
#[derive(Clone, Debug)]
pub(super) struct Mount {
    pub(super) source: String,
    pub(super) prefix: String,
    pub(super) langs: Vec<String>,
    pub(super) filter: MountFilter,
}

/// A mount's `files` (globs, `! ` before one that excludes) and older Hugo's
/// `includeFiles`/`excludeFiles`, matched against a file's path in the mount's source.
#[derive(Clone, Debug, Default)]
pub(crate) struct MountFilter {
    pub(super) include: Vec<GlobMatcher>,
    pub(super) exclude: Vec<GlobMatcher>,
}

impl MountFilter {
    pub(super) fn read(mount: &Value) -> Result<MountFilter, String> {
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
pub(super) fn config_get<'v>(
    value: &'v serde_json::Value,
    key: &str,
) -> Option<&'v serde_json::Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

pub(super) fn config_string(value: Option<&serde_json::Value>) -> Option<String> {
    value
        .and_then(serde_json::Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

pub(super) fn config_mapping(value: Option<&serde_json::Value>) -> Mapping {
    value
        .and_then(serde_json::Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// A string or a list of strings.
pub(super) fn config_strings(value: Option<&serde_json::Value>) -> Vec<String> {
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

    pub(super) fn default_lang(&self) -> String {
        self.default_lang.clone().unwrap_or_else(|| "en".to_owned())
    }

    pub(super) fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The content folders of `lang`, relative to `dir` (the config's folder).
    pub(super) fn sources(&self, lang: &str, dir: &Path) -> Vec<Source> {
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
pub(super) fn parse_config(text: &str, ext: &str) -> Result<serde_json::Value, String> {
    match ext {
        "toml" => toml::from_str(text).map_err(|e| format!("is not TOML: {e}")),
        "json" => serde_json::from_str(text).map_err(|e| format!("is not JSON: {e}")),
        _ => super::super::yaml::parse(text, false).map_err(|e| format!("is not YAML: {e}")),
    }
}

/// `over`'s keys set in `into`, tables merged key by key.
pub(super) fn merge_json(into: &mut serde_json::Value, over: serde_json::Value) {
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
