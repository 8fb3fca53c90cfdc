//! The documented examples of `openapi/intercom.yaml`, as replayable cases.

use std::path::PathBuf;

use serde_json::{Map, Value};

const METHODS: [&str; 4] = ["get", "post", "put", "delete"];

/// The spec as JSON.
pub fn spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../openapi/intercom.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    // YAML 1.2, as OpenAPI 3 has it (`yes` is a string), as `cargo xtask` reads it.
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(&text, options)
        .unwrap_or_else(|e| panic!("{} is not YAML: {e}", path.display()))
}

/// One documented response example, with the request that produces it.
#[derive(Debug, Clone)]
pub struct Case {
    pub operation_id: String,
    pub method: String,
    /// The path template, such as `/ai/external_pages/{id}`.
    pub path_template: String,
    /// Path parameter values: each parameter's documented `example`.
    pub path_params: Map<String, Value>,
    /// The `Intercom-Version` the request carries: the header parameter's `example`.
    pub version: String,
    /// The request example sent with it (the one of the same name, else the first one).
    pub request_name: Option<String>,
    pub request: Option<Value>,
    /// The status the example is answered with: its response's key, or under a range key
    /// (`5XX`) the example's `x-status`.
    pub status: u16,
    /// The response's key: `200`, `404`, `5XX`, …
    pub status_key: String,
    pub example_name: String,
    pub response: Value,
    /// The response's documented headers, each with its `example` (the 429's
    /// `X-RateLimit-*`), as header values.
    pub headers: Vec<(String, String)>,
}

impl Case {
    /// The request path, with the path parameters filled in.
    pub fn path(&self) -> String {
        self.path_params
            .iter()
            .fold(self.path_template.clone(), |path, (name, value)| {
                let value = match value {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                path.replace(&format!("{{{name}}}"), &value)
            })
    }

    /// A path parameter's value.
    pub fn param(&self, name: &str) -> &Value {
        self.path_params
            .get(name)
            .unwrap_or_else(|| panic!("{}: no example for path parameter {name}", self))
    }
}

impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} ({}) → {} {:?}",
            self.method.to_uppercase(),
            self.path_template,
            self.operation_id,
            self.status,
            self.example_name
        )
    }
}

/// Every documented example the spec holds, counted per operation: request examples and
/// response examples (a shared component response counts once for each operation that
/// documents it).
#[derive(Debug, Default)]
pub struct Inventory {
    pub cases: Vec<Case>,
    /// (operation id, request example name) for every request example.
    pub requests: Vec<(String, String)>,
}

/// All replayable cases of the spec, in the spec's order.
pub fn inventory(spec: &Value) -> Inventory {
    let mut inventory = Inventory::default();
    let paths = spec["paths"].as_object().expect("paths");
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let operation_id = op["operationId"].as_str().expect("operationId").to_owned();
            let mut path_params = Map::new();
            let mut version = None;
            for param in op["parameters"].as_array().into_iter().flatten() {
                let param = resolve(spec, param);
                match (param["in"].as_str(), param.get("example")) {
                    (Some("path"), Some(example)) => {
                        path_params.insert(param["name"].as_str().unwrap().into(), example.clone());
                    }
                    (Some("header"), Some(example)) if param["name"] == "Intercom-Version" => {
                        version = example.as_str().map(str::to_owned);
                    }
                    _ => {}
                }
            }
            let requests: Vec<(String, Value)> = named_examples(resolve(spec, &op["requestBody"]))
                .into_iter()
                .map(|(name, value, _)| (name, value))
                .collect();
            for (name, _) in &requests {
                inventory
                    .requests
                    .push((operation_id.clone(), name.clone()));
            }
            for (key, response) in op["responses"].as_object().into_iter().flatten() {
                let response = resolve(spec, response);
                let headers = header_examples(spec, response);
                for (name, example, named_status) in named_examples(response) {
                    let status = match (key.parse::<u16>(), named_status) {
                        (Ok(code), _) => code,
                        (Err(_), Some(code)) if status_in(key, code) => code,
                        _ => panic!(
                            "{operation_id} {key} example {name:?}: a range's example names its status in x-status"
                        ),
                    };
                    let request = requests
                        .iter()
                        .find(|(n, _)| *n == name)
                        .or(requests.first())
                        .cloned();
                    inventory.cases.push(Case {
                        operation_id: operation_id.clone(),
                        method: method.to_owned(),
                        path_template: path.clone(),
                        path_params: path_params.clone(),
                        version: version.clone().unwrap_or_else(|| {
                            panic!("{operation_id}: the Intercom-Version parameter has no example")
                        }),
                        request_name: request.as_ref().map(|(n, _)| n.clone()),
                        request: request.map(|(_, v)| v),
                        status,
                        status_key: key.clone(),
                        example_name: name,
                        response: example,
                        headers: headers.clone(),
                    });
                }
            }
        }
    }
    inventory
}

/// (name, value, `x-status`) of each example.
fn named_examples(holder: &Value) -> Vec<(String, Value, Option<u16>)> {
    holder
        .pointer("/content/application~1json/examples")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, example)| {
            let status = example["x-status"]
                .as_u64()
                .and_then(|s| u16::try_from(s).ok());
            (name.clone(), example["value"].clone(), status)
        })
        .collect()
}

/// (name, example) of each documented header of a response that has an example.
fn header_examples(spec: &Value, response: &Value) -> Vec<(String, String)> {
    response
        .get("headers")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(name, header)| {
            let value = match resolve(spec, header).get("example")? {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some((name.clone(), value))
        })
        .collect()
}

/// Whether `code` is within the range key `key` (`5XX`).
fn status_in(key: &str, code: u16) -> bool {
    let mut chars = key.chars();
    match (chars.next().and_then(|c| c.to_digit(10)), chars.as_str()) {
        (Some(digit), "XX" | "xx") => u32::from(code / 100) == digit,
        _ => false,
    }
}

fn resolve<'a>(spec: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(target) => spec
            .pointer(target.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("dangling $ref {target}")),
        None => value,
    }
}
