//! Intercom's `error.list` bodies.
//!
//! Handlers return [`ApiError`]; its `IntoResponse` only parks it in the response's
//! extensions, and the pipeline renders it with the request's id (so no handler needs to know
//! the id).

use axum::http::{HeaderValue, StatusCode, header::CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::content_type::JSON;

/// One entry of an `error.list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ErrorItem {
    /// Machine-readable kind, e.g. `parameter_invalid`.
    pub(crate) code: &'static str,
    /// Human-readable, one line.
    pub(crate) message: String,
    /// The field or query parameter at fault, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) field: Option<String>,
}

impl ErrorItem {
    /// A required field is missing (or null).
    pub(crate) fn missing(field: &str) -> Self {
        Self {
            code: "parameter_not_found",
            message: format!("{field} is required"),
            field: Some(field.to_owned()),
        }
    }

    /// A field has the wrong type or value.
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self {
            code: "parameter_invalid",
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }
}

/// An error answer: a status and one or more error items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    /// The HTTP status.
    pub(crate) status: StatusCode,
    /// At least one item.
    pub(crate) errors: Vec<ErrorItem>,
}

#[derive(Serialize)]
struct ErrorList<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    request_id: &'a str,
    errors: &'a [ErrorItem],
}

impl ApiError {
    fn one(status: StatusCode, code: &'static str, message: String, field: Option<&str>) -> Self {
        Self {
            status,
            errors: vec![ErrorItem {
                code,
                message,
                field: field.map(str::to_owned),
            }],
        }
    }

    /// 401: missing or wrong bearer token.
    pub(crate) fn unauthorized() -> Self {
        Self::one(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Access Token Invalid".into(),
            None,
        )
    }

    /// 404: no such object.
    pub(crate) fn not_found() -> Self {
        Self::one(
            StatusCode::NOT_FOUND,
            "not_found",
            "Resource Not Found".into(),
            None,
        )
    }

    /// 404: no such route.
    pub(crate) fn no_route(method: &str, path: &str) -> Self {
        Self::one(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no route for {method} {path}"),
            None,
        )
    }

    /// 405: the route exists but not with this method.
    pub(crate) fn method_not_allowed() -> Self {
        Self::one(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "method not allowed on this route".into(),
            None,
        )
    }

    /// 413: the request body is over the fake's limit of `limit` bytes.
    pub(crate) fn too_large(limit: usize) -> Self {
        Self::one(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request_too_large",
            format!("the request body is larger than the fake's limit of {limit} bytes"),
            None,
        )
    }

    /// 400 with these items (at least one).
    pub(crate) fn bad_request(errors: Vec<ErrorItem>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            errors,
        }
    }

    /// 400: a field has the wrong type or value.
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::bad_request(vec![ErrorItem::invalid(field, message)])
    }

    /// 400: the `Intercom-Version` header names no version.
    pub(crate) fn bad_version(value: &str) -> Self {
        Self::one(
            StatusCode::BAD_REQUEST,
            "intercom_version_invalid",
            format!("Intercom-Version {value:?} is not a version"),
            Some("Intercom-Version"),
        )
    }

    /// 429: past the rate limit.
    pub(crate) fn rate_limited(limit: u32) -> Self {
        Self::one(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limit_exceeded",
            format!("Exceeded rate limit of {limit} requests per window"),
            None,
        )
    }

    /// 500: an injected (or real) server error.
    pub(crate) fn server_error() -> Self {
        Self::one(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "Server Error".into(),
            None,
        )
    }

    /// 503: an injected outage.
    pub(crate) fn unavailable() -> Self {
        Self::one(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "Service Unavailable".into(),
            None,
        )
    }

    /// The full response, with the `error.list` body naming `request_id`.
    pub(crate) fn render(&self, request_id: &str) -> Response {
        let body = ErrorList {
            kind: "error.list",
            request_id,
            errors: &self.errors,
        };
        let bytes = serde_json::to_vec(&body).unwrap_or_else(|_| {
            b"{\"type\":\"error.list\",\"errors\":[{\"code\":\"server_error\"}]}".to_vec()
        });
        let mut response = (self.status, bytes).into_response();
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}
