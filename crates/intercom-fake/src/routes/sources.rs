//! `/ai/content_import_sources`: create, list, retrieve, update, delete.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{body_bytes, json, path_id};
use crate::body::Fields;
use crate::clock::now_unix;
use crate::errors::ApiError;
use crate::model::{SourceStatus, SyncBehavior};
use crate::pagination::{LastPage, PageRequest, list_body};
use crate::shared::Shared;
use crate::state::{NewSource, SourceChange};
use crate::wire::SourceOut;

const PATH: &str = "/ai/content_import_sources";
const STATUSES: &[&str] = &["active", "deactivated"];

fn source_id(path: Result<Path<String>, PathRejection>) -> Result<i64, ApiError> {
    path_id(path)?.parse().map_err(|_| ApiError::not_found())
}

fn status(s: Option<String>) -> Option<SourceStatus> {
    s.as_deref().and_then(SourceStatus::parse)
}

/// `POST /ai/content_import_sources`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let mut f = Fields::parse(&body_bytes(body)?)?;
    let _api = f.one_of("sync_behavior", &["api"]);
    let url = f.string("url");
    let status = status(f.opt_one_of("status", STATUSES));
    let audience_ids = f.opt_integers("audience_ids");
    f.finish()?;
    let url = url.ok_or_else(|| ApiError::missing("url"))?;
    let source = shared.mutate(|store| {
        Ok(store.create_source(
            NewSource {
                url,
                status,
                audience_ids,
            },
            now_unix(),
        ))
    })?;
    Ok(json(&SourceOut::from(&source)))
}

/// `GET /ai/content_import_sources`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let request = PageRequest::from_query(query.as_deref())?;
    let (sources, total) = shared.read().list_sources(request);
    let data = sources.iter().map(SourceOut::from).collect();
    Ok(json(&list_body(
        data,
        total,
        request,
        &shared.base_url,
        PATH,
        LastPage::OmitNext,
    )))
}

/// `GET /ai/content_import_sources/{id}`.
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = source_id(path)?;
    let source = shared.read().source(id).ok_or_else(ApiError::not_found)?;
    Ok(json(&SourceOut::from(&source)))
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
    let mut f = Fields::parse(&body_bytes(body)?)?;
    let sync_behavior = f.one_of("sync_behavior", &["api", "automatic", "manual"]);
    let url = f.string("url");
    let status = status(f.opt_one_of("status", STATUSES));
    f.finish()?;
    let (Some(sync_behavior), Some(url)) =
        (sync_behavior.as_deref().and_then(SyncBehavior::parse), url)
    else {
        return Err(ApiError::missing("sync_behavior"));
    };
    let change = SourceChange {
        sync_behavior,
        url,
        status,
    };
    let source = shared.mutate(|store| store.update_source(id, change, now_unix()))?;
    Ok(json(&SourceOut::from(&source)))
}

/// `DELETE /ai/content_import_sources/{id}`: 200 with an empty body (the reference documents
/// none); the source's pages go with it.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = source_id(path)?;
    shared
        .mutate(|store| store.delete_source(id).ok_or_else(ApiError::not_found))
        .map(|_| StatusCode::OK.into_response())
}
