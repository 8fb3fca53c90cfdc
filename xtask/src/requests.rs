//! Spec → the client's request values (`crates/intercom-client/src/request/generated.rs`):
//! for every request body of the spec, a value that holds the generated body and has one
//! setter per property, named as in the spec. `CreateXRequest` becomes `NewX`,
//! `UpdateXRequest` becomes `XUpdate`. What the client writes by hand on top is only the
//! constructor and `validate()`.

use std::collections::BTreeSet;

use anyhow::{Context, Result, anyhow};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use crate::open_enums::OpenEnum;
use crate::operations::{TypeNames, resolve, schema_name};

/// The items of `intercom_client::request::generated`.
pub fn module(json: &Value, enums: &[OpenEnum]) -> Result<TokenStream> {
    let types = TypeNames {
        enums,
        krate: quote! { ::intercom_openapi },
    };
    let mut bodies = BTreeSet::new();
    for item in json
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|paths| paths.values())
    {
        for op in item.as_object().into_iter().flat_map(|ops| ops.values()) {
            if let Some(name) =
                schema_name(op.pointer("/requestBody/content/application~1json/schema"))
            {
                bodies.insert(name);
            }
        }
    }
    let mut items = Vec::new();
    for body in bodies {
        let schema = json
            .pointer(&format!("/components/schemas/{body}"))
            .ok_or_else(|| anyhow!("request body {body} is not a component schema"))?;
        items.push(request_value(json, &types, &body, schema).with_context(|| body.clone())?);
    }
    Ok(quote! { #(#items)* })
}

/// `CreateExternalPageRequest` → `NewExternalPage`; `UpdateExternalPageRequest` →
/// `ExternalPageUpdate`; anything else keeps its name without `Request`.
pub fn value_name(body: &str) -> String {
    let stem = body.strip_suffix("Request").unwrap_or(body);
    if let Some(what) = stem.strip_prefix("Create") {
        format!("New{what}")
    } else if let Some(what) = stem.strip_prefix("Update") {
        format!("{what}Update")
    } else {
        stem.to_owned()
    }
}

fn request_value(
    json: &Value,
    types: &TypeNames<'_>,
    body: &str,
    schema: &Value,
) -> Result<TokenStream> {
    let name = format_ident!("{}", value_name(body));
    let body_ident = format_ident!("{body}");
    let required: BTreeSet<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut setters = Vec::new();
    for (property, property_schema) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let resolved = resolve(json, property_schema)?;
        let rust = types.of(property_schema)?;
        let field = format_ident!("{}", field_name(property));
        let setter = format_ident!("{}", field_name(property));
        let described = property_schema
            .get("description")
            .or_else(|| resolved.get("description"))
            .and_then(Value::as_str)
            .unwrap_or("");
        let doc = format!("`{property}`: {described}");
        let is_array = resolved.get("type").and_then(Value::as_str) == Some("array");
        let setter = if required.contains(property.as_str()) {
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, value: impl ::std::convert::Into<#rust>) -> Self {
                    self.raw.#field = value.into();
                    self
                }
            }
        } else if is_array {
            let item = types.of(resolved.get("items").unwrap_or(&Value::Null))?;
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, value: impl ::std::iter::IntoIterator<Item = #item>) -> Self {
                    self.raw.#field = value.into_iter().collect();
                    self
                }
            }
        } else {
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, value: impl ::std::convert::Into<#rust>) -> Self {
                    self.raw.#field = ::std::option::Option::Some(value.into());
                    self
                }
            }
        };
        setters.push(setter);
    }
    let doc = format!(
        "The body of a request (`{body}`), with a setter for each of its properties. Read the \
         values through `Deref` (`value.title`); check them with `validate()`."
    );
    Ok(quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq)]
        pub struct #name {
            /// Named so as not to hide a property called `body` behind `Deref`.
            pub(crate) raw: ::intercom_openapi::types::#body_ident,
        }

        impl #name {
            #(#setters)*

            /// The body as it stands (not validated).
            pub fn into_body(self) -> ::intercom_openapi::types::#body_ident {
                self.raw
            }
        }

        impl ::std::convert::From<::intercom_openapi::types::#body_ident> for #name {
            fn from(body: ::intercom_openapi::types::#body_ident) -> Self {
                #name { raw: body }
            }
        }

        impl ::std::ops::Deref for #name {
            type Target = ::intercom_openapi::types::#body_ident;

            fn deref(&self) -> &Self::Target {
                &self.raw
            }
        }
    })
}

/// The Rust name typify gives a property.
fn field_name(property: &str) -> String {
    match property {
        "type" => "type_".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::value_name;

    #[test]
    fn value_names() {
        assert_eq!(value_name("CreateExternalPageRequest"), "NewExternalPage");
        assert_eq!(
            value_name("UpdateExternalPageRequest"),
            "ExternalPageUpdate"
        );
        assert_eq!(value_name("CreateNoteRequest"), "NewNote");
        assert_eq!(value_name("SearchRequest"), "Search");
    }
}
