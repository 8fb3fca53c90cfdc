//! `/ai/external_pages`: upsert, list, retrieve, update by id, delete.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use intercom_openapi::open_enums::ListType;
use intercom_openapi::operation::Operation;
use intercom_openapi::operations::{CreateExternalPage, UpdateExternalPage};
use intercom_openapi::types::ExternalPagesList;

use super::answer::{ai_list, json, path_id, valid_body};
use crate::api_error::ApiError;
use crate::clock::now_unix;
use crate::shared::Shared;
use crate::state::Store;

const PATH: &str = "/ai/external_pages";

/// Strings that must hold more than blanks (the schema only says "string").
const NON_EMPTY: &[&str] = &["title", "html", "external_id"];

/// `POST /ai/external_pages`: creates, or updates the page with the same
/// (source_id, external_id).
pub(crate) async fn upsert(
    State(shared): State<Arc<Shared>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = valid_body(&shared, &CreateExternalPage::INFO, body, |b| {
        b.non_empty(NON_EMPTY)
    })?;
    let page = shared.mutate(|store| store.upsert_page(body, now_unix()))?;
    Ok(json(&page))
}

/// `GET /ai/external_pages`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    ai_list(
        &shared,
        query.as_deref(),
        PATH,
        Store::list_pages,
        |data, total, pages| {
            ExternalPagesList::try_from(
                ExternalPagesList::builder()
                    .type_(ListType::List)
                    .data(data)
                    .total_count(total)
                    .pages(pages),
            )
        },
    )
}

/// `GET /ai/external_pages/{id}`.
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(path)?;
    let page = shared.read().page(&id).ok_or_else(ApiError::not_found)?;
    Ok(json(&page))
}

/// `PUT /ai/external_pages/{id}`.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(path)?;
    if shared.read().page(&id).is_none() {
        return Err(ApiError::not_found());
    }
    let body = valid_body(&shared, &UpdateExternalPage::INFO, body, |b| {
        b.non_empty(NON_EMPTY)
    })?;
    let page = shared.mutate(|store| store.update_page(&id, body, now_unix()))?;
    Ok(json(&page))
}

/// `DELETE /ai/external_pages/{id}`: answers with the deleted page.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(path)?;
    let page = shared.mutate(|store| store.delete_page(&id).ok_or_else(ApiError::not_found))?;
    Ok(json(&page))
}
