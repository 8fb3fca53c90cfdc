//! The HTTP routes: the 13 API operations and the two `/__fake/*` inspection routes.

mod admin;
mod notes;
mod pages;
mod sources;

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, Request};
use axum::http::{HeaderValue, StatusCode, header::CONTENT_TYPE};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;

use crate::errors::ApiError;
use crate::pipeline::pipeline;
use crate::shared::Shared;

/// The `Content-Type` of every JSON answer.
pub(crate) const JSON: &str = "application/json; charset=utf-8";

/// Every route, behind the pipeline (faults, auth, rate limit, log).
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/ai/content_import_sources",
            get(sources::list).post(sources::create),
        )
        .route(
            "/ai/content_import_sources/{id}",
            get(sources::retrieve)
                .put(sources::update)
                .delete(sources::delete),
        )
        .route("/ai/external_pages", get(pages::list).post(pages::upsert))
        .route(
            "/ai/external_pages/{id}",
            get(pages::retrieve)
                .put(pages::update)
                .delete(pages::delete),
        )
        .route("/contacts/{id}/notes", get(notes::list).post(notes::create))
        .route("/notes/{id}", get(notes::retrieve))
        .route("/__fake/requests", get(admin::requests))
        .route("/__fake/state", get(admin::state))
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(shared.clone(), pipeline))
        .with_state(shared)
}

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

/// The `{id}` path segment; an undecodable one cannot name anything.
pub(crate) fn path_id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    path.map(|Path(id)| id).map_err(|_| ApiError::not_found())
}

/// The request body; a body that cannot be read is a 400 naming `body`.
pub(crate) fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|e| ApiError::invalid("body", e.body_text()))
}

async fn no_route(request: Request) -> ApiError {
    ApiError::no_route(request.method().as_str(), request.uri().path())
}

async fn method_not_allowed() -> ApiError {
    ApiError::method_not_allowed()
}
