//! One error type for everything the client can fail with, built from what actually came back.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::Deserialize;

use crate::rate_limit::RateLimit;
use crate::retry::{self, is_retryable_status};
use crate::token::Token;

/// How much of an undecodable body an error keeps.
const BODY_START_CHARS: usize = 200;

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything a call can fail with.
///
/// `Display` is one line naming the status, each error's code and message, and the request id
/// to quote to Intercom's support. The token never appears in it: messages and bodies that
/// echo it are redacted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Intercom answered with an error status and an `error.list` body (or no body).
    #[error("Intercom API error: HTTP {}: {} ({})", .status.as_u16(), details(.errors), request_id_text(.request_id.as_deref()))]
    Api {
        /// The HTTP status.
        status: StatusCode,
        /// Intercom's request id, from the body or the `x-request-id` header.
        request_id: Option<String>,
        /// The errors the body lists.
        errors: Vec<ApiErrorDetail>,
        /// How long the server asked to wait (`Retry-After`, as a 503 may send).
        retry_after: Option<Duration>,
    },

    /// Intercom answered 429: over the rate limit.
    #[error("rate limited: HTTP 429: {}{} ({})", details(.errors), rate_limit_text(.retry_after.as_ref(), .rate_limit), request_id_text(.request_id.as_deref()))]
    RateLimited {
        /// Intercom's request id.
        request_id: Option<String>,
        /// How long the server asked to wait (`Retry-After`).
        retry_after: Option<Duration>,
        /// The `X-RateLimit-*` values of the response.
        rate_limit: RateLimit,
        /// The errors the body lists (usually `rate_limit_exceeded`).
        errors: Vec<ApiErrorDetail>,
    },

    /// No answer in time: one attempt exceeded the request timeout, or the whole call its
    /// total deadline.
    #[error("request timed out after {:.1}s", .after.as_secs_f64())]
    Timeout {
        /// How long was waited.
        after: Duration,
    },

    /// The request did not get an answer: connection refused or reset, TLS or DNS failure.
    #[error("transport error: {message}")]
    Transport {
        /// The innermost cause, in one line.
        message: String,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// The host has answered no attempt for longer than
    /// [`ClientBuilder::unreachable_after`](crate::ClientBuilder::unreachable_after): the
    /// call was failed at once, without sending. One attempt goes through every
    /// [`UNREACHABLE_PROBE_INTERVAL`](crate::UNREACHABLE_PROBE_INTERVAL); once one is
    /// answered, calls go through again.
    #[error("{host} unreachable since {}: no answer to any request since then (last: {}); calls fail at once until it answers again", reset_text(*.since), one_line(.last_error))]
    Unreachable {
        /// The host (and port, if not the scheme's) of the base URL.
        host: String,
        /// When the streak of attempts without an answer began (wall clock).
        since: DateTime<Utc>,
        /// Why the last attempt got no answer.
        last_error: String,
    },

    /// A response body was longer than
    /// [`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes): it was
    /// refused (when `Content-Length` said so) or no longer read past the limit.
    #[error("response too large: HTTP {}: the body is over the limit of {limit} bytes (ClientBuilder::max_response_bytes) ({})", .status.as_u16(), request_id_text(.request_id.as_deref()))]
    ResponseTooLarge {
        /// The HTTP status.
        status: StatusCode,
        /// The `x-request-id` header, if any.
        request_id: Option<String>,
        /// The limit, in bytes.
        limit: u64,
        /// The `Content-Length` the server announced, if it did.
        content_length: Option<u64>,
    },

    /// A value failed validation before anything was sent.
    #[error("invalid input: `{field}` {reason}")]
    InvalidInput {
        /// The field (or setting) at fault.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },

    /// A response body did not parse: an HTML page from a proxy, truncated JSON, a shape the
    /// spec does not describe.
    #[error("could not decode the response: HTTP {}: {}; body starts with {:?} ({})", .status.as_u16(), one_line(.reason), .body_start, request_id_text(.request_id.as_deref()))]
    Decode {
        /// The HTTP status.
        status: StatusCode,
        /// The `x-request-id` header, if any.
        request_id: Option<String>,
        /// Why it did not parse.
        reason: String,
        /// The first 200 characters of the body (with the token redacted).
        body_start: String,
        /// How long the server asked to wait (`Retry-After`), for an error status: a proxy's
        /// 503 page may say it.
        retry_after: Option<Duration>,
    },

    /// A list's `pages.next` pointed at another scheme, host or port than the base URL; it was
    /// not followed, so the token went nowhere else.
    #[error(
        "refused to follow `pages.next` to {origin}: not the client's base URL, and the token is sent nowhere else"
    )]
    ForeignNextPage {
        /// The scheme, host and port the link pointed at.
        origin: String,
    },

    /// A list could not be read to its end: its pages loop, go on past what the server said
    /// (`total_pages`) or past the stream's page limit. Never taken for the end of the list,
    /// since what is not in a list may be deleted.
    #[error("the list is incomplete: {reason}; read {pages} pages and {items} items{}", last_response_text(*.status, .request_id.as_deref()))]
    IncompleteList {
        /// What was wrong.
        reason: String,
        /// Pages fetched before it stopped.
        pages: u64,
        /// Items read before it stopped (each id once).
        items: u64,
        /// The status of the last page fetched, if any was.
        status: Option<StatusCode>,
        /// The request id of the last page fetched, if it had one.
        request_id: Option<String>,
    },

    /// A content import source at the URL is not synced through the API (it is crawled, or
    /// managed by hand): `ensure` does not write into it, and does not create a second
    /// source beside it.
    #[error("content import source {id} at {url} has sync_behavior `{sync_behavior}`, not `api`: its pages are not ours to write or delete; use another source URL", url = one_line(.url))]
    NotAnApiSource {
        /// The source's id.
        id: intercom_openapi::ids::ContentImportSourceId,
        /// Its URL.
        url: String,
        /// How it is synced.
        sync_behavior: intercom_openapi::open_enums::SyncBehavior,
    },
}

impl Error {
    /// The HTTP status, for errors that come from a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api { status, .. }
            | Error::Decode { status, .. }
            | Error::ResponseTooLarge { status, .. } => Some(*status),
            Error::RateLimited { .. } => Some(StatusCode::TOO_MANY_REQUESTS),
            _ => None,
        }
    }

    /// Intercom's request id, for errors that come from a response that had one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api { request_id, .. }
            | Error::RateLimited { request_id, .. }
            | Error::Decode { request_id, .. }
            | Error::ResponseTooLarge { request_id, .. }
            | Error::IncompleteList { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// How long the server asked to wait before trying again: its `Retry-After`, on a 429
    /// ([`Error::RateLimited`]) or an error status such as 503 that sent one. `None` when it
    /// did not say (a 429 may give only the window's reset: see `RateLimited::rate_limit`)
    /// and for errors without a response.
    ///
    /// The client has already waited this long between its own retries of idempotent calls;
    /// this is for the caller that tries again later, or paces other work:
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// use std::time::Duration;
    /// use intercom_client::ExternalPageId;
    ///
    /// let id = ExternalPageId::new("23");
    /// let page = match client.external_pages().get(&id).await {
    ///     Ok(page) => page,
    ///     Err(error) if error.is_retryable() => {
    ///         let wait = error.retry_after().unwrap_or(Duration::from_secs(30));
    ///         tokio::time::sleep(wait).await;
    ///         client.external_pages().get(&id).await?
    ///     }
    ///     Err(error) => return Err(error),
    /// };
    /// # let _ = page;
    /// # Ok(())
    /// # }
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api { retry_after, .. }
            | Error::RateLimited { retry_after, .. }
            | Error::Decode { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The HTTP status as a number, for errors that come from a response.
    pub fn status_code(&self) -> Option<u16> {
        self.status().map(|status| status.as_u16())
    }

    /// The first error's code (`not_found`, `unauthorized`, `parameter_invalid`, …), when the
    /// server sent an `error.list`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// use intercom_client::{Error, ExternalPageId};
    ///
    /// match client.external_pages().get(&ExternalPageId::new("23")).await {
    ///     Ok(page) => println!("{}", page.title),
    ///     Err(e) if e.status_code() == Some(404) => println!("no such page"),
    ///     Err(e) if e.code() == Some("unauthorized") => eprintln!("check the token"),
    ///     Err(e @ Error::InvalidInput { .. }) => eprintln!("nothing was sent: {e}"),
    ///     Err(e) if e.is_retryable() => eprintln!("try again later ({e})"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.errors().first().map(|e| e.code.as_str())
    }

    /// The first error's message, when the server sent one.
    pub fn message(&self) -> Option<&str> {
        self.errors().first().and_then(|e| e.message.as_deref())
    }

    /// The errors an `error.list` body listed (empty for other kinds).
    pub fn errors(&self) -> &[ApiErrorDetail] {
        match self {
            Error::Api { errors, .. } | Error::RateLimited { errors, .. } => errors,
            _ => &[],
        }
    }

    /// Whether the failure is transient: the same request may well succeed later (rate
    /// limited, timed out, connection trouble, or one of the statuses in
    /// [`RETRYABLE_STATUSES`](crate::retry::RETRYABLE_STATUSES)). The client has already
    /// retried idempotent calls as its policy allows; this says whether trying later makes
    /// sense.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api { status, .. } | Error::Decode { status, .. } => {
                is_retryable_status(*status)
            }
            // A host that was down may be back on a later run.
            Error::RateLimited { .. } | Error::Timeout { .. } | Error::Unreachable { .. } => true,
            Error::Transport { source, .. } => !source.is_builder(),
            // A list that loops or never ends does so again.
            Error::InvalidInput { .. }
            | Error::ForeignNextPage { .. }
            | Error::IncompleteList { .. }
            | Error::NotAnApiSource { .. } => false,
            // The same request gets the same answer.
            Error::ResponseTooLarge { .. } => false,
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Error {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }

    /// The typed error for a response whose status is not a success.
    pub(crate) fn from_response(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
        token: &Token,
    ) -> Error {
        let header_id = header_request_id(headers, token);
        let parsed = serde_json::from_slice::<ErrorBody>(body);
        if status == StatusCode::TOO_MANY_REQUESTS {
            // The headers carry what matters here; a body that does not parse loses nothing.
            let body = parsed.ok();
            let (request_id, errors) =
                body.map_or((None, Vec::new()), |b| (b.request_id, b.errors));
            return Error::RateLimited {
                request_id: redact_id(request_id, token).or(header_id),
                retry_after: retry::retry_after(headers, Utc::now()),
                rate_limit: RateLimit::from_headers(headers).unwrap_or_default(),
                errors: redact_all(errors, token),
            };
        }
        match parsed {
            Ok(body) => Error::Api {
                status,
                request_id: redact_id(body.request_id, token).or(header_id),
                errors: redact_all(body.errors, token),
                retry_after: retry::retry_after(headers, Utc::now()),
            },
            // An empty error body still says what the status says.
            Err(_) if body.iter().all(u8::is_ascii_whitespace) => Error::Api {
                status,
                request_id: header_id,
                errors: Vec::new(),
                retry_after: retry::retry_after(headers, Utc::now()),
            },
            Err(e) => Error::decode(status, headers, body, &e, token),
        }
    }

    /// A body that did not parse; keeps its start for the message.
    pub(crate) fn decode(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
        reason: &dyn fmt::Display,
        token: &Token,
    ) -> Error {
        let text = token.redact(&String::from_utf8_lossy(body));
        // The header first (the body is not what was expected); a body that is JSON but not
        // the expected shape may still say its request id when the header does not.
        let body_id = || {
            serde_json::from_slice::<RequestIdOnly>(body)
                .ok()
                .and_then(|b| redact_id(b.request_id, token))
        };
        Error::Decode {
            status,
            request_id: header_request_id(headers, token).or_else(body_id),
            // serde quotes the value it could not read, which may be anything the server sent.
            reason: token.redact(&reason.to_string()),
            body_start: text.chars().take(BODY_START_CHARS).collect(),
            // A success's body that did not parse asks for no wait, whatever its headers say.
            retry_after: if status.is_success() {
                None
            } else {
                retry::retry_after(headers, Utc::now())
            },
        }
    }

    /// A URL outside the base URL's origin, refused. The origin is redacted: a `next` link
    /// could carry anything, the token included.
    pub(crate) fn foreign_origin(url: &url::Url, token: &Token) -> Error {
        Error::ForeignNextPage {
            origin: token.redact(&url.origin().ascii_serialization()),
        }
    }

    /// A request that got no answer.
    pub(crate) fn from_reqwest(source: reqwest::Error, elapsed: Duration) -> Error {
        if source.is_timeout() {
            return Error::Timeout { after: elapsed };
        }
        let mut root: &dyn std::error::Error = &source;
        while let Some(inner) = root.source() {
            root = inner;
        }
        Error::Transport {
            message: one_line(&root.to_string()),
            source,
        }
    }
}

/// One entry of an `error.list` body: the spec's `ErrorItem` (`code`, e.g. `unauthorized`,
/// `not_found`, `rate_limit_exceeded`; `message`; the `field` at fault, if the server named
/// one).
pub type ApiErrorDetail = intercom_openapi::types::ErrorItem;

/// One entry as one line: `code: message (field `name`)`.
fn detail_text(detail: &ApiErrorDetail) -> String {
    let mut text = one_line(&detail.code);
    if let Some(message) = &detail.message {
        text.push_str(": ");
        text.push_str(&one_line(message));
    }
    if let Some(field) = &detail.field {
        text.push_str(&format!(" (field `{}`)", one_line(field)));
    }
    text
}

/// The `error.list` body (`type` is not checked: the shape is what matters).
#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    request_id: Option<String>,
    errors: Vec<ApiErrorDetail>,
}

/// Only the `request_id` of a JSON object body, whatever else it holds.
#[derive(Deserialize)]
struct RequestIdOnly {
    #[serde(default)]
    request_id: Option<String>,
}

/// The `X-Request-Id` header. Like everything the server sends, it is redacted: an echoing
/// proxy could put the token there.
pub(crate) fn header_request_id(headers: &HeaderMap, token: &Token) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .map(|v| token.redact(&v))
}

fn redact_id(id: Option<String>, token: &Token) -> Option<String> {
    id.map(|id| token.redact(&id))
}

fn redact_all(errors: Vec<ApiErrorDetail>, token: &Token) -> Vec<ApiErrorDetail> {
    errors
        .into_iter()
        .map(|mut e| {
            e.code = token.redact(&e.code);
            e.message = e.message.map(|m| token.redact(&m));
            e.field = e.field.map(|f| token.redact(&f));
            e
        })
        .collect()
}

/// Control characters (newlines above all) become spaces: messages stay on one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn details(errors: &[ApiErrorDetail]) -> String {
    if errors.is_empty() {
        return "no error details".to_owned();
    }
    errors
        .iter()
        .map(detail_text)
        .collect::<Vec<_>>()
        .join("; ")
}

/// `; last page HTTP 200, request id …` for an incomplete list.
fn last_response_text(status: Option<StatusCode>, request_id: Option<&str>) -> String {
    match status {
        Some(status) => format!(
            "; last page HTTP {}, {}",
            status.as_u16(),
            request_id_text(request_id)
        ),
        None => String::new(),
    }
}

fn request_id_text(request_id: Option<&str>) -> String {
    match request_id {
        Some(id) => format!("request id {}", one_line(id)),
        None => "no request id".to_owned(),
    }
}

fn rate_limit_text(retry_after: Option<&Duration>, rate: &RateLimit) -> String {
    let mut text = String::new();
    if let Some(wait) = retry_after {
        text.push_str(&format!("; retry after {}s", wait.as_secs()));
    }
    if let Some(limit) = rate.limit {
        text.push_str(&format!("; limit {limit}"));
    }
    if let Some(remaining) = rate.remaining {
        text.push_str(&format!("; remaining {remaining}"));
    }
    if let Some(reset) = rate.reset {
        text.push_str(&format!("; resets at {}", reset_text(reset)));
    }
    text
}

fn reset_text(reset: DateTime<Utc>) -> String {
    reset.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn token() -> Token {
        Token::from("tok_secret_123")
    }

    #[test]
    fn api_error_display_is_one_line_with_code_message_and_request_id() {
        let body = br#"{"type":"error.list","request_id":"req-1","errors":[{"code":"not_found","message":"Resource\nNot Found","field":"id"}]}"#;
        let err = Error::from_response(StatusCode::NOT_FOUND, &HeaderMap::new(), body, &token());
        assert_eq!(
            err.to_string(),
            "Intercom API error: HTTP 404: not_found: Resource Not Found (field `id`) (request id req-1)"
        );
        assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(err.status_code(), Some(404));
        assert_eq!(err.code(), Some("not_found"));
        assert_eq!(err.message(), Some("Resource\nNot Found"));
        assert_eq!(err.request_id(), Some("req-1"));
        assert!(!err.is_retryable());
    }

    #[test]
    fn errors_without_a_body_have_no_code() {
        let err = Error::from_response(StatusCode::FORBIDDEN, &HeaderMap::new(), b"", &token());
        assert_eq!(
            (err.status_code(), err.code(), err.message()),
            (Some(403), None, None)
        );
        let err = Error::invalid("title", "must not be empty");
        assert_eq!((err.status_code(), err.code()), (None, None));
    }

    #[test]
    fn request_id_falls_back_to_the_header() {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", HeaderValue::from_static("hdr-9"));
        let err = Error::from_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &headers,
            br#"{"type":"error.list","errors":[]}"#,
            &token(),
        );
        assert_eq!(err.request_id(), Some("hdr-9"));
        assert!(err.is_retryable());
    }

    #[test]
    fn html_body_is_a_decode_error_with_its_start() {
        let body = format!("<html>{}</html>", "x".repeat(500));
        let err = Error::from_response(
            StatusCode::BAD_GATEWAY,
            &HeaderMap::new(),
            body.as_bytes(),
            &token(),
        );
        let Error::Decode { body_start, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(body_start.chars().count(), 200);
        assert!(err.is_retryable(), "a proxy's 502 page is transient");
        assert!(!err.to_string().contains('\n'));
    }

    #[test]
    fn echoed_tokens_are_redacted() {
        let body = br#"{"type":"error.list","errors":[{"code":"unauthorized","message":"bad token tok_secret_123"}]}"#;
        let err = Error::from_response(StatusCode::UNAUTHORIZED, &HeaderMap::new(), body, &token());
        assert!(!err.to_string().contains("tok_secret_123"));
        let err = Error::from_response(
            StatusCode::UNAUTHORIZED,
            &HeaderMap::new(),
            b"<p>Authorization: Bearer tok_secret_123</p>",
            &token(),
        );
        assert!(!format!("{err} {err:?}").contains("tok_secret_123"));
    }

    #[test]
    fn empty_error_body_is_an_api_error() {
        let err = Error::from_response(StatusCode::FORBIDDEN, &HeaderMap::new(), b" ", &token());
        assert_eq!(
            err.to_string(),
            "Intercom API error: HTTP 403: no error details (no request id)"
        );
    }
}
