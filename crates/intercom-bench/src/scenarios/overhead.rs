//! Figure 1: what `intercom-client` costs per request over plain reqwest.
//!
//! Both sides send the same requests (method, path, the same four headers) to the same fake
//! process and decode the same body into the same types (`intercom_client::ExternalPage`),
//! so the difference is the client's own layer: building the request, the version and token
//! headers, the origin check, the deadline timer, the tracing span, reading the rate-limit
//! headers, and error mapping. The plain side is what a careful hand-written caller would
//! do: one `reqwest::Client` with the headers as defaults.
//!
//! Each workload runs in rounds, alternating which side goes first, so that drift (CPU
//! frequency, other processes on the machine) falls on both sides alike. A warm-up batch per
//! side opens the connections first. Besides wall time, each batch's CPU time of this process
//! is measured: the client's own cost, which other load on the machine disturbs less. Both
//! sides run on the benchmark's current-thread tokio runtime (see `run.rs`). Single calls are
//! not paced and nothing fails, so the client's pacing and retries never act; the client
//! keeps its defaults.

use std::future::Future;
use std::hint::black_box;
use std::path::Path;
use std::pin::Pin;
use std::time::{Duration, Instant};

use anyhow::Result;
use futures::{StreamExt, TryStreamExt, stream};
use intercom_client::{Client, ExternalPageId};

use crate::client;
use crate::fake_process::{FakeConfig, FakeProcess};
use crate::requests::RequestStats;
use crate::scenarios::plain_reqwest::Plain;
use crate::{cpu, state_file};

/// The share of extra time the aim allows.
pub const AIM: f64 = 0.05;

/// Pages in the fake: enough for a list's default page of 50.
const PAGES: usize = 100;

/// The per-request timeout of the profiling mode's `plain-timeout` side: the client's default.
const PLAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Requests per side in the warm-up batch of each workload (not measured).
const WARM_UP: usize = 100;

/// One measured workload.
#[derive(Debug, Clone)]
pub struct OverheadRow {
    /// What was sent, and how many at once.
    pub label: String,
    /// Requests measured per side.
    pub requests: usize,
    /// Mean time per request through `intercom-client`.
    pub client: Duration,
    /// Mean time per request through plain reqwest.
    pub plain: Duration,
    /// Mean CPU time of this process per request through `intercom-client`.
    pub client_cpu: Duration,
    /// Mean CPU time of this process per request through plain reqwest.
    pub plain_cpu: Duration,
    /// The median over rounds of each round's client time over its plain time: less
    /// swayed than the ratio of means by a round that other work on the machine slowed.
    pub median_round_ratio: f64,
}

impl OverheadRow {
    /// Client time over plain time.
    pub fn ratio(&self) -> f64 {
        self.client.as_secs_f64() / self.plain.as_secs_f64()
    }

    /// Client CPU time over plain CPU time (this process only: the fake is not counted).
    pub fn cpu_ratio(&self) -> f64 {
        self.client_cpu.as_secs_f64() / self.plain_cpu.as_secs_f64()
    }

    /// Whether the client is within [`AIM`] of plain reqwest.
    pub fn met_aim(&self) -> bool {
        self.ratio() <= 1.0 + AIM
    }
}

/// What the overhead scenario measured.
#[derive(Debug, Clone)]
pub struct Overhead {
    /// One row per workload.
    pub rows: Vec<OverheadRow>,
    /// Rounds per workload.
    pub rounds: usize,
    /// What the fake saw (every request should be a success).
    pub logged: RequestStats,
    /// How many requests were sent, warm-ups included.
    pub sent: usize,
}

/// The call being measured.
#[derive(Debug, Clone, Copy)]
enum Call {
    /// `GET /ai/external_pages/1`.
    GetPage,
    /// `GET /ai/external_pages`: the first page of the list, 50 pages of ~2 KB.
    ListPage,
}

#[derive(Debug, Clone, Copy)]
struct Workload {
    call: Call,
    concurrency: usize,
}

impl Workload {
    fn label(&self) -> String {
        let call = match self.call {
            Call::GetPage => "GET one page (~2 KB)",
            Call::ListPage => "list, first page (50 pages, ~110 KB)",
        };
        match self.concurrency {
            1 => format!("{call}, sequential"),
            n => format!("{call}, {n} in flight"),
        }
    }
}

const WORKLOADS: [Workload; 3] = [
    Workload {
        call: Call::GetPage,
        concurrency: 1,
    },
    Workload {
        call: Call::ListPage,
        concurrency: 1,
    },
    Workload {
        call: Call::GetPage,
        concurrency: 8,
    },
];

/// Starts a fake holding [`PAGES`] pages (from a state file in `dir`), and both sides; the
/// plain side with reqwest's per-request `timeout` set to `plain_timeout`, if given.
async fn start_fake(
    fake_bin: &Path,
    dir: &Path,
    plain_timeout: Option<Duration>,
) -> Result<(FakeProcess, Sides)> {
    let path = dir.join("overhead-state.json");
    state_file::write(&path, PAGES)?;
    let fake = FakeProcess::start(fake_bin, &FakeConfig::unlimited().state_file(&path)).await?;
    let sides = Sides {
        client: client::intercom(fake.base_url())?,
        plain: Plain::with_timeout(fake.base_url(), plain_timeout)?,
    };
    Ok((fake, sides))
}

/// What the profiling mode measured of one side's batch.
#[derive(Debug, Clone, Copy)]
pub struct Profiled {
    /// Wall time.
    pub wall: Duration,
    /// This process's user CPU time.
    pub user: Duration,
    /// This process's system CPU time.
    pub system: Duration,
}

/// For a profiler: the last workload (one GET, 8 in flight), `requests` times through `side`
/// alone after its warm-up, so that a tool counting the whole process (the connection's
/// task and the timer driver included) counts one side.
pub async fn profile(
    fake_bin: &Path,
    dir: &Path,
    side: ProfileSide,
    requests: usize,
) -> Result<Profiled> {
    let (side, plain_timeout) = match side {
        ProfileSide::Client => (Side::Client, None),
        ProfileSide::Plain => (Side::Plain, None),
        ProfileSide::PlainTimeout => (Side::Plain, Some(PLAIN_TIMEOUT)),
    };
    let (_fake, sides) = start_fake(fake_bin, dir, plain_timeout).await?;
    let workload = WORKLOADS[2];
    sides.batch(side, workload, WARM_UP).await?;
    let (user, system) = cpu::user_and_system()?;
    let wall = sides.batch(side, workload, requests).await?.wall;
    let (user_after, system_after) = cpu::user_and_system()?;
    Ok(Profiled {
        wall,
        user: user_after.saturating_sub(user),
        system: system_after.saturating_sub(system),
    })
}

/// Measures every workload with `requests` requests per side (times its concurrency), in
/// `rounds` alternating rounds, against a fake of its own.
pub async fn run(fake_bin: &Path, dir: &Path, requests: usize, rounds: usize) -> Result<Overhead> {
    let rounds = rounds.max(1);
    let (fake, sides) = start_fake(fake_bin, dir, None).await?;
    let mut rows = Vec::new();
    let mut sent = 0;
    for workload in WORKLOADS {
        // With 8 in flight a request takes about an eighth of the time: eight times as many
        // give that workload a measured time like the others', and so a like share of the
        // machine's noise, instead of a round of a few milliseconds.
        let per_round = (requests * workload.concurrency / rounds).max(1);
        for side in [Side::Client, Side::Plain] {
            sides.batch(side, workload, WARM_UP).await?;
        }
        let mut client = Measured::default();
        let mut plain = Measured::default();
        let mut round_ratios = Vec::with_capacity(rounds);
        for round in 0..rounds {
            let order = if round.is_multiple_of(2) {
                [Side::Client, Side::Plain]
            } else {
                [Side::Plain, Side::Client]
            };
            let (mut client_round, mut plain_round) = (Measured::default(), Measured::default());
            for side in order {
                let took = sides.batch(side, workload, per_round).await?;
                match side {
                    Side::Client => client_round = took,
                    Side::Plain => plain_round = took,
                }
            }
            round_ratios.push(client_round.wall.as_secs_f64() / plain_round.wall.as_secs_f64());
            client.add(client_round);
            plain.add(plain_round);
        }
        let measured = per_round * rounds;
        sent += 2 * (WARM_UP + measured);
        rows.push(OverheadRow {
            label: workload.label(),
            requests: measured,
            client: client.wall / measured as u32,
            plain: plain.wall / measured as u32,
            client_cpu: client.cpu / measured as u32,
            plain_cpu: plain.cpu / measured as u32,
            median_round_ratio: median(&mut round_ratios),
        });
    }
    let logged = RequestStats::of(&fake.requests().await?);
    Ok(Overhead {
        rows,
        rounds,
        logged,
        sent,
    })
}

/// The median of `values` (which it sorts); NaN if empty.
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Wall and CPU time of some batches.
#[derive(Debug, Clone, Copy, Default)]
struct Measured {
    wall: Duration,
    cpu: Duration,
}

impl Measured {
    fn add(&mut self, other: Measured) {
        self.wall += other.wall;
        self.cpu += other.cpu;
    }
}

/// The side the profiling mode sends through.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ProfileSide {
    /// `intercom-client` with its defaults.
    Client,
    /// One `reqwest::Client` with the headers as defaults: figure 1's baseline.
    Plain,
    /// The same with reqwest's per-request timeout set (30 s, the client's default): not the
    /// baseline, but what having a timer at all costs.
    PlainTimeout,
}

#[derive(Debug, Clone, Copy)]
enum Side {
    Client,
    Plain,
}

struct Sides {
    client: Client,
    plain: Plain,
}

impl Sides {
    /// Sends `count` calls from `side`, `workload.concurrency` at a time.
    async fn batch(&self, side: Side, workload: Workload, count: usize) -> Result<Measured> {
        let cpu = cpu::process_time()?;
        let started = Instant::now();
        // Boxed, so each side's future is polled through its own (not inlined) function.
        let calls: Pin<Box<dyn Future<Output = Result<()>> + '_>> = match side {
            Side::Client => Box::pin(self.client_batch(workload, count)),
            Side::Plain => Box::pin(self.plain_batch(workload, count)),
        };
        calls.await?;
        Ok(Measured {
            wall: started.elapsed(),
            cpu: cpu::process_time()?.saturating_sub(cpu),
        })
    }

    // Each side is its own future type (`client_batch`, `plain_batch`), so that callgrind can
    // count one side's instructions on its own:
    // `--toggle-collect='*Sides::client_batch::{{closure}}*'` (see BENCHMARKS.md).
    async fn client_batch(&self, workload: Workload, count: usize) -> Result<()> {
        stream::iter(0..count)
            .map(|_| self.client_once(workload.call))
            .buffer_unordered(workload.concurrency)
            .try_collect::<()>()
            .await
    }

    async fn plain_batch(&self, workload: Workload, count: usize) -> Result<()> {
        stream::iter(0..count)
            .map(|_| self.plain_once(workload.call))
            .buffer_unordered(workload.concurrency)
            .try_collect::<()>()
            .await
    }

    async fn client_once(&self, call: Call) -> Result<()> {
        match call {
            Call::GetPage => {
                let page = self
                    .client
                    .external_pages()
                    .get(&ExternalPageId::new("1"))
                    .await?;
                black_box(page);
            }
            Call::ListPage => {
                let page = self.client.external_pages().list().first_page().await?;
                black_box(page);
            }
        }
        Ok(())
    }

    async fn plain_once(&self, call: Call) -> Result<()> {
        match call {
            Call::GetPage => {
                black_box(self.plain.get_page().await?);
            }
            Call::ListPage => {
                black_box(self.plain.list_first_page().await?);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&mut []).is_nan());
    }
}
