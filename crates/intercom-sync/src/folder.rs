//! A folder of `.html`, `.htm` and `.md` files as desired pages.
//!
//! `external_id` is the path relative to the root with `/` separators, so it is the same on
//! every machine and every run; the page URL is an optional prefix followed by that path,
//! each part percent-encoded as a path segment, so it always lies under the prefix.
//! Files are read one at a time as the iterator is driven, so memory stays bounded by the
//! largest file, not the folder.
//!
//! What cannot be read never costs a page: a file that exists but cannot be read or parsed
//! is an [`ItemError`] covering its page, a folder that cannot be read one covering every page
//! under it, and a root that cannot be read is an [`InputError`] before anything is read.
//! Symlinks to files inside the folder are read as the file at the link's path; a symlink
//! to a folder, or to a file outside the folder, is reported as skipped and its pages kept.

use std::path::{Path, PathBuf};

use url::Url;
use walkdir::{DirEntry, WalkDir};

use crate::desired::DesiredPage;
pub use crate::input::{Covers, ItemError};
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
    /// Page URLs become `prefix` followed by each file's relative path, percent-encoded. The
    /// prefix must be an absolute http(s) URL without a query or fragment.
    pub fn url_prefix(mut self, prefix: &str) -> Result<Self, InputError> {
        let invalid = |reason: &str| InputError::InvalidOption {
            option: "url_prefix",
            reason: format!("{prefix:?} {reason}"),
        };
        let mut url = Url::parse(prefix).map_err(|_| invalid("is not an absolute URL"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid("is not an http or https URL"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(invalid("has a query or fragment; page paths go after it"));
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

/// Why a folder cannot be read at all (nothing was read, so nothing can be synced).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The root is missing or not a directory.
    #[error("{}: {reason}", path.display())]
    Root {
        /// The root as given.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An option has a value that cannot work: `url_prefix "docs/" is not an absolute URL`.
    #[error("{option} {reason}")]
    InvalidOption {
        /// The option, named as the [`FolderOptions`] method that sets it (`url_prefix`).
        option: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
}

/// The pages of `root`, in a stable order (sorted by path), one file at a time.
pub fn read_folder(
    root: impl AsRef<Path>,
    options: FolderOptions,
) -> Result<impl Iterator<Item = Result<DesiredPage, ItemError>>, InputError> {
    let root = root.as_ref().to_path_buf();
    let root_error = |reason: String| InputError::Root {
        path: root.clone(),
        reason,
    };
    match std::fs::metadata(&root) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(root_error("is not a directory".into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(root_error("directory does not exist".into()));
        }
        Err(e) => return Err(root_error(format!("cannot be read: {e}"))),
    }
    // A root whose listing cannot be read would otherwise look like an empty folder, and a
    // prune would delete every page of the source.
    std::fs::read_dir(&root).map_err(|e| root_error(format!("cannot be read: {e}")))?;
    let canonical_root =
        std::fs::canonicalize(&root).map_err(|e| root_error(format!("cannot be resolved: {e}")))?;
    let walk = WalkDir::new(&root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    Ok(walk.filter_map(move |entry| match entry {
        Err(e) => Some(Err(unreadable(&root, &e))),
        Ok(entry) if entry.path_is_symlink() => symlink(&root, &canonical_root, &entry, &options),
        Ok(entry) if !entry.file_type().is_file() => None,
        Ok(entry) => {
            let kind = Kind::of(entry.path())?;
            Some(read_page(&root, entry.path(), kind, &options))
        }
    }))
}

/// What the walk could not read: a folder (every page under it is kept) or a file.
fn unreadable(root: &Path, error: &walkdir::Error) -> ItemError {
    let reason = format!(
        "cannot be read: {}",
        error
            .io_error()
            .map_or(error.to_string(), |io| io.to_string())
    );
    let Some(path) = error.path() else {
        return ItemError::failed(reason).name(".");
    };
    let relative = relative_display(root, path);
    let is_dir = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    let covers = match (relative.is_empty(), is_dir) {
        (true, _) => Covers::All,
        (false, true) => Covers::Folder(format!("{relative}/")),
        // Not known to be a folder: a prefix without the `/` covers it either way.
        (false, false) => Covers::Folder(relative.clone()),
    };
    ItemError::failed(reason).name(relative).covers(covers)
}

/// A symlink: a file inside the folder is read at the link's path; anything else is left
/// out, and its pages kept.
fn symlink(
    root: &Path,
    canonical_root: &Path,
    entry: &DirEntry,
    options: &FolderOptions,
) -> Option<Result<DesiredPage, ItemError>> {
    let path = entry.path();
    let relative = relative_display(root, path);
    let target = match std::fs::metadata(path) {
        Ok(target) => target,
        Err(e) => {
            Kind::of(path)?;
            return Some(Err(ItemError::failed(format!(
                "is a symlink that cannot be followed: {e}"
            ))
            .page(relative)));
        }
    };
    if target.is_dir() {
        return Some(Err(ItemError::skipped(
            "is a symlink to a folder: not followed, and its pages are kept",
        )
        .name(&relative)
        .covers(Covers::Folder(format!("{relative}/")))));
    }
    let kind = Kind::of(path)?;
    let inside = std::fs::canonicalize(path).is_ok_and(|t| t.starts_with(canonical_root));
    if !inside {
        return Some(Err(ItemError::skipped(
            "is a symlink to a file outside the folder: not read, and its page is kept",
        )
        .page(relative)));
    }
    Some(read_page(root, path, kind, options))
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
) -> Result<DesiredPage, ItemError> {
    let relative = relative_display(root, path);
    let fail = |reason: String| ItemError::failed(reason).page(&relative);
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
    // A byte order mark would hide front matter (and show up in the title).
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (html, title) = match kind {
        Kind::Html => (text.to_owned(), title::html(text)),
        Kind::Markdown => {
            // Front matter is only recognised with `\n` line ends.
            let converted = if text.contains('\r') {
                title::markdown(&text.replace("\r\n", "\n"))
            } else {
                title::markdown(text)
            }
            .map_err(fail)?;
            (converted.html, converted.title)
        }
    };
    if html.trim().is_empty() {
        return Err(fail("is empty".into()));
    }
    let title = title.unwrap_or_else(|| file_stem(path));
    let url = match &options.url_prefix {
        Some(prefix) => Some(page_url(prefix, &external_id).map_err(fail)?),
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

/// `prefix` followed by each part of `external_id` as a percent-encoded path segment (so
/// `#`, `?`, `%` and `\` are data, never URL syntax), and never outside the prefix.
pub fn page_url(prefix: &Url, external_id: &str) -> Result<String, String> {
    let mut url = prefix.clone();
    url.set_query(None);
    url.set_fragment(None);
    let parts: Vec<&str> = external_id.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(format!(
            "cannot form its URL: {external_id:?} has an empty, `.` or `..` part"
        ));
    }
    url.path_segments_mut()
        .map_err(|()| "cannot form its URL: the prefix cannot have a path".to_owned())?
        .pop_if_empty()
        .extend(parts);
    let url = url.to_string();
    if !url.starts_with(prefix.as_str()) {
        return Err(format!(
            "cannot form its URL: {url} is not under the prefix {prefix}"
        ));
    }
    Ok(url)
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
