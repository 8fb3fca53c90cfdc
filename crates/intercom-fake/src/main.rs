//! `intercom-fake`: serves the stateful fake Intercom until it is killed.
//!
//! The first line on standard output is `listening on http://ADDR` (with the real port when
//! the port asked for is 0); logs go to standard error.
//!
//! With `--state-file`, the binary saves like the library (in the background, and a final
//! save on Ctrl-C or SIGTERM; a failed final save exits 1) and holds the
//! file's lock while it serves: a second `intercom-fake` on the same file says so on stderr
//! and waits, without listening, until the first one stops. A `kill -9` loses the changes
//! since the last background save.
//!
//! With `--initial-state FILE` the fake starts holding the records of `FILE` (the JSON of a
//! state file, or of `GET /__fake/state`), which it only reads; beside `--state-file`, it is
//! used only while the state file does not exist yet.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use intercom_fake::faults::{FaultAction, FaultParseError};
use intercom_fake::{FakeIntercom, FaultConfig, FaultRule, RateLimit};
use tracing::level_filters::LevelFilter;

/// A stateful fake of Intercom's AI Content and Notes API.
///
/// Fault syntax (see the crate README): `--fault 'POST /ai/external_pages=500,502,ok'` scripts
/// the answers to the matching requests in order; `--fault 'all=rate:0.2:500,503'` (or
/// `--fault-rate 0.2 --fault-kinds 500,503 [--fault-route ROUTE]`) faults at random, the same
/// way for the same `--seed`. Kinds: 500, 502 (HTML body), 503, 429[:SECS] (Retry-After),
/// 429_reset[:SECS] (only X-RateLimit-Reset), 429_bare (no header), drop, slow:MS; `ok` in a
/// script lets a request through.
// No `Debug`: the token must never be printed.
#[derive(Parser)]
#[command(name = "intercom-fake", version)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: SocketAddr,

    /// Bearer token to accept (or the environment variable, which `ps` does not show).
    #[arg(
        long,
        env = "INTERCOM_FAKE_TOKEN",
        hide_env_values = true,
        value_parser = clap::builder::NonEmptyStringValueParser::new()
    )]
    token: String,

    /// Seed of fault draws and request ids.
    #[arg(long, default_value_t = 0)]
    seed: u64,

    /// Requests admitted per rate-limit window.
    #[arg(long, default_value_t = RateLimit::default().requests)]
    rate_limit: u32,

    /// Length of a rate-limit window, in milliseconds.
    #[arg(long, default_value_t = 10_000)]
    rate_window_ms: u64,

    /// A fault rule, `ROUTE=STEP,STEP,…` or `ROUTE=rate:P:KIND,KIND`; repeatable, tried in order.
    #[arg(long = "fault", value_name = "RULE")]
    faults: Vec<FaultRule>,

    /// Probability (0 to 1) of a random fault on `--fault-route`; needs `--fault-kinds`.
    #[arg(long, requires = "fault_kinds")]
    fault_rate: Option<String>,

    /// Kinds drawn when `--fault-rate` fires, comma-separated (e.g. `500,503,drop`).
    #[arg(long, requires = "fault_rate")]
    fault_kinds: Option<String>,

    /// Route of `--fault-rate`: `all` or `METHOD /path` (`{id}` or `*` match a segment).
    #[arg(long, default_value = "all", requires = "fault_rate")]
    fault_route: String,

    /// Keep the state in this JSON file between runs (locked while serving: a second fake on
    /// the same file waits).
    #[arg(long)]
    state_file: Option<PathBuf>,

    /// Start holding the records of this JSON file (a state file's JSON, or
    /// `{"sources": […], "pages": […], "notes": […]}` as `GET /__fake/state` serves it); only
    /// read. Beside --state-file, used only while the state file does not exist yet.
    #[arg(long, value_name = "FILE")]
    initial_state: Option<PathBuf>,

    /// Records kept in the request log.
    #[arg(long, default_value_t = 100_000)]
    request_log_limit: usize,

    /// Bytes of each request body kept in the request log (a longer one is truncated; 0
    /// keeps none).
    #[arg(long, default_value_t = intercom_fake::DEFAULT_LOG_BODY_LIMIT)]
    request_log_body_limit: usize,

    /// The largest request body taken, in bytes (a longer one gets a 413).
    #[arg(long, default_value_t = intercom_fake::DEFAULT_REQUEST_BODY_LIMIT)]
    request_body_limit: usize,

    /// Log level on standard error: off, error, warn, info, debug, trace.
    #[arg(long, default_value = "warn")]
    log_level: LevelFilter,
}

impl Args {
    fn faults(&self) -> Result<FaultConfig, FaultParseError> {
        let mut config: FaultConfig = self.faults.iter().cloned().collect();
        if let (Some(rate), Some(kinds)) = (&self.fault_rate, &self.fault_kinds) {
            let rule: FaultRule = format!("{}=rate:{rate}:{kinds}", self.fault_route).parse()?;
            config.push(rule);
        }
        Ok(config)
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(args.log_level)
        .init();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("intercom-fake: error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), intercom_fake::FakeError> {
    let faults = args.faults()?;
    log_faults(&faults);
    let mut builder = FakeIntercom::builder()
        .addr(args.addr)
        .token(args.token)
        .seed(args.seed)
        .rate_limit(RateLimit::new(
            args.rate_limit,
            Duration::from_millis(args.rate_window_ms),
        ))
        .faults(faults)
        .request_log_limit(args.request_log_limit)
        .request_log_body_limit(args.request_log_body_limit)
        .request_body_limit(args.request_body_limit);
    if let Some(path) = args.initial_state {
        builder = builder.initial_state_file(path);
    }
    if let Some(path) = args.state_file {
        builder = builder.state_file(path).on_lock_wait(|path| {
            // A notice: if stderr is gone, waiting is still right.
            let _ = writeln!(
                std::io::stderr(),
                "intercom-fake: waiting for another fake using the state file {} to stop",
                path.display()
            );
        });
    }
    let fake = builder.start().await?;
    let mut stdout = std::io::stdout();
    // If stdout is gone there is nobody to tell; serving on is still right.
    let _ = writeln!(stdout, "listening on {}", fake.base_url());
    let _ = stdout.flush();
    stopped().await;
    fake.shutdown().await
}

fn log_faults(faults: &FaultConfig) {
    for rule in faults.rules() {
        let kind = match &rule.action {
            FaultAction::Script(_) => "script",
            FaultAction::Rate { .. } => "rate",
        };
        tracing::info!("fault rule ({kind}): {rule}");
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn stopped() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => ctrl_c.await,
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}
