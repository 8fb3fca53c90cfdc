//! What the sync tells from a site's shortcode templates (`layouts/_shortcodes/x.html`, the
//! theme's, a vendored module's) without running Hugo's template engine: how each shows its
//! content, whether it puts another page in place (and how it finds it), whether its output
//! is fixed text, and whether it shows more than its content.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// How a shortcode Hugo knows only by its template shows its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InnerMode {
    /// `.Inner | markdownify` or `.Page.RenderString`.
    Markdown,
    /// `.Inner` as code: highlighted, or converted between data formats (`code-toggle`).
    Code,
    /// Another page's content in place: a page found with `GetPage` and its
    /// `.RenderShortcodes` (or `.Content`), the usual `include` shortcode.
    Include,
    /// A link around `.Inner`, to a `href`/`url`/`link` or a `relref`/`ref` parameter (a
    /// theme's `button`).
    Link,
    /// `.Inner` as it is.
    Raw,
    /// Not at all.
    Hidden,
}

/// One shortcode template, as far as the sync reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Template {
    pub mode: InnerMode,
    /// For an include: how it finds the page.
    pub include: Option<Include>,
    /// Its whole output, when it is fixed text (no action but comments): a note a site
    /// repeats on many pages.
    pub fixed: Option<String>,
    /// It shows something besides its content (its own words, a parameter, a computed
    /// label): what the sync does not render.
    pub adds_output: bool,
}

/// How an include template finds the page it puts in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Include {
    /// `printf "/quick-reference/glossary/%s" …`: the path, the argument in place of `%s`.
    pub format: Option<String>,
    /// The argument is `urlize`d first.
    pub urlize: bool,
    /// `.Page.GetPage`: looked up from the calling page first; else (`site.GetPage`) from
    /// the content root only.
    pub from_page: bool,
}

/// The parameters a link shortcode takes its destination from: a URL, then a page.
pub(crate) const LINK_PARAMS: &[&str] = &["href", "url", "link", "relref", "ref"];

/// The shortcode templates in `dirs` (their subfolders too), by name, the first found
/// winning.
pub(crate) fn templates(dirs: &[PathBuf]) -> HashMap<String, Template> {
    let mut templates = HashMap::new();
    for dir in dirs {
        let mut folders = vec![(dir.clone(), String::new())];
        while let Some((folder, prefix)) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                if path.is_dir() {
                    folders.push((path.clone(), format!("{prefix}{file_name}/")));
                    continue;
                }
                // `name.html`, `name.en.html`, `name.amp.html` …
                let name = format!(
                    "{prefix}{}",
                    file_name.split('.').next().unwrap_or(file_name)
                );
                if templates.contains_key(&name) {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                templates.insert(name, read(&text, &partial_dirs(dir)));
            }
        }
    }
    templates
}

/// The `partials` folders beside a shortcodes folder (`layouts/_partials` since Hugo 0.146).
fn partial_dirs(shortcodes: &Path) -> Vec<PathBuf> {
    let layouts = shortcodes.parent().unwrap_or(shortcodes);
    vec![layouts.join("_partials"), layouts.join("partials")]
}

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}").expect("a valid regex"));
static ACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{\{-?(.*?)-?\}\}").expect("a valid regex"));
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("a valid regex"));
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<a[\s>]").expect("a valid regex"));
static HANDED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Scratch|Store)\.(?:Add|Set|SetInMap)\b[^}]*\.Inner").expect("a valid regex")
});
static PRINTF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"printf\s+"([^"]*%s[^"]*)""#).expect("a valid regex"));

/// One template's text read, with the partials it calls (one level: what shortcodes use in
/// practice) looked up in `partials`.
fn read(text: &str, partials: &[PathBuf]) -> Template {
    let called: Vec<String> = partial_names(text)
        .iter()
        .filter_map(|name| {
            partials.iter().find_map(|dir| {
                let file = if name.ends_with(".html") {
                    dir.join(name)
                } else {
                    dir.join(format!("{name}.html"))
                };
                std::fs::read_to_string(file).ok()
            })
        })
        .collect();
    let uncommented = COMMENT.replace_all(text, "");
    let fixed = (!uncommented.contains("{{")).then(|| uncommented.trim().to_owned());
    let adds_output = prints_more(text, &[".inner"])
        || called
            .iter()
            .any(|p| prints_more(p, &["inner", "renderstring", "markdownify"]));
    let mode = mode(text, &called.concat());
    let include = (mode == InnerMode::Include).then(|| Include {
        format: PRINTF.captures(&uncommented).map(|c| c[1].to_owned()),
        urlize: uncommented.contains("urlize"),
        from_page: uncommented.contains("Page.GetPage"),
    });
    Template {
        mode,
        include,
        fixed,
        adds_output,
    }
}

fn mode(text: &str, called: &str) -> InnerMode {
    let renders = |t: &str| t.contains("markdownify") || t.contains("RenderString");
    let as_code = |t: &str| {
        t.contains("highlight")
            || t.contains("transform.Remarshal")
            || t.contains("transform.Unmarshal")
    };
    let includes = text.contains("GetPage")
        && (text.contains("RenderShortcodes")
            || text.contains(".Content")
            || text.contains("RawContent"));
    if includes && !text.contains(".Inner") {
        return InnerMode::Include;
    }
    if !text.contains(".Inner") {
        return InnerMode::Hidden;
    }
    let links = ANCHOR.is_match(text)
        && LINK_PARAMS
            .iter()
            .any(|p| text.contains(&format!(".Get \"{p}\"")));
    if links {
        InnerMode::Link
    } else if renders(text) || renders(called) || HANDED_ON.is_match(text) {
        // Content stored for the enclosing shortcode (a theme's `tab` in its `tabs`), which
        // renders it: Markdown, as such themes render it.
        InnerMode::Markdown
    } else if as_code(text) || as_code(called) {
        InnerMode::Code
    } else {
        InnerMode::Raw
    }
}

/// Whether a template shows text besides its content: words of its own outside tags, or
/// an action that prints something other than the content (`content`: what an action that
/// prints the content mentions, lower-cased: `.inner` in a shortcode; in a partial it is
/// handed to, `inner` or a rendering function). Actions inside a tag (an attribute's value)
/// show nothing; control actions, assignments, `errorf`/`warnf` and calls of partials (read
/// on their own) print nothing here.
fn prints_more(text: &str, content: &[&str]) -> bool {
    let text = COMMENT.replace_all(text, "");
    let mut actions = Vec::new();
    let marked = ACTION.replace_all(&text, |c: &regex::Captures<'_>| {
        actions.push(c[1].trim().to_owned());
        format!("\u{0}{}\u{0}", actions.len() - 1)
    });
    // A variable declared as the content (`$data := transform.Unmarshal $.Inner`) is the
    // content; one given it later among other things (`$text = printf … $.inner`) is not.
    let mut content: Vec<String> = content.iter().map(|c| (*c).to_owned()).collect();
    for action in &actions {
        let lower = action.to_lowercase();
        if let Some((name, value)) = lower.split_once(":=")
            && content.iter().any(|c| value.contains(c.as_str()))
        {
            let name = name.trim().trim_start_matches("with ").trim();
            if name.starts_with('$') {
                content.push(name.to_owned());
            }
        }
    }
    let content: Vec<&str> = content.iter().map(String::as_str).collect();
    let content = content.as_slice();
    let outside_tags = TAG.replace_all(&marked, "");
    let mut parts = outside_tags.split('\u{0}');
    // Parts alternate: text, action index, text, …
    let mut is_action = false;
    for part in parts.by_ref() {
        if !is_action {
            if part.chars().any(|c| !c.is_whitespace()) {
                return true;
            }
        } else if let Some(action) = part.parse::<usize>().ok().and_then(|i| actions.get(i))
            && prints(action, content)
        {
            return true;
        }
        is_action = !is_action;
    }
    false
}

/// Whether a Go template action writes something other than the content.
fn prints(action: &str, content: &[&str]) -> bool {
    const SILENT: &[&str] = &[
        "if ",
        "else",
        "end",
        "with ",
        "range ",
        "define ",
        "block ",
        "break",
        "continue",
        "return",
        "errorf ",
        "warnf ",
        "partial ",
        "partialCached ",
        "template ",
        "/*",
    ];
    let lower = action.to_lowercase();
    if action.is_empty()
        || SILENT.iter().any(|k| action.starts_with(k))
        || action.contains(":=")
        || (action.starts_with('$') && action.contains(" = "))
        || content.iter().any(|c| lower.contains(c))
        || [".Set ", ".Add ", ".SetInMap ", ".DeleteInMap "]
            .iter()
            .any(|call| action.contains(call))
    {
        return false;
    }
    true
}

/// The names in `partial "name"` (and `partialCached "name"`) calls.
fn partial_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("partial") {
        let rest = text[at..]
            .trim_start_matches("partialCached")
            .trim_start_matches("partial");
        let rest = rest.trim_start();
        if let Some(quoted) = rest.strip_prefix('"')
            && let Some(end) = quoted.find('"')
        {
            names.push(quoted[..end].to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sites_templates_say_how_unknown_shortcodes_show_their_content() {
        let dir = tempfile::tempdir().unwrap();
        let shortcodes = dir.path().join("themes/t/layouts/shortcodes");
        std::fs::create_dir_all(shortcodes.join("sub")).unwrap();
        let write = |name: &str, text: &str| std::fs::write(shortcodes.join(name), text).unwrap();
        write("md.html", "<div>{{ .Inner | markdownify }}</div>");
        write("raw.html", "<div class=\"{{ .Get 0 }}\">{{ .Inner }}</div>");
        write("sub/hidden.en.html", "<hr>");
        // Content handed to a partial that renders it and adds a label (gohugo.io's
        // `new-in`), and content shown as code (`code-toggle`).
        write(
            "new-in.html",
            "{{/* A badge. */}}{{ with $v := .Get 0 }}{{ partial \"layouts/blocks/feature-state.html\" (dict \"inner\" $.Inner \"version\" $v) }}{{ end }}",
        );
        let partials = dir.path().join("themes/t/layouts/partials/layouts/blocks");
        std::fs::create_dir_all(&partials).unwrap();
        std::fs::write(
            partials.join("feature-state.html"),
            "{{ $text := \"New in\" }}<span>{{ $text }} v{{ .version }}</span>{{ with .inner }}<p>{{ . | $.page.RenderString }}</p>{{ end }}",
        )
        .unwrap();
        write(
            "code-toggle.html",
            "{{ $data := transform.Unmarshal $.Inner }}{{ transform.Remarshal \"toml\" $data | transform.Highlight \"toml\" }}",
        );
        write(
            "tab.html",
            "<div><p>{{ .Get 0 }}</p>{{ .Inner | markdownify }}</div>",
        );
        // hugo-geekdoc's: the content handed to the enclosing `tabs`, which renders it.
        write(
            "gtab.html",
            "{{- if .Parent }}{{- $name := .Get 0 }}{{- .Parent.Scratch.Add \"tabs\" (dict \"Name\" $name \"Content\" .Inner) }}{{- end }}",
        );
        write(
            "note.html",
            "{{/* A fixed note. */}}\nSee [module mounts](/configuration/module/#mounts).\n",
        );
        write(
            "glossary-term.html",
            "{{- with .Get 0 }}{{ $path := printf \"/quick-reference/glossary/%s\" (urlize .) }}{{ with site.GetPage $path }}{{ .RenderShortcodes }}{{ end }}{{ end }}",
        );
        write(
            "include.html",
            "{{ with .Get 0 }}{{ with or ($.Page.GetPage .) (site.GetPage .) }}{{ .RenderShortcodes }}{{ end }}{{ end }}",
        );
        let templates = templates(&[dir.path().join("layouts/shortcodes"), shortcodes.clone()]);
        let mode = |name: &str| templates[name].mode;
        assert_eq!(mode("md"), InnerMode::Markdown);
        assert_eq!(mode("raw"), InnerMode::Raw);
        assert_eq!(mode("sub/hidden"), InnerMode::Hidden);
        assert_eq!(mode("new-in"), InnerMode::Markdown);
        assert_eq!(mode("code-toggle"), InnerMode::Code);
        assert_eq!(mode("gtab"), InnerMode::Markdown);
        assert!(!templates["gtab"].adds_output, "it shows nothing itself");
        // What each shows besides its content.
        assert!(!templates["md"].adds_output);
        assert!(
            !templates["raw"].adds_output,
            "a class attribute shows nothing"
        );
        assert!(templates["new-in"].adds_output, "its partial's label");
        assert!(templates["tab"].adds_output, "its title");
        assert!(!templates["code-toggle"].adds_output);
        assert_eq!(
            templates["note"].fixed.as_deref(),
            Some("See [module mounts](/configuration/module/#mounts).")
        );
        assert_eq!(templates["md"].fixed, None);
        assert_eq!(
            templates["glossary-term"].include,
            Some(Include {
                format: Some("/quick-reference/glossary/%s".into()),
                urlize: true,
                from_page: false,
            })
        );
        assert_eq!(
            templates["include"].include,
            Some(Include {
                format: None,
                urlize: false,
                from_page: true,
            })
        );
    }
}
