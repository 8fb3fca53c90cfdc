//! Compares freshly generated files with the committed ones and prints a unified diff of
//! each difference.

use anyhow::Result;
use similar::TextDiff;

use crate::codegen::GeneratedFile;
use crate::spec::workspace_root;

/// Prints a diff for every file that differs from its committed copy; returns whether any
/// did.
pub fn report(files: &[GeneratedFile]) -> Result<bool> {
    let mut drifted = false;
    for file in files {
        let path = workspace_root().join(file.path);
        let committed = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => anyhow::bail!("cannot read {}: {e}", path.display()),
        };
        if let Some(diff) = unified_diff(file.path, &committed, &file.contents) {
            drifted = true;
            eprintln!("{diff}");
        }
    }
    Ok(drifted)
}

/// The unified diff from the committed text to the generated one, or `None` when equal.
pub fn unified_diff(path: &str, committed: &str, generated: &str) -> Option<String> {
    (committed != generated).then(|| {
        TextDiff::from_lines(committed, generated)
            .unified_diff()
            .context_radius(3)
            .header(
                &format!("a/{path} (committed)"),
                &format!("b/{path} (generated from the spec)"),
            )
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::unified_diff;
    use crate::codegen::{CLIENT_PATH, generate};
    use crate::spec::{Spec, workspace_root};

    #[test]
    fn generation_is_deterministic() {
        let spec = Spec::load().unwrap();
        let first = generate(&spec).unwrap();
        let second = generate(&spec).unwrap();
        for (a, b) in first.iter().zip(&second) {
            assert!(
                a.contents == b.contents,
                "{} differs between two runs",
                a.path
            );
        }
    }

    #[test]
    fn a_hand_edit_to_a_generated_file_shows_in_the_diff() {
        let generated = &generate(&Spec::load().unwrap()).unwrap()[0];
        let edited = generated.contents.replacen(
            "pub title: ::std::string::String,",
            "pub title: ::std::string::String, // tweak",
            1,
        );
        let diff = unified_diff(CLIENT_PATH, &edited, &generated.contents).expect("a diff");
        assert!(diff.contains(&format!("--- a/{CLIENT_PATH}")), "{diff}");
        let removed = diff.lines().filter(|l| {
            l.starts_with('-') && l.ends_with("pub title: ::std::string::String, // tweak")
        });
        let added = diff
            .lines()
            .filter(|l| l.starts_with('+') && l.ends_with("pub title: ::std::string::String,"));
        assert_eq!((removed.count(), added.count()), (1, 1), "{diff}");
    }

    #[test]
    fn a_spec_change_without_regenerating_shows_in_the_diff() {
        let text = std::fs::read_to_string(workspace_root().join(crate::spec::SPEC_PATH)).unwrap();
        let changed = text.replacen(
            "description: The title of the external page.",
            "description: The page's title, as Fin shows it.",
            1,
        );
        assert_ne!(text, changed);
        let generated = generate(&Spec::parse(&changed).unwrap()).unwrap();
        let committed = std::fs::read_to_string(workspace_root().join(CLIENT_PATH)).unwrap();
        let diff = unified_diff(CLIENT_PATH, &committed, &generated[0].contents).expect("a diff");
        assert!(
            diff.lines()
                .any(|l| l.starts_with('+') && l.ends_with("///The page's title, as Fin shows it.")),
            "{diff}"
        );
    }
}
