//! The HTTP routes: the 13 API operations and the two `/__fake/*` inspection routes.

mod admin;
mod answer;
mod notes;
mod pages;
mod sources;

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::from_fn_with_state;
use axum::routing::get;

use crate::api_error::ApiError;
use crate::pipeline::pipeline;
use crate::shared::Shared;

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
        .route(
            "/companies/{id}/notes",
            get(notes::list_for_company).post(notes::create_for_company),
        )
        .route("/notes/{id}", get(notes::retrieve))
        .route("/__fake/requests", get(admin::requests))
        .route("/__fake/state", get(admin::state))
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        // The handlers' `Bytes` bodies: axum's 2 MB default refused pages the sync sends.
        .layer(DefaultBodyLimit::max(shared.body_limit))
        .layer(from_fn_with_state(shared.clone(), pipeline))
        .with_state(shared)
}

async fn no_route(request: Request) -> ApiError {
    ApiError::no_route(request.method().as_str(), request.uri().path())
}

async fn method_not_allowed() -> ApiError {
    ApiError::method_not_allowed()
}
