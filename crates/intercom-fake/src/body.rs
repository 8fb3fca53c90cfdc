//! Reading a JSON request body field by field, naming the field in every error.

use axum::body::Bytes;
use serde_json::{Map, Value};

use crate::errors::ApiError;

/// A parsed JSON object body and the field errors found so far.
pub(crate) struct Fields {
    object: Map<String, Value>,
    errors: Vec<ApiError>,
}

/// What a field holds, for error messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Fields {
    /// Parses `bytes` as a JSON object; anything else is a 400 naming the field `body`.
    pub(crate) fn parse(bytes: &Bytes) -> Result<Self, ApiError> {
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(object)) => Ok(Self {
                object,
                errors: Vec::new(),
            }),
            Ok(other) => Err(ApiError::invalid(
                "body",
                format!("the body must be a JSON object, not {}", kind(&other)),
            )),
            Err(e) => Err(ApiError::invalid(
                "body",
                format!("the body is not valid JSON: {e}"),
            )),
        }
    }

    fn present(&self, field: &str) -> Option<&Value> {
        self.object.get(field).filter(|v| !v.is_null())
    }

    fn wrong_type(&mut self, field: &str, expected: &str, value_kind: &str) {
        self.errors.push(ApiError::invalid(
            field,
            format!("{field} must be {expected}, not {value_kind}"),
        ));
    }

    /// An optional string; `null` counts as absent.
    pub(crate) fn opt_string(&mut self, field: &str) -> Option<String> {
        match self.present(field)? {
            Value::String(s) => Some(s.clone()),
            other => {
                let k = kind(other);
                self.wrong_type(field, "a string", k);
                None
            }
        }
    }

    /// A required string that must not be empty.
    pub(crate) fn string(&mut self, field: &str) -> Option<String> {
        if self.present(field).is_none() {
            self.errors.push(ApiError::missing(field));
            return None;
        }
        let s = self.opt_string(field)?;
        if s.trim().is_empty() {
            self.errors.push(ApiError::invalid(
                field,
                format!("{field} must not be empty"),
            ));
            return None;
        }
        Some(s)
    }

    /// An optional boolean.
    pub(crate) fn opt_bool(&mut self, field: &str) -> Option<bool> {
        match self.present(field)? {
            Value::Bool(b) => Some(*b),
            other => {
                let k = kind(other);
                self.wrong_type(field, "a boolean", k);
                None
            }
        }
    }

    /// A required integer.
    pub(crate) fn integer(&mut self, field: &str) -> Option<i64> {
        let Some(value) = self.present(field) else {
            self.errors.push(ApiError::missing(field));
            return None;
        };
        match value.as_i64() {
            Some(n) => Some(n),
            None => {
                let k = if value.is_number() {
                    "a fraction or out of range"
                } else {
                    kind(value)
                };
                let k = k.to_owned();
                self.wrong_type(field, "an integer", &k);
                None
            }
        }
    }

    /// A required string that must be one of `allowed`.
    pub(crate) fn one_of(&mut self, field: &str, allowed: &[&str]) -> Option<String> {
        let s = self.string(field)?;
        self.check_one_of(field, s, allowed)
    }

    /// An optional string that, when present, must be one of `allowed`.
    pub(crate) fn opt_one_of(&mut self, field: &str, allowed: &[&str]) -> Option<String> {
        let s = self.opt_string(field)?;
        self.check_one_of(field, s, allowed)
    }

    fn check_one_of(&mut self, field: &str, s: String, allowed: &[&str]) -> Option<String> {
        if allowed.contains(&s.as_str()) {
            Some(s)
        } else {
            self.errors.push(ApiError::invalid(
                field,
                format!("{field} must be one of {}, not {s:?}", allowed.join(", ")),
            ));
            None
        }
    }

    /// An optional id that may be sent as an integer or a string of digits (e.g. `admin_id`).
    pub(crate) fn opt_id(&mut self, field: &str) -> Option<String> {
        match self.present(field)? {
            Value::Number(n) if n.is_u64() => Some(n.to_string()),
            Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                Some(s.clone())
            }
            other => {
                let k = kind(other);
                self.wrong_type(field, "an integer id", k);
                None
            }
        }
    }

    /// An optional list of integers that may also be sent as one integer (`audience_ids`).
    pub(crate) fn opt_integers(&mut self, field: &str) -> Option<Vec<i64>> {
        let value = self.present(field)?;
        let parsed = match value {
            Value::Number(n) => n.as_i64().map(|n| vec![n]),
            Value::Array(items) => items.iter().map(Value::as_i64).collect(),
            _ => None,
        };
        if parsed.is_none() {
            self.errors.push(ApiError::invalid(
                field,
                format!("{field} must be an integer or an array of integers"),
            ));
        }
        parsed
    }

    /// Records an error found by the caller (e.g. a cross-field rule).
    pub(crate) fn reject(&mut self, error: ApiError) {
        self.errors.push(error);
    }

    /// All field errors as one 400 answer, or `Ok` if there were none.
    pub(crate) fn finish(self) -> Result<(), ApiError> {
        match ApiError::merge(self.errors) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(json: &str) -> Fields {
        Fields::parse(&Bytes::copy_from_slice(json.as_bytes())).unwrap()
    }

    fn field_of(e: &ApiError) -> Vec<String> {
        e.errors.iter().filter_map(|i| i.field.clone()).collect()
    }

    #[test]
    fn names_each_bad_field() {
        let mut f = fields(r#"{"title": 3, "html": "", "source_id": "7"}"#);
        assert_eq!(f.string("title"), None);
        assert_eq!(f.string("html"), None);
        assert_eq!(f.integer("source_id"), None);
        assert_eq!(f.string("external_id"), None);
        let e = f.finish().unwrap_err();
        assert_eq!(
            field_of(&e),
            ["title", "html", "source_id", "external_id"].map(String::from)
        );
        assert_eq!(e.errors[3].code, "parameter_not_found");
    }

    #[test]
    fn malformed_and_non_object_bodies_name_body() {
        for raw in ["{", "[1]", "\"x\"", ""] {
            let e = Fields::parse(&Bytes::copy_from_slice(raw.as_bytes()))
                .err()
                .unwrap();
            assert_eq!(field_of(&e), ["body"]);
        }
    }

    #[test]
    fn ids_and_integer_lists_accept_both_spellings() {
        let mut f = fields(r#"{"a": 12, "b": "34", "c": 5, "d": [6, 7], "e": "x"}"#);
        assert_eq!(f.opt_id("a").as_deref(), Some("12"));
        assert_eq!(f.opt_id("b").as_deref(), Some("34"));
        assert_eq!(f.opt_integers("c"), Some(vec![5]));
        assert_eq!(f.opt_integers("d"), Some(vec![6, 7]));
        assert_eq!(f.opt_id("e"), None);
        assert!(f.finish().is_err());
    }
}
