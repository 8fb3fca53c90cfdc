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
            },
            excluded: exclusions(&patterns),
            translations: i18n
                .as_ref()
                .map(|(_, others)| others.clone())
                .unwrap_or_default(),
            translations_in_folders: i18n.is_some_and(|(folders, _)| folders),
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
    let text = includer.parse(lines, false).join("\n");
    let refs = definitions(&text);
    let mut pass = Pass {
        refs: &refs,
        inline_extensions: config.inline,
        definitions: config.definition_lists,
        icons: &config.icons,
        dropped: &mut dropped,
    };
    let markdown = pass.blocks(&text);
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

// ---------------------------------------------------------------------------------------
// Snippets

/// A snippet line: `--8<-- "path"`, a lone `--8<--`, or either escaped with `;`.
enum SnippetLine<'a> {
    Escaped,
    Inline { space: &'a str, path: &'a str },
    Block,
}

fn snippet_line(line: &str) -> Option<SnippetLine<'_>> {
    let rest = line.trim_start_matches([' ', '\t']);
    let space = &line[..line.len() - rest.len()];
    let marked = rest.trim_start_matches(';');
    let escaped = marked.len() != rest.len();
    let after = marker(marked)?;
    let after = after.strip_suffix('\r').unwrap_or(after);
    let kind = if after.is_empty() {
        SnippetLine::Block
    } else {
        let quoted = after.trim_start_matches([' ', '\t']);
        if quoted.len() == after.len() {
            return None;
        }
        let quote = quoted.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = quoted[1..].strip_suffix(quote)?;
        let bare_quote = inner
            .char_indices()
            .any(|(i, c)| c == quote && !inner[..i].ends_with('\\'));
        if inner.is_empty() || bare_quote {
            return None;
        }
        SnippetLine::Inline {
            space,
            path: inner.trim(),
        }
    };
    Some(if escaped { SnippetLine::Escaped } else { kind })
}

/// The text after a `-8<-` marker (any number of dashes on either side) at the start of
/// `text`.
fn marker(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches('-');
    if rest.len() == text.len() {
        return None;
    }
    let rest = rest.strip_prefix("8<")?;
    let after = rest.trim_start_matches('-');
    (after.len() != rest.len()).then_some(after)
}

/// A section marker `--8<-- [start:name]` somewhere in a line.
struct Section<'a> {
    /// The line without the escape's first `;` (when escaped).
    unescaped: Option<String>,
    start: bool,
    name: &'a str,
}

static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?P<pre>.*?)(?P<escape>;*)-+8<-+[ \t]+\[[ \t]*(?P<kind>start|end)[ \t]*:[ \t]*(?P<name>[a-z][-_0-9a-z]*)[ \t]*\]",
    )
    .expect("the section pattern is valid")
});

fn section_marker(line: &str) -> Option<Section<'_>> {
    if !line.contains("8<-") {
        return None;
    }
    let caps = SECTION.captures(line)?;
    let pre = caps.name("pre")?;
    let escape = caps.name("escape")?;
    // The marker's dashes and the escape's semicolons are whole runs.
    if pre.as_str().ends_with(';') || (escape.is_empty() && pre.as_str().ends_with('-')) {
        return None;
    }
    let unescaped = (!escape.is_empty()).then(|| {
        let mut text = line.to_owned();
        text.remove(escape.start());
        text
    });
    Some(Section {
        unescaped,
        start: caps["kind"].eq_ignore_ascii_case("start"),
        name: caps.name("name")?.as_str(),
    })
}

/// What a snippet path asks for: the file, and its line ranges or section.
#[derive(Debug, PartialEq, Eq)]
struct Target {
    path: String,
    /// `(start, end)` as pymdownx slices them: 0-based start, end excluded, negative from
    /// the end.
    ranges: Vec<(Option<i64>, Option<i64>)>,
    section: Option<String>,
}

fn target(spec: &str) -> Option<Target> {
    let mut found = None;
    for (colon, _) in spec.match_indices(':') {
        let rest = &spec[colon..];
        if is_ranges(rest) {
            let ranges = rest[1..]
                .split(',')
                .map(|item| {
                    let mut parts = item.split(':');
                    let number = |p: Option<&str>| p.and_then(|n| n.parse::<i64>().ok());
                    let start =
                        number(parts.next()).map(|s| if s < 0 { s } else { (s - 1).max(0) });
                    (start, number(parts.next()))
                })
                .collect();
            found = Some((&spec[..colon], ranges, None));
            break;
        }
        let name = &rest[1..];
        if name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            found = Some((&spec[..colon], Vec::new(), Some(name.to_owned())));
            break;
        }
    }
    let (path, ranges, section) = found.unwrap_or((spec, Vec::new(), None));
    let path = path.trim();
    (!path.is_empty()).then(|| Target {
        path: path.to_owned(),
        ranges,
        section,
    })
}

/// `:N`, `:N:M`, then any `,N` or `,N:M` (numbers may be empty or negative), to the end.
fn is_ranges(text: &str) -> bool {
    static RANGES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?::-?[0-9]*){1,2}(?:,-?[0-9]*(?::-?[0-9]*)?)*$")
            .expect("the range pattern is valid")
    });
    let commas_ok = text.match_indices(',').all(|(i, _)| {
        text[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c == '-' || c == ':' || c.is_ascii_digit())
    });
    commas_ok && RANGES.is_match(text)
}

struct Includer<'a> {
    config: &'a Snippets,
    max_bytes: u64,
    /// The snippet files being expanded (a file never includes itself).
    seen: Vec<PathBuf>,
    dropped: &'a mut Vec<String>,
}

impl Includer<'_> {
    /// pymdownx's `parse_snippets`: `lines` with their snippets expanded.
    fn parse(&mut self, lines: Vec<String>, is_section: bool) -> Vec<String> {
        let mut out = Vec::with_capacity(lines.len());
        let mut block = false;
        for line in lines {
            match snippet_line(&line) {
                Some(SnippetLine::Escaped) => {
                    out.push(line.replacen(';', "", 1));
                    continue;
                }
                // A path line of a block may not itself be an inline snippet.
                Some(SnippetLine::Inline { .. }) if block => continue,
                Some(SnippetLine::Inline { space, path }) => {
                    let (space, path) = (space.to_owned(), path.to_owned());
                    self.include(&space, &path, &mut out);
                    continue;
                }
                Some(SnippetLine::Block) => {
                    block = !block;
                    continue;
                }
                None => {}
            }
            if block {
                let path = line.trim();
                if path.is_empty() {
                    out.push(String::new());
                } else {
                    let space = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
                    let (space, path) = (space.to_owned(), path.to_owned());
                    self.include(&space, &path, &mut out);
                }
                continue;
            }
            if !is_section && let Some(section) = section_marker(&line) {
                if let Some(unescaped) = section.unescaped {
                    out.push(unescaped);
                }
                continue;
            }
            out.push(line);
        }
        out
    }

    fn include(&mut self, space: &str, spec: &str, out: &mut Vec<String>) {
        // Commented out.
        if spec.starts_with(';') {
            return;
        }
        let Some(target) = target(spec) else {
            self.dropped
                .push(format!("snippet {spec:?}: no file named"));
            return;
        };
        let lower = target.path.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            self.dropped.push(format!(
                "snippet {:?}: URLs are not downloaded",
                target.path
            ));
            return;
        }
        let Some(file) = self.find(&target.path) else {
            self.dropped.push(format!(
                "snippet {:?} not found in the base paths",
                target.path
            ));
            return;
        };
        if self.seen.contains(&file) {
            return;
        }
        let lines = match read_lines(&file, self.max_bytes) {
            Ok(lines) => lines,
            Err(reason) => {
                self.dropped
                    .push(format!("snippet {:?} {reason}", target.path));
                return;
            }
        };
        let lines = if let Some(name) = &target.section {
            match extract_section(name, &lines) {
                Some(lines) => lines,
                None => {
                    self.dropped.push(format!(
                        "snippet {:?}: no section {name:?} in it",
                        target.path
                    ));
                    return;
                }
            }
        } else if !target.ranges.is_empty() {
            extract_lines(&target.ranges, &lines)
        } else {
            lines
        };
        self.seen.push(file);
        let space = space.replace('\t', "    ");
        for line in self.parse(lines, target.section.is_some()) {
            out.push(format!("{space}{line}"));
        }
        self.seen.pop();
    }

    /// The first base path that has `path`: a folder holding it (inside the folder when
    /// restricted), or a file base named by it.
    fn find(&self, path: &str) -> Option<PathBuf> {
        for base in &self.config.base_paths {
            let Ok(meta) = std::fs::metadata(base) else {
                continue;
            };
            if meta.is_dir() {
                let candidate = base.join(path);
                if self.config.restricted {
                    let (base, candidate) = (lexical(base), lexical(&candidate));
                    if candidate == base || !candidate.starts_with(&base) {
                        continue;
                    }
                }
                if candidate.is_file() {
                    return Some(candidate);
                }
            } else {
                let candidate = base.parent().unwrap_or(Path::new("")).join(path);
                let same = match (
                    std::fs::canonicalize(&candidate),
                    std::fs::canonicalize(base),
                ) {
                    (Ok(a), Ok(b)) => a == b,
                    _ => false,
                };
                if same {
                    return Some(candidate);
                }
            }
        }
        None
    }
}

/// `path` made absolute with `.` and `..` resolved by name (as Python's `abspath`).
fn lexical(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A snippet file's lines, as pymdownx reads them: a final line end gives a final empty
/// line, an empty file no lines.
fn read_lines(path: &Path, max_bytes: u64) -> Result<Vec<String>, String> {
    let text = crate::file::read_limited(path, max_bytes)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.is_empty() {
        return Ok(Vec::new());
    }
    Ok(text.split('\n').map(str::to_owned).collect())
}

/// The lines between `--8<-- [start:name]` and `--8<-- [end:name]`, other sections'
/// markers left out; `None` when there is no such section.
fn extract_section(name: &str, lines: &[String]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut found = false;
    for line in lines {
        let marker = section_marker(line);
        let line = match &marker {
            Some(Section {
                unescaped: Some(unescaped),
                ..
            }) => unescaped.clone(),
            Some(section) if section.name == name => {
                match (inside, section.start) {
                    (false, true) => {
                        inside = true;
                        found = true;
                    }
                    (true, true) => {}
                    _ => break,
                }
                continue;
            }
            Some(_) if inside => continue,
            _ => line.clone(),
        };
        if inside {
            out.push(line);
        }
    }
    found.then_some(out)
}

/// The lines of `ranges`, one after the other.
fn extract_lines(ranges: &[(Option<i64>, Option<i64>)], lines: &[String]) -> Vec<String> {
    let total = lines.len() as i64;
    let clamp = |n: i64| n.clamp(0, total) as usize;
    let mut out = Vec::new();
    for &(start, end) in ranges {
        let start = match start {
            Some(s) if s < 0 => clamp(total + s),
            Some(s) => clamp(s),
            None => 0,
        };
        let end = match end {
            Some(e) if e < 0 => clamp(total + 1 + e),
            Some(e) => clamp(e),
            None => lines.len(),
        };
        if start < end {
            out.extend_from_slice(&lines[start..end]);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Blocks: tabs, mkdocstrings, attribute lists and abbreviations on their own lines; every
// other line's inline syntax.

/// The labels of the page's link reference definitions (`[label]: url`), normalized.
fn definitions(text: &str) -> HashSet<String> {
    static LINK_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*\[([^\]\n]+)\]:[ \t]*\S").expect("the definition pattern is valid")
    });
    LINK_DEFINITION
        .captures_iter(text)
        .map(|c| label(&c[1]))
        .collect()
}

/// A reference label as link matching compares them: case and inner whitespace ignored.
fn label(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

static TAB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^===(?:\+!|!\+|\+|!)? +"(.*?)" *$"#).expect("the tab pattern is valid")
});
static ADMONITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?:!!!|\?\?\?\+?) ?([\w-]+)(?: +[\w-]+)*(?: +"(.*?)")? *$"#)
        .expect("the admonition pattern is valid")
});
static MKDOCSTRINGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:#{1,6} *)?::: ?(\S.*?) *$").expect("the mkdocstrings pattern is valid")
});
/// pymdownx.keys, pymdownx.mark (`==text==`), pymdownx.caret (`^^text^^`): the text
/// neither starts nor ends with a space.
/// pymdownx.emoji's shortcode: a name between colons (icons are removed before).
static EMOJI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":([a-z0-9_+-]+):").expect("the emoji pattern is valid"));
static KEYS: LazyLock<Regex> = LazyLock::new(|| {
    let key = r#"(?:[\w-]+|"[^"\n]+"|'[^'\n]+')"#;
    Regex::new(&format!(r"\+\+({key}(?:\+{key})*)\+\+")).expect("the keys pattern is valid")
});
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"==([^\s=](?:[^\n]*?[^\s=])?)==").expect("the mark pattern is valid")
});
static INSERT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\^\^([^\s^](?:[^\n]*?[^\s^])?)\^\^").expect("the insert pattern is valid")
});
static DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ ]{0,3}:[ ]{1,3}\S").expect("the definition pattern is valid"));
static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\[[^\\\n]*?\][ ]?:").expect("the abbreviation pattern is valid")
});
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ {0,3}(?:[-*+]|[0-9]+[.)])(?:[ \t]|$)").expect("the list pattern is valid")
});
/// An attribute list, Python-Markdown's `{: … }` (the colon optional).
const ATTRS: &str = r"\{:?[ ]*[^ }\n][^}\n]*\}";
static ATTR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[ ]*{ATTRS}[ ]*$")).expect("the attribute line pattern is valid")
});
static ATTR_INLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(ATTRS).expect("the attribute pattern is valid"));
static HEADING_ATTRS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(#{{1,6}}[ \t].*?)[ ]+({ATTRS})[ ]*$"))
        .expect("the heading attribute pattern is valid")
});

struct Pass<'a> {
    refs: &'a HashSet<String>,
    inline_extensions: InlineExtensions,
    /// `def_list` is on: `:   ` lines are definitions.
    definitions: bool,
    icons: &'a Regex,
    dropped: &'a mut Vec<String>,
}

impl Pass<'_> {
    /// One level of blocks (the page, or a container's body already dedented).
    fn blocks(&mut self, text: &str) -> String {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut out = String::with_capacity(text.len());
        // The lines of the paragraph being read: a link's text may run over several.
        let mut para = String::new();
        let mut fences = Fences::default();
        // Indented lines after a blank line belong to the last list item (Python-Markdown).
        let mut in_list = false;
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            // The previous line is text this one can continue.
            let continues = !para.is_empty();
            if !fences.inside(line) && !line.trim().is_empty() {
                if indent(line) < 4 || continues {
                    if let Some(skip) = self.line(&lines, i, &mut para, &mut out, &mut in_list) {
                        i = skip;
                        continue;
                    }
                    i += 1;
                    continue;
                }
                self.flush(&mut para, &mut out);
                let (end, body) = indented_body(&lines, i);
                if in_list {
                    out.push_str(&reindent(&self.blocks(&body)));
                } else {
                    // An indented code block.
                    lines[i..end].iter().for_each(|l| out.push_str(l));
                }
                i = end;
                continue;
            }
            self.flush(&mut para, &mut out);
            out.push_str(line);
            i += 1;
        }
        self.flush(&mut para, &mut out);
        // A fence a container's body leaves open ends with it (Python-Markdown would not
        // read it as a fence at all), not at the end of the page.
        if let Some(close) = fences.closing() {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&close);
            out.push('\n');
        }
        out
    }

    /// A line of text at this level (not code, not blank): a container's first line, which
    /// takes its body (the index after it is returned), or a line of a paragraph, list item,
    /// heading or table.
    fn line(
        &mut self,
        lines: &[&str],
        i: usize,
        para: &mut String,
        out: &mut String,
        in_list: &mut bool,
    ) -> Option<usize> {
        let line = lines[i];
        let bare = line.trim_end_matches(['\n', '\r']);
        let continues = !para.is_empty();
        // Python-Markdown's `attr_list`: on the paragraph's last line, or alone; and an
        // abbreviation's definition: neither is text.
        if ATTR_LINE.is_match(bare) || (indent(line) < 4 && ABBREVIATION.is_match(bare)) {
            return Some(i + 1);
        }
        if continues && indent(line) >= 4 {
            para.push_str(line);
            return None;
        }
        if let Some(caps) = TAB.captures(bare) {
            self.flush(para, out);
            let title = self.inline(&caps[1]);
            let (end, body) = indented_body(lines, i + 1);
            out.push('\n');
            if !title.trim().is_empty() {
                out.push_str(&format!("**{}**\n\n", title.trim()));
            }
            out.push_str(&self.blocks(body.trim_start_matches('\n')));
            out.push('\n');
            *in_list = false;
            return Some(end);
        }
        if let Some(caps) = ADMONITION.captures(bare) {
            self.flush(para, out);
            let (end, body) = indented_body(lines, i + 1);
            let mut inner = String::new();
            match caps.get(2) {
                // A title with links, code or emphasis: Python-Markdown renders them, the
                // admonition's title bar would show them as typed. So the title bar goes,
                // and the same title opens the body, as Markdown.
                Some(title) if title.as_str().contains(['[', '`', '*', '_']) => {
                    out.push_str(&format!("{}\"\"\n", &bare[..title.start() - 1]));
                    let label = admonition_label(&caps[1]);
                    let title = self.inline(title.as_str());
                    inner.push_str(&format!("**{label}: {}**\n\n", title.trim()));
                }
                _ => out.push_str(&self.inline(line)),
            }
            inner.push_str(&self.blocks(&body));
            out.push_str(&reindent(&inner));
            *in_list = false;
            return Some(end);
        }
        if self.definitions && DEFINITION.is_match(bare) {
            // `def_list`: the term is the paragraph before; the definition's first line
            // and its indented lines are its body.
            self.flush(para, out);
            let first = bare.trim_start().trim_start_matches(':').trim_start();
            let (end, body) = indented_body(lines, i + 1);
            out.push('\n');
            out.push_str(&self.blocks(&format!("{first}\n{body}")));
            out.push('\n');
            return Some(end);
        }
        if let Some(caps) = MKDOCSTRINGS.captures(bare) {
            self.flush(para, out);
            self.dropped
                .push(format!("mkdocstrings block \"::: {}\"", &caps[1]));
            let mut end = i + 1;
            while end < lines.len() && indent(lines[end]) >= 4 && !lines[end].trim().is_empty() {
                end += 1;
            }
            return Some(end);
        }
        let heading = bare.trim_start().starts_with('#');
        if LIST_ITEM.is_match(bare) {
            *in_list = true;
            self.flush(para, out);
        } else if !continues && indent(line) == 0 {
            *in_list = false;
        }
        if heading {
            self.flush(para, out);
        }
        para.push_str(line);
        if heading {
            self.flush(para, out);
        }
        None
    }

    /// The paragraph read so far, its inline syntax rendered, to `out`.
    fn flush(&mut self, para: &mut String, out: &mut String) {
        if !para.is_empty() {
            out.push_str(&self.inline(para));
            para.clear();
        }
    }

    /// A line's inline syntax: icons and attribute lists removed, unresolved reference links
    /// made text. Code spans are left as they are.
    fn inline(&mut self, line: &str) -> String {
        let mut line = remove_outside_code(line, self.icons, |_| true);
        let wrap = |tag: &'static str| {
            move |_: &str, caps: &regex::Captures<'_>| Some(format!("<{tag}>{}</{tag}>", &caps[1]))
        };
        if self.inline_extensions.keys {
            line = replace_outside_code(&line, &KEYS, |_, caps| Some(keys(caps)));
        }
        if self.inline_extensions.emoji {
            line = replace_outside_code(&line, &EMOJI, |_, caps| {
                emojis::get_by_shortcode(&caps[1]).map(|e| e.as_str().to_owned())
            });
        }
        if self.inline_extensions.mark {
            line = replace_outside_code(&line, &MARK, wrap("mark"));
        }
        if self.inline_extensions.caret {
            line = replace_outside_code(&line, &INSERT, wrap("ins"));
        }
        if self.inline_extensions.inlinehilite {
            line = without_shebangs(&line);
        }
        let line = remove_outside_code(&line, &ATTR_INLINE, attaches);
        let line = heading_attributes(&line);
        self.references(&line)
    }

    /// `[text][ref]` and `[text][]` whose label is not defined: the text alone.
    fn references(&self, line: &str) -> String {
        static BETWEEN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\][ \n]?\[").expect("the reference pattern is valid"));
        let mut line = line.to_owned();
        let mut from = 0;
        while let Some(found) = BETWEEN.find_at(&line, from) {
            let middle = found.start();
            // Python-Markdown allows one space or line end between the text and the label.
            let gap = found.len() - 2;
            from = middle + 1;
            let code = code_spans(&line);
            let in_code = |at: usize| code.iter().any(|&(s, e)| s <= at && at < e);
            if in_code(middle) || escaped(&line, middle) {
                continue;
            }
            let label_start = found.end();
            let Some(close) = line[label_start..].find(']').map(|c| label_start + c) else {
                break;
            };
            let label_text = &line[label_start..close];
            if label_text.contains('[') {
                continue;
            }
            let Some(open) = opening_bracket(&line, middle, &in_code) else {
                continue;
            };
            let text = &line[open + 1..middle];
            let wanted = if label_text.trim().is_empty() {
                text
            } else {
                label_text
            };
            if self.refs.contains(&label(wanted)) {
                // A link: as CommonMark writes it, without the gap.
                if gap > 0 {
                    line.replace_range(middle + 1..label_start - 1, "");
                }
                continue;
            }
            if gap > 0 {
                // Two bracketed texts, not a link, in Python-Markdown too.
                continue;
            }
            let start = if open > 0 && line.as_bytes()[open - 1] == b'!' {
                open - 1
            } else {
                open
            };
            let text = text.to_owned();
            line.replace_range(start..=close, &text);
            from = start;
        }
        line
    }
}

/// The label markdown.rs gives an admonition of `kind` (`note` → `Note`).
fn admonition_label(kind: &str) -> String {
    let class: String = kind
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let mut chars = class.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => class,
    }
}

/// The `[` that opens the bracket closed at `close`, brackets nested inside it matched.
fn opening_bracket(line: &str, close: usize, in_code: &dyn Fn(usize) -> bool) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut depth = 0usize;
    let mut at = close;
    while at > 0 {
        at -= 1;
        if in_code(at) || escaped(line, at) {
            continue;
        }
        match bytes[at] {
            b']' => depth += 1,
            b'[' if depth == 0 => return Some(at),
            b'[' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Whether the character at `at` is escaped by a backslash.
fn escaped(line: &str, at: usize) -> bool {
    let backslashes = line.as_bytes()[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    backslashes % 2 == 1
}

/// Whether an attribute list right after `before` belongs to an inline element: a link or
/// image `)`, a reference `]`, a code span, emphasis, an inline HTML tag.
fn attaches(before: &str) -> bool {
    match before.chars().next_back() {
        Some(')') => before.contains("]("),
        Some(']' | '`' | '*' | '_' | '>' | '~' | '=' | '^' | '+') => true,
        _ => false,
    }
}

/// A heading's trailing attribute list: gone, but for its `#id`, which pulldown-cmark's
/// heading attributes keep as the heading's id.
fn heading_attributes(line: &str) -> String {
    let (bare, end) = match line.strip_suffix('\n') {
        Some(bare) => (bare, "\n"),
        None => (line, ""),
    };
    let Some(caps) = HEADING_ATTRS.captures(bare) else {
        return line.to_owned();
    };
    let id = caps[2]
        .trim_matches(['{', '}', ':', ' '])
        .split_whitespace()
        .find_map(|token| token.strip_prefix('#'))
        .map(|id| format!(" {{#{id}}}"))
        .unwrap_or_default();
    format!("{}{id}{end}", &caps[1])
}

/// `line` without the matches of `pattern` that lie outside code spans and that `keep`
/// (given the text before the match, earlier removals done) accepts.
fn remove_outside_code(line: &str, pattern: &Regex, keep: impl Fn(&str) -> bool) -> String {
    replace_outside_code(line, pattern, |before, _| keep(before).then(String::new))
}

/// `line` with the matches of `pattern` that lie outside code spans replaced by what
/// `replace` (given the text before the match, earlier replacements done, and the match)
/// returns; `None` keeps a match.
fn replace_outside_code(
    line: &str,
    pattern: &Regex,
    replace: impl Fn(&str, &regex::Captures<'_>) -> Option<String>,
) -> String {
    if !pattern.is_match(line) {
        return line.to_owned();
    }
    let code = code_spans(line);
    let mut out = String::with_capacity(line.len());
    let mut last = 0;
    for caps in pattern.captures_iter(line) {
        let Some(found) = caps.get(0) else { continue };
        let inside = code
            .iter()
            .any(|&(s, e)| found.start() < e && s < found.end());
        if inside || escaped(line, found.start()) {
            continue;
        }
        let so_far = format!("{out}{}", &line[last..found.start()]);
        let Some(new) = replace(&so_far, &caps) else {
            continue;
        };
        out = so_far;
        out.push_str(&new);
        last = found.end();
    }
    out.push_str(&line[last..]);
    out
}

/// pymdownx.keys' `++ctrl+alt+del++`: each key in a `<kbd>`, its name as words
/// (`arrow-down` → `Arrow Down`), a quoted name as written.
fn keys(caps: &regex::Captures<'_>) -> String {
    caps[1]
        .split('+')
        .map(|key| {
            let name = if let Some(quoted) = key
                .strip_prefix('"')
                .and_then(|k| k.strip_suffix('"'))
                .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
            {
                quoted.to_owned()
            } else {
                key.split(['-', '_'])
                    .map(|word| {
                        let mut chars = word.chars();
                        chars.next().map_or(String::new(), |first| {
                            first.to_uppercase().chain(chars).collect()
                        })
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            format!("<kbd>{}</kbd>", escape_html(&name))
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// pymdownx.inlinehilite: a code span's language (`#!python `, `:::python `) is not shown.
fn without_shebangs(line: &str) -> String {
    static LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?::{3,}|#!)[\w#.+-]*\s+").expect("the language pattern is valid")
    });
    let mut line = line.to_owned();
    for (start, end) in code_spans(&line).into_iter().rev() {
        let ticks = line[start..].bytes().take_while(|&b| b == b'`').count();
        let inner = start + ticks;
        if let Some(found) = LANGUAGE.find(&line[inner..end - ticks]) {
            line.replace_range(inner..inner + found.end(), "");
        }
    }
    line
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The byte ranges of a line's code spans (backtick runs closed by a run of the same
/// length).
fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' || escaped(line, i) {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let mut j = i + run;
        let mut closed = None;
        while j < bytes.len() {
            if bytes[j] == b'`' {
                let other = bytes[j..].iter().take_while(|&&b| b == b'`').count();
                if other == run {
                    closed = Some(j + other);
                    break;
                }
                j += other;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => {
                spans.push((i, end));
                i = end;
            }
            None => i += run,
        }
    }
    spans
}

/// The width of a line's indentation, a tab counting to the next multiple of four.
fn indent(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

/// The body of a container whose first line is `lines[start]`: the lines indented by four
/// (blank ones between them included), dedented; and the index after it.
fn indented_body(lines: &[&str], start: usize) -> (usize, String) {
    let mut body = String::new();
    let mut end = start;
    let mut j = start;
    while j < lines.len() {
        let line = lines[j];
        if line.trim().is_empty() {
            j += 1;
            continue;
        }
        if indent(line) < 4 {
            break;
        }
        for blank in &lines[end..j] {
            body.push_str(blank.trim_start_matches([' ', '\t']));
        }
        body.push_str(&dedent(line));
        j += 1;
        end = j;
    }
    (end, body)
}

/// `line` without four columns of indentation.
fn dedent(line: &str) -> String {
    let mut width = 0;
    for (at, c) in line.char_indices() {
        if width >= 4 {
            return line[at..].to_owned();
        }
        match c {
            ' ' => width += 1,
            '\t' => {
                let next = width + 4 - width % 4;
                if next > 4 {
                    return format!("{}{}", " ".repeat(next - 4), &line[at + 1..]);
                }
                width = next;
            }
            _ => return line[at..].to_owned(),
        }
    }
    String::new()
}

/// `text` indented by four spaces (blank lines left blank).
fn reindent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            out.push_str("    ");
        }
        out.push_str(line);
    }
    out
}

// ---------------------------------------------------------------------------------------
// The blog plugin

impl Blog {
    fn read(options: &Value) -> Blog {
        let text = |key: &str, default: &str| {
            options
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_owned()
        };
        let dir = normalize(&text("blog_dir", "blog"));
        let post_dir = normalize(&text("post_dir", "{blog}/posts").replace("{blog}", &dir));
        Blog {
            dir,
            post_dir,
            url_format: text("post_url_format", "{date}/{slug}"),
            date_format: text("post_url_date_format", "yyyy/MM/dd"),
            max_categories: options
                .get("post_url_max_categories")
                .and_then(Value::as_u64)
                .map_or(1, |n| n as usize),
            post_separator: text("post_slugify_separator", "-"),
            category_separator: text("categories_slugify_separator", "-"),
        }
    }

    /// Material's `_format_path_for_post`: the post's date, slug and categories put into
    /// `post_url_format`, under the blog's folder.
    fn post_path(&self, relative: &str, text: &str) -> Result<String, String> {
        let (yaml, body) = front_matter::split(text);
        let meta = match yaml {
            Some(yaml) => super::yaml::parse_mapping(yaml, true)
                .map_err(|e| format!("blog post front matter is not YAML: {e}"))?,
            None => {
                return Err(
                    "is a blog post without front matter: Material's blog plugin needs its date"
                        .into(),
                );
            }
        };
        let get = |key: &str| meta.get(key).filter(|v| !v.is_null());
        let created = match get("date") {
            Some(serde_json::Value::Object(dates)) => dates.get("created"),
            other => other,
        };
        let date = created
            .and_then(|d| match d {
                serde_json::Value::String(s) => Some(s.as_str()),
                _ => None,
            })
            .and_then(Date::parse)
            .ok_or("is a blog post without a date (`date:` or `date: {created: …}`), which Material's blog plugin needs")?;
        let title = match get("title") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => markdown_title(body).unwrap_or_else(|| file_title(relative)),
        };
        let slug = match get("slug") {
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => slugify(&title, &self.post_separator),
        };
        let categories: Vec<String> = match get("categories") {
            Some(serde_json::Value::Array(list)) => list
                .iter()
                .filter_map(|c| c.as_str())
                .take(self.max_categories)
                .map(|c| slugify(c, &self.category_separator))
                .collect(),
            _ => Vec::new(),
        };
        let file = relative.rsplit('/').next().map_or("", |name| {
            name.rsplit_once('.').map_or(name, |(stem, _)| stem)
        });
        let date = date.format(&self.date_format)?;
        let path = format_fields(
            &self.url_format,
            &[
                ("categories", categories.join("/").as_str()),
                ("date", date.as_str()),
                ("file", file),
                ("slug", slug.as_str()),
            ],
        )?;
        let path = normalize(path.trim_matches('/'));
        Ok(if self.dir.is_empty() {
            format!("{path}.md")
        } else {
            format!("{}/{path}.md", self.dir)
        })
    }
}

/// A path with `.`, empty and `..` parts resolved (posixpath.normpath, without a leading
/// `/`); `""` for the folder itself.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Python's `str.format` with named fields only.
fn format_fields(format: &str, fields: &[(&str, &str)]) -> Result<String, String> {
    let mut out = String::with_capacity(format.len() + 32);
    let mut rest = format;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}")) {
            out.push_str(&tail[..1]);
            rest = after;
            continue;
        }
        let close = tail
            .find('}')
            .filter(|_| tail.starts_with('{'))
            .ok_or_else(|| format!("post_url_format {format:?} is not a format string"))?;
        let name = &tail[1..close];
        let value = fields
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| *value)
            .ok_or_else(|| format!("post_url_format {format:?} has an unknown field {{{name}}}"))?;
        out.push_str(value);
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// MkDocs' title from the Markdown: its first non-blank line when that is a `# ` heading.
fn markdown_title(body: &str) -> Option<String> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    line.starts_with("# ")
        .then(|| line.trim_start_matches(['#', ' ']).to_owned())
}

/// MkDocs' title from a file name: `-` and `_` as spaces, capitalized when all lower case.
fn file_title(relative: &str) -> String {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = stem.replace(['-', '_'], " ");
    if title.to_lowercase() != title {
        return title;
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => title,
    }
}

/// pymdownx's `slugify(case="lower")`, as Material's blog uses it: HTML tags removed,
/// trimmed, lower-cased, every character but letters, digits, `_`, `-` and spaces
/// dropped, each space made `separator`.
pub(crate) fn slugify(text: &str, separator: &str) -> String {
    static TAGS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"</?[^>]*>").expect("the tag pattern is valid"));
    let text = TAGS.replace_all(text, "");
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        .map(|c| {
            if c == ' ' {
                separator.to_owned()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A post's creation date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// `2024-01-31`, or a date and time starting so (`2024-01-31T10:00:00Z`,
    /// `2024-01-31 10:00`): the date as written.
    fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let mut parts = text.get(..10)?.split('-');
        let mut number = |len: usize| {
            let part = parts.next()?;
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let date = Date {
            year: number(4)?,
            month: number(2)?,
            day: number(2)?,
        };
        let valid = (1..=12).contains(&date.month) && (1..=31).contains(&date.day);
        let rest = &text[10..];
        (valid && (rest.is_empty() || rest.starts_with(['T', 't', ' ']))).then_some(date)
    }

    /// The date in a Babel pattern of years, months and days (`yyyy/MM/dd`, `yyyy-MMM`);
    /// quoted text is literal.
    fn format(self, pattern: &str) -> Result<String, String> {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let chars: Vec<char> = pattern.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let run = chars[i..].iter().take_while(|&&x| x == c).count();
            match c {
                '\'' => {
                    let close = chars[i + 1..].iter().position(|&x| x == '\'');
                    match close {
                        Some(0) => out.push('\''),
                        Some(n) => out.extend(&chars[i + 1..i + 1 + n]),
                        None => out.extend(&chars[i + 1..]),
                    }
                    i += close.map_or(chars.len(), |n| n + 2);
                    continue;
                }
                'y' if run == 2 => out.push_str(&format!("{:02}", self.year % 100)),
                'y' => out.push_str(&format!("{:0run$}", self.year)),
                'M' | 'L' if run <= 2 => out.push_str(&format!("{:0run$}", self.month)),
                'M' | 'L' => {
                    let name = MONTHS[self.month as usize - 1];
                    out.push_str(if run == 3 { &name[..3] } else { name });
                }
                'd' => out.push_str(&format!("{:0run$}", self.day)),
                c if c.is_ascii_alphabetic() => {
                    return Err(format!(
                        "post_url_date_format {pattern:?}: only years, months and days are supported"
                    ));
                }
                c => out.extend(std::iter::repeat_n(c, run)),
            }
            i += run;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
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
                "Use `#!css $page` and ``:::python x = `y` `` or `#!` or `plain`.",
                &on
            )
            .markdown,
            "Use `$page` and ``x = `y` `` or `#!` or `plain`."
        );
        let out = plain("=== \"A\"\n\n    Text.\n    ```\n\n=== \"B\"\n\n    Other.\n\nAfter.\n");
        assert!(out.contains("Text.\n```\n```\n"), "{out}");
        assert!(out.contains("**B**\n\nOther."), "{out}");
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
