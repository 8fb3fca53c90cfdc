//! Reading a response body whole, within a size limit.

use bytes::{Bytes, BytesMut};

use crate::validate::MAX_PER_PAGE;

/// The longest response body read unless
/// [`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes) says
/// otherwise: 602 MiB, the largest answer a legitimate call gets. That is a list page of 150
/// external pages (the most `per_page` takes), each with 2 MiB of HTML (the largest page the
/// sync sends; Intercom documents no limit on `html`), which JSON escaping may double (a
/// quote, backslash or newline takes two bytes), and 16 KiB of other fields:
/// 150 × (4 MiB + 16 KiB).
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = MAX_PER_PAGE as u64 * (4 * 1024 * 1024 + 16 * 1024);

/// Why a body was not read whole.
pub(crate) enum BodyError {
    /// The connection broke, or the attempt's time ran out.
    Reqwest(reqwest::Error),
    /// Over the limit: `Content-Length` said so (`Some`), or it ran past it.
    TooLarge { content_length: Option<u64> },
}

/// The whole body of `response`, refused at once when `Content-Length` is over `limit`, and
/// no longer read once it runs past it, so memory stays bounded by the limit.
pub(crate) async fn read_body(
    response: &mut reqwest::Response,
    limit: u64,
) -> Result<Bytes, BodyError> {
    let content_length = response.content_length();
    if content_length.is_some_and(|length| length > limit) {
        return Err(BodyError::TooLarge { content_length });
    }
    let mut body = BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Reqwest)? {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(BodyError::TooLarge { content_length });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
