//! Entry points for the cargo-fuzz targets in `fuzz/` (see FUZZING.md). Not part of the
//! API: hidden from the docs, no stability promise.

/// Converts `source` as a Markdown file (front matter, first heading, HTML rendering).
pub fn markdown(source: &str) {
    if let Ok((_, title)) = crate::folder::markdown_plain(source) {
        assert!(title.as_ref().is_none_or(|t| !t.trim().is_empty()));
    }
}

/// Reads the title of `source` as an HTML file.
pub fn html(source: &str) {
    if let Some(title) = crate::title::html(source) {
        assert!(!title.trim().is_empty());
    }
}
