//! What callers send. Each value wraps the generated request body of
//! `intercom_openapi::types` and has a setter for every property of it, named as in the spec
//! (`generated.rs`, written by `cargo xtask regen`); what is hand-written here is only each
//! value's constructor and `validate()`, which fails before anything is sent and names the
//! field.

mod content_import_source;
mod external_page;
#[rustfmt::skip]
#[allow(clippy::all, clippy::pedantic)]
mod generated;
mod note;

// Every request value the spec has, so one that regen adds is public with nothing else written.
pub use generated::*;

/// Builds a generated body with the typify builder from the values a constructor requires;
/// the optional properties start unset.
///
/// The builder fails only if the spec requires a property the constructor does not set,
/// which `every_constructor_sets_every_required_property` in this crate's tests catches
/// right after a regen.
macro_rules! body {
    ($ty:ident { $($field:ident: $value:expr),* $(,)? }) => {
        intercom_openapi::types::$ty::builder()
            $(.$field($value))*
            .try_into()
            .unwrap_or_else(|e| {
                panic!(
                    "the spec requires a property of {} that its constructor does not set: {e}",
                    stringify!($ty)
                )
            })
    };
}
pub(crate) use body;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ContactId, ContentImportSourceId};

    #[test]
    fn every_constructor_sets_every_required_property() {
        let source = ContentImportSourceId::new(1);
        let _ = NewExternalPage::new(source, "e")
            .title("t")
            .html("<p>h</p>");
        let _ = ExternalPageUpdate::new(source).title("t").html("<p>h</p>");
        let _ = NewContentImportSource::new("https://help.example.com");
        let _ = ContentImportSourceUpdate::new("https://help.example.com");
        let _ = NewNote::new("body").to_body(&ContactId::new("c"));
        let _ = NewCompanyNote::new("body");
    }
}
