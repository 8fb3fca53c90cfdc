//! Markdown (and MDX) to HTML, the way a docs site renders it for a reader: tables,
//! footnotes, task lists, strikethrough and GitHub alerts (pulldown-cmark), admonitions as a
//! titled block, MDX's `import`/`export` lines and JSX tags dropped (their text kept), the
//! code lines mdBook hides left out, and every link and image destination handed to the
//! caller to rewrite as it is rendered.

use std::sync::LazyLock;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use regex::Regex;

use super::mdbook::HiddenLines;

/// Which extensions of plain Markdown a file uses.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Syntax<'a> {
    /// Docusaurus admonitions: `:::note Title` … `:::` (also `:::note[Title]`).
    pub colon_admonitions: bool,
    /// MkDocs (Python-Markdown) admonitions: `!!! note "Title"` and `??? note` with a body
    /// indented by four spaces.
    pub bang_admonitions: bool,
    /// An `.mdx` file, or any Markdown of a Docusaurus 3 site (it reads `.md` as MDX too):
    /// `import`/`export` blocks and JSX tags are dropped, their text kept.
    pub mdx: bool,
    /// Heading attributes `## Title {#custom-id .class}` (Docusaurus, MkDocs' `attr_list`,
    /// Hugo's Goldmark): the id set on the heading, not shown as text.
    pub heading_attributes: bool,
    /// An mdBook chapter: the lines its code blocks hide are left out (readers do not see
    /// them).
    pub hidden_lines: Option<&'a HiddenLines>,
    /// A code block's `title="file.py"` (Docusaurus, MkDocs Material) shown above it, as the
    /// site shows it.
    pub code_titles: bool,
    /// Definition lists (`Term` then `: definition`), as Hugo's Goldmark renders them.
    pub definition_lists: bool,
    /// Emoji shortcodes (`:smile:`) outside code as the emoji (Hugo's `enableEmoji`).
    pub emoji: bool,
    /// An alert's own title on its first line (`> [!NOTE] Modules`, foldable `[!TIP]+`), as
    /// Hugo renders it: the title instead of the kind's name.
    pub alert_titles: bool,
    /// docusaurus-remark-plugin-tab-blocks: a code block marked `tab` is a tab, labelled
    /// with its language's name (`js` → JavaScript) or its `tab={"label": …}`.
    pub tab_blocks: bool,
    /// Python-Markdown's lists (MkDocs): an item's content is what is indented by four
    /// spaces, whatever the width of its marker, so a list nests only by four.
    pub python_lists: bool,
    /// GFM's autolinks of bare URLs (`https://…`, `www.…`) in text: Hugo's Goldmark (its
    /// Linkify) and Docusaurus (remark-gfm) make them links.
    pub autolinks: bool,
}

/// A rendered body and its first heading.
pub(crate) struct Rendered {
    pub html: String,
    pub heading: Option<String>,
    /// The first level-1 heading (MkDocs titles a page by it, not by a lower one).
    pub h1: Option<String>,
    /// The Markdown holds raw HTML (its links are not among those rewritten).
    pub raw_html: bool,
}

/// Renders `body` (front matter already removed). `rewrite` gets every link and image
/// destination and returns the one to use instead, or `None` to keep it.
pub(crate) fn render(
    body: &str,
    syntax: Syntax<'_>,
    rewrite: &dyn Fn(&str) -> Option<String>,
) -> Rendered {
    let mut source = if syntax.mdx {
        drop_jsx_expressions(&drop_esm(body))
    } else {
        body.to_owned()
    };
    if syntax.colon_admonitions {
        source = colon_admonitions(&source);
    }
    if syntax.bang_admonitions {
        source = bang_admonitions(&source);
    }
    if syntax.python_lists {
        source = python_markdown_lists(&source);
    }
    let mut alert_titles = Vec::new().into_iter();
    if syntax.alert_titles {
        let (plain, titles) = titled_alerts(&source);
        source = plain;
        alert_titles = titles.into_iter();
    }
    let mut in_code_block = false;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let options = if syntax.heading_attributes {
        options | Options::ENABLE_HEADING_ATTRIBUTES
    } else {
        options
    };
    let options = if syntax.definition_lists {
        options | Options::ENABLE_DEFINITION_LIST
    } else {
        options
    };
    let mut heading: Option<String> = None;
    let mut in_first_heading = false;
    let mut h1: Option<String> = None;
    let mut in_first_h1 = false;
    // A fenced code block whose hidden lines are left out: its info string and text so far.
    let mut code: Option<(String, String)> = None;
    let mut events = Vec::new();
    let mut raw_html = false;
    for mut event in Parser::new_ext(&source, options) {
        raw_html |= matches!(event, Event::Html(_) | Event::InlineHtml(_));
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            _ => {}
        }
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &event
            && syntax.tab_blocks
            && let Some(label) = tab_block_label(info)
        {
            events.extend([
                Event::Start(Tag::Paragraph),
                Event::Start(Tag::Strong),
                Event::Text(CowStr::from(label)),
                Event::End(TagEnd::Strong),
                Event::End(TagEnd::Paragraph),
            ]);
        }
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &event
            && syntax.code_titles
            && let Some(title) = code_title(info)
        {
            events.extend([
                Event::Start(Tag::Paragraph),
                Event::Code(CowStr::from(title.to_owned())),
                Event::End(TagEnd::Paragraph),
            ]);
        }
        match &mut event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if syntax.hidden_lines.is_some() =>
            {
                code = Some((info.to_string(), String::new()));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, code)) = code.as_mut() {
                    code.push_str(text);
                }
                continue;
            }
            Event::End(TagEnd::CodeBlock) => {
                if let (Some((info, text)), Some(hidden)) = (code.take(), syntax.hidden_lines) {
                    events.push(Event::Text(CowStr::from(hidden.visible(&info, &text))));
                }
            }
            Event::Start(Tag::Heading { level, .. }) if heading.is_none() || h1.is_none() => {
                if heading.is_none() {
                    in_first_heading = *level <= HeadingLevel::H6;
                    heading = Some(String::new());
                }
                if h1.is_none() && *level == HeadingLevel::H1 {
                    in_first_h1 = true;
                    h1 = Some(String::new());
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                in_first_heading = false;
                in_first_h1 = false;
            }
            Event::Text(text) | Event::Code(text) if in_first_heading || in_first_h1 => {
                if let Some(h) = heading.as_mut().filter(|_| in_first_heading) {
                    h.push_str(text);
                }
                if let Some(h) = h1.as_mut().filter(|_| in_first_h1) {
                    h.push_str(text);
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                if let Some(new) = rewrite(dest_url) {
                    *dest_url = CowStr::from(new);
                }
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, label) = alert(*kind);
                let title = alert_titles.next().flatten();
                let label = title.map_or_else(|| label.to_owned(), |t| escape(&t));
                event = Event::Html(CowStr::from(format!(
                    "<aside class=\"admonition admonition-{class}\">\n<p><strong>{label}</strong></p>\n"
                )));
            }
            Event::Text(text) if syntax.emoji && !in_code_block && text.contains(':') => {
                let replaced = EMOJI.replace_all(text, |caps: &regex::Captures<'_>| {
                    emoji(&caps[1]).map_or_else(|| caps[0].to_owned(), str::to_owned)
                });
                if let std::borrow::Cow::Owned(replaced) = replaced {
                    *text = CowStr::from(replaced);
                }
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                event = Event::Html(CowStr::from("</aside>\n"));
            }
            Event::Html(html) | Event::InlineHtml(html) if syntax.mdx => {
                let stripped = strip_jsx(html);
                if stripped.len() != html.len() {
                    *html = CowStr::from(stripped);
                }
            }
            _ => {}
        }
        events.push(event);
    }
    if syntax.autolinks {
        events = with_autolinks(events);
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html,
        heading: heading.and_then(|h| super::front_matter::non_empty(&h)),
        h1: h1.and_then(|h| super::front_matter::non_empty(&h)),
        raw_html,
    }
}

/// `events` with the bare URLs of their text made links: not in code, not in a link (of
/// Markdown or raw HTML). Runs of text are joined first (the parser splits them where
/// emphasis might start: `a_(b)`).
fn with_autolinks(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = false;
    let mut links_open = 0usize;
    let mut pending: Option<String> = None;
    let flush = |pending: &mut Option<String>, out: &mut Vec<Event<'_>>, linkable: bool| {
        if let Some(text) = pending.take() {
            match autolinked(&text).filter(|_| linkable) {
                Some(linked) => out.extend(linked),
                None => out.push(Event::Text(CowStr::from(text))),
            }
        }
    };
    for event in events {
        if let Event::Text(text) = &event {
            pending.get_or_insert_with(String::new).push_str(text);
            continue;
        }
        flush(&mut pending, &mut out, !in_code && links_open == 0);
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { .. }) => links_open += 1,
            Event::End(TagEnd::Link) => links_open = links_open.saturating_sub(1),
            Event::InlineHtml(html) if html.starts_with("<a ") || html.as_ref() == "<a>" => {
                links_open += 1;
            }
            Event::InlineHtml(html) if html.starts_with("</a") => {
                links_open = links_open.saturating_sub(1);
            }
            _ => {}
        }
        out.push(event);
    }
    flush(&mut pending, &mut out, !in_code && links_open == 0);
    out
}

/// `text` as text and links, when it holds a bare URL (GFM's extended autolinks: `http://`,
/// `https://` or `www.`, up to a space or `<`, without trailing punctuation or an unmatched
/// closing parenthesis).
fn autolinked(text: &str) -> Option<Vec<Event<'static>>> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b(?:https?://)|\bwww\.)[^\s<]+").expect("the URL pattern is valid")
    });
    let mut events = Vec::new();
    let mut kept = 0;
    for found in URL.find_iter(text) {
        let mut url = found.as_str();
        loop {
            let trimmed = url.trim_end_matches(['?', '!', '.', ',', ':', '*', '_', '~', '\'', '"']);
            let trimmed = if trimmed.ends_with(')')
                && trimmed.matches(')').count() > trimmed.matches('(').count()
            {
                &trimmed[..trimmed.len() - 1]
            } else {
                trimmed
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        let host = url
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        if host.is_empty() || !host.contains('.') {
            continue;
        }
        let dest = if url.starts_with("www.") {
            format!("http://{url}")
        } else {
            url.to_owned()
        };
        if found.start() > kept {
            events.push(Event::Text(CowStr::from(
                text[kept..found.start()].to_owned(),
            )));
        }
        events.extend([
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Autolink,
                dest_url: CowStr::from(dest),
                title: CowStr::from(""),
                id: CowStr::from(""),
            }),
            Event::Text(CowStr::from(url.to_owned())),
            Event::End(TagEnd::Link),
        ]);
        kept = found.start() + url.len();
    }
    if kept == 0 {
        return None;
    }
    events.push(Event::Text(CowStr::from(text[kept..].to_owned())));
    Some(events)
}

/// `source` with each list item's marker written so that CommonMark sees the content Python-
/// Markdown sees: the marker at a multiple of four spaces (zero to three leading spaces are
/// a top-level item), its text four columns further (`  2.  Text` → `2.  Text`, `- a` →
/// `-   a`). Python-Markdown takes the lines indented by four more as the item's, and
/// nests a list only four spaces in (`- a` then `  - b` are one list). A marker four or
/// more spaces in counts only within a list (else it is code); fenced code, at any indent,
/// is left as it is, and so is a marker too wide to fit (`100.`).
fn python_markdown_lists(source: &str) -> String {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^( *)([-*+]|\d{1,9}[.)])( +)(\S.*)?$").expect("the list item pattern is valid")
    });
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    let mut fence: Option<(String, usize)> = None;
    let mut in_list = false;
    let mut after_blank = false;
    for line in source.split_inclusive('\n') {
        let text = line.trim_end_matches('\n');
        let trimmed = text.trim_start();
        // Fences at any indent: superfences inside list items are indented.
        let run = |c: char| trimmed.chars().take_while(|x| *x == c).count();
        match &fence {
            Some((marker, n)) => {
                if trimmed.starts_with(marker.as_str())
                    && run(marker.chars().next().unwrap_or('`')) >= *n
                    && trimmed.trim_end().chars().all(|c| marker.starts_with(c))
                {
                    fence = None;
                }
                out.push_str(line);
                continue;
            }
            None => {
                for c in ['`', '~'] {
                    if run(c) >= 3 {
                        fence = Some((c.to_string(), run(c)));
                    }
                }
                if fence.is_some() {
                    out.push_str(line);
                    continue;
                }
            }
        }
        if trimmed.is_empty() {
            after_blank = true;
            out.push_str(line);
            continue;
        }
        let indent = text.len() - trimmed.len();
        match ITEM.captures(text) {
            Some(caps) if indent < 4 || in_list => {
                let level = indent / 4;
                let marker = &caps[2];
                let content = caps.get(4).map_or("", |c| c.as_str());
                in_list = true;
                after_blank = false;
                if marker.len() >= 4 || content.is_empty() {
                    out.push_str(line);
                    continue;
                }
                out.push_str(&" ".repeat(level * 4));
                out.push_str(marker);
                out.push_str(&" ".repeat(4 - marker.len()));
                out.push_str(content);
                out.push_str(&line[text.len()..]);
            }
            _ => {
                // An unindented paragraph after a blank line ends the list.
                if indent < 4 && after_blank {
                    in_list = false;
                }
                after_blank = false;
                out.push_str(line);
            }
        }
    }
    out
}

/// The emoji a shortcode names: GitHub's names (`raising_hand_man`), or the names of the
/// EmojiOne/Twemoji index pymdownx.emoji uses, which put the gender first
/// (`man_raising_hand`, `woman_in_lotus_position`).
pub(super) fn emoji(shortcode: &str) -> Option<&'static str> {
    if let Some(found) = emojis::get_by_shortcode(shortcode) {
        return Some(found.as_str());
    }
    let (gender, rest) = shortcode
        .strip_prefix("man_")
        .map(|rest| ("man", rest))
        .or_else(|| shortcode.strip_prefix("woman_").map(|rest| ("woman", rest)))?;
    [rest, rest.strip_prefix("in_").unwrap_or(rest)]
        .iter()
        .find_map(|rest| emojis::get_by_shortcode(&format!("{rest}_{gender}")))
        .map(|e| e.as_str())
}

/// An emoji shortcode: a name between colons.
static EMOJI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":([a-z0-9_+-]+):").expect("the emoji pattern is valid"));

/// `source` with each alert's own title (`> [!NOTE] Title`, `> [!TIP]+ Title`) taken off its
/// first line, and for each alert line outside code, in order, its title if it had one.
fn titled_alerts(source: &str) -> (String, Vec<Option<String>>) {
    static ALERT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\s{0,3}>\s?)\[!((?i:note|tip|important|warning|caution))\][+-]?(?:[ \t]+(.*?))?[ \t]*$")
            .expect("the alert pattern is valid")
    });
    let mut fences = Fences::default();
    let mut titles = Vec::new();
    let mut out = String::with_capacity(source.len());
    // The parser takes an alert's marker only on its blockquote's first line, and only the
    // five kinds GitHub has: the titles must pair with the alerts it finds, in order.
    let mut in_quote = false;
    for line in source.split_inclusive('\n') {
        let text = line.trim_end_matches('\n');
        let first_quote_line = !in_quote;
        in_quote = text.trim_start().starts_with('>');
        if !fences.inside(text)
            && first_quote_line
            && let Some(caps) = ALERT.captures(text)
        {
            let title = caps
                .get(3)
                .map(|t| t.as_str().to_owned())
                .filter(|t| !t.is_empty());
            titles.push(title);
            out.push_str(&format!("{}[!{}]", &caps[1], caps[2].to_uppercase()));
            out.push_str(&line[text.len()..]);
            continue;
        }
        out.push_str(line);
    }
    (out, titles)
}

/// The tab label of a code fence marked `tab` (docusaurus-remark-plugin-tab-blocks): its
/// `tab={"label":"…"}`, else its language's name.
fn tab_block_label(info: &str) -> Option<String> {
    let language = info.split_whitespace().next()?;
    let rest = &info[language.len()..];
    let options = rest
        .find(" tab=")
        .map(|at| &rest[at + " tab=".len()..])
        .filter(|o| o.starts_with('{'))
        .and_then(|o| o.find('}').map(|end| &o[..=end]));
    if options.is_none() && !rest.split_whitespace().any(|w| w == "tab") {
        return None;
    }
    if let Some(options) = options
        && let Ok(options) = serde_json::from_str::<serde_json::Value>(options)
        && let Some(label) = options.get("label").and_then(|l| l.as_str())
    {
        return Some(label.to_owned());
    }
    Some(
        match language {
            "js" | "javascript" => "JavaScript",
            "ts" | "typescript" => "TypeScript",
            "jsx" => "JSX",
            "tsx" => "TSX",
            other => other,
        }
        .to_owned(),
    )
}

/// The `title="…"` (or `title='…'`) of a code fence's info string.
fn code_title(info: &str) -> Option<&str> {
    let (_, rest) = info.split_once("title=")?;
    let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    let rest = &rest[1..];
    let title = &rest[..rest.find(quote)?];
    (!title.trim().is_empty()).then_some(title)
}

fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

/// Tracks fenced code blocks (```` ``` ```` and `~~~`, up to three spaces in), where no
/// line-level syntax applies.
#[derive(Default)]
pub(super) struct Fences {
    open: Option<(char, usize)>,
}

impl Fences {
    /// The line that closes the fenced code block left open, if one is.
    pub(super) fn closing(&self) -> Option<String> {
        self.open.map(|(c, n)| std::iter::repeat_n(c, n).collect())
    }

    /// Whether `line` is inside a fenced code block (its opening and closing lines included).
    pub(super) fn inside(&mut self, line: &str) -> bool {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let trimmed = line.trim_start_matches(' ');
        let fence = (indent <= 3)
            .then(|| {
                let c = trimmed.chars().next()?;
                if c != '`' && c != '~' {
                    return None;
                }
                let n = trimmed.chars().take_while(|&x| x == c).count();
                (n >= 3).then_some((c, n))
            })
            .flatten();
        match (self.open, fence) {
            (None, Some(f)) => {
                self.open = Some(f);
                true
            }
            (None, None) => false,
            (Some((c, n)), Some((c2, n2)))
                if c == c2 && n2 >= n && trimmed.trim_end().chars().all(|x| x == c) =>
            {
                self.open = None;
                true
            }
            (Some(_), _) => true,
        }
    }
}

/// MDX: ESM blocks (a line starting with `import ` or `export `, up to the next blank line)
/// are code, not content.
fn drop_esm(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fences = Fences::default();
    let mut in_esm = false;
    for line in body.split_inclusive('\n') {
        if in_esm {
            if line.trim().is_empty() {
                in_esm = false;
                out.push_str(line);
            }
            continue;
        }
        if !fences.inside(line) && (line.starts_with("import ") || line.starts_with("export ")) {
            in_esm = true;
            continue;
        }
        out.push_str(line);
    }
    out
}

/// MDX, outside code: comments (`{/* truncate */}`) are dropped, and so are the attributes
/// of HTML tags whose value is a JavaScript expression (`style={{color: "red"}}`), which
/// would otherwise make the tag text.
fn drop_jsx_expressions(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fences = Fences::default();
    let mut in_comment = false;
    for line in body.split_inclusive('\n') {
        if !in_comment && fences.inside(line) {
            out.push_str(line);
            continue;
        }
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut kept = 0;
        let mut in_code_span = false;
        while i < bytes.len() {
            if in_comment {
                if line[i..].starts_with("*/}") {
                    in_comment = false;
                    i += 3;
                    kept = i;
                } else {
                    i += 1;
                    kept = i;
                }
                continue;
            }
            match bytes[i] {
                b'`' => in_code_span = !in_code_span,
                b'{' if !in_code_span && line[i..].starts_with("{/*") => {
                    out.push_str(&line[kept..i]);
                    in_comment = true;
                    i += 3;
                    kept = i;
                    continue;
                }
                b'<' if !in_code_span && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) => {
                    if let Some((tag, end)) = html_tag_without_expressions(&line[i..]) {
                        out.push_str(&line[kept..i]);
                        out.push_str(&tag);
                        i += end;
                        kept = i;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if !in_comment {
            out.push_str(&line[kept..]);
        } else if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// An HTML opening tag at the start of `text` with its `name={…}` attributes left out, and
/// the length of the tag in `text`; `None` when it has no such attribute (or does not end on
/// its line).
fn html_tag_without_expressions(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 1;
    let mut kept = 0;
    let mut dropped = false;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => {
                out.push_str(&text[kept..=i]);
                return dropped.then_some((out, i + 1));
            }
            None if b == b'=' && bytes.get(i + 1) == Some(&b'{') => {
                // Back to the attribute's name, and on to the brace that closes the value.
                let name_start = text[..i]
                    .rfind(|c: char| c.is_whitespace())
                    .map_or(i, |at| at);
                let mut depth = 0usize;
                let mut j = i + 1;
                while j < bytes.len() {
                    match bytes[j] {
                        b'{' => depth += 1,
                        b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if j >= bytes.len() {
                    return None;
                }
                out.push_str(&text[kept..name_start]);
                i = j + 1;
                kept = i;
                dropped = true;
                continue;
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// Drops JSX tags (`<Tabs>`, `</TabItem>`, `<DocCardList />`, fragments `<>` `</>`): a tag
/// whose name starts with a capital letter is a component, not HTML. Attribute values in
/// quotes or braces may hold `>`.
fn strip_jsx(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let mut kept = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let mut j = i + 1;
            if bytes.get(j) == Some(&b'/') {
                j += 1;
            }
            let is_component = match bytes.get(j) {
                Some(b) if b.is_ascii_uppercase() => true,
                Some(b'>') => true,
                _ => false,
            };
            if is_component && let Some(end) = tag_end(bytes, j) {
                out.push_str(&html[kept..i]);
                // A tab's label tells its content from the other tabs': it stays, as the
                // site shows it, above the content.
                if let Some(label) = tab_label(&html[i..end]) {
                    out.push_str(&format!("<p><strong>{}</strong></p>", escape(label)));
                }
                i = end;
                kept = end;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&html[kept..]);
    out
}

/// The index just after the `>` that ends a tag whose name starts at `start`.
/// The label of a Docusaurus `<TabItem value="a" label="Apples">` opening tag (its `value`
/// when it has no label).
fn tab_label(tag: &str) -> Option<&str> {
    let rest = tag.strip_prefix("<TabItem")?;
    if !rest.starts_with(|c: char| c.is_whitespace() || c == '>') {
        return None;
    }
    let attribute = |name: &str| {
        let at = rest.find(&format!("{name}="))? + name.len() + 1;
        let quote = rest[at..]
            .chars()
            .next()
            .filter(|q| *q == '"' || *q == '\'')?;
        let value = &rest[at + 1..];
        value.find(quote).map(|end| &value[..end])
    };
    attribute("label").or_else(|| attribute("value"))
}

fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut quote = None;
    let mut braces = 0usize;
    for (offset, &b) in bytes[start..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'{') => braces += 1,
            (None, b'}') => braces = braces.saturating_sub(1),
            (None, b'>') if braces == 0 => return Some(start + offset + 1),
            _ => {}
        }
    }
    None
}

/// The titled block an admonition becomes. Its body, between blank lines, is Markdown.
fn open_block(kind: &str, title: Option<&str>) -> String {
    let class: String = kind
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let mut label = class.clone();
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let heading = match title.map(str::trim) {
        // MkDocs: an explicitly empty title means no title bar.
        Some("") => String::new(),
        // A title replaces the kind's name, as Docusaurus and Material show it.
        Some(title) => format!("<p><strong>{}</strong></p>\n", escape(title)),
        None => format!("<p><strong>{}</strong></p>\n", escape(&label)),
    };
    format!("<aside class=\"admonition admonition-{class}\">\n{heading}\n")
}

const CLOSE_BLOCK: &str = "\n</aside>\n\n";

/// Text made safe in HTML, in an element or an attribute's quoted value.
pub(super) fn escape(text: &str) -> String {
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

/// Docusaurus: `:::type Title`, `:::type[Title]`, closed by a line of colons. Nested ones
/// (the outer with more colons) close innermost first.
fn colon_admonitions(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 64);
    let mut fences = Fences::default();
    let mut open = 0usize;
    for line in source.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let trimmed = line.trim();
        if indent > 3 || fences.inside(line) || !trimmed.starts_with(":::") {
            out.push_str(line);
            continue;
        }
        let rest = trimmed.trim_start_matches(':');
        if rest.is_empty() {
            if open > 0 {
                open -= 1;
                out.push_str(CLOSE_BLOCK);
            } else {
                out.push_str(line);
            }
            continue;
        }
        let kind: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if kind.is_empty() {
            out.push_str(line);
            continue;
        }
        let title = rest[kind.len()..].trim();
        let title = title
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(title);
        open += 1;
        out.push('\n');
        out.push_str(&open_block(&kind, (!title.is_empty()).then_some(title)));
    }
    for _ in 0..open {
        out.push_str(CLOSE_BLOCK);
    }
    out
}

/// MkDocs: `!!! type "Title"` (or `??? type`, `???+ type`, collapsible), then the body
/// indented by four spaces (or a tab). `!!! type ""` has no title; without one the type is
/// the title. Admonitions nest.
fn bang_admonitions(source: &str) -> String {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut out = String::with_capacity(source.len() + 64);
    let mut fences = Fences::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let header = (!fences.inside(line)).then(|| bang_header(line)).flatten();
        let Some((kind, title)) = header else {
            out.push_str(line);
            i += 1;
            continue;
        };
        i += 1;
        let mut body = String::new();
        let mut end = i;
        let mut j = i;
        while j < lines.len() {
            let l = lines[j];
            if l.trim().is_empty() {
                j += 1;
                continue;
            }
            if let Some(dedented) = l.strip_prefix("    ").or_else(|| l.strip_prefix('\t')) {
                for blank in &lines[end..j] {
                    body.push_str(blank.trim_start_matches([' ', '\t']));
                }
                body.push_str(dedented);
                j += 1;
                end = j;
            } else {
                break;
            }
        }
        out.push('\n');
        out.push_str(&open_block(&kind, title.as_deref()));
        out.push_str(&bang_admonitions(&body));
        out.push_str(CLOSE_BLOCK);
        i = end;
    }
    out
}

/// `!!! note "Title"` → (`note`, `Some("Title")`); extra classes (`inline end`) ignored.
fn bang_header(line: &str) -> Option<(String, Option<String>)> {
    let rest = line
        .strip_prefix("!!!")
        .or_else(|| line.strip_prefix("???+"))
        .or_else(|| line.strip_prefix("???"))?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let (words, title) = match rest.find('"') {
        Some(q) => {
            let title = rest[q + 1..].strip_suffix('"')?;
            (&rest[..q], Some(title.to_owned()))
        }
        None => (rest, None),
    };
    let kind = words.split_whitespace().next()?.to_owned();
    kind.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        .then_some((kind, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(source: &str, syntax: Syntax<'_>) -> String {
        render(source, syntax, &|_| None).html
    }

    #[test]
    fn alert_titles_pair_with_the_alerts_the_parser_finds() {
        let syntax = Syntax {
            alert_titles: true,
            ..Syntax::default()
        };
        let out = html(
            "> Quote\n> [!NOTE] Not an alert\n\n> [!DANGER] Nor this\n\n> [!TIP] Real title\n> Body.\n",
            syntax,
        );
        assert!(out.contains("<strong>Real title</strong>"), "{out}");
        assert!(out.contains("[!NOTE] Not an alert"), "{out}");
        assert_eq!(out.matches("<aside").count(), 1, "{out}");
    }

    #[test]
    fn tab_blocks_are_labelled_with_their_language() {
        let syntax = Syntax {
            tab_blocks: true,
            ..Syntax::default()
        };
        let out = html(
            "```js tab\na()\n```\n\n```ts tab={\"label\":\"TS 5\"}\nb()\n```\n\n```sh\nc\n```\n",
            syntax,
        );
        assert!(
            out.starts_with("<p><strong>JavaScript</strong></p>\n<pre>"),
            "{out}"
        );
        assert!(out.contains("<p><strong>TS 5</strong></p>\n<pre>"), "{out}");
        assert_eq!(out.matches("<strong>").count(), 2, "{out}");
        assert!(!html("```js tab\na()\n```\n", Syntax::default()).contains("JavaScript"));
    }

    #[test]
    fn emoji_are_found_by_github_and_twemoji_names() {
        assert_eq!(emoji("smile"), Some("\u{1f604}"));
        assert_eq!(emoji("man_raising_hand"), emoji("raising_hand_man"));
        assert!(emoji("man_raising_hand").is_some());
        assert_eq!(
            emoji("woman_in_lotus_position"),
            emoji("lotus_position_woman")
        );
        assert!(emoji("woman_in_lotus_position").is_some());
        assert_eq!(emoji("man_no_such"), None);
    }

    #[test]
    fn lists_nest_and_continue_as_python_markdown_reads_them() {
        let syntax = Syntax {
            python_lists: true,
            ..Syntax::default()
        };
        // mkdocs-material's post: an item whose text is 6 columns in, then a fence and a
        // nested list 4 in, all the item's.
        let source = "1.  First.\n  2.  __All structure__: text\n      more text.\n\n    ```\n    code\n    - not a list\n    ```\n\n    - __Context__: one\n\n    - __Punctuation__: two\n\nAfter.\n\n    - code after a paragraph\n";
        let out = html(source, syntax);
        assert!(
            out.contains("<pre><code>code\n- not a list\n</code></pre>"),
            "{out}"
        );
        assert!(
            out.contains("<ul>\n<li>\n<p><strong>Context</strong>: one</p>\n</li>"),
            "{out}"
        );
        assert!(
            out.contains("<pre><code>- code after a paragraph\n</code></pre>"),
            "{out}"
        );
        // Two spaces do not nest a list in Python-Markdown.
        let flat = html("- a\n  - b\n", syntax);
        assert_eq!(flat.matches("<ul>").count(), 1, "{flat}");
        let nested = html("- a\n    - b\n", syntax);
        assert_eq!(nested.matches("<ul>").count(), 2, "{nested}");
        assert_eq!(
            html("- a\n  - b\n", Syntax::default())
                .matches("<ul>")
                .count(),
            2
        );
    }

    #[test]
    fn bare_urls_are_links_where_the_site_makes_them_links() {
        let syntax = Syntax {
            autolinks: true,
            ..Syntax::default()
        };
        let out = html(
            "See https://typicode.github.io/husky/#/?id=yarn-2. Or (www.example.com/a_(b)).\n\n[https://x.example](https://x.example) `https://in.code` <a href=\"/y\">https://raw.example</a> http://nohost\n\n```\nhttps://block.example\n```\n",
            syntax,
        );
        assert!(
            out.contains("See <a href=\"https://typicode.github.io/husky/#/?id=yarn-2\">https://typicode.github.io/husky/#/?id=yarn-2</a>. Or (<a href=\"http://www.example.com/a_(b)\">www.example.com/a_(b)</a>)."),
            "{out}"
        );
        assert_eq!(out.matches("<a ").count(), 4, "{out}");
        assert!(out.contains("http://nohost</p>"), "{out}");
        assert!(!html("See https://x.example.", Syntax::default()).contains("<a "));
    }

    #[test]
    fn mdx_comments_and_expression_attributes_are_not_text() {
        let syntax = Syntax {
            mdx: true,
            ..Syntax::default()
        };
        let source = "Intro.\n\n{/* truncate */}\n\nMore {/* a\nlonger note */} text.\n\n<code style={{display: \"block\", color: \"#fff\"}}><span style={{color: \"#686868\"}}># Input</span></code>\n\n`{/* kept */}` and `<b x={1}>`\n\n```jsx\n<div style={{a: 1}} />\n{/* in code */}\n```\n";
        let out = html(source, syntax);
        assert!(
            !out.contains("truncate") && !out.contains("longer note"),
            "{out}"
        );
        assert!(out.contains("<p>More\ntext.</p>"), "{out}");
        assert!(out.contains("<code><span># Input</span></code>"), "{out}");
        assert!(out.contains("<code>{/* kept */}</code>"), "{out}");
        assert!(out.contains("&lt;b x={1}&gt;"), "{out}");
        assert!(
            out.contains("&lt;div style={{a: 1}} /&gt;\n{/* in code */}"),
            "{out}"
        );
    }

    #[test]
    fn a_table_whose_delimiter_row_starts_with_a_colon_is_no_definition() {
        let syntax = Syntax {
            definition_lists: true,
            ..Syntax::default()
        };
        let table = html("A|B\n:--|:--\n1|2\n", syntax);
        assert!(table.starts_with("<table>"), "{table}");
        assert!(!table.contains("<dl>"), "{table}");
        let source = "Term\n: its definition\n\n```\nA|B\n:--|:--\n```\n";
        let list = html(source, syntax);
        assert!(list.starts_with("<dl>\n<dt>Term</dt>"), "{list}");
        assert!(list.contains("A|B\n:--|:--\n</code>"), "{list}");
    }

    #[test]
    fn a_code_block_title_is_shown_above_it_where_the_site_shows_it() {
        let source = "```bash title=\"install <x>.sh\" showLineNumbers\nrun\n```\n\n```py title='a.py'\nx\n```\n";
        let with = Syntax {
            code_titles: true,
            ..Syntax::default()
        };
        assert_eq!(
            html(source, with),
            "<p><code>install &lt;x&gt;.sh</code></p>\n<pre><code class=\"language-bash\">run\n</code></pre>\n<p><code>a.py</code></p>\n<pre><code class=\"language-py\">x\n</code></pre>\n"
        );
        assert!(!html(source, Syntax::default()).contains("a.py</code></p>"));
    }

    #[test]
    fn docusaurus_admonitions_become_titled_blocks() {
        let syntax = Syntax {
            colon_admonitions: true,
            ..Syntax::default()
        };
        let out = html(
            "Before\n\n:::tip Pro tip\n\nUse **bold**.\n\n:::\n\nAfter\n",
            syntax,
        );
        assert!(
            out.contains(
                "<aside class=\"admonition admonition-tip\">\n<p><strong>Pro tip</strong></p>"
            ),
            "{out}"
        );
        assert!(
            out.contains("<p>Use <strong>bold</strong>.</p>\n</aside>"),
            "{out}"
        );
        assert!(!out.contains(":::"), "{out}");
        let out = html(":::warning[Careful]\nText\n:::\n", syntax);
        assert!(
            out.contains("<strong>Careful</strong>") && out.contains("<p>Text</p>"),
            "{out}"
        );
        let out = html("```\n:::note\n```\n", syntax);
        assert!(out.contains(":::note") && !out.contains("aside"), "{out}");
    }

    #[test]
    fn mkdocs_admonitions_take_the_indented_body() {
        let syntax = Syntax {
            bang_admonitions: true,
            ..Syntax::default()
        };
        let out = html(
            "!!! note \"Heads up\"\n    First line.\n\n    - a list\n\nOutside\n",
            syntax,
        );
        assert!(out.contains("<strong>Heads up</strong>"), "{out}");
        assert!(
            out.contains("<li>a list</li>") && out.contains("</aside>\n<p>Outside</p>"),
            "{out}"
        );
        let out = html("??? warning\n    Body\n", syntax);
        assert!(
            out.contains("<strong>Warning</strong>") && out.contains("<p>Body</p>"),
            "{out}"
        );
        let out = html("!!! info \"\"\n    No title\n", syntax);
        assert!(
            !out.contains("<strong>") && out.contains("No title"),
            "{out}"
        );
    }

    #[test]
    fn mdx_loses_imports_and_components_not_text() {
        let syntax = Syntax {
            mdx: true,
            ..Syntax::default()
        };
        let source = "import Tabs from '@theme/Tabs';\nimport {\n  A,\n} from 'x';\n\nexport const x = 1;\n\n<Tabs>\n  <TabItem value=\"a\" label=\"A\">\n\nApples are *red*.\n\n  </TabItem>\n</Tabs>\n\nSay <Highlight color=\"#f00\">hi</Highlight> and <DocCardList />.\n";
        let out = html(source, syntax);
        assert!(!out.contains("import") && !out.contains("export"), "{out}");
        assert!(
            !out.contains("Tabs") && !out.contains("TabItem") && !out.contains("Highlight"),
            "{out}"
        );
        assert!(
            out.contains("Apples are <em>red</em>.") && out.contains("Say hi and ."),
            "{out}"
        );
        // The tab's label stays, above its content.
        assert!(out.contains("<p><strong>A</strong></p>"), "{out}");
        assert_eq!(tab_label(r#"<TabItem value="x">"#), Some("x"));
        assert_eq!(tab_label(r#"<TabItemGroup label="x">"#), None);
        assert_eq!(tab_label("</TabItem>"), None);
    }

    #[test]
    fn links_and_images_are_rewritten_and_alerts_titled() {
        let out = render(
            "[a](a.md#x) ![i](img/i.png) [web](https://x.example)\n\n> [!WARNING]\n> Hot\n",
            Syntax::default(),
            &|dest| (!dest.starts_with("https:")).then(|| format!("https://site.example/{dest}")),
        )
        .html;
        assert!(
            out.contains("href=\"https://site.example/a.md#x\""),
            "{out}"
        );
        assert!(
            out.contains("src=\"https://site.example/img/i.png\""),
            "{out}"
        );
        assert!(out.contains("href=\"https://x.example\""), "{out}");
        assert!(
            out.contains("<strong>Warning</strong>") && out.contains("Hot"),
            "{out}"
        );
    }
}
