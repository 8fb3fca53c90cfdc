//! pymdownx.snippets: `--8<--` lines and blocks, line ranges and named sections, found in
//! the configured base paths, expanded before anything else (inside code fences too).

use super::*;

/// A snippet line: `--8<-- "path"`, a lone `--8<--`, or either escaped with `;`.
pub(super) enum SnippetLine<'a> {
    Escaped,
    Inline { space: &'a str, path: &'a str },
    Block,
}

pub(super) fn snippet_line(line: &str) -> Option<SnippetLine<'_>> {
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
pub(super) fn marker(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches('-');
    if rest.len() == text.len() {
        return None;
    }
    let rest = rest.strip_prefix("8<")?;
    let after = rest.trim_start_matches('-');
    (after.len() != rest.len()).then_some(after)
}

/// A section marker `--8<-- [start:name]` somewhere in a line.
pub(super) struct Section<'a> {
    /// The line without the escape's first `;` (when escaped).
    pub(super) unescaped: Option<String>,
    pub(super) start: bool,
    pub(super) name: &'a str,
}

pub(super) static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?P<pre>.*?)(?P<escape>;*)-+8<-+[ \t]+\[[ \t]*(?P<kind>start|end)[ \t]*:[ \t]*(?P<name>[a-z][-_0-9a-z]*)[ \t]*\]",
    )
    .expect("the section pattern is valid")
});

pub(super) fn section_marker(line: &str) -> Option<Section<'_>> {
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
pub(super) struct Target {
    pub(super) path: String,
    /// `(start, end)` as pymdownx slices them: 0-based start, end excluded, negative from
    /// the end.
    pub(super) ranges: Vec<(Option<i64>, Option<i64>)>,
    pub(super) section: Option<String>,
}

pub(super) fn target(spec: &str) -> Option<Target> {
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
pub(super) fn is_ranges(text: &str) -> bool {
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

pub(super) struct Includer<'a> {
    pub(super) config: &'a Snippets,
    pub(super) max_bytes: u64,
    /// The snippet files being expanded (a file never includes itself).
    pub(super) seen: Vec<PathBuf>,
    pub(super) dropped: &'a mut Vec<String>,
}

impl Includer<'_> {
    /// pymdownx's `parse_snippets`: `lines` with their snippets expanded.
    pub(super) fn parse(&mut self, lines: Vec<String>, is_section: bool) -> Vec<String> {
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

    pub(super) fn include(&mut self, space: &str, spec: &str, out: &mut Vec<String>) {
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
    pub(super) fn find(&self, path: &str) -> Option<PathBuf> {
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
pub(super) fn lexical(path: &Path) -> PathBuf {
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
pub(super) fn read_lines(path: &Path, max_bytes: u64) -> Result<Vec<String>, String> {
    let text = crate::file::read_limited(path, max_bytes)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.is_empty() {
        return Ok(Vec::new());
    }
    Ok(text.split('\n').map(str::to_owned).collect())
}

/// The lines between `--8<-- [start:name]` and `--8<-- [end:name]`, other sections'
/// markers left out; `None` when there is no such section.
pub(super) fn extract_section(name: &str, lines: &[String]) -> Option<Vec<String>> {
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
pub(super) fn extract_lines(
    ranges: &[(Option<i64>, Option<i64>)],
    lines: &[String],
) -> Vec<String> {
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
