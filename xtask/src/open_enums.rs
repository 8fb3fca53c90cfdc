//! Every string enum of the spec's component schemas becomes an open enum: the listed
//! values as variants, plus `Unknown(String)`, so a value Intercom adds later (say
//! `sync_behavior: "crawled"`) still deserializes and is kept. The `open_enum!` macro that
//! expands them is hand-written in `crates/intercom-openapi/src/open_enum.rs`.

use anyhow::{Result, bail};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

pub struct OpenEnum {
    /// The component schema's name, which is also the Rust type name progenitor would use.
    pub rust_name: String,
    pub description: Option<String>,
    pub values: Vec<String>,
}

/// The spec's named string enums, in the spec's order.
pub fn find(spec: &Value) -> Result<Vec<OpenEnum>> {
    let Some(schemas) = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Ok(Vec::new());
    };
    let mut enums = Vec::new();
    for (name, schema) in schemas {
        let Some(values) = schema.get("enum").and_then(Value::as_array) else {
            continue;
        };
        let values = values
            .iter()
            .map(|v| match v.as_str() {
                Some(s) => Ok(s.to_owned()),
                None => bail!("components.schemas.{name}: enum value {v} is not a string"),
            })
            .collect::<Result<Vec<_>>>()?;
        enums.push(OpenEnum {
            rust_name: name.clone(),
            description: schema
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_owned),
            values,
        });
    }
    Ok(enums)
}

/// `pub mod open_enums { open_enum! { … } … }`
pub fn module(enums: &[OpenEnum]) -> TokenStream {
    let items = enums.iter().map(|e| {
        let name = format_ident!("{}", e.rust_name);
        let doc = e
            .description
            .as_deref()
            .unwrap_or("An open enum of the spec.");
        let variants = e.values.iter().map(|value| {
            let variant = format_ident!("{}", variant_name(value));
            let vdoc = format!("`{value}`");
            quote! { #[doc = #vdoc] #variant = #value }
        });
        quote! {
            open_enum! {
                #[doc = #doc]
                #name { #(#variants),* }
            }
        }
    });
    quote! {
        /// The spec's enums, open: each keeps a value it does not list in `Unknown`.
        pub mod open_enums {
            #(#items)*
        }
    }
}

/// `api` → `Api`, `error.list` → `ErrorList`, `2.14` → `V2_14`.
fn variant_name(value: &str) -> String {
    if value.starts_with(|c: char| c.is_ascii_digit()) {
        return format!(
            "V{}",
            value.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        );
    }
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::variant_name;

    #[test]
    fn variant_names() {
        assert_eq!(variant_name("api"), "Api");
        assert_eq!(variant_name("error.list"), "ErrorList");
        assert_eq!(variant_name("content_import_source"), "ContentImportSource");
        assert_eq!(variant_name("2.14"), "V2_14");
        assert_eq!(variant_name("1.0"), "V1_0");
        assert_eq!(variant_name("Unstable"), "Unstable");
    }
}
