//! `/contacts/{id}/notes` and `/companies/{id}/notes` (create, list) and `/notes/{id}`
//! (retrieve).
//!
//! Every contact and company id exists: the fake keeps neither, so one with no notes simply
//! has an empty list. The lists are cursor-paged: `pages.next` is a cursor object
//! (`starting_after`: the last note's id), `null` on the last page.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use intercom_openapi::open_enums::ListType;
use intercom_openapi::operation::Operation;
use intercom_openapi::operations::{CreateCompanyNote, CreateNote};
use intercom_openapi::types::NoteList;
use serde_json::Value;

use super::answer::{json, list_answer, path_id, valid_body};
use crate::api_error::ApiError;
use crate::clock::now_unix;
use crate::pagination::{PageRequest, cursor_pages};
use crate::shared::Shared;
use crate::spec;
use crate::state::About;

/// Whether an `admin_id` names an admin: an integer, or a string of digits (the schema takes
/// any string).
fn is_admin_id(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_u64(),
        Value::String(s) => !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

/// What every note body must hold beyond its schema: a non-empty `body`, an admin id of digits.
fn check_note(body: &mut spec::Body<'_>) {
    body.non_empty(&["body"]);
    if body.get("admin_id").is_some_and(|v| !is_admin_id(v)) {
        body.reject("admin_id", "admin_id must be an integer id");
    }
}

/// `POST /contacts/{id}/notes`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let contact_id = path_id(path)?;
    let body = valid_body(&shared, &CreateNote::INFO, body, |body| {
        check_note(body);
        if let Some(other) = body.str("contact_id")
            && other != contact_id
        {
            let message =
                format!("contact_id {other:?} is not the contact of the path ({contact_id:?})");
            body.reject("contact_id", message);
        }
    })?;
    let note = shared.mutate(|store| store.create_note(contact_id, body, now_unix()))?;
    Ok(json(&note))
}

/// `POST /companies/{id}/notes` (from 2.16).
pub(crate) async fn create_for_company(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let company_id = path_id(path)?;
    let body = valid_body(&shared, &CreateCompanyNote::INFO, body, check_note)?;
    let note = shared.mutate(|store| store.create_company_note(company_id, body, now_unix()))?;
    Ok(json(&note))
}

/// `GET /contacts/{id}/notes`, oldest first.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let about = About::Contact(path_id(path)?);
    list_about(&shared, &about, query.as_deref())
}

/// `GET /companies/{id}/notes` (from 2.15), oldest first.
pub(crate) async fn list_for_company(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let about = About::Company(path_id(path)?);
    list_about(&shared, &about, query.as_deref())
}

fn list_about(shared: &Shared, about: &About, query: Option<&str>) -> Result<Response, ApiError> {
    let request = PageRequest::from_query(query)?;
    let page = shared.read().list_notes(about, request);
    let last_id = page.notes.last().map(|n| n.id.as_str().to_owned());
    let pages = cursor_pages(
        page.total,
        page.offset,
        page.notes.len(),
        request.per_page,
        last_id.as_deref(),
    )?;
    let is_last = pages.next.is_none();
    let empty = page.notes.is_empty();
    let list: NoteList = NoteList::builder()
        .type_(ListType::List)
        .data(page.notes)
        .total_count(i64::try_from(page.total).unwrap_or(i64::MAX))
        .pages(pages)
        .try_into()
        .map_err(|_| ApiError::server_error())?;
    // The last page says `"next": null`, as the reference's example does.
    Ok(list_answer(&list, empty, is_last))
}

/// `GET /notes/{id}`.
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(path)?;
    let note = shared.read().note(&id).ok_or_else(ApiError::not_found)?;
    Ok(json(&note))
}
