//! Front matter: the YAML block at the top of a Markdown file, and the keys the sync reads.
//!
//! | key | what it does |
//! | --- | --- |
//! | `title` | the page's title |
//! | `draft: true` | the page is not published: skipped (see [`read_folder`](super::read_folder)) |
//! | `external_id` | the page's identity in the source, whatever its path (every layout) |
//! | `id` | Docusaurus' doc id: replaces the file name in the identity and the URL |
//! | `slug` | Docusaurus' and Hugo's URL override (see [`Layout`](super::Layout)) |
//! | `url` | Hugo's URL override, from the site root |
//! | `build: {render: never}` (`_build`), `headless`, `cascade` | Hugo: not published, or given to a section's pages (see [`hugo`](super::hugo); Hugo's front matter may also be TOML, `+++`) |
//! | `intercom: {ai_agent: bool, ai_copilot: bool}` | availability to AI Agent and Copilot |
//!
//! The Intercom keys are nested under `intercom:` so that they never collide with a site
//! generator's own; a key under it that is not one of the two is an error (a typo would
//! otherwise be ignored silently).

use serde_json::{Map, Value};

use super::yaml;

/// What a file's front matter says, as far as the sync is concerned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub draft: bool,
    pub external_id: Option<String>,
    pub id: Option<String>,
    pub slug: Option<String>,
    pub url: Option<String>,
    pub ai_agent: Option<bool>,
    pub ai_copilot: Option<bool>,
}

/// Splits a Markdown file into its front matter (the YAML between a first line `---` and
/// the next line `---` or `...`) and its body. A file whose first line is not `---`, or
/// whose block is never closed, has no front matter. Line ends must be `\n`.
pub(crate) fn split(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---") else {
        return (None, text);
    };
    let Some(newline) = rest.find('\n') else {
        return (None, text);
    };
    if !rest[..newline].trim().is_empty() {
        return (None, text);
    }
    let block_start = 3 + newline + 1;
    let block = &text[block_start..];
    // `---` followed by a blank line is a thematic break, not front matter.
    if block.starts_with('\n') || block.is_empty() {
        return (None, text);
    }
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &block[..offset];
            let body = &block[offset + line.len()..];
            return (Some(yaml), body);
        }
        offset += line.len();
    }
    (None, text)
}

/// Reads the keys of a YAML front matter block. YAML that does not parse is an error (the
/// file would otherwise go out with its metadata as body text), as is a key of the wrong
/// type. A block that is not a mapping has no keys.
pub(crate) fn parse(yaml: &str) -> Result<FrontMatter, String> {
    let map =
        yaml::parse_mapping(yaml, true).map_err(|e| format!("front matter is not YAML: {e}"))?;
    from_mapping(&map)
}

/// Reads the keys of front matter already parsed (Hugo's TOML front matter, or YAML with
/// the values its sections cascade added).
pub(crate) fn from_mapping(map: &Map<String, Value>) -> Result<FrontMatter, String> {
    let get = |key: &str| map.get(key).filter(|v| !v.is_null());
    let mut fm = FrontMatter {
        title: get("title").and_then(title),
        draft: boolean("draft", get("draft"))?.unwrap_or(false),
        external_id: text("external_id", get("external_id"))?,
        id: text("id", get("id"))?,
        slug: text("slug", get("slug"))?,
        url: text("url", get("url"))?,
        ..FrontMatter::default()
    };
    match get("intercom") {
        None => {}
        Some(Value::Object(intercom)) => {
            for (key, value) in intercom {
                let value = Some(value).filter(|v| !v.is_null());
                match key.as_str() {
                    "ai_agent" => fm.ai_agent = boolean("intercom.ai_agent", value)?,
                    "ai_copilot" => fm.ai_copilot = boolean("intercom.ai_copilot", value)?,
                    _ => {
                        return Err(format!(
                            "front matter intercom.{key} is not a known key (ai_agent, ai_copilot)"
                        ));
                    }
                }
            }
        }
        Some(_) => {
            return Err(
                "front matter intercom must be a mapping ({ai_agent: …, ai_copilot: …})".into(),
            );
        }
    }
    if fm
        .external_id
        .as_deref()
        .is_some_and(|id| id.trim().is_empty())
    {
        return Err("front matter external_id is empty".into());
    }
    Ok(fm)
}

fn title(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text(key: &str, value: Option<&Value>) -> Result<Option<String>, String> {
    match value {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(format!("front matter {key} must be a string")),
    }
}

fn boolean(key: &str, value: Option<&Value>) -> Result<Option<bool>, String> {
    match value {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(format!("front matter {key} must be true or false")),
    }
}

/// Collapses whitespace; `None` when nothing is left.
pub(crate) fn non_empty(text: &str) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_are_not_strings_and_empty_blocks_are_no_error() {
        let fm = parse("2024: a year\ntrue: yes\n? [a, b]\n: list\ntitle: T\n").unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(parse("").unwrap(), FrontMatter::default());
        assert_eq!(parse("# a comment\n").unwrap(), FrontMatter::default());
        assert_eq!(
            parse("intercom: {1: x}\n").unwrap_err(),
            "front matter intercom.1 is not a known key (ai_agent, ai_copilot)"
        );
        // YAML 1.2: `yes` is a string, not true.
        assert!(parse("draft: yes\n").is_err());
    }

    #[test]
    fn split_finds_the_block_and_the_body() {
        assert_eq!(
            split("---\ntitle: A\n---\nBody"),
            (Some("title: A\n"), "Body")
        );
        assert_eq!(split("---\ntitle: A\n...\n"), (Some("title: A\n"), ""));
        assert_eq!(split("---\n\nnot front matter\n---\n").0, None);
        assert_eq!(split("# No front matter").0, None);
        assert_eq!(split("---\nnever closed").0, None);
    }

    #[test]
    fn keys_are_read_and_typed() {
        let fm = parse(
            "title: T\ndraft: true\nexternal_id: 42\nslug: /x\nintercom:\n  ai_agent: false\n  ai_copilot: true\n",
        )
        .unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert!(fm.draft);
        assert_eq!(fm.external_id.as_deref(), Some("42"));
        assert_eq!(fm.slug.as_deref(), Some("/x"));
        assert_eq!((fm.ai_agent, fm.ai_copilot), (Some(false), Some(true)));
        assert!(
            parse("draft: yes")
                .unwrap_err()
                .contains("draft must be true or false")
        );
        assert!(
            parse("intercom: {ai_agnet: false}")
                .unwrap_err()
                .contains("ai_agnet")
        );
        assert!(
            parse("title: [x")
                .unwrap_err()
                .starts_with("front matter is not YAML")
        );
        assert_eq!(parse("- a list").unwrap(), FrontMatter::default());
    }
}
