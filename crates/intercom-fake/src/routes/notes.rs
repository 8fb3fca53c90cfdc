//! `/contacts/{id}/notes` (create, list) and `/notes/{id}` (retrieve).
//!
//! Every contact id exists: the fake keeps no contacts, so a contact with no notes simply has
//! an empty list.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::Uri;
use axum::response::Response;

use super::{body_bytes, json, path_id};
use crate::body::Fields;
use crate::clock::now_unix;
use crate::errors::ApiError;
use crate::pagination::{LastPage, PageRequest, list_body};
use crate::shared::Shared;
use crate::state::NewNote;
use crate::wire::NoteOut;

/// `POST /contacts/{id}/notes`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let contact_id = path_id(path)?;
    let mut f = Fields::parse(&body_bytes(body)?)?;
    let text = f.string("body");
    let admin_id = f.opt_id("admin_id");
    if let Some(other) = f.opt_string("contact_id")
        && other != contact_id
    {
        f.reject(ApiError::invalid(
            "contact_id",
            format!("contact_id {other:?} is not the contact of the path ({contact_id:?})"),
        ));
    }
    f.finish()?;
    let body = text.ok_or_else(|| ApiError::missing("body"))?;
    let note = shared.mutate(|store| {
        Ok(store.create_note(
            NewNote {
                contact_id,
                body,
                admin_id,
            },
            now_unix(),
        ))
    })?;
    Ok(json(&NoteOut::from(&note)))
}

/// `GET /contacts/{id}/notes`, oldest first.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    uri: Uri,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let contact_id = path_id(path)?;
    let request = PageRequest::from_query(query.as_deref())?;
    let (notes, total) = shared.read().list_notes(&contact_id, request);
    let data = notes.iter().map(NoteOut::from).collect();
    // The path as sent (still percent-encoded), for the `next` link.
    Ok(json(&list_body(
        data,
        total,
        request,
        &shared.base_url,
        uri.path(),
        LastPage::NullNext,
    )))
}

/// `GET /notes/{id}`.
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(path)?;
    let note = shared.read().note(&id).ok_or_else(ApiError::not_found)?;
    Ok(json(&NoteOut::from(&note)))
}
