//! What the fake takes from the spec: the shape of every request body and of every record.
//!
//! `intercom_openapi` holds the spec as data: each operation names its request body's schema
//! and its answer's schema ([`OperationInfo`]), and [`intercom_openapi::JSON_SCHEMAS`] holds
//! every schema as JSON Schema. From those, compiled once for the whole process:
//!
//! - a write's body is validated against its operation's request schema before anything is
//!   stored ([`RequestSchema::parse`]): every violation is one item of a 400 `error.list`
//!   naming the field, `parameter_not_found` for a missing required property and
//!   `parameter_invalid` for anything else (a wrong type, a value outside an enum, a property
//!   the schema does not declare);
//! - a record is built from the body generically ([`RecordSchema::build`]): every property of
//!   the body that the record's schema also declares is carried into the record, so a
//!   property added to the spec is stored and served without an edit here or in the store.
//!
//! The fake's semantics (ids, timestamps, defaults, upsert keys, the `sync_behavior` rules, the
//! checks a schema cannot express such as "not empty") stay hand-written in `state.rs` and
//! `routes/`; this module knows only what the spec says about shapes.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use intercom_openapi::operation::OperationInfo;
use jsonschema::error::{TypeKind, ValidationError, ValidationErrorKind};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::api_error::{ApiError, ErrorItem};

/// The spec's schemas, compiled.
pub(crate) struct Spec {
    /// Request body schemas, by schema name.
    requests: HashMap<String, RequestSchema>,
    /// Record (answer) schemas, by schema name.
    records: HashMap<String, RecordSchema>,
}

/// The schemas of `intercom_openapi`, compiled on first use (never per request).
static SPEC: LazyLock<Spec> = LazyLock::new(|| {
    let operations = intercom_openapi::operations::ALL;
    Spec::new(
        intercom_openapi::JSON_SCHEMAS,
        operations.iter().filter_map(|op| op.body),
        operations.iter().filter_map(|op| op.output),
    )
    // The schemas are generated and compiled into the crate: a failure is a bug of the
    // generator, which the unit tests below catch before anything ships.
    .unwrap_or_else(|e| panic!("the spec's JSON Schemas do not compile: {e}"))
});

/// Compiles the spec now (instead of on the first request).
pub(crate) fn load() {
    LazyLock::force(&SPEC);
}

/// The request body schema of `operation`.
///
/// # Panics
/// If the operation takes no body: a route calling this for such an operation is a bug.
pub(crate) fn request(operation: &OperationInfo) -> &'static RequestSchema {
    let name = operation
        .body
        .unwrap_or_else(|| panic!("{} takes no body", operation.id));
    SPEC.request(name)
}

/// The schema of the record `operation` answers with.
///
/// # Panics
/// If the operation answers without a body.
pub(crate) fn record(operation: &OperationInfo) -> &'static RecordSchema {
    let name = operation
        .output
        .unwrap_or_else(|| panic!("{} answers without a body", operation.id));
    SPEC.record(name)
}

impl Spec {
    /// Compiles the request schemas `bodies` and reads the record schemas `records` out of
    /// `schemas` (`{"definitions": {Name: JSON Schema}}`).
    pub(crate) fn new<'a>(
        schemas: &str,
        bodies: impl IntoIterator<Item = &'a str>,
        records: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, String> {
        let root: Value = serde_json::from_str(schemas).map_err(|e| e.to_string())?;
        let definitions = root
            .get("definitions")
            .and_then(Value::as_object)
            .ok_or("no definitions")?;
        let mut spec = Self {
            requests: HashMap::new(),
            records: HashMap::new(),
        };
        for name in bodies {
            if !spec.requests.contains_key(name) {
                let schema = RequestSchema::new(name, definitions)?;
                spec.requests.insert(name.to_owned(), schema);
            }
        }
        for name in records {
            if !spec.records.contains_key(name) {
                let schema = RecordSchema::new(name, definitions)?;
                spec.records.insert(name.to_owned(), schema);
            }
        }
        Ok(spec)
    }

    /// A request schema named when this was built.
    ///
    /// # Panics
    /// If `name` was not among the request schemas.
    pub(crate) fn request(&self, name: &str) -> &RequestSchema {
        self.requests
            .get(name)
            .unwrap_or_else(|| panic!("no request schema {name}"))
    }

    /// A record schema named when this was built.
    ///
    /// # Panics
    /// If `name` was not among the record schemas.
    pub(crate) fn record(&self, name: &str) -> &RecordSchema {
        self.records
            .get(name)
            .unwrap_or_else(|| panic!("no record schema {name}"))
    }
}

/// The definition `name`, following `$ref`s to other definitions.
fn definition<'a>(definitions: &'a Map<String, Value>, name: &str) -> Result<&'a Value, String> {
    let mut schema = definitions
        .get(name)
        .ok_or_else(|| format!("no schema {name}"))?;
    for _ in 0..16 {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(target) => {
                let target = target.trim_start_matches("#/definitions/");
                schema = definitions
                    .get(target)
                    .ok_or_else(|| format!("{name} refers to no schema {target}"))?;
            }
            None => return Ok(schema),
        }
    }
    Err(format!("{name}: too many $refs"))
}

/// The names of an object schema's properties.
fn property_names(schema: &Value) -> impl Iterator<Item = &str> {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|p| p.keys().map(String::as_str))
}

/// The schema of one request body, compiled.
pub(crate) struct RequestSchema {
    name: String,
    validator: jsonschema::Validator,
    /// The order fields are named in an error list: the required properties in the spec's
    /// order, then the other properties.
    order: Vec<String>,
}

impl RequestSchema {
    fn new(name: &str, definitions: &Map<String, Value>) -> Result<Self, String> {
        let schema = definition(definitions, name)?;
        let root = json!({
            "$ref": format!("#/definitions/{name}"),
            "definitions": definitions,
        });
        let validator =
            jsonschema::draft7::new(&root).map_err(|e| format!("{name} does not compile: {e}"))?;
        let required = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str);
        let mut order: Vec<String> = required.map(str::to_owned).collect();
        for property in property_names(schema) {
            if !order.iter().any(|p| p == property) {
                order.push(property.to_owned());
            }
        }
        Ok(Self {
            name: name.to_owned(),
            validator,
            order,
        })
    }

    /// Reads `bytes` as a JSON object and validates it. Only a body that is not a JSON object
    /// at all is an error here (naming the field `body`); violations of the schema are kept in
    /// the [`Body`], so that the caller's own checks end up in the same 400 answer.
    pub(crate) fn parse(&self, bytes: &[u8]) -> Result<Body<'_>, ApiError> {
        let mut body = match serde_json::from_slice::<Value>(bytes) {
            Ok(body @ Value::Object(_)) => body,
            Ok(other) => {
                return Err(ApiError::invalid(
                    "body",
                    format!("the body must be a JSON object, not {}", kind(&other)),
                ));
            }
            Err(e) => {
                return Err(ApiError::invalid(
                    "body",
                    format!("the body is not valid JSON: {e}"),
                ));
            }
        };
        let errors = self.validate(&mut body);
        Ok(Body {
            schema: self,
            body,
            errors,
        })
    }

    /// The schema's violations, at most one per field. A `null` the schema does not allow
    /// counts as absent: it is removed, and is then only an error if the property is required.
    fn validate(&self, body: &mut Value) -> Vec<ErrorItem> {
        let mut nulls = Vec::new();
        let errors = self.violations(body, &mut nulls);
        if nulls.is_empty() {
            return errors;
        }
        if let Value::Object(fields) = body {
            for field in &nulls {
                fields.remove(field);
            }
        }
        self.violations(body, &mut Vec::new())
    }

    /// One error item per field at fault; the fields holding a `null` that is refused go to
    /// `nulls` instead.
    fn violations(&self, instance: &Value, nulls: &mut Vec<String>) -> Vec<ErrorItem> {
        let mut items: Vec<ErrorItem> = Vec::new();
        for error in self.validator.iter_errors(instance) {
            for item in self.items(&error, instance, nulls) {
                if !items.iter().any(|i| i.field == item.field) {
                    items.push(item);
                }
            }
        }
        items
    }

    fn items(
        &self,
        error: &ValidationError<'_>,
        instance: &Value,
        nulls: &mut Vec<String>,
    ) -> Vec<ErrorItem> {
        let path = pointer_segments(error.instance_path().as_str());
        let Some(field) = path.first() else {
            // At the top: a missing or undeclared property.
            return match error.kind() {
                ValidationErrorKind::Required { property } => {
                    let property = property
                        .as_str()
                        .map_or_else(|| property.to_string(), str::to_owned);
                    vec![ErrorItem::missing(&property)]
                }
                ValidationErrorKind::AdditionalProperties { unexpected } => unexpected
                    .iter()
                    .map(|p| {
                        ErrorItem::invalid(p, format!("{p} is not a property of {}", self.name))
                    })
                    .collect(),
                _ => vec![ErrorItem::invalid("body", describe("the body", error))],
            };
        };
        if path.len() == 1 && instance.get(field).is_some_and(Value::is_null) {
            if !nulls.contains(field) {
                nulls.push(field.clone());
            }
            return Vec::new();
        }
        vec![ErrorItem::invalid(field, describe(&path.join("/"), error))]
    }
}

/// The unescaped segments of a JSON pointer (`/a/b~1c` → `a`, `b/c`).
fn pointer_segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// What a JSON value is, for error messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn article(json_type: &str) -> String {
    match json_type {
        "array" | "integer" | "object" => format!("an {json_type}"),
        _ => format!("a {json_type}"),
    }
}

/// One line about a violation at `at`, without quoting big values.
fn describe(at: &str, error: &ValidationError<'_>) -> String {
    let instance = error.instance();
    match error.kind() {
        ValidationErrorKind::Type {
            kind: TypeKind::Single(expected),
        } => format!(
            "{at} must be {}, not {}",
            article(expected.as_str()),
            kind(instance)
        ),
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<String> = options
                .as_array()
                .into_iter()
                .flatten()
                .map(Value::to_string)
                .collect();
            let value = match instance.as_ref() {
                Value::String(s) if s.len() <= 64 => format!("{s:?}"),
                other => kind(other).to_owned(),
            };
            format!("{at} must be one of {}, not {value}", allowed.join(", "))
        }
        _ => format!("{at}: {}", error.masked_with(kind(instance))),
    }
}

/// A body that is a JSON object, with the violations of its schema found so far.
pub(crate) struct Body<'s> {
    schema: &'s RequestSchema,
    /// Always an object.
    body: Value,
    errors: Vec<ErrorItem>,
}

impl Body<'_> {
    fn has_error(&self, field: &str) -> bool {
        self.errors
            .iter()
            .any(|e| e.field.as_deref() == Some(field))
    }

    /// A field's value, unless it is absent or already at fault.
    pub(crate) fn get(&self, field: &str) -> Option<&Value> {
        self.body.get(field).filter(|_| !self.has_error(field))
    }

    /// A string field's value, unless it is absent, not a string or already at fault.
    pub(crate) fn str(&self, field: &str) -> Option<&str> {
        self.get(field).and_then(Value::as_str)
    }

    /// Each of `fields`, when it is a string, must hold more than blanks.
    pub(crate) fn non_empty(&mut self, fields: &[&str]) {
        for field in fields {
            if self.str(field).is_some_and(|s| s.trim().is_empty()) {
                self.reject(field, format!("{field} must not be empty"));
            }
        }
    }

    /// Records an error found by the caller (a rule the schema cannot express).
    pub(crate) fn reject(&mut self, field: &str, message: impl Into<String>) {
        if !self.has_error(field) {
            self.errors.push(ErrorItem::invalid(field, message));
        }
    }

    /// All the errors as one 400 answer, fields in the schema's order; or the body, as the
    /// generated request type `T` and as JSON.
    pub(crate) fn finish<T: DeserializeOwned>(mut self) -> Result<Valid<T>, ApiError> {
        if !self.errors.is_empty() {
            let order = &self.schema.order;
            let position = |item: &ErrorItem| {
                item.field
                    .as_deref()
                    .and_then(|f| order.iter().position(|o| o == f))
                    .unwrap_or(order.len())
            };
            self.errors.sort_by_key(position);
            return Err(ApiError::bad_request(self.errors));
        }
        let request = T::deserialize(&self.body).map_err(|e| {
            // Valid against the schema but not the generated type: the two disagree.
            tracing::error!("a valid {} does not fit its type: {e}", self.schema.name);
            ApiError::invalid(
                "body",
                format!("the body does not fit {}: {e}", self.schema.name),
            )
        })?;
        let Value::Object(fields) = self.body else {
            unreachable!("parse keeps objects only")
        };
        Ok(Valid { request, fields })
    }
}

/// A body valid against its schema and the caller's checks.
#[derive(Debug)]
pub(crate) struct Valid<T> {
    /// As the generated request type, for the semantics (ids, keys, rules).
    pub(crate) request: T,
    /// As sent (less refused nulls), for carrying its properties into the record.
    pub(crate) fields: Map<String, Value>,
}

/// What the fake knows about one kind of record: the properties its schema declares.
#[derive(Debug)]
pub(crate) struct RecordSchema {
    name: String,
    properties: HashSet<String>,
    /// The one value of its `type` property (`external_page`, …), if the schema fixes one.
    kind: Option<String>,
}

impl RecordSchema {
    fn new(name: &str, definitions: &Map<String, Value>) -> Result<Self, String> {
        let schema = definition(definitions, name)?;
        let kind = match schema.pointer("/properties/type") {
            Some(Value::Object(t)) if t.contains_key("$ref") => {
                let target = t["$ref"].as_str().unwrap_or_default();
                let target = target.trim_start_matches("#/definitions/");
                definition(definitions, target)?.get("enum").cloned()
            }
            Some(t) => t.get("enum").cloned(),
            None => None,
        }
        .and_then(|values| match values.as_array().map(Vec::as_slice) {
            Some([Value::String(only)]) => Some(only.clone()),
            _ => None,
        });
        Ok(Self {
            name: name.to_owned(),
            properties: property_names(schema).map(str::to_owned).collect(),
            kind,
        })
    }

    /// The value of the record's `type`, when the schema fixes one.
    #[cfg(test)]
    fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// Builds a record from three layers, each over the one before: `base` (the record being
    /// updated, or the defaults of a new one), every property of `sent` that the record's
    /// schema declares (the others, such as a note's `admin_id`, are the caller's to use), and
    /// `decided` (what the server decides: ids, timestamps, …). The record's `type` is the
    /// one its schema fixes.
    pub(crate) fn build<T: DeserializeOwned>(
        &self,
        mut base: Map<String, Value>,
        sent: Map<String, Value>,
        decided: Map<String, Value>,
    ) -> Result<T, ApiError> {
        for (property, value) in sent {
            if self.properties.contains(&property) {
                base.insert(property, value);
            }
        }
        base.extend(decided);
        if let Some(kind) = &self.kind {
            base.insert("type".to_owned(), Value::String(kind.clone()));
        }
        serde_json::from_value(Value::Object(base)).map_err(|e| {
            // A property that the request and the record both declare, with different shapes.
            tracing::error!("cannot build a {}: {e}", self.name);
            ApiError::server_error()
        })
    }
}

/// A JSON object from a `json!` literal (for [`RecordSchema::build`]'s layers).
pub(crate) fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use intercom_openapi::operation::Operation;
    use intercom_openapi::operations::{CreateExternalPage, UpdateExternalPage};
    use intercom_openapi::types::CreateExternalPageRequest;

    fn fields_of(e: &ApiError) -> Vec<&str> {
        e.errors.iter().filter_map(|i| i.field.as_deref()).collect()
    }

    fn parse(body: Value) -> Result<Valid<CreateExternalPageRequest>, ApiError> {
        request(&CreateExternalPage::INFO)
            .parse(body.to_string().as_bytes())?
            .finish()
    }

    #[test]
    fn every_operation_with_a_body_has_a_compiled_schema() {
        let mut checked = 0;
        for op in intercom_openapi::operations::ALL {
            if op.body.is_some() {
                let _ = request(op);
                checked += 1;
            }
            if op.output.is_some() {
                let _ = record(op);
            }
        }
        assert!(checked >= 5, "{checked} operations with a body");
        assert_eq!(
            record(&CreateExternalPage::INFO).kind(),
            Some("external_page")
        );
    }

    #[test]
    fn violations_name_their_fields_in_the_schemas_order() {
        let e = parse(
            json!({"title": 3, "html": "x", "locale": "fr", "source_id": "7",
                             "url": null, "extra": 1}),
        )
        .unwrap_err();
        assert_eq!(
            fields_of(&e),
            ["title", "locale", "source_id", "external_id", "extra"]
        );
        let codes: Vec<_> = e.errors.iter().map(|i| i.code).collect();
        assert_eq!(
            codes,
            [
                "parameter_invalid",
                "parameter_invalid",
                "parameter_invalid",
                "parameter_not_found",
                "parameter_invalid"
            ]
        );
        assert_eq!(
            e.errors[0].message,
            "title must be a string, not an integer"
        );
        assert_eq!(
            e.errors[1].message,
            r#"locale must be one of "en", not "fr""#
        );
    }

    #[test]
    fn a_refused_null_counts_as_absent() {
        let body = json!({"title": "T", "html": "<p>x</p>", "locale": "en", "source_id": 1,
                          "external_id": "e", "url": null});
        let valid = parse(body.clone()).unwrap();
        assert!(!valid.fields.contains_key("url"));
        assert_eq!(valid.request.url, None);
        let mut body = body;
        body["title"] = Value::Null;
        let e = parse(body).unwrap_err();
        assert_eq!(fields_of(&e), ["title"]);
        assert_eq!(e.errors[0].code, "parameter_not_found");
    }

    #[test]
    fn bodies_that_are_not_objects_name_body() {
        for raw in ["{", "[1]", "\"x\"", "", "null"] {
            let e = request(&UpdateExternalPage::INFO)
                .parse(raw.as_bytes())
                .err()
                .unwrap();
            assert_eq!(fields_of(&e), ["body"], "{raw:?}");
        }
    }

    #[test]
    fn the_callers_checks_join_the_schemas() {
        let mut body = request(&CreateExternalPage::INFO)
            .parse(br#"{"title": " ", "html": 5, "locale": "en", "source_id": 1}"#)
            .unwrap();
        body.non_empty(&["title", "html"]);
        let e = body.finish::<CreateExternalPageRequest>().unwrap_err();
        assert_eq!(fields_of(&e), ["title", "html", "external_id"]);
        assert_eq!(e.errors[0].message, "title must not be empty");
    }

    /// A schema of its own, with a property the generated types do not have: the record gets
    /// it because its schema declares it, not because any code names it.
    #[test]
    fn a_record_carries_every_property_its_schema_declares() {
        let schemas = json!({"definitions": {
            "Thing": {
                "type": "object",
                "additionalProperties": false,
                "required": ["type", "id"],
                "properties": {
                    "type": {"$ref": "#/definitions/ThingType"},
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "priority": {"type": "boolean"},
                },
            },
            "ThingType": {"type": "string", "enum": ["thing"]},
            "CreateThing": {
                "type": "object",
                "additionalProperties": false,
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "priority": {"type": "boolean"},
                    "owner": {"type": "string"},
                },
            },
        }});
        let spec = Spec::new(&schemas.to_string(), ["CreateThing"], ["Thing"]).unwrap();
        let body = spec
            .request("CreateThing")
            .parse(br#"{"name": "n", "priority": true, "owner": "o"}"#)
            .unwrap()
            .finish::<Value>()
            .unwrap();
        let thing = spec.record("Thing");
        assert_eq!(thing.kind(), Some("thing"));
        let built: Value = thing
            .build(
                object(json!({"priority": false, "name": "old"})),
                body.fields,
                object(json!({"id": "7"})),
            )
            .unwrap();
        assert_eq!(
            built,
            json!({"type": "thing", "id": "7", "name": "n", "priority": true}),
            "owner is not a property of Thing"
        );
        let e = spec
            .request("CreateThing")
            .parse(br#"{"name": "n", "priority": "yes"}"#)
            .unwrap()
            .finish::<Value>()
            .unwrap_err();
        assert_eq!(fields_of(&e), ["priority"]);
    }
}
