//! `page` / `per_page` query parameters and the `pages` object of list answers (the
//! generated `PagesLink` and `CursorPages`).

use intercom_openapi::open_enums::PagesType;
use intercom_openapi::types::{CursorPages, PagesLink, StartingAfterPaging};

use crate::api_error::ApiError;

/// Items per page when `per_page` is not given.
pub(crate) const DEFAULT_PER_PAGE: u64 = 50;
/// The largest `per_page` accepted.
pub(crate) const MAX_PER_PAGE: u64 = intercom_openapi::operations::PER_PAGE_MAXIMUM as u64;

/// Which page of a list was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageRequest {
    /// 1-based page number.
    pub(crate) page: u64,
    /// Items per page, 1..=150.
    pub(crate) per_page: u64,
    /// The cursor of a cursor-paged list (the notes lists): the id of the last note of the
    /// page before.
    pub(crate) starting_after: Option<u64>,
}

impl PageRequest {
    /// Reads `page` and `per_page` from a raw query string; other parameters are ignored.
    pub(crate) fn from_query(query: Option<&str>) -> Result<Self, ApiError> {
        let mut request = Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            starting_after: None,
        };
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "page" => request.page = positive("page", value, u64::MAX)?,
                "per_page" => request.per_page = positive("per_page", value, MAX_PER_PAGE)?,
                "starting_after" => {
                    request.starting_after = Some(value.parse().map_err(|_| {
                        ApiError::invalid(
                            "starting_after",
                            format!("starting_after {value:?} is not a cursor this list gave"),
                        )
                    })?)
                }
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
}

/// The `pages` of a cursor-paged list (the notes lists): the page holds `len` items after
/// `offset` of `total`; `next` is the cursor after `last_id`, or `None` on the last page
/// (the caller adds the `"next": null` the reference's example shows).
pub(crate) fn cursor_pages(
    total: usize,
    offset: usize,
    len: usize,
    per_page: u64,
    last_id: Option<&str>,
) -> Result<CursorPages, ApiError> {
    let number = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let page = offset as u64 / per_page.max(1) + 1;
    let total_pages = (total as u64).div_ceil(per_page.max(1));
    let next = match last_id {
        Some(last) if offset + len < total => Some(
            StartingAfterPaging::builder()
                .page(Some(number(page + 1)))
                .per_page(Some(number(per_page)))
                .starting_after(Some(last.to_owned()))
                .try_into()
                .map_err(|_| ApiError::server_error())?,
        ),
        _ => None,
    };
    CursorPages::builder()
        .type_(PagesType::Pages)
        .page(number(page))
        .per_page(number(per_page))
        .total_pages(number(total_pages))
        .next(next)
        .try_into()
        .map_err(|_| ApiError::server_error())
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
                per_page: 50,
                starting_after: None,
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
            ("starting_after=abc", "starting_after"),
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
        let r = PageRequest::from_query(Some("page=3&per_page=2")).unwrap();
        let at = Position::new(5, r, "h", "/x");
        let v = serde_json::to_value(at.pages_link().unwrap()).unwrap();
        assert!(v.get("next").is_none());
        assert_eq!(at.total_count(), 5);
    }

    #[test]
    fn cursor_pages_give_a_cursor_until_the_last_page() {
        let first = cursor_pages(5, 0, 2, 2, Some("2")).unwrap();
        let v = serde_json::to_value(&first).unwrap();
        assert_eq!(v["next"]["starting_after"], "2");
        assert_eq!(
            (v["page"].clone(), v["next"]["page"].clone()),
            (1.into(), 2.into())
        );
        assert_eq!(v["total_pages"], 3);
        let last = cursor_pages(5, 4, 1, 2, Some("5")).unwrap();
        assert_eq!(last.next, None);
        assert_eq!(last.page, Some(3));
        assert_eq!(cursor_pages(0, 0, 0, 2, None).unwrap().next, None);
    }
}
