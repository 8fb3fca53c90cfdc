//! The Material blog plugin: where each post of its posts folder is published
//! (`blog/YYYY/MM/DD/slug/`), and which files `exclude_docs`, `draft_docs` and `templates/`
//! leave unpublished.

use super::*;

impl Blog {
    pub(super) fn read(options: &Value) -> Blog {
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
    pub(super) fn post_path(&self, relative: &str, text: &str) -> Result<String, String> {
        let (yaml, body) = front_matter::split(text);
        let meta = match yaml {
            Some(yaml) => super::super::yaml::parse_mapping(yaml, true)
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
pub(super) fn normalize(path: &str) -> String {
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
pub(super) fn format_fields(format: &str, fields: &[(&str, &str)]) -> Result<String, String> {
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
pub(super) fn markdown_title(body: &str) -> Option<String> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    line.starts_with("# ")
        .then(|| line.trim_start_matches(['#', ' ']).to_owned())
}

/// MkDocs' title from a file name: `-` and `_` as spaces, capitalized when all lower case.
pub(super) fn file_title(relative: &str) -> String {
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
pub(super) struct Date {
    pub(super) year: u32,
    pub(super) month: u32,
    pub(super) day: u32,
}

impl Date {
    /// `2024-01-31`, or a date and time starting so (`2024-01-31T10:00:00Z`,
    /// `2024-01-31 10:00`): the date as written.
    pub(super) fn parse(text: &str) -> Option<Date> {
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
    pub(super) fn format(self, pattern: &str) -> Result<String, String> {
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
