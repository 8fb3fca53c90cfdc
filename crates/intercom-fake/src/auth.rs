//! The bearer-token check. The token itself is never printed: its `Debug` is redacted.

use std::fmt;

use axum::http::{HeaderMap, header::AUTHORIZATION};

/// The access token the fake accepts.
#[derive(Clone)]
pub(crate) struct Token(String);

impl Token {
    /// Wraps the accepted token.
    pub(crate) fn new(token: String) -> Self {
        Self(token)
    }

    /// Whether `headers` carry `Authorization: Bearer <this token>`.
    pub(crate) fn authorizes(&self, headers: &HeaderMap) -> bool {
        let Some(value) = headers.get(AUTHORIZATION) else {
            return false;
        };
        let Ok(value) = value.to_str() else {
            return false;
        };
        let Some((scheme, presented)) = value.trim().split_once(' ') else {
            return false;
        };
        scheme.eq_ignore_ascii_case("bearer") && constant_time_eq(presented.trim(), &self.0)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Compares without stopping at the first difference (a courtesy: this is a test server).
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn accepts_only_the_bearer_token() {
        let token = Token::new("s3cret".into());
        assert!(token.authorizes(&headers("Bearer s3cret")));
        assert!(token.authorizes(&headers("bearer s3cret")));
        assert!(!token.authorizes(&headers("Bearer s3cre")));
        assert!(!token.authorizes(&headers("Basic s3cret")));
        assert!(!token.authorizes(&headers("s3cret")));
        assert!(!token.authorizes(&HeaderMap::new()));
    }

    #[test]
    fn debug_never_shows_the_token() {
        let shown = format!("{:?}", Token::new("s3cret".into()));
        assert!(!shown.contains("s3cret"));
    }
}
