//! The subcommands, each in two steps: `prepare` checks the command line and sends nothing
//! (so invalid input never reaches Intercom), `run` sends and prints.

pub mod completions;
mod notes;
mod pages;
mod sources;
mod sync;

use intercom_client::Client;
use tokio_util::sync::CancellationToken;

use crate::args::Command;
use crate::exit::CliError;
use crate::output::Output;

/// A checked command, ready to run.
pub enum Prepared {
    Sources(sources::Prepared),
    Pages(pages::Prepared),
    Notes(notes::Prepared),
    Sync(sync::Prepared),
}

/// Checks `command`; sends nothing.
pub fn prepare(command: Command) -> Result<Prepared, CliError> {
    Ok(match command {
        Command::Sources(c) => Prepared::Sources(sources::prepare(c)?),
        Command::Pages(c) => Prepared::Pages(pages::prepare(c)?),
        Command::Notes(c) => Prepared::Notes(notes::prepare(c)?),
        Command::Sync(c) => Prepared::Sync(sync::prepare(c)?),
        // `main` prints completions before any setting is read; this arm is never reached.
        Command::Completions { .. } => {
            return Err(CliError::usage(
                "`completions` sends nothing: it is handled before connecting",
            ));
        }
    })
}

impl Prepared {
    /// Sends the command and prints the result. A command that [stops
    /// cleanly](Self::stops_cleanly) ends early once `stop` is cancelled.
    pub async fn run(
        self,
        client: &Client,
        out: &mut Output,
        stop: CancellationToken,
    ) -> Result<(), CliError> {
        match self {
            Prepared::Sources(p) => p.run(client, out).await,
            Prepared::Pages(p) => p.run(client, out).await,
            Prepared::Notes(p) => p.run(client, out).await,
            Prepared::Sync(p) => p.run(client, out, stop).await,
        }
    }

    /// Whether the command, stopped, finishes what it has in flight and reports (a sync);
    /// the others are simply dropped.
    pub fn stops_cleanly(&self) -> bool {
        matches!(self, Prepared::Sync(_))
    }
}
