//! The envelopes Intercom wraps errors and lists in, built from what a test cares about:
//! what `then.error(…)` and `then.ok_list(…)` answer.

use intercom_openapi::open_enums::{ErrorListType, ListType, PagesType};
use intercom_openapi::types::{
    ContentImportSource, ContentImportSourcesList, CursorPages, ErrorItem, ErrorList, ExternalPage,
    ExternalPagesList, Note, NoteList, PagesLink, StartingAfterPaging,
};

/// The request id the helpers' answers carry, so that an error's request id can be asserted.
pub const REQUEST_ID: &str = "httpmock-request";

/// An `error.list` of one error, as Intercom answers a failed call.
///
/// ```
/// let body = intercom_openapi_httpmock::error_list("not_found", "Resource Not Found");
/// assert_eq!(body.errors[0].code, "not_found");
/// assert_eq!(body.request_id.as_deref(), Some("httpmock-request"));
/// ```
pub fn error_list(code: &str, message: &str) -> ErrorList {
    ErrorList {
        type_: ErrorListType::ErrorList,
        request_id: Some(REQUEST_ID.to_owned()),
        errors: vec![ErrorItem {
            code: code.to_owned(),
            message: Some(message.to_owned()),
            field: None,
        }],
    }
}

/// A list answer built from its items and where the next page is (its `total_count` is the
/// items given; a test that needs page numbers builds the envelope itself and answers `ok`).
pub trait ListEnvelope {
    /// What the list holds.
    type Item;

    /// The list of `items`; `next` is the next page's URL (page lists) or cursor (notes).
    fn envelope(items: Vec<Self::Item>, next: Option<&str>) -> Self;
}

/// The envelope says where the next page is, not which page this is: one helper builds every
/// page of a list, and a page number that disagreed with the request would fail the client's
/// checks.
fn page_link(next: Option<&str>) -> PagesLink {
    PagesLink {
        type_: Some(PagesType::Pages),
        next: next.map(str::to_owned),
        page: None,
        per_page: None,
        total_pages: None,
    }
}

impl ListEnvelope for ContentImportSourcesList {
    type Item = ContentImportSource;

    fn envelope(items: Vec<ContentImportSource>, next: Option<&str>) -> Self {
        ContentImportSourcesList {
            type_: Some(ListType::List),
            pages: Some(page_link(next)),
            total_count: Some(items.len() as i64),
            data: items,
        }
    }
}

impl ListEnvelope for ExternalPagesList {
    type Item = ExternalPage;

    fn envelope(items: Vec<ExternalPage>, next: Option<&str>) -> Self {
        ExternalPagesList {
            type_: Some(ListType::List),
            pages: Some(page_link(next)),
            total_count: Some(items.len() as i64),
            data: items,
        }
    }
}

impl ListEnvelope for NoteList {
    type Item = Note;

    fn envelope(items: Vec<Note>, next: Option<&str>) -> Self {
        NoteList {
            type_: Some(ListType::List),
            pages: Some(CursorPages {
                type_: Some(PagesType::Pages),
                next: next.map(|cursor| StartingAfterPaging {
                    page: None,
                    per_page: None,
                    starting_after: Some(cursor.to_owned()),
                }),
                page: None,
                per_page: None,
                total_pages: None,
            }),
            total_count: Some(items.len() as i64),
            data: items,
        }
    }
}
