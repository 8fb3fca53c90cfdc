//! Checks the request builders run before anything is sent, each naming the field it checks.

use intercom_openapi::open_enums::Locale;
use intercom_openapi::operations::{PER_PAGE_MAXIMUM, PER_PAGE_MINIMUM};
use url::Url;

use crate::error::Error;

/// The largest page the list endpoints serve (the spec's `maximum` of `per_page`).
pub const MAX_PER_PAGE: u32 = PER_PAGE_MAXIMUM as u32;

/// The smallest page one may ask for (the spec's `minimum` of `per_page`).
const MIN_PER_PAGE: u32 = PER_PAGE_MINIMUM as u32;

/// `value` has something besides whitespace.
pub(crate) fn non_empty(field: &'static str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// `value` is an absolute http(s) URL with a host.
pub(crate) fn absolute_url(field: &'static str, value: &str) -> Result<Url, Error> {
    let url = Url::parse(value.trim())
        .map_err(|e| Error::invalid(field, format!("must be an absolute URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(Error::invalid(
            field,
            "must be an absolute http or https URL with a host",
        ));
    }
    Ok(url)
}

/// The only locale the reference allows is `en`.
pub(crate) fn locale(value: &Locale) -> Result<(), Error> {
    if *value != Locale::En {
        return Err(Error::invalid(
            "locale",
            format!("is `{value}`; the API accepts only `en`"),
        ));
    }
    Ok(())
}

/// A path id: an empty one would silently turn `GET /notes/{id}` into another endpoint.
pub(crate) fn id(field: &'static str, value: &str) -> Result<(), Error> {
    non_empty(field, value)
}

/// `per_page` is within the spec's bounds (1 to 150).
pub(crate) fn per_page(value: u32) -> Result<(), Error> {
    if !(MIN_PER_PAGE..=MAX_PER_PAGE).contains(&value) {
        return Err(Error::invalid(
            "per_page",
            format!("is {value}; it must be between {MIN_PER_PAGE} and {MAX_PER_PAGE}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_absolute_http() {
        assert!(absolute_url("url", "https://help.example.com/a").is_ok());
        for bad in ["/relative", "help.example.com", "mailto:a@b.c", ""] {
            let err = absolute_url("url", bad).unwrap_err();
            assert!(err.to_string().contains("`url`"), "{bad}: {err}");
        }
    }

    #[test]
    fn per_page_bounds() {
        assert!(per_page(1).is_ok());
        assert!(per_page(150).is_ok());
        assert!(per_page(0).is_err());
        assert!(per_page(151).is_err());
    }

    #[test]
    fn only_english() {
        assert!(locale(&Locale::En).is_ok());
        assert!(
            locale(&Locale::from("fr"))
                .unwrap_err()
                .to_string()
                .contains("`fr`")
        );
    }
}
