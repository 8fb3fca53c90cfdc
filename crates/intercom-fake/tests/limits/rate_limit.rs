use std::time::{Duration, SystemTime, UNIX_EPOCH};

use intercom_fake::RateLimit;

use crate::common::{Api, builder};

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test]
async fn past_the_limit_answers_429_with_headers() {
    // A window far longer than the test, so the count cannot reset under it.
    let fake = builder()
        .rate_limit(RateLimit::new(3, Duration::from_secs(3600)))
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    // Neither 401s nor /__fake/* use the budget.
    assert_eq!(
        api.with_token(None).get("/ai/external_pages").await.status,
        401
    );
    api.get("/__fake/state").await;

    for remaining in ["2", "1", "0"] {
        let reply = api.get("/ai/external_pages").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("x-ratelimit-limit"), Some("3"));
        assert_eq!(reply.header("x-ratelimit-remaining"), Some(remaining));
        let reset: u64 = reply.header("x-ratelimit-reset").unwrap().parse().unwrap();
        assert!(reset >= unix_now(), "reset is a Unix time in the future");
    }
    let limited = api
        .post(
            "/ai/content_import_sources",
            serde_json::json!({"sync_behavior": "api", "url": "https://x"}),
        )
        .await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.error_codes(), ["rate_limit_exceeded"]);
    assert_eq!(limited.header("x-ratelimit-remaining"), Some("0"));
    assert_eq!(limited.header("x-ratelimit-limit"), Some("3"));
    let retry_after: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=3600).contains(&retry_after));
    assert!(fake.state().sources.is_empty(), "a 429 changes nothing");
    let statuses: Vec<_> = fake.requests().iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [Some(401), Some(200), Some(200), Some(200), Some(429)]
    );
}

#[tokio::test]
async fn the_budget_comes_back_with_the_next_window() {
    let fake = builder()
        .rate_limit(RateLimit::new(1, Duration::from_millis(100)))
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    // Exhaust the budget, then poll (bounded) until a new window admits a request again.
    let mut saw_429 = false;
    let mut recovered = false;
    for _ in 0..200 {
        match api.get("/ai/external_pages").await.status {
            429 => saw_429 = true,
            200 if saw_429 => {
                recovered = true;
                break;
            }
            200 => {}
            other => panic!("unexpected status {other}"),
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(saw_429 && recovered);
}
