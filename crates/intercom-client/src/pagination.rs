//! Lists: one page, or every page (or item) as a stream that cannot loop or leak the token.
//!
//! Intercom's lists say where the next page is in three ways: `pages.next` as a URL (the AI
//! Content lists), `pages.next` as a cursor object with `starting_after` (other lists), or no
//! `next` while `page < total_pages`. A stream follows whichever it gets, through empty pages
//! too, and ends only where the list says it ends: a page with no next.
//!
//! A list that cannot be read to its end is an error, never a short list, because callers
//! act on what is *not* in a list (a sync deletes the pages it does not see): a `next` that
//! repeats a page already fetched, more pages than the server's `total_pages`, or more than
//! [`List::max_pages`] pages all end the stream with [`Error::IncompleteList`]. An item seen
//! twice (a list that shifted under concurrent writes) is yielded once. A `next` URL on
//! another scheme, host or port is not followed: the stream ends with
//! [`Error::ForeignNextPage`]. Only one page is held at a time, plus a digest of each item id
//! seen.

use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::marker::PhantomData;
use std::sync::Arc;

use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};
use intercom_openapi::types::{CursorPages, PagesLink, StartingAfterPaging};
use reqwest::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use url::Url;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::response::ResponseMeta;
use crate::transport::{Outgoing, RawResponse};
use crate::validate;
use crate::version::ApiVersion;
use intercom_openapi::ids::ContentImportSourceId;
use intercom_openapi::operation::Operation;
use intercom_openapi::types::{ContentImportSource, ExternalPage, Note};

/// How many pages a stream fetches at most unless told otherwise ([`List::max_pages`]):
/// 1,500,000 items at 150 a page. A list longer than that is taken for a server that never
/// says "last page".
pub const DEFAULT_MAX_PAGES: u64 = 10_000;

impl List<ExternalPage> {
    /// Only the pages of the content import source `source_id`. The API lists the pages of
    /// every source together and takes no source parameter, so the filter is applied here:
    /// every page of the listing is still fetched (one call per 150 pages of the workspace).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// use futures::TryStreamExt;
    /// use intercom_client::ContentImportSourceId;
    ///
    /// let pages: Vec<_> = client
    ///     .external_pages()
    ///     .list()
    ///     .source(ContentImportSourceId::new(44))
    ///     .items()
    ///     .try_collect()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn source(self, source_id: ContentImportSourceId) -> Self {
        self.keep(move |page| page.source_id == source_id)
    }
}

/// An item of an Intercom list, known by its id: a stream yields each id once.
pub trait ListItem {
    /// The item's id, as the list's items are told apart.
    fn list_id(&self) -> String;
}

impl ListItem for ExternalPage {
    fn list_id(&self) -> String {
        self.id.as_str().to_owned()
    }
}

impl ListItem for ContentImportSource {
    fn list_id(&self) -> String {
        self.id.to_string()
    }
}

impl ListItem for Note {
    fn list_id(&self) -> String {
        self.id.as_str().to_owned()
    }
}

/// Every page of a list, fetched as the stream is polled.
pub type PageStream<T> = BoxStream<'static, Result<Page<T>>>;

/// Every item of a list, fetched page by page as the stream is polled.
pub type ItemStream<T> = BoxStream<'static, Result<T>>;

/// One page of a list.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// How many items the whole list has, if the server said.
    pub total_count: Option<i64>,
    /// This page's number, if the server said.
    pub page: Option<i64>,
    /// How many pages the list has, if the server said.
    pub total_pages: Option<i64>,
    /// Where the next page is; `None` on the last page (or an empty one).
    pub next: Option<NextPage>,
    /// The response's status, request id and rate limit.
    pub meta: ResponseMeta,
}

/// Where a list's next page is, as the server said it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NextPage {
    /// `pages.next` was a URL.
    Link(String),
    /// `pages.next` was a cursor object: ask for the items after this one.
    StartingAfter(String),
    /// No `next`, but `page < total_pages`: ask for this page number.
    Number(i64),
}

/// A list request: [`first_page`](List::first_page), or every page or item as a stream.
///
/// ```no_run
/// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
/// use futures::TryStreamExt;
///
/// let mut pages = client.external_pages().list().per_page(100).items();
/// while let Some(page) = pages.try_next().await? {
///     println!("{} {}", page.id, page.title);
/// }
/// # Ok(())
/// # }
/// ```
pub struct List<T> {
    client: Client,
    endpoint: Url,
    version: Option<ApiVersion>,
    per_page: Option<u32>,
    max_pages: u64,
    /// A check that failed when the list was made (an empty path id), reported on first use.
    invalid: Option<(&'static str, String)>,
    /// Which items are yielded (all when `None`): a filter the API has no parameter for.
    keep: Option<Keep<T>>,
    items: PhantomData<fn() -> T>,
}

/// A client-side filter of a list's items.
type Keep<T> = Arc<dyn Fn(&T) -> bool + Send + Sync>;

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        List {
            client: self.client.clone(),
            endpoint: self.endpoint.clone(),
            version: self.version.clone(),
            per_page: self.per_page,
            max_pages: self.max_pages,
            invalid: self.invalid.clone(),
            keep: self.keep.clone(),
            items: PhantomData,
        }
    }
}

impl<T> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("endpoint", &self.endpoint.as_str())
            .field("version", &self.version)
            .field("per_page", &self.per_page)
            .field("max_pages", &self.max_pages)
            .finish()
    }
}

impl<T> List<T>
where
    T: DeserializeOwned + ListItem + Send + 'static,
{
    pub(crate) fn new(client: Client, endpoint: Url, version: Option<ApiVersion>) -> Self {
        List {
            client,
            endpoint,
            version,
            per_page: None,
            max_pages: DEFAULT_MAX_PAGES,
            invalid: None,
            keep: None,
            items: PhantomData,
        }
    }

    /// The list an operation of the spec starts (its path; the stream adds the query).
    pub(crate) fn of<O: Operation>(
        client: &Client,
        operation: &O,
        version: Option<ApiVersion>,
    ) -> Self {
        let transport = &client.transport;
        // At least the version that introduced the list, as for every operation.
        let version = Some(transport.version_for(version, O::INFO.min_version));
        match transport.url_of(operation) {
            Ok(url) => List::new(client.clone(), url, version),
            Err(invalid) => List::new(client.clone(), transport.base.endpoint([]), version)
                .invalid_if(Err(invalid)),
        }
    }

    /// Fails every use of the list with this `InvalidInput`, before anything is sent.
    pub(crate) fn invalid_if(mut self, check: Result<()>) -> Self {
        if let Err(Error::InvalidInput { field, reason }) = check {
            self.invalid = Some((field, reason));
        }
        self
    }

    fn check(&self) -> Result<()> {
        match &self.invalid {
            Some((field, reason)) => Err(Error::invalid(field, reason.clone())),
            None => Ok(()),
        }
    }

    /// Items per page, 1 to 150 (the server's default if unset). Checked before anything is
    /// sent.
    pub fn per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }

    /// The most pages [`pages`](Self::pages) and [`items`](Self::items) fetch (at least 1,
    /// default [`DEFAULT_MAX_PAGES`]); a list that goes on past it ends the stream with
    /// [`Error::IncompleteList`].
    pub fn max_pages(mut self, max_pages: u64) -> Self {
        self.max_pages = max_pages.max(1);
        self
    }

    /// Only the items `keep` takes, from each page as it comes: for a filter the API has no
    /// parameter for, so every page is still fetched.
    pub(crate) fn keep(mut self, keep: impl Fn(&T) -> bool + Send + Sync + 'static) -> Self {
        self.keep = Some(Arc::new(keep));
        self
    }

    /// The first page. The future owns what it needs (`Send + 'static`), as a
    /// [`Call`](crate::Call) does.
    pub fn first_page(&self) -> impl Future<Output = Result<Page<T>>> + Send + use<T> {
        let list = self.clone();
        let url = self.first_url();
        async move { Ok(list.fetch(url?, false).await?.page) }
    }

    /// The page after `page`, or `None` if it was the last.
    pub fn page_after(
        &self,
        page: &Page<T>,
    ) -> impl Future<Output = Result<Option<Page<T>>>> + Send + use<T> {
        let list = self.clone();
        let url = page.next.as_ref().map(|next| self.next_url(next, None));
        async move {
            match url {
                Some(url) => Ok(Some(list.fetch(url?, false).await?.page)),
                None => Ok(None),
            }
        }
    }

    /// Every page, fetched as the stream is polled, paced to stay under the rate limit. An
    /// item already yielded on an earlier page is left out of later ones; a list that cannot
    /// be read to its end ends the stream with [`Error::IncompleteList`] (see the module docs).
    pub fn pages(self) -> PageStream<T> {
        let first = self.first_url();
        let pager = Pager {
            list: self,
            next: Some(first),
            seen_urls: HashSet::new(),
            seen_items: HashSet::new(),
            pages: 0,
            items: 0,
            last: None,
        };
        stream::unfold(pager, |mut pager| async move {
            let url = match pager.next.take()? {
                Ok(url) => url,
                Err(e) => return Some((Err(e), pager)),
            };
            if pager.pages >= pager.list.max_pages {
                let reason = format!(
                    "the list did not end after {} pages (the most a stream fetches; see List::max_pages)",
                    pager.list.max_pages
                );
                return Some((Err(pager.incomplete(reason)), pager));
            }
            if !pager.seen_urls.insert(url.as_str().to_owned()) {
                let reason = "pages.next repeats a page already fetched".to_owned();
                return Some((Err(pager.incomplete(reason)), pager));
            }
            match pager.list.fetch(url, true).await {
                Ok(fetched) => Some((pager.accept(fetched), pager)),
                Err(e) => Some((Err(e), pager)),
            }
        })
        .boxed()
    }

    /// Every item, page by page.
    pub fn items(self) -> ItemStream<T> {
        self.pages()
            .map_ok(|page| stream::iter(page.items.into_iter().map(Ok)))
            .try_flatten()
            .boxed()
    }

    fn first_url(&self) -> Result<Url> {
        self.check()?;
        let mut url = self.endpoint.clone();
        if let Some(per_page) = self.per_page {
            validate::per_page(per_page)?;
            url.query_pairs_mut()
                .append_pair("per_page", &per_page.to_string());
        }
        Ok(url)
    }

    /// The URL of `next`; `response` is the page that named it, for the error if the link is
    /// not a URL at all.
    fn next_url(&self, next: &NextPage, response: Option<&RawResponse>) -> Result<Url> {
        self.check()?;
        let mut url = self.endpoint.clone();
        let per_page = self.per_page.map(|n| n.to_string());
        match next {
            NextPage::Link(link) => {
                let mut url = Url::parse(link)
                    .or_else(|_| self.endpoint.join(link))
                    .map_err(|e| match response {
                        Some(r) => Error::decode(
                            r.status,
                            &r.headers,
                            link.as_bytes(),
                            &format_args!("pages.next is not a URL: {e}"),
                            &self.client.transport.token,
                        ),
                        None => Error::invalid("next", format!("is not a URL: {e}")),
                    })?;
                if !self.client.transport.base.same_origin(&url) {
                    return Err(Error::foreign_origin(&url, &self.client.transport.token));
                }
                // Keep the page size asked for if the server's link leaves it out.
                if let Some(per_page) = per_page
                    && !url.query_pairs().any(|(k, _)| k == "per_page")
                {
                    url.query_pairs_mut().append_pair("per_page", &per_page);
                }
                return Ok(url);
            }
            NextPage::StartingAfter(cursor) => {
                let mut query = url.query_pairs_mut();
                if let Some(per_page) = &per_page {
                    query.append_pair("per_page", per_page);
                }
                query.append_pair("starting_after", cursor);
            }
            NextPage::Number(number) => {
                let mut query = url.query_pairs_mut();
                if let Some(per_page) = &per_page {
                    query.append_pair("per_page", per_page);
                }
                query.append_pair("page", &number.to_string());
            }
        }
        Ok(url)
    }

    /// One page, and the URL of the next (or why it cannot be followed).
    async fn fetch(&self, url: Url, paced: bool) -> Result<Fetched<T>> {
        let transport = &self.client.transport;
        let request = Outgoing::get(url, self.version.clone(), paced);
        let response = transport.send(request).await?;
        let mut body: ListBody<T> =
            transport.decode(&response, |body| serde_json::from_slice(body))?;
        let pages = body.pages.take().unwrap_or_default();
        let total_count = body.total_count;
        let items = body.into_items().map_err(|reason| {
            Error::decode(
                response.status,
                &response.headers,
                &response.body,
                &reason,
                &self.client.transport.token,
            )
        })?;
        let next = next_page(Some(&pages));
        let next_url = next
            .as_ref()
            .map(|next| self.next_url(next, Some(&response)));
        let page = Page {
            items,
            total_count,
            page: pages.page(),
            total_pages: pages.total_pages(),
            next,
            meta: ResponseMeta::of(&response, &transport.token),
        };
        Ok(Fetched { page, next_url })
    }
}

/// A page as fetched, and where the next one is.
struct Fetched<T> {
    page: Page<T>,
    next_url: Option<Result<Url>>,
}

/// A stream's state between pages.
struct Pager<T> {
    list: List<T>,
    next: Option<Result<Url>>,
    /// Every URL fetched: the loop guard. One short string per page.
    seen_urls: HashSet<String>,
    /// A digest of every item id yielded (8 bytes an item, not the id), so an item that
    /// shifts to a later page while the list is read is yielded once.
    seen_items: HashSet<u64>,
    /// Pages fetched so far.
    pages: u64,
    /// Items yielded so far.
    items: u64,
    /// The last response's status and request id, for an error about the list.
    last: Option<ResponseMeta>,
}

impl<T: ListItem> Pager<T> {
    /// Takes a fetched page: checks it against what the server said of the list's length,
    /// leaves out the items already yielded, and remembers where the next page is.
    fn accept(&mut self, fetched: Fetched<T>) -> Result<Page<T>> {
        self.pages += 1;
        self.last = Some(fetched.page.meta.clone());
        let mut page = fetched.page;
        // An empty list may say it has 0 pages; its one (empty) page is still a page.
        if let Some(total) = page.total_pages
            && self.pages > u64::try_from(total).unwrap_or(0).max(1)
        {
            let reason = format!(
                "the server said the list has {total} pages, but page {} came",
                self.pages
            );
            return Err(self.incomplete(reason));
        }
        let seen = &mut self.seen_items;
        page.items
            .retain(|item| seen.insert(id_digest(&item.list_id())));
        self.items += page.items.len() as u64;
        if let Some(keep) = &self.list.keep {
            page.items.retain(|item| keep(item));
        }
        self.next = fetched.next_url;
        Ok(page)
    }

    fn incomplete(&self, reason: String) -> Error {
        let last = self.last.as_ref();
        let status = last.and_then(|meta| StatusCode::from_u16(meta.status()).ok());
        let request_id = last.and_then(|meta| meta.request_id().map(str::to_owned));
        Error::IncompleteList {
            reason,
            pages: self.pages,
            items: self.items,
            status,
            request_id,
        }
    }
}

/// A fixed-key digest of an item id (the same in every run, which a test may rely on).
fn id_digest(id: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

/// The body of every list response.
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
pub(crate) struct ListBody<T> {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    // Absent is told apart from `null`, which is not a list.
    #[serde(default, deserialize_with = "present")]
    data: Option<Vec<T>>,
    #[serde(default)]
    pub(crate) pages: Option<ListPages>,
    #[serde(default)]
    pub(crate) total_count: Option<i64>,
}

/// A field that, when present, must hold a value (`null` is an error, not `None`).
fn present<'de, D, T>(deserializer: D) -> std::result::Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

impl<T> ListBody<T> {
    /// The items. A body with no `data` is a list only if it says so (`"type": "list"`):
    /// `{}` or an `error.list` sent with a 200 must not read as "nothing there", or `ensure`
    /// would take a garbled answer for a missing source and create a duplicate.
    pub(crate) fn into_items(self) -> std::result::Result<Vec<T>, &'static str> {
        match (self.data, self.kind.as_deref()) {
            (Some(data), _) => Ok(data),
            (None, Some("list")) => Ok(Vec::new()),
            (None, _) => Err("a list response without `data`"),
        }
    }
}

/// The `pages` object of a list, whichever of the spec's two it is: the AI Content lists'
/// `PagesLink` (`next` a URL) or the notes lists' `CursorPages` (`next` a cursor object).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum ListPages {
    /// `next` a URL, or none.
    Link(PagesLink),
    /// `next` a cursor object.
    Cursor(CursorPages),
}

impl ListPages {
    fn page(&self) -> Option<i64> {
        match self {
            ListPages::Link(pages) => pages.page,
            ListPages::Cursor(pages) => pages.page,
        }
    }

    fn total_pages(&self) -> Option<i64> {
        match self {
            ListPages::Link(pages) => pages.total_pages,
            ListPages::Cursor(pages) => pages.total_pages,
        }
    }
}

impl Default for ListPages {
    fn default() -> Self {
        ListPages::Link(PagesLink::default())
    }
}

/// Where the next page is: a link, a cursor, or the next page number while
/// `page < total_pages`. An empty page with a next is not the end: the stream follows it
/// (bounded by its page limit), since a server may page through a filtered or shifting list.
pub(crate) fn next_page(pages: Option<&ListPages>) -> Option<NextPage> {
    let (page, total_pages) = match pages? {
        ListPages::Link(pages) => {
            if let Some(link) = pages.next.as_deref().map(str::trim)
                && !link.is_empty()
            {
                return Some(NextPage::Link(link.to_owned()));
            }
            (pages.page, pages.total_pages)
        }
        ListPages::Cursor(pages) => {
            if let Some(StartingAfterPaging {
                starting_after: Some(cursor),
                ..
            }) = &pages.next
                && !cursor.is_empty()
            {
                return Some(NextPage::StartingAfter(cursor.clone()));
            }
            (pages.page, pages.total_pages)
        }
    };
    match (page, total_pages) {
        (Some(page), Some(total)) if page < total => Some(NextPage::Number(page + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(json: &str) -> ListPages {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn next_page_table() {
        #[rustfmt::skip]
        let table: &[(&str, Option<NextPage>)] = &[
            (r#"{"next":"https://api.intercom.io/ai/external_pages?page=2"}"#,
                Some(NextPage::Link("https://api.intercom.io/ai/external_pages?page=2".into()))),
            (r#"{"next":{"page":2,"starting_after":"WzE2NzQ1ODkzMjEwMDAsMV0="}}"#,
                Some(NextPage::StartingAfter("WzE2NzQ1ODkzMjEwMDAsMV0=".into()))),
            (r#"{"page":1,"total_pages":3}"#, Some(NextPage::Number(2))),
            (r#"{"next":null,"page":2,"total_pages":3}"#, Some(NextPage::Number(3))),
            (r#"{"next":{"starting_after":null},"page":1,"total_pages":2}"#, Some(NextPage::Number(2))),
            (r#"{"page":3,"total_pages":3}"#, None),
            (r#"{"next":null}"#, None),
            (r#"{"next":""}"#, None),
            (r#"{}"#, None),
        ];
        for (json, expected) in table {
            assert_eq!(next_page(Some(&pages(json))), *expected, "{json}");
        }
        assert_eq!(next_page(None), None);
    }
}
