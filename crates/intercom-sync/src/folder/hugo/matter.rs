//! Front matter (YAML `---` or TOML `+++`), its dates, dotted lookups in it, and what a
//! section's `cascade` gives the pages under it.

use super::*;

/// One entry of a `cascade`: its keys, for the pages its target matches.
#[derive(Clone, Debug)]
pub(super) struct Cascade {
    pub(super) values: Mapping,
    pub(super) path: Option<GlobMatcher>,
    pub(super) kind: Option<GlobMatcher>,
    pub(super) lang: Option<GlobMatcher>,
    pub(super) environment: Option<GlobMatcher>,
}

/// What a cascade's target is matched against.
pub(super) struct Target<'a> {
    /// `/docs/a.md` and `/docs/a` (a section: `/docs/_index.md` and `/docs`).
    pub(super) paths: [String; 2],
    pub(super) kind: &'a str,
    pub(super) lang: &'a str,
}

impl Cascade {
    pub(super) fn matches(&self, target: &Target<'_>) -> bool {
        self.path
            .as_ref()
            .is_none_or(|g| target.paths.iter().any(|p| g.is_match(p)))
            && self.kind.as_ref().is_none_or(|g| g.is_match(target.kind))
            && self.lang.as_ref().is_none_or(|g| g.is_match(target.lang))
            // `hugo` builds for production.
            && self
                .environment
                .as_ref()
                .is_none_or(|g| g.is_match("production"))
    }
}

pub(super) fn glob(pattern: &str) -> Option<GlobMatcher> {
    GlobBuilder::new(&pattern.to_lowercase())
        .literal_separator(true)
        // `{,/**}/_includes`: Hugo's globs allow an empty alternative.
        .empty_alternates(true)
        .build()
        .ok()
        .map(|g| g.compile_matcher())
}

/// The entries of a `cascade` value: a mapping, or a list of them.
pub(super) fn cascades(value: &Value) -> Vec<Cascade> {
    let entries: Vec<&Mapping> = match value {
        Value::Object(map) => vec![map],
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    };
    entries
        .into_iter()
        .map(|entry| {
            let mut values = Mapping::new();
            let mut target = None;
            for (k, v) in entry {
                match k.as_str() {
                    "_target" | "target" => target = v.as_object(),
                    _ => {
                        values.insert(k.clone(), v.clone());
                    }
                }
            }
            let matcher = |key: &str| {
                target
                    .and_then(|t| lookup(t, key))
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .and_then(glob)
            };
            Cascade {
                values,
                path: matcher("path"),
                kind: matcher("kind"),
                lang: matcher("lang"),
                environment: matcher("environment"),
            }
        })
        .collect()
}

/// `own` with the keys of the matching entries of `list` it does not have, the first entry's
/// winning.
pub(super) fn apply(mut own: Mapping, list: &[Cascade], target: &Target<'_>) -> Mapping {
    for cascade in list.iter().filter(|c| c.matches(target)) {
        for (k, v) in &cascade.values {
            let present = own.keys().any(|o| o.eq_ignore_ascii_case(k));
            if !present && k != "external_id" {
                own.insert(k.clone(), v.clone());
            }
        }
    }
    own
}

/// The front matter block of a Hugo content file: YAML between `---` lines, TOML between
/// `+++` lines; and the body after it.
pub(super) fn split(text: &str) -> (Option<Block<'_>>, &str) {
    if let (Some(yaml), body) = front_matter::split(text) {
        return (Some(Block::Yaml(yaml)), body);
    }
    let Some(rest) = text.strip_prefix("+++") else {
        return (None, text);
    };
    let Some(newline) = rest.find('\n') else {
        return (None, text);
    };
    if !rest[..newline].trim().is_empty() {
        return (None, text);
    }
    let block = &rest[newline + 1..];
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return (
                Some(Block::Toml(&block[..offset])),
                &block[offset + line.len()..],
            );
        }
        offset += line.len();
    }
    (None, text)
}

pub(super) enum Block<'a> {
    Yaml(&'a str),
    Toml(&'a str),
}

/// The front matter's keys; none when there is no block.
pub(super) fn parse_block(block: Option<Block<'_>>) -> Result<Mapping, String> {
    let value: Value = match block {
        None => return Ok(Mapping::new()),
        Some(Block::Yaml(yaml)) => super::super::yaml::parse(yaml, true)
            .map_err(|e| format!("front matter is not YAML: {e}"))?,
        Some(Block::Toml(toml)) => {
            toml::from_str(toml).map_err(|e| format!("front matter is not TOML: {e}"))?
        }
    };
    Ok(match value {
        Value::Object(map) => map,
        _ => Mapping::new(),
    })
}

/// `map[key]` for a dotted key, each part's case ignored.
pub(super) fn lookup<'v>(map: &'v Mapping, key: &str) -> Option<&'v Value> {
    let mut current = map;
    let parts: Vec<&str> = key.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let value = current
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(part))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())?;
        if i + 1 == parts.len() {
            return Some(value);
        }
        current = value.as_object()?;
    }
    None
}

pub(super) fn truthy(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::Bool(true)))
}

/// A front matter date (`2024-05-01`, `2024-05-01T10:00:00+02:00`, a TOML date) as seconds
/// since 1970 (UTC when it has no offset, midnight when it has no time), and as written.
pub(super) fn timestamp(value: &Value) -> Option<(DateTime<FixedOffset>, String)> {
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        // TOML dates, as serde sees them.
        Value::Object(map) => map.values().next()?.as_str()?.trim().to_owned(),
        _ => return None,
    };
    let zoned = || {
        DateTime::parse_from_rfc3339(&text).ok().or_else(|| {
            [
                "%Y-%m-%d %H:%M:%S %z",
                "%Y-%m-%d %H:%M:%S%:z",
                "%Y-%m-%dT%H:%M:%S%z",
            ]
            .iter()
            .find_map(|f| DateTime::parse_from_str(&text, f).ok())
        })
    };
    // Without a zone Hugo reads UTC (the `timeZone` setting is not read).
    let local = || {
        [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .map(|d| d.and_utc().fixed_offset())
    };
    let date = zoned().or_else(local)?;
    Some((date, text))
}
