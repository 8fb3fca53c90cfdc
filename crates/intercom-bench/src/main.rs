//! `intercom-bench`: the benchmark figures measured over whole runs, against the release
//! `intercom-fake` binary started as its own process, each printed as a Markdown table. Run it
//! with `cargo xtask bench`, which builds it and the fake in release mode and runs the
//! per-request overhead first (`benches/overhead.rs`); see `BENCHMARKS.md`.
//!
//! Each figure with a peak memory runs its job in a child process of its own that reports its
//! `VmHWM` (Linux only). Nothing is written outside a temporary directory, removed at the end.

mod built_site;
mod child;
mod cold_sync;
mod content;
mod fake;
mod measure;
mod stream;

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

/// Benchmarks of intercom-client and intercom-sync against the fake Intercom.
#[derive(Debug, Parser)]
#[command(name = "intercom-bench", version)]
struct Cli {
    /// Run only these figures (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<Figure>,

    /// The cold sync: pages, for both our sync and the Node SDK's loop.
    #[arg(long, default_value_t = 2_000)]
    sync_pages: usize,

    /// The cold sync: calls in flight, for both.
    #[arg(long, default_value_t = 16)]
    sync_concurrency: usize,

    /// Streaming: pages in the listed fake.
    #[arg(long, default_value_t = 100_000)]
    stream_pages: usize,

    /// Streaming: the shorter stream the whole list's peak memory is compared with.
    #[arg(long, default_value_t = 10_000)]
    stream_checkpoint: usize,

    /// Built site: pages of each generated site.
    #[arg(long, value_delimiter = ',', default_values_t = [1_000, 10_000])]
    built_pages: Vec<usize>,

    /// Internal: one measured job, in a child process.
    #[command(subcommand)]
    child: Option<ChildCommand>,
}

#[derive(Debug, Clone, Copy, PartialEq, clap::ValueEnum)]
enum Figure {
    /// The per-request overhead: a divan benchmark that `cargo xtask bench` runs, not this binary.
    Overhead,
    /// The cold sync at Intercom's limit, against the floor and the Node SDK's loop.
    Sync,
    /// Streaming a long list.
    Stream,
    /// Reading a built site.
    Built,
}

#[derive(Debug, clap::Subcommand)]
enum ChildCommand {
    #[command(hide = true, subcommand)]
    Child(child::Job),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.child {
        Some(ChildCommand::Child(job)) => child::run(job),
        None => run(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("intercom-bench: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<()> {
    let runs = |figure| cli.only.is_empty() || cli.only.contains(&figure);
    let fake_bin = fake::beside_this_exe("intercom-fake")?;
    let dir = tempfile::Builder::new()
        .prefix("intercom-bench-")
        .tempdir()
        .context("cannot create a temporary directory")?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start a tokio runtime")?;
    if runs(Figure::Sync) {
        runtime.block_on(cold_sync::run(
            &fake_bin,
            dir.path(),
            cli.sync_pages,
            cli.sync_concurrency,
        ))?;
        println!();
    }
    if runs(Figure::Stream) {
        stream::run(
            &fake_bin,
            dir.path(),
            cli.stream_pages,
            cli.stream_checkpoint,
        )?;
        println!();
    }
    if runs(Figure::Built) {
        built_site::run(dir.path(), &cli.built_pages)?;
    }
    Ok(())
}
