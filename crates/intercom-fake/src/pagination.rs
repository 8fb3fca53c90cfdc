//! `page` / `per_page` query parameters and the `pages` object of list answers (the
//! generated `PagesLink` and `CursorPages`).

use intercom_openapi::open_enums::PagesType;
use intercom_openapi::types::{CursorPages, CursorPagesNext, PagesLink};

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

/// Where one page of a list sits among all of them: what its `pages` object says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Position {
    request: PageRequest,
    total: u64,
    total_pages: u64,
    /// The absolute URL of the next page; `None` on the last page.
    next: Option<String>,
}

impl Position {
    /// The page `request` asks for, of `total` items served at `base_url` + `path`.
    pub(crate) fn new(total: usize, request: PageRequest, base_url: &str, path: &str) -> Self {
        let total = total as u64;
        let total_pages = total.div_ceil(request.per_page);
        let next = (request.page < total_pages).then(|| {
            format!(
                "{base_url}{path}?page={}&per_page={}",
                request.page + 1,
                request.per_page
            )
        });
        Self {
            request,
            total,
            total_pages,
            next,
        }
    }

    /// The list's `total_count`.
    pub(crate) fn total_count(&self) -> i64 {
        i64::try_from(self.total).unwrap_or(i64::MAX)
    }

    /// Whether this is the last page (or past it).
    pub(crate) fn is_last(&self) -> bool {
        self.next.is_none()
    }

    fn numbers(&self) -> [i64; 3] {
        [self.request.page, self.request.per_page, self.total_pages]
            .map(|n| i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// The `pages` of the AI Content lists: no `next` on the last page, as the reference's
    /// curl examples show.
    pub(crate) fn pages_link(&self) -> Result<PagesLink, ApiError> {
        let [page, per_page, total_pages] = self.numbers();
        PagesLink::builder()
            .type_(PagesType::Pages)
            .page(page)
            .per_page(per_page)
            .total_pages(total_pages)
            .next(self.next.clone())
            .try_into()
            .map_err(|_| ApiError::server_error())
    }

    /// The `pages` of the notes list (the caller adds the last page's `"next": null`, which
    /// the generated type cannot say).
    pub(crate) fn cursor_pages(&self) -> Result<CursorPages, ApiError> {
        let [page, per_page, total_pages] = self.numbers();
        CursorPages::builder()
            .type_(PagesType::Pages)
            .page(page)
            .per_page(per_page)
            .total_pages(total_pages)
            .next(self.next.clone().map(CursorPagesNext::String))
            .try_into()
            .map_err(|_| ApiError::server_error())
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
        let at = Position::new(5, r, "http://h:1", "/x");
        let v = serde_json::to_value(at.pages_link().unwrap()).unwrap();
        assert_eq!(v["next"], "http://h:1/x?page=2&per_page=2");
        assert_eq!(v["total_pages"], 3);
        assert_eq!(v["type"], "pages");
        assert!(!at.is_last());
        let r = PageRequest::from_query(Some("page=3&per_page=2")).unwrap();
        let at = Position::new(5, r, "h", "/x");
        assert!(at.is_last());
        let v = serde_json::to_value(at.pages_link().unwrap()).unwrap();
        assert!(v.get("next").is_none());
        assert_eq!(at.total_count(), 5);
    }
}
