//! Errors and exit codes: every failure becomes one line on stderr, `intercom: …`, one exit
//! code per kind of failure, and with `--json` one object on stdout, `{"error": {…}}`
//! ([`CliError::to_json`]).
//!
//! | code | kind | when |
//! | --- | --- | --- |
//! | 0 | | success |
//! | 1 | `error` | any other failure: an API call failed (400, 409, 5xx, 429 after the retries), a source at `--source-url` is not an `api` source, the fake's state could not be saved |
//! | 2 | `usage` | usage or configuration: bad flags, a missing token, an invalid URL or id, a folder that does not exist. Nothing was sent |
//! | 3 | `partial_failure` | a sync ran, but some of its pages failed |
//! | 4 | `auth` | Intercom refused the token: HTTP 401 or 403 |
//! | 5 | `not_found` | Intercom answered 404: the source, page, note or contact named does not exist |
//! | 6 | `refused` | a sync's guard refused: a prune that would delete too much (or that an unreadable input could stand for), new ids that would orphan the source. Nothing was deleted |
//! | 7 | `unreachable` | no answer from the API host: connection refused, DNS, TLS, timeouts |
//! | 130 / 143 | `interrupted` | stopped by SIGINT (Ctrl-C) / SIGTERM, after the fake's state was saved |
//!
//! The codes are small and below 126, where shells report their own failures (126, 127) and
//! signals (128 + N), so a CI script can tell them apart with `case $?`.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use intercom_fake::FakeError;
use intercom_sync::SyncError;

/// Any failure without a code of its own.
pub const FAILURE: u8 = 1;

/// Usage and configuration errors: nothing was sent.
pub const USAGE: u8 = 2;

/// A sync ran, but some of its pages failed.
pub const PARTIAL_FAILURE: u8 = 3;

/// Intercom refused the token (401, 403).
pub const AUTH: u8 = 4;

/// Intercom answered 404 for the resource named.
pub const NOT_FOUND: u8 = 5;

/// A sync's guard refused a prune or new ids: nothing was deleted.
pub const REFUSED: u8 = 6;

/// The API host did not answer.
pub const UNREACHABLE: u8 = 7;

/// What kind of failure an error is: it decides the exit code, and is the `kind` of the
/// `--json` error object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Failure,
    Usage,
    PartialFailure,
    Auth,
    NotFound,
    Refused,
    Unreachable,
    Interrupted,
}

impl Kind {
    /// The name in `--json`: stable, snake_case.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Failure => "error",
            Kind::Usage => "usage",
            Kind::PartialFailure => "partial_failure",
            Kind::Auth => "auth",
            Kind::NotFound => "not_found",
            Kind::Refused => "refused",
            Kind::Unreachable => "unreachable",
            Kind::Interrupted => "interrupted",
        }
    }

    /// The exit code of every kind but `Interrupted`, whose code depends on the signal.
    fn exit_code(self) -> u8 {
        match self {
            Kind::Failure | Kind::Interrupted => FAILURE,
            Kind::Usage => USAGE,
            Kind::PartialFailure => PARTIAL_FAILURE,
            Kind::Auth => AUTH,
            Kind::NotFound => NOT_FOUND,
            Kind::Refused => REFUSED,
            Kind::Unreachable => UNREACHABLE,
        }
    }

    /// The kind of a client error.
    fn of_client(error: &intercom_client::Error) -> Kind {
        use intercom_client::Error;
        match error {
            // The client checks its input before sending anything.
            Error::InvalidInput { .. } => Kind::Usage,
            Error::Unreachable { .. } | Error::Transport { .. } | Error::Timeout { .. } => {
                Kind::Unreachable
            }
            _ => match error.status_code() {
                Some(401 | 403) => Kind::Auth,
                Some(404) => Kind::NotFound,
                _ => Kind::Failure,
            },
        }
    }
}

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

    /// What kind of failure this is; see the module docs.
    pub fn kind(&self) -> Kind {
        match self {
            CliError::Usage(_) | CliError::Fake(FakeError::StateFile { .. }) => Kind::Usage,
            CliError::Sync(SyncError::InvalidOption { .. }) => Kind::Usage,
            CliError::Client { error, .. } => Kind::of_client(error),
            CliError::Sync(error) => error.client_error().map_or(Kind::Failure, Kind::of_client),
            CliError::PagesFailed { .. } => Kind::PartialFailure,
            CliError::PruneRefused { .. }
            | CliError::PruneUnknown { .. }
            | CliError::NewIdsRefused { .. } => Kind::Refused,
            CliError::Unreachable { .. } => Kind::Unreachable,
            CliError::Interrupted { .. } => Kind::Interrupted,
            CliError::Fake(_) | CliError::Output(_) => Kind::Failure,
        }
    }

    /// The process's exit code; see the module docs.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Interrupted { code, .. } => *code,
            other => other.kind().exit_code(),
        }
    }

    /// Whether a sync's `--json` report already holds this error: the errors a sync's
    /// outcome decides are told there, so stdout stays one object.
    pub fn is_in_sync_report(&self) -> bool {
        matches!(
            self,
            CliError::PagesFailed { .. }
                | CliError::PruneRefused { .. }
                | CliError::PruneUnknown { .. }
                | CliError::NewIdsRefused { .. }
                | CliError::Unreachable { .. }
        )
    }

    /// The client's error behind this one, if a request failed.
    fn client_error(&self) -> Option<&intercom_client::Error> {
        match self {
            CliError::Client { error, .. } => Some(error),
            CliError::Sync(error) => error.client_error(),
            _ => None,
        }
    }

    /// The `--json` error object: `{"error": {"kind", "message", "exit_code"}}`, and when
    /// Intercom answered, `http_status`, `code` (Intercom's error code) and `request_id`.
    /// The message is the stderr line's, without `intercom: `; no token is in any of it (the
    /// client redacts its errors).
    pub fn to_json(&self) -> serde_json::Value {
        let mut error = serde_json::json!({
            "kind": self.kind().as_str(),
            "message": one_line(&self.to_string()),
            "exit_code": self.exit_code(),
        });
        if let Some(client) = self.client_error() {
            let fields = [
                (
                    "http_status",
                    client.status_code().map(serde_json::Value::from),
                ),
                ("code", client.code().map(serde_json::Value::from)),
                (
                    "request_id",
                    client.request_id().map(serde_json::Value::from),
                ),
            ];
            for (name, value) in fields {
                if let Some(value) = value {
                    error[name] = value;
                }
            }
        }
        serde_json::json!({ "error": error })
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

/// The process's end: nothing for success, one line on stderr otherwise, and with `json`
/// the error object on stdout (unless a sync's report already holds it).
pub fn finish(result: Result<(), CliError>, json: bool) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away; there is nobody to tell. (A sync's failed pages are not an
        // output error: they keep their exit code whatever happened to stdout.)
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            if json && !error.is_in_sync_report() {
                print_json(&error.to_json());
            }
            print_error(&error.to_string());
            ExitCode::from(error.exit_code())
        }
    }
}

/// A clap error: help and version go out as clap prints them (exit 0), anything else becomes
/// one line with exit code 2 (and with `json`, the error object on stdout).
pub fn clap(error: clap::Error, json: bool) -> ExitCode {
    use clap::error::ErrorKind;
    let message = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Nothing to do if stdout is closed.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        // `intercom` or `intercom sources` alone: clap would print the whole help.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            missing_subcommand(&error.render().to_string())
        }
        _ => clap_one_line(&error.render().to_string()),
    };
    finish(Err(CliError::Usage(message)), json)
}

/// One JSON line on stdout; a closed stdout is not worth a second error.
fn print_json(value: &serde_json::Value) {
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "{value}").and_then(|()| out.flush());
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
        assert_eq!(failed.exit_code(), PARTIAL_FAILURE);
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
        assert_eq!(refused.exit_code(), REFUSED);
        let orphaning = CliError::NewIdsRefused {
            would_create: 39,
            orphaned: 39,
            existing: 39,
        };
        assert_eq!(orphaning.exit_code(), REFUSED);
        let down = CliError::Unreachable {
            reason: "x".into(),
            failed: 1,
        };
        assert_eq!(down.exit_code(), UNREACHABLE);
        let signal = CliError::Interrupted {
            signal: "SIGTERM",
            code: 143,
            what: String::new(),
        };
        assert_eq!(
            (signal.exit_code(), signal.kind()),
            (143, Kind::Interrupted)
        );
    }

    #[test]
    fn every_code_is_distinct_and_below_what_shells_use() {
        let codes = [
            FAILURE,
            USAGE,
            PARTIAL_FAILURE,
            AUTH,
            NOT_FOUND,
            REFUSED,
            UNREACHABLE,
        ];
        let distinct: std::collections::BTreeSet<u8> = codes.into_iter().collect();
        assert_eq!(distinct.len(), codes.len());
        assert!(codes.iter().all(|&c| c > 0 && c < 126));
    }

    #[test]
    fn the_json_error_has_the_kind_message_and_code_and_no_more_than_it_knows() {
        let json = CliError::usage("sync: --source-url \"x\" is\nbad").to_json();
        assert_eq!(
            json,
            serde_json::json!({"error": {
                "kind": "usage",
                "message": "sync: --source-url \"x\" is bad",
                "exit_code": 2,
            }})
        );
    }
}
