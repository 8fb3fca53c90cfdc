//! `page` / `per_page` query parameters and the `pages` object of list answers.

use serde::Serialize;

use crate::errors::ApiError;

/// Items per page when `per_page` is not given.
pub(crate) const DEFAULT_PER_PAGE: u64 = 50;
/// The largest `per_page` accepted.
pub(crate) const MAX_PER_PAGE: u64 = 150;

/// Which page of a list was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageRequest {
    /// 1-based page number.
    pub(crate) page: u64,
    /// Items per page, 1..=150.
    pub(crate) per_page: u64,
}

impl PageRequest {
    /// Reads `page` and `per_page` from a raw query string; other parameters are ignored.
    pub(crate) fn from_query(query: Option<&str>) -> Result<Self, ApiError> {
        let mut request = Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        };
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "page" => request.page = positive("page", value, u64::MAX)?,
                "per_page" => request.per_page = positive("per_page", value, MAX_PER_PAGE)?,
                _ => {}
            }
        }
        Ok(request)
    }

    /// How many items to skip.
    pub(crate) fn offset(&self) -> usize {
        usize::try_from(self.page.saturating_sub(1).saturating_mul(self.per_page))
            .unwrap_or(usize::MAX)
    }

    /// How many items a page holds.
    pub(crate) fn limit(&self) -> usize {
        usize::try_from(self.per_page).unwrap_or(usize::MAX)
    }
}

fn positive(field: &str, value: &str, max: u64) -> Result<u64, ApiError> {
    match value.parse::<u64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ if max == u64::MAX => Err(ApiError::invalid(
            field,
            format!("{field} must be a positive integer, not {value:?}"),
        )),
        _ => Err(ApiError::invalid(
            field,
            format!("{field} must be an integer from 1 to {max}, not {value:?}"),
        )),
    }
}

/// What `pages.next` looks like on the last page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LastPage {
    /// No `next` key (the AI Content lists, as the reference's curl examples show).
    OmitNext,
    /// `"next": null` (the notes list, as the reference's example shows).
    NullNext,
}

/// The `pages` object.
#[derive(Debug, Serialize)]
pub(crate) struct Pages {
    #[serde(rename = "type")]
    kind: &'static str,
    page: u64,
    per_page: u64,
    total_pages: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<Option<String>>,
}

/// A list answer: `{type: list, data, total_count, pages}`.
#[derive(Debug, Serialize)]
pub(crate) struct ListBody<T> {
    #[serde(rename = "type")]
    kind: &'static str,
    data: Vec<T>,
    total_count: u64,
    pages: Pages,
}

/// Builds the list answer for `data`, one page of `total` items served at `base_url` + `path`.
pub(crate) fn list_body<T>(
    data: Vec<T>,
    total: usize,
    request: PageRequest,
    base_url: &str,
    path: &str,
    last: LastPage,
) -> ListBody<T> {
    let total = total as u64;
    let total_pages = total.div_ceil(request.per_page);
    let next = if request.page < total_pages {
        Some(Some(format!(
            "{base_url}{path}?page={}&per_page={}",
            request.page + 1,
            request.per_page
        )))
    } else {
        match last {
            LastPage::OmitNext => None,
            LastPage::NullNext => Some(None),
        }
    };
    ListBody {
        kind: "list",
        data,
        total_count: total,
        pages: Pages {
            kind: "pages",
            page: request.page,
            per_page: request.per_page,
            total_pages,
            next,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_bounds() {
        assert_eq!(
            PageRequest::from_query(None).unwrap(),
            PageRequest {
                page: 1,
                per_page: 50
            }
        );
        let r = PageRequest::from_query(Some("page=3&per_page=150&x=y")).unwrap();
        assert_eq!(
            (r.page, r.per_page, r.offset(), r.limit()),
            (3, 150, 300, 150)
        );
        for (q, field) in [
            ("per_page=151", "per_page"),
            ("per_page=0", "per_page"),
            ("page=0", "page"),
            ("page=x", "page"),
            ("per_page=", "per_page"),
        ] {
            let e = PageRequest::from_query(Some(q)).unwrap_err();
            assert_eq!(e.errors[0].field.as_deref(), Some(field), "{q}");
        }
    }

    #[test]
    fn next_link_until_the_last_page() {
        let r = PageRequest::from_query(Some("page=1&per_page=2")).unwrap();
        let body = list_body(vec![1, 2], 5, r, "http://h:1", "/x", LastPage::OmitNext);
        let v = serde_json::to_value(&body).unwrap();
        assert_eq!(v["pages"]["next"], "http://h:1/x?page=2&per_page=2");
        assert_eq!(v["pages"]["total_pages"], 3);
        let r = PageRequest::from_query(Some("page=3&per_page=2")).unwrap();
        let v =
            serde_json::to_value(list_body(vec![5], 5, r, "h", "/x", LastPage::OmitNext)).unwrap();
        assert!(v["pages"].get("next").is_none());
        let v =
            serde_json::to_value(list_body(vec![5], 5, r, "h", "/x", LastPage::NullNext)).unwrap();
        assert!(v["pages"]["next"].is_null());
        assert!(v["pages"].get("next").is_some());
    }
}
