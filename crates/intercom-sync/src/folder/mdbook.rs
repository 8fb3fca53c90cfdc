//! mdBook's sources as mdBook publishes them: only the chapters `SUMMARY.md` lists are pages,
//! a chapter's preprocessor links (`{{#include}}`, `{{#rustdoc_include}}`, `{{#playground}}`,
//! `{{#title}}`) are expanded from the files they name before its Markdown is rendered, and the
//! lines mdBook hides in code blocks are left out. Otherwise most of a Rust book's code would be
//! sent as `{{#include …}}` placeholders, and files the book never publishes would be sent.
//!
//! The expansion follows mdBook's `links` preprocessor: the same link syntax, line ranges and
//! anchors, nested includes resolved from the folder of the file that holds them, at most
//! [`MAX_DEPTH`] deep. Where mdBook would log an error and publish the link as text (a missing
//! file, an unknown anchor), the page fails instead, naming the link.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;

/// How deep includes nest before mdBook gives up (an include cycle would never end).
const MAX_DEPTH: usize = 10;

/// The chapters `SUMMARY.md` lists, by path relative to the book's `src` folder.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Path (`/`-separated, as the walk names files) → the chapter's name in the table of
    /// contents.
    chapters: HashMap<String, String>,
    /// The chapters' paths, in the book's order.
    order: Vec<String>,
}

impl Summary {
    /// `SUMMARY.md` in the content folder. Without it mdBook builds no book, so a missing or
    /// unreadable one stops the input: every page would otherwise look unpublished.
    pub fn read(content_root: &Path) -> Result<Summary, super::InputError> {
        let path = content_root.join("SUMMARY.md");
        let error = |reason: String| super::InputError::Config {
            path: path.clone(),
            reason,
        };
        let bytes = std::fs::read(&path).map_err(|e| {
            error(format!(
                "cannot be read ({e}): an mdBook lists its chapters there"
            ))
        })?;
        let text = String::from_utf8(bytes).map_err(|_| error("is not UTF-8".into()))?;
        parse_summary(&text).map_err(error)
    }

    /// The chapter's name in the table of contents, if `relative` is a chapter.
    pub fn chapter(&self, relative: &str) -> Option<&str> {
        self.chapters.get(relative).map(String::as_str)
    }

    /// Every chapter's path and name, in the book's order.
    pub fn in_order(&self) -> impl Iterator<Item = (&str, &str)> {
        self.order
            .iter()
            .map(|path| (path.as_str(), self.chapters[path].as_str()))
    }
}

/// The chapters of a `SUMMARY.md`: every link on its own (prefix and suffix chapters) or as a
/// list item (numbered chapters, nested or not). A draft chapter (`[Title]()`) has no file;
/// the title, part titles (headings) and separators are not chapters. What mdBook refuses to
/// build (a list item that is not a link, a file listed twice) is an error here too.
fn parse_summary(text: &str) -> Result<Summary, String> {
    let line = |offset: usize| text[..offset].matches('\n').count() + 1;
    let mut chapters = HashMap::new();
    let mut order = Vec::new();
    let mut written = HashSet::new();
    // The open containers: a link counts only inside paragraphs, lists and items.
    let mut open: Vec<bool> = Vec::new();
    let mut item_started = false;
    let mut link: Option<(String, String)> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        if item_started && !matches!(event, Event::Start(Tag::Paragraph)) {
            item_started = false;
            if !matches!(event, Event::Start(Tag::Link { .. })) {
                return Err(format!(
                    "line {}: a list item that is not a link to a chapter (mdBook refuses to build this)",
                    line(range.start)
                ));
            }
        }
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if open.iter().all(|ok| *ok) => {
                link = Some((dest_url.to_string(), String::new()));
                open.push(false);
            }
            Event::Start(tag) => {
                let structural = matches!(tag, Tag::Paragraph | Tag::List(_) | Tag::Item);
                item_started = matches!(tag, Tag::Item) && open.iter().all(|ok| *ok);
                open.push(structural);
            }
            Event::End(TagEnd::Link) if link.is_some() => {
                open.pop();
                let (dest, name) = link.take().unwrap_or_default();
                // mdBook decodes only `%20` in a chapter's path.
                let dest = dest.replace("%20", " ");
                let Some(path) = chapter_path(&dest) else {
                    continue; // a draft chapter
                };
                if !written.insert(dest.clone()) {
                    return Err(format!(
                        "line {}: lists {dest} twice (mdBook refuses to build this)",
                        line(range.start)
                    ));
                }
                if chapters.insert(path.clone(), name).is_none() {
                    order.push(path);
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, name)) = link.as_mut() {
                    name.push_str(&t);
                }
            }
            _ => {}
        }
    }
    if chapters.is_empty() {
        return Err("lists no chapter: an mdBook publishes only the chapters listed there".into());
    }
    Ok(Summary { chapters, order })
}

/// A chapter link's path, `./` and `..` resolved; `None` for a draft (no path).
fn chapter_path(dest: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in dest.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The `{{ name }}` placeholders in a chapter (a bare name: not mdBook's `{{#include}}`, not
/// a Handlebars call with arguments), each once, in order, those in a `handlebars`/`hbs` code
/// block left out (a theme's template shown as an example).
pub(crate) fn placeholders(markdown: &str) -> Vec<String> {
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}").expect("a valid pattern")
    });
    let mut fences = super::markdown::Fences::default();
    let mut example = false;
    let mut found: Vec<String> = Vec::new();
    for line in markdown.lines() {
        let opening = fences.closing().is_none();
        if fences.inside(line) {
            if opening {
                let language = line.trim_start().trim_start_matches(['`', '~']).trim();
                example = language.starts_with("handlebars") || language.starts_with("hbs");
            }
            if example {
                continue;
            }
        }
        for caps in PLACEHOLDER.captures_iter(line) {
            let shown = caps[0].to_owned();
            if !found.contains(&shown) {
                found.push(shown);
            }
        }
    }
    found
}

/// The names of the components in a chapter (`<Listing …>`: a tag whose name starts with a
/// capital letter is no HTML element; a preprocessor turns it into some), outside code, each
/// once, in order.
pub(crate) fn components(markdown: &str) -> Vec<String> {
    let mut fences = super::markdown::Fences::default();
    let mut found: Vec<String> = Vec::new();
    for line in markdown.lines() {
        if fences.inside(line) {
            continue;
        }
        for (at, _) in line.match_indices('<') {
            let name: String = line[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let after = line[at + 1 + name.len()..].chars().next();
            let in_code = line[..at].matches('`').count() % 2 == 1;
            if name.starts_with(|c: char| c.is_ascii_uppercase())
                && matches!(after, None | Some(' ' | '>' | '/'))
                && !in_code
                && !found.contains(&name)
            {
                found.push(name);
            }
        }
    }
    found
}

/// A chapter's Markdown with its preprocessor links expanded.
#[derive(Debug)]
pub(crate) struct Expanded {
    pub markdown: String,
    /// What `{{#title …}}` named the chapter.
    pub title: Option<String>,
}

/// Expands the preprocessor links of `markdown`, a chapter in `chapter_dir`. Included files
/// are read up to `max_file_bytes` each. The error is one line naming the link.
pub(crate) fn expand(
    markdown: &str,
    chapter_dir: &Path,
    max_file_bytes: u64,
) -> Result<Expanded, String> {
    let mut expander = Expander {
        max_file_bytes,
        title: None,
    };
    let markdown = expander.expand(markdown, chapter_dir, None, 0)?;
    Ok(Expanded {
        markdown,
        title: expander.title,
    })
}

struct Expander {
    max_file_bytes: u64,
    title: Option<String>,
}

/// A file read for a link: its text, where it is, and how to name it in an error (its path
/// as the chapter's links lead to it).
struct Included {
    text: String,
    dir: std::path::PathBuf,
    shown: String,
}

impl Expander {
    /// `text`'s links expanded; `text` is in `dir`, and is the file `shown` (`None`: the
    /// chapter itself), included `depth` deep.
    fn expand(
        &mut self,
        text: &str,
        dir: &Path,
        shown: Option<&str>,
        depth: usize,
    ) -> Result<String, String> {
        let mut out = String::with_capacity(text.len());
        let mut kept = 0;
        while let Some(found) = next_link(text, kept) {
            out.push_str(&text[kept..found.start]);
            let written = &text[found.start..found.end];
            kept = found.end;
            let fail = |why: String| {
                let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
                match shown {
                    Some(file) => format!("{written} (in {file}): {why}"),
                    None => format!("{written}: {why}"),
                }
            };
            let Some(link) = found.link else {
                out.push_str(written); // `{{#something}}` mdBook does not know: left as it is
                continue;
            };
            let (included, expanded) = match link {
                Link::Escaped => {
                    out.push_str(&written[1..]);
                    continue;
                }
                Link::Title(title) => {
                    let title = title.trim();
                    if !title.is_empty() {
                        self.title = Some(title.to_owned());
                    }
                    continue;
                }
                Link::Include { path, lines } => {
                    let file = self.read(dir, shown, path).map_err(fail)?;
                    let taken = take(&lines, &file.text, &file.shown).map_err(fail)?;
                    (file, taken)
                }
                Link::RustdocInclude { path, lines } => {
                    let file = self.read(dir, shown, path).map_err(fail)?;
                    let taken = take_rustdoc(&lines, &file.text, &file.shown).map_err(fail)?;
                    (file, taken)
                }
                Link::Playground { path, attributes } => {
                    let file = self.read(dir, shown, path).map_err(fail)?;
                    let info = if attributes.is_empty() {
                        "rust".to_owned()
                    } else {
                        format!("rust,{}", attributes.join(","))
                    };
                    let newline = if file.text.ends_with('\n') { "" } else { "\n" };
                    let block = format!("```{info}\n{}{newline}```\n", file.text);
                    (file, block)
                }
            };
            if depth >= MAX_DEPTH {
                return Err(fail(format!(
                    "includes are nested more than {MAX_DEPTH} deep (does a file include itself?)"
                )));
            }
            out.push_str(&self.expand(
                &expanded,
                &included.dir,
                Some(&included.shown),
                depth + 1,
            )?);
        }
        out.push_str(&text[kept..]);
        Ok(out)
    }

    /// The file `path` names, relative to `dir` (where the file `shown` that names it is).
    fn read(&self, dir: &Path, shown: Option<&str>, path: &str) -> Result<Included, String> {
        let file = dir.join(path);
        let shown = match shown.and_then(|s| s.rsplit_once('/')) {
            Some((parent, _)) => format!("{parent}/{path}"),
            None => path.to_owned(),
        };
        let mut text = crate::file::read_limited(&file, self.max_file_bytes)
            .map_err(|reason| format!("{shown} {reason}"))?;
        if text.contains('\r') {
            text = text.replace("\r\n", "\n");
        }
        let dir = file.parent().unwrap_or(dir).to_path_buf();
        Ok(Included { text, dir, shown })
    }
}

/// A preprocessor link, as mdBook's `links` preprocessor reads it.
#[derive(Debug, PartialEq)]
enum Link<'a> {
    /// `\{{#…}}`: shown as written, without the backslash.
    Escaped,
    Title(&'a str),
    Include {
        path: &'a str,
        lines: Lines<'a>,
    },
    RustdocInclude {
        path: &'a str,
        lines: Lines<'a>,
    },
    Playground {
        path: &'a str,
        attributes: Vec<&'a str>,
    },
}

/// Which lines of a file a link takes.
#[derive(Debug, PartialEq)]
enum Lines<'a> {
    /// From line `start` (0-based) to before `end`; `0..None` is the whole file.
    Range { start: usize, end: Option<usize> },
    /// Between `ANCHOR: name` and `ANCHOR_END: name`.
    Anchor(&'a str),
}

/// A match of mdBook's link pattern: `link` is `None` when it is not a link mdBook knows
/// (`{{#unknown x}}`), which is left as it is.
struct Found<'a> {
    start: usize,
    end: usize,
    link: Option<Link<'a>>,
}

/// The next link at or after `from`. mdBook's pattern: `\{{#` up to the last `}}` of its line
/// (escaped), or `{{`, optional whitespace, `#`, a name of ASCII letters, digits and `_`,
/// whitespace, then anything but `}` (line ends too) up to `}}`.
fn next_link(text: &str, from: usize) -> Option<Found<'_>> {
    let mut at = from;
    while let Some(offset) = text[at..].find(['\\', '{']) {
        let start = at + offset;
        if let Some(end) = escaped(text, start) {
            return Some(Found {
                start,
                end,
                link: Some(Link::Escaped),
            });
        }
        if let Some((end, link)) = link_at(text, start) {
            return Some(Found { start, end, link });
        }
        at = start + 1;
    }
    None
}

/// The end of an escaped link starting at `start`.
fn escaped(text: &str, start: usize) -> Option<usize> {
    let after = start + "\\{{#".len();
    if !text[start..].starts_with("\\{{#") {
        return None;
    }
    let line_end = text[after..].find('\n').map_or(text.len(), |n| after + n);
    text[after..line_end]
        .rfind("}}")
        .map(|close| after + close + 2)
}

/// The end of the link pattern starting at `start`, and the link it is.
fn link_at(text: &str, start: usize) -> Option<(usize, Option<Link<'_>>)> {
    if !text[start..].starts_with("{{") {
        return None;
    }
    let mut at = start + 2;
    at += whitespace(&text[at..]).len();
    at += text[at..].starts_with('#').then_some(1)?;
    let name_len = text[at..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &text[at..at + name_len];
    at += name_len;
    let space = whitespace(&text[at..]);
    if space.is_empty() {
        return None;
    }
    let mut args_start = at + space.len();
    let close = args_start + text[args_start..].find('}')?;
    if close == args_start {
        // The arguments need a character: the last whitespace character is given back.
        let (last, _) = space.char_indices().next_back()?;
        if last == 0 {
            return None;
        }
        args_start = at + last;
    }
    if !text[close..].starts_with("}}") {
        return None;
    }
    let args = &text[args_start..close];
    let link = if name == "title" {
        Some(Link::Title(args))
    } else {
        let mut words = args.split_whitespace();
        match (name, words.next()) {
            ("include", Some(target)) => {
                let (path, lines) = target_lines(target);
                Some(Link::Include { path, lines })
            }
            ("rustdoc_include", Some(target)) => {
                let (path, lines) = target_lines(target);
                Some(Link::RustdocInclude { path, lines })
            }
            // `playpen` is the old name mdBook still reads.
            ("playground" | "playpen", Some(path)) => Some(Link::Playground {
                path,
                attributes: words.collect(),
            }),
            _ => None,
        }
    };
    Some((close + 2, link))
}

/// The leading whitespace of `text`.
fn whitespace(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// `file.rs`, `file.rs:2`, `file.rs:2:10`, `file.rs:2:`, `file.rs::10` (lines counted from 1,
/// both ends included) or `file.rs:anchor`, read as mdBook reads them: a start that is not a
/// number is an anchor, an end that is not one means "to the end".
fn target_lines(target: &str) -> (&str, Lines<'_>) {
    let Some((path, spec)) = target.split_once(':') else {
        return (
            target,
            Lines::Range {
                start: 0,
                end: None,
            },
        );
    };
    let mut parts = spec.splitn(3, ':');
    let first = parts.next().unwrap_or_default();
    let start = match first.parse::<usize>() {
        Ok(line) => Some(line.saturating_sub(1)),
        Err(_) if first.is_empty() => None,
        Err(_) => return (path, Lines::Anchor(first)),
    };
    let end = parts.next().map(str::parse::<usize>);
    let lines = match (start, end) {
        (Some(start), Some(Ok(end))) => Lines::Range {
            start,
            end: Some(end),
        },
        (Some(start), Some(Err(_))) => Lines::Range { start, end: None },
        (Some(start), None) => Lines::Range {
            start,
            end: Some(start + 1),
        },
        (None, Some(Ok(end))) => Lines::Range {
            start: 0,
            end: Some(end),
        },
        (None, _) => Lines::Range {
            start: 0,
            end: None,
        },
    };
    (path, lines)
}

/// The lines `{{#include}}` takes. Lines with other anchors' markers are left out.
fn take(lines: &Lines, text: &str, shown: &str) -> Result<String, String> {
    match *lines {
        Lines::Range { start, end } => {
            check_range(start, end, text, shown)?;
            let count = end.map_or(usize::MAX, |end| end - start);
            Ok(text
                .lines()
                .skip(start)
                .take(count)
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Lines::Anchor(anchor) => {
            let mut taken = Vec::new();
            let mut found = false;
            for line in text.lines() {
                if !found {
                    found = anchor_name(line, START) == Some(anchor);
                } else if let Some(name) = anchor_name(line, END) {
                    if name == anchor {
                        break;
                    }
                } else if anchor_name(line, START).is_none() {
                    taken.push(line);
                }
            }
            if !found {
                return Err(no_anchor(anchor, shown));
            }
            Ok(taken.join("\n"))
        }
    }
}

/// The lines `{{#rustdoc_include}}` takes: the whole file, the lines outside the range or
/// anchor hidden behind `# ` (so a Rust code block does not show them). Lines with anchor
/// markers are left out.
fn take_rustdoc(lines: &Lines, text: &str, shown: &str) -> Result<String, String> {
    let mut out = Vec::new();
    match *lines {
        Lines::Range { start, end } => {
            check_range(start, end, text, shown)?;
            for (index, line) in text.lines().enumerate() {
                let inside = index >= start && end.is_none_or(|end| index < end);
                out.push(if inside {
                    line.to_owned()
                } else {
                    format!("# {line}")
                });
            }
        }
        Lines::Anchor(anchor) => {
            let (mut inside, mut found) = (false, false);
            for line in text.lines() {
                if inside {
                    if let Some(name) = anchor_name(line, END) {
                        inside = name != anchor;
                    } else if anchor_name(line, START).is_none() {
                        out.push(line.to_owned());
                    }
                } else if let Some(name) = anchor_name(line, START) {
                    inside = name == anchor;
                    found |= inside;
                } else if anchor_name(line, END).is_none() {
                    out.push(format!("# {line}"));
                }
            }
            if !found {
                return Err(no_anchor(anchor, shown));
            }
        }
    }
    Ok(out.join("\n"))
}

/// A range that takes no line of the file is a link that cannot be resolved (mdBook would
/// include nothing). An end past the file is read as "to the end", as mdBook does.
fn check_range(start: usize, end: Option<usize>, text: &str, shown: &str) -> Result<(), String> {
    if start == 0 && end.is_none() {
        return Ok(());
    }
    let count = text.lines().count();
    if start >= count {
        return Err(format!(
            "{shown} has {count} lines, and the range starts at line {}",
            start + 1
        ));
    }
    if end.is_some_and(|end| end <= start) {
        return Err(format!("the range takes no line of {shown}"));
    }
    Ok(())
}

fn no_anchor(anchor: &str, shown: &str) -> String {
    format!("{shown} has no anchor {anchor:?}")
}

const START: &str = "ANCHOR:";
const END: &str = "ANCHOR_END:";

/// The anchor a line marks with `marker` (`ANCHOR:` or `ANCHOR_END:`, anywhere in the line,
/// so inside any comment syntax): the name after it, of letters, digits, `_` and `-`.
fn anchor_name<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    line.match_indices(marker).find_map(|(at, _)| {
        let rest = line[at + marker.len()..].trim_start();
        let len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
            .map_or(rest.len(), |(i, _)| i);
        (len > 0).then(|| &rest[..len])
    })
}

/// The lines mdBook hides in code blocks, which its pages show only on request: in Rust blocks
/// those starting with `#` and a space (or a lone `#`, `##` showing a literal `#`); in other
/// languages those starting with the prefix `book.toml` sets
/// (`[output.html.code.hidelines]`) or the block's `hidelines=` attribute.
#[derive(Clone, Debug, Default)]
pub(crate) struct HiddenLines {
    /// Language → prefix, from `book.toml`.
    prefixes: HashMap<String, String>,
}

impl HiddenLines {
    pub fn new(prefixes: HashMap<String, String>) -> Self {
        HiddenLines { prefixes }
    }

    /// The code a reader sees of a fenced block with this info string (`rust,editable`).
    pub fn visible(&self, info: &str, code: &str) -> String {
        let mut words = info.split([' ', '\t', ',']).filter(|w| !w.is_empty());
        let Some(language) = words.next() else {
            return code.to_owned();
        };
        if language == "rust" {
            return keep_lines(code, rust_line);
        }
        let prefix = words
            .find_map(|w| w.strip_prefix("hidelines="))
            .or_else(|| self.prefixes.get(language).map(String::as_str));
        match prefix {
            Some(prefix) => keep_lines(code, |line| {
                (!line.trim_start().starts_with(prefix)).then(|| line.to_owned())
            }),
            None => code.to_owned(),
        }
    }
}

/// `code` with each line replaced by `keep`'s answer, or left out when it is `None`.
fn keep_lines(code: &str, keep: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let (content, newline) = match line.strip_suffix('\n') {
            Some(content) => (content, "\n"),
            None => (line, ""),
        };
        if let Some(kept) = keep(content) {
            out.push_str(&kept);
            out.push_str(newline);
        }
    }
    out
}

/// A Rust line as mdBook shows it (rustdoc's rule): hidden after `#` and a space or alone,
/// `##` shown as `#`.
fn rust_line(line: &str) -> Option<String> {
    let indent = whitespace(line);
    let Some(rest) = line[indent.len()..].strip_prefix('#') else {
        return Some(line.to_owned());
    };
    match rest.chars().next() {
        None | Some(' ') => None,
        Some('#') => Some(format!("{indent}{rest}")),
        Some(_) => Some(line.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapters(summary: &Summary) -> HashSet<&str> {
        summary.chapters.keys().map(String::as_str).collect()
    }

    fn book(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn expanded(dir: &Path, chapter_dir: &str, markdown: &str) -> Result<String, String> {
        expand(markdown, &dir.join(chapter_dir), 1 << 20).map(|e| e.markdown)
    }

    const LISTING: &str = "use std::io;\n// ANCHOR: all\n// ANCHOR: main\nfn main() {\n    // ANCHOR: body\n    let x = 1;\n    // ANCHOR_END: body\n    println!(\"{x}\");\n}\n// ANCHOR_END: main\n// ANCHOR_END: all\n";

    #[test]
    fn summary_lists_prefix_numbered_nested_and_suffix_chapters_not_drafts_or_titles() {
        let summary = parse_summary(
            "# Summary\n\n[Intro](./intro.md)\n\n---\n\n# Part [one](not-a-chapter.md)\n\n- [A](a.md)\n  - [A.1](a/one%20two.md)\n    - [Draft]()\n  * [A.2](a/../b/two.md)\n\n# Part two\n\n1. [C `code`](c/README.md)\n\n<!-- [commented](x.md) -->\n\n[Outro](outro.md)\n",
        )
        .unwrap();
        assert_eq!(
            chapters(&summary),
            HashSet::from([
                "intro.md",
                "a.md",
                "a/one two.md",
                "b/two.md",
                "c/README.md",
                "outro.md"
            ])
        );
        assert_eq!(summary.chapter("c/README.md"), Some("C code"));
        assert_eq!(summary.chapter("not-a-chapter.md"), None);
    }

    #[test]
    fn summary_mdbook_would_refuse_is_an_error() {
        let error = parse_summary("- [A](a.md)\n- Not a link\n").unwrap_err();
        assert!(
            error.starts_with("line 2: a list item that is not a link"),
            "{error}"
        );
        let error = parse_summary("- [A](a.md)\n  - [B](a.md)\n").unwrap_err();
        assert!(error.contains("lists a.md twice"), "{error}");
        let error = parse_summary("# Summary\n\n- [Draft]()\n").unwrap_err();
        assert!(error.starts_with("lists no chapter"), "{error}");
    }

    #[test]
    fn summary_is_read_from_the_content_folder_and_its_absence_stops_the_input() {
        let dir = book(&[("src/SUMMARY.md", "- [A](a.md)\n")]);
        let summary = Summary::read(&dir.path().join("src")).unwrap();
        assert_eq!(summary.chapter("a.md"), Some("A"));
        let error = Summary::read(dir.path()).unwrap_err().to_string();
        assert!(error.contains("SUMMARY.md: cannot be read"), "{error}");
    }

    #[test]
    fn include_takes_the_whole_file_or_its_lines() {
        let dir = book(&[("src/ch/code.rs", "one\ntwo\nthree\nfour\n")]);
        let x = |link: &str| expanded(dir.path(), "src/ch", link);
        assert_eq!(x("{{#include code.rs}}").unwrap(), "one\ntwo\nthree\nfour");
        assert_eq!(x("{{#include code.rs:2}}").unwrap(), "two");
        assert_eq!(x("{{#include code.rs:2:3}}").unwrap(), "two\nthree");
        assert_eq!(x("{{#include code.rs:3:}}").unwrap(), "three\nfour");
        assert_eq!(x("{{#include code.rs::2}}").unwrap(), "one\ntwo");
        // An end past the file is "to the end", as in mdBook.
        assert_eq!(x("{{#include code.rs:3:99}}").unwrap(), "three\nfour");
        assert_eq!(
            x("```\n{{ #include  code.rs:1 }}\n```\nafter {{#include code.rs:4}}").unwrap(),
            "```\none\n```\nafter four"
        );
    }

    #[test]
    fn include_takes_an_anchor_without_the_markers_of_others() {
        let dir = book(&[("src/listing.rs", LISTING)]);
        let x = |link: &str| expanded(dir.path(), "src", link);
        assert_eq!(
            x("{{#include listing.rs:main}}").unwrap(),
            "fn main() {\n    let x = 1;\n    println!(\"{x}\");\n}"
        );
        assert_eq!(x("{{#include listing.rs:body}}").unwrap(), "    let x = 1;");
        assert_eq!(
            x("{{#include listing.rs:all}}").unwrap(),
            x("{{#include listing.rs:main}}").unwrap()
        );
    }

    #[test]
    fn rustdoc_include_hides_the_rest_of_the_file() {
        let dir = book(&[("src/listing.rs", LISTING), ("src/short.rs", "a\nb\nc")]);
        let x = |link: &str| expanded(dir.path(), "src", link);
        assert_eq!(
            x("{{#rustdoc_include listing.rs:body}}").unwrap(),
            "# use std::io;\n# fn main() {\n    let x = 1;\n#     println!(\"{x}\");\n# }"
        );
        assert_eq!(x("{{#rustdoc_include short.rs:2}}").unwrap(), "# a\nb\n# c");
        assert_eq!(x("{{#rustdoc_include short.rs}}").unwrap(), "a\nb\nc");
    }

    #[test]
    fn playground_is_a_rust_block_with_its_attributes() {
        let dir = book(&[("src/ex/main.rs", "fn main() {}")]);
        let x = |link: &str| expanded(dir.path(), "src", link);
        assert_eq!(
            x("{{#playground ex/main.rs}}").unwrap(),
            "```rust\nfn main() {}\n```\n"
        );
        assert_eq!(
            x("{{#playground ex/main.rs editable edition2021}}").unwrap(),
            "```rust,editable,edition2021\nfn main() {}\n```\n"
        );
    }

    #[test]
    fn nested_includes_resolve_from_the_including_file() {
        let dir = book(&[
            ("src/parts/a.md", "A then {{#include sub/b.md}}"),
            ("src/parts/sub/b.md", "B then {{#include c.txt:1}}"),
            ("src/parts/sub/c.txt", "C\nnot this"),
        ]);
        assert_eq!(
            expanded(dir.path(), "src", "{{#include parts/a.md}}").unwrap(),
            "A then B then C"
        );
    }

    #[test]
    fn escapes_titles_and_unknown_links() {
        let dir = book(&[("src/a.rs", "code")]);
        let out = expand(
            "{{#title  Custom title }}\n# Heading\n\nWrite `\\{{#include a.rs}}`\nfor {{#include a.rs}}; {{#unknown a.rs}} {{#include}}",
            &dir.path().join("src"),
            1 << 20,
        )
        .unwrap();
        assert_eq!(out.title.as_deref(), Some("Custom title"));
        assert_eq!(
            out.markdown,
            "\n# Heading\n\nWrite `{{#include a.rs}}`\nfor code; {{#unknown a.rs}} {{#include}}"
        );
        // As in mdBook, an escape runs to the last `}}` of its line.
        assert_eq!(
            expanded(
                dir.path(),
                "src",
                "\\{{#include a.rs}} {{#include a.rs}}\n{{#include a.rs}}"
            )
            .unwrap(),
            "{{#include a.rs}} {{#include a.rs}}\ncode"
        );
    }

    #[test]
    fn links_that_cannot_be_resolved_fail_naming_the_link() {
        let dir = book(&[
            ("src/a.rs", "one\ntwo"),
            ("src/listing.rs", LISTING),
            ("src/inc/outer.md", "{{#include missing.md}}"),
            ("src/loop.md", "{{#include loop.md}}"),
        ]);
        std::fs::write(dir.path().join("src/bad.bin"), [0xff, 0xfe]).unwrap();
        let x = |link: &str| expanded(dir.path(), "src", link).unwrap_err();
        let error = x("text {{#include nope.rs}}");
        assert!(
            error.starts_with("{{#include nope.rs}}: nope.rs cannot be read: "),
            "{error}"
        );
        assert_eq!(
            x("{{#include listing.rs:missing}}"),
            "{{#include listing.rs:missing}}: listing.rs has no anchor \"missing\""
        );
        assert_eq!(
            x("{{#rustdoc_include listing.rs:missing}}"),
            "{{#rustdoc_include listing.rs:missing}}: listing.rs has no anchor \"missing\""
        );
        assert_eq!(
            x("{{#include a.rs:3}}"),
            "{{#include a.rs:3}}: a.rs has 2 lines, and the range starts at line 3"
        );
        assert_eq!(
            x("{{#include a.rs:2:1}}"),
            "{{#include a.rs:2:1}}: the range takes no line of a.rs"
        );
        let error = x("{{#include inc/outer.md}}");
        assert!(
            error.starts_with(
                "{{#include missing.md}} (in inc/outer.md): inc/missing.md cannot be read: "
            ),
            "{error}"
        );
        let error = x("{{#include loop.md}}");
        assert!(error.contains("nested more than 10 deep"), "{error}");
        assert!(
            x("{{#include bad.bin}}").starts_with("{{#include bad.bin}}: bad.bin is not UTF-8"),
            "{}",
            x("{{#include bad.bin}}")
        );
        let error = expand("{{#include a.rs}}", &dir.path().join("src"), 3).unwrap_err();
        assert!(
            error.contains("a.rs is 7 bytes, more than the limit of 3"),
            "{error}"
        );
    }

    #[test]
    fn hidden_lines_are_left_out_of_rust_blocks_and_blocks_with_a_prefix() {
        let hidden = HiddenLines::new(HashMap::from([("python".into(), "~".into())]));
        assert_eq!(
            hidden.visible(
                "rust,editable",
                "# fn main() {\n#\n    let x = 5;\n    ## not hidden\n    #[derive(Debug)]\n    #hash\n# }\n"
            ),
            "    let x = 5;\n    # not hidden\n    #[derive(Debug)]\n    #hash\n"
        );
        assert_eq!(
            hidden.visible("python", "~hidden()\nshown()\n  ~hidden()\n"),
            "shown()\n"
        );
        assert_eq!(
            hidden.visible("text hidelines=!!", "!!hidden\nshown\n"),
            "shown\n"
        );
        assert_eq!(hidden.visible("toml", "# a comment\n"), "# a comment\n");
        assert_eq!(hidden.visible("", "# x\n"), "# x\n");
    }
}
