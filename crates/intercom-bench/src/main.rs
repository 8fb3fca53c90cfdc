//! `intercom-bench`: the seven benchmark figures of `intercom-client`, `intercom-sync` and the
//! `intercom` CLI against the fake Intercom, printed as a table. Run it with `cargo xtask
//! bench`, which builds it, the fake and the CLI in release mode first; see `BENCHMARKS.md`
//! for a recorded run.
//!
//! 1. per-request overhead of the client over plain reqwest;
//! 2. a cold sync of 10,000 pages: wall time, requests, peak memory;
//! 3. a warm re-sync of the same pages: requests (reads only?) and wall time;
//! 4. a sync of 10,000 pages under a tight rate limit: throughput against the limit, 429s,
//!    failed pages;
//! 5. streaming a list of 100,000 pages: peak memory, at 10,000 and 100,000 items;
//! 6. `intercom --fake --fake-state F sync` of 1,000 and 4,000 files: wall times and their
//!    ratio (the cost of the fake's state file: linear, not quadratic);
//! 7. pacing at Intercom's default limit: 2,000 new pages, 16 in flight, by the official Node
//!    SDK's plain loop and by our cold sync, each into a fresh fake: wall times, 429s, the
//!    floor.
//!
//! The fake runs as a separate process (the release `intercom-fake` binary); each figure
//! with a peak memory runs in a child process of its own that reports its `VmHWM` (Linux
//! only). Nothing is written outside a temporary directory, removed at the end.

mod child;
mod client;
mod content;
mod cpu;
mod fake_process;
mod machine;
mod memory;
mod options;
mod report;
mod requests;
mod run;
mod scenarios;
mod state_file;
mod table;
mod units;

use std::process::ExitCode;

use clap::Parser;

/// Benchmarks of intercom-client and intercom-sync against the fake Intercom.
#[derive(Debug, Parser)]
#[command(name = "intercom-bench", version)]
struct Cli {
    #[command(flatten)]
    options: options::Options,

    /// Internal: one measured job, run by the benchmark in a child process.
    #[command(subcommand)]
    child: Option<ChildCommand>,
}

#[derive(Debug, clap::Subcommand)]
enum ChildCommand {
    /// Internal: run one job and print its result as JSON.
    #[command(hide = true, subcommand)]
    Child(child::Job),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.child {
        Some(ChildCommand::Child(job)) => child::run(job),
        None => run::all(&cli.options),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("intercom-bench: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
