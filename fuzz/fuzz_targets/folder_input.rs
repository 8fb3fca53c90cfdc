//! Any file content through the folder input: Markdown with front matter, and HTML titles.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        intercom_sync::fuzzing::markdown(text);
        intercom_sync::fuzzing::html(text);
    }
});
