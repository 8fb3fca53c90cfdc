use std::time::Duration;

use crate::common::{Api, builder, start};

/// Polls (bounded) until a request to `base` fails to connect.
async fn refuses_connections(base: &str) -> bool {
    let client = reqwest::Client::new();
    for _ in 0..100 {
        if client
            .get(format!("{base}/__fake/state"))
            .send()
            .await
            .is_err()
        {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    false
}

#[tokio::test]
async fn shutdown_and_drop_stop_the_server() {
    let fake = start().await;
    let base = fake.base_url().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"));
    assert!(!base.ends_with('/'));
    assert_eq!(
        fake.addr().port(),
        base.rsplit(':').next().unwrap().parse::<u16>().unwrap()
    );
    assert_eq!(Api::new(&fake).get("/__fake/state").await.status, 200);
    fake.shutdown().await.unwrap();
    assert!(refuses_connections(&base).await);

    let fake = start().await;
    let base = fake.base_url().to_owned();
    drop(fake);
    assert!(refuses_connections(&base).await);
}

#[tokio::test]
async fn the_request_log_keeps_at_most_its_limit() {
    let fake = builder().request_log_limit(3).start().await.unwrap();
    let api = Api::new(&fake);
    for page in 1..=5 {
        api.get(&format!("/ai/external_pages?page={page}")).await;
    }
    let queries: Vec<_> = fake.requests().into_iter().map(|r| r.query).collect();
    assert_eq!(
        queries,
        [
            Some("page=3".into()),
            Some("page=4".into()),
            Some("page=5".into())
        ],
        "the oldest go first"
    );
}
