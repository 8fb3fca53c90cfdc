//! Shortcodes expanded before the Markdown is rendered: opening and closing tags paired, the
//! built-in shortcodes rendered, a site's own ones as their templates show their content,
//! what cannot be rendered dropped and named; Goldmark's block attribute lines left out.

use super::*;

#[derive(Debug)]
pub(super) enum Node {
    Text(String),
    Literal(String),
    Shortcode {
        tag: Tag,
        /// Its content, when it is paired (or self-closed: empty).
        inner: Option<Vec<Node>>,
    },
}

/// Built-in shortcodes that never take content: never paired, so they cannot swallow the
/// page looking for a closing tag (the embeds but `qr`, whose content may be the text it
/// encodes).
fn unpaired(name: &str) -> bool {
    matches!(name, "param" | "ref" | "relref" | "figure")
        || (EMBEDS.contains(&name) && name != "qr")
}

/// Built-in shortcodes that embed media from elsewhere: nothing to send.
pub(super) const EMBEDS: &[&str] = &[
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
pub(super) fn pair(tokens: Vec<Token<'_>>, dropped: &mut Vec<String>) -> Vec<Node> {
    pub(super) fn top<'s>(
        root: &'s mut Vec<Node>,
        stack: &'s mut [(Tag, Vec<Node>)],
    ) -> &'s mut Vec<Node> {
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
            Token::Tag(tag) if unpaired(&tag.name.to_ascii_lowercase()) => {
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
pub(super) enum Output {
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
    pub(super) fn is_block(&self) -> bool {
        matches!(
            self,
            Output::Html(_) | Output::Figure(_) | Output::Details { .. } | Output::Dropped
        )
    }
}

/// Placeholders look like a word to Markdown, so that they survive it anywhere.
pub(super) const TOKEN_START: &str = "HAHAHUGOSHORTCODE";
pub(super) const TOKEN_END: &str = "HBHB";

pub(super) struct Expander<'a> {
    pub(super) pages: &'a Pages,
    pub(super) from: &'a str,
    pub(super) params: &'a Mapping,
    pub(super) outputs: Vec<Output>,
    pub(super) dropped: Vec<String>,
    /// The pages being included, by lookup key, outermost first (the page itself is the
    /// first): an include of one of them is a cycle.
    pub(super) including: Vec<String>,
}

impl Expander<'_> {
    pub(super) fn expand(&mut self, body: &str) -> String {
        let nodes = pair(lex(body), &mut self.dropped);
        let mut out = String::with_capacity(body.len());
        self.emit(&nodes, &mut out);
        out
    }

    /// `{{% include "path" %}}`: the page at `path` (looked up as `GetPage` does), its front
    /// matter left out and its own shortcodes expanded, as Markdown in place.
    pub(super) fn include(
        &mut self,
        tag: &Tag,
        how: &templates::Include,
    ) -> Result<String, String> {
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

    pub(super) fn placeholder(&mut self, output: Output) -> String {
        let n = self.outputs.len();
        self.outputs.push(output);
        format!("{TOKEN_START}{n}{TOKEN_END}")
    }

    pub(super) fn emit(&mut self, nodes: &[Node], out: &mut String) {
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

    pub(super) fn inner_text(&mut self, nodes: &[Node]) -> String {
        let mut text = String::new();
        self.emit(nodes, &mut text);
        text
    }

    pub(super) fn drop(&mut self, tag: &Tag, why: &str) -> Output {
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

    pub(super) fn shortcode(&mut self, tag: &Tag, inner: Option<&[Node]>, out: &mut String) {
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

    pub(super) fn template(&self, name: &str) -> Option<&Template> {
        self.pages.templates.get(name)
    }

    /// A paired shortcode the sync knows only by its template (if any): its content as the
    /// template shows it, written to `out` (`None`) when it is Markdown.
    pub(super) fn unknown(
        &mut self,
        tag: &Tag,
        nodes: &[Node],
        out: &mut String,
    ) -> Option<Output> {
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
    pub(super) fn link_destination(&mut self, tag: &Tag) -> Option<String> {
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
    pub(super) fn param(&self, key: &str) -> Option<String> {
        let page_params = lookup(self.params, "params").and_then(Value::as_object);
        let value = lookup(self.params, key)
            .or_else(|| page_params.and_then(|p| lookup(p, key)))
            .or_else(|| lookup(&self.pages.site.params, key))?;
        param_text(value)
    }

    /// `{{< ref "path#anchor" >}}`: the page's URL, as Hugo finds it.
    pub(super) fn reference(&mut self, tag: &Tag) -> Output {
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
pub(super) fn param_text(value: &Value) -> Option<String> {
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

/// The Markdown without Goldmark's block attribute lines (`{.lead #intro}` under a
/// paragraph: Hugo turns them on by default and shows nothing of them), code blocks left
/// alone.
pub(super) fn block_attributes_removed(markdown: &str) -> String {
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
pub(super) fn only_placeholders(text: &str) -> bool {
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
pub(super) fn is_attribute_list(text: &str) -> bool {
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
