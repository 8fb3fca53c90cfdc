//! Errors and exit codes: every failure becomes one line on stderr, `intercom: …`, and one of
//! three exit codes.
//!
//! - 0: success.
//! - 1: the work was valid but did not (fully) happen: an API call failed, or some pages of a
//!   sync failed.
//! - 2: usage or configuration: bad flags, a missing token, an invalid URL or id, a folder
//!   that does not exist. Nothing was sent.
//! - 130 / 143: stopped by SIGINT (Ctrl-C) / SIGTERM, after the fake's state was saved.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use intercom_fake::FakeError;
use intercom_sync::SyncError;

/// The exit code when an API call or some pages failed.
pub const FAILURE: u8 = 1;

/// The exit code for usage and configuration errors.
pub const USAGE: u8 = 2;

/// Why a run of `intercom` failed.
#[derive(Debug)]
pub enum CliError {
    /// The command line or the configuration is wrong; nothing was sent.
    Usage(String),
    /// A client call failed; `doing` says what it was for ("cannot get page 5").
    Client {
        doing: String,
        // Boxed: the client's error is large, and errors travel through every `?`.
        error: Box<intercom_client::Error>,
    },
    /// A sync could not run at all.
    Sync(SyncError),
    /// The in-process fake could not start or stop.
    Fake(FakeError),
    /// A sync ran, but some of its pages failed; `retryable` of them may pass on a rerun.
    PagesFailed {
        failed: usize,
        retryable: usize,
        total: usize,
    },
    /// A sync's prune would have deleted too much of the source, and deleted nothing.
    PruneRefused {
        would_delete: usize,
        existing: usize,
        max_percent: u32,
    },
    /// A sync's prune was refused, and deleted nothing: inputs that could not be read could
    /// stand for any page.
    PruneUnknown {
        would_delete: usize,
        inputs: Vec<String>,
    },
    /// A sync sent nothing: its new ids would leave most of the source's pages behind.
    NewIdsRefused {
        would_create: usize,
        orphaned: usize,
        existing: usize,
    },
    /// A sync's API host stopped answering: the writes left failed at once, nothing was
    /// deleted.
    Unreachable { reason: String, failed: usize },
    /// Writing the output failed.
    Output(io::Error),
    /// SIGINT or SIGTERM stopped the run; `what` says what became of its work.
    Interrupted {
        signal: &'static str,
        /// 130 or 143.
        code: u8,
        what: String,
    },
}

impl CliError {
    /// A usage or configuration error.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError::Usage(message.into())
    }

    /// A client call that failed while doing `doing`.
    pub fn client(doing: impl Into<String>) -> impl FnOnce(intercom_client::Error) -> Self {
        let doing = doing.into();
        move |error| CliError::Client {
            doing,
            error: Box::new(error),
        }
    }

    /// 1 or 2; see the module docs.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => USAGE,
            CliError::Interrupted { code, .. } => *code,
            // The client checks its input before sending anything.
            CliError::Client { error, .. } if is_invalid_input(error) => USAGE,
            CliError::Sync(SyncError::InvalidOption { .. }) => USAGE,
            CliError::Sync(SyncError::Source { source, .. }) if is_invalid_input(source) => USAGE,
            CliError::Fake(FakeError::StateFile { .. }) => USAGE,
            _ => FAILURE,
        }
    }

    /// Whether this is stdout closed under us (`intercom pages list | head`): not worth a
    /// message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::Client { doing, error } => match error.as_ref() {
                // Name the flag the user typed, not the client's field.
                intercom_client::Error::InvalidInput { field, reason } => {
                    write!(f, "{doing}: {} {reason}", flag_of(field))
                }
                other => write!(f, "{doing}: {other}"),
            },
            // The library names its option; the user typed the flag.
            CliError::Sync(SyncError::InvalidOption { option, reason, .. }) => {
                write!(f, "sync: {} {reason}", sync_flag_of(option))
            }
            CliError::Sync(error) => write!(f, "sync: {error}"),
            CliError::Fake(error) => write!(f, "fake Intercom: {error}"),
            CliError::PagesFailed {
                failed,
                retryable,
                total,
            } => {
                write!(
                    f,
                    "sync: {failed} of {total} pages failed (see the lines marked `failed`)"
                )?;
                let permanent = failed - retryable;
                match (*retryable, permanent) {
                    (0, _) => write!(
                        f,
                        "; a rerun will not fix them: fix the files or the input first"
                    ),
                    (_, 0) => write!(f, "; run the same command again to retry them"),
                    (r, p) => write!(
                        f,
                        "; {r} may pass on a rerun of the same command, {p} will not until the files or the input are fixed"
                    ),
                }
            }
            CliError::PruneRefused {
                would_delete,
                existing,
                max_percent,
            } => write!(
                f,
                "sync: --prune would delete {would_delete} of the source's {existing} pages \
                 (every page, or more than --max-prune {max_percent}%), so nothing was deleted; \
                 check the folder and --source-url, or pass --force-prune"
            ),
            CliError::PruneUnknown {
                would_delete,
                inputs,
            } if inputs
                .iter()
                .any(|i| i == intercom_sync::jsonl::END_OF_INPUT) =>
            {
                write!(
                    f,
                    "sync: --prune would delete {would_delete} {}, but the JSON Lines input has no \
                 end line, so it may have been cut short: nothing was deleted; end the input \
                 with the line {{\"end\": true, \"count\": N}}, N its number of page lines",
                    if *would_delete == 1 { "page" } else { "pages" }
                )
            }
            CliError::PruneUnknown {
                would_delete,
                inputs,
            } => {
                let shown: Vec<String> = inputs
                    .iter()
                    .take(5)
                    .map(|i| intercom_sync::escape_controls(i).into_owned())
                    .collect();
                let more = match inputs.len().saturating_sub(shown.len()) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                let pages = if *would_delete == 1 { "page" } else { "pages" };
                write!(
                    f,
                    "sync: --prune would delete {would_delete} {pages}, but {}{more} could not be \
                     read and could set any external id, so nothing was deleted; fix or remove \
                     them (or list them in .intercomignore) and run again",
                    shown.join(", ")
                )
            }
            CliError::NewIdsRefused {
                would_create,
                orphaned,
                existing,
            } => write!(
                f,
                "sync: the input has {would_create} pages the source does not, and lacks \
                 {orphaned} of its {existing} pages: the external ids changed (another layout, \
                 content folder or config?), so nothing was sent; check DIR and --layout, or \
                 pass --force-new-ids"
            ),
            CliError::Unreachable { reason, failed } => write!(
                f,
                "sync: {}; {failed} {} not written and nothing was deleted: run the same \
                 command again once it answers",
                one_line(reason),
                if *failed == 1 {
                    "page was"
                } else {
                    "pages were"
                }
            ),
            CliError::Output(error) => write!(f, "cannot write the output: {error}"),
            CliError::Interrupted { signal, what, .. } => {
                write!(f, "interrupted by {signal}: stopped sending; {what}")
            }
        }
    }
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> Self {
        CliError::Output(error)
    }
}

impl From<SyncError> for CliError {
    fn from(error: SyncError) -> Self {
        CliError::Sync(error)
    }
}

impl From<FakeError> for CliError {
    fn from(error: FakeError) -> Self {
        CliError::Fake(error)
    }
}

fn is_invalid_input(error: &intercom_client::Error) -> bool {
    matches!(error, intercom_client::Error::InvalidInput { .. })
}

/// The command-line spelling of a client field.
fn flag_of(field: &str) -> String {
    match field {
        "base_url" => "--base-url".into(),
        "token" => "--token".into(),
        "INTERCOM_TOKEN" => "INTERCOM_TOKEN".into(),
        "title" => "--title".into(),
        "html" => "--html".into(),
        "url" => "URL".into(),
        "external_id" => "--external-id".into(),
        "body" => "--body".into(),
        "contact_id" => "CONTACT_ID".into(),
        "id" => "ID".into(),
        other => format!("`{other}`"),
    }
}

/// The command-line spelling of a sync option.
fn sync_flag_of(option: &str) -> String {
    match option {
        "concurrency" => "--concurrency".into(),
        other => format!("`{other}`"),
    }
}

/// The process's end: nothing for success, one line on stderr otherwise.
pub fn finish(result: Result<(), CliError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away; there is nobody to tell. (A sync's failed pages are not an
        // output error: they keep their exit code whatever happened to stdout.)
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            print_error(&error.to_string());
            ExitCode::from(error.exit_code())
        }
    }
}

/// A clap error: help and version go out as clap prints them (exit 0), anything else becomes
/// one line with exit code 2.
pub fn clap(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Nothing to do if stdout is closed.
            let _ = error.print();
            ExitCode::SUCCESS
        }
        // `intercom` or `intercom sources` alone: clap would print the whole help.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            print_error(&missing_subcommand(&error.render().to_string()));
            ExitCode::from(USAGE)
        }
        _ => {
            print_error(&clap_one_line(&error.render().to_string()));
            ExitCode::from(USAGE)
        }
    }
}

/// "no subcommand given", with the usage line of the command that needs one.
fn missing_subcommand(help: &str) -> String {
    let usage = help
        .lines()
        .find_map(|line| line.trim().strip_prefix("Usage:"))
        .map(str::trim)
        .unwrap_or("intercom <COMMAND>");
    let command = usage.split(" [").next().unwrap_or("intercom");
    let command = command.trim_end_matches(" <COMMAND>");
    format!("no subcommand given (usage: {usage}); try `{command} --help`")
}

/// clap's message without its `error:` label, tips and usage, on one line.
fn clap_one_line(rendered: &str) -> String {
    let mut parts = Vec::new();
    for line in rendered.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if line.is_empty() || line.starts_with("tip:") {
            continue;
        }
        parts.push(line.strip_prefix("error:").unwrap_or(line).trim());
    }
    let message = parts.join(" ");
    if message.is_empty() {
        "invalid command line; try `intercom --help`".into()
    } else {
        format!("{message}; try `intercom --help`")
    }
}

/// `intercom: <message>` on stderr, with any line break inside turned into a space.
fn print_error(message: &str) {
    // With stderr gone too, the exit code is all that is left to say it.
    let _ = writeln!(io::stderr(), "intercom: {}", one_line(message));
}

/// Control characters (line breaks above all) become spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    use crate::args::Cli;

    fn parse_error(args: &[&str]) -> String {
        match Cli::try_parse_from(args) {
            Ok(_) => panic!("{args:?} parsed"),
            Err(e) => clap_one_line(&e.render().to_string()),
        }
    }

    #[test]
    fn clap_errors_become_one_line_naming_the_problem() {
        let region = parse_error(&["intercom", "--region", "mars", "sources", "list"]);
        assert!(
            region.contains("mars") && region.contains("--region"),
            "{region}"
        );
        let missing = parse_error(&["intercom", "sync", "dir"]);
        assert!(missing.contains("--source-url"), "{missing}");
        let unknown = parse_error(&["intercom", "frobnicate"]);
        assert!(unknown.contains("frobnicate"), "{unknown}");
        for message in [region, missing, unknown] {
            assert!(!message.contains('\n') && !message.starts_with("error"));
        }
    }

    #[test]
    fn a_missing_subcommand_is_one_line() {
        for (args, command) in [
            (&["intercom"][..], "intercom"),
            (&["intercom", "sources"][..], "intercom sources"),
        ] {
            let Err(e) = Cli::try_parse_from(args) else {
                panic!("{args:?} parsed")
            };
            let message = missing_subcommand(&e.render().to_string());
            assert!(
                message.contains(&format!("`{command} --help`")),
                "{message}"
            );
            assert!(!message.contains('\n'));
        }
    }

    #[test]
    fn exit_codes() {
        assert_eq!(CliError::usage("x").exit_code(), USAGE);
        let invalid = intercom_client::NewNote::new("").validate().unwrap_err();
        let err = CliError::client("cannot create the note")(invalid);
        assert_eq!(err.exit_code(), USAGE);
        assert_eq!(
            err.to_string(),
            "cannot create the note: --body must not be empty"
        );
        let failed = CliError::PagesFailed {
            failed: 1,
            retryable: 0,
            total: 3,
        };
        assert_eq!(failed.exit_code(), FAILURE);
        assert!(failed.to_string().contains("a rerun will not fix them"));
        let option = intercom_sync::SyncOptions::default()
            .concurrency(0)
            .unwrap_err();
        let option = CliError::from(option);
        assert_eq!(option.exit_code(), USAGE);
        assert_eq!(
            option.to_string(),
            "sync: --concurrency must be at least 1, not 0"
        );
        let refused = CliError::PruneRefused {
            would_delete: 39,
            existing: 39,
            max_percent: 50,
        };
        assert_eq!(refused.exit_code(), FAILURE);
    }
}
