//! Throughput of the fake on loopback: concurrent keep-alive connections hammer it for a
//! bounded time (and at most a bounded number of requests), then requests/second is printed.
//!
//! ```text
//! cargo bench -p intercom-fake --bench throughput
//! ```
//!
//! Knobs (environment): `BENCH_SECS` (default 5), `BENCH_CONNECTIONS` (default 32),
//! `BENCH_MAX_REQUESTS` (default 2,000,000). The mix per connection: 80% `GET
//! /ai/external_pages/{id}`, 10% `GET /ai/external_pages?per_page=20`, 10% `POST
//! /ai/external_pages` (an upsert), all authorized and under a limit too high to be reached.
//! The client is hyper's own HTTP/1 connection, the leanest there is, in the same process and
//! on the same two worker threads as the fake: the figure is what the whole machine does.

use std::error::Error;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::Body;
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use intercom_fake::{FakeIntercom, RateLimit};
use tokio::net::TcpStream;

type BoxError = Box<dyn Error + Send + Sync>;

const TOKEN: &str = "bench-token";
const PAGES: u64 = 100;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), BoxError> {
    let secs = env_or("BENCH_SECS", 5);
    let connections = env_or("BENCH_CONNECTIONS", 32);
    let max_requests = env_or("BENCH_MAX_REQUESTS", 2_000_000);
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?
        .block_on(run(Duration::from_secs(secs), connections, max_requests))
}

fn authorized() -> hyper::http::request::Builder {
    hyper::Request::builder()
        .header("host", "127.0.0.1")
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("intercom-version", "2.14")
}

fn upsert(page: u64, i: u64, source_id: &str) -> Result<hyper::Request<Body>, BoxError> {
    Ok(authorized()
        .method("POST")
        .uri("/ai/external_pages")
        .header("content-type", "application/json")
        .body(Body::from(format!(
            r#"{{"title":"Page {page}","html":"<p>{i}</p>","locale":"en","source_id":{source_id},"external_id":"e{page}"}}"#
        )))?)
}

fn request(i: u64, source_id: &str) -> Result<hyper::Request<Body>, BoxError> {
    let builder = authorized();
    let page = i % PAGES;
    let request = match i % 10 {
        0 => upsert(page, i, source_id)?,
        1 => builder
            .method("GET")
            .uri("/ai/external_pages?per_page=20")
            .body(Body::empty())?,
        _ => builder
            .method("GET")
            .uri(format!("/ai/external_pages/{}", page + 1))
            .body(Body::empty())?,
    };
    Ok(request)
}

/// One keep-alive connection sending requests one after another until the deadline.
async fn connection(
    addr: SocketAddr,
    source_id: Arc<str>,
    deadline: Instant,
    sent: Arc<AtomicU64>,
    max_requests: u64,
    offset: u64,
) -> Result<u64, BoxError> {
    let stream = TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let mut done = 0;
    while Instant::now() < deadline && sent.fetch_add(1, Ordering::Relaxed) < max_requests {
        sender.ready().await?;
        let response = sender
            .send_request(request(offset + done, &source_id)?)
            .await?;
        let status = response.status();
        let _body = axum::body::to_bytes(Body::new(response.into_body()), usize::MAX).await?;
        if !status.is_success() {
            return Err(format!("unexpected status {status}").into());
        }
        done += 1;
    }
    Ok(done)
}

async fn run(duration: Duration, connections: u64, max_requests: u64) -> Result<(), BoxError> {
    let fake = FakeIntercom::builder()
        .token(TOKEN)
        .rate_limit(RateLimit::new(u32::MAX, Duration::from_secs(10)))
        .start()
        .await?;
    let addr = fake.addr();

    // A source and its pages, through one connection.
    let stream = TcpStream::connect(addr).await?;
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let create = hyper::Request::builder()
        .method("POST")
        .uri("/ai/content_import_sources")
        .header("host", "127.0.0.1")
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("content-type", "application/json")
        .body(Body::from(
            r#"{"sync_behavior":"api","url":"https://bench"}"#,
        ))?;
    let response = sender.send_request(create).await?;
    let body = axum::body::to_bytes(Body::new(response.into_body()), usize::MAX).await?;
    let source: serde_json::Value = serde_json::from_slice(&body)?;
    let source_id: Arc<str> = source["id"].to_string().into();
    for i in 0..PAGES {
        sender.ready().await?;
        let response = sender.send_request(upsert(i, i, &source_id)?).await?;
        axum::body::to_bytes(Body::new(response.into_body()), usize::MAX).await?;
    }
    drop(sender);

    let sent = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..connections)
        .map(|c| {
            tokio::spawn(connection(
                addr,
                source_id.clone(),
                deadline,
                sent.clone(),
                max_requests,
                c * 7,
            ))
        })
        .collect();
    let mut total = 0;
    for task in tasks {
        total += task.await??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let logged = fake.requests().len();
    fake.shutdown().await?;
    println!(
        "intercom-fake throughput: {total} requests in {elapsed:.2} s over {connections} keep-alive connections = {:.0} requests/s ({} cores; {logged} log records kept)",
        total as f64 / elapsed,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
    );
    Ok(())
}
