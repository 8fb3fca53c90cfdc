//! `sync --summary-file PATH`: the run in Markdown, for a CI job summary (GitHub's
//! `$GITHUB_STEP_SUMMARY`): the outcome, the counts, then a table per kind of outcome with
//! each page's URL.
//!
//! GitHub refuses a step summary over 1 MiB, and a sync may touch 100,000 pages, so the text
//! is bounded: at most [`MAX_ROWS`] rows a table, cells cut at [`MAX_CELL`] characters, and
//! no further row once the text reaches [`BUDGET`] bytes. What is left out is counted
//! (`… and 12 more`).

use std::fmt::Write as _;
use std::fs::File;
use std::io::Write as _;

use intercom_sync::{Outcome, PageReport, PlannedAction, SyncReport};

use crate::exit::CliError;

/// The most rows a table shows.
pub const MAX_ROWS: usize = 100;

/// The most characters a cell shows (a URL is never cut below [`MAX_URL`]).
pub const MAX_CELL: usize = 200;

/// A longer URL is shown as cut text instead of a link.
const MAX_URL: usize = 2_000;

/// The size past which no further row is added: half of GitHub's limit, which applies to a
/// step's whole summary.
pub const BUDGET: usize = 512 * 1024;

/// The tables, in the order shown: what needs looking at first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Failed,
    Skipped,
    Created,
    Updated,
    Deleted,
}

impl Group {
    const ALL: [Group; 5] = [
        Group::Failed,
        Group::Skipped,
        Group::Created,
        Group::Updated,
        Group::Deleted,
    ];

    /// The group a page's line is in; unchanged pages are only counted.
    fn of(page: &PageReport) -> Option<Group> {
        match (&page.outcome, page.action) {
            (Outcome::Failed(_), _) => Some(Group::Failed),
            (Outcome::Skipped { .. }, _) => Some(Group::Skipped),
            (_, PlannedAction::Create) => Some(Group::Created),
            (_, PlannedAction::Update) => Some(Group::Updated),
            (_, PlannedAction::Delete) => Some(Group::Deleted),
            _ => None,
        }
    }

    fn title(self, dry_run: bool) -> &'static str {
        match (self, dry_run) {
            (Group::Failed, _) => "Failed",
            (Group::Skipped, _) => "Skipped",
            (Group::Created, false) => "Created",
            (Group::Created, true) => "Would create",
            (Group::Updated, false) => "Updated",
            (Group::Updated, true) => "Would update",
            (Group::Deleted, false) => "Deleted",
            (Group::Deleted, true) => "Would delete",
        }
    }

    /// Failed and skipped lines say why; the others give the title.
    fn header(self) -> &'static str {
        match self {
            Group::Failed | Group::Skipped => {
                "| page | action | reason | URL |\n| --- | --- | --- | --- |\n"
            }
            _ => "| page | title | URL |\n| --- | --- | --- |\n",
        }
    }

    fn row(self, page: &PageReport) -> String {
        let id = match page.line {
            Some(line) => format!("line {line}"),
            None => page.external_id.clone(),
        };
        let url = page.url.as_deref().map_or_else(|| "-".to_owned(), link);
        match self {
            Group::Failed | Group::Skipped => {
                let reason = match &page.outcome {
                    Outcome::Failed(failure) if failure.is_retryable() => {
                        format!("{failure} (a rerun may fix it)")
                    }
                    Outcome::Failed(failure) => failure.to_string(),
                    Outcome::Skipped { reason, .. } => reason.clone(),
                    _ => String::new(),
                };
                format!(
                    "| {} | {} | {} | {url} |\n",
                    cell(&id),
                    page.action,
                    cell(&reason)
                )
            }
            _ => format!(
                "| {} | {} | {url} |\n",
                cell(&id),
                cell(page.title.as_deref().unwrap_or("-"))
            ),
        }
    }
}

/// The Markdown summary of a sync that ran; `error` is how it failed, if it did.
pub fn render(report: &SyncReport, error: Option<&CliError>) -> String {
    let mut out = heading(&report.source_url, error);
    let source = match report.source_id {
        Some(id) if report.source_created => {
            format!("Content import source {id} (created by this run).")
        }
        Some(id) => format!("Content import source {id}."),
        None => "The content import source does not exist yet: it would be created.".to_owned(),
    };
    out.push_str(&source);
    if report.dry_run {
        out.push_str(" Dry run: nothing was sent; the tables show what would be done.");
    }
    if report.stopped {
        out.push_str(" Stopped before the end of the input: nothing was deleted.");
    }
    out.push_str("\n\n");
    if let Some(error) = error {
        out.push_str(&error_line(error));
    }
    let c = report.counts;
    let _ = write!(
        out,
        "| pages | created | updated | unchanged | deleted | failed | skipped |\n\
         | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
         | {} | {} | {} | {} | {} | {} | {} |\n",
        report.pages.len(),
        c.created,
        c.updated,
        c.unchanged,
        c.deleted,
        c.failed,
        c.skipped
    );
    for group in Group::ALL {
        let pages: Vec<&PageReport> = report
            .pages
            .iter()
            .filter(|p| Group::of(p) == Some(group))
            .collect();
        if pages.is_empty() {
            continue;
        }
        let title = format!("{} ({})", group.title(report.dry_run), pages.len());
        let rows = pages.iter().map(|page| group.row(page));
        table(&mut out, &title, group.header(), rows);
    }
    out
}

/// Appends a table: its title, its header and as many of `rows` as [`MAX_ROWS`] and
/// [`BUDGET`] allow, then how many were left out.
fn table(out: &mut String, title: &str, header: &str, rows: impl ExactSizeIterator<Item = String>) {
    let total = rows.len();
    let _ = write!(out, "\n#### {title}\n\n{header}");
    let mut shown = 0;
    for row in rows.take(MAX_ROWS) {
        if out.len() + row.len() > BUDGET {
            break;
        }
        out.push_str(&row);
        shown += 1;
    }
    if shown < total {
        let _ = writeln!(out, "\n… and {} more", total - shown);
    }
}

/// The Markdown summary of a sync that stopped before it could report: no source, or a
/// token Intercom refused.
pub fn render_failed(source_url: &str, error: &CliError) -> String {
    let mut out = heading(source_url, Some(error));
    out.push_str(&error_line(error));
    out
}

/// Appends `markdown` to `file`, then a blank line, so that what comes next (another step's
/// summary) starts a paragraph of its own.
pub fn append(mut file: &File, markdown: &str) -> std::io::Result<()> {
    file.write_all(markdown.as_bytes())?;
    file.write_all(b"\n")?;
    file.flush()
}

fn heading(source_url: &str, error: Option<&CliError>) -> String {
    let mark = if error.is_some() { "❌" } else { "✅" };
    format!("### {mark} intercom sync: {}\n\n", cell(source_url))
}

/// The failure, with the exit code a CI log shows.
fn error_line(error: &CliError) -> String {
    format!(
        "**Failed, exit code {} (`{}`)**: {}\n\n",
        error.exit_code(),
        error.kind().as_str(),
        escape(&cut(&error.to_string(), 4 * MAX_CELL))
    )
}

/// Text for a table cell: cut to [`MAX_CELL`] characters, on one line, with nothing that
/// Markdown or HTML would act on.
fn cell(text: &str) -> String {
    escape(&cut(text, MAX_CELL))
}

/// `text` with control characters (line breaks) as spaces, `|` escaped so it does not end a
/// cell, the characters that start Markdown markup escaped, and `<`, `>`, `&` as entities.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A URL as a link (`<https://…>`), with what would end the link or the cell
/// percent-encoded; a very long one is shown as cut text.
fn link(url: &str) -> String {
    if url.chars().count() > MAX_URL {
        return cell(url);
    }
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        match c {
            '|' => out.push_str("%7C"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// `text` cut to `max` characters, the last one `…`.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_cannot_end_its_cell_or_its_row_nor_hold_markup() {
        assert_eq!(
            cell("a | b\nc <script> `x` *y* [z](u) \\"),
            "a \\| b c &lt;script&gt; \\`x\\` \\*y\\* \\[z\\](u) \\\\"
        );
        assert_eq!(cell(&"é".repeat(300)).chars().count(), MAX_CELL);
        assert!(cell(&"é".repeat(300)).ends_with('…'));
    }

    #[test]
    fn tables_stop_at_their_row_limit_and_the_whole_at_its_budget() {
        let mut out = String::new();
        let rows = (0..150).map(|n| format!("| {n} |\n"));
        table(&mut out, "Created (150)", "| page |\n| --- |\n", rows);
        assert!(
            out.contains("| 99 |\n") && !out.contains("| 100 |"),
            "{out}"
        );
        assert!(out.ends_with("\n… and 50 more\n"), "{out}");

        // Rows of 8 KiB: the budget, not the row limit, stops them, and far below GitHub's
        // 1 MiB, even for a second table after the first.
        let mut out = String::new();
        for table_number in 0..2 {
            let rows = (0..MAX_ROWS).map(|_| format!("| {} |\n", "x".repeat(8192)));
            table(
                &mut out,
                &format!("T{table_number}"),
                "| a |\n| --- |\n",
                rows,
            );
        }
        assert!(out.len() <= BUDGET + 1024, "{}", out.len());
        let shown = out.matches("xxxx |").count();
        // The first table was cut by the budget; the second had no room for any row.
        assert!(shown < MAX_ROWS * 2 && out.len() + 8197 > BUDGET, "{shown}");
        assert!(
            out.contains(&format!("… and {} more", MAX_ROWS - shown)),
            "{shown}"
        );
        assert!(out.contains(&format!("… and {MAX_ROWS} more")));
    }

    #[test]
    fn a_link_keeps_its_target_and_cannot_end_its_cell() {
        assert_eq!(
            link("https://docs.example.com/a|b c?x=1&y=<2>"),
            "<https://docs.example.com/a%7Cb%20c?x=1&y=%3C2%3E>"
        );
        let long = format!("https://docs.example.com/{}", "a".repeat(MAX_URL));
        assert!(!link(&long).starts_with('<'));
    }
}
