//! The `Intercom-Version` the client pins, and how one call can ask for another.

/// An Intercom API version, sent as the `Intercom-Version` header.
///
/// Every version the API reference lists is a variant (`V1_0` … `V2_14`, `Preview`,
/// `Unstable`); any other string goes through `ApiVersion::from("2.15")`, which keeps it
/// verbatim in `Unknown`, so a version released after this crate can be used without waiting
/// for a new release.
///
/// ```
/// use intercom_client::ApiVersion;
///
/// assert_eq!(ApiVersion::V2_14.as_str(), "2.14");
/// assert_eq!(ApiVersion::from("Preview"), ApiVersion::Preview);
/// assert_eq!(ApiVersion::from("2.15").as_str(), "2.15");
/// ```
#[doc(inline)]
pub use intercom_openapi::open_enums::IntercomVersion as ApiVersion;

/// The version every request carries unless the client or the call asks for another: `2.14`.
///
/// Why 2.14:
/// - it is the newest *numbered* version in the reference; numbered versions are frozen, while
///   `Preview` and `Unstable` change without notice, and a client that silently changes
///   behaviour under its users is worse than one that is a version behind;
/// - it is the version the spec this crate is generated from describes (`info.version` of
///   `openapi/intercom.yaml`), so the types here match what the server sends;
/// - the AI Content endpoints are documented from 2.13 on, so 2.14 has all of them.
///
/// Without the header, Intercom would use whatever version the app is configured with in the
/// Developer Hub, which can change under a running program; pinning makes the wire format a
/// property of the code. Fields documented only under `Preview` (`audience_ids` on content
/// import sources) need a per-call override:
/// `client.content_import_sources().api_version(ApiVersion::Preview)`.
pub const DEFAULT_API_VERSION: ApiVersion = ApiVersion::V2_14;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_spec_version() {
        assert_eq!(DEFAULT_API_VERSION.as_str(), "2.14");
    }
}
