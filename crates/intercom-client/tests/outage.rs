//! A host that stops answering, on tokio's paused clock: paced work resumes when it is back
//! (after refused connections, or a proxy's 502s without rate-limit headers), and a host
//! that stays down ends the work within `unreachable_after` instead of one call deadline
//! per call. What reached the server is counted by a stub on 127.0.0.1.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::stub::{Replies, Stub, http};
use common::*;
use futures::stream;
use intercom_client::retry::RetryPolicy;
use intercom_client::{
    Client, ClientBuilder, ContentImportSourceId, DEFAULT_UNREACHABLE_AFTER, Error,
    NewExternalPage, UNREACHABLE_PROBE_INTERVAL, UpsertResult,
};
use tokio::time::Instant;

/// The paused-clock settings of `common::paused_builder`, for a stub's URL.
fn builder(url: &str) -> ClientBuilder {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    Client::builder()
        .token(TOKEN)
        .base_url(url)
        .http_client(http)
        .request_timeout(None)
        .retry_policy(RetryPolicy::default().with_total_deadline(None))
}

fn page(n: usize) -> NewExternalPage {
    NewExternalPage::new(ContentImportSourceId::new(44), format!("p{n}"))
        .title("Title")
        .html("<p>x</p>")
}

/// An upsert's answer in a window of 2 calls that resets within a second.
fn upserted() -> String {
    http(
        200,
        &[
            ("x-ratelimit-limit", "2".into()),
            ("x-ratelimit-remaining", "1".into()),
            ("x-ratelimit-reset", unix_in(1)),
        ],
        &page_json("21", 44, "p").to_string(),
    )
}

async fn paced_upsert(client: &Client, n: usize) -> intercom_client::Result<()> {
    // No timer guards these calls: on the paused clock it would fire while a request is in
    // flight. A call that never ends hangs the test.
    client
        .external_pages()
        .paced(1)
        .upsert(page(n))
        .await
        .map(drop)
}

#[tokio::test(start_paused = true)]
async fn paced_writes_resume_after_an_outage_of_refused_connections() {
    let mut stub = Stub::start(Arc::new(|_| upserted()));
    let client = builder(&stub.url()).build().unwrap();
    paced_upsert(&client, 0).await.unwrap();

    stub.stop();
    // Each call spends its attempts on a refused port, well past the window's reset.
    for n in 1..=3 {
        let err = paced_upsert(&client, n).await.unwrap_err();
        assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    }

    stub.restart();
    for n in 4..=6 {
        paced_upsert(&client, n).await.unwrap();
    }
    assert_eq!(stub.hits(), 4, "one call before the outage, three after");
}

#[tokio::test(start_paused = true)]
async fn paced_writes_resume_after_502s_without_rate_limit_headers() {
    let replies: Replies = Arc::new(|n| match n {
        0 => upserted(),
        1..=6 => http(502, &[], "<html>Bad Gateway</html>"),
        _ => upserted(),
    });
    let stub = Stub::start(replies);
    let client = builder(&stub.url()).build().unwrap();

    paced_upsert(&client, 0).await.unwrap();
    let err = paced_upsert(&client, 1).await.unwrap_err();
    assert_eq!(err.status_code(), Some(502));
    // Two more 502s, then an answer.
    paced_upsert(&client, 2).await.unwrap();
    paced_upsert(&client, 3).await.unwrap();

    assert_eq!(stub.hits(), 9, "1 answer, 4 + 2 bad gateways, 2 answers");
}

/// A server that takes every connection and closes it unanswered; counts them.
fn dead_host() -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = accepted.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { break };
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(stream);
        }
    });
    (url, accepted)
}

#[tokio::test(start_paused = true)]
async fn bulk_work_against_a_dead_host_ends_within_the_bound() {
    let (url, accepted) = dead_host();
    let client = builder(&url).build().unwrap();
    let started = Instant::now();

    let pages = stream::iter((0..3_000).map(page));
    let report = client.external_pages().upsert_all(pages, 8).await;

    // The bound, plus at most one call's backoffs (0.5 + 1 + 2 s) begun before it.
    let elapsed = started.elapsed();
    assert!(
        elapsed <= DEFAULT_UNREACHABLE_AFTER + Duration::from_millis(3_500),
        "{elapsed:?}"
    );
    assert_eq!(report.failed(), 3_000);
    let unreachable: Vec<&Error> = report
        .failures()
        .filter_map(|outcome| match &outcome.result {
            UpsertResult::Failed(e @ Error::Unreachable { .. }) => Some(e),
            _ => None,
        })
        .collect();
    assert!(unreachable.len() > 2_500, "{}", unreachable.len());
    let host = url.trim_start_matches("http://");
    let message = unreachable[0].to_string();
    assert!(
        message.starts_with(&format!("{host} unreachable since ")),
        "{message}"
    );
    assert!(unreachable[0].is_retryable());
    // Without the bound, every page would have been tried at least once.
    let tried = accepted.load(std::sync::atomic::Ordering::SeqCst);
    assert!(tried < 1_500, "{tried} connections");
}

#[tokio::test(start_paused = true)]
async fn calls_against_a_dead_host_end_within_a_configured_bound() {
    let (url, accepted) = dead_host();
    let client = builder(&url)
        .unreachable_after(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = Instant::now();
    let mut errors = Vec::new();
    let pages = client.external_pages();
    for n in 0..100 {
        errors.push(pages.upsert(page(n)).await.unwrap_err());
    }
    // The bound, plus at most one call's backoffs (0.5 + 1 + 2 s) begun before it.
    assert!(
        started.elapsed() <= Duration::from_millis(5_000 + 3_500),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(errors[0], Error::Transport { .. }),
        "{:?}",
        errors[0]
    );
    assert!(
        matches!(errors[99], Error::Unreachable { .. }),
        "{:?}",
        errors[99]
    );
    // 4 attempts a call: at most 3 calls fit in 5 s of backoff (1.75 s at least each).
    let tried = accepted.load(std::sync::atomic::Ordering::SeqCst);
    assert!(tried <= 4 * 4, "{tried} connections");
}

#[tokio::test(start_paused = true)]
async fn a_host_that_comes_back_gets_requests_again() {
    let mut stub = Stub::start(Arc::new(|_| upserted()));
    let client = builder(&stub.url()).build().unwrap();
    stub.stop();
    let down = Instant::now();
    loop {
        match paced_upsert(&client, 0).await {
            Err(Error::Unreachable { .. }) => break,
            Err(_) => assert!(down.elapsed() < DEFAULT_UNREACHABLE_AFTER + Duration::from_secs(4)),
            Ok(()) => panic!("the port is closed"),
        }
    }

    stub.restart();
    let back = Instant::now();
    let mut refused = 0;
    while paced_upsert(&client, 1).await.is_err() {
        refused += 1;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(
        back.elapsed() <= UNREACHABLE_PROBE_INTERVAL,
        "{:?}",
        back.elapsed()
    );
    assert!(refused > 0, "failed at once until the probe");
    assert_eq!(stub.hits(), 1, "only the probe reached the host");
    for n in 2..=5 {
        paced_upsert(&client, n).await.unwrap();
    }
    assert_eq!(stub.hits(), 5);
}
