//! What the handlers share: JSON answers, list answers, the path's id, the body's bytes.

use axum::body::Bytes;
use axum::extract::Path;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::http::{HeaderValue, StatusCode, header::CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use crate::content_type::JSON;
use crate::errors::ApiError;
use crate::shared::Shared;

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

/// The `{id}` path segment; an undecodable one cannot name anything.
pub(crate) fn path_id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    path.map(|Path(id)| id).map_err(|_| ApiError::not_found())
}

/// The request body; a body over the fake's limit is a 413 naming the limit, any other body
/// that cannot be read a 400 naming `body`.
pub(crate) fn body_bytes(
    shared: &Shared,
    body: Result<Bytes, BytesRejection>,
) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(shared.body_limit)
        } else {
            ApiError::invalid("body", e.body_text())
        }
    })
}
