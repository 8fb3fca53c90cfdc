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

use std::time::Duration;

use bytes::Bytes;
use chrono::Utc;
use intercom_openapi::operation::Operation;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT as UA,
};
use reqwest::{Method, StatusCode};
use tokio::time::Instant;
use tracing::{Instrument, field};
use url::Url;

use crate::body::{BodyError, read_body};
use crate::error::{Error, Result, header_request_id};
use crate::pacer::Pacer;
use crate::rate_limit::RateLimit;
use crate::reachability::{Reachability, no_answer};
use crate::region::BaseUrl;
use crate::retry::{self, Attempt, Outcome, RetryDecision, RetryPolicy};
use crate::token::Token;
use crate::validate;
use crate::version::{self, ApiVersion};

/// The `User-Agent` every request carries: `intercom-client/<crate version>`, followed by
/// [`ClientBuilder::app_name`](crate::ClientBuilder::app_name) when one is given.
pub const USER_AGENT: &str = concat!("intercom-client/", env!("CARGO_PKG_VERSION"));

/// The header that pins the API version.
const INTERCOM_VERSION: HeaderName = HeaderName::from_static("intercom-version");

/// How much of a body `log_bodies` writes.
const LOGGED_BODY_CHARS: usize = 2_000;

/// What a client's clones share: where requests go, with what, and how they are paced,
/// retried and bounded.
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) base: BaseUrl,
    pub(crate) token: Token,
    pub(crate) authorization: HeaderValue,
    /// [`USER_AGENT`] and the caller's app name.
    pub(crate) user_agent: HeaderValue,
    pub(crate) version: ApiVersion,
    pub(crate) request_timeout: Option<Duration>,
    pub(crate) retry: RetryPolicy,
    pub(crate) pacer: Pacer,
    pub(crate) reachability: Reachability,
    pub(crate) max_response_bytes: u64,
    pub(crate) log_bodies: bool,
}

/// One HTTP request and all its attempts (the request values of `request/` are what goes in
/// its body).
#[derive(Debug)]
pub(crate) struct Outgoing {
    pub(crate) method: Method,
    pub(crate) url: Url,
    /// Serialized once, sent again as is on a retry.
    pub(crate) body: Option<Bytes>,
    /// Whether sending it twice is harmless (see `retry`).
    pub(crate) idempotent: bool,
    /// The `Intercom-Version` to send, if not the client's.
    pub(crate) version: Option<ApiVersion>,
    /// Bulk work: each attempt waits for its place under the rate limit.
    pub(crate) paced: bool,
}

impl Outgoing {
    /// A `GET` (lists follow their pages with these).
    pub(crate) fn get(url: Url, version: Option<ApiVersion>, paced: bool) -> Outgoing {
        Outgoing {
            method: Method::GET,
            url,
            body: None,
            idempotent: true,
            version,
            paced,
        }
    }
}

/// A response, its body read whole.
pub(crate) struct RawResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    /// The `X-RateLimit-*` headers, as the pacer read them.
    pub(crate) rate_limit: Option<RateLimit>,
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

impl Transport {
    /// `version` (or the client's), or the first version that has the operation if that is
    /// later.
    pub(crate) fn version_for(&self, version: Option<ApiVersion>, min: Option<&str>) -> ApiVersion {
        version::at_least(version.unwrap_or_else(|| self.version.clone()), min)
    }

    /// The URL of `operation` without its query: where a list stream starts.
    pub(crate) fn url_of<O: Operation>(&self, operation: &O) -> Result<Url> {
        let values = operation.path_params();
        for (name, value) in O::INFO.path_params.iter().zip(&values) {
            validate::id(name, value)?;
        }
        Ok(self.base.endpoint(O::INFO.segments(&values)))
    }

    /// The request for `operation`: its path filled in (each value percent-encoded, none
    /// empty), its query, its body, and whether the spec lets it be retried.
    pub(crate) fn request_for<O: Operation>(
        &self,
        operation: &O,
        version: Option<ApiVersion>,
    ) -> Result<Outgoing> {
        let mut url = self.url_of(operation)?;
        let query = operation.query();
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        let body = match operation.body() {
            Some(body) => Some(Bytes::from(serde_json::to_vec(body).map_err(|e| {
                Error::invalid("body", format!("could not be serialized: {e}"))
            })?)),
            None => None,
        };
        Ok(Outgoing {
            method: O::INFO.method.clone(),
            url,
            body,
            idempotent: O::INFO.idempotent,
            version: Some(self.version_for(version, O::INFO.min_version)),
            paced: false,
        })
    }

    /// Decodes a success body with `decode`, or says why not with status, request id and
    /// body start.
    pub(crate) fn decode<T>(
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
                &self.token,
            )
        })
    }

    /// Sends `request`, retrying as the policy allows, within the total deadline. The
    /// deadline is kept with one timer per attempt (its timeout, cut to what is left of the
    /// deadline) and by bounding every wait between attempts.
    pub(crate) async fn send(&self, request: Outgoing) -> Result<RawResponse> {
        // The token goes to the base URL's origin and nowhere else: every URL passes here.
        if !self.base.same_origin(&request.url) {
            return Err(Error::foreign_origin(&request.url, &self.token));
        }
        let version = version_header(request.version.as_ref().unwrap_or(&self.version))?;
        let started = Instant::now();
        let deadline = self
            .retry
            .total_deadline()
            .map(|total| (started + total, total));
        let timed_out = |total| Error::Timeout { after: total };
        let mut number = 1;
        loop {
            // A host that answers nothing is not sent to, but for a probe now and then.
            self.reachability.admit(Instant::now())?;
            // Counted in flight by the pacer until this attempt is answered.
            let mut permit = None;
            if request.paced {
                match self.pacer.permit(deadline.map(|(at, _)| at)).await {
                    Some(granted) => permit = Some(granted),
                    None => return Err(timed_out(deadline.map_or(Duration::ZERO, |d| d.1))),
                }
            }
            let timeout = match deadline {
                None => self.request_timeout,
                Some((at, total)) => {
                    let left = at.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(timed_out(total));
                    }
                    Some(self.request_timeout.map_or(left, |t| t.min(left)))
                }
            };
            let span = tracing::info_span!(
                "intercom.request",
                method = %request.method,
                path = request.url.path(),
                attempt = number,
                status = field::Empty,
                request_id = field::Empty,
            );
            let result = self
                .attempt(&request, &version, timeout)
                .instrument(span.clone())
                .await;
            match &result {
                Err(e) if no_answer(e) => self.reachability.failed(Instant::now(), e),
                _ => self.reachability.answered(),
            }
            // Without `X-RateLimit-*` the attempt did not count against the limit.
            if let (Some(permit), Ok(response)) = (permit.as_mut(), &result)
                && response.rate_limit.is_some()
            {
                permit.counted();
            }
            drop(permit);
            let (response, error) = match result {
                Ok(response) if response.status.is_success() => return Ok(response),
                Ok(response) => {
                    let error = Error::from_response(
                        response.status,
                        &response.headers,
                        &response.body,
                        &self.token,
                    );
                    (Some(response), error)
                }
                // The same request would get the same answer.
                Err(error @ Error::ResponseTooLarge { .. }) => return Err(error),
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
                &self.retry,
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
                        return Err(timed_out(total));
                    }
                    tokio::time::sleep(delay).await;
                    number += 1;
                }
                RetryDecision::Stop => {
                    span.in_scope(|| tracing::debug!(error = %error, "giving up"));
                    return Err(error);
                }
            }
        }
    }

    /// One attempt: the request with this crate's headers, the whole body read, within
    /// `timeout`.
    async fn attempt(
        &self,
        request: &Outgoing,
        version: &HeaderValue,
        timeout: Option<Duration>,
    ) -> Result<RawResponse> {
        let started = Instant::now();
        let mut builder = self
            .http
            .request(request.method.clone(), request.url.clone())
            .header(AUTHORIZATION, self.authorization.clone())
            .header(INTERCOM_VERSION, version.clone())
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(UA, self.user_agent.clone());
        if let Some(timeout) = timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(body) = &request.body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body.clone());
        }
        let failed = |e| Error::from_reqwest(e, started.elapsed());
        let mut response = builder.send().await.map_err(failed)?;
        let status = response.status();
        let rate_limit = self.pacer.record_since(response.headers(), started);
        let request_id = header_request_id(response.headers(), &self.token);
        let span = tracing::Span::current();
        span.record("status", status.as_u16());
        if let Some(id) = &request_id {
            span.record("request_id", id.as_str());
        }
        let body = match read_body(&mut response, self.max_response_bytes).await {
            Ok(body) => body,
            Err(BodyError::Reqwest(e)) => return Err(failed(e)),
            Err(BodyError::TooLarge { content_length }) => {
                return Err(Error::ResponseTooLarge {
                    status,
                    request_id,
                    limit: self.max_response_bytes,
                    content_length,
                });
            }
        };
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            bytes = body.len(),
            "response"
        );
        if self.log_bodies {
            let text = self.token.redact(&String::from_utf8_lossy(&body));
            let start: String = text.chars().take(LOGGED_BODY_CHARS).collect();
            tracing::trace!(body = %start, "response body");
        }
        Ok(RawResponse {
            status,
            headers: std::mem::take(response.headers_mut()),
            rate_limit,
            body,
        })
    }
}
