//! `/ai/external_pages`: upsert, list, retrieve, update by id, delete.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;

use super::{body_bytes, json, path_id};
use crate::body::Fields;
use crate::clock::now_unix;
use crate::errors::ApiError;
use crate::pagination::{LastPage, PageRequest, list_body};
use crate::shared::Shared;
use crate::state::PageWrite;
use crate::wire::PageOut;

const PATH: &str = "/ai/external_pages";

/// Which body is being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Write {
    /// POST: `external_id` required; `ai_*_availability`.
    Upsert,
    /// PUT: `external_id` optional; also the deprecated `fin_availability`.
    Update,
}

fn page_write(bytes: &Bytes, mode: Write) -> Result<PageWrite, ApiError> {
    let mut f = Fields::parse(bytes)?;
    let title = f.string("title");
    let html = f.string("html");
    let url = f.opt_string("url");
    let mut ai_agent = f.opt_bool("ai_agent_availability");
    let ai_copilot = f.opt_bool("ai_copilot_availability");
    if mode == Write::Update
        && let Some(fin) = f.opt_bool("fin_availability")
    {
        ai_agent = ai_agent.or(Some(fin));
    }
    let _locale = f.one_of("locale", &["en"]);
    let source_id = f.integer("source_id");
    let external_id = match mode {
        Write::Upsert => f.string("external_id"),
        Write::Update => f.opt_string("external_id"),
    };
    if mode == Write::Update && external_id.as_deref().is_some_and(|e| e.trim().is_empty()) {
        f.reject(ApiError::invalid(
            "external_id",
            "external_id must not be empty",
        ));
    }
    f.finish()?;
    match (title, html, source_id) {
        (Some(title), Some(html), Some(source_id)) => Ok(PageWrite {
            source_id,
            external_id,
            title,
            html,
            url,
            ai_agent_availability: ai_agent,
            ai_copilot_availability: ai_copilot,
        }),
        _ => Err(ApiError::missing("title")),
    }
}

/// `POST /ai/external_pages`: creates, or updates the page with the same
/// (source_id, external_id).
pub(crate) async fn upsert(
    State(shared): State<Arc<Shared>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let write = page_write(&body_bytes(body)?, Write::Upsert)?;
    let page = shared.mutate(|store| store.upsert_page(write, now_unix()))?;
    Ok(json(&PageOut::from(&page)))
}

/// `GET /ai/external_pages`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let request = PageRequest::from_query(query.as_deref())?;
    let (pages, total) = shared.read().list_pages(request);
    let data = pages.iter().map(PageOut::from).collect();
    Ok(json(&list_body(
        data,
        total,
        request,
        &shared.base_url,
        PATH,
        LastPage::OmitNext,
    )))
}

/// `GET /ai/external_pages/{id}`.
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(path)?;
    let page = shared.read().page(&id).ok_or_else(ApiError::not_found)?;
    Ok(json(&PageOut::from(&page)))
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
    let write = page_write(&body_bytes(body)?, Write::Update)?;
    let page = shared.mutate(|store| store.update_page(&id, write, now_unix()))?;
    Ok(json(&PageOut::from(&page)))
}

/// `DELETE /ai/external_pages/{id}`: answers with the deleted page.
pub(crate) async fn delete(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = path_id(path)?;
    let page = shared.mutate(|store| store.delete_page(&id).ok_or_else(ApiError::not_found))?;
    Ok(json(&PageOut::from(&page)))
}
