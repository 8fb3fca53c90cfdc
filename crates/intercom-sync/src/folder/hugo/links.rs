//! Links in a rendered page: Markdown links looked up as Hugo's link render hook looks pages
//! up, raw HTML links resolved from the page's URL, and the shortcodes' output put back in
//! place of its placeholders.

use super::*;

/// Links left as their text, by why.
#[derive(Default)]
pub(super) struct Unlinked {
    /// Their destination was a shortcode that was dropped.
    pub(super) unrendered: usize,
    /// They go to a page Hugo does not publish.
    pub(super) unpublished: usize,
    /// They name a page (no file extension, or Markdown's) that the site does not have: a
    /// destination the site's own link render hook may resolve (`[term](g)` for a glossary),
    /// or a broken link; either way not a URL to send.
    pub(super) missing: usize,
}

/// Whether a link's path names a page rather than a file: its last part has no extension,
/// or a Markdown one.
pub(super) fn names_a_page(path: &str) -> bool {
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

pub(super) struct PageLinks<'a> {
    pub(super) pages: &'a Pages,
    pub(super) from: &'a str,
    /// The page's URL: other links are resolved from it.
    pub(super) url: Option<&'a Url>,
    pub(super) outputs: &'a [Output],
    /// Links left as their text.
    pub(super) unlinked: RefCell<Unlinked>,
}

impl PageLinks<'_> {
    /// A link's or image's destination, as Hugo's link render hook makes it.
    pub(super) fn rewrite(&self, href: &str) -> Option<String> {
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
                return Some(UNLINKED.to_owned());
            }
            return Some(self.resolve(&text).unwrap_or(text));
        }
        self.resolve(href)
    }

    pub(super) fn resolve(&self, href: &str) -> Option<String> {
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
                    return Some(UNLINKED.to_owned());
                }
                None if names_a_page(&decoded) => {
                    self.unlinked.borrow_mut().missing += 1;
                    return Some(UNLINKED.to_owned());
                }
                None => {}
            }
        }
        page.join(href).ok().map(String::from)
    }

    pub(super) fn href(&self, href: &str) -> String {
        self.rewrite(href).unwrap_or_else(|| href.to_owned())
    }

    /// Inline Markdown (a caption) as HTML, without the paragraph around it.
    pub(super) fn markdownify(&self, markdown: &str) -> String {
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

    pub(super) fn markdown(&self, markdown: &str) -> String {
        let syntax = hugo_syntax(self.pages.site.enable_emoji);
        markdown::render(markdown, syntax, &|href| self.rewrite(href)).html
    }

    /// The HTML a shortcode's output becomes.
    pub(super) fn output_html(&self, output: &Output) -> String {
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
    pub(super) fn figure(&self, args: &[(String, String)]) -> String {
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
    pub(super) fn finish(&self, html: &str) -> String {
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
    pub(super) fn plain(&self, text: &str) -> String {
        substitute(text, 0, &mut |n| match self.outputs.get(n) {
            Some(Output::Text(t) | Output::Url(t)) => t.clone(),
            Some(Output::Html(h)) => strip_tags(h),
            _ => String::new(),
        })
    }
}

/// `href` as the browser resolves it on the page at `page`; `None` leaves it (an anchor, an
/// absolute URL).
pub(super) fn from_page(page: &Url, href: &str) -> Option<String> {
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
pub(super) fn next_token(text: &str) -> Option<(&str, usize, &str)> {
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
pub(super) fn substitute(
    text: &str,
    depth: usize,
    value: &mut dyn FnMut(usize) -> String,
) -> String {
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

/// The text of an HTML fragment, tags left out (entities kept as they are).
pub(super) fn strip_tags(html: &str) -> String {
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
