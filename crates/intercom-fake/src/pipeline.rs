//! What happens to every request before and after its handler, in this order:
//!
//! 1. a request id is given (`X-Request-Id` on the answer, `request_id` in error bodies);
//! 2. `/__fake/*` requests go straight to their handler (not logged, not counted, no token);
//! 3. the first bytes of the body are read for the log (the handler still gets all of it);
//! 4. faults: an injected fault answers at once (a `slow` one only waits), so a faulted
//!    request never reaches a handler and uses no rate-limit budget;
//! 5. the bearer token: 401 if missing or wrong (not counted against the rate limit);
//! 6. the rate limit: 429 past the window's budget;
//! 7. the `Intercom-Version` header, if sent, must look like a version (`2.14`, `Preview`,
//!    `Unstable`): 400 otherwise;
//! 8. the handler; its [`ApiError`] is rendered with the request id, and the answer gets the
//!    `X-RateLimit-*` headers;
//! 9. the request is logged, with its body (never its headers: no token).

use std::sync::Arc;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api_error::ApiError;
use crate::faults::{FaultKind, Throttle};
use crate::log::{RawBody, RequestRecord};
use crate::rate_limit::unix_ceil;
use crate::shared::Shared;

/// Marks an answer that must not be sent: the server closes the connection instead.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DropConnection;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The 502 a proxy in front of the API would send.
const BAD_GATEWAY_HTML: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

/// The middleware.
pub(crate) async fn pipeline(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let request_id = shared.request_ids.next().0;
    if request.uri().path().starts_with("/__fake/") {
        return finish(next.run(request).await, &request_id);
    }
    let headers = request.headers();
    let mut record = RequestRecord {
        request_id,
        method: request.method().as_str().to_owned(),
        path: request.uri().path().to_owned(),
        query: request.uri().query().map(str::to_owned),
        intercom_version: headers
            .get("intercom-version")
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
        authorized: shared.token.authorizes(headers),
        status: None,
        fault: None,
        received_ms: shared.log.elapsed_ms(),
        body: None,
    };
    let (request, body) = read_body(request, shared.log.body_limit()).await;
    let fault = shared.faults.decide(&record.method, &record.path);
    record.fault = fault.map(|kind| kind.to_string());
    match fault {
        None => {
            let response = serve(&shared, &record, request, next).await;
            log(&shared, record, body, response)
        }
        Some(FaultKind::Slow(delay)) => {
            // Like the real API, finish (and log) a request whose client gave up waiting: a
            // write that lands after the client's timeout is exactly what a slow fault is for.
            let task = tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let response = serve(&shared, &record, request, next).await;
                log(&shared, record, body, response)
            });
            task.await
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
        Some(kind) => {
            let response = injected(&shared, kind, &record.request_id);
            log(&shared, record, body, response)
        }
    }
}

/// Reads the first `limit` bytes of the body for the log and gives back a request whose body
/// is the whole of what was sent: the bytes read, then the rest unread (so the handler's own
/// body limit and errors are what they would have been). `None` for an empty body, or when
/// `limit` is 0.
async fn read_body(request: Request, limit: usize) -> (Request, Option<RawBody>) {
    use futures::StreamExt;

    if limit == 0 || request.body().size_hint().exact() == Some(0) {
        return (request, None);
    }
    let (parts, body) = request.into_parts();
    let mut rest = body.into_data_stream();
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut read = 0usize;
    let mut failed = None;
    let ended = loop {
        if read > limit {
            break false;
        }
        match rest.next().await {
            None => break true,
            Some(Ok(chunk)) => {
                read += chunk.len();
                chunks.push(chunk);
            }
            Some(Err(e)) => {
                failed = Some(e);
                break false;
            }
        }
    };
    let whole = match chunks.as_slice() {
        [one] => one.clone(),
        _ => chunks.concat().into(),
    };
    let truncated = read > limit || failed.is_some();
    let kept = RawBody {
        // A truncated body's bytes are copied, so the log does not hold its whole chunk.
        bytes: if read > limit {
            Bytes::copy_from_slice(&whole[..limit])
        } else {
            whole.clone()
        },
        truncated,
    };
    let body = if ended {
        Body::from(whole)
    } else {
        let read = futures::stream::iter(chunks.into_iter().map(Ok::<_, axum::Error>));
        match failed {
            Some(e) => Body::from_stream(read.chain(futures::stream::iter([Err(e)]))),
            None => Body::from_stream(read.chain(rest)),
        }
    };
    let raw = (!kept.bytes.is_empty() || kept.truncated).then_some(kept);
    (Request::from_parts(parts, body), raw)
}

/// Records the request with its answer's status (none when the connection is dropped).
fn log(
    shared: &Shared,
    mut record: RequestRecord,
    body: Option<RawBody>,
    response: Response,
) -> Response {
    if response.extensions().get::<DropConnection>().is_none() {
        record.status = Some(response.status().as_u16());
    }
    tracing::debug!(
        method = %record.method,
        path = %record.path,
        status = ?record.status,
        fault = ?record.fault,
        "request"
    );
    shared.log.push(record, body);
    response
}

/// Auth, rate limit, version check, handler.
async fn serve(shared: &Shared, record: &RequestRecord, request: Request, next: Next) -> Response {
    let id = &record.request_id;
    if !record.authorized {
        let mut response = finish(ApiError::unauthorized().into_response(), id);
        shared.limiter.peek().apply(response.headers_mut());
        return response;
    }
    let (status, answer) = match shared.limiter.acquire() {
        Err(status) => {
            let mut response = finish(ApiError::rate_limited(status.limit).into_response(), id);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(status.retry_after));
            (status, response)
        }
        Ok(status) => match record.intercom_version.as_deref() {
            Some(v) if !is_version(v) => {
                (status, finish(ApiError::bad_version(v).into_response(), id))
            }
            _ => (status, finish(next.run(request).await, id)),
        },
    };
    let mut response = answer;
    status.apply(response.headers_mut());
    response
}

/// `2.14`, `1.0`, `Preview`, `Unstable`: any `N.N` is accepted, so newer versions work too.
fn is_version(v: &str) -> bool {
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    v == "Preview"
        || v == "Unstable"
        || v.split_once('.')
            .is_some_and(|(a, b)| numeric(a) && numeric(b))
}

/// Renders a parked [`ApiError`] with the request id, and adds the `X-Request-Id` header.
fn finish(mut response: Response, request_id: &str) -> Response {
    if let Some(error) = response.extensions_mut().remove::<ApiError>() {
        response = error.render(request_id);
    }
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// The answer of an injected fault (never `Slow`, which answers normally).
fn injected(shared: &Shared, kind: FaultKind, request_id: &str) -> Response {
    match kind {
        FaultKind::ServerError | FaultKind::ServiceUnavailable | FaultKind::Slow(_) => {
            let error = if kind == FaultKind::ServiceUnavailable {
                ApiError::unavailable()
            } else {
                ApiError::server_error()
            };
            let mut response = finish(error.into_response(), request_id);
            shared.limiter.peek().apply(response.headers_mut());
            response
        }
        FaultKind::BadGateway => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            BAD_GATEWAY_HTML,
        )
            .into_response(),
        FaultKind::TooManyRequests(throttle) => {
            let limit = shared.limiter.peek().limit;
            let mut response = finish(ApiError::rate_limited(limit).into_response(), request_id);
            let headers = response.headers_mut();
            let in_secs = |s: u64| {
                HeaderValue::from(unix_ceil(
                    std::time::SystemTime::now() + std::time::Duration::from_secs(s),
                ))
            };
            match throttle {
                Throttle::RetryAfter(secs) => {
                    headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
                    headers.insert("x-ratelimit-limit", HeaderValue::from(limit));
                    headers.insert("x-ratelimit-remaining", HeaderValue::from(0u32));
                    headers.insert("x-ratelimit-reset", in_secs(secs));
                }
                Throttle::ResetOnly(secs) => {
                    headers.insert("x-ratelimit-reset", in_secs(secs));
                }
                Throttle::Bare => {}
            }
            response
        }
        FaultKind::Drop => {
            let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
            response.extensions_mut().insert(DropConnection);
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_version;

    #[test]
    fn versions() {
        for ok in ["2.14", "1.0", "2.15", "Preview", "Unstable"] {
            assert!(is_version(ok), "{ok}");
        }
        for bad in ["", "v2.14", "2", "2.x", "latest", "preview"] {
            assert!(!is_version(bad), "{bad}");
        }
    }
}
