//! A folder of `.html`, `.htm` and `.md` files as desired pages.
//!
//! `external_id` is the path relative to the root with `/` separators, so it is the same on
//! every machine and every run; the page URL is an optional prefix joined with that path.
//! Files are read one at a time as the iterator is driven, so memory stays bounded by the
//! largest file, not the folder.

use std::fmt;
use std::path::{Path, PathBuf};

use url::Url;
use walkdir::WalkDir;

use crate::desired::DesiredPage;
use crate::title;

/// The largest file read as a page, in bytes: 2 MiB. The reference documents no limit on
/// `html`; larger files are reported and never sent.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// How a folder becomes pages.
#[derive(Clone, Debug)]
pub struct FolderOptions {
    url_prefix: Option<Url>,
    max_file_bytes: u64,
}

impl Default for FolderOptions {
    fn default() -> Self {
        Self {
            url_prefix: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

impl FolderOptions {
    /// Page URLs become `prefix` joined with each file's relative path. The prefix must be
    /// an absolute http(s) URL.
    pub fn url_prefix(mut self, prefix: &str) -> Result<Self, InputError> {
        let invalid = |reason: &str| InputError::InvalidOption {
            option: "page-url-prefix",
            reason: format!("{prefix:?} {reason}"),
        };
        let mut url = Url::parse(prefix).map_err(|_| invalid("is not an absolute URL"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid("is not an http or https URL"));
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        self.url_prefix = Some(url);
        Ok(self)
    }

    /// Files larger than this many bytes are reported as errors instead of being sent.
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_file_bytes = bytes;
        self
    }
}

/// Why a folder cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The root is missing or not a directory.
    #[error("{}: {reason}", path.display())]
    Root {
        /// The root as given.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An option has a value that cannot work.
    #[error("--{option}: {reason}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
}

/// A file that could not become a page; it is reported and never sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The file, relative to the root (`/`-separated where possible).
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for FileError {}

/// The pages of `root`, in a stable order (sorted by path), one file at a time.
pub fn read_folder(
    root: impl AsRef<Path>,
    options: FolderOptions,
) -> Result<impl Iterator<Item = Result<DesiredPage, FileError>>, InputError> {
    let root = root.as_ref().to_path_buf();
    match std::fs::metadata(&root) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(InputError::Root {
                path: root,
                reason: "is not a directory".into(),
            });
        }
        Err(e) => {
            return Err(InputError::Root {
                path: root,
                reason: if e.kind() == std::io::ErrorKind::NotFound {
                    "directory does not exist".into()
                } else {
                    format!("cannot be read: {e}")
                },
            });
        }
    }
    let walk = WalkDir::new(&root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    Ok(walk.filter_map(move |entry| match entry {
        Err(e) => Some(Err(FileError {
            path: e
                .path()
                .map(|p| relative_display(&root, p))
                .unwrap_or_else(|| ".".into()),
            reason: format!(
                "cannot be read: {}",
                e.io_error().map_or(e.to_string(), |io| io.to_string())
            ),
        })),
        Ok(entry) if !entry.file_type().is_file() => None,
        Ok(entry) => {
            let kind = Kind::of(entry.path())?;
            Some(read_page(&root, entry.path(), kind, &options))
        }
    }))
}

#[derive(Clone, Copy)]
enum Kind {
    Html,
    Markdown,
}

impl Kind {
    fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Kind::Html),
            "md" | "markdown" => Some(Kind::Markdown),
            _ => None,
        }
    }
}

fn read_page(
    root: &Path,
    path: &Path,
    kind: Kind,
    options: &FolderOptions,
) -> Result<DesiredPage, FileError> {
    let fail = |reason: String| FileError {
        path: relative_display(root, path),
        reason,
    };
    let external_id =
        external_id(root, path).ok_or_else(|| fail("file name is not UTF-8".into()))?;
    let size = std::fs::metadata(path)
        .map_err(|e| fail(format!("cannot be read: {e}")))?
        .len();
    if size > options.max_file_bytes {
        return Err(fail(format!(
            "is {size} bytes, more than the limit of {} bytes",
            options.max_file_bytes
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot be read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let (html, title) = match kind {
        Kind::Html => {
            let title = title::html(&text);
            (text, title)
        }
        Kind::Markdown => {
            let converted = title::markdown(&text).map_err(fail)?;
            (converted.html, converted.title)
        }
    };
    if html.trim().is_empty() {
        return Err(fail("is empty".into()));
    }
    let title = title.unwrap_or_else(|| file_stem(path));
    let url = match &options.url_prefix {
        Some(prefix) => Some(
            prefix
                .join(&external_id)
                .map_err(|e| fail(format!("cannot form its URL: {e}")))?
                .to_string(),
        ),
        None => None,
    };
    Ok(DesiredPage {
        external_id,
        title,
        html,
        url,
        ai_agent_availability: None,
        ai_copilot_availability: None,
    })
}

/// The path relative to `root`, `/`-separated; `None` if a component is not UTF-8.
fn external_id(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<Vec<_>>>()?;
    Some(parts.join("/"))
}

fn relative_display(root: &Path, path: &Path) -> String {
    external_id(root, path).unwrap_or_else(|| {
        path.strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    })
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}
