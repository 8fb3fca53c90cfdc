//! `intercom`: Intercom's AI Content (content import sources, external pages) and Notes from
//! the command line, and `intercom sync`, which reconciles a folder of HTML and Markdown into
//! a content import source. See the crate README for usage.
//!
//! A run goes: parse the command line, check the settings and the command (nothing is sent
//! if either is wrong), connect (starting the in-process fake with `--fake`), run, and exit
//! with the code of what happened (see `exit.rs`).

mod args;
mod commands;
mod context;
mod exit;
mod listing;
mod logging;
mod output;
mod progress;
mod summary;

use std::io::Write;
use std::process::ExitCode;
use tokio_util::sync::CancellationToken;

use clap::Parser;

use crate::args::Cli;
use crate::context::{Context, Settings};
use crate::exit::CliError;
use crate::output::Output;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // The command line did not parse, so `--json` is looked for as a word of it.
        Err(error) => return exit::clap(error, std::env::args_os().any(|a| a == "--json")),
    };
    let json = cli.global.json;
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
            return exit::finish(
                Err(CliError::usage(format!(
                    "cannot start the async runtime: {e}"
                ))),
                json,
            );
        }
    };
    exit::finish(runtime.block_on(run(cli)), json)
}

async fn run(cli: Cli) -> Result<(), CliError> {
    // Both would read standard input: the token would be taken as a page, or the pages as
    // the token.
    if let args::Command::Sync(sync) = &cli.command
        && cli.global.token_file.as_deref() == Some(std::path::Path::new("-"))
        && sync.jsonl.as_deref() == Some(std::path::Path::new("-"))
    {
        return Err(CliError::usage(
            "--token-file - and --jsonl - both read standard input: give one of them a file",
        ));
    }
    let settings = Settings::from_args(&cli.global)?;
    let command = commands::prepare(cli.command)?;
    let context = Context::connect(settings).await?;
    // From here Ctrl-C and SIGTERM no longer kill the process at once: the fake's state is
    // saved first (see `interrupted`).
    let mut signals = Signals::listen()?;
    let mut out = Output::new(cli.global.json);
    let stop = CancellationToken::new();
    let stops_cleanly = command.stops_cleanly();
    let ended = {
        let run = command.run(&context.client, &mut out, stop.clone());
        tokio::pin!(run);
        tokio::select! {
            result = &mut run => Ok(result),
            signal = signals.next() => {
                // A sync stops sending, lets its writes in flight finish (within a bound)
                // and prints its partial summary; any other command is dropped: nothing
                // more is sent, and a request in flight is abandoned.
                stop.cancel();
                if stops_cleanly {
                    tokio::select! {
                        _ = &mut run => {}
                        () = tokio::time::sleep(STOP_GRACE) => {}
                        _ = signals.next() => {}
                    }
                }
                Err(signal)
            }
        }
    };
    let result = match ended {
        Ok(result) => result,
        Err(signal) => {
            out.finish_progress();
            return interrupted(context, signal, &mut signals).await;
        }
    };
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

/// How long a stopped sync may take to finish the writes it has in flight: a write's own
/// attempts are bounded by the client's deadline, but a run must end soon after Ctrl-C.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// After SIGINT or SIGTERM: the fake (if any) stopped and its state saved, then the run ends
/// with 130 or 143 and one line. A second signal during the save ends the process at once
/// (the state file then holds its last background save: files are replaced whole, never
/// half-written).
async fn interrupted(
    context: Context,
    signal: Signal,
    signals: &mut Signals,
) -> Result<(), CliError> {
    let fake_state = context.fake_state().map(std::path::Path::to_path_buf);
    let closed = tokio::select! {
        closed = context.close() => closed,
        again = signals.next() => {
            let _ = writeln!(
                std::io::stderr(),
                "intercom: interrupted by {} again: stopped without saving the fake's state",
                again.name()
            );
            std::process::exit(i32::from(again.exit_code()));
        }
    };
    let what = match (fake_state, closed) {
        (Some(path), Ok(())) => format!("the fake's state is saved in {}", path.display()),
        (Some(_), Err(e)) => format!("{e}"),
        (None, _) => "writes in flight may or may not have been applied; run the same command again to finish"
            .to_owned(),
    };
    Err(CliError::Interrupted {
        signal: signal.name(),
        code: signal.exit_code(),
        what,
    })
}

/// Which signal ended the run.
#[derive(Clone, Copy)]
#[cfg_attr(not(unix), allow(dead_code))]
enum Signal {
    Interrupt,
    Terminate,
}

impl Signal {
    fn name(self) -> &'static str {
        match self {
            Signal::Interrupt => "SIGINT",
            Signal::Terminate => "SIGTERM",
        }
    }

    /// 128 + the signal's number, as a shell reports a process killed by it.
    fn exit_code(self) -> u8 {
        match self {
            Signal::Interrupt => 130,
            Signal::Terminate => 143,
        }
    }
}

/// SIGINT (Ctrl-C) and SIGTERM, caught instead of killing the process.
#[cfg(unix)]
struct Signals {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl Signals {
    fn listen() -> Result<Signals, CliError> {
        use tokio::signal::unix::{SignalKind, signal};

        let listen = |kind| {
            signal(kind)
                .map_err(|e| CliError::usage(format!("cannot listen for Ctrl-C and SIGTERM: {e}")))
        };
        Ok(Signals {
            interrupt: listen(SignalKind::interrupt())?,
            terminate: listen(SignalKind::terminate())?,
        })
    }

    /// The next signal.
    async fn next(&mut self) -> Signal {
        tokio::select! {
            _ = self.interrupt.recv() => Signal::Interrupt,
            _ = self.terminate.recv() => Signal::Terminate,
        }
    }
}

/// Ctrl-C only, where there are no Unix signals.
#[cfg(not(unix))]
struct Signals;

#[cfg(not(unix))]
impl Signals {
    fn listen() -> Result<Signals, CliError> {
        Ok(Signals)
    }

    async fn next(&mut self) -> Signal {
        match tokio::signal::ctrl_c().await {
            Ok(()) => Signal::Interrupt,
            // Cannot listen: never interrupted, as before.
            Err(_) => std::future::pending().await,
        }
    }
}
