//! Where requests go: a region's host, or an explicit base URL checked for safety.

use std::net::IpAddr;

use url::{Host, Url};

use crate::error::Error;

/// The Intercom region a workspace lives in; each has its own API host.
///
/// ```
/// use intercom_client::Region;
///
/// assert_eq!(Region::default(), Region::Us);
/// assert_eq!(Region::Eu.base_url(), "https://api.eu.intercom.io");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// United States, `https://api.intercom.io` (the default).
    #[default]
    Us,
    /// Europe, `https://api.eu.intercom.io`.
    Eu,
    /// Australia, `https://api.au.intercom.io`.
    Au,
}

impl Region {
    /// The region's API base URL.
    pub const fn base_url(self) -> &'static str {
        match self {
            Region::Us => "https://api.intercom.io",
            Region::Eu => "https://api.eu.intercom.io",
            Region::Au => "https://api.au.intercom.io",
        }
    }
}

/// A base URL that passed [`BaseUrl::parse`]: https, or plain http to a loopback host only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BaseUrl(Url);

impl BaseUrl {
    /// Checks `raw` and keeps it. The reasons never echo the URL itself (it may hold secrets).
    pub(crate) fn parse(raw: &str) -> Result<Self, Error> {
        let url = Url::parse(raw.trim())
            .map_err(|e| Error::invalid("base_url", format!("is not an absolute URL ({e})")))?;
        let host = url
            .host()
            .ok_or_else(|| Error::invalid("base_url", "has no host"))?;
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&host) => {}
            "http" => {
                return Err(Error::invalid(
                    "base_url",
                    "uses plain http, which is allowed only for loopback hosts \
                     (localhost, 127.0.0.0/8, ::1); use https",
                ));
            }
            other => {
                return Err(Error::invalid(
                    "base_url",
                    format!("has scheme `{other}`; only https (or http to loopback) is allowed"),
                ));
            }
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Error::invalid("base_url", "must not contain credentials"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::invalid(
                "base_url",
                "must not have a query or a fragment",
            ));
        }
        Ok(BaseUrl(url))
    }

    /// The base URL as given (normalised by `url`).
    pub(crate) fn as_str(&self) -> &str {
        self.0.as_str().trim_end_matches('/')
    }

    /// `base` + `/segment/segment…`, each segment percent-encoded, so an id can never change
    /// which path (or host) a request goes to.
    pub(crate) fn endpoint<'s>(&self, segments: impl IntoIterator<Item = &'s str>) -> Url {
        let mut url = self.0.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    /// The host, and the port if it is not the scheme's: how errors name where requests go.
    pub(crate) fn authority(&self) -> String {
        let host = self.0.host_str().unwrap_or_default();
        match self.0.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    /// Whether `url` has the same scheme, host and port as the base URL: the only place the
    /// token may be sent.
    pub(crate) fn same_origin(&self, url: &Url) -> bool {
        self.0.origin() == url.origin()
    }
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_and_loopback_http() {
        for ok in [
            "https://api.intercom.io",
            "https://api.eu.intercom.io/",
            "https://proxy.example.com/intercom",
            "http://127.0.0.1:8080",
            "http://127.5.6.7",
            "http://localhost:3000/",
            "http://[::1]:9000",
        ] {
            assert!(BaseUrl::parse(ok).is_ok(), "{ok} should be accepted");
        }
    }

    #[test]
    fn refuses_unsafe_base_urls() {
        for (bad, why) in [
            ("http://api.intercom.io", "plain http"),
            ("http://10.0.0.1", "plain http"),
            ("ftp://api.intercom.io", "scheme"),
            ("https://user:pw@api.intercom.io", "credentials"),
            ("https://api.intercom.io/?token=x", "query"),
            ("api.intercom.io", "absolute"),
        ] {
            let err = BaseUrl::parse(bad).unwrap_err().to_string();
            assert!(
                err.contains("base_url") && err.contains(why),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn endpoint_encodes_segments_and_keeps_a_path_stem() {
        let base = BaseUrl::parse("https://proxy.example.com/intercom/").unwrap();
        let url = base.endpoint(["ai", "external_pages", "a/b?c"]);
        assert_eq!(
            url.as_str(),
            "https://proxy.example.com/intercom/ai/external_pages/a%2Fb%3Fc"
        );
        assert!(base.same_origin(&url));
    }

    #[test]
    fn origin_is_scheme_host_and_port() {
        let base = BaseUrl::parse("http://127.0.0.1:8080").unwrap();
        assert!(base.same_origin(&Url::parse("http://127.0.0.1:8080/x?page=2").unwrap()));
        for other in [
            "http://127.0.0.1:8081/x",
            "https://127.0.0.1:8080/x",
            "http://localhost:8080/x",
        ] {
            assert!(!base.same_origin(&Url::parse(other).unwrap()), "{other}");
        }
    }
}
