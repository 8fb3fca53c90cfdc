//! Per-request overhead of `intercom-client` (its defaults) over plain reqwest, for information:
//! both send the same requests (method, path, `Authorization`, `Intercom-Version`, `Accept`,
//! `User-Agent`) to the same fake and decode the same bodies into the same generated types; the
//! plain side is one `reqwest::Client` with those headers as defaults, as a careful hand-written
//! caller would have. Single calls are not paced and none fails, so the client's pacing and
//! retries never act: what differs is the client's own layer.
//!
//! `cargo bench -p intercom-bench --bench overhead` (`cargo xtask bench` runs it first).

use std::sync::LazyLock;
use std::time::Duration;

use divan::Bencher;
use divan::counter::ItemsCount;
use futures::{StreamExt, TryStreamExt, stream};
use intercom_client::types::ExternalPagesList;
use intercom_client::{Client, DEFAULT_API_VERSION, ExternalPage, ExternalPageId, USER_AGENT};
use intercom_fake::{FakeIntercom, RateLimit, StateSnapshot};
use reqwest::header::{self, HeaderMap, HeaderValue};
use tokio::runtime::Runtime;

fn main() {
    divan::main();
}

const TOKEN: &str = "bench-token";

/// Both sides, on one thread, against one fake on a runtime of its own.
struct Sides {
    runtime: Runtime,
    client: Client,
    plain: reqwest::Client,
    page_url: String,
    list_url: String,
    _fake: (Runtime, FakeIntercom),
}

static SIDES: LazyLock<Sides> =
    LazyLock::new(|| start().expect("the benchmark's fake and clients"));

fn start() -> anyhow::Result<Sides> {
    let fake_runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let fake = fake_runtime.block_on(
        FakeIntercom::builder()
            .token(TOKEN)
            .rate_limit(RateLimit::new(1_000_000_000, Duration::from_secs(10)))
            .initial_state(pages(100)?)
            .start(),
    )?;
    let base = fake.base_url().to_owned();
    let mut headers = HeaderMap::new();
    headers.insert(header::AUTHORIZATION, format!("Bearer {TOKEN}").parse()?);
    headers.insert("Intercom-Version", DEFAULT_API_VERSION.as_str().parse()?);
    headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
    // Single-threaded, so that a call and its connection share one thread on both sides.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client =
        runtime.block_on(async { Client::builder().token(TOKEN).base_url(&base).build() })?;
    let plain = reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    Ok(Sides {
        runtime,
        client,
        plain,
        page_url: format!("{base}/ai/external_pages/1"),
        list_url: format!("{base}/ai/external_pages"),
        _fake: (fake_runtime, fake),
    })
}

/// One source and `count` pages of about 2 KB: a list's first page (50) is about 110 KB.
fn pages(count: usize) -> anyhow::Result<StateSnapshot> {
    let at = 1_700_000_000;
    let html = "<p>The valve opens at dawn and closes at dusk, so that the reservoir keeps its \
                level through the night.</p>\n"
        .repeat(20);
    let pages: Vec<_> = (1..=count)
        .map(|id| {
            serde_json::json!({
                "type": "external_page", "id": id.to_string(), "source_id": 1,
                "external_id": format!("p{id}"), "title": format!("Page {id}"), "html": html,
                "url": format!("https://help.example.com/p{id}"), "locale": "en",
                "ai_agent_availability": true, "ai_copilot_availability": true,
                "fin_availability": true,
                "created_at": at, "updated_at": at, "last_ingested_at": at,
            })
        })
        .collect();
    Ok(serde_json::from_value(serde_json::json!({
        "sources": [{
            "type": "content_import_source", "id": 1, "url": "https://help.example.com",
            "sync_behavior": "api", "status": "active",
            "created_at": at, "updated_at": at, "last_synced_at": at,
        }],
        "pages": pages,
    }))?)
}

impl Sides {
    /// Runs `in_flight` calls of `call` at once, to the end, on the benchmark's thread.
    fn batch<F: Future<Output = anyhow::Result<()>>>(
        &self,
        in_flight: usize,
        call: impl Fn() -> F,
    ) {
        self.runtime
            .block_on(
                stream::iter(0..in_flight)
                    .map(|_| call())
                    .buffer_unordered(in_flight)
                    .try_collect::<()>(),
            )
            .expect("every call succeeds");
    }

    async fn plain_get<T: serde::de::DeserializeOwned>(&self, url: &str) -> anyhow::Result<T> {
        let response = self.plain.get(url).send().await?;
        let status = response.status();
        let body = response.bytes().await?;
        anyhow::ensure!(status.is_success(), "GET {url}: {status}");
        Ok(serde_json::from_slice(&body)?)
    }
}

/// `GET /ai/external_pages/1`: one page of about 2 KB, sequentially and 8 in flight.
mod get_one_page {
    use super::*;

    #[divan::bench(args = [1, 8], sample_count = 500, sample_size = 10)]
    fn client(bencher: Bencher, in_flight: usize) {
        let sides = &*SIDES;
        let id = ExternalPageId::new("1");
        bencher.counter(ItemsCount::new(in_flight)).bench_local(|| {
            sides.batch(in_flight, || async {
                divan::black_box(sides.client.external_pages().get(&id).await?);
                Ok(())
            })
        });
    }

    #[divan::bench(args = [1, 8], sample_count = 500, sample_size = 10)]
    fn plain_reqwest(bencher: Bencher, in_flight: usize) {
        let sides = &*SIDES;
        bencher.counter(ItemsCount::new(in_flight)).bench_local(|| {
            sides.batch(in_flight, || async {
                divan::black_box(sides.plain_get::<ExternalPage>(&sides.page_url).await?);
                Ok(())
            })
        });
    }
}

/// `GET /ai/external_pages`: the list's first page (50 pages, about 110 KB), sequentially.
mod list_first_page {
    use super::*;

    #[divan::bench(sample_count = 500, sample_size = 10)]
    fn client(bencher: Bencher) {
        let sides = &*SIDES;
        bencher.bench_local(|| {
            sides.batch(1, || async {
                divan::black_box(sides.client.external_pages().list().first_page().await?);
                Ok(())
            })
        });
    }

    #[divan::bench(sample_count = 500, sample_size = 10)]
    fn plain_reqwest(bencher: Bencher) {
        let sides = &*SIDES;
        bencher.bench_local(|| {
            sides.batch(1, || async {
                divan::black_box(
                    sides
                        .plain_get::<ExternalPagesList>(&sides.list_url)
                        .await?,
                );
                Ok(())
            })
        });
    }
}
