//! What a sync's input is made of: pages, and items that could not become pages. An item
//! that failed says which pages it *covers*, so the sync keeps them: a file that exists but
//! cannot be read is no evidence that its page is gone.

use std::fmt;

/// The pages of the source that an input item which did not become a page stands for: they
/// are never deleted by the run, whatever the input holds.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Covers {
    /// The page with this external id (a file that cannot be read or parsed).
    Page(String),
    /// Every page whose external id starts with this prefix, `/`-terminated (a folder that
    /// cannot be read: `guides/`).
    Folder(String),
    /// Every page: the input cannot tell which pages are gone, so none is deleted.
    All,
}

impl Covers {
    /// Whether the page with `external_id` is covered.
    pub fn covers(&self, external_id: &str) -> bool {
        match self {
            Covers::Page(id) => id == external_id,
            Covers::Folder(prefix) => external_id.starts_with(prefix.as_str()),
            Covers::All => true,
        }
    }
}

/// An input item that did not become a page: reported, never sent, and the pages it
/// [`Covers`] are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileError {
    /// The item, e.g. a file's path relative to the root (`/`-separated where possible).
    pub path: String,
    /// Why it did not become a page.
    pub reason: String,
    /// The pages of the source it stands for.
    pub covers: Covers,
    /// `false` for a failure (the run exits non-zero), `true` for an item left out on
    /// purpose (a symlink out of the folder): reported as skipped, still covered.
    pub skipped: bool,
}

impl FileError {
    /// An item that could not be read or parsed: a failure, and the pages it covers are kept.
    pub fn failed(path: impl Into<String>, reason: impl Into<String>, covers: Covers) -> Self {
        FileError {
            path: path.into(),
            reason: reason.into(),
            covers,
            skipped: false,
        }
    }

    /// An item left out on purpose: not a failure, and the pages it covers are kept.
    pub fn skipped(path: impl Into<String>, reason: impl Into<String>, covers: Covers) -> Self {
        FileError {
            skipped: true,
            ..FileError::failed(path, reason, covers)
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage() {
        assert!(Covers::Page("a.md".into()).covers("a.md"));
        assert!(!Covers::Page("a.md".into()).covers("a.mdx"));
        assert!(Covers::Folder("guides/".into()).covers("guides/deep/x.md"));
        assert!(!Covers::Folder("guides/".into()).covers("guides.md"));
        assert!(Covers::All.covers("anything"));
    }
}
