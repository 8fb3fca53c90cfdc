//! YAML (front matter, site configs) read as JSON values, with serde-saphyr.
//!
//! Read as serde_yaml 0.9 read it, which the sync used before: YAML 1.2's booleans only
//! (`yes` is a string), `0755` and `1_000` strings, `<<` an ordinary key, dates strings, tags
//! dropped (`!!python/name:x` is null, `!ENV [KEY, x]` the list), `.nan` and `.inf` null.
//! Mapping keys that are numbers or booleans become their text (`2024: x` is the key
//! `"2024"`); keys that are null, lists or mappings are left out (no lookup can name them).
//! A key twice in a mapping is an error when `strict` (serde_yaml's own `Value` said so),
//! otherwise the last one wins (serde_yaml into a JSON value). Errors are one line.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::{DuplicateKeyPolicy, MergeKeyPolicy, NonFiniteFloatPolicy};

/// The document as a JSON value: null when it is empty.
pub(crate) fn parse(text: &str, strict: bool) -> Result<Value, String> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
        merge_keys: MergeKeyPolicy::AsOrdinary,
        non_finite_float_policy: NonFiniteFloatPolicy::PassThrough,
        duplicate_keys: if strict { DuplicateKeyPolicy::Error } else { DuplicateKeyPolicy::PassThrough },
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<Node>(text, options)
        .map(|node| node.0)
        .map_err(|e| one_line(&e.to_string()))
}

/// The document's mapping; empty when it is not one (an empty document, a scalar, a list).
pub(crate) fn parse_mapping(text: &str, strict: bool) -> Result<Map<String, Value>, String> {
    Ok(match parse(text, strict)? {
        Value::Object(map) => map,
        _ => Map::new(),
    })
}

/// The message on one line, without serde-saphyr's advice to its own users (the options are
/// ours, not the reader's).
fn one_line(message: &str) -> String {
    message
        .replace(", set DuplicateKeyPolicy in Options if acceptable", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A YAML node as a JSON value.
struct Node(Value);

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor).map(Node)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or_else(|_| float(v as f64), |v| Value::Number(v.into())))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(u64::try_from(v).map_or_else(|_| float(v as f64), |v| Value::Number(v.into())))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::String(String::from_utf8_lossy(v).into_owned()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Node::deserialize(deserializer).map(|n| n.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Node(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(Key(key)) = map.next_key()? {
            let Node(value) = map.next_value()?;
            if let Some(key) = key {
                out.insert(key, value);
            }
        }
        Ok(Value::Object(out))
    }
}

/// A float as JSON has it: NaN and the infinities are null.
fn float(v: f64) -> Value {
    Number::from_f64(v).map_or(Value::Null, Value::Number)
}

/// A mapping key as text; none for a null, a list or a mapping.
struct Key(Option<String>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = match deserializer.deserialize_any(NodeVisitor)? {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Null | Value::Array(_) | Value::Object(_) => None,
        };
        Ok(Key(key))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn yaml_reads_as_serde_yaml_read_it() {
        let value = parse(
            "a: yes\nb: 0755\nc: 1_000\nd: 2024-03-01\ne: 1.0\nf: 12\ng: .nan\nh: ~\n2024: year\ntrue: t\n1.5: f\n? [x]\n: list\ni: 0x10\nj: -3\nk: 1e3\n",
            true,
        )
        .unwrap();
        assert_eq!(
            value,
            json!({
                "a": "yes", "b": "0755", "c": "1_000", "d": "2024-03-01", "e": 1.0, "f": 12,
                "g": null, "h": null, "2024": "year", "true": "t", "1.5": "f", "i": 16, "j": -3,
                "k": 1000.0,
            })
        );
        assert_eq!(value["e"].to_string(), "1.0");
        assert_eq!(parse("", true).unwrap(), Value::Null);
        assert_eq!(parse("# only a comment\n", true).unwrap(), Value::Null);
        assert_eq!(
            parse("x: &a {k: v}\ny: *a\n<<: *a\n", true).unwrap(),
            json!({"x": {"k": "v"}, "y": {"k": "v"}, "<<": {"k": "v"}})
        );
        assert_eq!(
            parse(
                "m: !!python/name:material.extensions.emoji.twemoji\ne: !ENV [KEY, 'dflt']\ns: !ENV KEY\n",
                true
            )
            .unwrap(),
            json!({"m": null, "e": ["KEY", "dflt"], "s": "KEY"})
        );
        assert!(parse("a: 1\na: 2\n", true).is_err());
        assert_eq!(parse("a: 1\na: 2\n", false).unwrap(), json!({"a": 2}));
        let error = parse("a: [1\nb: 2\n", true).unwrap_err();
        assert!(!error.contains('\n'), "{error}");
        assert!(error.contains("at line 2"), "{error}");
        assert_eq!(
            parse("a: 1\na: 2\n", true).unwrap_err(),
            "duplicate mapping key: a at line 2, column 1"
        );
    }
}
