//! The spec's own rules, beyond what the generator checks: OpenAPI 3.0.x, unique
//! operationIds, the version header and the error answers (400, 401, 429, 5XX) on every
//! operation, every component used, every documented example valid against its schema, and
//! every example under a status range (`5XX`) naming its status (`x-status`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::schema::ExampleValidator;
use crate::spec::Spec;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
const VERSION_PARAMETER: &str = "#/components/parameters/IntercomVersion";
const VERSION_SCHEMA: &str = "#/components/schemas/IntercomVersion";
/// The error answers every operation documents: any request can be refused (400: every
/// operation takes the version header), unauthorized, rate limited, or fail on the server.
const ERROR_STATUSES: [&str; 4] = ["400", "401", "429", "5XX"];
/// On an example of a response under a status range, the status it is an example of.
pub const EXAMPLE_STATUS_EXTENSION: &str = "x-status";

/// Every problem found, one line each; empty when the spec is clean.
pub fn lint(spec: &Spec) -> Vec<String> {
    let json = &spec.json;
    let mut problems = Vec::new();

    let version = json.get("openapi").and_then(Value::as_str).unwrap_or("");
    if !version.starts_with("3.0.") {
        problems.push(format!(
            "openapi is {version:?}: progenitor reads only 3.0.x"
        ));
    }

    let mut operation_ids = BTreeMap::<String, String>::new();
    for (method, path, op) in operations(json) {
        let at = format!("{} {path}", method.to_uppercase());
        match op.get("operationId").and_then(Value::as_str) {
            None => problems.push(format!("{at}: no operationId")),
            Some(id) => {
                if let Some(first) = operation_ids.insert(id.to_owned(), at.clone()) {
                    problems.push(format!("{at}: operationId {id} is also used by {first}"));
                }
            }
        }
        if !has_version_header(json, op) {
            problems.push(format!(
                "{at}: no Intercom-Version header parameter using {VERSION_SCHEMA}"
            ));
        }
        if op
            .get(crate::operations::IDEMPOTENT_EXTENSION)
            .and_then(Value::as_bool)
            .is_none()
        {
            problems.push(format!(
                "{at}: no boolean {} (may the runtime send it twice?)",
                crate::operations::IDEMPOTENT_EXTENSION
            ));
        }
        for status in ERROR_STATUSES {
            if op.get("responses").and_then(|r| r.get(status)).is_none() {
                problems.push(format!("{at}: no documented {status} response"));
            }
        }
        problems.extend(example_statuses(json, op, &at));
    }

    problems.extend(unused_components(json));

    let validator = ExampleValidator::new(json);
    for example in examples(json) {
        match validator.validate(&example.schema, &example.value) {
            Ok(errors) => problems.extend(
                errors
                    .into_iter()
                    .map(|e| format!("example {}: {e}", example.location)),
            ),
            Err(e) => problems.push(format!("example {}: {e}", example.location)),
        }
    }
    problems
}

/// (method, path, operation) for every operation of the spec.
pub fn operations(json: &Value) -> Vec<(&'static str, String, &Value)> {
    let mut ops = Vec::new();
    if let Some(paths) = json.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    ops.push((method, path.clone(), op));
                }
            }
        }
    }
    ops
}

fn has_version_header(json: &Value, op: &Value) -> bool {
    let params = op.get("parameters").and_then(Value::as_array);
    params.into_iter().flatten().any(|param| {
        let param = resolve(json, param);
        param.get("in").and_then(Value::as_str) == Some("header")
            && param.get("name").and_then(Value::as_str) == Some("Intercom-Version")
            && param.pointer("/schema/$ref").and_then(Value::as_str) == Some(VERSION_SCHEMA)
    }) || params.into_iter().flatten().any(|param| {
        param.get("$ref").and_then(Value::as_str) == Some(VERSION_PARAMETER)
            && resolve(json, param)
                .pointer("/schema/$ref")
                .and_then(Value::as_str)
                == Some(VERSION_SCHEMA)
    })
}

/// Follows one local `$ref`, if the value is one.
fn resolve<'a>(json: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(target) => json
            .pointer(target.trim_start_matches('#'))
            .unwrap_or(value),
        None => value,
    }
}

fn unused_components(json: &Value) -> Vec<String> {
    let mut refs = BTreeSet::new();
    collect_refs(json, &mut refs);
    let mut problems = Vec::new();
    for kind in ["schemas", "parameters", "responses", "headers"] {
        let Some(items) = json
            .pointer(&format!("/components/{kind}"))
            .and_then(Value::as_object)
        else {
            continue;
        };
        for name in items.keys() {
            if !refs.contains(&format!("#/components/{kind}/{name}")) {
                problems.push(format!("components.{kind}.{name} is never used"));
            }
        }
    }
    problems
}

fn collect_refs(value: &Value, refs: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("$ref", Value::String(target)) => {
                        refs.insert(target.clone());
                    }
                    _ => collect_refs(value, refs),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, refs)),
        _ => {}
    }
}

struct Example {
    location: String,
    schema: Value,
    value: Value,
}

/// The status range a response key names (`5XX` → 5), if it is one.
fn status_range(key: &str) -> Option<u16> {
    match key.as_bytes() {
        [digit @ b'1'..=b'5', x, y]
            if x.eq_ignore_ascii_case(&b'x') && y.eq_ignore_ascii_case(&b'x') =>
        {
            Some(u16::from(digit - b'0'))
        }
        _ => None,
    }
}

/// Each example of a response under a status range names its status in `x-status`, within
/// the range; an example under a single status that names one names that one. (The contract
/// tests replay each example with its status.)
fn example_statuses(json: &Value, op: &Value, at: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, response) in op
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let examples = resolve(json, response)
            .get("content")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(_, media)| media.get("examples").and_then(Value::as_object))
            .flatten();
        for (name, example) in examples {
            let named = example.get(EXAMPLE_STATUS_EXTENSION);
            let status = named.and_then(Value::as_u64);
            let fits = match (status_range(key), key.parse::<u64>()) {
                (Some(range), _) => status.is_some_and(|s| s / 100 == u64::from(range)),
                (None, Ok(code)) => named.is_none() || status == Some(code),
                (None, Err(_)) => true,
            };
            if !fits {
                problems.push(format!(
                    "{at} {key} example {name:?}: {EXAMPLE_STATUS_EXTENSION} must be a status {}",
                    if status_range(key).is_some() {
                        format!("within {key}")
                    } else {
                        format!("equal to {key}, or left out")
                    }
                ));
            }
        }
    }
    problems
}

/// Every documented example with the schema it must fit: request and response examples,
/// response header examples, parameter examples, and `example`s written on schemas and their
/// properties.
fn examples(json: &Value) -> Vec<Example> {
    let mut out = Vec::new();
    for (method, path, op) in operations(json) {
        let at = format!("{} {path}", method.to_uppercase());
        for param in op
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let param = resolve(json, param);
            if let (Some(schema), Some(example)) = (param.get("schema"), param.get("example")) {
                let name = param.get("name").and_then(Value::as_str).unwrap_or("?");
                out.push(Example {
                    location: format!("{at} parameter {name}"),
                    schema: schema.clone(),
                    value: example.clone(),
                });
            }
        }
        if let Some(body) = op.get("requestBody") {
            media_examples(resolve(json, body), &format!("{at} request"), &mut out);
        }
        for (status, response) in op
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let response = resolve(json, response);
            media_examples(response, &format!("{at} {status}"), &mut out);
            for (name, header) in response
                .get("headers")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let header = resolve(json, header);
                if let (Some(schema), Some(example)) = (header.get("schema"), header.get("example"))
                {
                    out.push(Example {
                        location: format!("{at} {status} header {name}"),
                        schema: schema.clone(),
                        value: example.clone(),
                    });
                }
            }
        }
    }
    if let Some(schemas) = json
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            schema_examples(schema, &format!("components.schemas.{name}"), &mut out);
        }
    }
    out
}

fn media_examples(holder: &Value, at: &str, out: &mut Vec<Example>) {
    for (mime, media) in holder
        .get("content")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let Some(schema) = media.get("schema") else {
            continue;
        };
        if let Some(example) = media.get("example") {
            out.push(Example {
                location: format!("{at} {mime}"),
                schema: schema.clone(),
                value: example.clone(),
            });
        }
        for (name, example) in media
            .get("examples")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            out.push(Example {
                location: format!("{at} {mime} {name:?}"),
                schema: schema.clone(),
                value: example.get("value").cloned().unwrap_or(Value::Null),
            });
        }
    }
}

fn schema_examples(schema: &Value, at: &str, out: &mut Vec<Example>) {
    if let Some(example) = schema.get("example") {
        out.push(Example {
            location: at.to_owned(),
            schema: schema.clone(),
            value: example.clone(),
        });
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            schema_examples(prop, &format!("{at}.{name}"), out);
        }
    }
    if let Some(items) = schema.get("items") {
        schema_examples(items, &format!("{at}[]"), out);
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        for (i, sub) in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            schema_examples(sub, &format!("{at}.{key}[{i}]"), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load() -> Spec {
        Spec::load().expect("the workspace spec loads")
    }

    #[test]
    fn the_workspace_spec_is_clean() {
        assert_eq!(lint(&load()), Vec::<String>::new());
    }

    fn lint_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut spec = load();
        edit(&mut spec.json);
        lint(&spec)
    }

    #[test]
    fn a_response_example_that_does_not_fit_its_schema_is_reported() {
        let problems = lint_after(|json| {
            let example = json
                .pointer_mut("/paths/~1ai~1external_pages/post/responses/200/content/application~1json/examples/successful/value/source_id")
                .unwrap();
            *example = Value::String("44".into());
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("/source_id"), "{problems:?}");
    }

    #[test]
    fn duplicate_operation_ids_and_missing_version_headers_are_reported() {
        let problems = lint_after(|json| {
            let op = json.pointer_mut("/paths/~1notes~1{id}/get").unwrap();
            op["operationId"] = "listNotes".into();
            op["parameters"].as_array_mut().unwrap().remove(0);
        });
        assert!(
            problems
                .iter()
                .any(|p| p.contains("operationId listNotes is also used"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("GET /notes/{id}: no Intercom-Version"))
        );
    }

    #[test]
    fn a_missing_error_answer_is_reported() {
        let problems = lint_after(|json| {
            let responses = json
                .pointer_mut("/paths/~1notes~1{id}/get/responses")
                .and_then(Value::as_object_mut)
                .unwrap();
            responses.remove("429");
            responses.remove("5XX");
        });
        assert_eq!(
            problems,
            [
                "GET /notes/{id}: no documented 429 response",
                "GET /notes/{id}: no documented 5XX response"
            ]
        );
    }

    #[test]
    fn an_example_under_a_status_range_must_name_its_status() {
        let problems = lint_after(|json| {
            let examples = json
                .pointer_mut("/components/responses/ServerError/content/application~1json/examples")
                .and_then(Value::as_object_mut)
                .unwrap();
            examples["Server error"]
                .as_object_mut()
                .unwrap()
                .remove(EXAMPLE_STATUS_EXTENSION);
            examples["Service unavailable"][EXAMPLE_STATUS_EXTENSION] = 429.into();
        });
        // Once for each operation using the response.
        let operations = operations(&load().json).len();
        assert_eq!(problems.len(), 2 * operations, "{problems:?}");
        assert!(
            problems
                .iter()
                .all(|p| p.contains("x-status must be a status within 5XX")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_header_example_that_does_not_fit_its_schema_is_reported() {
        let problems = lint_after(|json| {
            json["components"]["headers"]["X-RateLimit-Remaining"]["example"] = "none".into();
        });
        assert!(!problems.is_empty());
        assert!(
            problems
                .iter()
                .all(|p| p.contains("429 header X-RateLimit-Remaining")),
            "{problems:?}"
        );
    }

    #[test]
    fn unused_schemas_and_other_openapi_versions_are_reported() {
        let problems = lint_after(|json| {
            json["openapi"] = "3.1.0".into();
            json["components"]["schemas"]["Orphan"] = serde_json::json!({ "type": "string" });
        });
        assert!(problems.iter().any(|p| p.contains("3.0.x")));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("components.schemas.Orphan is never used"))
        );
    }
}
