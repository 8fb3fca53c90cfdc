//! A CMS push with the client alone: every article upserted, 8 at a time, with progress as
//! each one finishes, and the articles the CMS deleted removed by their slug.

use intercom_client::futures::{StreamExt, stream};
use intercom_client::{Client, ContentImportSourceId, NewExternalPage, Result, UpsertResult};

use crate::cms::{Article, SITE};

/// What a push did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pushed {
    pub upserted: usize,
    /// The slugs whose upsert failed, with why.
    pub failed: Vec<(String, String)>,
    pub deleted: usize,
}

/// Upserts `articles` into `source` and deletes the pages of `deleted` (slugs); `progress`
/// is told `(done, total)` after each article.
pub async fn push(
    client: &Client,
    source: ContentImportSourceId,
    articles: Vec<Article>,
    deleted: &[String],
    mut progress: impl FnMut(usize, usize),
) -> Result<Pushed> {
    let total = articles.len();
    let pages = articles.into_iter().map(move |a| {
        NewExternalPage::new(source, a.slug.clone())
            .title(a.title)
            .html(a.body_html)
            .url(format!("{SITE}/articles/{}", a.slug))
    });
    let mut outcomes = client.external_pages().upsert_each(stream::iter(pages), 8);
    let mut pushed = Pushed::default();
    while let Some(outcome) = outcomes.next().await {
        match outcome.result {
            UpsertResult::Upserted { .. } => pushed.upserted += 1,
            other => pushed
                .failed
                .push((outcome.external_id, format!("{other:?}"))),
        }
        progress(pushed.upserted + pushed.failed.len(), total);
    }
    for slug in deleted {
        let gone = client.external_pages().delete_by_external_id(source, slug);
        if gone.await?.is_some() {
            pushed.deleted += 1;
        }
    }
    Ok(pushed)
}
