//! Entry points for the cargo-fuzz targets in `fuzz/` (see FUZZING.md). Not part of the
//! API: hidden from the docs, no stability promise.
//!
//! Each runs the same code a real response goes through: the success decoders of every
//! model and list envelope with the pagination decision, or the error classification, and
//! the retry decision over the response's headers. None of it may panic.

use std::time::Duration;

use chrono::Utc;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::error::Error;
use crate::pagination::{ListBody, next_page};
use crate::rate_limit::RateLimit;
use crate::retry::{self, Attempt, Outcome, RetryPolicy};
use crate::token::Token;
use intercom_openapi::types::{ContentImportSource, ExternalPage, Note};

/// Decodes a response of `status` with `headers` and `body` the way the client does.
pub fn decode_response(status: u16, headers: &[(String, Vec<u8>)], body: &[u8]) {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_bytes(value),
        ) {
            map.append(name, value);
        }
    }
    let token = Token::from("fuzz-token");
    let _ = RateLimit::from_headers(&map);

    if status.is_success() {
        let _ = serde_json::from_slice::<ExternalPage>(body);
        let _ = serde_json::from_slice::<ContentImportSource>(body);
        let _ = serde_json::from_slice::<Note>(body);
        decode_list::<ExternalPage>(body);
        decode_list::<ContentImportSource>(body);
        decode_list::<Note>(body);
        let error = Error::decode(status, &map, body, &"fuzz", &token);
        let _ = (error.to_string(), error.request_id(), error.is_retryable());
        return;
    }

    let error = Error::from_response(status, &map, body, &token);
    let _ = (
        error.to_string(),
        error.status(),
        error.request_id(),
        error.is_retryable(),
    );
    for idempotent in [true, false] {
        let _ = retry::decide(
            &RetryPolicy::default(),
            &Attempt {
                outcome: Outcome::Response {
                    status,
                    headers: &map,
                },
                number: 1,
                idempotent,
                elapsed: Duration::ZERO,
                now: Utc::now(),
                jitter: 0.5,
            },
        );
    }
}

/// A list envelope of `T` and the next-page decision, as `List` makes it.
fn decode_list<T: serde::de::DeserializeOwned>(body: &[u8]) {
    if let Ok(mut list) = serde_json::from_slice::<ListBody<T>>(body) {
        let pages = list.pages.take();
        let _ = list.into_items();
        let _ = next_page(pages.as_ref());
    }
}
