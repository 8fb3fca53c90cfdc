//! JSON comparison helpers.

use serde_json::Value;

/// Removes every `null`-valued key, recursively.
///
/// The reference writes some absent optional values as `null` (`"next": null`) and the
/// generated types skip `None` when serializing: a field written `null` and a field left
/// out mean the same thing on the wire, while a dropped value (a field the types do not
/// know) still shows up as a difference.
pub fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::without_nulls;

    #[test]
    fn drops_null_keys_only() {
        assert_eq!(
            without_nulls(&json!({ "a": null, "b": [{ "c": null, "d": 1 }], "e": false })),
            json!({ "b": [{ "d": 1 }], "e": false })
        );
    }
}
