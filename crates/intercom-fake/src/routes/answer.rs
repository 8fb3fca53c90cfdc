//! What the handlers share: JSON answers, list answers, the path's id, the body.

use axum::body::Bytes;
use axum::extract::Path;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::http::{HeaderValue, StatusCode, header::CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use intercom_openapi::operation::OperationInfo;
use intercom_openapi::types::PagesLink;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api_error::ApiError;
use crate::content_type::JSON;
use crate::pagination::{PageRequest, Position};
use crate::shared::Shared;
use crate::spec::{self, Valid};
use crate::state::Store;

/// A 200 answer with `value` as compact JSON.
pub(crate) fn json<T: Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => {
            let mut response = (StatusCode::OK, bytes).into_response();
            response
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
            response
        }
        Err(e) => {
            tracing::error!("cannot serialize an answer: {e}");
            ApiError::server_error().into_response()
        }
    }
}

/// A list answer: the generated list type `list`, plus what its serializer leaves out and the
/// reference shows: an empty page's `"data": []` and, with `null_next`, `"next": null` (the
/// notes list's last page).
pub(crate) fn list_answer<L: Serialize>(list: &L, empty: bool, null_next: bool) -> Response {
    if !empty && !null_next {
        return json(list);
    }
    let Ok(mut value) = serde_json::to_value(list) else {
        return ApiError::server_error().into_response();
    };
    if let Some(object) = value.as_object_mut() {
        object
            .entry("data")
            .or_insert_with(|| Value::Array(Vec::new()));
        if null_next && let Some(pages) = object.get_mut("pages").and_then(Value::as_object_mut) {
            pages.entry("next").or_insert(Value::Null);
        }
    }
    json(&value)
}

/// An AI Content list (`GET /ai/…`, `pages.next` a URL): the page the query asks for, of
/// `items`, built as the spec's list type by `list` (given the page, `total_count`, `pages`).
pub(crate) fn ai_list<T, L: Serialize, E>(
    shared: &Shared,
    query: Option<&str>,
    path: &str,
    items: impl FnOnce(&Store, PageRequest) -> (Vec<T>, usize),
    list: impl FnOnce(Vec<T>, i64, PagesLink) -> Result<L, E>,
) -> Result<Response, ApiError> {
    let request = PageRequest::from_query(query)?;
    let (page, total) = items(&shared.read(), request);
    let position = Position::new(total, request, &shared.base_url, path);
    let empty = page.is_empty();
    let list = list(page, position.total_count(), position.pages_link()?)
        .map_err(|_| ApiError::server_error())?;
    Ok(list_answer(&list, empty, false))
}

/// A write's body, valid against `operation`'s request schema and `check`'s rules beyond it.
pub(crate) fn valid_body<T: DeserializeOwned>(
    shared: &Shared,
    operation: &OperationInfo,
    body: Result<Bytes, BytesRejection>,
    check: impl FnOnce(&mut spec::Body<'_>),
) -> Result<Valid<T>, ApiError> {
    let mut body = spec::request(operation).parse(&body_bytes(shared, body)?)?;
    check(&mut body);
    body.finish()
}

/// The `{id}` path segment; an undecodable one cannot name anything.
pub(crate) fn path_id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    path.map(|Path(id)| id).map_err(|_| ApiError::not_found())
}

/// The request body; a body over the fake's limit is a 413 naming the limit, any other body
/// that cannot be read a 400 naming `body`.
fn body_bytes(shared: &Shared, body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(shared.body_limit)
        } else {
            ApiError::invalid("body", e.body_text())
        }
    })
}
