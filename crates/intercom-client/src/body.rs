//! Reading a response body whole, within a size limit.

use bytes::{Bytes, BytesMut};

/// The longest response body read unless
/// [`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes) says
/// otherwise: 602 MiB, the largest answer a legitimate call gets. That is a list page of 150
/// external pages (the most `per_page` takes), each with 2 MiB of HTML (the largest page the
/// sync sends; Intercom documents no limit on `html`), which JSON escaping may double (a
/// quote, backslash or newline takes two bytes), and 16 KiB of other fields:
/// 150 × (4 MiB + 16 KiB).
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 150 * (4 * 1024 * 1024 + 16 * 1024);

/// Why a body was not read whole.
pub(crate) enum BodyError {
    /// The connection broke.
    Reqwest(reqwest::Error),
    /// Over the limit: `Content-Length` said so (`Some`), or it ran past it.
    TooLarge { content_length: Option<u64> },
}

impl From<reqwest::Error> for BodyError {
    fn from(error: reqwest::Error) -> Self {
        BodyError::Reqwest(error)
    }
}

/// The whole body of `response`, refused at once when `Content-Length` is over `limit`, and
/// no longer read once it runs past it, so memory stays bounded by the limit. Chunk by chunk
/// rather than `Response::bytes`, which takes the response and whose future holds it twice.
/// A body in one chunk, the usual case, is returned as it came, without a copy.
pub(crate) async fn read_body(
    response: &mut reqwest::Response,
    limit: u64,
) -> Result<Bytes, BodyError> {
    let content_length = response.content_length();
    if content_length.is_some_and(|length| length > limit) {
        return Err(BodyError::TooLarge { content_length });
    }
    let over = |len: usize| u64::try_from(len).map_or(true, |len| len > limit);
    let too_large = BodyError::TooLarge { content_length };
    let Some(first) = response.chunk().await? else {
        return Ok(Bytes::new());
    };
    if over(first.len()) {
        return Err(too_large);
    }
    let Some(second) = response.chunk().await? else {
        return Ok(first);
    };
    if over(first.len() + second.len()) {
        return Err(too_large);
    }
    let mut body = BytesMut::with_capacity(first.len() + second.len());
    body.extend_from_slice(&first);
    body.extend_from_slice(&second);
    while let Some(chunk) = response.chunk().await? {
        if over(body.len() + chunk.len()) {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
