//! Spec → Rust: progenitor generates the client and its httpmock helpers, the open enums
//! are emitted beside them, and prettyplease prints both. Pure: the same spec always gives
//! byte-identical files, which is what lets `check` diff them.

use anyhow::{Context, Result, anyhow};
use proc_macro2::TokenStream;
use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use crate::open_enums::{self, OpenEnum};
use crate::spec::{HAND_WRITTEN_TYPES, SPEC_PATH, Spec};
use crate::{operations, requests};

/// The low-level client, its types and the open enums.
pub const CLIENT_PATH: &str = "crates/intercom-openapi/src/generated.rs";
/// The description of every operation (`intercom_openapi::operations`).
pub const OPERATIONS_PATH: &str = "crates/intercom-openapi/src/operations.rs";
/// The client's request values (`intercom_client::NewExternalPage`, …).
pub const REQUESTS_PATH: &str = "crates/intercom-client/src/request/generated.rs";
/// Every component schema as JSON Schema, for whatever validates bodies against the spec
/// (the fake, the tests): `intercom_openapi::JSON_SCHEMAS`.
pub const SCHEMAS_PATH: &str = "crates/intercom-openapi/src/schemas.json";
/// The httpmock helpers (`MockServerExt`).
pub const HTTPMOCK_PATH: &str = "crates/intercom-openapi-httpmock/src/generated.rs";
/// How the httpmock helpers name the client crate.
const CLIENT_CRATE: &str = "intercom_openapi";

pub struct GeneratedFile {
    pub path: &'static str,
    pub contents: String,
}

pub fn generate(spec: &Spec) -> Result<Vec<GeneratedFile>> {
    let enums = open_enums::find(&spec.json)?;
    let client = Generator::new(&settings(&enums, "crate"))
        .generate_tokens(&spec.typed)
        .map_err(|e| anyhow!("progenitor could not generate the client: {e}"))?;
    let enum_module = open_enums::module(&enums);
    let client = quote! { #client #enum_module };

    let operations = operations::module(&spec.json, &enums)?;
    let requests = requests::module(&spec.json, &enums)?;

    let httpmock = Generator::new(&settings(&enums, CLIENT_CRATE))
        .httpmock(&spec.typed, CLIENT_CRATE)
        .map_err(|e| anyhow!("progenitor could not generate the httpmock helpers: {e}"))?;
    let httpmock = crate::httpmock_extras::extend(httpmock)?;

    Ok(vec![
        GeneratedFile {
            path: CLIENT_PATH,
            contents: render(client, "the low-level Intercom client")?,
        },
        GeneratedFile {
            path: OPERATIONS_PATH,
            contents: render(
                operations,
                "every operation of the spec, for the runtime to execute",
            )?,
        },
        GeneratedFile {
            path: REQUESTS_PATH,
            contents: render(requests, "the client's request values")?,
        },
        GeneratedFile {
            path: SCHEMAS_PATH,
            contents: json_schemas(&spec.json)?,
        },
        GeneratedFile {
            path: HTTPMOCK_PATH,
            contents: render(
                httpmock,
                "httpmock helpers for the low-level Intercom client",
            )?,
        },
    ])
}

/// `client_crate` is how the generated code names the client crate (`crate` inside it).
fn settings(enums: &[OpenEnum], client_crate: &str) -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_derive("PartialEq");
    // progenitor's enums reject values they do not list; every enum of the spec is swapped
    // for an open enum (emitted by `open_enums::module`) that keeps unknown values.
    for e in enums {
        settings.with_replacement(
            &e.rust_name,
            format!("{client_crate}::open_enums::{}", e.rust_name),
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    // The spec's named id and time schemas are hand-written types (typed ids, a chrono time).
    for (schema, path) in HAND_WRITTEN_TYPES {
        let impls: &[TypeImpl] = if *schema == "Timestamp" {
            &[TypeImpl::Display]
        } else {
            &[TypeImpl::Display, TypeImpl::FromStr]
        };
        settings.with_replacement(
            schema,
            format!("{client_crate}::{path}"),
            impls.iter().cloned(),
        );
    }
    settings
}

/// `{"$comment": "@generated …", "definitions": {…}}`, pretty-printed (keys sorted).
fn json_schemas(spec: &serde_json::Value) -> Result<String> {
    let document = serde_json::json!({
        "$comment": format!("@generated: the spec's component schemas as JSON Schema (draft 7), from {SPEC_PATH} by `cargo xtask regen`. Do not edit: change the spec and regenerate."),
        "definitions": crate::schema::definitions(spec),
    });
    Ok(serde_json::to_string_pretty(&document)? + "\n")
}

fn render(tokens: TokenStream, what: &str) -> Result<String> {
    let file: syn::File = syn::parse2(tokens).context("generated code does not parse")?;
    Ok(format!(
        "// @generated: {what}, from {SPEC_PATH} by `cargo xtask regen`. Do not edit: change the spec and regenerate.\n\n{}",
        prettyplease::unparse(&file)
    ))
}
