//! `/ai/content_import_sources`: create, list, retrieve, update, delete.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use intercom_openapi::open_enums::ListType;
use intercom_openapi::operation::Operation;
use intercom_openapi::operations::{CreateContentImportSource, UpdateContentImportSource};
use intercom_openapi::types::ContentImportSourcesList;

use super::answer::{ai_list, json, path_id, valid_body};
use crate::api_error::ApiError;
use crate::clock::now_unix;
use crate::shared::Shared;
use crate::state::Store;

const PATH: &str = "/ai/content_import_sources";

fn source_id(path: Result<Path<String>, PathRejection>) -> Result<i64, ApiError> {
    path_id(path)?.parse().map_err(|_| ApiError::not_found())
}

/// `POST /ai/content_import_sources`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = valid_body(&shared, &CreateContentImportSource::INFO, body, |b| {
        b.non_empty(&["url"])
    })?;
    let source = shared.mutate(|store| store.create_source(body, now_unix()))?;
    Ok(json(&source))
}

/// `GET /ai/content_import_sources`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    ai_list(
        &shared,
        query.as_deref(),
        PATH,
        Store::list_sources,
        |data, total, pages| {
            ContentImportSourcesList::try_from(
                ContentImportSourcesList::builder()
                    .type_(ListType::List)
                    .data(data)
                    .total_count(total)
                    .pages(pages),
            )
        },
    )
}

/// `GET /ai/content_import_sources/{id}`.
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = source_id(path)?;
    let source = shared.read().source(id).ok_or_else(ApiError::not_found)?;
    Ok(json(&source))
}

/// `PUT /ai/content_import_sources/{id}`.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let id = source_id(path)?;
    if shared.read().source(id).is_none() {
        return Err(ApiError::not_found());
    }
    let body = valid_body(&shared, &UpdateContentImportSource::INFO, body, |b| {
        b.non_empty(&["url"])
    })?;
    let source = shared.mutate(|store| store.update_source(id, body, now_unix()))?;
    Ok(json(&source))
}

/// `DELETE /ai/content_import_sources/{id}`: 204 with no body, as Intercom's published
/// descriptions document; the source's pages go with it.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = source_id(path)?;
    shared
        .mutate(|store| store.delete_source(id).ok_or_else(ApiError::not_found))
        .map(|_| StatusCode::NO_CONTENT.into_response())
}
