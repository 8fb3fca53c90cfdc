//! [`Operation`]: how one operation of the spec goes over the wire, as data.
//!
//! `cargo xtask regen` writes one struct per operationId into [`crate::operations`], each
//! holding the operation's path and query parameters and its body, and implementing this
//! trait from the spec. A runtime (`intercom-client`'s transport) executes any of them the
//! same way: fill the path template, add the query, send the body, decide on retries from
//! [`OperationInfo::idempotent`], decode the answer with [`Operation::decode`].

use serde::Serialize;
use serde::de::DeserializeOwned;

/// What the spec says about an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct OperationInfo {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// The HTTP method.
    pub method: reqwest::Method,
    /// The path template, with `{name}` for each path parameter.
    pub path: &'static str,
    /// The path parameters' names, in the order [`Operation::path_params`] gives their values.
    pub path_params: &'static [&'static str],
    /// The query parameters' names.
    pub query_params: &'static [&'static str],
    /// The request body's component schema, if the operation takes one.
    pub body: Option<&'static str>,
    /// The success answer's component schema; `None` when it has no body.
    pub output: Option<&'static str>,
    /// The documented success statuses.
    pub success: &'static [u16],
    /// Whether sending it twice is harmless (the spec's `x-idempotent`), so a runtime may
    /// retry it after a failure that may or may not have reached the server.
    pub idempotent: bool,
    /// The first API version that has the operation (the spec's `x-min-version`), which a
    /// runtime sends instead of an older pinned one.
    pub min_version: Option<&'static str>,
}

impl OperationInfo {
    /// The path with each `{name}` replaced through `value` (which should percent-encode).
    ///
    /// ```
    /// use intercom_openapi::operation::Operation;
    /// use intercom_openapi::operations::GetExternalPage;
    ///
    /// let info = &GetExternalPage::INFO;
    /// let values = ["a/b".to_owned()];
    /// let segments: Vec<&str> = info.segments(&values).collect();
    /// assert_eq!(segments, ["ai", "external_pages", "a/b"]);
    /// ```
    pub fn segments<'a>(&'a self, values: &'a [String]) -> impl Iterator<Item = &'a str> + 'a {
        self.path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(
                move |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => self
                        .path_params
                        .iter()
                        .position(|p| *p == name)
                        .and_then(|i| values.get(i))
                        .map_or("", String::as_str),
                    None => segment,
                },
            )
    }
}

/// One operation of the spec with its arguments, ready to be sent by a runtime.
pub trait Operation: Send + Sync {
    /// The request body's type (`()` when there is none).
    type Body: Serialize + Send + Sync;
    /// What a success answers.
    type Output: DeserializeOwned + Send + 'static;

    /// What the spec says about the operation.
    const INFO: OperationInfo;

    /// The path parameters' values, in the order of [`OperationInfo::path_params`] (none by
    /// default).
    fn path_params(&self) -> Vec<String> {
        Vec::new()
    }

    /// The query parameters that are set, by name (none by default).
    fn query(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// The body to send, if any (none by default).
    fn body(&self) -> Option<&Self::Body> {
        None
    }

    /// A success answer's body as [`Operation::Output`]: its JSON, by default.
    fn decode(body: &[u8]) -> serde_json::Result<Self::Output> {
        serde_json::from_slice(body)
    }
}
