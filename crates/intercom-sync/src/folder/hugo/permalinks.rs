//! Hugo's `permalinks` setting: URL patterns (`/articles/:year/:month/:slug/`) for the pages
//! of a section, or of any path a glob matches.
//!
//! Read in the three forms Hugo takes: `{section: pattern}` (regular pages), `{page |
//! section: {section: pattern}}`, and newer Hugo's list of `{target: {kind, path}, pattern}`.
//! The first rule that matches a page's kind and path gives its URL; `url:` front matter wins
//! over every rule. A pattern token Hugo does not know is a config error, as in Hugo.

use chrono::{DateTime, Datelike, FixedOffset};
use globset::{GlobBuilder, GlobMatcher};
use serde_json::Value;

/// The site's permalink rules, in the order Hugo tries them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Permalinks {
    rules: Vec<Rule>,
}

#[derive(Clone, Debug)]
struct Rule {
    /// `page` or `section` (the other kinds Hugo allows, taxonomies and terms, are not
    /// synced).
    kind: String,
    path: GlobMatcher,
    pattern: String,
}

/// What a pattern's tokens are made of, for one page.
pub(crate) struct PageFacts<'a> {
    /// The page's date (`date`, else `publishDate`, else `lastmod`).
    pub date: Option<DateTime<FixedOffset>>,
    pub title: &'a str,
    pub slug: Option<&'a str>,
    /// Its file name without extension and language (a bundle's: its folder's; a
    /// section's: empty).
    pub file_name: &'a str,
    /// Its file name, a section's or a bundle's: its folder's.
    pub content_base_name: &'a str,
    /// The sections it is in, outermost first (a section page: itself included).
    pub sections: Vec<String>,
    /// Those sections' slugs, else their titles.
    pub section_slugs: Vec<String>,
}

impl Permalinks {
    /// The rules of the config's `permalinks` value.
    pub fn read(value: Option<&Value>) -> Result<Permalinks, String> {
        let mut rules = Vec::new();
        match value {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                for entry in list {
                    let get = |key: &str| super::config_get(entry, key);
                    let pattern = get("pattern")
                        .and_then(Value::as_str)
                        .ok_or("permalinks: an entry has no pattern")?;
                    let target = get("target");
                    let field = |key: &str| {
                        target
                            .and_then(|t| super::config_get(t, key))
                            .and_then(Value::as_str)
                            .map(str::to_lowercase)
                    };
                    let kinds = match field("kind") {
                        Some(kind) => vec![kind],
                        None => vec!["page".to_owned(), "section".to_owned()],
                    };
                    let path = glob(field("path").as_deref().unwrap_or("**"))?;
                    for kind in kinds {
                        rules.push(Rule {
                            kind,
                            path: path.clone(),
                            pattern: pattern.to_owned(),
                        });
                    }
                }
            }
            Some(Value::Object(map)) => {
                for (key, value) in map {
                    match value {
                        // The legacy form: the section's regular pages.
                        Value::String(pattern) => rules.push(Rule {
                            kind: "page".into(),
                            path: glob(&section_glob(key))?,
                            pattern: pattern.clone(),
                        }),
                        Value::Object(sections) => {
                            let kind = key.to_lowercase();
                            for (section, pattern) in sections {
                                let pattern = pattern.as_str().ok_or_else(|| {
                                    format!("permalinks.{key}.{section} is not a string")
                                })?;
                                rules.push(Rule {
                                    kind: kind.clone(),
                                    path: glob(&section_glob(section))?,
                                    pattern: pattern.to_owned(),
                                });
                            }
                        }
                        _ => return Err(format!("permalinks.{key} is not a string or a table")),
                    }
                }
            }
            Some(_) => return Err("permalinks is not a table or a list".into()),
        }
        for rule in &rules {
            check(&rule.pattern)?;
        }
        Ok(Permalinks { rules })
    }

    /// The pattern for a page of `kind` (`page`, `section`) at Hugo's logical `path`
    /// (`/posts/first`), if a rule has one.
    pub fn pattern(&self, kind: &str, path: &str) -> Option<&str> {
        self.rules
            .iter()
            .find(|rule| rule.kind == kind && rule.path.is_match(path))
            .map(|rule| rule.pattern.as_str())
    }
}

/// Hugo's glob for a section's key: the section and everything under it (`/` or empty: the
/// pages at the root).
fn section_glob(section: &str) -> String {
    let section = section.trim_matches([' ', '/']).to_lowercase();
    if section.is_empty() {
        "/*".to_owned()
    } else {
        format!("/{{{section},{section}/**}}")
    }
}

fn glob(pattern: &str) -> Result<GlobMatcher, String> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .case_insensitive(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("permalinks: {pattern:?} is not a glob: {e}"))
}

/// A pattern's tokens: `:name` or `:sections[1:]`, with `\:` a literal colon.
fn tokens(pattern: &str) -> Vec<(usize, usize)> {
    let bytes = pattern.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b':') {
            i += 2;
            continue;
        }
        if bytes[i] != b':' {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
            end += 1;
        }
        if end == i + 1 {
            i += 1;
            continue;
        }
        if bytes.get(end) == Some(&b'[')
            && let Some(close) = pattern[end..].find(']')
            && close > 1
        {
            end += close + 1;
        }
        found.push((i, end));
        i = end;
    }
    found
}

/// An error naming the first token of `pattern` Hugo does not know.
fn check(pattern: &str) -> Result<(), String> {
    let facts = PageFacts {
        date: None,
        title: "",
        slug: None,
        file_name: "",
        content_base_name: "",
        sections: Vec::new(),
        section_slugs: Vec::new(),
    };
    expand(pattern, &facts, &|s| s.to_owned()).map(|_| ())
}

/// `pattern` with each token replaced by the page's value; `urlize` makes a title or slug a
/// path part.
pub(crate) fn expand(
    pattern: &str,
    page: &PageFacts<'_>,
    urlize: &dyn Fn(&str) -> String,
) -> Result<String, String> {
    let mut out = String::new();
    let mut last = 0;
    for (start, end) in tokens(pattern) {
        out.push_str(&pattern[last..start]);
        let token = &pattern[start + 1..end];
        out.push_str(&value(token, page, urlize).ok_or_else(|| {
            format!("permalinks: {pattern:?} has :{token}, which Hugo does not know")
        })?);
        last = end;
    }
    out.push_str(&pattern[last..]);
    Ok(out.replace("\\:", ":"))
}

fn value(token: &str, page: &PageFacts<'_>, urlize: &dyn Fn(&str) -> String) -> Option<String> {
    // A page with no date has Go's zero time, as in Hugo.
    let date = page.date.unwrap_or_else(|| {
        DateTime::parse_from_rfc3339("0001-01-01T00:00:00Z").expect("a valid date")
    });
    let slug_or = |other: String| page.slug.map(urlize).unwrap_or(other);
    let title = || urlize(page.title);
    let file_name = || urlize(page.file_name);
    if let Some(cut) = token.strip_prefix("sections[") {
        return Some(slice(&page.sections, cut.strip_suffix(']')?).join("/"));
    }
    if let Some(cut) = token.strip_prefix("sectionslugs[") {
        return Some(slice(&page.section_slugs, cut.strip_suffix(']')?).join("/"));
    }
    Some(match token {
        "year" => date.year().to_string(),
        "month" => format!("{:02}", date.month()),
        "monthname" => date.format("%B").to_string(),
        "day" => format!("{:02}", date.day()),
        "weekday" => date.weekday().num_days_from_sunday().to_string(),
        "weekdayname" => date.format("%A").to_string(),
        "yearday" => date.ordinal().to_string(),
        "section" => page.sections.first().cloned().unwrap_or_default(),
        "sectionslug" => page
            .section_slugs
            .first()
            .map(|s| urlize(s))
            .unwrap_or_default(),
        "sections" => page.sections.join("/"),
        "sectionslugs" => page
            .section_slugs
            .iter()
            .map(|s| urlize(s))
            .collect::<Vec<_>>()
            .join("/"),
        "title" => title(),
        "slug" => slug_or(title()),
        "filename" => file_name(),
        "contentbasename" => urlize(page.content_base_name),
        "slugorfilename" => slug_or(file_name()),
        "slugorcontentbasename" => slug_or(urlize(page.content_base_name)),
        other => go_date(other, &date)?,
    })
}

/// `[low:high]`, `[n]` or `[last]` of `parts`, as Hugo cuts `:sections[…]`; out of range
/// gives nothing.
fn slice<'p>(parts: &'p [String], cut: &str) -> &'p [String] {
    let index = |s: &str, low: bool| -> Option<usize> {
        match s.trim() {
            "" if low => Some(0),
            "" => Some(parts.len()),
            "last" => parts.len().checked_sub(1),
            n => {
                let n: usize = n.parse().ok()?;
                if n < parts.len() {
                    Some(n)
                } else if low {
                    None
                } else {
                    Some(parts.len())
                }
            }
        }
    };
    match cut.split_once(':') {
        None => index(cut, true).map_or(&[], |n| &parts[n..=n]),
        Some((low, high)) => match (index(low, true), index(high, false)) {
            (Some(low), Some(high)) if low <= high => &parts[low..high],
            _ => &[],
        },
    }
}

/// A Go time layout (`:2006`, `:01`, `:Jan`) with the date: what Hugo does with a token that
/// is no name it knows. `None` when it holds no layout element.
fn go_date(layout: &str, date: &DateTime<FixedOffset>) -> Option<String> {
    const ELEMENTS: &[(&str, &str)] = &[
        ("January", "%B"),
        ("Monday", "%A"),
        ("2006", "%Y"),
        ("Jan", "%b"),
        ("Mon", "%a"),
        ("002", "%j"),
        ("01", "%m"),
        ("02", "%d"),
        ("06", "%y"),
        ("_2", "%e"),
        ("15", "%H"),
        ("03", "%I"),
        ("04", "%M"),
        ("05", "%S"),
        ("1", "%-m"),
        ("2", "%-d"),
        ("3", "%-I"),
        ("4", "%-M"),
        ("5", "%-S"),
    ];
    let mut format = String::new();
    let mut rest = layout;
    let mut any = false;
    'outer: while !rest.is_empty() {
        for (element, spec) in ELEMENTS {
            if let Some(after) = rest.strip_prefix(element) {
                format.push_str(spec);
                rest = after;
                any = true;
                continue 'outer;
            }
        }
        let c = rest.chars().next()?;
        if c == '%' {
            format.push_str("%%");
        } else {
            format.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    any.then(|| date.format(&format).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> PageFacts<'static> {
        PageFacts {
            date: DateTime::parse_from_rfc3339("2024-03-05T10:00:00+01:00").ok(),
            title: "Hello World",
            slug: None,
            file_name: "hello",
            content_base_name: "hello",
            sections: vec!["posts".into(), "tech".into()],
            section_slugs: vec!["articles".into(), "Tech Notes".into()],
        }
    }

    fn urlize(s: &str) -> String {
        s.to_lowercase().replace(' ', "-")
    }

    #[test]
    fn tokens_expand_as_hugo_expands_them() {
        let page = facts();
        let at = |pattern: &str| expand(pattern, &page, &urlize).unwrap();
        assert_eq!(at("/:year/:month/:day/:slug/"), "/2024/03/05/hello-world/");
        assert_eq!(at("/:sections/:filename"), "/posts/tech/hello");
        assert_eq!(at("/:section/:slugorfilename/"), "/posts/hello/");
        assert_eq!(
            at("/:sectionslugs/:title/"),
            "/articles/tech-notes/hello-world/"
        );
        assert_eq!(at("/:sections[last]/:contentbasename/"), "/tech/hello/");
        assert_eq!(at("/:sections[1:]/x"), "/tech/x");
        assert_eq!(at("/:sections[5]/x"), "//x");
        assert_eq!(
            at("/:monthname-:weekdayname-:weekday-:yearday/"),
            "/March-Tuesday-2-65/"
        );
        assert_eq!(at("/:2006/:Jan/:02/"), "/2024/Mar/05/");
        assert_eq!(at("/a\\:b/"), "/a:b/");
        let with_slug = PageFacts {
            slug: Some("Short Name"),
            ..facts()
        };
        assert_eq!(
            expand("/:slug/:slugorfilename/", &with_slug, &urlize).unwrap(),
            "/short-name/short-name/"
        );
        let undated = PageFacts {
            date: None,
            ..facts()
        };
        assert_eq!(
            expand("/:year/:month/", &undated, &urlize).unwrap(),
            "/1/01/"
        );
    }

    #[test]
    fn an_unknown_token_is_a_config_error() {
        let value = serde_json::json!({"posts": "/:year/:nonsense/"});
        let error = Permalinks::read(Some(&value)).unwrap_err();
        assert!(error.contains(":nonsense"), "{error}");
        let value = serde_json::json!({"page": {"posts": 3}});
        assert!(Permalinks::read(Some(&value)).is_err());
    }

    #[test]
    fn each_form_targets_the_pages_hugo_targets() {
        let legacy = Permalinks::read(Some(&serde_json::json!({"Posts": "/p/:slug/"}))).unwrap();
        assert_eq!(legacy.pattern("page", "/posts/a"), Some("/p/:slug/"));
        assert_eq!(legacy.pattern("page", "/posts/sub/a"), Some("/p/:slug/"));
        assert_eq!(legacy.pattern("section", "/posts"), None);
        assert_eq!(legacy.pattern("page", "/postscript/a"), None);

        let by_kind = Permalinks::read(Some(&serde_json::json!({
            "page": {"/": "/top/:filename/"},
            "section": {"posts": "/articles/"}
        })))
        .unwrap();
        assert_eq!(by_kind.pattern("page", "/a"), Some("/top/:filename/"));
        assert_eq!(by_kind.pattern("page", "/posts/a"), None);
        assert_eq!(by_kind.pattern("section", "/posts"), Some("/articles/"));

        let list = Permalinks::read(Some(&serde_json::json!([
            {"target": {"kind": "page", "path": "/docs/**"}, "pattern": "/d/:filename/"},
            {"pattern": "/all/:filename/"}
        ])))
        .unwrap();
        assert_eq!(list.pattern("page", "/docs/a/b"), Some("/d/:filename/"));
        assert_eq!(list.pattern("section", "/docs"), Some("/all/:filename/"));
    }
}
