//! A Docusaurus site's content beyond one docs folder: the versions of its docs and its blog.
//!
//! - **Versions.** With a `versions.json` beside the config, the docs plugin publishes each
//!   version listed there from `versioned_docs/version-<name>/`, and the `docs/` folder as the
//!   unreleased "current" version. The version the site shows by default (`lastVersion`,
//!   else the first of `versions.json`) is at the docs' URL; the current one, when it is not
//!   that, is under `next/`, and every other version under its name. The default version is
//!   synced; the others only when asked (`FolderOptions::all_versions`), under their path,
//!   which also starts their ids (`next/intro`), so one doc in two versions is two pages.
//!   The default version's ids are its doc ids, so a release changes the text, not the ids.
//! - **The blog.** Posts are published at the blog's route, at `YYYY/MM/DD/<name>` when the
//!   file or folder name starts with a date, else at their path, or at the front matter's
//!   `slug:` (always under the blog's route). Their ids are `blog/` and their path without
//!   extension (`blog/2024-03-01-storm-night`). The blog's listings (index, tags, archive)
//!   are made of other pages, so they are not pages.
//!
//! Sections are found beside the config file, wherever the folder given to the sync was:
//! a run from the docs folder sends what a run from the site's root sends.

use std::path::{Path, PathBuf};

use url::Url;

use super::layout::{js_block, js_string};

/// The prefix of blog posts' paths and ids.
pub(crate) const BLOG: &str = "blog";

/// What `docusaurus.config.*` says about versions and the blog.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    /// The docs plugin's `lastVersion`.
    last_version: Option<String>,
    /// `includeCurrentVersion` (the `docs/` folder is published).
    include_current: bool,
    /// The docs plugin's `routeBasePath`, to tell the site's root from the docs' URL.
    docs_route: String,
    /// The blog plugin's folder and route; `None` with `blog: false`.
    blog: Option<(String, String)>,
}

impl Config {
    /// The settings written out as literals in the config's JavaScript; what is computed is
    /// taken as its default.
    pub(crate) fn read(js: &str) -> Self {
        let docs = js_block(js, "docs");
        let option = |key: &str| docs.and_then(|d| js_string(d, key));
        let blog_disabled = js.contains("blog: false") || js.contains("blog:false");
        let blog = js_block(js, "blog");
        let blog_option = |key: &str| blog.and_then(|b| js_string(b, key));
        Config {
            last_version: option("lastVersion"),
            include_current: !docs.is_some_and(|d| {
                d.contains("includeCurrentVersion: false")
                    || d.contains("includeCurrentVersion:false")
            }),
            docs_route: option("routeBasePath").unwrap_or_else(|| "docs".into()),
            blog: (!blog_disabled).then(|| {
                (
                    blog_option("path").unwrap_or_else(|| BLOG.into()),
                    blog_option("routeBasePath").unwrap_or_else(|| BLOG.into()),
                )
            }),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::read("")
    }
}

/// Where a part of the site's pages comes from.
#[derive(Clone, Debug)]
pub(crate) struct Section {
    pub dir: PathBuf,
    /// What the section's paths and ids start with (`""` for the default docs version).
    pub prefix: String,
    pub kind: Kind,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    /// A version of the docs, under the docs' URL.
    Docs,
    /// The blog, at its URL (unknown when the site URL given does not end with the docs'
    /// route).
    Blog(Option<Url>),
}

/// The sections the sync reads, and what it leaves out and why.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sections {
    pub list: Vec<Section>,
    /// The versions not synced, by the path they are published under.
    pub versions_left_out: Vec<String>,
}

impl Sections {
    /// The sections of the site whose config is in `project`, its docs folder `docs_dir` and
    /// the docs' URL `docs_url`. A `versions.json` that cannot be read, or that names a
    /// version whose folder is missing, is an error: reading `docs/` instead would send the
    /// unreleased docs at the released ones' URLs.
    pub(crate) fn find(
        config: &Config,
        project: &Path,
        docs_dir: &Path,
        docs_url: Option<&Url>,
        all_versions: bool,
    ) -> Result<Sections, String> {
        let mut sections = Sections::default();
        let versions_file = project.join("versions.json");
        let versions: Vec<String> = if versions_file.is_file() {
            let text = std::fs::read_to_string(&versions_file)
                .map_err(|e| format!("{}: cannot be read: {e}", versions_file.display()))?;
            serde_json::from_str(&text).map_err(|e| {
                format!(
                    "{}: is not a list of version names: {e}",
                    versions_file.display()
                )
            })?
        } else {
            Vec::new()
        };
        let default = config
            .last_version
            .clone()
            .or_else(|| versions.first().cloned())
            .unwrap_or_else(|| CURRENT.into());
        let current = config.include_current.then(|| CURRENT.to_owned());
        for version in current.into_iter().chain(versions) {
            let dir = if version == CURRENT {
                docs_dir.to_path_buf()
            } else {
                project
                    .join("versioned_docs")
                    .join(format!("version-{version}"))
            };
            let path = if version == default {
                String::new()
            } else if version == CURRENT {
                "next".to_owned()
            } else {
                version.clone()
            };
            if !path.is_empty() && !all_versions {
                sections.versions_left_out.push(path);
                continue;
            }
            if !dir.is_dir() {
                return Err(format!(
                    "{}: docs version {version:?} has no folder {}",
                    versions_file.display(),
                    dir.display()
                ));
            }
            sections.list.push(Section {
                dir,
                prefix: path,
                kind: Kind::Docs,
            });
        }
        // The default version first: it is the content folder.
        sections.list.sort_by_key(|s| !s.prefix.is_empty());
        if let Some((folder, route)) = &config.blog {
            let dir = project.join(folder);
            let url = docs_url.and_then(|url| blog_url(url, &config.docs_route, route));
            if dir.is_dir() {
                sections.list.push(Section {
                    dir,
                    prefix: BLOG.into(),
                    kind: Kind::Blog(url),
                });
            }
        }
        Ok(sections)
    }

    /// The section `relative` (a path with its section's prefix) is in, and its path in it.
    pub(crate) fn locate<'a>(&self, relative: &'a str) -> Option<(&Section, &'a str)> {
        self.list.iter().find_map(|section| {
            if section.prefix.is_empty() {
                return None;
            }
            let rest = relative.strip_prefix(&section.prefix)?.strip_prefix('/')?;
            Some((section, rest))
        })
    }
}

/// The name `versions.json` and the config use for the `docs/` folder's version.
const CURRENT: &str = "current";

/// The blog's URL: the site's root (the docs' URL less the docs' route) and the blog's route.
fn blog_url(docs_url: &Url, docs_route: &str, blog_route: &str) -> Option<Url> {
    let route: Vec<&str> = docs_route.split('/').filter(|p| !p.is_empty()).collect();
    let mut parts: Vec<&str> = docs_url
        .path_segments()?
        .filter(|p| !p.is_empty())
        .collect();
    if !parts.ends_with(&route) {
        return None;
    }
    parts.truncate(parts.len() - route.len());
    parts.extend(blog_route.split('/').filter(|p| !p.is_empty()));
    let mut url = docs_url.clone();
    let path: String = parts.iter().map(|p| format!("/{p}")).collect();
    url.set_path(&format!("{path}/"));
    Some(url)
}

/// A blog post's path under the blog's URL, from its path in the blog folder and its
/// front matter's `slug`.
pub(crate) fn post_path(relative: &str, slug: Option<&str>) -> String {
    if let Some(slug) = slug.filter(|s| !s.trim().is_empty()) {
        return slug.trim().trim_matches('/').to_owned();
    }
    let bare = without_extension(relative);
    // `2024-03-01-storm-night.md`, `2024/03/01/storm-night.md`, `notes/2024-03-01-x/index.md`.
    if let Some((folder, date, text)) = dated(bare) {
        let date = date.replace('-', "/");
        return [date.as_str(), &format!("{folder}{text}")]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("/");
    }
    bare.to_owned()
}

/// A blog post's id: `blog/` and its path without extension (nor `/index`).
pub(crate) fn post_id(relative: &str) -> String {
    format!("{BLOG}/{}", without_extension(relative))
}

fn without_extension(relative: &str) -> &str {
    let bare = relative
        .strip_suffix(".mdx")
        .or_else(|| relative.strip_suffix(".md"))
        .unwrap_or(relative);
    bare.strip_suffix("/index").unwrap_or(bare)
}

/// What comes before a date, the date (`YYYY-MM-DD`, `-` or `/` between its parts) and the
/// text after it, when the path has a date.
fn dated(path: &str) -> Option<(&str, String, &str)> {
    // The last date in the path, as Docusaurus' pattern (`^(.*)(date)[-/]?(.*?)`) takes it.
    for start in (0..path.len()).rev().filter(|&i| path.is_char_boundary(i)) {
        let Some((date, len)) = date_at(&path[start..]) else {
            continue;
        };
        let rest = &path[start + len..];
        let text = rest.strip_prefix(['-', '/']).unwrap_or(rest);
        return Some((&path[..start], date, text));
    }
    None
}

/// A `YYYY-MM-DD` (or `YYYY/MM/DD`, one or two digits for month and day) at the start of
/// `text`, as `YYYY-M-D` as written, and its length.
fn date_at(text: &str) -> Option<(String, usize)> {
    let digits = |s: &str, min: usize, max: usize| {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (min..=max).contains(&n).then_some(n)
    };
    let year = digits(text, 4, 4)?;
    let sep = |i: usize| matches!(text.as_bytes().get(i), Some(b'-' | b'/'));
    if !sep(year) {
        return None;
    }
    let month = digits(&text[year + 1..], 1, 2)?;
    let at = year + 1 + month;
    if !sep(at) {
        return None;
    }
    let day = digits(&text[at + 1..], 1, 2)?;
    let len = at + 1 + day;
    Some((text[..len].replace('/', "-"), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_published_at_its_date_and_name_or_its_slug() {
        for (relative, slug, path) in [
            ("2024-03-01-storm-night.md", None, "2024/03/01/storm-night"),
            ("2024-05-20-lamp-oil/index.md", None, "2024/05/20/lamp-oil"),
            ("2024/05/20/lamp-oil.mdx", None, "2024/05/20/lamp-oil"),
            ("news/2024-5-2-short.md", None, "2024/5/2/news/short"),
            ("welcome.md", None, "welcome"),
            (
                "2024-05-20-lamp-oil/index.md",
                Some("lamp-oil-prices"),
                "lamp-oil-prices",
            ),
            ("x.md", Some("/absolute/slug/"), "absolute/slug"),
        ] {
            assert_eq!(post_path(relative, slug), path, "{relative}");
        }
        assert_eq!(
            post_id("2024-05-20-lamp-oil/index.md"),
            "blog/2024-05-20-lamp-oil"
        );
        assert_eq!(
            post_id("2024-03-01-storm-night.md"),
            "blog/2024-03-01-storm-night"
        );
    }

    #[test]
    fn the_blog_is_beside_the_docs_route() {
        let url = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            blog_url(&url("https://d.example/help/docs/"), "docs", "blog").unwrap(),
            url("https://d.example/help/blog/")
        );
        assert_eq!(
            blog_url(&url("https://d.example/"), "/", "news").unwrap(),
            url("https://d.example/news/")
        );
        // A site URL given that does not end with the docs' route: the blog's is unknown.
        assert_eq!(blog_url(&url("https://d.example/x/"), "docs", "blog"), None);
    }

    #[test]
    fn the_config_names_versions_and_blog_or_defaults() {
        let config = Config::read(
            "presets: [['classic', { docs: { lastVersion: 'current', includeCurrentVersion: false, routeBasePath: '/' }, blog: { path: 'news', routeBasePath: 'updates' } }]]",
        );
        assert_eq!(config.last_version.as_deref(), Some("current"));
        assert!(!config.include_current);
        assert_eq!(config.docs_route, "/");
        assert_eq!(config.blog, Some(("news".into(), "updates".into())));
        let config = Config::read("presets: [['classic', { docs: {}, blog: false }]]");
        assert_eq!(config.blog, None);
        assert!(config.include_current);
        assert_eq!(config.docs_route, "docs");
        assert_eq!(Config::default().blog, Some(("blog".into(), "blog".into())));
    }
}
