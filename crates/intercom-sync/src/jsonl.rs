//! Pages from any source, as JSON Lines: one JSON object per line, one page per object.
//!
//! ```text
//! {"external_id": "returns", "title": "Returns", "html": "<p>30 days.</p>", "url": "https://help.example.com/returns"}
//! {"external_id": "shipping", "title": "Shipping", "markdown": "Two **days**.", "ai_copilot_availability": false}
//! ```
//!
//! | field | |
//! | --- | --- |
//! | `external_id` | required, a non-empty string: what the source knows the page by |
//! | `title` | required, a non-empty string |
//! | `html` or `markdown` | exactly one, a non-empty string; Markdown is rendered as the folder reader renders `.md` files (tables, footnotes, task lists, strikethrough; YAML front matter dropped) |
//! | `url` | optional, an absolute `http`/`https` URL; without it the page keeps the URL the source has for it |
//! | `ai_agent_availability`, `ai_copilot_availability` | optional booleans (the API's names); without them Intercom's values are left alone |
//!
//! `null` is the same as leaving an optional field out. Blank lines are skipped (they still
//! count for line numbers); lines may end in `\r\n`, and a UTF-8 byte order mark before the
//! first line is ignored.
//!
//! # Bad lines
//!
//! A line that is not a valid page is an [`ItemError`] named `line N` (counted from 1; N is
//! also its [`line`](ItemError#structfield.line)) whose one-line reason names the field, and
//! it is never sent. What it keeps with
//! [`SyncOptions::prune`](crate::SyncOptions::prune):
//!
//! - when its `external_id` can be read, that page ([`Covers::Page`]): `title` missing,
//!   `html` and `markdown` both given, a `url` that is not absolute, a field of the wrong
//!   type, **an unknown field** (a misspelt `ur` or `mardown` would otherwise drop a URL or
//!   a body silently), a field given twice;
//! - otherwise every page ([`Covers::All`]), so a run that meets one deletes nothing: not
//!   JSON, not an object, `external_id` missing, empty or not a string, a line longer than
//!   [`JsonlOptions::max_line_bytes`].
//!
//! An external id may be on one line only: a later line with the same id is an error naming
//! the earlier line (`external_id "faq" is already on line 2 …`), covering that page, and is
//! not sent. A read that fails midway (an I/O error) is one last error covering every page: the
//! listing is incomplete, so nothing is deleted.
//!
//! # Memory
//!
//! The input is read one line at a time as the sync pulls pages, so memory is bounded by the
//! longest line ([`DEFAULT_MAX_LINE_BYTES`] unless told otherwise), plus the external ids seen
//! so far (to report a repeated one; the sync keeps them too), never by the file. A longer line
//! is skipped without being held.
//!
//! Two readers share these rules: [`read_jsonl`] over any [`BufRead`] (an iterator, for
//! `futures::stream::iter`, as the folder reader is used), and [`stream_jsonl`] over tokio's
//! [`AsyncBufRead`] (a file, stdin, a socket), which waits for input without blocking the
//! writes in flight: use it for a pipe that may be slow.
//!
//! ```
//! use intercom_sync::Covers;
//! use intercom_sync::jsonl::{self, JsonlOptions};
//!
//! let input = concat!(
//!     r#"{"external_id": "faq", "title": "FAQ", "markdown": "Ask *us*."}"#, "\n",
//!     "\n",
//!     r#"{"external_id": "returns", "titel": "Returns", "html": "<p>30 days.</p>"}"#, "\n",
//!     r#"{"title": "No id"}"#, "\n",
//! );
//! let items: Vec<_> = jsonl::read_jsonl(input.as_bytes(), JsonlOptions::default()).collect();
//!
//! let faq = items[0].as_ref().unwrap();
//! assert_eq!((faq.external_id.as_str(), faq.html.as_str()), ("faq", "<p>Ask <em>us</em>.</p>\n"));
//!
//! let typo = items[1].as_ref().unwrap_err();
//! assert_eq!(typo.name.as_deref(), Some("line 3"));
//! assert_eq!(typo.line, Some(3));
//! assert_eq!(typo.covers, Covers::Page("returns".into()));
//! assert!(typo.reason.starts_with("unknown field `titel`"), "{}", typo.reason);
//!
//! let no_id = items[2].as_ref().unwrap_err();
//! assert_eq!(no_id.to_string(), "line 4: `external_id` is missing");
//! assert_eq!(no_id.line, Some(4));
//! assert_eq!(no_id.covers, Covers::All);
//! ```
//!
//! Into a sync, from a file, without blocking the runtime:
//!
//! ```no_run
//! use intercom_sync::SyncOptions;
//! use intercom_sync::jsonl::{self, JsonlOptions};
//!
//! # async fn run(client: intercom_client::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let file = tokio::fs::File::open("pages.jsonl").await?;
//! let pages = jsonl::stream_jsonl(tokio::io::BufReader::new(file), JsonlOptions::default());
//! let options = SyncOptions::default().prune(true);
//! let report = intercom_sync::sync(&client, "https://help.example.com", pages, options).await?;
//! println!("{report}");
//! # Ok(())
//! # }
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::io::{self, BufRead};

use futures::Stream;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use url::Url;

use crate::desired::DesiredPage;
use crate::folder::markdown_plain;
pub use crate::input::{Covers, ItemError};

/// The longest line read as a page, in bytes: 8 MiB (a 2 MiB page, the folder reader's
/// limit, fits even with every character escaped). A longer line is reported and skipped.
pub const DEFAULT_MAX_LINE_BYTES: usize = 8 * 1024 * 1024;

/// The fields a line may have; any other is an error.
const FIELDS: [&str; 7] = [
    "external_id",
    "title",
    "html",
    "markdown",
    "url",
    "ai_agent_availability",
    "ai_copilot_availability",
];

/// How JSON Lines become pages.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct JsonlOptions {
    max_line_bytes: usize,
    require_end: bool,
}

impl Default for JsonlOptions {
    fn default() -> Self {
        Self {
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            require_end: true,
        }
    }
}

/// What the report calls an input that ended without its end line.
pub const END_OF_INPUT: &str = "end of input";

impl JsonlOptions {
    /// Lines longer than this many bytes (line end excluded) are reported as errors covering
    /// every page, and never held in memory whole. Default [`DEFAULT_MAX_LINE_BYTES`].
    pub fn max_line_bytes(mut self, bytes: usize) -> Self {
        self.max_line_bytes = bytes;
        self
    }

    /// Whether an input without its end line (`{"end": true, "count": N}`) is reported as
    /// possibly cut short: a skipped item named [`END_OF_INPUT`] that covers every page, so
    /// a prune deletes nothing (default: on). Turn it off for runs that do not prune, to
    /// leave that line out of their report. An end line that is there is checked either way.
    pub fn require_end(mut self, require: bool) -> Self {
        self.require_end = require;
        self
    }
}

/// The pages of a JSON Lines input read from a [`BufRead`], one line at a time as the
/// iterator is driven; see the [module](self) for the line format and what a bad line does.
/// Pass it to a sync as `futures::stream::iter(pages)`.
///
/// Reads block: for stdin or a pipe in an async program, prefer [`stream_jsonl`].
pub fn read_jsonl<R: BufRead>(reader: R, options: JsonlOptions) -> JsonlPages<R> {
    JsonlPages {
        reader,
        lines: Lines::new(options),
        done: false,
    }
}

/// The iterator [`read_jsonl`] returns: a page, or an [`ItemError`] named `line N`, per
/// non-blank line.
pub struct JsonlPages<R> {
    reader: R,
    lines: Lines,
    done: bool,
}

impl<R> fmt::Debug for JsonlPages<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonlPages")
            .field("line", &self.lines.number)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: BufRead> Iterator for JsonlPages<R> {
    type Item = Result<DesiredPage, ItemError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match read_line(&mut self.reader, &mut self.lines.buffer) {
                Ok(true) => {
                    if let Some(item) = self.lines.parse() {
                        return Some(item);
                    }
                }
                Ok(false) => {
                    self.done = true;
                    return self.lines.finish().map(Err);
                }
                Err(error) => {
                    self.done = true;
                    return Some(Err(self.lines.read_error(&error)));
                }
            }
        }
        None
    }
}

/// The pages of a JSON Lines input read from tokio's [`AsyncBufRead`] (a
/// `tokio::io::BufReader` over a file, stdin or a socket), one line at a time as the sync
/// pulls them: waiting for a line never blocks the writes in flight. See the [module](self)
/// for the line format and what a bad line does.
pub fn stream_jsonl<R>(
    reader: R,
    options: JsonlOptions,
) -> impl Stream<Item = Result<DesiredPage, ItemError>> + Send
where
    R: AsyncBufRead + Unpin + Send,
{
    let state = Some((reader, Lines::new(options)));
    futures::stream::unfold(state, |state| async move {
        let (mut reader, mut lines) = state?;
        loop {
            match read_line_async(&mut reader, &mut lines.buffer).await {
                Ok(true) => {
                    if let Some(item) = lines.parse() {
                        return Some((item, Some((reader, lines))));
                    }
                }
                Ok(false) => return lines.finish().map(|end| (Err(end), None)),
                // Nothing after a failed read: it could fail forever.
                Err(error) => return Some((Err(lines.read_error(&error)), None)),
            }
        }
    })
}

/// One line at a time: the bytes of the current line (up to the limit) and how long it is.
struct LineBuffer {
    bytes: Vec<u8>,
    len: usize,
    started: bool,
    limit: usize,
}

impl LineBuffer {
    /// Takes what it can of the current line out of `available` (not empty); returns how many
    /// bytes it used and whether the line is complete.
    fn feed(&mut self, available: &[u8]) -> (usize, bool) {
        self.started = true;
        let (chunk, used, complete) = match available.iter().position(|&b| b == b'\n') {
            Some(end) => (&available[..end], end + 1, true),
            None => (available, available.len(), false),
        };
        self.len = self.len.saturating_add(chunk.len());
        if self.len <= self.limit {
            self.bytes.extend_from_slice(chunk);
        } else {
            // Too long: counted, not held.
            self.bytes.clear();
        }
        (used, complete)
    }

    fn reset(&mut self) {
        self.bytes.clear();
        self.len = 0;
        self.started = false;
    }
}

/// Reads the next line into `line`; `false` at the end of the input.
fn read_line<R: BufRead>(reader: &mut R, line: &mut LineBuffer) -> io::Result<bool> {
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(line.started);
        }
        let (used, complete) = line.feed(available);
        reader.consume(used);
        if complete {
            return Ok(true);
        }
    }
}

/// [`read_line`] over tokio's reader.
async fn read_line_async<R>(reader: &mut R, line: &mut LineBuffer) -> io::Result<bool>
where
    R: AsyncBufRead + Unpin,
{
    loop {
        let available = match reader.fill_buf().await {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(line.started);
        }
        let (used, complete) = line.feed(available);
        reader.consume(used);
        if complete {
            return Ok(true);
        }
    }
}

/// The lines read so far: the current one, its number, and the line each external id was on.
struct Lines {
    buffer: LineBuffer,
    number: usize,
    seen: HashMap<String, usize>,
    /// Non-blank lines before the end line: what its `count` must say.
    page_lines: u64,
    /// The end line's number, once read.
    ended: Option<usize>,
    require_end: bool,
}

impl Lines {
    fn new(options: JsonlOptions) -> Self {
        Lines {
            buffer: LineBuffer {
                bytes: Vec::new(),
                len: 0,
                started: false,
                limit: options.max_line_bytes,
            },
            number: 0,
            seen: HashMap::new(),
            page_lines: 0,
            ended: None,
            require_end: options.require_end,
        }
    }

    /// At the end of the input: the end line's absence, when it is required.
    fn finish(&self) -> Option<ItemError> {
        if self.ended.is_some() || !self.require_end {
            return None;
        }
        Some(
            ItemError::skipped(format!(
                "the input has no end line {{\"end\": true, \"count\": {}}}, so it may have been \
                 cut short (a producer that stopped midway)",
                self.page_lines
            ))
            .name(END_OF_INPUT),
        )
    }

    /// The line just read as a page, or as the error it is; `None` for a blank line.
    fn parse(&mut self) -> Option<Result<DesiredPage, ItemError>> {
        self.number += 1;
        let name = format!("line {}", self.number);
        let item = if self.buffer.len > self.buffer.limit {
            Some(Err(ItemError::failed(format!(
                "is {} bytes, more than the limit of {} bytes",
                self.buffer.len, self.buffer.limit
            ))
            .name(name)
            .line(self.number)))
        } else {
            let mut line = self.buffer.bytes.as_slice();
            if self.number == 1 {
                line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
            }
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                None
            } else if let Some(end) = self.ended {
                Some(Err(ItemError::failed(format!(
                    "comes after the end line (line {end}): the input is not what its end line says"
                ))
                .name(name)
                .line(self.number)))
            } else if let Some(end) = end_line(line) {
                match end {
                    Ok(count) if count == self.page_lines => {
                        self.ended = Some(self.number);
                        None
                    }
                    Ok(count) => Some(Err(ItemError::failed(format!(
                        "the end line counts {count} page lines, but {} came before it: lines \
                         are missing or extra",
                        self.page_lines
                    ))
                    .name(name)
                    .line(self.number))),
                    Err(reason) => {
                        Some(Err(ItemError::failed(reason).name(name).line(self.number)))
                    }
                }
            } else {
                self.page_lines += 1;
                Some(
                    page(line, self.number, &mut self.seen)
                        .map_err(|e| e.name(name).line(self.number)),
                )
            }
        };
        self.buffer.reset();
        item
    }

    /// A read that failed after the lines so far: the rest of the input is unknown.
    fn read_error(&self, error: &io::Error) -> ItemError {
        ItemError::failed(format!(
            "cannot be read: {error}; the input after line {} is unknown",
            self.number
        ))
        .name(format!("line {}", self.number + 1))
        .line(self.number + 1)
    }
}

/// A line's fields in the order written, repeats kept (so they can be reported).
struct Fields(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;

        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object (one page)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = map.next_entry::<String, Value>()? {
                    fields.push(field);
                }
                Ok(Fields(fields))
            }
        }

        deserializer.deserialize_map(FieldsVisitor)
    }
}

impl Fields {
    /// The value of `name`; an error if the line gives it twice.
    fn get(&self, name: &str) -> Result<Option<&Value>, String> {
        let mut values = self.0.iter().filter(|(key, _)| key == name);
        let first = values.next().map(|(_, value)| value);
        match values.next() {
            Some(_) => Err(format!("`{name}` is given twice")),
            None => Ok(first),
        }
    }

    /// The value of `name`, with `null` the same as leaving it out.
    fn optional(&self, name: &str) -> Result<Option<&Value>, String> {
        Ok(self.get(name)?.filter(|value| !value.is_null()))
    }

    /// A string field that must be there and not blank.
    fn required_text(&self, name: &str) -> Result<&str, String> {
        match self.get(name)? {
            None => Err(format!("`{name}` is missing")),
            Some(value) => text(name, value),
        }
    }
}

/// A string value that is not blank.
fn text<'a>(name: &str, value: &'a Value) -> Result<&'a str, String> {
    match value {
        Value::String(text) if text.trim().is_empty() => Err(format!("`{name}` is empty")),
        Value::String(text) => Ok(text),
        Value::Number(n) if name == "external_id" => Err(format!(
            "`external_id` must be a string, not a number (write \"{n}\")"
        )),
        other => Err(format!("`{name}` must be a string, not {}", kind(other))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The `count` of an end line (an object with an `end` field), or what is wrong with it;
/// `None` for any other line.
fn end_line(line: &[u8]) -> Option<Result<u64, String>> {
    let fields: Fields = serde_json::from_slice(line).ok()?;
    fields.0.iter().any(|(key, _)| key == "end").then(|| {
        let shape = "an end line is {\"end\": true, \"count\": N}, N the number of page lines";
        match fields.0.as_slice() {
            [(a, end), (b, count)] | [(b, count), (a, end)]
                if a == "end" && b == "count" && end == &Value::Bool(true) =>
            {
                count.as_u64().ok_or_else(|| shape.to_owned())
            }
            _ => Err(shape.to_owned()),
        }
    })
}

/// One non-blank line as a page. An error covers the line's page when its external id can be
/// read, every page otherwise.
fn page(
    line: &[u8],
    number: usize,
    seen: &mut HashMap<String, usize>,
) -> Result<DesiredPage, ItemError> {
    let fields: Fields =
        serde_json::from_slice(line).map_err(|e| ItemError::failed(json_error(&e)))?;
    let external_id = fields
        .required_text("external_id")
        .map_err(ItemError::failed)?
        .to_owned();
    let fail = |reason: String| {
        ItemError::failed(format!("{reason} (external_id {external_id:?})")).page(&external_id)
    };
    let page = fields_page(&fields, &external_id).map_err(fail)?;
    match seen.entry(external_id.clone()) {
        Entry::Occupied(first) => Err(fail(format!(
            "`external_id` is already on line {}: a page is one line, so this one is not sent",
            first.get()
        ))),
        Entry::Vacant(slot) => {
            slot.insert(number);
            Ok(page)
        }
    }
}

/// The page the fields describe, or the first thing wrong with them.
fn fields_page(fields: &Fields, external_id: &str) -> Result<DesiredPage, String> {
    if let Some((unknown, _)) = fields
        .0
        .iter()
        .find(|(key, _)| !FIELDS.contains(&key.as_str()))
    {
        return Err(format!(
            "unknown field `{}`; a line's fields are {}",
            crate::report::escape_controls(unknown),
            FIELDS.join(", ")
        ));
    }
    let title = fields.required_text("title")?;
    let html = match (fields.optional("html")?, fields.optional("markdown")?) {
        (Some(_), Some(_)) => return Err("has both `html` and `markdown`: give one".into()),
        (None, None) => return Err("has neither `html` nor `markdown`".into()),
        (Some(html), None) => text("html", html)?.to_owned(),
        (None, Some(markdown)) => {
            let markdown = text("markdown", markdown)?;
            // As the folder reader does: front matter is only recognised with `\n` line ends.
            let converted = if markdown.contains('\r') {
                markdown_plain(&markdown.replace("\r\n", "\n"))
            } else {
                markdown_plain(markdown)
            }
            .map_err(|e| format!("`markdown`: {e}"))?;
            let (html, _) = converted;
            if html.trim().is_empty() {
                return Err("`markdown` renders to nothing".into());
            }
            html
        }
    };
    let mut page = DesiredPage::new(external_id).title(title).html(html);
    if let Some(url) = fields.optional("url")? {
        page = page.url(absolute_url(text("url", url)?)?);
    }
    if let Some(available) = flag(fields, "ai_agent_availability")? {
        page = page.ai_agent_availability(available);
    }
    if let Some(available) = flag(fields, "ai_copilot_availability")? {
        page = page.ai_copilot_availability(available);
    }
    Ok(page)
}

/// `url`: an absolute http(s) URL with a host, sent as written (without surrounding spaces).
fn absolute_url(text: &str) -> Result<String, String> {
    let text = text.trim();
    match Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            Ok(text.to_owned())
        }
        _ => Err(format!(
            "`url` {text:?} is not an absolute http(s) URL (e.g. https://help.example.com/faq)"
        )),
    }
}

/// An optional boolean field.
fn flag(fields: &Fields, name: &str) -> Result<Option<bool>, String> {
    match fields.optional(name)? {
        None => Ok(None),
        Some(Value::Bool(available)) => Ok(Some(*available)),
        Some(other) => Err(format!(
            "`{name}` must be true or false, not {}",
            kind(other)
        )),
    }
}

/// serde_json's error without its position: a line is always its `line 1`, which would read
/// as the input's line 1.
fn json_error(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let (message, column) = match message.strip_suffix(&position) {
        Some(message) => (message, format!(" (column {})", error.column())),
        None => (message.as_str(), String::new()),
    };
    match error.classify() {
        serde_json::error::Category::Data => format!("is not a page: {message}{column}"),
        _ => format!("is not valid JSON: {message}{column}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> JsonlOptions {
        JsonlOptions::default().require_end(false)
    }

    fn items(input: &str) -> Vec<Result<DesiredPage, ItemError>> {
        read_jsonl(input.as_bytes(), JsonlOptions::default().require_end(false)).collect()
    }

    #[test]
    fn a_long_line_is_counted_not_held_and_the_next_line_is_read() {
        let long = format!(
            "{{\"external_id\": \"a\", \"title\": \"A\", \"html\": \"{}\"}}",
            "x".repeat(100)
        );
        let input =
            format!("{long}\n{{\"external_id\": \"b\", \"title\": \"B\", \"html\": \"b\"}}");
        // A reader that hands out 7 bytes at a time: lines span many buffers.
        let reader = io::BufReader::with_capacity(7, input.as_bytes());
        let items: Vec<_> = read_jsonl(reader, options().max_line_bytes(50)).collect();
        let error = items[0].as_ref().unwrap_err();
        assert_eq!(error.name.as_deref(), Some("line 1"));
        assert!(
            error
                .reason
                .starts_with(&format!("is {} bytes", long.len())),
            "{error}"
        );
        assert_eq!(error.covers, Covers::All);
        assert_eq!(items[1].as_ref().unwrap().external_id, "b");
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn crlf_bom_and_blank_lines() {
        let input = "\u{feff}{\"external_id\": \"a\", \"title\": \"A\", \"html\": \"a\"}\r\n\r\n  \n{\"external_id\": \"b\", \"title\": \"B\", \"html\": \"b\"}\r\n";
        let ids: Vec<_> = items(input)
            .into_iter()
            .map(|item| item.unwrap().external_id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn json_errors_name_the_column_not_line_1() {
        let error = items("\n\n{\"external_id\": }").remove(0).unwrap_err();
        assert_eq!(error.name.as_deref(), Some("line 3"));
        assert!(error.reason.starts_with("is not valid JSON: "), "{error}");
        assert!(error.reason.ends_with("(column 17)"), "{error}");
        assert!(!error.reason.contains("line 1"), "{error}");
        let error = items("[1, 2]").remove(0).unwrap_err();
        assert!(
            error
                .reason
                .starts_with("is not a page: invalid type: sequence"),
            "{error}"
        );
    }

    #[test]
    fn a_line_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
        let line = r#"{"external_id": "a", "title": "A", "html": "a"}"#;
        let read = |limit: usize| -> Vec<_> {
            read_jsonl(line.as_bytes(), options().max_line_bytes(limit)).collect()
        };
        assert_eq!(read(line.len())[0].as_ref().unwrap().external_id, "a");
        assert!(read(line.len() - 1)[0].is_err());
    }

    #[test]
    fn by_default_a_line_holds_a_page_as_large_as_a_folders_file_escaped() {
        // 2 MiB of HTML, every character written as a two-byte JSON escape.
        let html = "\\\"".repeat(2 * 1024 * 1024);
        let line = format!(r#"{{"external_id": "a", "title": "A", "html": "{html}"}}"#);
        assert!(line.len() > 4 * 1024 * 1024);
        let items: Vec<_> = read_jsonl(line.as_bytes(), options()).collect();
        assert_eq!(items[0].as_ref().unwrap().html.len(), 2 * 1024 * 1024);
    }

    #[test]
    fn a_line_that_is_not_an_object_says_a_page_is_one() {
        let error = items("\"a page\"").remove(0).unwrap_err();
        assert!(
            error.reason.contains("expected a JSON object (one page)"),
            "{error}"
        );
    }

    #[test]
    fn the_reader_tells_its_line_when_debugged() {
        let mut pages = read_jsonl("\n{}\n".as_bytes(), options());
        pages.next();
        assert_eq!(
            format!("{pages:?}"),
            "JsonlPages { line: 2, done: false, .. }"
        );
    }

    /// A reader interrupted by a signal before each read that succeeds.
    struct Interrupted(bool, &'static [u8]);

    impl io::Read for Interrupted {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.0 = !self.0;
            if self.0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let n = self.1.len().min(buf.len());
            buf[..n].copy_from_slice(&self.1[..n]);
            self.1 = &self.1[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_read_interrupted_by_a_signal_is_tried_again() {
        let line = br#"{"external_id": "a", "title": "A", "html": "a"}"#;
        let reader = io::BufReader::new(Interrupted(false, line));
        let items: Vec<_> = read_jsonl(reader, options()).collect();
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].as_ref().unwrap().external_id, "a");
    }

    /// An async reader interrupted by a signal once, then giving `data`, then failing.
    struct InterruptedThenFails(usize, &'static [u8]);

    impl tokio::io::AsyncRead for InterruptedThenFails {
        fn poll_read(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
            buf: &mut tokio::io::ReadBuf<'_>,
        ) -> std::task::Poll<io::Result<()>> {
            self.0 += 1;
            std::task::Poll::Ready(match self.0 {
                1 => Err(io::ErrorKind::Interrupted.into()),
                2 => {
                    buf.put_slice(self.1);
                    Ok(())
                }
                _ => Err(io::Error::other("pipe gone")),
            })
        }
    }

    #[tokio::test]
    async fn an_async_read_interrupted_is_tried_again_and_a_failed_one_is_not() {
        use futures::StreamExt;
        let line = b"{\"external_id\": \"a\", \"title\": \"A\", \"html\": \"a\"}\n";
        let reader = tokio::io::BufReader::new(InterruptedThenFails(0, line));
        let items: Vec<_> = stream_jsonl(reader, options()).collect().await;
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0].as_ref().unwrap().external_id, "a");
        let error = items[1].as_ref().unwrap_err();
        assert!(error.reason.contains("pipe gone"), "{error}");
    }

    /// A reader whose second read fails.
    struct Broken(usize);

    impl io::Read for Broken {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.0 += 1;
            if self.0 > 1 {
                return Err(io::Error::other("disk on fire"));
            }
            let line = b"{\"external_id\": \"a\", \"title\": \"A\", \"html\": \"a\"}\n";
            buf[..line.len()].copy_from_slice(line);
            Ok(line.len())
        }
    }

    #[test]
    fn a_failed_read_is_one_last_error_covering_every_page() {
        let items: Vec<_> =
            read_jsonl(io::BufReader::new(Broken(0)), JsonlOptions::default()).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].as_ref().unwrap().external_id, "a");
        let error = items[1].as_ref().unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2: cannot be read: disk on fire; the input after line 1 is unknown"
        );
        assert_eq!(error.covers, Covers::All);
    }
}
