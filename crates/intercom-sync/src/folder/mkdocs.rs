//! MkDocs with Material and pymdown-extensions: a page's Markdown made into what
//! Python-Markdown would render, before pulldown-cmark renders it (the MkDocs layout only).
//!
//! | syntax | what the page gets |
//! | --- | --- |
//! | snippets `--8<-- "file.md"`, the block form `--8<--` … `--8<--`, `file:3:7` line ranges, `file:name` sections (`--8<-- [start:name]` … `[end:name]`), `;--8<--` escapes, `auto_append` | the lines of the file, found in the `base_path`s of `pymdownx.snippets` (relative to `mkdocs.yml`'s folder, where `mkdocs build` runs; `.` by default), snippets in it expanded too; a snippet that cannot be found is dropped, as `check_paths: false` (the default) does. Inside code fences too, as pymdownx does |
//! | content tabs `=== "Title"` with an indented body | the title as a paragraph `**Title**`, then the body, for every tab (nested tabs, admonitions and code included) |
//! | icons `:material-…:`, `:fontawesome-…:`, `:octicons-…:`, `:simple-…:` (and the folders of `pymdownx.emoji`'s `custom_icons`) | removed: they are SVG pictures |
//! | attribute lists: `{ .class }`, `{: #id }`, `{ target=_blank }` on a line of their own or right after a link, image, icon, code span or emphasis | removed; on a heading, an `#id` is kept as the heading's id |
//! | reference links `[text][ref]`, `[text][]` whose `[ref]: url` is defined nowhere in the page (its snippets and `auto_append` files included): mkdocs-autorefs' cross-references | the text alone |
//! | abbreviation definitions `*[HTML]: Hyper Text …` | removed (the site shows the word, with a tooltip) |
//! | mkdocstrings `::: package.module` (and its indented options) | removed: its API docs are generated from code the sync does not run |
//! | an admonition title with links, code or emphasis | the title bar left empty, the title (`**Note: title**`) opening the body as Markdown |
//! | with `def_list` on: a definition `:   text` | its content, the `:` gone |
//! | with `pymdownx.keys`, `.mark`, `.caret`, `.inlinehilite` on: `++ctrl+c++`, `==text==`, `^^text^^`, `` `#!py x` `` | `<kbd>Ctrl</kbd>+<kbd>C</kbd>`, `<mark>`, `<ins>`, the code without its language |
//!
//! | with `pymdownx.emoji` on: emoji shortcodes `:smile:` | the emoji (what its picture's `alt` says); a name that is no emoji stays as written |
//! | with `pymdownx.smartsymbols` on: `(c)`, `-->`, `1/2`, `1st` | `©`, `→`, `½`, `1<sup>st</sup>` |
//! | a reference label defined twice; `- [x] [Label]` | the last definition (Python-Markdown's rule); a task's box, then a link |
//!
//! The renderer also reads lists as Python-Markdown does (content four spaces in, nesting
//! only by four) and, with `pymdownx.magiclink` on, makes bare URLs links (see
//! [`Syntax`](super::markdown::Syntax)).
//!
//! Left as they are: Markdown inside HTML elements marked `markdown`, code block titles.
//!
//! Nothing inside a fenced or indented code block or an inline code span is rewritten (but
//! snippets, which pymdownx expands before anything else). What is dropped for want of a
//! rendering (a snippet not found, an mkdocstrings block) is listed in [`Expanded::dropped`].
//!
//! The Material blog plugin (`plugins: [blog]`) publishes each post of its posts folder
//! (`blog/posts/` by default) at `blog/YYYY/MM/DD/slug/` ([`Config::post_path`]), and
//! `exclude_docs`, `draft_docs` and `templates/` are not published ([`Config::excluded`]).

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use regex::Regex;
use serde_json::Value;

use super::front_matter;
use super::markdown::Fences;

mod blocks;
mod blog;
mod snippets;

use blocks::*;
use snippets::*;

/// What `mkdocs.yml` says about rendering pages, placing blog posts and leaving files out.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    snippets: Snippets,
    /// Icon shortcodes: Material's icon sets, and those of `pymdownx.emoji`'s
    /// `custom_icons` folders.
    icons: Regex,
    blogs: Vec<Blog>,
    /// Python-Markdown's `def_list` is on.
    definition_lists: bool,
    /// Which of pymdown-extensions' inline syntaxes are on.
    inline: InlineExtensions,
    /// Files MkDocs does not publish: `exclude_docs` (after its defaults, `.*` and
    /// `/templates/`) and `draft_docs`, gitignore patterns relative to the docs folder.
    excluded: Gitignore,
    /// The mkdocs-static-i18n plugin's languages other than its default, and whether they are
    /// told by a suffix (`setup.fr.md`, its default) or a folder (`fr/setup.md`).
    translations: Vec<String>,
    translations_in_folders: bool,
    /// The titles `nav` gives pages (`- Authentication: advanced/authentication.md`), by
    /// path under the docs folder: MkDocs' title of a page, before its front matter's.
    nav_titles: HashMap<String, String>,
    /// `hooks:`: the site's own Python, which may render what its pages mark in comments
    /// (mkdocs-material's `<!-- md:version 9.2 -->`).
    hooks: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            snippets: Snippets::default(),
            icons: icon_pattern(&[]),
            blogs: Vec::new(),
            definition_lists: false,
            inline: InlineExtensions::default(),
            excluded: exclusions(&[]),
            translations: Vec::new(),
            translations_in_folders: false,
            nav_titles: HashMap::new(),
            hooks: false,
        }
    }
}

/// pymdown-extensions' inline syntaxes, rendered only when `mkdocs.yml` turns them on (their
/// marks are common enough in text that means something else).
#[derive(Clone, Copy, Debug, Default)]
struct InlineExtensions {
    /// `++ctrl+c++`: keys.
    keys: bool,
    /// `==text==`: marked.
    mark: bool,
    /// `^^text^^`: inserted.
    caret: bool,
    /// `` `#!python code` ``, `` `:::python code` ``: code in a language.
    inlinehilite: bool,
    /// `:smile:`: an emoji.
    emoji: bool,
    /// Bare URLs made links (pymdownx.magiclink).
    magiclink: bool,
    /// `(c)`, `-->`, `1/2`, `1st`: the symbols they stand for (pymdownx.smartsymbols).
    smartsymbols: bool,
}

/// `pymdownx.snippets`' options.
#[derive(Clone, Debug, Default)]
struct Snippets {
    /// Where snippets are looked for, in order (folders, or single files).
    base_paths: Vec<PathBuf>,
    /// Files appended to every page, relative to the base paths.
    auto_append: Vec<String>,
    /// A snippet must stay inside its base path (`restrict_base_path`, true by default).
    restricted: bool,
}

/// One instance of Material's blog plugin.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Blog {
    /// The blog's folder under the docs folder, normalized (`""` for the docs folder itself).
    dir: String,
    /// The posts' folder, normalized: a file whose path starts with it is a post.
    post_dir: String,
    /// `post_url_format`: `{date}/{slug}` by default.
    url_format: String,
    /// `post_url_date_format`, a Babel date pattern: `yyyy/MM/dd` by default.
    date_format: String,
    /// `post_url_max_categories`.
    max_categories: usize,
    post_separator: String,
    category_separator: String,
}

impl Config {
    /// The settings of `mkdocs.yml` (already parsed), whose folder is `dir`: where
    /// `mkdocs build` runs, so what relative base paths are relative to.
    pub(crate) fn read(config: &Value, dir: &Path) -> Config {
        let extensions = entries(config.get("markdown_extensions"));
        let option = |ext: &Value, key: &str| ext.get(key).cloned().unwrap_or(Value::Null);
        let snippets = match extensions.iter().find(|(n, _)| n == "pymdownx.snippets") {
            Some((_, ext)) => {
                let base = match option(ext, "base_path") {
                    Value::String(s) => vec![s],
                    Value::Array(list) => strings(&list),
                    _ => vec![".".to_owned()],
                };
                Snippets {
                    base_paths: base.iter().map(|b| dir.join(b)).collect(),
                    auto_append: match option(ext, "auto_append") {
                        Value::Array(list) => strings(&list),
                        Value::String(s) => vec![s],
                        _ => Vec::new(),
                    },
                    restricted: option(ext, "restrict_base_path").as_bool().unwrap_or(true),
                }
            }
            None => Config::without_file(dir).snippets,
        };
        let custom_icons: Vec<String> = extensions
            .iter()
            .find(|(n, _)| n == "pymdownx.emoji")
            .and_then(|(_, ext)| ext.pointer("/options/custom_icons"))
            .and_then(Value::as_array)
            .map(|dirs| {
                strings(dirs)
                    .iter()
                    .filter_map(|d| std::fs::read_dir(dir.join(d)).ok())
                    .flatten()
                    .filter_map(|entry| {
                        let entry = entry.ok()?;
                        entry.file_type().ok()?.is_dir().then_some(())?;
                        entry.file_name().into_string().ok()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut patterns: Vec<String> = ["exclude_docs", "draft_docs"]
            .iter()
            .filter_map(|key| config.get(*key).and_then(Value::as_str))
            .map(str::to_owned)
            .collect();
        // A theme's `custom_dir` kept inside the docs folder holds Jinja templates, not pages.
        if let Some(inside) = custom_dir_in_docs(config) {
            patterns.push(format!("/{inside}/"));
        }
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        // mkdocs-static-i18n: `languages: [{locale: en, default: true}, {locale: fr}]`.
        let i18n = entries(config.get("plugins"))
            .into_iter()
            .find(|(name, _)| name == "i18n")
            .map(|(_, options)| {
                let folders =
                    options.get("docs_structure").and_then(Value::as_str) == Some("folder");
                let others: Vec<String> = options
                    .get("languages")
                    .and_then(Value::as_array)
                    .map(|languages| {
                        languages
                            .iter()
                            .filter(|l| l.get("default").and_then(Value::as_bool) != Some(true))
                            .filter_map(|l| l.get("locale").and_then(Value::as_str))
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                (folders, others)
            });
        let blogs = entries(config.get("plugins"))
            .into_iter()
            .filter(|(name, _)| name == "blog" || name == "material/blog")
            .filter(|(_, options)| options.get("enabled").and_then(Value::as_bool) != Some(false))
            .map(|(_, options)| Blog::read(&options))
            .collect();
        Config {
            snippets,
            icons: icon_pattern(&custom_icons),
            blogs,
            definition_lists: extensions
                .iter()
                .any(|(n, _)| n == "def_list" || n == "markdown.extensions.def_list"),
            inline: InlineExtensions {
                keys: extensions.iter().any(|(n, _)| n == "pymdownx.keys"),
                emoji: extensions.iter().any(|(n, _)| n == "pymdownx.emoji"),
                mark: extensions.iter().any(|(n, _)| n == "pymdownx.mark"),
                caret: extensions.iter().any(|(n, _)| n == "pymdownx.caret"),
                inlinehilite: extensions.iter().any(|(n, _)| n == "pymdownx.inlinehilite"),
                magiclink: extensions.iter().any(|(n, _)| n == "pymdownx.magiclink"),
                smartsymbols: extensions.iter().any(|(n, _)| n == "pymdownx.smartsymbols"),
            },
            excluded: exclusions(&patterns),
            translations: i18n
                .as_ref()
                .map(|(_, others)| others.clone())
                .unwrap_or_default(),
            translations_in_folders: i18n.is_some_and(|(folders, _)| folders),
            hooks: config
                .get("hooks")
                .and_then(Value::as_array)
                .is_some_and(|hooks| !hooks.is_empty()),
            nav_titles: config
                .get("nav")
                .map(|nav| {
                    let mut titles = HashMap::new();
                    nav_titles(nav, &mut titles);
                    titles
                })
                .unwrap_or_default(),
        }
    }

    /// The title `nav` gives the page at `relative`, if it names one.
    pub(crate) fn nav_title(&self, relative: &str) -> Option<&str> {
        self.nav_titles.get(relative).map(String::as_str)
    }

    /// The language of a translated page at `relative` (`setup.fr.md`, or `fr/setup.md` with
    /// the folder structure), when it is not the site's default: Intercom takes only one.
    pub(crate) fn translation(&self, relative: &str) -> Option<&str> {
        let language = if self.translations_in_folders {
            relative.split('/').next()?
        } else {
            let name = relative.rsplit('/').next()?;
            let stem = name
                .strip_suffix(".md")
                .or_else(|| name.strip_suffix(".markdown"))?;
            stem.rsplit_once('.')?.1
        };
        self.translations
            .iter()
            .find(|l| l.eq_ignore_ascii_case(language))
            .map(String::as_str)
    }

    /// Whether MkDocs leaves the file at `relative` (under the docs folder) out of the site.
    pub(crate) fn excluded(&self, relative: &str) -> bool {
        self.excluded
            .matched_path_or_any_parents(relative, false)
            .is_ignore()
    }

    /// A site without `mkdocs.yml` (the layout given): snippets are looked for from `dir`.
    pub(crate) fn without_file(dir: &Path) -> Config {
        Config {
            snippets: Snippets {
                base_paths: vec![dir.to_path_buf()],
                auto_append: Vec::new(),
                restricted: true,
            },
            ..Config::default()
        }
    }

    /// Where the blog plugin puts a post, as the path of a Markdown file under the docs
    /// folder (`blog/2024/01/31/hello-world.md`, published like any page at that path);
    /// `None` when `relative` is no blog post. A post the plugin cannot place (no date,
    /// a date format it cannot write) is an error.
    /// Where the blog plugin moves the files (images, downloads) of its posts' folder:
    /// `(posts folder/, blog folder/)`, as it drops the purely functional `posts/` from their
    /// published paths.
    /// Whether bare URLs in text are links (pymdownx.magiclink).
    pub(crate) fn autolinks(&self) -> bool {
        self.inline.magiclink
    }

    pub(crate) fn moved_files(&self) -> Vec<(String, String)> {
        let folder = |dir: &str| {
            if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            }
        };
        self.blogs
            .iter()
            .map(|b| (folder(&b.post_dir), folder(&b.dir)))
            .collect()
    }

    pub(crate) fn post_path(&self, relative: &str, text: &str) -> Option<Result<String, String>> {
        let blog = self
            .blogs
            .iter()
            .find(|b| relative.starts_with(b.post_dir.as_str()))?;
        Some(blog.post_path(relative, text))
    }
}

/// The items of an `mkdocs.yml` list of extensions or plugins: `- name`, `- name: {options}`,
/// or a mapping of names to options.
fn entries(value: Option<&Value>) -> Vec<(String, Value)> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| match item {
                Value::String(name) => Some((name.clone(), Value::Null)),
                Value::Object(map) => map.iter().next().map(|(k, v)| (k.clone(), v.clone())),
                _ => None,
            })
            .collect(),
        Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    }
}

fn strings(list: &[Value]) -> Vec<String> {
    list.iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// A page's Markdown as MkDocs would render it, and what of it could not be.
#[derive(Debug)]
pub(crate) struct Expanded {
    pub markdown: String,
    /// What was dropped for want of a rendering: one line each (`snippet "x.md" not found`).
    pub dropped: Vec<String>,
}

/// Expands `body` (a page without its front matter). `max_bytes` bounds each snippet file.
pub(crate) fn expand(body: &str, config: &Config, max_bytes: u64) -> Expanded {
    let mut dropped = Vec::new();
    let mut includer = Includer {
        config: &config.snippets,
        max_bytes,
        seen: Vec::new(),
        dropped: &mut dropped,
    };
    let mut source = body.to_owned();
    if !config.snippets.auto_append.is_empty() {
        // pymdownx appends them as a block of snippets.
        source.push_str("\n\n-8<-\n");
        source.push_str(&config.snippets.auto_append.join("\n\n"));
        source.push_str("\n-8<-\n");
    }
    let lines: Vec<String> = source.split('\n').map(str::to_owned).collect();
    let (text, refs) = reference_definitions(&includer.parse(lines, false).join("\n"));
    let mut pass = Pass {
        refs: &refs,
        inline_extensions: config.inline,
        definitions: config.definition_lists,
        icons: &config.icons,
        dropped: &mut dropped,
    };
    let markdown = pass.blocks(&text);
    if config.hooks {
        let mut fences = Fences::default();
        let marks = text
            .lines()
            .filter(|line| !fences.inside(line))
            .map(|line| line.matches("<!-- md:").count())
            .sum::<usize>();
        if marks > 0 {
            dropped.push(format!(
                "{marks} `<!-- md:… -->` mark(s) the site's hooks render (the sync does not run hooks)"
            ));
        }
    }
    Expanded { markdown, dropped }
}

/// Material's icon sets (`.icons/` of the theme).
const ICON_SETS: [&str; 4] = ["material", "fontawesome", "octicons", "simple"];

/// An icon shortcode of Material's sets or `custom` ones (`:material-check:`), with the
/// attribute list that may follow it and a space after it (so that a list item's text stays
/// in its column: `-   :material-x: Text`).
fn icon_pattern(custom: &[String]) -> Regex {
    let sets: Vec<String> = ICON_SETS
        .iter()
        .map(|s| (*s).to_owned())
        .chain(custom.iter().cloned())
        .map(|s| regex::escape(&s))
        .collect();
    Regex::new(&format!(
        r":(?:{})-[A-Za-z0-9_+-]+:(?:{ATTRS})?[ ]?",
        sets.join("|")
    ))
    .expect("the icon pattern is valid")
}

/// MkDocs' default exclusions, then `patterns` (each a gitignore file's lines).
/// Every `Title: path.md` of a `nav` (sections' entries too); a bare `path.md` names no
/// title, and a link (`Title: https://…`) is no page.
fn nav_titles(nav: &Value, titles: &mut HashMap<String, String>) {
    match nav {
        Value::Array(entries) => entries.iter().for_each(|e| nav_titles(e, titles)),
        Value::Object(entry) => {
            for (title, target) in entry {
                match target {
                    Value::String(path) if !path.contains("://") => {
                        let path = path.trim_start_matches("./").to_owned();
                        titles.entry(path).or_insert_with(|| title.clone());
                    }
                    other => nav_titles(other, titles),
                }
            }
        }
        _ => {}
    }
}

/// `theme.custom_dir` relative to the docs folder, when it is inside it.
fn custom_dir_in_docs(config: &Value) -> Option<String> {
    let custom = config.pointer("/theme/custom_dir")?.as_str()?;
    let docs = config
        .get("docs_dir")
        .and_then(Value::as_str)
        .unwrap_or("docs");
    let trim = |p: &str| p.trim_start_matches("./").trim_matches('/').to_owned();
    let (custom, docs) = (trim(custom), trim(docs));
    let inside = custom.strip_prefix(&format!("{docs}/"))?;
    (!inside.is_empty() && !inside.contains("..")).then(|| inside.to_owned())
}

fn exclusions(patterns: &[&str]) -> Gitignore {
    let mut builder = GitignoreBuilder::new("");
    for line in [".*", "/templates/"]
        .into_iter()
        .chain(patterns.iter().flat_map(|p| p.lines()))
    {
        // A line gitignore cannot read is one MkDocs' pathspec would not match either.
        let _ = builder.add_line(None, line);
    }
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}

#[cfg(test)]
mod tests {
    use super::blog::*;
    use super::*;

    fn config(yaml: &str, dir: &Path) -> Config {
        Config::read(&super::super::yaml::parse(yaml, true).unwrap(), dir)
    }

    fn expand_with(body: &str, config: &Config) -> Expanded {
        expand(body, config, 1 << 20)
    }

    fn plain(body: &str) -> String {
        expand_with(body, &Config::default()).markdown
    }

    fn write(dir: &Path, path: &str, text: &str) {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn tabs_become_titled_sections_with_their_bodies() {
        let out = plain(
            "Intro\n\n=== \"Apple\"\n\n    Red and **crisp**.\n\n    ```bash\n    pick --all\n\n    eat\n    ```\n\n=== \"Pear\"\n    Soft.\n\n    !!! tip \"Ripe\"\n        Press the neck.\n\n        === \"Inner\"\n\n            Nested.\n\nAfter\n",
        );
        assert!(!out.contains("==="), "{out}");
        assert!(out.contains("**Apple**\n\nRed and **crisp**."), "{out}");
        assert!(
            out.contains("```bash\npick --all\n\neat\n```"),
            "the fence is dedented whole: {out}"
        );
        assert!(out.contains("**Pear**\n\nSoft."), "{out}");
        assert!(
            out.contains("!!! tip \"Ripe\"\n    Press the neck.\n\n\n    **Inner**\n\n    Nested."),
            "an admonition in a tab keeps its body, and its tab: {out}"
        );
        assert!(out.ends_with("\nAfter\n"), "{out}");
        // In a fence, a tab is code.
        let fenced = "```\n=== \"A\"\n    x\n```\n";
        assert_eq!(plain(fenced), fenced);
        // The variants: ===+ (selected), ===! (a new set).
        let out = plain("===+ \"One\"\n    1\n===! \"Two\"\n    2\n");
        assert!(
            out.contains("**One**\n\n1") && out.contains("**Two**\n\n2"),
            "{out}"
        );
    }

    #[test]
    fn tabs_in_a_list_item_stay_in_it_and_an_indented_code_block_is_code() {
        let out = plain(
            "1. Install\n\n    === \"pip\"\n\n        pip install x\n\nText\n\n    === \"code\"\n",
        );
        assert!(
            out.contains("1. Install\n\n\n    **pip**\n\n    pip install x"),
            "{out}"
        );
        assert!(
            out.contains("    === \"code\""),
            "an indented code block: {out}"
        );
    }

    #[test]
    fn tabs_render_as_sections_in_html() {
        let markdown = plain("=== \"Apple\"\n\n    Red.\n\n=== \"Pear\"\n\n    Green.\n");
        let syntax = super::super::markdown::Syntax {
            bang_admonitions: true,
            ..Default::default()
        };
        let html = super::super::markdown::render(&markdown, syntax, &|_| None).html;
        assert_eq!(
            html,
            "<p><strong>Apple</strong></p>\n<p>Red.</p>\n<p><strong>Pear</strong></p>\n<p>Green.</p>\n"
        );
    }

    #[test]
    fn snippets_come_from_the_base_paths_with_ranges_sections_and_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "includes/abbr.md",
            "*[HTML]: Hyper Text\n[guild]: https://guild.example/\n",
        );
        write(
            root,
            "includes/note.md",
            "Shared note.\n--8<-- \"deeper.md\"\n",
        );
        write(root, "includes/deeper.md", "Deeper.\n--8<-- \"note.md\"\n");
        write(root, "code.py", "one\ntwo\nthree\nfour\n");
        write(
            root,
            "includes/sections.md",
            "before\n# --8<-- [start:ladder]\nLadder.\n<!-- --8<-- [start:other] -->\nOther.\n;--8<-- [end:other]\n# --8<-- [end:ladder]\nafter\n",
        );
        let config = config(
            "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [includes, .]\n      auto_append: [abbr.md]\n",
            root,
        );
        let body = "--8<-- \"note.md\"\n\n```python\n--8<-- \"code.py:2:3\"\n--8<-- \"code.py:-2\"\n```\n\n  --8<-- \"sections.md:ladder\"\n\n--8<--\nnote.md\n;ignored.md\n\nmissing.md\n--8<--\n\n;--8<-- \"note.md\"\n--8<-- \"gone.md\"\n--8<-- \"../outside.md\"\nA [guild][] and [the guild][guild].\n";
        let expanded = expand_with(body, &config);
        let out = &expanded.markdown;
        assert!(
            out.starts_with("Shared note.\nDeeper.\n"),
            "a file never includes itself: {out}"
        );
        assert!(out.contains("```python\ntwo\nthree\nfour\n\n```"), "{out}");
        assert!(
            out.contains("  Ladder.\n  Other.\n  --8<-- [end:other]\n\n"),
            "a section, indented like its marker; an escaped marker is text: {out}"
        );
        assert!(!out.contains("before") && !out.contains("after"), "{out}");
        assert!(out.contains("\n--8<-- \"note.md\"\n"), "escaped: {out}");
        assert_eq!(
            out.matches("Shared note.").count(),
            2,
            "the block form: {out}"
        );
        assert!(!out.contains("ignored") && !out.contains("HTML"), "{out}");
        assert!(
            out.contains("[guild]: https://guild.example/"),
            "auto_append: {out}"
        );
        assert!(
            out.contains("A [guild][] and [the guild][guild]."),
            "references defined in an appended file stay links: {out}"
        );
        assert_eq!(
            expanded.dropped,
            [
                "snippet \"missing.md\" not found in the base paths",
                "snippet \"gone.md\" not found in the base paths",
                "snippet \"../outside.md\" not found in the base paths",
            ]
        );
        // Without mkdocs.yml's snippets, the config's folder is the base path.
        let bare = config_without_snippets(root);
        assert!(
            expand_with("--8<-- \"code.py:1\"", &bare)
                .markdown
                .starts_with("one\ntwo"),
        );
    }

    fn config_without_snippets(dir: &Path) -> Config {
        config("site_name: x\n", dir)
    }

    #[test]
    fn snippet_paths_split_into_file_ranges_and_section() {
        let t = target("a.md:2:4,7").unwrap();
        assert_eq!(
            (t.path.as_str(), t.ranges, t.section),
            ("a.md", vec![(Some(1), Some(4)), (Some(6), None)], None)
        );
        let t = target("dir/a.py:main").unwrap();
        assert_eq!(
            (t.path.as_str(), t.section.as_deref()),
            ("dir/a.py", Some("main"))
        );
        let t = target("a.md:-3:").unwrap();
        assert_eq!(t.ranges, vec![(Some(-3), None)]);
        assert_eq!(target("c:weird path.md").unwrap().path, "c:weird path.md");
        assert!(target(":1:2").is_none());
        assert!(snippet_line("--8<-- \"a.md\" ").is_none(), "trailing space");
        assert!(matches!(
            snippet_line("-8<- 'a.md'"),
            Some(SnippetLine::Inline { path: "a.md", .. })
        ));
        assert!(matches!(snippet_line("--8<--"), Some(SnippetLine::Block)));
        assert!(matches!(
            snippet_line(";;--8<-- \"x\""),
            Some(SnippetLine::Escaped)
        ));
        assert!(snippet_line("text --8<-- \"x\"").is_none());
    }

    #[test]
    fn icons_and_attribute_lists_are_removed_outside_code() {
        let out = plain(
            "# :material-apple: Apples { #apples .big }\n\n:octicons-mark-github-16: Code on :fontawesome-brands-github:{ .big } and :simple-python:.\n\n[Go](https://x.example){ .md-button target=_blank } ![pic](p.png){ width=\"300\" } `code`{: .c } *em*{ .e }\n\nLead paragraph.\n{: .lead }\n\nA {placeholder} stays, and `:material-x:{ .y }` in code too.\n\n```\n:material-x: { .y }\n```\n\n    :material-in-indented-code:\n\n:custom-logo: custom :smile:\n",
        );
        assert!(out.starts_with("# Apples {#apples}\n"), "{out}");
        assert!(out.contains("\nCode on and .\n"), "{out}");
        assert!(
            out.contains("[Go](https://x.example) ![pic](p.png) `code` *em*\n"),
            "{out}"
        );
        assert!(out.contains("Lead paragraph.\n\n"), "{out}");
        assert!(
            out.contains("A {placeholder} stays, and `:material-x:{ .y }` in code too."),
            "{out}"
        );
        assert!(out.contains("```\n:material-x: { .y }\n```"), "{out}");
        assert!(out.contains("    :material-in-indented-code:"), "{out}");
        assert!(out.contains(":custom-logo: custom :smile:"), "{out}");
        // A custom icon set, from pymdownx.emoji's custom_icons folders.
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("overrides/.icons/custom")).unwrap();
        let config = config(
            "markdown_extensions:\n  - pymdownx.emoji:\n      options:\n        custom_icons: [overrides/.icons]\n",
            dir.path(),
        );
        assert_eq!(
            expand_with(":custom-logo: custom", &config).markdown,
            "custom"
        );
        // With pymdownx.emoji on, a shortcode is its emoji; an unknown name or code is kept.
        assert_eq!(
            expand_with(
                ":apple: ripe :+1: :no-such-emoji: `:apple:` :10:30",
                &config
            )
            .markdown,
            "\u{1f34e} ripe \u{1f44d} :no-such-emoji: `:apple:` :10:30"
        );
    }

    #[test]
    fn unresolved_reference_links_become_their_text() {
        let out = plain(
            "See [the API][api.Client], [`Client`][api.Client], [api.Server][] and [defined][ok], ![a logo][logo] and `[x][y]`.\n\n[ok]: https://ok.example\n\\[not][a link]\n",
        );
        assert_eq!(
            out,
            "See the API, `Client`, api.Server and [defined][ok], a logo and `[x][y]`.\n\n[ok]: https://ok.example\n\\[not][a link]\n"
        );
    }

    #[test]
    fn a_reference_link_may_run_over_lines_and_titles_keep_their_markdown() {
        let out = plain(
            "The path is resolved from the [\n`layouts` folder][config.layouts] and\n[more\ntext][].\n\n1.  An annotation\n    { .annotate style=\"margin: 0\" }\n\n!!! info \"The [`site_url`][mkdocs.site_url] setting\"\n    Body.\n\n??? tip \"Plain title\"\n    Body.\n",
        );
        assert!(
            out.starts_with("The path is resolved from the \n`layouts` folder and\nmore\ntext.\n"),
            "{out}"
        );
        assert!(out.contains("1.  An annotation\n\n"), "{out}");
        assert!(
            out.contains("!!! info \"\"\n    **Info: The `site_url` setting**\n\n    Body."),
            "{out}"
        );
        assert!(out.contains("??? tip \"Plain title\"\n    Body."), "{out}");
    }

    #[test]
    fn keys_marks_and_inserts_are_rendered_when_their_extensions_are_on() {
        let body = "Press ++ctrl+alt+del++ or ++arrow-down++, ++\"My Key\"++; ==marked== and ^^inserted^^ text, a == b, `==code==`.\n";
        let on = config(
            "markdown_extensions:\n  - pymdownx.keys\n  - pymdownx.mark\n  - pymdownx.caret\n",
            Path::new("."),
        );
        assert_eq!(
            expand_with(body, &on).markdown,
            "Press <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd> or <kbd>Arrow Down</kbd>, <kbd>My Key</kbd>; <mark>marked</mark> and <ins>inserted</ins> text, a == b, `==code==`.\n"
        );
        assert_eq!(plain(body), body, "off: as written");
    }

    #[test]
    fn code_languages_go_with_inlinehilite_and_a_fence_left_open_ends_with_its_tab() {
        let on = config(
            "markdown_extensions:\n  - pymdownx.inlinehilite\n",
            Path::new("."),
        );
        assert_eq!(
            expand_with(
                "Use `#!css $page` and ``:::python x = `y` `` or `#!` or `plain`, ``#!js `ticks` ``.",
                &on
            )
            .markdown,
            "Use `$page` and ``x = `y` `` or `#!` or `plain`, `` `ticks` ``."
        );
        let out = plain("=== \"A\"\n\n    Text.\n    ```\n\n=== \"B\"\n\n    Other.\n\nAfter.\n");
        assert!(out.contains("Text.\n```\n```\n"), "{out}");
        assert!(out.contains("**B**\n\nOther."), "{out}");
    }

    #[test]
    fn marks_for_the_sites_own_hooks_are_named() {
        let body = "#### <!-- md:setting config.x -->\n\n<!-- md:version 9.2 --> <!-- md:default 1 -->\n\n```\n<!-- md:in-code -->\n```\n";
        let with_hooks = config(
            "hooks:\n  - src/overrides/hooks/shortcodes.py\n",
            Path::new("."),
        );
        assert_eq!(
            expand_with(body, &with_hooks).dropped,
            ["3 `<!-- md:… -->` mark(s) the site's hooks render (the sync does not run hooks)"]
        );
        assert!(
            expand_with(body, &config("", Path::new(".")))
                .dropped
                .is_empty()
        );
    }

    #[test]
    fn smart_symbols_are_the_symbols_when_their_extension_is_on() {
        let body = "(c) 2024 (tm) c/o, +/- 1/2 cup --> <-- <--> =/= the 1st and 22nd, `(c) <--`.\n";
        let on = config(
            "markdown_extensions:\n  - pymdownx.smartsymbols\n",
            Path::new("."),
        );
        assert_eq!(
            expand_with(body, &on).markdown,
            "© 2024 ™ ℅, ± ½ cup → ← ↔ ≠ the 1<sup>st</sup> and 22<sup>nd</sup>, `(c) <--`.\n"
        );
        assert_eq!(plain(body), body, "off: as written");
        let urls =
            "[cup](https://x.example/1/2/1st) and https://x.example/c/o/-->/3/4 and (1/2).\n";
        assert_eq!(
            expand_with(urls, &on).markdown,
            "[cup](https://x.example/1/2/1st) and https://x.example/c/o/-->/3/4 and (½).\n"
        );
        let comment = "<!-- md:version 9.2 --> (c)\n";
        assert_eq!(expand_with(comment, &on).markdown, comment);
    }

    #[test]
    fn the_last_definition_of_a_label_counts_and_a_task_box_is_no_link() {
        let out = plain(
            "[Grids][g] and [Spark].\n\n- [x] [Instant previews]\n- [ ] [Spark]\n\n[g]: first.md\n[Spark]: #spark\n[Instant previews]: nav.md\n\n```\n[g]: in-code.md\n```\n\n[g]: last.md\n[spark]: https://spark.example/\n",
        );
        assert_eq!(
            out,
            "[Grids][g] and [Spark].\n\n- [x] [Instant previews]\n- [ ] [Spark]\n\n[Instant previews]: nav.md\n\n```\n[g]: in-code.md\n```\n\n[g]: last.md\n[spark]: https://spark.example/\n"
        );
    }

    #[test]
    fn a_footnotes_later_paragraphs_get_their_inline_syntax() {
        assert_eq!(
            plain("Text[^7].\n\n[^7]:\n    First.\n\n    __Update__{ title=\"Aug\" }: more.\n"),
            "Text[^7].\n\n[^7]:\n    First.\n\n    __Update__: more.\n"
        );
    }

    #[test]
    fn an_unresolved_reference_over_two_lines_is_its_text() {
        assert_eq!(
            plain("post URLs if [`post_url_format`]\n[config.post_url_format] and the post.\n"),
            "post URLs if `post_url_format` and the post.\n"
        );
    }

    #[test]
    fn a_reference_link_may_have_a_space_before_its_label() {
        let out = plain(
            "[Blog] [blog], [Gone] [gone], [Split]\n[blog] and [a] [b].\n\n[blog]: https://blog.example\n",
        );
        assert_eq!(
            out,
            "[Blog][blog], [Gone] [gone], [Split][blog] and [a] [b].\n\n[blog]: https://blog.example\n"
        );
    }

    #[test]
    fn definition_lists_are_read_when_def_list_is_on() {
        let dir = Path::new(".");
        let on = config("markdown_extensions:\n  - def_list\n", dir);
        let body =
            "`note`\n\n:   !!! note\n\n        Lorem :material-x: ipsum.\n\n    More.\n\nAfter\n";
        let out = expand_with(body, &on).markdown;
        assert!(!out.contains(":   "), "{out}");
        assert!(
            out.contains("!!! note\n\n    Lorem ipsum.\n\nMore.\n"),
            "{out}"
        );
        assert_eq!(plain(body).matches(":   !!! note").count(), 1, "off: text");
    }

    #[test]
    fn mkdocstrings_blocks_and_abbreviations_are_dropped() {
        let expanded = plain_expanded(
            "# API\n\n::: orchard.press\n    options:\n      show_source: false\n\nText.\n\n## ::: orchard.ladder\n\n*[RHS]: Royal Horticultural Society\n\n```\n::: in.code\n```\n",
        );
        assert_eq!(
            expanded.markdown,
            "# API\n\n\nText.\n\n\n\n```\n::: in.code\n```\n"
        );
        assert_eq!(
            expanded.dropped,
            [
                "mkdocstrings block \"::: orchard.press\"",
                "mkdocstrings block \"::: orchard.ladder\""
            ]
        );
    }

    fn plain_expanded(body: &str) -> Expanded {
        expand_with(body, &Config::default())
    }

    #[test]
    fn blog_posts_are_placed_by_date_and_slug() {
        let dir = Path::new(".");
        let blog = config("plugins:\n  - search\n  - blog\n", dir);
        let post = "---\ndate: 2024-01-15\n---\n\n# First frost: the quinces & medlars\n\nText.\n";
        assert_eq!(
            blog.post_path("blog/posts/frost.md", post)
                .unwrap()
                .unwrap(),
            "blog/2024/01/15/first-frost-the-quinces--medlars.md"
        );
        assert!(blog.post_path("blog/index.md", post).is_none());
        assert!(blog.post_path("guide/posts/x.md", post).is_none());
        let post = "---\ndate:\n  created: 2024-03-02T10:00:00Z\n  updated: 2024-04-01\nslug: cider-day\ncategories: [Events, News]\n---\n# Ignored\n";
        assert_eq!(
            blog.post_path("blog/posts/2024/x.md", post)
                .unwrap()
                .unwrap(),
            "blog/2024/03/02/cider-day.md"
        );
        // No heading on the first line: the title comes from the file name.
        let post = "---\ndate: 2023-12-01\n---\nSome text.\n\n# Late heading\n";
        assert_eq!(
            blog.post_path("blog/posts/winter_notes.md", post)
                .unwrap()
                .unwrap(),
            "blog/2023/12/01/winter-notes.md"
        );
        let post = "---\ntitle: Über Äpfel!\ndate: 2023-12-01\n---\n";
        assert_eq!(
            blog.post_path("blog/posts/a.md", post).unwrap().unwrap(),
            "blog/2023/12/01/über-äpfel.md"
        );
        assert!(
            blog.post_path("blog/posts/a.md", "# No date\n")
                .unwrap()
                .is_err()
        );
        assert!(
            blog.post_path("blog/posts/a.md", "---\ntitle: x\n---\n")
                .unwrap()
                .unwrap_err()
                .contains("without a date")
        );

        let custom = config(
            "plugins:\n  - material/blog:\n      blog_dir: news\n      post_url_format: '{categories}/{file}'\n      post_url_date_format: yyyy\n  - blog:\n      enabled: false\n",
            dir,
        );
        let post = "---\ndate: 2024-01-15\ncategories: [Big Events]\n---\n# T\n";
        assert_eq!(
            custom
                .post_path("news/posts/launch.md", post)
                .unwrap()
                .unwrap(),
            "news/big-events/launch.md"
        );
        assert!(custom.post_path("blog/posts/launch.md", post).is_none());
        let dated = config(
            "plugins:\n  - blog:\n      post_url_format: '{date}/{slug}'\n      post_url_date_format: \"yyyy/MMM/d 'of' yy\"\n",
            dir,
        );
        assert_eq!(
            dated
                .post_path("blog/posts/a.md", "---\ndate: 2024-03-05\nslug: s\n---\n")
                .unwrap()
                .unwrap(),
            "blog/2024/Mar/5 of 24/s.md"
        );
    }

    #[test]
    fn excluded_and_draft_docs_are_not_published() {
        let excluding = config(
            "exclude_docs: |\n  snippets/\n  *.tmp.md\n  !keep.tmp.md\ndraft_docs: |\n  drafts/\n",
            Path::new("."),
        );
        for excluded in [
            "snippets/a.md",
            "x/y.tmp.md",
            "drafts/x.md",
            "templates/x.md",
        ] {
            assert!(excluding.excluded(excluded), "{excluded}");
        }
        for published in ["keep.tmp.md", "guide/templates/x.md", "guide/a.md"] {
            assert!(!excluding.excluded(published), "{published}");
        }
        assert!(Config::default().excluded("templates/page.md"));
        // A theme's templates kept in the docs folder.
        let themed = config(
            "theme:\n  name: material\n  custom_dir: docs/overrides\n",
            Path::new("."),
        );
        assert!(themed.excluded("overrides/partials/nav.html"));
        assert!(!themed.excluded("guide/overrides.md"));
    }

    #[test]
    fn slugs_are_materials() {
        assert_eq!(slugify(" Hello, <b>World</b>! ", "-"), "hello-world");
        assert_eq!(slugify("A - B", "-"), "a---b");
        assert_eq!(slugify("snake_case & co", "_"), "snake_case__co");
    }
}
