//! What goes to stdout: aligned tables and `key: value` blocks for people, JSON for programs.
//!
//! Lists stream: a [`Table`] is printed page by page as the pages arrive, its column widths
//! taken from the first page and only ever widened, so nothing is collected first. With
//! `--json`, a list is JSON Lines (one object per line) and anything else one JSON object.

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use indicatif::ProgressBar;
use serde::Serialize;

use crate::exit::{CliError, one_line};

/// Where results are printed, and how.
pub struct Output {
    json: bool,
    /// A progress bar on stderr, if one is showing: lines are printed around it.
    bar: Option<ProgressBar>,
}

impl Output {
    /// Tables for people, or JSON with `json`.
    pub fn new(json: bool) -> Self {
        Output { json, bar: None }
    }

    /// Whether to print JSON.
    pub fn json(&self) -> bool {
        self.json
    }

    /// Shows `bar` (if any) until [`finish_progress`](Self::finish_progress).
    pub fn set_progress(&mut self, bar: Option<ProgressBar>) {
        self.bar = bar;
    }

    /// The progress bar, if one is showing.
    pub fn progress(&self) -> Option<&ProgressBar> {
        self.bar.as_ref()
    }

    /// Removes the progress bar.
    pub fn finish_progress(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }

    /// One line on stdout.
    pub fn line(&self, text: &str) -> io::Result<()> {
        write_lines(self.bar.as_ref(), std::slice::from_ref(&text))
    }

    /// Several lines on stdout, at once.
    pub fn lines<S: AsRef<str>>(&self, lines: &[S]) -> io::Result<()> {
        write_lines(self.bar.as_ref(), lines)
    }

    /// `value` as one line of JSON.
    pub fn json_line<T: Serialize>(&self, value: &T) -> Result<(), CliError> {
        let text = serde_json::to_string(value)
            .map_err(|e| CliError::Output(io::Error::other(e.to_string())))?;
        Ok(self.line(&text)?)
    }

    /// `key: value` lines with the values aligned (people), or `value` as JSON (programs).
    pub fn object<T: Serialize>(
        &self,
        value: &T,
        fields: &[(&str, String)],
    ) -> Result<(), CliError> {
        if self.json {
            return self.json_line(value);
        }
        let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        let lines: Vec<String> = fields
            .iter()
            .map(|(key, value)| {
                format!("{key:<width$}  {}", one_line(value))
                    .trim_end()
                    .to_owned()
            })
            .collect();
        Ok(self.lines(&lines)?)
    }
}

/// Lines on stdout, written through the progress bar's `suspend` (if one is showing) so that
/// a bar on the same terminal is not torn.
pub fn write_lines<S: AsRef<str>>(bar: Option<&ProgressBar>, lines: &[S]) -> io::Result<()> {
    let write = || {
        let mut out = io::stdout().lock();
        for line in lines {
            writeln!(out, "{}", line.as_ref())?;
        }
        out.flush()
    };
    match bar {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// A column of a [`Table`].
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The header.
    pub title: &'static str,
    /// Longer cells are cut to this many characters, ending in `…`.
    pub max: Option<usize>,
}

impl Column {
    /// A column whose cells are never cut.
    pub const fn new(title: &'static str) -> Self {
        Column { title, max: None }
    }

    /// A column whose cells are cut at `max` characters.
    pub const fn capped(title: &'static str, max: usize) -> Self {
        Column {
            title,
            max: Some(max),
        }
    }
}

/// A table printed a batch of rows at a time.
#[derive(Debug)]
pub struct Table {
    columns: &'static [Column],
    /// `None` until the first batch (which prints the header).
    widths: Option<Vec<usize>>,
}

impl Table {
    /// A table with these columns.
    pub fn new(columns: &'static [Column]) -> Self {
        Table {
            columns,
            widths: None,
        }
    }

    /// The lines for `rows` (the header first, the first time): cells cut to their column's
    /// cap, padded to the widest cell seen so far; the last column is not padded.
    pub fn render(&mut self, rows: &[Vec<String>]) -> Vec<String> {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(self.columns)
                    .map(|(cell, column)| cut(&one_line(cell), column.max))
                    .collect()
            })
            .collect();
        let first = self.widths.is_none();
        let widths = self.widths.get_or_insert_with(|| {
            self.columns
                .iter()
                .map(|c| c.title.chars().count())
                .collect()
        });
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let mut lines = Vec::with_capacity(rows.len() + 1);
        if first {
            let header: Vec<&str> = self.columns.iter().map(|c| c.title).collect();
            lines.push(aligned(&header, widths));
        }
        for row in &rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            lines.push(aligned(&cells, widths));
        }
        lines
    }
}

/// One table line: cells padded to `widths`, two spaces apart, no trailing space.
fn aligned(cells: &[&str], widths: &[usize]) -> String {
    let mut line = String::new();
    for (n, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if n > 0 {
            line.push_str("  ");
        }
        line.push_str(cell);
        let pad = width.saturating_sub(cell.chars().count());
        line.extend(std::iter::repeat_n(' ', pad));
    }
    line.trim_end().to_owned()
}

/// `text` cut to `max` characters, the last one `…`.
fn cut(text: &str, max: Option<usize>) -> String {
    match max {
        Some(max) if text.chars().count() > max => {
            let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
            cut.push('…');
            cut
        }
        _ => text.to_owned(),
    }
}

/// A short, one-line view of an HTML body: the text a browser shows, cut to `max`
/// characters. Parsed as HTML (html5ever, through scraper): entities are decoded (`&amp;` is
/// `&`), the insides of `<script>`, `<style>` and `<template>` are not text, and control
/// characters (a decoded `&#27;` included) become spaces, so none reaches the terminal.
pub fn html_summary(html: &str, max: usize) -> String {
    use scraper::{Html, Node};

    /// Elements whose text runs on with their neighbours' (`a<b>b</b>c` is `abc`); any other
    /// element separates words.
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ];
    /// Elements whose content is not shown.
    const HIDDEN: &[&str] = &["script", "style", "template"];

    enum Step<N> {
        Node(N),
        Space,
    }

    let fragment = Html::parse_fragment(html);
    let mut text = String::with_capacity(html.len().min(max.saturating_mul(4)));
    // A stack, not recursion: a note nested thousands of elements deep must not overflow it.
    let mut stack = vec![Step::Node(fragment.tree.root())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Space => {
                text.push(' ');
                continue;
            }
            Step::Node(node) => node,
        };
        let separate = match node.value() {
            Node::Text(t) => {
                text.push_str(t);
                continue;
            }
            Node::Comment(_) | Node::Doctype(_) | Node::ProcessingInstruction(_) => continue,
            Node::Element(e) if HIDDEN.contains(&e.name()) => continue,
            Node::Element(e) => !INLINE.contains(&e.name()),
            _ => false,
        };
        if separate {
            text.push(' ');
            stack.push(Step::Space);
        }
        stack.extend(node.children().rev().map(Step::Node));
    }
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    cut(&words, Some(max))
}

/// A timestamp as people read it: `2024-01-31 09:30:00 UTC`.
pub fn time(at: impl Into<DateTime<Utc>>) -> String {
    let at: DateTime<Utc> = at.into();
    at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// An optional value, or `-`.
pub fn or_dash(value: Option<impl ToString>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column::new("ID"),
        Column::capped("TITLE", 8),
        Column::new("URL"),
    ];

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn table_aligns_pages_as_they_come_and_prints_the_header_once() {
        let mut table = Table::new(COLUMNS);
        let first = table.render(&[
            row(&["1", "Short", "https://a"]),
            row(&["22", "A rather long title", "-"]),
        ]);
        assert_eq!(
            first,
            [
                "ID  TITLE     URL",
                "1   Short     https://a",
                "22  A rathe…  -",
            ]
        );
        // A wider id widens its column from then on; the header is not repeated.
        let second = table.render(&[row(&["333", "x\ny", "https://b"])]);
        assert_eq!(second, ["333  x y       https://b"]);
    }

    #[test]
    fn html_summary_is_text_on_one_line() {
        assert_eq!(
            html_summary("<h1>Title</h1>\n<p>Some <b>bold</b> text</p>", 100),
            "Title Some bold text"
        );
        assert_eq!(html_summary("<p>abcdefghij</p>", 5), "abcd…");
    }

    #[test]
    fn html_summary_decodes_entities_and_drops_scripts_and_styles() {
        assert_eq!(
            html_summary(
                "<style>p{color:red}</style><p>Tom &amp; Jerry&nbsp;&lt;3 &#x263A;</p>\
                 <script>alert('x &amp; y')</script><template>hidden</template><!-- note -->",
                100
            ),
            "Tom & Jerry <3 \u{263a}"
        );
        assert_eq!(html_summary("a<b>b</b>c<br>d<div>e</div>", 100), "abc d e");
        // A decoded escape character would reach the terminal.
        assert_eq!(html_summary("x&#27;[31my", 100), "x [31my");
        // Not HTML at all: the text as it is.
        assert_eq!(html_summary("plain 1 < 2", 100), "plain 1 < 2");
        let deep = "<div>".repeat(5_000) + "deep";
        assert_eq!(html_summary(&deep, 100), "deep");
    }
}
