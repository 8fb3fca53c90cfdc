//! `/__fake/requests` and `/__fake/state`: the request log and the state, for tests in any
//! language. No token needed; these requests are neither logged nor counted.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;

use super::answer::json;
use crate::shared::Shared;

/// `GET /__fake/requests`: the request log, oldest first.
pub(crate) async fn requests(State(shared): State<Arc<Shared>>) -> Response {
    json(&shared.log.snapshot())
}

/// `GET /__fake/state`: `{sources, pages, notes}`.
pub(crate) async fn state(State(shared): State<Arc<Shared>>) -> Response {
    let snapshot = shared.read().snapshot();
    json(&snapshot)
}
