//! What a sync's input is made of: pages, and items that could not become pages. An item
//! that failed says which pages it *covers*, so the sync keeps them: a file that exists but
//! cannot be read is no evidence that its page is gone.

use std::any::Any;
use std::fmt;

use crate::desired::DesiredPage;

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
    /// No page: an item left out on purpose that stands for nothing to keep (a draft: the
    /// page it would be is unpublished, so a prune deletes it like a removed file's).
    Nothing,
}

impl Covers {
    /// Whether the page with `external_id` is covered.
    pub fn covers(&self, external_id: &str) -> bool {
        match self {
            Covers::Page(id) => id == external_id,
            Covers::Folder(prefix) => external_id.starts_with(prefix.as_str()),
            Covers::All => true,
            Covers::Nothing => false,
        }
    }
}

/// An input item that did not become a page: reported, never sent, and the pages it
/// [`Covers`] are kept.
///
/// Any error type that implements `Display` can stand in an input stream; it becomes an
/// `ItemError` that covers every page ([`Covers::All`]), so a run that meets one deletes
/// nothing. Yield an `ItemError` itself to say which pages the item stands for, and a prune
/// still deletes the others:
///
/// ```
/// use intercom_sync::{Covers, ItemError};
///
/// // A CMS record whose body cannot be rendered: only its own page is kept.
/// let error = ItemError::failed("the body is not valid HTML").page("articles/42");
/// assert_eq!(error.covers, Covers::Page("articles/42".into()));
/// assert_eq!(error.to_string(), "articles/42: the body is not valid HTML");
///
/// // Without `.page(…)`, it could be any page: none is deleted.
/// assert_eq!(ItemError::failed("the CMS timed out").covers, Covers::All);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ItemError {
    /// What the report calls the item: a file's path relative to the root (`/`-separated
    /// where possible), a record's id. `None`: the report names it by its position in the
    /// input (`input item 3`).
    pub name: Option<String>,
    /// Why it did not become a page.
    pub reason: String,
    /// The pages of the source it stands for.
    pub covers: Covers,
    /// `false` for a failure (the CLI exits non-zero), `true` for an item left out on
    /// purpose (a symlink out of the folder): reported as skipped, still covered.
    pub skipped: bool,
    /// The line of a line-oriented input (JSON Lines) the item was on, counted from 1, so a
    /// report can point at it without taking its name for an external id.
    pub line: Option<usize>,
}

impl ItemError {
    /// An item that could not be read or parsed: a failure. It covers every page until told
    /// otherwise ([`page`](Self::page), [`covers`](Self::covers)).
    pub fn failed(reason: impl Into<String>) -> Self {
        ItemError {
            name: None,
            reason: reason.into(),
            covers: Covers::All,
            skipped: false,
            line: None,
        }
    }

    /// An item left out on purpose: not a failure, and the pages it covers (every page until
    /// told otherwise) are kept.
    pub fn skipped(reason: impl Into<String>) -> Self {
        ItemError {
            skipped: true,
            ..ItemError::failed(reason)
        }
    }

    /// The item is the page with `external_id`: it names the item and covers that page only.
    pub fn page(self, external_id: impl Into<String>) -> Self {
        let external_id = external_id.into();
        ItemError {
            name: Some(external_id.clone()),
            covers: Covers::Page(external_id),
            ..self
        }
    }

    /// What the report calls the item (its covers are left as they are).
    pub fn name(self, name: impl Into<String>) -> Self {
        ItemError {
            name: Some(name.into()),
            ..self
        }
    }

    /// The pages the item stands for.
    pub fn covers(self, covers: Covers) -> Self {
        ItemError { covers, ..self }
    }

    /// The input line the item was on, counted from 1.
    pub fn line(self, line: usize) -> Self {
        ItemError {
            line: Some(line),
            ..self
        }
    }
}

impl fmt::Display for ItemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

impl std::error::Error for ItemError {}

/// One item of a sync's input: a [`DesiredPage`], or a `Result` of one with any error type
/// that implements `Display`. Implemented by the crate for exactly those; see
/// [`sync`](crate::sync) for what an error item does.
pub trait InputItem: private::Sealed {
    /// The page, or the item that could not become one.
    #[doc(hidden)]
    fn into_page(self) -> Result<DesiredPage, ItemError>;
}

impl InputItem for DesiredPage {
    fn into_page(self) -> Result<DesiredPage, ItemError> {
        Ok(self)
    }
}

impl<E> InputItem for Result<DesiredPage, E>
where
    E: fmt::Display + 'static,
{
    fn into_page(self) -> Result<DesiredPage, ItemError> {
        self.map_err(item_error)
    }
}

/// An [`ItemError`] keeps what it covers; any other error covers every page.
fn item_error<E: fmt::Display + 'static>(error: E) -> ItemError {
    match (&error as &dyn Any).downcast_ref::<ItemError>() {
        Some(item) => item.clone(),
        None => ItemError::failed(error.to_string()),
    }
}

mod private {
    pub trait Sealed {}
    impl Sealed for crate::DesiredPage {}
    impl<E> Sealed for Result<crate::DesiredPage, E> {}
}

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

    #[test]
    fn an_item_error_keeps_its_covers_and_any_other_error_covers_everything() {
        let precise: Result<DesiredPage, ItemError> =
            Err(ItemError::failed("is empty").page("a.md"));
        assert_eq!(
            precise.into_page().unwrap_err().covers,
            Covers::Page("a.md".into())
        );
        let opaque: Result<DesiredPage, String> = Err("the CMS timed out".into());
        let error = opaque.into_page().unwrap_err();
        assert_eq!(error.covers, Covers::All);
        assert_eq!((error.name, error.skipped), (None, false));
        assert_eq!(error.reason, "the CMS timed out");
    }
}
