//! Compares freshly generated files with the committed ones and prints a unified diff of
//! each difference.

use anyhow::Result;
use similar::TextDiff;

use crate::codegen::GeneratedFile;
use crate::spec::workspace_root;

/// Prints a diff for every file that differs; returns whether any did.
pub fn report(files: &[GeneratedFile]) -> Result<bool> {
    let mut drifted = false;
    for file in files {
        let path = workspace_root().join(file.path);
        let committed = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => anyhow::bail!("cannot read {}: {e}", path.display()),
        };
        if committed != file.contents {
            drifted = true;
            let diff = TextDiff::from_lines(&committed, &file.contents);
            eprintln!(
                "{}",
                diff.unified_diff().context_radius(3).header(
                    &format!("a/{} (committed)", file.path),
                    &format!("b/{} (generated from the spec)", file.path),
                )
            );
        }
    }
    Ok(drifted)
}
