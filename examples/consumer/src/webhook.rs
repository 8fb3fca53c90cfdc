//! The CMS's webhook: an article saved is upserted, an article deleted is removed, each in a
//! task of its own so the CMS gets its answer at once (calls own what they need, so they can
//! be spawned).

use axum::Router;
use axum::extract::{Json, State};
use axum::http::StatusCode;
use axum::routing::post;
use intercom_client::{Client, ContentImportSourceId, NewExternalPage};
use serde::Deserialize;

use crate::cms::SITE;

/// What the CMS posts.
#[derive(Debug, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    Saved {
        slug: String,
        title: String,
        body_html: String,
    },
    Deleted {
        slug: String,
    },
}

/// `POST /cms` for the articles of `source`.
pub fn router(client: Client, source: ContentImportSourceId) -> Router {
    Router::new()
        .route("/cms", post(receive))
        .with_state((client, source))
}

async fn receive(
    State((client, source)): State<(Client, ContentImportSourceId)>,
    Json(event): Json<Event>,
) -> StatusCode {
    let pages = client.external_pages();
    match event {
        Event::Saved {
            slug,
            title,
            body_html,
        } => {
            let page = NewExternalPage::new(source, slug.clone())
                .title(title)
                .html(body_html)
                .url(format!("{SITE}/articles/{slug}"));
            let upsert = pages.upsert(page);
            tokio::spawn(async move { report(&slug, upsert.await.map(drop)) });
        }
        Event::Deleted { slug } => {
            let delete = pages.delete_by_external_id(source, &slug);
            tokio::spawn(async move { report(&slug, delete.await.map(drop)) });
        }
    }
    StatusCode::ACCEPTED
}

/// The CMS has had its answer: a failure goes to the log, with what support needs.
fn report(slug: &str, result: intercom_client::Result<()>) {
    if let Err(error) = result {
        eprintln!("cms webhook: {slug}: {}", crate::errors::log_line(&error));
    }
}
