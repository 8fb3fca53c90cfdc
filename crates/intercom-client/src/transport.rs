//! The one place a request is sent: headers, origin check, pacing, attempts, logging, and
//! turning every response into a value or one typed [`Error`].
//!
//! What goes out is an operation of the spec as `cargo xtask regen` describes it
//! (`intercom_openapi::operations`: method, path template, query, body, whether it may be
//! retried, how its answer decodes), so an operation added to the spec is sent the same way
//! as the rest. Why reqwest here rather than progenitor's generated builders: this layer
//! needs (1) the headers of every response, errors included (`X-RateLimit-*`,
//! `x-request-id`), (2) the raw bytes of a body that does not parse, to report its status,
//! request id and start (progenitor's `InvalidResponsePayload` keeps neither status nor
//! headers), (3) to send the same request again on retry, (4) to follow `pages.next` links,
//! and (5) to set `Intercom-Version` on every request without progenitor's extra
//! `api-version` header.

use std::future::Future;
use std::time::Duration;

use bytes::Bytes;
use chrono::Utc;
use intercom_openapi::operation::Operation;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT,
};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::{Instrument, field};
use url::Url;

use crate::body::{BodyError, read_body};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::rate_limit::RawRateLimit;
use crate::reachability::no_answer;
use crate::response::Call;
use crate::retry::{self, Attempt, Outcome, RetryDecision};
use crate::validate;
use crate::version::ApiVersion;

/// The header that pins the API version.
const INTERCOM_VERSION: HeaderName = HeaderName::from_static("intercom-version");

/// How much of a body `log_bodies` writes.
const LOGGED_BODY_CHARS: usize = 2_000;

/// One logical request (all its attempts).
#[derive(Debug)]
pub(crate) struct Request {
    pub(crate) method: Method,
    pub(crate) url: Url,
    /// Serialized once, sent again as is on a retry.
    pub(crate) body: Option<Bytes>,
    /// Whether sending it twice is harmless (see `retry`).
    pub(crate) idempotent: bool,
    /// A per-call `Intercom-Version`.
    pub(crate) version: Option<ApiVersion>,
    /// `Some(in_flight)` for bulk work, paced from `X-RateLimit-*`.
    pub(crate) paced: Option<u64>,
}

impl Request {
    pub(crate) fn new(method: Method, url: Url, version: Option<ApiVersion>) -> Request {
        let idempotent = method != Method::POST;
        Request {
            method,
            url,
            body: None,
            idempotent,
            version,
            paced: None,
        }
    }

    /// A JSON body.
    pub(crate) fn json<T: serde::Serialize>(mut self, body: &T) -> Result<Request> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::invalid("body", format!("could not be serialized: {e}")))?;
        self.body = Some(Bytes::from(bytes));
        Ok(self)
    }

    /// Paces this request as bulk work with `in_flight` requests possibly ahead of it.
    pub(crate) fn paced(mut self, in_flight: u64) -> Request {
        self.paced = Some(in_flight.max(1));
        self
    }
}

/// A failed attempt, and what deciding on the next one needs.
struct Failure {
    /// A response with a failure status, or why there was none.
    result: Result<RawResponse>,
    number: u32,
    started: Instant,
    /// When the total deadline passes, and the total.
    deadline: Option<(Instant, Duration)>,
    span: tracing::Span,
}

/// Why an attempt got no response.
enum AttemptError {
    /// Its timer ran out.
    TimedOut,
    Reqwest(reqwest::Error),
    /// An answer, refused: its body is over the size limit.
    TooLarge(Error),
}

impl From<reqwest::Error> for AttemptError {
    fn from(error: reqwest::Error) -> Self {
        AttemptError::Reqwest(error)
    }
}

/// A response, its body read whole.
pub(crate) struct RawResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    /// The `X-RateLimit-*` headers, as the pacer read them.
    pub(crate) rate_limit: Option<RawRateLimit>,
    pub(crate) body: Bytes,
}

/// A version as a header value; an error naming `api_version` if it cannot be one.
pub(crate) fn version_header(version: &ApiVersion) -> Result<HeaderValue> {
    HeaderValue::from_str(version.as_str()).map_err(|_| {
        Error::invalid(
            "api_version",
            "contains characters that cannot be sent in an HTTP header",
        )
    })
}

impl Client {
    /// Sends any operation of the spec, with everything this client adds: the pinned
    /// `Intercom-Version`, the origin check, retries when the spec marks the operation
    /// idempotent, the deadline and typed errors.
    ///
    /// The resource handles ([`Client::external_pages`], …) call this too, and add what the
    /// spec cannot say (upserts, list streams, pacing). An operation the handles do not wrap
    /// is still one call away:
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// use intercom_client::ExternalPageId;
    /// use intercom_client::operations::GetExternalPage;
    ///
    /// let page = client
    ///     .execute(&GetExternalPage { id: ExternalPageId::new("23") })
    ///     .await?;
    /// println!("{}", page.title);
    /// # Ok(())
    /// # }
    /// ```
    pub fn execute<O: Operation>(&self, operation: &O) -> Call<'_, O::Output> {
        Call::new(self, self.request_for(operation, None), O::decode)
    }

    /// [`execute`](Self::execute) with this `Intercom-Version` instead of the client's.
    pub fn execute_with_version<O: Operation>(
        &self,
        operation: &O,
        version: ApiVersion,
    ) -> Call<'_, O::Output> {
        Call::new(self, self.request_for(operation, Some(version)), O::decode)
    }

    /// A call of a resource handle: `operation` (or why it could not be built), paced as bulk
    /// work with `paced` in flight if set.
    pub(crate) fn call<O: Operation>(
        &self,
        operation: Result<O>,
        version: Option<ApiVersion>,
        paced: Option<u64>,
    ) -> Call<'_, O::Output> {
        let request = operation
            .and_then(|operation| self.request_for(&operation, version))
            .map(|request| match paced {
                Some(in_flight) => request.paced(in_flight),
                None => request,
            });
        Call::new(self, request, O::decode)
    }

    /// The URL of `operation` without its query: where a list stream starts.
    pub(crate) fn url_of<O: Operation>(&self, operation: &O) -> Result<Url> {
        let values = operation.path_params();
        let values = values.as_ref();
        for (name, value) in O::INFO.path_params.iter().zip(values) {
            validate::id(name, value)?;
        }
        Ok(self.inner.base.endpoint(O::INFO.segments(values)))
    }

    /// The request for `operation`: its path filled in (each value percent-encoded, none
    /// empty), its query, its body, and whether the spec lets it be retried.
    fn request_for<O: Operation>(
        &self,
        operation: &O,
        version: Option<ApiVersion>,
    ) -> Result<Request> {
        let mut url = self.url_of(operation)?;
        let query = operation.query();
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        let version = crate::version::at_least(
            version.unwrap_or_else(|| self.inner.version.clone()),
            O::INFO.min_version,
        );
        let mut request = Request::new(O::INFO.method.clone(), url, Some(version));
        request.idempotent = O::INFO.idempotent;
        if let Some(body) = operation.body() {
            request = request.json(body)?;
        }
        Ok(request)
    }

    /// Decodes a success body as JSON, or says why not with status, request id and body start.
    pub(crate) fn decode<T: DeserializeOwned>(&self, response: &RawResponse) -> Result<T> {
        self.decode_with(response, |body| serde_json::from_slice(body))
    }

    /// Decodes a success body with `decode` (an operation's own), or says why not.
    pub(crate) fn decode_with<T>(
        &self,
        response: &RawResponse,
        decode: impl FnOnce(&[u8]) -> serde_json::Result<T>,
    ) -> Result<T> {
        decode(&response.body).map_err(|e| {
            Error::decode(
                response.status,
                &response.headers,
                &response.body,
                &e,
                &self.inner.token,
            )
        })
    }

    /// Sends `request`, retrying as the policy allows, within the total deadline.
    #[allow(
        clippy::manual_async_fn,
        reason = "an `async fn` would hold the request twice (as argument and as local)"
    )]
    pub(crate) fn send(
        &self,
        request: Request,
    ) -> impl Future<Output = Result<RawResponse>> + Send + '_ {
        // An `async` block rather than an `async fn`: the request is kept once in the future,
        // not as an argument and again as a local.
        async move {
            // The token goes to the base URL's origin and nowhere else: every URL passes here.
            if !self.inner.base.same_origin(&request.url) {
                return Err(Error::foreign_origin(&request.url, &self.inner.token));
            }
            // `None`: the client's own version, made into a header once at build.
            let version = match &request.version {
                Some(version) if *version != self.inner.version => Some(version_header(version)?),
                _ => None,
            };
            self.send_with_retries(&request, version.as_ref()).await
        }
    }

    /// The attempts. The total deadline is kept with one timer per attempt (its timeout, cut
    /// to what is left of the deadline) and by bounding every wait between attempts, rather
    /// than with a second timer around the whole call.
    async fn send_with_retries(
        &self,
        request: &Request,
        version: Option<&HeaderValue>,
    ) -> Result<RawResponse> {
        let policy = &self.inner.retry;
        let started = Instant::now();
        let deadline = policy
            .total_deadline()
            .map(|total| (started + total, total));
        let timed_out = |total| Error::Timeout { after: total };
        let mut number = 1;
        loop {
            // A host that answers nothing is not sent to, but for a probe now and then.
            self.inner.reachability.admit(Instant::now())?;
            // Counted in flight by the pacer until this attempt is answered.
            let mut permit = match request.paced {
                // Boxed: its state (~270 bytes, timers included) would otherwise sit in the
                // future of every call, paced or not.
                Some(_) => {
                    match Box::pin(self.inner.pacer.permit(deadline.map(|(at, _)| at))).await {
                        Some(permit) => Some(permit),
                        None => return Err(timed_out(deadline.map_or(Duration::ZERO, |d| d.1))),
                    }
                }
                None => None,
            };
            let attempt_started = Instant::now();
            let timeout = match deadline {
                None => self.inner.request_timeout,
                Some((at, total)) => {
                    let left = at.saturating_duration_since(attempt_started);
                    if left.is_zero() {
                        return Err(timed_out(total));
                    }
                    Some(self.inner.request_timeout.map_or(left, |t| t.min(left)))
                }
            };
            // A block, so that nothing of the attempt (its result, a moved-from local) keeps a
            // place in this future while a failure's wait runs: it is in every call's future.
            let wait = {
                let span = tracing::info_span!(
                    "intercom.request",
                    method = %request.method,
                    path = request.url.path(),
                    attempt = number,
                    status = field::Empty,
                    request_id = field::Empty,
                );
                let attempt = self
                    .send_once(request, version, attempt_started, !span.is_disabled())
                    .instrument(span.clone());
                // Our own timer rather than reqwest's per-request `timeout`, which stores it in
                // the request's extensions and boxes its timer: three allocations a call.
                let result = match timeout {
                    Some(limit) => tokio::time::timeout(limit, attempt)
                        .await
                        .unwrap_or_else(|_| Err(AttemptError::TimedOut)),
                    None => attempt.await,
                };
                let result = result.map_err(|e| match e {
                    AttemptError::TimedOut => Error::Timeout {
                        after: attempt_started.elapsed(),
                    },
                    AttemptError::Reqwest(e) => Error::from_reqwest(e, attempt_started.elapsed()),
                    AttemptError::TooLarge(e) => e,
                });
                match &result {
                    Err(e) if no_answer(e) => self.inner.reachability.failed(Instant::now(), e),
                    _ => self.inner.reachability.answered(),
                }
                // Without `X-RateLimit-*` the attempt did not count against the limit.
                if let (Some(permit), Ok(response)) = (permit.as_mut(), &result)
                    && response.rate_limit.is_some()
                {
                    permit.counted();
                }
                drop(permit);
                match result {
                    Ok(response) if response.status.is_success() => return Ok(response),
                    // The same request would get the same answer.
                    Err(e @ Error::ResponseTooLarge { .. }) => return Err(e),
                    // Boxed, and out of this loop's code, which every call runs: a failure is
                    // rare.
                    failed => Box::pin(self.after_failure(
                        request,
                        Failure {
                            result: failed,
                            number,
                            started,
                            deadline,
                            span,
                        },
                    )),
                }
            };
            wait.await?;
            number += 1;
        }
    }

    /// What follows a failed attempt: the error if the policy gives up (or the deadline
    /// comes first), or `Ok` once the wait before the next attempt is over.
    async fn after_failure(&self, request: &Request, failure: Failure) -> Result<()> {
        let Failure {
            result,
            number,
            started,
            deadline,
            span,
        } = failure;
        let (response, error) = match result {
            Ok(response) => {
                let error = Error::from_response(
                    response.status,
                    &response.headers,
                    &response.body,
                    &self.inner.token,
                );
                (Some(response), error)
            }
            Err(error) => (None, error),
        };
        let outcome = match (&response, &error) {
            (Some(response), _) => Outcome::Response {
                status: response.status,
                headers: &response.headers,
            },
            (None, Error::Timeout { .. }) => Outcome::Timeout,
            (None, _) => Outcome::ConnectionError,
        };
        let decision = retry::decide(
            &self.inner.retry,
            &Attempt {
                outcome,
                number,
                idempotent: request.idempotent,
                elapsed: started.elapsed(),
                now: Utc::now(),
                jitter: rand::random::<f64>(),
            },
        );
        match decision {
            RetryDecision::RetryAfter(delay) => {
                span.in_scope(|| {
                    tracing::warn!(
                        delay_ms = delay.as_millis() as u64,
                        error = %error,
                        "retrying"
                    )
                });
                if let Some((at, total)) = deadline
                    && Instant::now() + delay >= at
                {
                    tokio::time::sleep_until(at).await;
                    return Err(Error::Timeout { after: total });
                }
                tokio::time::sleep(delay).await;
                Ok(())
            }
            RetryDecision::Stop => {
                span.in_scope(|| tracing::debug!(error = %error, "giving up"));
                Err(error)
            }
        }
    }

    /// The status and request id, on the attempt's span. Out of line: off the path of a
    /// call that nobody traces.
    #[cold]
    fn record_response(&self, span: &tracing::Span, status: StatusCode, headers: &HeaderMap) {
        span.record("status", status.as_u16());
        if let Some(id) = crate::error::header_request_id(headers, &self.inner.token) {
            span.record("request_id", id.as_str());
        }
    }

    /// The start of a body, redacted, at trace level (`log_bodies`).
    #[cold]
    fn log_body(&self, body: &[u8]) {
        let text = self.inner.token.redact(&String::from_utf8_lossy(body));
        let start: String = text.chars().take(LOGGED_BODY_CHARS).collect();
        tracing::trace!(body = %start, "response body");
    }

    /// The headers (and body) of a request that the client's defaults do not cover: all four
    /// for a caller's `reqwest::Client`, a per-call version, a JSON body. Out of line: a GET
    /// through the client's own `reqwest::Client` needs none of it.
    #[inline(never)]
    fn add_headers(
        &self,
        mut builder: reqwest::RequestBuilder,
        request: &Request,
        version: Option<&HeaderValue>,
    ) -> reqwest::RequestBuilder {
        let inner = &self.inner;
        if !inner.default_headers {
            builder = builder
                .header(AUTHORIZATION, inner.authorization.clone())
                .header(ACCEPT, HeaderValue::from_static("application/json"))
                .header(USER_AGENT, inner.user_agent.clone());
        }
        match version {
            Some(version) => builder = builder.header(INTERCOM_VERSION, version.clone()),
            None if !inner.default_headers => {
                builder = builder.header(INTERCOM_VERSION, inner.version_header.clone());
            }
            None => {}
        }
        if let Some(body) = &request.body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body.clone());
        }
        builder
    }

    /// One attempt: the request with this crate's headers, the whole body read; `traced` if
    /// its span is listened to.
    async fn send_once(
        &self,
        request: &Request,
        version: Option<&HeaderValue>,
        started: Instant,
        traced: bool,
    ) -> std::result::Result<RawResponse, AttemptError> {
        let inner = &self.inner;
        // Each step in its own block: a local still in scope at an `await` keeps its place in
        // the future even once moved from (the builder, the response), which made the attempt
        // ~300 bytes larger than what it holds.
        let pending = {
            let builder = inner
                .http
                .request(request.method.clone(), request.url.clone());
            self.add_headers(builder, request, version).send()
        };
        let mut response = pending.await?;
        let status = response.status();
        let rate_limit = inner.pacer.record_since(response.headers(), started);
        // Only for a span someone listens to: the id is redacted, which costs every call.
        if traced {
            self.record_response(&tracing::Span::current(), status, response.headers());
        }
        // Read in place: the response is not moved into another future.
        let body = match read_body(&mut response, inner.max_response_bytes).await {
            Ok(body) => body,
            Err(BodyError::Reqwest(e)) => return Err(AttemptError::Reqwest(e)),
            Err(BodyError::TooLarge { content_length }) => {
                return Err(AttemptError::TooLarge(Error::ResponseTooLarge {
                    status,
                    request_id: crate::error::header_request_id(response.headers(), &inner.token),
                    limit: inner.max_response_bytes,
                    content_length,
                }));
            }
        };
        // Taken, not cloned: the body is read.
        let headers = std::mem::take(response.headers_mut());
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            bytes = body.len(),
            "response"
        );
        if inner.log_bodies {
            self.log_body(&body);
        }
        Ok(RawResponse {
            status,
            headers,
            rate_limit,
            body,
        })
    }
}
