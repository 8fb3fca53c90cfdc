//! The `Intercom-Version` the client pins, and how one call can ask for another.

/// An Intercom API version, sent as the `Intercom-Version` header.
///
/// Every version the API reference lists is a variant (`V1_0` … `V2_16`, `Preview`,
/// `Unstable`); any other string goes through `ApiVersion::from("2.17")`, which keeps it
/// verbatim in `Unknown`, so a version released after this crate can be used without waiting
/// for a new release.
///
/// ```
/// use intercom_client::ApiVersion;
///
/// assert_eq!(ApiVersion::V2_14.as_str(), "2.14");
/// assert_eq!(ApiVersion::from("Preview"), ApiVersion::Preview);
/// assert_eq!(ApiVersion::from("2.16"), ApiVersion::V2_16);
/// assert_eq!(ApiVersion::from("2.17").as_str(), "2.17");
/// ```
#[doc(inline)]
pub use intercom_openapi::open_enums::IntercomVersion as ApiVersion;

/// The version every request carries unless the client or the call asks for another: `2.14`.
///
/// Why 2.14:
/// - it is the version Intercom's official SDKs send; numbered versions are frozen, while
///   `Preview` and `Unstable` change without notice, and a client that silently changes
///   behaviour under its users is worse than one that is a version behind (2.15 and 2.16 are
///   one call away: `.api_version(ApiVersion::V2_16)`; an operation that came in a later
///   version, such as company notes, is sent at that version by itself);
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

/// `version`, or `min` (an operation's `x-min-version`) when `version` is an older numbered
/// version: an operation that came in 2.16 is sent as 2.16 by a client pinned to 2.14.
/// `Preview`, `Unstable` and versions this crate cannot compare are sent as they are.
pub(crate) fn at_least(version: ApiVersion, min: Option<&str>) -> ApiVersion {
    // Most operations have no minimum: nothing to parse.
    let Some(min) = min else { return version };
    match (numbered(version.as_str()), numbered(min)) {
        (Some(have), Some(min_number)) if have < min_number => ApiVersion::from(min),
        _ => version,
    }
}

/// `2.14` → `(2, 14)`.
fn numbered(version: &str) -> Option<(u32, u32)> {
    let (major, minor) = version.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_operation_gets_at_least_its_first_version() {
        let v = |s: &str| ApiVersion::from(s);
        assert_eq!(at_least(v("2.14"), Some("2.16")), v("2.16"));
        assert_eq!(at_least(v("2.9"), Some("2.15")), v("2.15"));
        assert_eq!(at_least(v("2.16"), Some("2.15")), v("2.16"));
        assert_eq!(at_least(v("2.14"), None), v("2.14"));
        assert_eq!(at_least(v("Preview"), Some("2.16")), v("Preview"));
        assert_eq!(at_least(v("Unstable"), Some("2.16")), v("Unstable"));
    }

    #[test]
    fn default_is_the_spec_version() {
        assert_eq!(DEFAULT_API_VERSION.as_str(), "2.14");
    }
}
