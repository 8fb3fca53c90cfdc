//! Python-Markdown's block and line syntax made Markdown pulldown-cmark renders as the site
//! does: content tabs, mkdocstrings blocks, attribute lists, abbreviations, admonition
//! titles, definitions, and each other line's inline syntax (icons, emoji, keys, marks,
//! reference links).

use super::*;

/// `text` with only the last definition of each link reference label (`[label]: url`), as
/// Python-Markdown uses the last where CommonMark uses the first, and the labels defined,
/// normalized. Definitions in code are not definitions; footnotes (`[^1]:`) are not links.
pub(super) fn reference_definitions(text: &str) -> (String, HashSet<String>) {
    static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*\[([^\]\n^][^\]\n]*)\]:[ \t]*\S").expect("a valid pattern")
    });
    let mut fences = Fences::default();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut definition_lines = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if fences.inside(line) {
            continue;
        }
        if let Some(caps) = DEFINITION.captures(line) {
            last.insert(label(&caps[1]), n);
            definition_lines.push((n, label(&caps[1])));
        }
    }
    let dropped: HashSet<usize> = definition_lines
        .into_iter()
        .filter(|(n, label)| last.get(label) != Some(n))
        .map(|(n, _)| n)
        .collect();
    let labels = last.into_keys().collect();
    if dropped.is_empty() {
        return (text.to_owned(), labels);
    }
    let text = lines
        .iter()
        .enumerate()
        .filter(|(n, _)| !dropped.contains(n))
        .map(|(_, line)| *line)
        .collect::<Vec<_>>()
        .join("\n");
    (text, labels)
}

/// A reference label as link matching compares them: case and inner whitespace ignored.
pub(super) fn label(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) static TAB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^===(?:\+!|!\+|\+|!)? +"(.*?)" *$"#).expect("the tab pattern is valid")
});
pub(super) static ADMONITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?:!!!|\?\?\?\+?) ?([\w-]+)(?: +[\w-]+)*(?: +"(.*?)")? *$"#)
        .expect("the admonition pattern is valid")
});
pub(super) static MKDOCSTRINGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:#{1,6} *)?::: ?(\S.*?) *$").expect("the mkdocstrings pattern is valid")
});
/// pymdownx.keys, pymdownx.mark (`==text==`), pymdownx.caret (`^^text^^`): the text
/// neither starts nor ends with a space.
/// pymdownx.emoji's shortcode: a name between colons (icons are removed before).
pub(super) static EMOJI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":([a-z0-9_+-]+):").expect("the emoji pattern is valid"));
pub(super) static KEYS: LazyLock<Regex> = LazyLock::new(|| {
    let key = r#"(?:[\w-]+|"[^"\n]+"|'[^'\n]+')"#;
    Regex::new(&format!(r"\+\+({key}(?:\+{key})*)\+\+")).expect("the keys pattern is valid")
});
pub(super) static MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"==([^\s=](?:[^\n]*?[^\s=])?)==").expect("the mark pattern is valid")
});
pub(super) static INSERT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\^\^([^\s^](?:[^\n]*?[^\s^])?)\^\^").expect("the insert pattern is valid")
});
/// pymdownx.smartsymbols' marks, longest first.
pub(super) static SMART_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<-->|<==>|-->|<--|==>|<==|=/=|\+/-|\(tm\)|\(c\)|\(r\)|\bc/o\b|\b(?:1/4|1/2|3/4|1/3|2/3|1/8|3/8|5/8|7/8)\b")
        .expect("the smart symbol pattern is valid")
});
/// `1st`, `22nd`, `3rd`, `4th`: the suffix raised.
pub(super) static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+)(st|nd|rd|th)\b").expect("the ordinal pattern is valid"));

/// Whether `found`, at `at` in `line`, is a word of its own: spaces (or an opening
/// parenthesis) before it, spaces or punctuation after it.
fn whole_word(line: &str, found: &str, at: usize) -> bool {
    let before = line[..at].chars().next_back();
    let after = line[at + found.len()..].chars().next();
    matches!(before, None | Some(' ' | '\t' | '('))
        && after.is_none_or(|c| c.is_whitespace() || ".,;:!?)".contains(c))
}

/// The symbol a smartsymbols mark stands for.
fn smart_symbol(mark: &str) -> Option<&'static str> {
    Some(match mark {
        "(tm)" => "™",
        "(c)" => "©",
        "(r)" => "®",
        "c/o" => "℅",
        "+/-" => "±",
        "-->" => "→",
        "<--" => "←",
        "<-->" => "↔",
        "==>" => "⇒",
        "<==" => "⇐",
        "<==>" => "⇔",
        "=/=" => "≠",
        "1/4" => "¼",
        "1/2" => "½",
        "3/4" => "¾",
        "1/3" => "⅓",
        "2/3" => "⅔",
        "1/8" => "⅛",
        "3/8" => "⅜",
        "5/8" => "⅝",
        "7/8" => "⅞",
        _ => return None,
    })
}

pub(super) static DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ ]{0,3}:[ ]{1,3}\S").expect("the definition pattern is valid"));
pub(super) static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\[[^\\\n]*?\][ ]?:").expect("the abbreviation pattern is valid")
});
pub(super) static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // A footnote's definition takes indented paragraphs as a list item does.
    Regex::new(r"^ {0,3}(?:[-*+]|[0-9]+[.)]|\[\^[^\]]+\]:)(?:[ \t]|$)")
        .expect("the list pattern is valid")
});
/// An attribute list, Python-Markdown's `{: … }` (the colon optional).
pub(super) const ATTRS: &str = r"\{:?[ ]*[^ }\n][^}\n]*\}";
pub(super) static ATTR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[ ]*{ATTRS}[ ]*$")).expect("the attribute line pattern is valid")
});
pub(super) static ATTR_INLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(ATTRS).expect("the attribute pattern is valid"));
pub(super) static HEADING_ATTRS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(#{{1,6}}[ \t].*?)[ ]+({ATTRS})[ ]*$"))
        .expect("the heading attribute pattern is valid")
});

pub(super) struct Pass<'a> {
    pub(super) refs: &'a HashSet<String>,
    pub(super) inline_extensions: InlineExtensions,
    /// `def_list` is on: `:   ` lines are definitions.
    pub(super) definitions: bool,
    pub(super) icons: &'a Regex,
    pub(super) dropped: &'a mut Vec<String>,
}

impl Pass<'_> {
    /// One level of blocks (the page, or a container's body already dedented).
    pub(super) fn blocks(&mut self, text: &str) -> String {
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
    pub(super) fn line(
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
    pub(super) fn flush(&mut self, para: &mut String, out: &mut String) {
        if !para.is_empty() {
            out.push_str(&self.inline(para));
            para.clear();
        }
    }

    /// A line's inline syntax: icons and attribute lists removed, unresolved reference links
    /// made text. Code spans are left as they are.
    pub(super) fn inline(&mut self, line: &str) -> String {
        let mut line = remove_outside_code(line, self.icons, |_| true);
        let wrap = |tag: &'static str| {
            move |_: &str, caps: &regex::Captures<'_>| Some(format!("<{tag}>{}</{tag}>", &caps[1]))
        };
        if self.inline_extensions.keys {
            line = replace_outside_code(&line, &KEYS, |_, caps| Some(keys(caps)));
        }
        if self.inline_extensions.emoji {
            line = replace_outside_code(&line, &EMOJI, |_, caps| {
                super::super::markdown::emoji(&caps[1]).map(str::to_owned)
            });
        }
        // Words of text only: not in a URL (`https://x/1/2`, `](docs/1st.md)`), and not on a
        // line with an HTML comment (`<!-- md:version -->`), whose `-->` must stay.
        if self.inline_extensions.smartsymbols && !line.contains("<!--") {
            let original = line.clone();
            line = replace_outside_code(&line, &SMART_SYMBOL, |_, caps| {
                whole_word(&original, &caps[0], caps.get(0)?.start())
                    .then(|| smart_symbol(&caps[0]).map(str::to_owned))?
            });
            let original = line.clone();
            line = replace_outside_code(&line, &ORDINAL, |_, caps| {
                whole_word(&original, &caps[0], caps.get(0)?.start())
                    .then(|| format!("{}<sup>{}</sup>", &caps[1], &caps[2]))
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
    pub(super) fn references(&self, line: &str) -> String {
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
            // `- [x] [Label]`: a task's box, then a link (pymdownx.tasklist).
            let before = line[..open].trim_start();
            let list_marker = before.trim_end().len() < before.len()
                && (matches!(before.trim_end(), "-" | "*" | "+")
                    || before
                        .trim_end()
                        .strip_suffix(['.', ')'])
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
            if list_marker && matches!(text, "x" | "X" | " ") {
                continue;
            }
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
            if gap > 0 && !line[middle + 1..label_start - 1].contains('\n') {
                // Two bracketed texts, not a link, in Python-Markdown too. Across a line
                // break it is a reference written over two lines, unresolved like any other.
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
pub(super) fn admonition_label(kind: &str) -> String {
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
pub(super) fn opening_bracket(
    line: &str,
    close: usize,
    in_code: &dyn Fn(usize) -> bool,
) -> Option<usize> {
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
pub(super) fn escaped(line: &str, at: usize) -> bool {
    let backslashes = line.as_bytes()[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    backslashes % 2 == 1
}

/// Whether an attribute list right after `before` belongs to an inline element: a link or
/// image `)`, a reference `]`, a code span, emphasis, an inline HTML tag.
pub(super) fn attaches(before: &str) -> bool {
    match before.chars().next_back() {
        Some(')') => before.contains("]("),
        Some(']' | '`' | '*' | '_' | '>' | '~' | '=' | '^' | '+') => true,
        _ => false,
    }
}

/// A heading's trailing attribute list: gone, but for its `#id`, which pulldown-cmark's
/// heading attributes keep as the heading's id.
pub(super) fn heading_attributes(line: &str) -> String {
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
pub(super) fn remove_outside_code(
    line: &str,
    pattern: &Regex,
    keep: impl Fn(&str) -> bool,
) -> String {
    replace_outside_code(line, pattern, |before, _| keep(before).then(String::new))
}

/// `line` with the matches of `pattern` that lie outside code spans replaced by what
/// `replace` (given the text before the match, earlier replacements done, and the match)
/// returns; `None` keeps a match.
pub(super) fn replace_outside_code(
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
pub(super) fn keys(caps: &regex::Captures<'_>) -> String {
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
            format!("<kbd>{}</kbd>", super::super::markdown::escape(&name))
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// pymdownx.inlinehilite: a code span's language (`#!python `, `:::python `) is not shown.
pub(super) fn without_shebangs(line: &str) -> String {
    static LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?::{3,}|#!)[\w#.+-]*\s+").expect("the language pattern is valid")
    });
    let mut line = line.to_owned();
    for (start, end) in code_spans(&line).into_iter().rev() {
        let ticks = line[start..].bytes().take_while(|&b| b == b'`').count();
        let inner = start + ticks;
        if let Some(found) = LANGUAGE.find(&line[inner..end - ticks]) {
            // Code that starts with a backtick keeps a space from its delimiters.
            let gap = if line[inner + found.end()..].starts_with('`') {
                " "
            } else {
                ""
            };
            line.replace_range(inner..inner + found.end(), gap);
        }
    }
    line
}

/// The byte ranges of a line's code spans (backtick runs closed by a run of the same
/// length).
pub(super) fn code_spans(line: &str) -> Vec<(usize, usize)> {
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
pub(super) fn indent(line: &str) -> usize {
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
pub(super) fn indented_body(lines: &[&str], start: usize) -> (usize, String) {
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
pub(super) fn dedent(line: &str) -> String {
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
pub(super) fn reindent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            out.push_str("    ");
        }
        out.push_str(line);
    }
    out
}
