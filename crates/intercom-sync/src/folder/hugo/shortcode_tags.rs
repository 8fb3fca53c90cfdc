//! Shortcode tags as Hugo reads them: `{{< name args >}}`, `{{% name %}}`, closing and
//! self-closing tags, `{{</* escaped */>}}`, quoted and raw-string arguments.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Delim {
    /// `{{< … >}}`: the output is HTML.
    Angle,
    /// `{{% … %}}`: the output is Markdown.
    Percent,
}

impl Delim {
    pub(super) fn open(self) -> &'static str {
        match self {
            Delim::Angle => "{{<",
            Delim::Percent => "{{%",
        }
    }

    pub(super) fn close(self) -> &'static str {
        match self {
            Delim::Angle => ">}}",
            Delim::Percent => "%}}",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Tag {
    pub(super) delim: Delim,
    pub(super) name: String,
    pub(super) closing: bool,
    pub(super) self_closing: bool,
    pub(super) positional: Vec<String>,
    pub(super) named: Vec<(String, String)>,
}

impl Tag {
    pub(super) fn get(&self, index: usize, name: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .or_else(|| self.positional.get(index).map(String::as_str))
    }

    pub(super) fn named(&self, name: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// `{{< name >}}`, to name it in a report.
    pub(super) fn show(&self) -> String {
        let slash = if self.closing { "/" } else { "" };
        format!(
            "{} {slash}{} {}",
            self.delim.open(),
            self.name,
            self.delim.close()
        )
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    Text(&'a str),
    /// An escaped shortcode (`{{</* x */>}}`): shown as written, without its `/* */`.
    Literal(String),
    Tag(Tag),
}

/// `body` cut into text and shortcode tags. What looks like a tag but is not one (never
/// closed, no name) is text.
pub(super) fn lex(body: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut kept = 0;
    let mut from = 0;
    while let Some(found) = body[from..].find("{{") {
        let start = from + found;
        match parse_tag(body, start) {
            Some((token, end)) => {
                if kept < start {
                    tokens.push(Token::Text(&body[kept..start]));
                }
                tokens.push(token);
                kept = end;
                from = end;
            }
            None => from = start + 2,
        }
    }
    if kept < body.len() {
        tokens.push(Token::Text(&body[kept..]));
    }
    tokens
}

pub(super) fn skip_space(body: &str, mut i: usize) -> usize {
    while let Some(c) = body[i..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The tag starting at `start` (at `{{`), and where it ends.
pub(super) fn parse_tag(body: &str, start: usize) -> Option<(Token<'_>, usize)> {
    let delim = match body.as_bytes().get(start + 2)? {
        b'<' => Delim::Angle,
        b'%' => Delim::Percent,
        _ => return None,
    };
    let close = delim.close();
    let mut i = skip_space(body, start + 3);
    if body[i..].starts_with("/*") {
        let inner = i + 2;
        let mut search = inner;
        loop {
            let star = search + body[search..].find("*/")?;
            let after = skip_space(body, star + 2);
            if body[after..].starts_with(close) {
                let literal = format!("{}{}{}", delim.open(), &body[inner..star], close);
                return Some((Token::Literal(literal), after + close.len()));
            }
            search = star + 2;
        }
    }
    let closing = body[i..].starts_with('/');
    if closing {
        i = skip_space(body, i + 1);
    }
    let name_start = i;
    while let Some(c) = body[i..].chars().next() {
        let ends = c.is_whitespace()
            || body[i..].starts_with(close)
            || (c == '/' && body[skip_space(body, i + 1)..].starts_with(close));
        if ends {
            break;
        }
        if !(c.is_alphanumeric() || "-_./".contains(c)) {
            return None;
        }
        i += c.len_utf8();
    }
    let name = &body[name_start..i];
    if name.is_empty() {
        return None;
    }
    let mut tag = Tag {
        delim,
        name: name.to_owned(),
        closing,
        self_closing: false,
        positional: Vec::new(),
        named: Vec::new(),
    };
    loop {
        i = skip_space(body, i);
        if i >= body.len() {
            return None;
        }
        if body[i..].starts_with(close) {
            return Some((Token::Tag(tag), i + close.len()));
        }
        if body[i..].starts_with('/') && body[skip_space(body, i + 1)..].starts_with(close) {
            tag.self_closing = true;
            i = skip_space(body, i + 1);
            continue;
        }
        let (word, end) = parse_value(body, i, close)?;
        i = end;
        if body[i..].starts_with('=') && !word.quoted {
            let (value, end) = parse_value(body, i + 1, close)?;
            i = end;
            tag.named.push((word.text, value.text));
        } else {
            tag.positional.push(word.text);
        }
    }
}

pub(super) struct Word {
    pub(super) text: String,
    pub(super) quoted: bool,
}

/// A parameter's value at `i`: `"quoted"` (with `\"`), `` `raw` ``, or a bare word (up to a
/// space, `=` or the closing delimiter).
pub(super) fn parse_value(body: &str, i: usize, close: &str) -> Option<(Word, usize)> {
    let rest = &body[i..];
    if let Some(rest) = rest.strip_prefix('"') {
        let mut text = String::new();
        let mut chars = rest.char_indices();
        while let Some((at, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, next)) = chars.next() {
                        text.push(next);
                    }
                }
                '"' => {
                    return Some((Word { text, quoted: true }, i + 1 + at + 1));
                }
                _ => text.push(c),
            }
        }
        return None;
    }
    if let Some(rest) = rest.strip_prefix('`') {
        let end = rest.find('`')?;
        return Some((
            Word {
                text: rest[..end].to_owned(),
                quoted: true,
            },
            i + 1 + end + 1,
        ));
    }
    let mut end = i;
    while let Some(c) = body[end..].chars().next() {
        if c.is_whitespace() || c == '=' || body[end..].starts_with(close) {
            break;
        }
        end += c.len_utf8();
    }
    if end == i {
        return None;
    }
    Some((
        Word {
            text: body[i..end].to_owned(),
            quoted: false,
        },
        end,
    ))
}
