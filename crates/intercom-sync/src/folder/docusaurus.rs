//! Docusaurus' partials: an MDX file imports another (`import Setup from './_setup.mdx';`) and
//! places it with a tag on its own line (`<Setup />`). Docusaurus renders the partial's content
//! there; the partial itself (a `_` file) is no page. Before rendering, each such tag is
//! replaced by the partial's Markdown (its front matter left out), partials of partials too.

use std::collections::HashMap;
use std::path::Path;

use super::front_matter;
use super::markdown::Fences;

/// How deep partials may include partials: a loop stops here, as an error.
const MAX_DEPTH: usize = 10;

/// `body` with the partials it imports (relative `.md`/`.mdx` files, from `dir`, the folder of
/// its file) put where their tags are. An imported partial that cannot be read is an error
/// naming it: the page would otherwise lose its content silently.
pub(crate) fn inline_partials(body: &str, dir: &Path, max_bytes: u64) -> Result<String, String> {
    inline(body, dir, max_bytes, 0)
}

fn inline(body: &str, dir: &Path, max_bytes: u64, depth: usize) -> Result<String, String> {
    let imports = imports(body);
    if imports.is_empty() {
        return Ok(body.to_owned());
    }
    let mut out = String::with_capacity(body.len());
    let mut fences = Fences::default();
    for line in body.split_inclusive('\n') {
        let tag = (!fences.inside(line))
            .then(|| tag_name(line.trim()))
            .flatten();
        let Some(path) = tag.and_then(|name| imports.get(name)) else {
            out.push_str(line);
            continue;
        };
        if depth >= MAX_DEPTH {
            return Err(format!(
                "imports partials more than {MAX_DEPTH} deep (a partial that imports itself?)"
            ));
        }
        let file = dir.join(path);
        let text = crate::file::read_limited(&file, max_bytes)
            .map_err(|reason| format!("imports the partial {path}, which {reason}"))?;
        let partial = front_matter::split(&text).1;
        let partial_dir = file.parent().unwrap_or(dir);
        out.push_str(&inline(partial, partial_dir, max_bytes, depth + 1)?);
        out.push('\n');
    }
    Ok(out)
}

/// `import Name from './path.mdx';` lines: the name and the relative path of each Markdown one.
fn imports(body: &str) -> HashMap<&str, &str> {
    let mut found = HashMap::new();
    let mut fences = Fences::default();
    for line in body.lines() {
        if fences.inside(line) {
            continue;
        }
        let Some(rest) = line.strip_prefix("import ") else {
            continue;
        };
        let Some((name, from)) = rest.split_once(" from ") else {
            continue;
        };
        let path = from.trim().trim_end_matches(';').trim();
        let path = path
            .strip_prefix('\'')
            .and_then(|p| p.strip_suffix('\''))
            .or_else(|| path.strip_prefix('"').and_then(|p| p.strip_suffix('"')));
        let Some(path) = path else { continue };
        let markdown = path.ends_with(".md") || path.ends_with(".mdx");
        let name = name.trim();
        let plain_name = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if path.starts_with('.') && markdown && plain_name {
            found.insert(name, path);
        }
    }
    found
}

/// `Name` of a tag `<Name />` (or `<Name/>`) alone on its line.
fn tag_name(line: &str) -> Option<&str> {
    let inner = line.strip_prefix('<')?.strip_suffix("/>")?.trim();
    (!inner.is_empty() && inner.chars().all(|c| c.is_alphanumeric() || c == '_')).then_some(inner)
}

/// How many fenced code blocks npm2yarn turns into tabs: those whose info string has the
/// word `npm2yarn` (```` ```bash npm2yarn ````).
pub(crate) fn npm2yarn_blocks(markdown: &str) -> usize {
    let mut fences = super::markdown::Fences::default();
    markdown
        .lines()
        .filter(|line| {
            let opens = fences.closing().is_none();
            let inside = fences.inside(line);
            opens
                && inside
                && line
                    .trim_start()
                    .trim_start_matches(['`', '~'])
                    .split_whitespace()
                    .any(|word| word == "npm2yarn")
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn npm2yarn_blocks_are_the_fences_that_name_it() {
        let markdown = "```bash npm2yarn\nnpm install x\n```\n\n```bash\nnpm2yarn\n```\n\n````md\n```bash npm2yarn\n````\n\n~~~sh npm2yarn title=\"a\"\nnpm run build\n~~~\n";
        assert_eq!(npm2yarn_blocks(markdown), 2);
    }

    #[test]
    fn a_partial_is_put_where_its_tag_is_with_its_own_partials() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "_setup.mdx",
            "---\ntitle: ignored\n---\nRun the installer.\n\nimport Note from './parts/_note.md';\n\n<Note />\n",
        );
        write(dir.path(), "parts/_note.md", "Keep the key safe.\n");
        let body = "import Setup from './_setup.mdx';\nimport Tabs from '@theme/Tabs';\n\n# Start\n\n<Setup />\n\n```mdx\n<Setup />\n```\n";
        let out = inline_partials(body, dir.path(), 1 << 20).unwrap();
        assert!(out.contains("Run the installer."), "{out}");
        assert!(out.contains("Keep the key safe."), "{out}");
        assert!(!out.contains("title: ignored"), "{out}");
        // In a code block the tag is code.
        assert!(out.contains("```mdx\n<Setup />\n```"), "{out}");
    }

    #[test]
    fn a_partial_that_cannot_be_read_or_imports_itself_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let body = "import Gone from './_gone.mdx';\n\n<Gone />\n";
        let error = inline_partials(body, dir.path(), 1 << 20).unwrap_err();
        assert!(
            error.starts_with("imports the partial ./_gone.mdx, which cannot be read"),
            "{error}"
        );
        write(
            dir.path(),
            "_loop.mdx",
            "import Loop from './_loop.mdx';\n\n<Loop />\n",
        );
        let body = "import Loop from './_loop.mdx';\n\n<Loop />\n";
        let error = inline_partials(body, dir.path(), 1 << 20).unwrap_err();
        assert!(error.contains("more than 10 deep"), "{error}");
        // No import of a partial: the body as it is.
        assert_eq!(
            inline_partials("<Other />\n", dir.path(), 1).unwrap(),
            "<Other />\n"
        );
    }
}
