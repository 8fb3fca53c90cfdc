//! Spec → Rust: progenitor generates the client and its httpmock helpers, the open enums
//! are emitted beside them, and prettyplease prints both. Pure: the same spec always gives
//! byte-identical files, which is what lets `check` diff them.

use anyhow::{Context, Result, anyhow};
use proc_macro2::TokenStream;
use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use crate::open_enums::{self, OpenEnum};
use crate::spec::{SPEC_PATH, Spec};

/// The low-level client, its types and the open enums.
pub const CLIENT_PATH: &str = "crates/intercom-openapi/src/generated.rs";
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

    let httpmock = Generator::new(&settings(&enums, CLIENT_CRATE))
        .httpmock(&spec.typed, CLIENT_CRATE)
        .map_err(|e| anyhow!("progenitor could not generate the httpmock helpers: {e}"))?;

    Ok(vec![
        GeneratedFile {
            path: CLIENT_PATH,
            contents: render(client, "the low-level Intercom client")?,
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
    settings
}

fn render(tokens: TokenStream, what: &str) -> Result<String> {
    let file: syn::File = syn::parse2(tokens).context("generated code does not parse")?;
    Ok(format!(
        "// @generated: {what}, from {SPEC_PATH} by `cargo xtask regen`. Do not edit: change the spec and regenerate.\n\n{}",
        prettyplease::unparse(&file)
    ))
}
