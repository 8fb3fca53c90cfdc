//! The access token: sent in one header to one host, and shown nowhere else.

use std::fmt;

use reqwest::header::HeaderValue;

/// Shown instead of the token wherever it could otherwise appear.
pub(crate) const REDACTED: &str = "<redacted>";

/// An Intercom access token, sent as `Authorization: Bearer <token>`.
///
/// `Debug` and `Display` print `<redacted>`, never the token, so a token can sit in a struct that
/// is logged or printed without leaking. A leading `Bearer ` is accepted and dropped.
///
/// ```
/// use intercom_client::Token;
///
/// let token = Token::from("dG9rOmFiYw==");
/// assert_eq!(format!("{token:?}"), "Token(<redacted>)");
/// assert_eq!(token.to_string(), "<redacted>");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// The `Authorization` header, marked sensitive so that `http`'s own `Debug` hides it too;
    /// or what is wrong with the token, in words that never repeat it.
    pub(crate) fn authorization(&self) -> Result<HeaderValue, &'static str> {
        if self.0.is_empty() {
            return Err("must not be empty");
        }
        let mut value = HeaderValue::from_str(&format!("Bearer {}", self.0))
            .map_err(|_| "contains characters that cannot be sent in an HTTP header")?;
        value.set_sensitive(true);
        Ok(value)
    }

    /// Replaces every occurrence of the token in `text` (a response body, a server message)
    /// so that an echoing proxy or server cannot smuggle it into an error or a log line.
    pub(crate) fn redact(&self, text: &str) -> String {
        if self.0.len() < 4 {
            // Too short to search for without mangling ordinary text; such a token is
            // rejected by Intercom anyway.
            return text.to_owned();
        }
        text.replace(&self.0, REDACTED)
    }
}

impl From<String> for Token {
    fn from(value: String) -> Self {
        let trimmed = value.trim();
        let bare = trimmed
            .strip_prefix("Bearer ")
            .or_else(|| trimmed.strip_prefix("bearer "))
            .unwrap_or(trimmed)
            .trim();
        Token(bare.to_owned())
    }
}

impl From<&str> for Token {
    fn from(value: &str) -> Self {
        Token::from(value.to_owned())
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token({REDACTED})")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_bearer_prefix_and_whitespace() {
        assert_eq!(Token::from(" Bearer abcd \n"), Token::from("abcd"));
    }

    #[test]
    fn header_is_sensitive_and_redacted_in_debug() {
        let header = Token::from("s3cr3t-token").authorization().unwrap();
        assert!(header.is_sensitive());
        assert!(!format!("{header:?}").contains("s3cr3t"));
    }

    #[test]
    fn rejects_empty_and_unsendable_tokens_without_echoing_them() {
        let err = Token::from("  ").authorization().unwrap_err();
        assert_eq!(err, "must not be empty");
        let err = Token::from("bad\u{7f}token").authorization().unwrap_err();
        assert!(!err.contains("bad"), "{err}");
    }

    #[test]
    fn redacts_echoed_tokens() {
        let token = Token::from("s3cr3t-token");
        assert_eq!(
            token.redact("got s3cr3t-token twice: s3cr3t-token"),
            "got <redacted> twice: <redacted>"
        );
    }
}
