//! Each operation's answer from the fake, held side by side with the documented examples of
//! `openapi/intercom.yaml`: the same keys, recursively, with the same JSON types (the values
//! differ).
//!
//! How optional keys are handled: the examples do not agree among themselves (the `list_object`
//! examples have `pages.next`, the curl examples do not; the notes list's author has eleven
//! fields, the create/retrieve examples' authors six), so "the same set of keys" is checked
//! against the schema beside the example:
//! - every key an example has, the fake has too, except the few listed in [`FAKE_MAY_OMIT`],
//!   each of which the schema documents as optional (this is checked too);
//! - every key the fake has is in the example or is a documented property of the schema
//!   (so `audience_ids`, documented under version Preview, would be allowed);
//! - values have the same JSON type, except that `null` matches where the schema says nullable;
//!   arrays are compared element by element with the example's first element.

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use serde_json::{Value, json};

use common::{Api, start};

/// Keys (as `Schema.key`) that an example shows but the fake may leave out, and why.
const FAKE_MAY_OMIT: &[(&str, &str)] = &[
    (
        "PagesLink.next",
        "absent on the last page of AI Content lists, as the curl examples show",
    ),
    (
        "NoteAuthor.job_title",
        "the fake's admins look like the create/retrieve examples' authors",
    ),
    ("NoteAuthor.has_inbox_seat", "as above"),
    ("NoteAuthor.team_ids", "as above"),
    ("NoteAuthor.avatar", "as above"),
    ("NoteAuthor.team_priority_level", "as above"),
    ("NoteAuthor.away_status_reason_id", "as above"),
    (
        "Note.contact",
        "a company note leaves `contact` out rather than sending null (the schema makes it optional)",
    ),
    (
        "Note.company",
        "a contact note has no company (the schema makes it optional)",
    ),
    (
        "ContentImportSource.audience_ids",
        "a source without audiences leaves them out; 2.15 and 2.16 may send null",
    ),
];

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/intercom.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    // YAML 1.2, as OpenAPI 3 has it (`yes` is a string), as `cargo xtask` reads it.
    serde_saphyr::from_str_with_options(&text, serde_saphyr::options! { strict_booleans: true })
        .unwrap()
}

/// Follows `$ref`s (and the one-element `allOf`s that give a `$ref` its own description);
/// returns the schema and the name of the last component it went through.
fn resolve<'a>(spec: &'a Value, schema: &'a Value, name: &str) -> (&'a Value, String) {
    let mut schema = schema;
    let mut name = name.to_owned();
    loop {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            name = reference.rsplit('/').next().unwrap().to_owned();
            schema = spec.pointer(reference.trim_start_matches('#')).unwrap();
        } else if let Some([only]) = schema
            .get("allOf")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
        {
            schema = only;
        } else {
            return (schema, name);
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

struct Compare<'a> {
    spec: &'a Value,
    problems: Vec<String>,
}

impl Compare<'_> {
    fn compare(&mut self, schema: &Value, name: &str, example: &Value, actual: &Value, at: &str) {
        let outer_nullable = schema["nullable"] == true;
        let (schema, name) = resolve(self.spec, schema, name);
        let nullable = outer_nullable || schema["nullable"] == true;
        if (example.is_null() || actual.is_null()) && nullable {
            return;
        }
        if let Some(branches) = schema.get("oneOf").and_then(Value::as_array) {
            let fits = branches.iter().any(|b| {
                let (b, _) = resolve(self.spec, b, &name);
                b["type"].as_str().is_some_and(|t| {
                    t == json_type(actual) || (t == "number" && json_type(actual) == "integer")
                })
            });
            if !fits {
                self.problems.push(format!(
                    "{at}: {} fits no branch of {name}",
                    json_type(actual)
                ));
            }
            return;
        }
        if json_type(example) != json_type(actual) {
            self.problems.push(format!(
                "{at}: the example has {}, the fake {}",
                json_type(example),
                json_type(actual)
            ));
            return;
        }
        match (example, actual) {
            (Value::Object(ex), Value::Object(ac)) => {
                let properties = schema.get("properties").and_then(Value::as_object);
                let required: Vec<&str> = schema["required"]
                    .as_array()
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                for (key, ex_value) in ex {
                    let here = format!("{at}.{key}");
                    let Some(ac_value) = ac.get(key) else {
                        let qualified = format!("{name}.{key}");
                        let allowed = FAKE_MAY_OMIT.iter().any(|(k, _)| *k == qualified);
                        if !allowed {
                            self.problems
                                .push(format!("{here}: missing from the fake's answer"));
                        } else if required.contains(&key.as_str()) {
                            self.problems.push(format!(
                                "{here}: {qualified} is required, it cannot be omitted"
                            ));
                        }
                        continue;
                    };
                    let sub = properties
                        .and_then(|p| p.get(key))
                        .cloned()
                        .unwrap_or(Value::Null);
                    self.compare(&sub, &name, ex_value, ac_value, &here);
                }
                for key in ac.keys() {
                    let documented = properties.is_some_and(|p| p.contains_key(key));
                    if !ex.contains_key(key) && !documented {
                        self.problems
                            .push(format!("{at}.{key}: neither in the example nor documented"));
                    }
                }
            }
            (Value::Array(ex), Value::Array(ac)) => {
                let Some(first) = ex.first() else { return };
                if ac.is_empty() {
                    self.problems
                        .push(format!("{at}: the fake's array is empty; cannot compare"));
                }
                let items = schema.get("items").cloned().unwrap_or(Value::Null);
                for (i, item) in ac.iter().enumerate() {
                    self.compare(&items, &name, first, item, &format!("{at}[{i}]"));
                }
            }
            _ => {}
        }
    }
}

/// A documented request example of an operation.
fn request_example(spec: &Value, path: &str, method: &str) -> Value {
    let examples =
        &spec["paths"][path][method]["requestBody"]["content"]["application/json"]["examples"];
    let (_, first) = examples.as_object().unwrap().iter().next().unwrap();
    first["value"].clone()
}

/// Runs every operation against the fake, with the documented request examples where there are
/// any, and returns each answer by operationId.
async fn drive(api: &Api, spec: &Value) -> BTreeMap<&'static str, Value> {
    let mut answers = BTreeMap::new();
    let mut ok = |op: &'static str, reply: common::Reply| {
        assert_eq!(reply.status, 200, "{op}: {}", reply.text);
        answers.insert(op, reply.json);
    };
    let sources = "/ai/content_import_sources";
    let created = api
        .post(sources, request_example(spec, sources, "post"))
        .await;
    let source_id = created.json["id"].as_i64().unwrap();
    ok("createContentImportSource", created);
    ok("listContentImportSources", api.get(sources).await);
    let one = format!("{sources}/{source_id}");
    ok("getContentImportSource", api.get(&one).await);
    let update = request_example(spec, "/ai/content_import_sources/{id}", "put");
    ok("updateContentImportSource", api.put(&one, update).await);

    let pages = "/ai/external_pages";
    let mut create = request_example(spec, pages, "post");
    create["source_id"] = json!(source_id);
    let page = api.post(pages, create.clone()).await;
    let page_id = page.json["id"].as_str().unwrap().to_owned();
    ok("createExternalPage", page);
    ok("listExternalPages", api.get(pages).await);
    let one_page = format!("{pages}/{page_id}");
    ok("getExternalPage", api.get(&one_page).await);
    let mut update = request_example(spec, "/ai/external_pages/{id}", "put");
    update["source_id"] = json!(source_id);
    ok("updateExternalPage", api.put(&one_page, update).await);
    create["external_id"] = json!("to-delete");
    let doomed = api.post(pages, create).await.json["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        "deleteExternalPage",
        api.delete(&format!("{pages}/{doomed}")).await,
    );

    let note_body = request_example(spec, "/contacts/{id}/notes", "post");
    let contact = note_body["contact_id"].as_str().unwrap().to_owned();
    let notes = format!("/contacts/{contact}/notes");
    let note = api.post(&notes, note_body).await;
    let note_id = note.json["id"].as_str().unwrap().to_owned();
    ok("createNote", note);
    ok("listNotes", api.get(&notes).await);
    ok("retrieveNote", api.get(&format!("/notes/{note_id}")).await);

    let company_notes = "/companies/6762f0dd1bb69f9f2193bb83/notes";
    let company_note = request_example(spec, "/companies/{id}/notes", "post");
    ok(
        "createCompanyNote",
        api.post(company_notes, company_note.clone()).await,
    );
    api.post(company_notes, company_note).await;
    ok(
        "listCompanyNotes",
        api.get(&format!("{company_notes}?per_page=1")).await,
    );

    // Documented without a body: checked for its status only.
    let deleted = api.delete(&one).await;
    assert_eq!(deleted.status, 204);
    answers
}

#[tokio::test]
async fn every_answer_has_the_envelope_of_its_documented_example() {
    let spec = spec();
    let fake = start().await;
    let api = Api::new(&fake);
    let answers = drive(&api, &spec).await;

    let mut compare = Compare {
        spec: &spec,
        problems: Vec::new(),
    };
    let mut compared = 0;
    let mut operations = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            operations += 1;
            let op = operation["operationId"].as_str().unwrap();
            let content = &operation["responses"]["200"]["content"]["application/json"];
            let Some(examples) = content["examples"].as_object() else {
                assert_eq!(
                    op, "deleteContentImportSource",
                    "{method} {path} has no 200 example"
                );
                continue;
            };
            let actual = answers
                .get(op)
                .unwrap_or_else(|| panic!("no driver for {op} ({method} {path})"));
            for (name, example) in examples {
                compare.compare(
                    &content["schema"],
                    "",
                    &example["value"],
                    actual,
                    &format!("{op} vs example {name:?}"),
                );
                compared += 1;
            }
        }
    }
    assert_eq!(
        operations,
        intercom_openapi::operations::ALL.len(),
        "every operation of the spec is driven"
    );
    assert!(compared >= 16, "only {compared} examples compared");
    assert!(
        compare.problems.is_empty(),
        "the fake differs from the reference:\n{}",
        compare.problems.join("\n")
    );
}
