//! OpenAPI 3.0 schemas are not quite JSON Schema (`nullable`, `#/components/schemas/…`
//! refs, `example`): this converts them so that a JSON Schema validator can check the
//! spec's documented examples.
//!
//! The conversion is strict on purpose: an object schema that lists its properties accepts
//! no others, so an example carrying a field the spec does not declare (a typo, or a field
//! the generated types would drop) is reported.

use anyhow::{Result, anyhow};
use serde_json::{Map, Value, json};

pub struct ExampleValidator {
    definitions: Value,
}

/// Every component schema of the spec as a JSON Schema (draft 7) definition, by name.
pub fn definitions(spec: &Value) -> Value {
    let schemas = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| {
            schemas
                .iter()
                .map(|(name, schema)| (name.clone(), convert(schema)))
                .collect::<Map<_, _>>()
        })
        .unwrap_or_default();
    Value::Object(schemas)
}

impl ExampleValidator {
    pub fn new(spec: &Value) -> Self {
        Self {
            definitions: definitions(spec),
        }
    }

    /// Checks `instance` against an OpenAPI `schema` (which may `$ref` the components);
    /// returns one message per violation.
    pub fn validate(&self, schema: &Value, instance: &Value) -> Result<Vec<String>> {
        let mut root = convert(schema);
        if let Value::Object(map) = &mut root {
            map.insert("definitions".into(), self.definitions.clone());
        } else {
            root = json!({ "allOf": [root], "definitions": self.definitions });
        }
        let validator =
            jsonschema::draft7::new(&root).map_err(|e| anyhow!("schema does not compile: {e}"))?;
        Ok(validator
            .iter_errors(instance)
            .map(|e| {
                let at = e.instance_path().to_string();
                format!("{} {e}", if at.is_empty() { "at the top" } else { &at })
            })
            .collect())
    }
}

fn convert(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                match key.as_str() {
                    // Documentation only, or OpenAPI-only keywords.
                    "example" | "description" | "summary" | "deprecated" | "format"
                    | "nullable" => {}
                    "$ref" => {
                        let target = value.as_str().unwrap_or_default();
                        let name = target.trim_start_matches("#/components/schemas/");
                        out.insert(key.clone(), json!(format!("#/definitions/{name}")));
                    }
                    "properties" => {
                        let props = value
                            .as_object()
                            .map(|p| p.iter().map(|(k, v)| (k.clone(), convert(v))).collect())
                            .unwrap_or_default();
                        out.insert(key.clone(), Value::Object(props));
                    }
                    _ => {
                        out.insert(key.clone(), convert(value));
                    }
                }
            }
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                out.insert("additionalProperties".into(), json!(false));
            }
            if map.get("nullable") == Some(&json!(true)) {
                return json!({ "anyOf": [Value::Object(out), { "type": "null" }] });
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(convert).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Value {
        json!({ "components": { "schemas": {
            "Page": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": { "type": "string" },
                    "source_id": { "type": "integer", "format": "int64" },
                    "next": { "type": "string", "nullable": true }
                }
            }
        }}})
    }

    fn errors(instance: Value) -> Vec<String> {
        let schema = json!({ "$ref": "#/components/schemas/Page" });
        ExampleValidator::new(&spec())
            .validate(&schema, &instance)
            .unwrap()
    }

    #[test]
    fn accepts_a_fitting_example() {
        assert!(errors(json!({ "id": "1", "source_id": 44, "next": null })).is_empty());
    }

    #[test]
    fn rejects_wrong_types_missing_fields_and_unknown_fields() {
        assert_eq!(errors(json!({ "id": "1", "source_id": "44" })).len(), 1);
        assert_eq!(errors(json!({ "source_id": 44 })).len(), 1);
        assert_eq!(errors(json!({ "id": "1", "sourceid": 44 })).len(), 1);
    }
}
