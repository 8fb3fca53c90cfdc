//! Push the articles of a CMS into a content import source: what changed is written, what
//! did not is left alone (no request), and with `prune` what the CMS no longer has is
//! deleted, except the pages of records that could not be read.

use intercom_client::Client;
use intercom_client::futures::{Stream, StreamExt};
use intercom_sync::{DesiredPage, ItemError, SyncError, SyncOptions, SyncReport};

/// An article as the CMS hands it out.
#[derive(Clone, Debug)]
pub struct Article {
    /// The CMS's id for it, stable across edits: the page's `external_id`.
    pub slug: String,
    /// The title.
    pub title: String,
    /// The body, as HTML.
    pub body_html: String,
    /// Unpublished articles are not for Fin.
    pub published: bool,
}

/// A record the CMS could not give: which one, if it knows.
#[derive(Clone, Debug)]
pub struct CmsError {
    /// The record's slug, when the failure is about one record.
    pub slug: Option<String>,
    /// What went wrong.
    pub reason: String,
}

/// Where the articles are published, for the pages' URLs (Fin cites a page by its URL).
pub const SITE: &str = "https://help.example.com";

/// The page for `article`, or `None` if it is not published.
pub fn page_of(article: Article) -> Option<DesiredPage> {
    article.published.then(|| {
        DesiredPage::new(article.slug.clone())
            .title(article.title)
            .html(article.body_html)
            .url(format!("{SITE}/articles/{}", article.slug))
    })
}

/// A CMS failure as an input item: one record's failure keeps that record's page only; a
/// failure that could be any record keeps every page (nothing is deleted on a guess).
pub fn item_error(error: CmsError) -> ItemError {
    let item = ItemError::failed(error.reason);
    match error.slug {
        Some(slug) => item.page(slug),
        None => item,
    }
}

/// Syncs `records` into the source at [`SITE`], deleting the pages of articles that are gone
/// or unpublished when `prune` is set.
pub async fn push(
    client: &Client,
    records: impl Stream<Item = Result<Article, CmsError>> + Send + Unpin + 'static,
    prune: bool,
) -> Result<SyncReport, SyncError> {
    let pages = records.filter_map(|record| async move {
        match record {
            Ok(article) => page_of(article).map(Ok),
            Err(error) => Some(Err(item_error(error))),
        }
    });
    let options = SyncOptions::default().prune(prune);
    intercom_sync::sync(client, SITE, Box::pin(pages), options).await
}
