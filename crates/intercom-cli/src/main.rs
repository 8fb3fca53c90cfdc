//! `intercom`: Intercom's AI Content (content import sources, external pages) and Notes from
//! the command line, and `intercom sync`, which reconciles a folder of HTML and Markdown into
//! a content import source. See the crate README for usage.
//!
//! A run goes: parse the command line, check the settings and the command (nothing is sent
//! if either is wrong), connect (starting the in-process fake with `--fake`), run, and exit
//! with 0, 1 or 2 (see `exit.rs`).

mod args;
mod commands;
mod context;
mod exit;
mod listing;
mod logging;
mod output;
mod progress;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::Cli;
use crate::context::{Context, Settings};
use crate::exit::CliError;
use crate::output::Output;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return exit::clap(error),
    };
    if let args::Command::Completions { shell } = cli.command {
        return commands::completions::print(shell);
    }
    logging::init(cli.global.verbose);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            return exit::finish(Err(CliError::usage(format!(
                "cannot start the async runtime: {e}"
            ))));
        }
    };
    exit::finish(runtime.block_on(run(cli)))
}

async fn run(cli: Cli) -> Result<(), CliError> {
    let settings = Settings::from_args(&cli.global)?;
    let command = commands::prepare(cli.command)?;
    let context = Context::connect(settings).await?;
    let mut out = Output::new(cli.global.json);
    let result = command.run(&context.client, &mut out).await;
    // Stop the fake (saving its state) even if the command failed. (Were the command to
    // panic, dropping the context saves the fake's state too.)
    let closed = context.close().await;
    match (result, closed) {
        // Both failed: the command's error is the run's (its exit code too), but the lost
        // state must not go unsaid.
        (Err(error), Err(close)) => {
            let _ = writeln!(
                std::io::stderr(),
                "intercom: {}",
                exit::one_line(&close.to_string())
            );
            Err(error)
        }
        (result, closed) => result.and(closed),
    }
}
