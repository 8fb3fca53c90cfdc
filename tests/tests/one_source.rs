//! One source of truth: the spec's documented examples and the fake's answers both fit the
//! types and schemas `cargo xtask regen` writes from the spec.
//!
//! - Every documented success example decodes through its operation's generated
//!   [`Operation::decode`] (what `intercom_client` uses) into the client's types, and
//!   serializes back with no key lost.
//! - A scripted session sends every operation of `intercom_openapi::operations::ALL` to the
//!   fake, and every answer's body is valid against the spec's response schema
//!   (`intercom_openapi::JSON_SCHEMAS`).

use std::collections::BTreeSet;

use intercom_client::operations::*;
use intercom_client::{
    CompanyId, ContactId, ContentImportSourceId, ExternalPageId, NoteId, Operation, OperationInfo,
    types,
};
use intercom_fake::FakeIntercom;
use intercom_tests::examples;
use intercom_tests::json::without_nulls;
use serde::Serialize;
use serde_json::{Value, json};

/// `example` decoded as `O`'s answer and serialized again.
fn round_trip<O: Operation>(example: &Value) -> Result<Value, String>
where
    O::Output: Serialize,
{
    let bytes = serde_json::to_vec(example).unwrap();
    let decoded = O::decode(&bytes).map_err(|e| format!("does not decode: {e}"))?;
    serde_json::to_value(&decoded).map_err(|e| format!("does not serialize: {e}"))
}

/// The round trip of a documented answer of the operation `id`; `None` for an operation this
/// test does not know yet, which fails the test (add it to the match).
fn round_trip_of(id: &str, example: &Value) -> Option<Result<Value, String>> {
    Some(match id {
        "listContentImportSources" => round_trip::<ListContentImportSources>(example),
        "createContentImportSource" => round_trip::<CreateContentImportSource>(example),
        "getContentImportSource" => round_trip::<GetContentImportSource>(example),
        "updateContentImportSource" => round_trip::<UpdateContentImportSource>(example),
        "deleteContentImportSource" => round_trip::<DeleteContentImportSource>(example),
        "listExternalPages" => round_trip::<ListExternalPages>(example),
        "createExternalPage" => round_trip::<CreateExternalPage>(example),
        "getExternalPage" => round_trip::<GetExternalPage>(example),
        "updateExternalPage" => round_trip::<UpdateExternalPage>(example),
        "deleteExternalPage" => round_trip::<DeleteExternalPage>(example),
        "listNotes" => round_trip::<ListNotes>(example),
        "createNote" => round_trip::<CreateNote>(example),
        "retrieveNote" => round_trip::<RetrieveNote>(example),
        "listCompanyNotes" => round_trip::<ListCompanyNotes>(example),
        "createCompanyNote" => round_trip::<CreateCompanyNote>(example),
        _ => return None,
    })
}

#[test]
fn every_documented_answer_round_trips_through_the_client_types() {
    let inventory = examples::inventory(&examples::spec());
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in inventory
        .cases
        .iter()
        .filter(|c| (200..300).contains(&c.status))
    {
        let info = ALL
            .iter()
            .find(|info| info.id == case.operation_id)
            .unwrap_or_else(|| panic!("{case}: no generated operation"));
        if info.output.is_none() {
            continue;
        }
        match round_trip_of(info.id, &case.response) {
            None => failures.push(format!("{case}: add {} to round_trip_of", info.id)),
            Some(Err(e)) => failures.push(format!("{case}: {e}")),
            Some(Ok(back)) if back != without_nulls(&case.response) => failures.push(format!(
                "{case}: lost or changed on the way back:\n  documented {}\n  round trip {back}",
                without_nulls(&case.response)
            )),
            Some(Ok(_)) => checked += 1,
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        checked >= ALL.len(),
        "only {checked} documented answers checked"
    );
}

/// The spec's response schemas, compiled.
struct Schemas {
    definitions: Value,
}

impl Schemas {
    fn new() -> Self {
        let document: Value = serde_json::from_str(intercom_openapi::JSON_SCHEMAS).unwrap();
        Schemas {
            definitions: document["definitions"].clone(),
        }
    }

    fn errors(&self, schema: &str, instance: &Value) -> Vec<String> {
        let root =
            json!({ "$ref": format!("#/definitions/{schema}"), "definitions": self.definitions });
        let validator = jsonschema::draft7::new(&root).expect("the schema compiles");
        validator
            .iter_errors(instance)
            .map(|e| format!("{} {e}", e.instance_path()))
            .collect()
    }
}

/// Sends operations the way a runtime does (from their generated descriptions) and checks
/// each answer against the spec.
struct Session {
    http: reqwest::Client,
    base: String,
    schemas: Schemas,
    sent: BTreeSet<&'static str>,
    problems: Vec<String>,
}

impl Session {
    async fn send<O: Operation>(&mut self, operation: &O) -> Value {
        let info: &OperationInfo = &O::INFO;
        let values = operation.path_params();
        let path: Vec<&str> = info.segments(values.as_ref()).collect();
        let mut url = reqwest::Url::parse(&self.base).unwrap();
        url.path_segments_mut()
            .unwrap()
            .pop_if_empty()
            .extend(&path);
        url.query_pairs_mut().extend_pairs(operation.query());
        let mut request = self
            .http
            .request(info.method.clone(), url.as_str().trim_end_matches('?'))
            .bearer_auth("session-token")
            .header("Intercom-Version", info.min_version.unwrap_or("2.14"));
        if let Some(body) = operation.body() {
            request = request.json(body);
        }
        let response = request.send().await.expect("the fake answers");
        let status = response.status().as_u16();
        let bytes = response.bytes().await.unwrap();
        self.sent.insert(info.id);
        if !info.success.contains(&status) {
            self.problems.push(format!(
                "{}: status {status}, documented {:?}: {}",
                info.id,
                info.success,
                String::from_utf8_lossy(&bytes)
            ));
            return Value::Null;
        }
        let Some(schema) = info.output else {
            return Value::Null;
        };
        let body: Value = match serde_json::from_slice(&bytes) {
            Ok(body) => body,
            Err(e) => {
                self.problems
                    .push(format!("{}: the answer is not JSON: {e}", info.id));
                return Value::Null;
            }
        };
        for error in self.schemas.errors(schema, &body) {
            self.problems.push(format!(
                "{}: answer does not fit {schema}: {error}",
                info.id
            ));
        }
        if let Err(e) = O::decode(&bytes) {
            self.problems
                .push(format!("{}: answer does not decode: {e}", info.id));
        }
        body
    }
}

#[tokio::test]
async fn every_operation_answered_by_the_fake_fits_the_spec() {
    let fake = FakeIntercom::builder()
        .token("session-token")
        .start()
        .await
        .unwrap();
    let mut s = Session {
        http: reqwest::Client::new(),
        base: fake.base_url().to_owned(),
        schemas: Schemas::new(),
        sent: BTreeSet::new(),
        problems: Vec::new(),
    };

    let source = s
        .send(&CreateContentImportSource {
            body: serde_json::from_value(
                json!({"sync_behavior": "api", "url": "https://help.example.com"}),
            )
            .unwrap(),
        })
        .await;
    let source_id = ContentImportSourceId::new(source["id"].as_i64().expect("a source id"));
    s.send(&ListContentImportSources {
        page: None,
        per_page: Some(10),
    })
    .await;
    s.send(&GetContentImportSource { id: source_id }).await;
    s.send(&UpdateContentImportSource {
        id: source_id,
        body: serde_json::from_value(
            json!({"sync_behavior": "api", "url": "https://docs.example.com", "status": "active"}),
        )
        .unwrap(),
    })
    .await;

    let page_body = |title: &str| -> types::CreateExternalPageRequest {
        serde_json::from_value(json!({
            "title": title, "html": "<p>Hi</p>", "locale": "en", "source_id": source_id,
            "external_id": "getting-started", "url": "https://docs.example.com/start",
            "ai_agent_availability": true, "ai_copilot_availability": false
        }))
        .unwrap()
    };
    let page = s
        .send(&CreateExternalPage {
            body: page_body("Getting started"),
        })
        .await;
    let page_id = ExternalPageId::new(page["id"].as_str().expect("a page id"));
    s.send(&ListExternalPages {
        page: Some(1),
        per_page: Some(5),
    })
    .await;
    s.send(&GetExternalPage {
        id: page_id.clone(),
    })
    .await;
    s.send(&UpdateExternalPage {
        id: page_id.clone(),
        body: serde_json::from_value(json!({
            "title": "Start here", "html": "<p>Hello</p>", "locale": "en", "source_id": source_id,
            "url": "https://docs.example.com/start", "fin_availability": true
        }))
        .unwrap(),
    })
    .await;

    let contact = ContactId::new("67506132d5eefd6f04e7d08e");
    let note = s
        .send(&CreateNote {
            id: contact.clone(),
            body: serde_json::from_value(
                json!({"body": "Called about the invoice", "admin_id": 991267584}),
            )
            .unwrap(),
        })
        .await;
    s.send(&ListNotes {
        id: contact.clone(),
        page: None,
        per_page: Some(2),
    })
    .await;
    s.send(&RetrieveNote {
        id: NoteId::new(note["id"].as_str().expect("a note id")),
    })
    .await;

    let company = CompanyId::new("6762f0dd1bb69f9f2193bb83");
    s.send(&CreateCompanyNote {
        id: company.clone(),
        body: serde_json::from_value(
            json!({"body": "Renewal call booked", "admin_id": "991267564"}),
        )
        .unwrap(),
    })
    .await;
    s.send(&ListCompanyNotes {
        id: company,
        page: None,
        per_page: Some(1),
    })
    .await;

    s.send(&DeleteExternalPage { id: page_id }).await;
    s.send(&DeleteContentImportSource { id: source_id }).await;

    let all: BTreeSet<&str> = ALL.iter().map(|info| info.id).collect();
    let missing: Vec<_> = all.difference(&s.sent).collect();
    assert!(missing.is_empty(), "the session sends no {missing:?}");
    assert!(s.problems.is_empty(), "{}", s.problems.join("\n"));
}
