//! Reading a file of the input (a page, a partial, a snippet, an included file): within a size
//! limit, as UTF-8, each failure a reason that follows the file's name ("a.md is not UTF-8 …").

use std::path::Path;

/// The text of `path`, when it is at most `max_bytes` long and UTF-8.
pub(crate) fn read_limited(path: &Path, max_bytes: u64) -> Result<String, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot be read: {e}"))?
        .len();
    if size > max_bytes {
        return Err(format!(
            "is {size} bytes, more than the limit of {max_bytes} bytes"
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
