//! Spec → a description of every operation (`crates/intercom-openapi/src/operations.rs`):
//! one struct per operationId holding its path and query parameters and its body, and an
//! `Operation` impl saying how it goes over the wire (method, path template, success
//! statuses, whether it may be retried) and what it answers. The hand-written runtime
//! (`intercom-client`'s transport) executes these, so an operation added to the spec is
//! callable after `cargo xtask regen` with nothing else written.

use anyhow::{Context, Result, anyhow, bail};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use crate::open_enums::OpenEnum;
use crate::spec::HAND_WRITTEN_TYPES;

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// The spec extension that says whether sending an operation twice is harmless.
pub const IDEMPOTENT_EXTENSION: &str = "x-idempotent";
/// The spec extension naming the first API version that has an operation.
pub const MIN_VERSION_EXTENSION: &str = "x-min-version";

/// The items of `intercom_openapi::operations`, for the spec in `json`.
pub fn module(json: &Value, enums: &[OpenEnum]) -> Result<TokenStream> {
    let types = TypeNames {
        enums,
        krate: quote! { crate },
    };
    let mut items = Vec::new();
    let mut infos = Vec::new();
    let paths = json
        .get("paths")
        .and_then(Value::as_object)
        .ok_or_else(|| anyhow!("the spec has no paths"))?;
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let id = op
                .get("operationId")
                .and_then(Value::as_str)
                .ok_or_else(|| anyhow!("{method} {path}: no operationId"))?;
            let operation = Operation::read(json, &types, path, method, op)
                .with_context(|| format!("operation {id}"))?;
            infos.push(format_ident!("{}", operation.name));
            items.push(operation.tokens());
        }
    }
    let bounds = parameter_bounds(json, &types)?;
    Ok(quote! {
        #(#bounds)*

        #(#items)*

        /// Every operation's description, in the spec's order.
        pub const ALL: &[&crate::operation::OperationInfo] = &[
            #(&<#infos as crate::operation::Operation>::INFO),*
        ];
    })
}

/// How a schema of the spec is named in Rust, from the crate whose name for
/// `intercom_openapi` is `krate`.
pub struct TypeNames<'a> {
    pub enums: &'a [OpenEnum],
    pub krate: TokenStream,
}

impl TypeNames<'_> {
    pub fn of(&self, schema: &Value) -> Result<TokenStream> {
        let krate = &self.krate;
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference
                .strip_prefix("#/components/schemas/")
                .ok_or_else(|| anyhow!("unsupported $ref {reference}"))?;
            if let Some((_, path)) = HAND_WRITTEN_TYPES.iter().find(|(n, _)| *n == name) {
                let path: TokenStream = path.parse().expect("a path");
                return Ok(quote! { #krate::#path });
            }
            let ident = format_ident!("{name}");
            if self.enums.iter().any(|e| e.rust_name == name) {
                return Ok(quote! { #krate::open_enums::#ident });
            }
            return Ok(quote! { #krate::types::#ident });
        }
        if let Some([only]) = schema
            .get("allOf")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
        {
            return self.of(only);
        }
        Ok(match schema.get("type").and_then(Value::as_str) {
            Some("integer") => quote! { i64 },
            Some("number") => quote! { f64 },
            Some("boolean") => quote! { bool },
            Some("string") => quote! { ::std::string::String },
            Some("array") => {
                let items = self.of(schema.get("items").unwrap_or(&Value::Null))?;
                quote! { ::std::vec::Vec<#items> }
            }
            other => bail!("a parameter of type {other:?} is not supported"),
        })
    }
}

struct Parameter {
    name: String,
    doc: String,
    rust: TokenStream,
    required: bool,
}

struct Operation {
    id: String,
    name: String,
    doc: String,
    method: String,
    path: String,
    path_params: Vec<Parameter>,
    query_params: Vec<Parameter>,
    /// The body's component schema name and whether it must be sent.
    body: Option<(String, bool)>,
    /// The success answer's component schema name; `None` for an answer without a body.
    output: Option<String>,
    success: Vec<u16>,
    idempotent: bool,
    min_version: Option<String>,
}

impl Operation {
    fn read(
        json: &Value,
        types: &TypeNames<'_>,
        path: &str,
        method: &str,
        op: &Value,
    ) -> Result<Operation> {
        let id = op["operationId"].as_str().unwrap_or_default().to_owned();
        let mut path_params = Vec::new();
        let mut query_params = Vec::new();
        for parameter in op
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let parameter = resolve(json, parameter)?;
            let name = parameter["name"].as_str().unwrap_or_default().to_owned();
            let read = || -> Result<Parameter> {
                Ok(Parameter {
                    name: name.clone(),
                    doc: parameter
                        .get("description")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                    rust: types.of(parameter.get("schema").unwrap_or(&Value::Null))?,
                    required: parameter.get("required").and_then(Value::as_bool) == Some(true),
                })
            };
            match parameter.get("in").and_then(Value::as_str) {
                Some("path") => path_params.push(read()?),
                Some("query") => query_params.push(read()?),
                // `Intercom-Version` is the runtime's to send.
                _ => {}
            }
        }
        let body = match op.get("requestBody") {
            None => None,
            Some(body) => Some((
                schema_name(body.pointer("/content/application~1json/schema"))
                    .ok_or_else(|| anyhow!("the request body is not a $ref to a component"))?,
                body.get("required").and_then(Value::as_bool) == Some(true),
            )),
        };
        let mut success = Vec::new();
        let mut output = None;
        for (status, response) in op
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let Ok(code) = status.parse::<u16>() else {
                continue;
            };
            if !(200..300).contains(&code) {
                continue;
            }
            success.push(code);
            let response = resolve(json, response)?;
            if let Some(name) = schema_name(response.pointer("/content/application~1json/schema")) {
                if output.as_ref().is_some_and(|o| o != &name) {
                    bail!("two success statuses answer different schemas");
                }
                output = Some(name);
            }
        }
        if success.is_empty() {
            bail!("no 2xx response");
        }
        let idempotent = op
            .get(IDEMPOTENT_EXTENSION)
            .and_then(Value::as_bool)
            .ok_or_else(|| anyhow!("no boolean {IDEMPOTENT_EXTENSION}"))?;
        let min_version = match op.get(MIN_VERSION_EXTENSION) {
            None => None,
            Some(Value::String(version)) => Some(version.clone()),
            Some(other) => bail!("{MIN_VERSION_EXTENSION} is {other}, not a version string"),
        };
        let summary = op.get("summary").and_then(Value::as_str).unwrap_or(&id);
        Ok(Operation {
            name: upper_camel(&id),
            doc: format!("{summary}: `{} {path}`.", method.to_uppercase()),
            id,
            method: method.to_uppercase(),
            path: path.to_owned(),
            path_params,
            query_params,
            body,
            output,
            success,
            idempotent,
            min_version,
        })
    }

    fn tokens(&self) -> TokenStream {
        let Operation {
            id,
            name,
            doc,
            method,
            path,
            success,
            idempotent,
            ..
        } = self;
        let name = format_ident!("{name}");
        let method_ident = format_ident!("{method}");
        let field = |p: &Parameter| {
            let ident = format_ident!("{}", p.name);
            let rust = &p.rust;
            let doc = &p.doc;
            if p.required {
                quote! { #[doc = #doc] pub #ident: #rust, }
            } else {
                quote! { #[doc = #doc] pub #ident: ::std::option::Option<#rust>, }
            }
        };
        let path_fields = self.path_params.iter().map(field);
        let query_fields = self.query_params.iter().map(field);
        // What the trait's defaults do (no path or query parameter, no body, the answer's JSON)
        // is not written out again.
        let (body_field, body_type, body_fn) = match &self.body {
            None => (quote! {}, quote! { () }, quote! {}),
            Some((schema, required)) => {
                let ty = format_ident!("{schema}");
                let doc = format!("The request body (`{schema}`).");
                if *required {
                    (
                        quote! { #[doc = #doc] pub body: crate::types::#ty, },
                        quote! { crate::types::#ty },
                        quote! {
                            fn body(&self) -> ::std::option::Option<&Self::Body> {
                                ::std::option::Option::Some(&self.body)
                            }
                        },
                    )
                } else {
                    (
                        quote! { #[doc = #doc] pub body: ::std::option::Option<crate::types::#ty>, },
                        quote! { crate::types::#ty },
                        quote! {
                            fn body(&self) -> ::std::option::Option<&Self::Body> {
                                self.body.as_ref()
                            }
                        },
                    )
                }
            }
        };
        let (output_type, decode) = match &self.output {
            Some(schema) => {
                let ty = format_ident!("{schema}");
                (quote! { crate::types::#ty }, quote! {})
            }
            // No documented body: whatever comes is ignored.
            None => (
                quote! { () },
                quote! {
                    fn decode(body: &[u8]) -> ::serde_json::Result<Self::Output> {
                        let _ = body;
                        Ok(())
                    }
                },
            ),
        };
        let path_names = self.path_params.iter().map(|p| p.name.as_str());
        let path_values = self.path_params.iter().map(|p| {
            let ident = format_ident!("{}", p.name);
            quote! { self.#ident.to_string() }
        });
        let path_fn = (!self.path_params.is_empty()).then(|| {
            quote! {
                fn path_params(&self) -> ::std::vec::Vec<::std::string::String> {
                    ::std::vec![#(#path_values),*]
                }
            }
        });
        let query_names = self.query_params.iter().map(|p| p.name.as_str());
        let query_pushes = self.query_params.iter().map(|p| {
            let ident = format_ident!("{}", p.name);
            let name = &p.name;
            if p.required {
                quote! { query.push((#name, self.#ident.to_string())); }
            } else {
                quote! {
                    if let ::std::option::Option::Some(value) = &self.#ident {
                        query.push((#name, value.to_string()));
                    }
                }
            }
        });
        let query_fn = (!self.query_params.is_empty()).then(|| {
            quote! {
                fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
                    let mut query = ::std::vec::Vec::new();
                    #(#query_pushes)*
                    query
                }
            }
        });
        let body_schema = match &self.body {
            Some((schema, _)) => quote! { ::std::option::Option::Some(#schema) },
            None => quote! { ::std::option::Option::None },
        };
        let output_schema = match &self.output {
            Some(schema) => quote! { ::std::option::Option::Some(#schema) },
            None => quote! { ::std::option::Option::None },
        };
        let min_version = match &self.min_version {
            Some(version) => quote! { ::std::option::Option::Some(#version) },
            None => quote! { ::std::option::Option::None },
        };
        let retry_doc = if *idempotent {
            "Idempotent (`x-idempotent: true`): the runtime may send it again after a failure."
        } else {
            "Not idempotent (`x-idempotent: false`): the runtime never sends it twice."
        };
        quote! {
            #[doc = #doc]
            #[doc = ""]
            #[doc = #retry_doc]
            #[derive(Clone, Debug, PartialEq)]
            pub struct #name {
                #(#path_fields)*
                #(#query_fields)*
                #body_field
            }

            impl crate::operation::Operation for #name {
                type Body = #body_type;
                type Output = #output_type;

                const INFO: crate::operation::OperationInfo = crate::operation::OperationInfo {
                    id: #id,
                    method: ::reqwest::Method::#method_ident,
                    path: #path,
                    path_params: &[#(#path_names),*],
                    query_params: &[#(#query_names),*],
                    body: #body_schema,
                    output: #output_schema,
                    success: &[#(#success),*],
                    idempotent: #idempotent,
                    min_version: #min_version,
                };

                #path_fn
                #query_fn
                #body_fn
                #decode
            }
        }
    }
}

/// A constant for each `minimum` and `maximum` of a component parameter's schema
/// (`PerPage` → `PER_PAGE_MAXIMUM`), so that a runtime checks a value against the spec's bound
/// instead of a copy of it.
fn parameter_bounds(json: &Value, types: &TypeNames<'_>) -> Result<Vec<TokenStream>> {
    let mut constants = Vec::new();
    let parameters = json
        .pointer("/components/parameters")
        .and_then(Value::as_object);
    for (component, parameter) in parameters.into_iter().flatten() {
        let name = parameter["name"].as_str().unwrap_or(component);
        let schema = parameter.get("schema").unwrap_or(&Value::Null);
        for bound in ["minimum", "maximum"] {
            let Some(value) = schema.get(bound) else {
                continue;
            };
            let value = value
                .as_i64()
                .ok_or_else(|| anyhow!("parameter {component}: {bound} is not an integer"))?;
            let rust = types.of(schema)?;
            let ident = format_ident!("{}_{}", upper_snake(component), bound.to_uppercase());
            let doc = format!("The `{bound}` of the `{name}` parameter (`{component}`).");
            let value = proc_macro2::Literal::i64_unsuffixed(value);
            constants.push(quote! { #[doc = #doc] pub const #ident: #rust = #value; });
        }
    }
    Ok(constants)
}

/// `PerPage` → `PER_PAGE`.
fn upper_snake(name: &str) -> String {
    let mut snake = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            snake.push('_');
        }
        snake.push(c.to_ascii_uppercase());
    }
    snake
}

/// A `$ref` to `#/components/<kind>/<name>` replaced by what it points at.
pub fn resolve<'a>(json: &'a Value, value: &'a Value) -> Result<&'a Value> {
    match value.get("$ref").and_then(Value::as_str) {
        None => Ok(value),
        Some(reference) => json
            .pointer(reference.trim_start_matches('#'))
            .ok_or_else(|| anyhow!("{reference} points nowhere")),
    }
}

pub fn schema_name(schema: Option<&Value>) -> Option<String> {
    schema?
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
        .map(str::to_owned)
}

/// `listExternalPages` → `ListExternalPages`.
fn upper_camel(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{upper_camel, upper_snake};

    #[test]
    fn operation_names() {
        assert_eq!(upper_camel("listExternalPages"), "ListExternalPages");
        assert_eq!(upper_camel("retrieveNote"), "RetrieveNote");
    }

    #[test]
    fn constant_names() {
        assert_eq!(upper_snake("PerPage"), "PER_PAGE");
        assert_eq!(upper_snake("Page"), "PAGE");
    }
}
