//! What a successful call returns besides its value: [`ResponseMeta`] (status, Intercom's
//! request id, the rate limit), reached through [`Call::with_meta`](crate::Call::with_meta).

use std::ops::Deref;

use crate::error::header_request_id;
use crate::rate_limit::RateLimit;
use crate::token::Token;
use crate::transport::RawResponse;

/// What a successful response said besides its body: for support tickets (the request id
/// Intercom asks for), and for pacing your own work (the rate limit).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseMeta {
    status: u16,
    request_id: Option<String>,
    rate_limit: Option<RateLimit>,
}

impl ResponseMeta {
    /// What `response` said besides its body (the request id redacted, as every text the
    /// server sends).
    pub(crate) fn of(response: &RawResponse, token: &Token) -> ResponseMeta {
        ResponseMeta {
            status: response.status.as_u16(),
            request_id: header_request_id(&response.headers, token),
            rate_limit: response.rate_limit,
        }
    }

    /// The HTTP status (a success: 200, 204, …).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Intercom's `x-request-id`, if the response had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The response's `X-RateLimit-*` headers, if it had any.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit
    }
}

/// A call's value with its [`ResponseMeta`]; derefs to the value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Response<T> {
    value: T,
    meta: ResponseMeta,
}

impl<T> Response<T> {
    pub(crate) fn new(value: T, meta: ResponseMeta) -> Self {
        Response { value, meta }
    }

    /// The value.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The value and the metadata.
    pub fn into_parts(self) -> (T, ResponseMeta) {
        (self.value, self.meta)
    }

    /// The metadata.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// Intercom's request id, if the response had one.
    pub fn request_id(&self) -> Option<&str> {
        self.meta.request_id()
    }
}

impl<T> Deref for Response<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
