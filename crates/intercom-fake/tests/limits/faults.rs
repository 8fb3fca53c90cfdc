use std::time::Duration;

use intercom_fake::RateLimit;
use intercom_fake::faults::{FaultConfig, FaultKind, FaultRule, Route, Step, Throttle};
use serde_json::json;

use crate::common::{Api, builder, page_body};

#[tokio::test]
async fn a_script_answers_in_order_and_faulted_requests_change_nothing() {
    let fake = builder()
        .fault(
            "POST /ai/external_pages=500,502,503,429:2,429_reset:5,429_bare,drop,ok"
                .parse()
                .unwrap(),
        )
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    let source = api.create_source("https://x").await;
    let body = page_body(source, "e1", "T");
    let post = || {
        api.try_send(
            reqwest::Method::POST,
            "/ai/external_pages",
            Some(body.to_string()),
        )
    };

    let r = post().await.unwrap();
    assert_eq!(r.status, 500);
    assert_eq!(r.error_codes(), ["server_error"]);
    assert_eq!(r.header("x-request-id"), r.json["request_id"].as_str());

    let r = post().await.unwrap();
    assert_eq!(r.status, 502);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.text.contains("502 Bad Gateway"));

    let r = post().await.unwrap();
    assert_eq!(r.status, 503);
    assert_eq!(r.error_codes(), ["service_unavailable"]);

    let r = post().await.unwrap();
    assert_eq!(r.status, 429);
    assert_eq!(r.error_codes(), ["rate_limit_exceeded"]);
    assert_eq!(r.header("retry-after"), Some("2"));
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));
    assert!(r.header("x-ratelimit-reset").is_some());

    let r = post().await.unwrap();
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_none());
    assert!(r.header("x-ratelimit-limit").is_none());
    assert!(
        r.header("x-ratelimit-reset").is_some(),
        "only the reset time"
    );

    let r = post().await.unwrap();
    assert_eq!(r.status, 429);
    for h in [
        "retry-after",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    ] {
        assert!(r.header(h).is_none(), "{h}");
    }

    let dropped = post().await;
    assert!(
        dropped.is_err(),
        "a dropped connection is a client error: {dropped:?}"
    );
    assert!(
        fake.state().pages.is_empty(),
        "no faulted request reached the store"
    );

    let r = post().await.unwrap();
    assert_eq!(r.status, 200, "the script's `ok`");
    let r = post().await.unwrap();
    assert_eq!(r.status, 200, "past the script, requests pass");
    assert_eq!(fake.state().pages.len(), 1);

    let log: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/ai/external_pages")
        .map(|r| (r.fault, r.status))
        .collect();
    let expected: Vec<(Option<String>, Option<u16>)> = vec![
        (Some("500".into()), Some(500)),
        (Some("502".into()), Some(502)),
        (Some("503".into()), Some(503)),
        (Some("429:2".into()), Some(429)),
        (Some("429_reset:5".into()), Some(429)),
        (Some("429_bare".into()), Some(429)),
        (Some("drop".into()), None),
        (None, Some(200)),
        (None, Some(200)),
    ];
    assert_eq!(log, expected);
}

#[tokio::test]
async fn a_slow_fault_answers_normally_and_does_its_work() {
    let slow = FaultRule::script(
        Route::exact("POST", "/ai/content_import_sources"),
        [Step::Fault(FaultKind::Slow(Duration::from_millis(30)))],
    );
    let fake = builder().fault(slow).start().await.unwrap();
    let api = Api::new(&fake);
    api.create_source("https://slow").await;
    assert_eq!(fake.state().sources.len(), 1);
    let record = &fake.requests()[0];
    assert_eq!(record.fault.as_deref(), Some("slow:30"));
    assert_eq!(record.status, Some(200));
}

#[tokio::test]
async fn faults_match_only_their_route_and_never_the_fake_routes() {
    let fake = builder()
        .fault("GET /ai/external_pages/{id}=503".parse().unwrap())
        .fault("all=rate:1:500".parse().unwrap())
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    assert_eq!(api.get("/ai/external_pages/7").await.status, 503);
    assert_eq!(
        api.get("/ai/external_pages/7").await.status,
        500,
        "script done; next rule"
    );
    assert_eq!(api.get("/ai/external_pages").await.status, 500);
    assert_eq!(api.get("/__fake/state").await.status, 200);
    assert_eq!(api.get("/__fake/requests").await.status, 200);
    // Faults can be replaced while running.
    fake.set_faults(FaultConfig::new());
    assert_eq!(api.get("/ai/external_pages").await.status, 200);
}

#[tokio::test]
async fn faulted_requests_use_no_rate_limit_budget() {
    let fake = builder()
        .rate_limit(RateLimit::new(2, Duration::from_secs(3600)))
        .fault(FaultRule::script(
            Route::All,
            [
                Step::Fault(FaultKind::ServerError),
                Step::Fault(FaultKind::TooManyRequests(Throttle::Bare)),
                Step::Fault(FaultKind::Drop),
            ],
        ))
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    assert_eq!(api.get("/ai/external_pages").await.status, 500);
    assert_eq!(api.get("/ai/external_pages").await.status, 429);
    assert!(
        api.try_send(reqwest::Method::GET, "/ai/external_pages", None)
            .await
            .is_err()
    );
    assert_eq!(api.get("/ai/external_pages").await.status, 200);
    assert_eq!(api.get("/ai/external_pages").await.status, 200);
    assert_eq!(
        api.get("/ai/external_pages").await.status,
        429,
        "now the budget is spent"
    );
}

/// The statuses (or `None` for a dropped connection) of 40 requests to a fake with a 50%
/// random fault rate and the given seed, and the request ids it gave.
async fn run_with_seed(seed: u64) -> (Vec<Option<u16>>, Vec<String>) {
    let fake = builder()
        .seed(seed)
        .fault("all=rate:0.5:500,503,drop,429".parse().unwrap())
        .start()
        .await
        .unwrap();
    let api = Api::new(&fake);
    let mut statuses = Vec::new();
    for i in 0..40 {
        let reply = api
            .try_send(
                reqwest::Method::POST,
                "/ai/content_import_sources",
                Some(json!({"sync_behavior": "api", "url": format!("https://{i}")}).to_string()),
            )
            .await;
        statuses.push(reply.ok().map(|r| r.status));
    }
    let ids = fake.requests().into_iter().map(|r| r.request_id).collect();
    (statuses, ids)
}

#[tokio::test]
async fn random_faults_are_deterministic_under_a_seed() {
    let (a, ids_a) = run_with_seed(42).await;
    let (b, ids_b) = run_with_seed(42).await;
    assert_eq!(a, b, "same seed, same faults");
    assert_eq!(ids_a, ids_b, "same seed, same request ids");
    let (c, ids_c) = run_with_seed(43).await;
    assert_ne!(a, c, "another seed, other faults");
    assert_ne!(ids_a, ids_c);
    let faulted = a.iter().filter(|s| *s != &Some(200)).count();
    assert!((5..=35).contains(&faulted), "about half faulted: {faulted}");
}
