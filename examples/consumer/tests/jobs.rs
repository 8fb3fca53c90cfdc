//! The push with the client alone and the CMS webhook, against the fake.

use std::time::Duration;

use intercom_client::{Client, ContentImportSourceId};
use intercom_consumer_example::cms::Article;
use intercom_consumer_example::{push, webhook};
use intercom_fake::{FakeIntercom, fixtures};

const TOKEN: &str = "consumer-jobs-token";
const SOURCE: i64 = 7;

async fn fake_and_client() -> (FakeIntercom, Client) {
    let fake = FakeIntercom::builder()
        .token(TOKEN)
        .source(fixtures::source(SOURCE, "https://help.example.com"))
        .page(fixtures::page("1", SOURCE, "retired"))
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap();
    (fake, client)
}

fn article(n: usize) -> Article {
    Article {
        slug: format!("article-{n}"),
        title: format!("Article {n}"),
        body_html: format!("<p>Body {n}</p>"),
        published: true,
    }
}

#[tokio::test]
async fn five_hundred_articles_are_pushed_with_progress_and_a_deleted_one_is_removed() {
    let (fake, client) = fake_and_client().await;
    let mut reported = Vec::new();
    let pushed = push::push(
        &client,
        ContentImportSourceId::new(SOURCE),
        (0..500).map(article).collect(),
        &["retired".to_owned(), "never-existed".to_owned()],
        |done, total| reported.push((done, total)),
    )
    .await
    .unwrap();
    assert_eq!((pushed.upserted, pushed.deleted), (500, 1));
    assert!(pushed.failed.is_empty(), "{:?}", pushed.failed);
    assert_eq!(reported.len(), 500);
    assert_eq!(reported.last(), Some(&(500, 500)));
    let pages = fake.state().pages;
    assert_eq!(pages.len(), 500);
    assert!(pages.iter().all(|p| p.external_id != "retired"));
}

#[tokio::test]
async fn the_webhook_upserts_a_saved_article_and_removes_a_deleted_one() {
    let (fake, client) = fake_and_client().await;
    let app = webhook::router(client, ContentImportSourceId::new(SOURCE));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/cms", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let http = intercom_client::reqwest::Client::new();
    for event in [
        r#"{"event": "saved", "slug": "returns", "title": "Returns", "body_html": "<p>30 days.</p>"}"#,
        r#"{"event": "deleted", "slug": "retired"}"#,
    ] {
        let answer = http
            .post(&url)
            .header("content-type", "application/json")
            .body(event)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 202);
    }
    // The webhook answers before Intercom is written to: wait for the fake to hold the result.
    let mut ids = Vec::new();
    for _ in 0..200 {
        ids = fake
            .state()
            .pages
            .iter()
            .map(|p| p.external_id.clone())
            .collect::<Vec<_>>();
        if ids == ["returns"] {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(ids, ["returns"]);
}
