//! A book's own mdBook preprocessors (`[preprocessor.<name>]` in `book.toml`), run as
//! `mdbook build` runs them: each command is asked whether it `supports html`, then given
//! `[context, book]` as JSON on stdin and answers with the book on stdout.
//!
//! Only when asked ([`FolderOptions::run_preprocessors`](super::FolderOptions::run_preprocessors)):
//! they are programs of the repository's, as for `mdbook build`. The chapters they get are
//! those `SUMMARY.md` lists, in its order, with mdBook's own `links` preprocessor already
//! applied (`{{#include}}` expanded); they are flat (no `sub_items`, no section numbers).

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The mdBook version the context names: the one whose behaviour the sync follows.
const MDBOOK_VERSION: &str = "0.5.4";

/// How long one preprocessor may take before the run stops with an error.
const TIME_LIMIT: Duration = Duration::from_secs(300);

/// One `[preprocessor.<name>]` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BookPreprocessor {
    pub name: String,
    /// `command`, else `mdbook-<name>`.
    command: String,
    /// `renderers`: `None` for all of them.
    renderers: Option<Vec<String>>,
    /// `optional = true`: a command that cannot be started is skipped, as mdBook does.
    optional: bool,
    before: Vec<String>,
    after: Vec<String>,
}

/// A chapter, by its path in the book's source folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Chapter {
    pub path: String,
    pub name: String,
    pub content: String,
}

/// The book's own preprocessors (not mdBook's `links` and `index`), in the order mdBook runs
/// them: by name, then moved to honour `before` and `after`.
pub(crate) fn from_config(book_toml: &Value) -> Vec<BookPreprocessor> {
    let Some(tables) = book_toml.get("preprocessor").and_then(Value::as_object) else {
        return Vec::new();
    };
    let strings = |value: Option<&Value>| -> Vec<String> {
        value
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut found: Vec<BookPreprocessor> = tables
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "links" | "index"))
        .map(|(name, table)| BookPreprocessor {
            name: name.clone(),
            command: table
                .get("command")
                .and_then(Value::as_str)
                .map_or_else(|| format!("mdbook-{name}"), str::to_owned),
            renderers: table
                .get("renderers")
                .or_else(|| table.get("renderer"))
                .map(|r| strings(Some(r))),
            optional: table.get("optional").and_then(Value::as_bool) == Some(true),
            before: strings(table.get("before")),
            after: strings(table.get("after")),
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    order(found)
}

/// `list` (sorted by name) with each preprocessor after those it must follow; a cycle
/// leaves the rest by name.
fn order(mut list: Vec<BookPreprocessor>) -> Vec<BookPreprocessor> {
    let must_follow = |p: &BookPreprocessor, other: &BookPreprocessor| {
        p.after.contains(&other.name) || other.before.contains(&p.name)
    };
    let mut ordered = Vec::with_capacity(list.len());
    while !list.is_empty() {
        let ready = list
            .iter()
            .position(|p| !list.iter().any(|other| must_follow(p, other)))
            .unwrap_or(0);
        ordered.push(list.remove(ready));
    }
    ordered
}

/// `chapters` after every preprocessor that supports the HTML renderer, and the names of
/// those run. `root` is the book's folder (where `book.toml` is), the commands' working
/// folder. The error is one line naming the preprocessor.
pub(crate) fn run_all(
    preprocessors: &[BookPreprocessor],
    root: &Path,
    book_toml: &Value,
    mut chapters: Vec<Chapter>,
) -> Result<(Vec<Chapter>, Vec<String>), String> {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let mut ran = Vec::new();
    for preprocessor in preprocessors {
        if preprocessor
            .renderers
            .as_ref()
            .is_some_and(|r| !r.iter().any(|r| r == "html"))
        {
            continue;
        }
        let error = |reason: String| {
            format!(
                "preprocessor.{} ({}): {reason}",
                preprocessor.name, preprocessor.command
            )
        };
        let words = shlex::split(&preprocessor.command)
            .filter(|w| !w.is_empty())
            .ok_or_else(|| error("the command cannot be split into words".into()))?;
        let supports = Command::new(&words[0])
            .args(&words[1..])
            .args(["supports", "html"])
            .current_dir(&root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match supports {
            Err(_) if preprocessor.optional => continue,
            Err(e) => return Err(error(format!("cannot be run: {e}"))),
            Ok(status) if !status.success() => continue,
            Ok(_) => {}
        }
        let input = json!([context(&root, book_toml), book(&chapters)]);
        let output = run(&words, &root, &input.to_string(), TIME_LIMIT).map_err(error)?;
        let book: Value = serde_json::from_slice(&output)
            .map_err(|e| error(format!("its output is not a book (JSON): {e}")))?;
        chapters = read_book(&book, &chapters).map_err(error)?;
        ran.push(preprocessor.name.clone());
    }
    Ok((chapters, ran))
}

/// mdBook's `PreprocessorContext`, as a preprocessor built with mdBook 0.4 or 0.5 reads it.
fn context(root: &Path, book_toml: &Value) -> Value {
    json!({
        "root": root,
        "config": book_toml,
        "renderer": "html",
        "mdbook_version": MDBOOK_VERSION,
        "__non_exhaustive": null,
    })
}

/// mdBook's `Book`: its chapters, in order, under both names its versions give them
/// (`items` since 0.5, `sections` before; each reads its own and ignores the other).
fn book(chapters: &[Chapter]) -> Value {
    let sections: Vec<Value> = chapters
        .iter()
        .map(|c| {
            json!({"Chapter": {
                "name": c.name,
                "content": c.content,
                "number": null,
                "sub_items": [],
                "path": c.path,
                "source_path": c.path,
                "parent_names": [],
            }})
        })
        .collect();
    json!({"items": sections, "sections": sections, "__non_exhaustive": null})
}

/// The chapters of a preprocessor's answer, by `source_path`: every chapter given must come
/// back (a preprocessor that drops one is an error, not a deleted page).
fn read_book(book: &Value, given: &[Chapter]) -> Result<Vec<Chapter>, String> {
    fn walk(items: &[Value], into: &mut Vec<(String, String)>) {
        for item in items {
            if let Some(chapter) = item.get("Chapter") {
                let path = chapter
                    .get("source_path")
                    .or_else(|| chapter.get("path"))
                    .and_then(Value::as_str);
                let content = chapter.get("content").and_then(Value::as_str);
                if let (Some(path), Some(content)) = (path, content) {
                    into.push((path.to_owned(), content.to_owned()));
                }
                if let Some(sub) = chapter.get("sub_items").and_then(Value::as_array) {
                    walk(sub, into);
                }
            }
        }
    }
    // A preprocessor that hands back what it was given keeps both lists: the one it changed
    // is the one its mdBook version reads.
    let items = match (book.get("items"), book.get("sections")) {
        (Some(items), Some(sections)) if *items == self::book(given)["items"] => sections,
        (Some(items), _) => items,
        (None, Some(sections)) => sections,
        (None, None) => return Err("its output has no items (or sections)".into()),
    }
    .as_array()
    .ok_or("its output's items are not a list")?;
    let mut found = Vec::new();
    walk(items, &mut found);
    given
        .iter()
        .map(|chapter| {
            let content = found
                .iter()
                .find(|(path, _)| *path == chapter.path)
                .map(|(_, content)| content.clone())
                .ok_or_else(|| format!("its output has no chapter {}", chapter.path))?;
            Ok(Chapter {
                content,
                ..chapter.clone()
            })
        })
        .collect()
}

/// Runs `words` in `dir` with `input` on stdin: its stdout, or why it failed (its exit
/// status and last line of stderr, or the time limit).
fn run(words: &[String], dir: &Path, input: &str, limit: Duration) -> Result<Vec<u8>, String> {
    let mut child = Command::new(&words[0])
        .args(&words[1..])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot be run: {e}"))?;
    // Written and read on their own threads: a large book fills the pipes both ways.
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("did not finish within {} s", limit.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let written = writer
        .join()
        .map_err(|_| "its input could not be written")?;
    let output = reader
        .join()
        .map_err(|_| "its output could not be read")?
        .map_err(|e| format!("its output could not be read: {e}"))?;
    let stderr = errors.join().unwrap_or_default();
    if !status.success() {
        return Err(match error_line(&stderr) {
            Some(line) => format!("failed ({status}): {line}"),
            None => format!("failed ({status})"),
        });
    }
    written.map_err(|e| format!("its input could not be written: {e}"))?;
    Ok(output)
}

/// The line of a failed command's stderr that says what went wrong: the first that names an
/// error or a panic (a backtrace may follow it), else the last.
fn error_line(stderr: &str) -> Option<&str> {
    let lines = || stderr.lines().map(str::trim).filter(|l| !l.is_empty());
    lines()
        .find(|l| {
            let lower = l.to_lowercase();
            lower.starts_with("error") || lower.contains("panicked") || lower.contains("error:")
        })
        .or_else(|| lines().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preprocessors_run_by_name_then_before_and_after() {
        let config: Value = toml::from_str(
            "[preprocessor.links]\n[preprocessor.b]\n[preprocessor.a]\nafter = ['c']\n[preprocessor.c]\ncommand = 'python3 c.py'\nrenderers = ['html']\n[preprocessor.d]\nbefore = ['b']\noptional = true\n",
        )
        .unwrap();
        let found = from_config(&config);
        let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["c", "a", "d", "b"]);
        assert_eq!(found[0].command, "python3 c.py");
        assert_eq!(found[1].command, "mdbook-a");
        assert!(found[2].optional);
    }

    #[test]
    fn a_preprocessor_that_does_not_finish_is_stopped() {
        let words: Vec<String> = ["sh", "-c", "sleep 30"].map(String::from).into();
        let started = Instant::now();
        let error = run(&words, Path::new("."), "[]", Duration::from_secs(1)).unwrap_err();
        assert_eq!(error, "did not finish within 1 s");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "it was killed, not awaited"
        );
    }

    #[test]
    fn a_failures_reason_is_its_error_line_not_its_backtrace() {
        let stderr = "Error: Unable to parse the input\n\nCaused by:\n    missing field `items`\n\nStack backtrace:\n   0: std::backtrace\n  21: _start\n";
        assert_eq!(error_line(stderr), Some("Error: Unable to parse the input"));
        assert_eq!(
            error_line("working\nstill working\n"),
            Some("still working")
        );
        assert_eq!(error_line(""), None);
    }

    #[test]
    fn the_book_is_given_as_mdbook_0_4_and_0_5_read_it() {
        let chapters = [Chapter {
            path: "a.md".into(),
            name: "A".into(),
            content: "a".into(),
        }];
        let book = book(&chapters);
        assert_eq!(book["items"], book["sections"]);
        assert_eq!(book["items"][0]["Chapter"]["source_path"], "a.md");
        assert!(book.get("__non_exhaustive").is_some());
    }

    #[test]
    fn an_answer_missing_a_chapter_is_an_error() {
        let given = vec![
            Chapter {
                path: "a.md".into(),
                name: "A".into(),
                content: "a".into(),
            },
            Chapter {
                path: "b.md".into(),
                name: "B".into(),
                content: "b".into(),
            },
        ];
        let answer = json!({"items": [{"Chapter": {"source_path": "a.md", "content": "A!", "sub_items": [{"Chapter": {"path": "b.md", "content": "B!"}}]}}, "Separator"]});
        let read = read_book(&answer, &given).unwrap();
        assert_eq!(read[0].content, "A!");
        assert_eq!(read[1].content, "B!");
        let partial = json!({"sections": [{"Chapter": {"source_path": "a.md", "content": "A!"}}]});
        // Both lists handed back, the old one changed (a preprocessor written for mdBook 0.4).
        let mut both = book(&given);
        both["sections"][0]["Chapter"]["content"] = json!("A!");
        both["sections"][1]["Chapter"]["content"] = json!("B!");
        assert_eq!(read_book(&both, &given).unwrap()[1].content, "B!");
        let unchanged = book(&given);
        assert_eq!(read_book(&unchanged, &given).unwrap()[0].content, "a");
        assert_eq!(
            read_book(&partial, &given).unwrap_err(),
            "its output has no chapter b.md"
        );
    }
}
