//! What `ContentImportSources::ensure` decides with: when a source is the same, and when a
//! failed create may still have created one.

use url::Url;

use crate::error::Error;
use intercom_openapi::types::ContentImportSource;

/// What [`ContentImportSources::ensure_with`](crate::ContentImportSources::ensure_with) returns: the source, and whether this call
/// created it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Ensured {
    /// The source to use.
    pub source: ContentImportSource,
    /// Whether this call created it (`false` when it was there, or another run's was kept).
    pub created: bool,
}

impl Ensured {
    pub(crate) fn found(source: ContentImportSource) -> Self {
        Ensured {
            source,
            created: false,
        }
    }

    pub(crate) fn created(source: ContentImportSource) -> Self {
        Ensured {
            source,
            created: true,
        }
    }
}

/// Whether the server may still be processing the request: it was sent, but no answer came
/// back from the server itself (a timeout, a connection broken after sending, a gateway's 502
/// or 504). A connection that was never made sent nothing.
pub(crate) fn answer_lost(error: &Error) -> bool {
    match error {
        Error::Timeout { .. } => true,
        Error::Transport { source, .. } => !source.is_connect(),
        _ => matches!(error.status().map(|s| s.as_u16()), Some(502 | 504)),
    }
}

/// Whether a failed create may have created the source anyway, or may succeed later.
pub(crate) fn fate_unknown(error: &Error) -> bool {
    error.is_retryable() || matches!(error, Error::Decode { status, .. } if status.is_success())
}

/// What makes two source URLs the same source.
pub(crate) fn source_key(url: &Url) -> String {
    format!(
        "{}://{}:{}{}?{}",
        url.scheme(),
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or_default(),
        url.path().trim_end_matches('/'),
        url.query().unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_urls_match_ignoring_a_trailing_slash_and_case() {
        let key = |s: &str| source_key(&Url::parse(s).unwrap());
        assert_eq!(
            key("https://Help.Example.com"),
            key("https://help.example.com/")
        );
        assert_eq!(
            key("https://help.example.com/docs/"),
            key("https://help.example.com:443/docs")
        );
        assert_ne!(
            key("https://help.example.com/docs"),
            key("https://help.example.com/blog")
        );
        assert_ne!(
            key("http://help.example.com"),
            key("https://help.example.com")
        );
    }
}
