//! What the httpmock helpers add to progenitor's: a version matcher that takes what the
//! client takes (`when.intercom_version("2.14")`), and on every answer builder an error in one
//! call (`then.error(404, "not_found", "Resource Not Found")`), and on a list's an answer built
//! from its items (`then.ok_list(pages, None)`). The envelopes are built by hand-written code
//! of `intercom-openapi-httpmock` (`error_list`, `ListEnvelope`); this only adds the methods.

use anyhow::{Result, anyhow};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{ImplItem, Item, ItemImpl, Type};

/// progenitor's httpmock helpers with ours added.
pub fn extend(helpers: TokenStream) -> Result<TokenStream> {
    let mut file: syn::File = syn::parse2(helpers)
        .map_err(|e| anyhow!("progenitor's httpmock helpers do not parse: {e}"))?;
    let mut versions = 0;
    for item in &mut file.items {
        let Item::Mod(module) = item else { continue };
        let Some((_, items)) = &mut module.content else {
            continue;
        };
        for item in items {
            let Item::Impl(block) = item else { continue };
            let name = self_name(block);
            if name.ends_with("When") {
                versions += version_matcher(block)?;
            } else if name.ends_with("Then") {
                answers(block)?;
            }
        }
    }
    if versions == 0 {
        return Err(anyhow!(
            "no `intercom_version` matcher found in progenitor's httpmock helpers"
        ));
    }
    Ok(quote! { #file })
}

fn self_name(block: &ItemImpl) -> String {
    match &*block.self_ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// `intercom_version` takes a version, not `Option<&IntercomVersion>`; a request without the
/// header is matched through `into_inner().header_missing(…)`. How many were replaced.
fn version_matcher(block: &mut ItemImpl) -> Result<usize> {
    let mut replaced = 0;
    for item in &mut block.items {
        let ImplItem::Fn(method) = item else { continue };
        if method.sig.ident != "intercom_version" {
            continue;
        }
        *method = syn::parse2(quote! {
            /// Matches the `Intercom-Version` header: `"2.14"`, `IntercomVersion::V2_14`.
            pub fn intercom_version<T>(self, value: T) -> Self
            where
                T: Into<intercom_openapi::open_enums::IntercomVersion>,
            {
                Self(self.0.header("Intercom-Version", value.into().to_string()))
            }
        })?;
        replaced += 1;
    }
    Ok(replaced)
}

/// `error` on every answer builder; `ok_list` on those whose `ok` answers a list.
fn answers(block: &mut ItemImpl) -> Result<()> {
    let list = block.items.iter().find_map(|item| match item {
        ImplItem::Fn(method) if method.sig.ident == "ok" => {
            let arg = method.sig.inputs.iter().nth(1)?;
            let syn::FnArg::Typed(arg) = arg else {
                return None;
            };
            let Type::Reference(reference) = &*arg.ty else {
                return None;
            };
            let ty = &reference.elem;
            let text = quote!(#ty).to_string();
            text.ends_with("List").then(|| (**ty).clone())
        }
        _ => None,
    });
    block.items.push(syn::parse2(quote! {
        /// Answers `status` with an `error.list` of one error: `code` and `message`.
        pub fn error(self, status: u16, code: &str, message: &str) -> Self {
            Self(
                self.0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(&crate::error_list(code, message)),
            )
        }
    })?);
    if let Some(ty) = list {
        block.items.push(syn::parse2(quote! {
            /// Answers 200 with a list of `items`, and `next` (the next page's URL, or for
            /// notes its cursor) when there is one.
            pub fn ok_list(
                self,
                items: Vec<<#ty as crate::ListEnvelope>::Item>,
                next: Option<&str>,
            ) -> Self {
                self.ok(&<#ty as crate::ListEnvelope>::envelope(items, next))
            }
        })?);
    }
    Ok(())
}
