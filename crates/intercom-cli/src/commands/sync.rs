//! `intercom sync (DIR | --jsonl FILE) --source-url URL [--page-url-prefix URL] [--dry-run]
//! [--prune] [--concurrency N] [--summary-file PATH]`: the folder (or the JSON Lines)
//! reconciled into the source, a line per page as it is decided or done, then the summary.

use std::fs::File;
use std::path::{Path, PathBuf};

use futures::StreamExt;
use futures::stream::{self, BoxStream};
use intercom_client::Client;
use intercom_sync::built::{self, BuiltOptions};
use intercom_sync::folder::{self, FolderOptions, InputError, ItemError};
use intercom_sync::jsonl::{self, JsonlOptions};
use intercom_sync::{DesiredPage, Outcome, PageReport, PlannedAction, SyncOptions, SyncReport};
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::args::SyncArgs;
use crate::exit::CliError;
use crate::output::{self, Output};
use crate::{progress, summary};

/// The folder's pages, read one file at a time as the sync pulls them (or the JSON Lines',
/// one line at a time).
type Pages = BoxStream<'static, Result<DesiredPage, ItemError>>;

/// A checked `sync`: the folder exists and every option makes sense.
pub struct Prepared {
    source_url: String,
    pages: Pages,
    options: SyncOptions,
    /// What to say when the input turns out to hold no page.
    no_page: String,
    /// `--summary-file`: opened (for appending) before anything is sent.
    summary: Option<SummaryFile>,
}

/// The file `--summary-file` names, open for appending.
struct SummaryFile {
    path: PathBuf,
    file: File,
}

impl SummaryFile {
    /// Opens (creating) `path` for appending, so that one that cannot be written is a usage
    /// error before anything is sent.
    fn open(path: &Path) -> Result<SummaryFile, CliError> {
        let file = File::options()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| {
                CliError::usage(format!(
                    "sync: --summary-file {} cannot be written: {e}",
                    path.display()
                ))
            })?;
        Ok(SummaryFile {
            path: path.to_owned(),
            file,
        })
    }

    /// Appends `markdown`; a failure names the file.
    fn append(&self, markdown: &str) -> Result<(), CliError> {
        summary::append(&self.file, markdown).map_err(|e| {
            CliError::Output(std::io::Error::new(
                e.kind(),
                format!("--summary-file {}: {e}", self.path.display()),
            ))
        })
    }
}

/// Checks the options and that the folder exists; sends nothing.
pub fn prepare(args: SyncArgs) -> Result<Prepared, CliError> {
    let options = SyncOptions::default()
        .prune(args.prune)
        .dry_run(args.dry_run)
        .force_prune(args.force_prune)
        .force_new_ids(args.force_new_ids)
        .strict(args.strict)
        .max_prune_share(f64::from(args.max_prune) / 100.0)?
        .concurrency(args.concurrency)?;
    let source_url = source_url(&args.source_url)?;
    if let Some(file) = &args.jsonl {
        let pages = jsonl_pages(file, args.prune)?;
        return Ok(Prepared {
            source_url,
            pages,
            options,
            no_page: format!("{} has no line", file.display()),
            summary: summary_file(&args)?,
        });
    }
    // clap requires one of DIR and --jsonl.
    let dir = args
        .dir
        .clone()
        .ok_or_else(|| CliError::usage("sync: give a folder (DIR) or --jsonl FILE"))?;
    let guess_built = args.layout.is_none() && args.page_url_prefix.is_none();
    if args.built || (guess_built && built::looks_built(&dir)) {
        return built_pages(&args, &dir, source_url, options);
    }
    let folder_options = folder_options(&args)?;
    let pages = folder::read_folder(dir, folder_options).map_err(|e| match e {
        // Nothing is read for the sync, so nothing is sent.
        InputError::DuplicateId { .. } | InputError::Config { .. } => {
            CliError::usage(format!("sync: {e}"))
        }
        InputError::InvalidOption {
            option: "lang",
            reason,
        } => CliError::usage(format!("sync: --lang {reason}")),
        other => CliError::usage(format!("sync: DIR {other}")),
    })?;
    // On stderr, so that a wrong guess is seen before anything is sent (stdout stays the
    // report's).
    let detected = pages.detected();
    eprintln!("intercom: sync: {detected}");
    let no_page = format!(
        "{} has no page: no .md, .mdx, .html or .htm file that is not hidden, ignored or \
         left out by the layout",
        detected.content_root.display()
    );
    Ok(Prepared {
        source_url,
        pages: stream::iter(pages).boxed(),
        options,
        no_page,
        summary: summary_file(&args)?,
    })
}

/// `--summary-file`, opened; the last check before anything is sent, so that a usage error
/// found earlier does not leave an empty file behind.
fn summary_file(args: &SyncArgs) -> Result<Option<SummaryFile>, CliError> {
    args.summary_file
        .as_deref()
        .map(SummaryFile::open)
        .transpose()
}

/// A site's build output: its published pages.
fn built_pages(
    args: &SyncArgs,
    dir: &Path,
    source_url: String,
    options: SyncOptions,
) -> Result<Prepared, CliError> {
    let flag = |flag: &'static str| {
        move |e: InputError| match e {
            InputError::InvalidOption { reason, .. } => {
                CliError::usage(format!("sync: {flag} {reason}"))
            }
            other => CliError::usage(format!("sync: {other}")),
        }
    };
    let mut built_options = BuiltOptions::default()
        .include(args.include.iter().cloned())
        .exclude(args.exclude.iter().cloned());
    if let Some(url) = &args.site_url {
        built_options = built_options.site_url(url).map_err(flag("--site-url"))?;
    }
    if let Some(lang) = &args.lang {
        built_options = built_options.lang(lang);
    }
    if let Some(css) = &args.content_selector {
        built_options = built_options.content_selector(css);
    }
    for css in &args.drop_selector {
        built_options = built_options.drop_selector(css);
    }
    let pages = built::read_built(dir, built_options).map_err(|e| match e {
        InputError::InvalidOption { option, reason } => {
            let flag = match option {
                "include" => "--include",
                "exclude" => "--exclude",
                _ => "--content-selector/--drop-selector",
            };
            CliError::usage(format!("sync: {flag} {reason}"))
        }
        InputError::Config { .. } => CliError::usage(format!("sync: {e}")),
        other => CliError::usage(format!("sync: DIR {other}")),
    })?;
    let detected = pages.detected();
    eprintln!("intercom: sync: {detected}");
    let no_page = format!(
        "{} has no page: no page in its sitemap, or no .html file, that is not left out",
        detected.root.display()
    );
    Ok(Prepared {
        source_url,
        pages: stream::iter(pages).boxed(),
        options,
        no_page,
        summary: summary_file(args)?,
    })
}

/// `--jsonl FILE` (`-`: stdin), read one line at a time as the sync pulls pages, without
/// blocking the writes in flight while it waits for input. A file that cannot be opened is a
/// usage error, before anything is sent.
fn jsonl_pages(file: &Path, prune: bool) -> Result<Pages, CliError> {
    // Only a prune needs proof that the input was not cut short.
    let options = JsonlOptions::default().require_end(prune);
    if file == Path::new("-") {
        let stdin = tokio::io::BufReader::new(tokio::io::stdin());
        return Ok(jsonl::stream_jsonl(stdin, options).boxed());
    }
    let cannot =
        |reason: String| CliError::usage(format!("sync: --jsonl {}: {reason}", file.display()));
    let opened = std::fs::File::open(file).map_err(|e| cannot(format!("cannot be opened: {e}")))?;
    // A folder opens on Unix, and would fail at its first read.
    if opened.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(cannot(
            "is a folder, not a JSON Lines file (give a folder as DIR)".into(),
        ));
    }
    let reader = tokio::io::BufReader::with_capacity(64 * 1024, tokio::fs::File::from_std(opened));
    Ok(jsonl::stream_jsonl(reader, options).boxed())
}

/// `--layout`, `--site-url`, `--page-url-prefix` (the plain layout and its site URL) and
/// `--lang` (a Hugo site's language).
fn folder_options(args: &SyncArgs) -> Result<FolderOptions, CliError> {
    // The library names its option; the user typed the flag.
    let flag = |flag: &'static str| {
        move |e: InputError| match e {
            InputError::InvalidOption { reason, .. } => {
                CliError::usage(format!("sync: {flag} {reason}"))
            }
            other => CliError::usage(format!("sync: {other}")),
        }
    };
    let mut options = FolderOptions::default();
    if let Some(prefix) = &args.page_url_prefix {
        options = options
            .url_prefix(prefix)
            .map_err(flag("--page-url-prefix"))?;
    }
    if let Some(layout) = &args.layout {
        options = options.layout(layout.parse().map_err(flag("--layout"))?);
    }
    if let Some(url) = &args.site_url {
        options = options.site_url(url).map_err(flag("--site-url"))?;
    }
    if let Some(lang) = &args.lang {
        options = options.lang(lang);
    }
    Ok(options
        .all_versions(args.all_versions)
        .run_preprocessors(args.run_preprocessors))
}

/// `--source-url`: an absolute http(s) URL with a host.
fn source_url(text: &str) -> Result<String, CliError> {
    let text = text.trim();
    match Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            Ok(text.to_owned())
        }
        _ => Err(CliError::usage(format!(
            "sync: --source-url {text:?} is not an absolute http(s) URL (e.g. https://help.example.com)"
        ))),
    }
}

impl Prepared {
    /// Runs the sync, printing each page's line as it is known (a progress spinner instead of
    /// nothing on a terminal), then the summary (with `--json`, the report, holding the error
    /// if the run failed), and appends the Markdown summary to `--summary-file`. Failed
    /// pages, a refused guard or an unreachable host make it an error.
    pub async fn run(
        self,
        client: &Client,
        out: &mut Output,
        stop: CancellationToken,
    ) -> Result<(), CliError> {
        let bar = progress::spinner("pages");
        out.set_progress(bar.clone());
        let json = out.json();
        let on_page = move |page: &PageReport| {
            if let Some(bar) = &bar {
                bar.inc(1);
                bar.set_message(page.external_id.clone());
            }
            if !json {
                // A closed stdout shows again, as an error, when the summary is written.
                let _ = output::write_lines(bar.as_ref(), &[page_line(page)]);
            }
        };
        let report = intercom_sync::sync(
            client,
            &self.source_url,
            self.pages,
            self.options.on_page(on_page).stop_on(stop),
        )
        .await;
        out.finish_progress();
        let report = match report {
            Ok(report) => report,
            Err(error) => {
                let error = CliError::from(error);
                if let Some(summary) = &self.summary
                    && let Err(lost) =
                        summary.append(&summary::render_failed(&self.source_url, &error))
                {
                    // The sync's error stays the run's (and its exit code's).
                    eprintln!("intercom: {}", crate::exit::one_line(&lost.to_string()));
                }
                return Err(error);
            }
        };
        let inputs = report
            .pages
            .iter()
            .filter(|p| p.action != PlannedAction::Delete)
            .count();
        if inputs == 0 {
            eprintln!("intercom: sync: {}", self.no_page);
        }
        // The outcome decides the exit code, whatever happens to stdout (`| head -1`).
        let outcome = outcome(&report);
        let written = if json {
            report_json(&report, outcome.as_ref().err()).and_then(|json| out.json_line(&json))
        } else {
            out.lines(&[source_line(&report), report.to_string()])
                .map_err(CliError::from)
        };
        let summarized = match &self.summary {
            Some(summary) => summary.append(&summary::render(&report, outcome.as_ref().err())),
            None => Ok(()),
        };
        outcome.and(written).and(summarized)
    }
}

/// The `--json` report: the library's, with a bad input line named by its `line` alone (its
/// name, `line N`, is no external id), and the run's `error` object when it failed.
fn report_json(
    report: &SyncReport,
    error: Option<&CliError>,
) -> Result<serde_json::Value, CliError> {
    let mut json = serde_json::to_value(report)
        .map_err(|e| CliError::Output(std::io::Error::other(e.to_string())))?;
    if let Some(pages) = json
        .get_mut("pages")
        .and_then(serde_json::Value::as_array_mut)
    {
        for page in pages
            .iter_mut()
            .filter_map(serde_json::Value::as_object_mut)
        {
            if page.contains_key("line") {
                page.remove("external_id");
            }
        }
    }
    if let Some(error) = error {
        json["error"] = error.to_json()["error"].take();
    }
    Ok(json)
}

/// The run's result as the report tells it: failed pages, or a refused prune, are an error.
fn outcome(report: &SyncReport) -> Result<(), CliError> {
    if let Some(reason) = &report.unreachable {
        return Err(CliError::Unreachable {
            reason: reason.clone(),
            failed: report.counts.failed,
        });
    }
    if let Some(refused) = report.creates_refused {
        return Err(CliError::NewIdsRefused {
            would_create: refused.would_create,
            orphaned: refused.orphaned,
            existing: refused.existing,
        });
    }
    if let Some(refused) = &report.prune_refused
        && !refused.unknown_inputs.is_empty()
    {
        return Err(CliError::PruneUnknown {
            would_delete: refused.would_delete,
            inputs: refused.unknown_inputs.clone(),
        });
    }
    if let Some(refused) = &report.prune_refused {
        return Err(CliError::PruneRefused {
            would_delete: refused.would_delete,
            existing: refused.existing,
            max_percent: (refused.max_share * 100.0).round() as u32,
        });
    }
    if report.has_failures() {
        return Err(CliError::PagesFailed {
            failed: report.counts.failed,
            retryable: report.counts.failed_retryable,
            total: report.pages.len(),
        });
    }
    Ok(())
}

/// A page's line: `create a.md`, `unchanged b.md`, `update c.md: failed: …`, and in a dry
/// run `would create a.md: "A", https://docs.example.com/a` (its title and URL, to be seen
/// before they are sent).
fn page_line(page: &PageReport) -> String {
    match page.outcome {
        Outcome::Planned => {
            let mut line = format!("would {page}");
            if let Some(title) = &page.title {
                // Debug quotes it and escapes what a terminal would act on.
                line.push_str(&format!(": {title:?}"));
            }
            match (&page.url, page.action) {
                (Some(url), _) => line.push_str(&format!(", {url}")),
                (None, PlannedAction::Delete) => {}
                (None, _) => line.push_str(", no URL"),
            }
            line
        }
        _ => page.to_string(),
    }
}

/// Which source the sync went into.
fn source_line(report: &SyncReport) -> String {
    match report.source_id {
        Some(id) if report.source_created => format!(
            "content import source {id} {} (created by this run)",
            report.source_url
        ),
        Some(id) => format!("content import source {id} {}", report.source_url),
        None => format!(
            "content import source {} does not exist yet: it would be created",
            report.source_url
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dry_run_lines_say_would() {
        let page = |outcome| PageReport::new("a.md", PlannedAction::Create, outcome);
        assert_eq!(
            page_line(&page(Outcome::Planned)),
            "would create a.md, no URL"
        );
        let about = page(Outcome::Planned).about(
            Some("A \u{1b}[31mtitle".into()),
            Some("https://docs.example.com/a".into()),
        );
        assert_eq!(
            page_line(&about),
            r#"would create a.md: "A \u{1b}[31mtitle", https://docs.example.com/a"#
        );
        let gone = PageReport::new("b.md", PlannedAction::Delete, Outcome::Planned)
            .about(None, Some("https://docs.example.com/b".into()));
        assert_eq!(
            page_line(&gone),
            "would delete b.md, https://docs.example.com/b"
        );
        assert_eq!(page_line(&page(Outcome::Done)), "create a.md");
        assert_eq!(
            page_line(&page(Outcome::failed_retryable("HTTP 500"))),
            "create a.md: failed: HTTP 500"
        );
    }

    #[test]
    fn source_urls_must_be_absolute() {
        assert!(source_url("https://help.example.com").is_ok());
        for bad in ["not-a-url", "/relative", "ftp://x.example", "mailto:a@b.c"] {
            assert!(source_url(bad).is_err(), "{bad}");
        }
    }
}
