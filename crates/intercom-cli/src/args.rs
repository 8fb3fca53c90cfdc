//! The command line, as clap parses it: global options and the subcommands.
//!
//! Nothing here derives `Debug`: the token is one of these values, and it must never be
//! printed.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use intercom_client::{ContentImportSourceStatus, Region};

/// Manage Intercom's AI Content (content import sources, external pages) and Notes, and sync a
/// folder of HTML and Markdown into Fin.
///
/// Exit codes: 0 success; 1 any other failure; 2 usage or configuration (nothing sent); 3 some
/// pages of a sync failed; 4 Intercom refused the token (401, 403); 5 not found (404); 6 a
/// sync's guard refused its prune or new ids; 7 the API host did not answer; 130, 143
/// interrupted (SIGINT, SIGTERM).
///
/// With --json, a list prints one JSON object per line (JSON Lines), anything else one object;
/// a command that fails prints {"error": {"kind", "message", "exit_code", ...}} (a sync: its
/// report, with that "error" in it).
#[derive(Parser)]
#[command(name = "intercom", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Command,
}

/// Where the global options are listed in `--help`.
const GLOBAL: &str = "Global options";

/// Options every subcommand takes (before or after it).
#[derive(Args)]
pub struct Global {
    /// Access token [default: $INTERCOM_TOKEN]. Never printed, but a command line is visible
    /// to every user of the machine (`ps`) while it runs: prefer INTERCOM_TOKEN or
    /// --token-file. Not with --fake, which uses the fake's own token.
    // Not clap's `env`: INTERCOM_TOKEN is read in `Settings::from_args`, so that with --fake it
    // is ignored (never sent) while an explicit --token is refused.
    #[arg(long, global = true, help_heading = GLOBAL, conflicts_with_all = ["fake", "token_file"])]
    pub token: Option<String>,

    /// Read the access token from this file (`-`: standard input); surrounding whitespace (the
    /// trailing newline) is dropped. Not with --fake.
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "PATH", conflicts_with = "fake")]
    pub token_file: Option<PathBuf>,

    /// Region whose API host to use [default: us].
    #[arg(long, global = true, help_heading = GLOBAL, value_enum, conflicts_with = "base_url")]
    pub region: Option<RegionArg>,

    /// Explicit API base URL: https, or http to a loopback host (a fake, a test server).
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "URL")]
    pub base_url: Option<String>,

    /// Intercom-Version to send (e.g. 2.14, Preview) [default: the client's pinned 2.14].
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "VERSION")]
    pub api_version: Option<String>,

    /// Print JSON instead of tables: one object per line for lists.
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    /// Start a fake Intercom in this process and talk to it: nothing is sent to Intercom. The
    /// fake is reached directly (never through HTTP_PROXY and the like) with its own token;
    /// INTERCOM_TOKEN is ignored.
    #[arg(long, global = true, help_heading = GLOBAL, conflicts_with_all = ["base_url", "region"])]
    pub fake: bool,

    /// Where the fake keeps its state between runs
    /// [default: $XDG_STATE_HOME/intercom/fake-state.json, else
    /// $HOME/.local/state/intercom/fake-state.json].
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "PATH", requires = "fake")]
    pub fake_state: Option<PathBuf>,

    /// Log to stderr: -v info, -vv debug, -vvv trace (requests, retries, pacing). The token is
    /// never logged.
    #[arg(short, long, global = true, help_heading = GLOBAL, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// `--region`.
#[derive(Clone, Copy, ValueEnum)]
pub enum RegionArg {
    /// United States, api.intercom.io.
    Us,
    /// Europe, api.eu.intercom.io.
    Eu,
    /// Australia, api.au.intercom.io.
    Au,
}

impl From<RegionArg> for Region {
    fn from(region: RegionArg) -> Self {
        match region {
            RegionArg::Us => Region::Us,
            RegionArg::Eu => Region::Eu,
            RegionArg::Au => Region::Au,
        }
    }
}

/// `--status` of a content import source.
#[derive(Clone, Copy, ValueEnum)]
pub enum StatusArg {
    /// In use.
    Active,
    /// Switched off.
    Deactivated,
}

impl From<StatusArg> for ContentImportSourceStatus {
    fn from(status: StatusArg) -> Self {
        match status {
            StatusArg::Active => ContentImportSourceStatus::Active,
            StatusArg::Deactivated => ContentImportSourceStatus::Deactivated,
        }
    }
}

/// The subcommands.
#[derive(Subcommand)]
pub enum Command {
    /// Content import sources: where external pages come from.
    #[command(subcommand)]
    Sources(SourcesCommand),

    /// External pages: the content Fin answers from.
    #[command(subcommand)]
    Pages(PagesCommand),

    /// Notes on contacts and companies.
    #[command(subcommand)]
    Notes(NotesCommand),

    /// Reconcile a folder of .html/.htm/.md files (or JSON Lines, --jsonl) into a content import
    /// source: create what is new, update what changed, skip what did not, and (with --prune)
    /// delete what is gone.
    Sync(SyncArgs),

    /// Print the completion script for a shell, e.g. `intercom completions bash >
    /// ~/.local/share/bash-completion/completions/intercom`. Needs no token; sends nothing.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `intercom sources …`
#[derive(Subcommand)]
pub enum SourcesCommand {
    /// List every source (all pages of the list, streamed).
    List {
        /// Stop after this many sources.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
    },
    /// Show one source.
    Get {
        /// The source's id (an integer).
        #[arg(value_parser = source_id)]
        id: i64,
    },
    /// Create a source synced through the API (creates a duplicate if one exists: see ensure).
    Create {
        /// The URL of the root of the source.
        url: String,
        /// Whether the source is in use [default: Intercom's, active].
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
    },
    /// Change a source's URL or status.
    Update {
        /// The source's id (an integer).
        #[arg(value_parser = source_id)]
        id: i64,
        /// The source's URL.
        #[arg(long)]
        url: String,
        /// Whether the source is in use.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Set the source's audiences to these (repeat for several); left out, they stay.
        #[arg(long = "audience", value_name = "ID")]
        audience: Vec<i64>,
        /// Remove every audience of the source.
        #[arg(long, conflicts_with = "audience")]
        clear_audience: bool,
        /// Apply the new audiences to the source's existing pages too, not only new ones.
        #[arg(long)]
        apply_to_existing: bool,
    },
    /// Delete a source and every external page imported from it.
    Delete {
        /// The source's id (an integer).
        #[arg(value_parser = source_id)]
        id: i64,
    },
    /// Show the source at URL, creating it if there is none (never a duplicate).
    Ensure {
        /// The URL of the root of the source.
        url: String,
    },
}

/// `intercom pages …`
#[derive(Subcommand)]
pub enum PagesCommand {
    /// List external pages (all pages of the list, streamed).
    List {
        /// Keep only the pages of this source.
        #[arg(long, value_name = "ID", value_parser = source_id)]
        source: Option<i64>,
        /// Stop after this many pages.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
    },
    /// Show one page, HTML included.
    Get {
        /// The page's id.
        #[arg(value_parser = non_empty_id)]
        id: String,
    },
    /// Create a page, or update the source's page with the same external id.
    Upsert(UpsertArgs),
    /// Replace an existing page's title, HTML and URL.
    Update(UpdateArgs),
    /// Delete a page: it leaves the content library and Fin's answers.
    Delete {
        /// The page's id.
        #[arg(value_parser = non_empty_id)]
        id: String,
    },
}

/// `intercom pages upsert`
#[derive(Args)]
pub struct UpsertArgs {
    /// The page's source (an integer id).
    #[arg(long, value_name = "ID", value_parser = source_id)]
    pub source: i64,
    /// The page's id in its source.
    #[arg(long, value_name = "X")]
    pub external_id: String,
    /// The title Fin shows.
    #[arg(long)]
    pub title: String,
    #[command(flatten)]
    pub html: HtmlArgs,
    /// The URL Fin links to (without one, Fin does not cite the page).
    #[arg(long)]
    pub url: Option<String>,
}

/// `intercom pages update`
#[derive(Args)]
pub struct UpdateArgs {
    /// The page's id.
    #[arg(value_parser = non_empty_id)]
    pub id: String,
    /// Move the page to this source (an integer id).
    #[arg(long, value_name = "ID", value_parser = source_id)]
    pub source: Option<i64>,
    /// The title Fin shows.
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub html: NewHtmlArgs,
    /// The URL Fin links to.
    #[arg(long)]
    pub url: Option<String>,
    /// A new id in its source.
    #[arg(long, value_name = "X")]
    pub external_id: Option<String>,
}

/// The page's HTML, given inline or in a file.
#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct HtmlArgs {
    /// The body, in HTML.
    #[arg(long, value_name = "H")]
    pub html: Option<String>,
    /// A file holding the body, in HTML (UTF-8).
    #[arg(long, value_name = "F")]
    pub html_file: Option<PathBuf>,
}

/// A new HTML body for an update, inline or in a file; neither keeps the current one.
#[derive(Args)]
#[group(required = false, multiple = false)]
pub struct NewHtmlArgs {
    /// The new body, in HTML.
    #[arg(long, value_name = "H")]
    pub html: Option<String>,
    /// A file holding the new body, in HTML (UTF-8).
    #[arg(long, value_name = "F")]
    pub html_file: Option<PathBuf>,
}

/// `intercom notes …`
#[derive(Subcommand)]
pub enum NotesCommand {
    /// List a contact's or a company's notes (all pages of the list, streamed).
    List {
        /// The contact's id.
        #[arg(value_parser = non_empty_id, required_unless_present = "company", conflicts_with = "company")]
        contact_id: Option<String>,
        /// A company's notes instead (API version 2.15 or later, which is sent for it).
        #[arg(long, value_name = "ID", value_parser = non_empty_id)]
        company: Option<String>,
        /// Stop after this many notes.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
    },
    /// Add a note to a contact or a company.
    Create {
        /// The contact's id.
        #[arg(value_parser = non_empty_id, required_unless_present = "company", conflicts_with = "company")]
        contact_id: Option<String>,
        /// Add it to a company instead (API version 2.16 or later, which is sent for it).
        #[arg(long, value_name = "ID", value_parser = non_empty_id)]
        company: Option<String>,
        /// The note's text.
        #[arg(long, value_name = "B")]
        body: String,
        /// The admin to attribute the note to (digits are sent as a number, as in the API
        /// reference; anything else as text).
        #[arg(long, value_name = "A", value_parser = non_empty_id)]
        admin_id: Option<String>,
    },
    /// Show one note.
    Get {
        /// The note's id.
        #[arg(value_parser = non_empty_id)]
        note_id: String,
    },
}

/// `intercom sync`
#[derive(Args)]
pub struct SyncArgs {
    /// The folder: .html/.htm files as they are, .md converted; external id = relative path.
    #[arg(required_unless_present = "jsonl")]
    pub dir: Option<PathBuf>,
    /// Read the pages from a JSON Lines file instead of a folder (`-`: stdin), one page per
    /// line: external_id, title, html or markdown, and optionally url, ai_agent_availability,
    /// ai_copilot_availability. A bad line is reported by its number and never sent.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["dir", "page_url_prefix"])]
    pub jsonl: Option<PathBuf>,
    /// The content import source to sync into, found by URL or created.
    #[arg(long, value_name = "URL")]
    pub source_url: String,
    /// The plain layout with this site URL: page URL = this prefix + the file's relative path,
    /// extension included [default: pages get no URL].
    #[arg(long, value_name = "URL", conflicts_with_all = ["site_url", "layout"])]
    pub page_url_prefix: Option<String>,
    /// Where DIR's pages are published; each page's URL is under it, as its layout publishes
    /// it, and relative links become absolute [default: the layout's config file's
    /// site_url/baseURL, else pages get no URL].
    #[arg(long, value_name = "URL", conflicts_with = "jsonl")]
    pub site_url: Option<String>,
    /// How DIR is published: docusaurus, mkdocs, hugo, mdbook or plain [default: detected
    /// from DIR's config file (docusaurus.config.*, mkdocs.yml, hugo.toml|yaml|json or
    /// config.toml, book.toml), else plain].
    #[arg(long, value_name = "LAYOUT", conflicts_with = "jsonl", value_parser = ["docusaurus", "mkdocs", "hugo", "mdbook", "plain"])]
    pub layout: Option<String>,
    /// Print the plan; send no write.
    #[arg(long)]
    pub dry_run: bool,
    /// DIR is a site's build output (public/, site/, build/, book/, _build/html …): sync the
    /// pages it publishes, from its sitemap (else every .html file), main content only
    /// [default: when DIR holds an index.html and no Markdown].
    #[arg(long, conflicts_with_all = ["jsonl", "layout", "page_url_prefix"])]
    pub built: bool,
    /// The language to sync (`en`, `fr` …), for a built site or Hugo sources [default: the
    /// built home page's; Hugo's language of DIR, else its defaultContentLanguage].
    #[arg(long, value_name = "LANG", conflicts_with = "jsonl")]
    pub lang: Option<String>,
    /// Docusaurus sources: also sync the docs versions the site does not show by default,
    /// each under its path (`next/` for the unreleased `docs/`, `1.0/` …), ids prefixed so.
    #[arg(long, conflicts_with_all = ["jsonl", "built"])]
    pub all_versions: bool,
    /// mdBook sources: run the book's own preprocessors (`[preprocessor.<name>]` in
    /// book.toml), as `mdbook build` does: the commands book.toml names, in the book's folder.
    #[arg(long, conflicts_with_all = ["jsonl", "built"])]
    pub run_preprocessors: bool,
    /// Built site: only pages whose path matches this glob (`/docs/**`); repeatable. A listing
    /// page (tags, archives, search, pagination) is taken only when a glob names it.
    #[arg(long, value_name = "GLOB", conflicts_with = "jsonl")]
    pub include: Vec<String>,
    /// Built site: leave out pages whose path matches this glob; repeatable.
    #[arg(long, value_name = "GLOB", conflicts_with = "jsonl")]
    pub exclude: Vec<String>,
    /// Built site: the CSS selector of a page's main content, for a theme of one's own.
    #[arg(long, value_name = "CSS", conflicts_with = "jsonl")]
    pub content_selector: Option<String>,
    /// Built site: a CSS selector of elements to leave out of the content; repeatable.
    #[arg(long, value_name = "CSS", conflicts_with = "jsonl")]
    pub drop_selector: Vec<String>,
    /// Delete the source's pages whose files are gone. A file, folder or link that exists but
    /// cannot be read keeps its page; when its external id cannot be known without reading
    /// it (front matter may set any), the prune is refused and deletes nothing.
    #[arg(long)]
    pub prune: bool,
    /// The most a prune may delete, in percent of the source's pages; a prune that would
    /// delete more, or every page, is refused and deletes nothing.
    #[arg(long, value_name = "PERCENT", default_value_t = 50, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub max_prune: u8,
    /// Let a prune delete any share of the source's pages, every page included.
    #[arg(long, requires = "prune")]
    pub force_prune: bool,
    /// Send the input's pages even when their ids are new to a source whose pages they would
    /// leave behind (more than --max-prune of them): without it such a run sends nothing,
    /// since a changed layout or content folder would hold every page twice.
    #[arg(long)]
    pub force_new_ids: bool,
    /// Fail, instead of sending, a page with something left out that could not be rendered
    /// (a generator's syntax the sync does not know): its current version is kept.
    #[arg(long)]
    pub strict: bool,
    /// Writes in flight at once (at least 1).
    #[arg(long, value_name = "N", default_value_t = intercom_sync::DEFAULT_CONCURRENCY)]
    pub concurrency: usize,
    /// Append a Markdown summary of the run to this file (created if missing): the counts and
    /// a table of the pages created, updated, deleted, skipped and failed, with their URLs.
    /// For CI: `--summary-file "$GITHUB_STEP_SUMMARY"` is a GitHub Actions job summary.
    #[arg(long, value_name = "PATH")]
    pub summary_file: Option<PathBuf>,
}

/// A content import source id: a positive integer (Intercom's are).
fn source_id(text: &str) -> Result<i64, String> {
    match text.trim().parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err("a content import source id is a positive integer".into()),
    }
}

/// A page, note, contact or admin id: a string, but never an empty one (an empty path segment
/// would turn `GET /notes/{id}` into another endpoint).
fn non_empty_id(text: &str) -> Result<String, String> {
    let id = text.trim();
    if id.is_empty() {
        return Err("an id must not be empty".into());
    }
    if id.chars().any(char::is_whitespace) {
        return Err("an id has no whitespace".into());
    }
    Ok(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn ids_are_checked_by_kind() {
        assert_eq!(source_id("42"), Ok(42));
        for bad in ["abc", "0", "-3", "4.5", ""] {
            assert!(source_id(bad).is_err(), "{bad}");
        }
        assert_eq!(non_empty_id(" 17 ").as_deref(), Ok("17"));
        assert!(non_empty_id("  ").is_err());
        assert!(non_empty_id("a b").is_err());
    }
}
