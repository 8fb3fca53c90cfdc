//! Hugo's sources as Hugo publishes them: which files are pages of the language synced, at
//! which URLs, and what their shortcodes show.
//!
//! **Config.** Read from the site's config file (or its config directory,
//! `config/_default/`, with `config/production/` over it): `baseURL`,
//! `defaultContentLanguage` and `defaultContentLanguageInSubdir`, `languages` (each one's
//! `contentDir`, `baseURL`, `params`, `disabled`), `module.mounts` (the mounts whose target is
//! `content` or under it: they replace `contentDir`, as in Hugo; their `lang`, or newer
//! Hugo's `sites.matrix.languages`), `params`, `cascade`, `disableKinds`, `buildFuture`,
//! `buildExpired`, `disablePathToLower`, `theme` and `themesDir` (where the shortcode
//! templates are looked for, in `layouts/_shortcodes` and `layouts/shortcodes`).
//!
//! **One language.** Intercom takes one language, so one is synced: the one asked, else the
//! one whose content folder was given, else `defaultContentLanguage` (`en` by default). Its
//! files are those of its content folders (`languages.<lang>.contentDir`, the content
//! mounts with its `lang` or none) named without another language's suffix (`page.fr.md` is
//! French when `fr` is one of the site's languages). Its pages are under `baseURL`, in
//! `<lang>/` unless it is the default language (and `defaultContentLanguageInSubdir` is off)
//! or has its own `baseURL`.
//!
//! **Identity.** A page's path is the path Hugo sees: relative to its content folder, under
//! the mount's target (`content/en/docs/a.md` mounted on `content` is `docs/a.md`), and that
//! path is its external id, as for any other layout.
//!
//! **What is published.** Not: another language's files; a leaf bundle's files other than
//! its `index.md` (they are its resources); drafts, and every page under a draft section;
//! pages whose `build` (or `_build`, as Hugo 0.111 calls it) has `render: never` (or `link`,
//! or `false`); headless leaf bundles (`headless: true`); pages of a kind in `disableKinds`;
//! pages expired (`expiryDate`) or dated later than the run (`publishDate`, else `date`),
//! unless `buildExpired`/`buildFuture`.
//! `list: never` pages are published; `aliases` are redirects, not pages.
//! Front matter `cascade` (a mapping or a list of them, each with an optional `_target` /
//! `target`: `path` glob, `kind`, `lang`, `environment`) gives its keys to the section's
//! pages and itself, the nearest section's first, a page's own keys winning; the site
//! config's `cascade` comes last. Front matter may be YAML (`---`) or TOML (`+++`).
//!
//! **Shortcodes** are expanded before the Markdown is rendered, everywhere (in code blocks
//! and code spans too, as Hugo does): `highlight` (a code block), `figure` (an image with its
//! title and caption), `details` (`<details><summary>`), `param` (the page's front matter,
//! then the site's params), `ref` and `relref` (the absolute URL of the page they name,
//! looked up as Hugo does), `comment` (nothing); `{{</* x */>}}` shows `{{< x >}}`. A paired
//! shortcode the sync does not know keeps its content: as Markdown for `{{% %}}`, and for
//! `{{< >}}` as the site's template uses it (`markdownify` or `RenderString`: Markdown;
//! `.Inner` alone: as it is; no `.Inner`: not shown), as it is when its template is not in
//! the repository. Anything else (an unpaired shortcode the sync does not know, the media
//! embeds, a `ref` to no page, a missing `param`) is dropped and named in the page's
//! [`DesiredPage::left_out`](crate::DesiredPage::left_out).
//! A link whose destination was such a shortcode keeps its text only. Goldmark's block
//! attribute lines (`{.lead}`) are left out.
//!
//! **Links** go where the link render hook Hugo ships since 0.123 sends them (recent versions
//! use it by default on multilingual sites; themes and sites often have one like it): a
//! relative or `/` path is looked up as a page (from the page's folder, or a leaf bundle's
//! parent folder, then from the content root; `.md` or not) and becomes its URL; a page that
//! is not published leaves its link's text only; any other path, and any link in raw HTML
//! (which no render hook sees), is resolved from the page's URL, as the browser does.
//!
//! **URLs** follow `permalinks` ([`permalinks`]); `url:` wins over them. **Files Hugo does
//! not read** (a name starting with `.` or `#` or ending with `~`, an `ignoreFiles` match on
//! the absolute path, a mount's `files`/`includeFiles`/`excludeFiles` filter) are skipped.
//!
//! **Not read**: `[frontmatter]` date settings, `timeZone` (dates without a zone are UTC), Goldmark's
//! `unsafe = false` (Hugo then leaves raw HTML out; it is sent), the front matter of `.html`
//! content files, a config directory beside a root config file.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;
use serde_json::{Map, Value};
use url::Url;

use super::InputError;
use super::front_matter::{self, FrontMatter};
use super::links::{UNLINKED, unlink};
use super::markdown::{self, Syntax, escape};

mod config;
mod links;
mod matter;
mod pages;
mod permalinks;
mod shortcode_tags;
mod shortcodes;
mod site;
mod templates;

pub(crate) use config::{Config, project_dir, with_config_dir};
pub(crate) use pages::Pages;
pub(crate) use site::HugoSite;

use config::*;
use links::*;
use matter::*;
use pages::*;
use permalinks::{PageFacts, Permalinks};
use shortcode_tags::*;
use shortcodes::*;
use site::*;
use templates::{InnerMode, LINK_PARAMS, Template, templates};

/// Front matter and params: YAML and TOML read as JSON values.
type Mapping = Map<String, Value>;

/// `relative`'s folder (`""` at the root) and file name.
pub(super) fn split_dir(relative: &str) -> (&str, &str) {
    relative.rsplit_once('/').unwrap_or(("", relative))
}

pub(super) fn parent_dir(dir: &str) -> &str {
    dir.rsplit_once('/').map_or("", |(parent, _)| parent)
}

/// The file name without its last extension.
pub(super) fn strip_ext(name: &str) -> &str {
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_lexed_with_their_parameters() {
        let tokens = lex(
            "a {{< figure src=\"x.png\" caption=`A \"b\"\nc` alt=bare >}} b {{% notice tip \"say \\\"hi\\\"\" %}}{{< /notice >}}{{<x/>}}",
        );
        let Token::Tag(figure) = &tokens[1] else {
            panic!("{tokens:?}")
        };
        assert_eq!(figure.name, "figure");
        assert_eq!(
            figure.named,
            [
                ("src".to_owned(), "x.png".to_owned()),
                ("caption".to_owned(), "A \"b\"\nc".to_owned()),
                ("alt".to_owned(), "bare".to_owned()),
            ]
        );
        assert_eq!(tokens[2], Token::Text(" b "));
        let Token::Tag(notice) = &tokens[3] else {
            panic!("{tokens:?}")
        };
        assert_eq!(notice.delim, Delim::Percent);
        assert_eq!(notice.positional, ["tip", "say \"hi\""]);
        let Token::Tag(close) = &tokens[4] else {
            panic!("{tokens:?}")
        };
        assert!(close.closing && close.name == "notice");
        let Token::Tag(x) = &tokens[5] else {
            panic!("{tokens:?}")
        };
        assert!(x.self_closing && x.name == "x");
        // Go templates, JSX-like braces and tags never closed are text.
        for text in [
            "{{ .Title }}",
            "{{<div>}",
            "{{< never closed",
            "{{< \"x\" >}}",
        ] {
            assert_eq!(lex(text), [Token::Text(text)], "{text}");
        }
    }

    #[test]
    fn an_escaped_shortcode_is_shown_as_written_without_its_comment_marks() {
        assert_eq!(
            lex("{{</* ref \"a.md\" */>}} and {{%/* x */%}}"),
            [
                Token::Literal("{{< ref \"a.md\" >}}".into()),
                Token::Text(" and "),
                Token::Literal("{{% x %}}".into()),
            ]
        );
    }

    #[test]
    fn a_closing_tag_pairs_the_nearest_opening_of_its_name() {
        let mut dropped = Vec::new();
        let nodes = pair(
            lex(
                "{{< tabs >}}{{< tab >}}a{{< unknown >}}b{{< /tab >}}{{< tab >}}c{{< /tab >}}{{< /tabs >}}{{< /stray >}}",
            ),
            &mut dropped,
        );
        assert_eq!(dropped, ["{{< /stray >}} (closes nothing)"]);
        let [
            Node::Shortcode {
                tag,
                inner: Some(tabs),
            },
        ] = nodes.as_slice()
        else {
            panic!("{nodes:?}")
        };
        assert_eq!(tag.name, "tabs");
        assert_eq!(tabs.len(), 2);
        let Node::Shortcode {
            inner: Some(first), ..
        } = &tabs[0]
        else {
            panic!("{tabs:?}")
        };
        // The unknown tag inside was never closed: unpaired, its text after it kept.
        assert!(matches!(&first[1], Node::Shortcode { inner: None, tag } if tag.name == "unknown"));
        assert!(matches!(&first[2], Node::Text(t) if t == "b"));
        // Built-ins without content never wait for a closing tag.
        let nodes = pair(lex("{{< param x >}} text {{< /other >}}"), &mut dropped);
        assert!(matches!(&nodes[0], Node::Shortcode { inner: None, .. }));
    }

    #[test]
    fn placeholders_are_replaced_nested_and_links_to_nothing_keep_their_text() {
        let outputs = ["<b>HAHAHUGOSHORTCODE1HBHB</b>".to_owned(), "x".to_owned()];
        assert_eq!(
            substitute(
                "a HAHAHUGOSHORTCODE0HBHB HAHAHUGOSHORTCODE HBHB",
                0,
                &mut |n| { outputs[n].clone() }
            ),
            "a <b>x</b> HAHAHUGOSHORTCODE HBHB"
        );
        assert_eq!(
            unlink(
                "<p><a href=\"intercom-unlinked:\" title=\"t\">the <em>text</em></a> and <img src=\"intercom-unlinked:\" alt=\"x\" /> end</p>"
            ),
            "<p>the <em>text</em> and <img alt=\"x\" /> end</p>"
        );
        assert_eq!(strip_tags("<p>a <em>b</em></p>"), "a b");
    }

    #[test]
    fn params_print_as_templates_print_them() {
        let yaml = super::super::yaml::parse(
            "s: text\nn: 12\nf: 1.5\nb: true\nl: [a, 2]\nm: {k: v}",
            true,
        )
        .unwrap();
        let map = yaml.as_object().unwrap();
        let text = |k: &str| lookup(map, k).and_then(param_text);
        assert_eq!(text("S").as_deref(), Some("text"));
        assert_eq!(text("n").as_deref(), Some("12"));
        assert_eq!(text("f").as_deref(), Some("1.5"));
        assert_eq!(text("b").as_deref(), Some("true"));
        assert_eq!(text("l").as_deref(), Some("[a 2]"));
        assert_eq!(text("m.k").as_deref(), Some("v"));
        assert_eq!(text("m"), None);
        assert_eq!(text("missing"), None);
    }

    #[test]
    fn cascade_targets_match_as_hugo_globs_do() {
        let cascade = cascades(
            &super::super::yaml::parse(
                "- build: {render: never}\n  target: {path: '{,/**}/_includes{,/**}', kind: '{page,section}'}\n",
                true,
            )
            .unwrap(),
        );
        let target = |path: &str, kind: &'static str| Target {
            paths: [path.to_owned(), String::new()],
            kind,
            lang: "en",
        };
        for path in [
            "/_includes/a.md",
            "/docs/_includes/b.md",
            "/_includes",
            "/x/_includes/y/z.md",
        ] {
            assert!(cascade[0].matches(&target(path, "page")), "{path}");
        }
        assert!(!cascade[0].matches(&target("/docs/includes/a.md", "page")));
        assert!(!cascade[0].matches(&target("/_includes/a.md", "home")));
    }

    #[test]
    fn a_mounts_files_filter_admits_what_hugo_reads() {
        let filter = |mount: Value| MountFilter::read(&mount).unwrap();
        let files =
            filter(serde_json::json!({"files": ["docs/**", "! docs/drafts/**", "! **.tmp.md"]}));
        assert!(files.admits("docs/a.md"));
        assert!(files.admits("docs/sub/b.md"));
        assert!(!files.admits("docs/drafts/c.md"));
        assert!(!files.admits("docs/x.tmp.md"));
        assert!(!files.admits("blog/a.md"));
        let old =
            filter(serde_json::json!({"includeFiles": "docs", "excludeFiles": ["docs/old/*"]}));
        assert!(
            old.admits("docs/a.md"),
            "an included folder includes its files"
        );
        assert!(!old.admits("docs/old/a.md"));
        assert!(
            !old.admits("docs/old/deeper/a.md"),
            "an excluded folder excludes its files"
        );
        assert!(filter(serde_json::json!({})).admits("anything.md"));
        assert!(MountFilter::read(&serde_json::json!({"files": ["a/{b"]})).is_err());
    }

    #[test]
    fn dates_are_read_as_hugo_writes_them() {
        let at = |text: &str| timestamp(&Value::String(text.into())).map(|t| t.0.timestamp());
        assert_eq!(at("1970-01-01"), Some(0));
        assert_eq!(at("2024-03-01"), Some(1_709_251_200));
        assert_eq!(at("2024-03-01T10:30:00Z"), Some(1_709_251_200 + 37_800));
        assert_eq!(
            at("2024-03-01T10:30:00+02:00"),
            Some(1_709_251_200 + 30_600)
        );
        assert_eq!(
            at("2024-03-01 10:30:00 -0100"),
            Some(1_709_251_200 + 41_400)
        );
        assert_eq!(at("not a date"), None);
        assert_eq!(at("2024-13-01"), None);
        let toml: Value = toml::from_str("date = 2024-03-01").unwrap();
        assert_eq!(
            lookup(toml.as_object().unwrap(), "date")
                .and_then(timestamp)
                .map(|t| t.0.timestamp()),
            Some(1_709_251_200)
        );
    }

    #[test]
    fn block_attribute_lines_are_left_out_outside_code() {
        let markdown = "Lead.\n{.display-6 #top data-x=\"1\"}\n\n```json\n{.not #removed}\n```\n{not attributes}\n{}\n";
        let after_shortcode =
            format!("{TOKEN_START}3{TOKEN_END}{{class=\"!mt-0\"}}\nText {{.x}}\n");
        assert_eq!(
            block_attributes_removed(&after_shortcode),
            format!("{TOKEN_START}3{TOKEN_END}\nText {{.x}}\n")
        );
        assert_eq!(
            block_attributes_removed(markdown),
            "Lead.\n\n```json\n{.not #removed}\n```\n{not attributes}\n{}\n"
        );
    }

    #[test]
    fn front_matter_may_be_toml() {
        let (block, body) = split("+++\ntitle = \"T\"\n[build]\nrender = \"never\"\n+++\nBody\n");
        assert_eq!(body, "Body\n");
        let map = parse_block(block).unwrap();
        assert_eq!(
            lookup(&map, "build.render").and_then(Value::as_str),
            Some("never")
        );
        assert!(
            parse_block(split("+++\ntitle = [\n+++\n").0)
                .unwrap_err()
                .starts_with("front matter is not TOML")
        );
        assert!(split("+++ not a block\n").0.is_none());
    }

    #[test]
    fn a_config_directory_is_merged_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let default = dir.path().join("config/_default");
        std::fs::create_dir_all(&default).unwrap();
        std::fs::create_dir_all(dir.path().join("config/production")).unwrap();
        std::fs::write(
            default.join("hugo.toml"),
            "baseURL = 'https://x.example/'\n",
        )
        .unwrap();
        std::fs::write(
            default.join("languages.yaml"),
            "en: {weight: 1}\nfr: {weight: 2}\n",
        )
        .unwrap();
        std::fs::write(default.join("params.fr.toml"), "color = 'rouge'\n").unwrap();
        std::fs::write(default.join("notes.txt"), "not config").unwrap();
        std::fs::write(
            dir.path().join("config/production/hugo.toml"),
            "baseURL = 'https://prod.example/'\n",
        )
        .unwrap();
        let root = default.join("hugo.toml");
        let value = serde_json::json!({ "baseURL": "https://x.example/" });
        let merged = with_config_dir(&root, value).unwrap();
        assert_eq!(merged["baseURL"], "https://prod.example/");
        assert_eq!(merged["languages"]["en"]["weight"], 1);
        assert_eq!(merged["languages"]["fr"]["params"]["color"], "rouge");
        assert_eq!(project_dir(&root), Some(dir.path()));
        // Any other config file is left as it is.
        let other = dir.path().join("hugo.toml");
        let value = serde_json::json!({ "title": "T" });
        assert_eq!(with_config_dir(&other, value.clone()).unwrap(), value);
        assert_eq!(project_dir(&other), Some(dir.path()));
    }

    /// A site of `files` (path under `content/`, text), read as the folder input reads it.
    fn site(config: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, Pages) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hugo.toml"), config).unwrap();
        let mut entries = Vec::new();
        for (relative, text) in files {
            let path = dir.path().join("content").join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            entries.push(((*relative).to_owned(), path, false));
        }
        let value: serde_json::Value = toml::from_str(config).unwrap();
        let config = Config::read(&value).unwrap();
        let base = Url::parse("https://h.example/docs/").unwrap();
        let hugo = HugoSite::resolve(
            Some(&config),
            Some(dir.path()),
            dir.path(),
            None,
            None,
            Some(&base),
            true,
        )
        .unwrap();
        let mut pages = Pages::new(&hugo, &entries);
        for (relative, text) in files {
            let path = dir.path().join("content").join(relative);
            if pages.not_published_file(relative, &path).is_some() {
                continue;
            }
            let (fm, merged) = pages.front_matter(relative, text).unwrap();
            let unpublished = pages.unpublished(relative, &merged);
            if fm.draft || unpublished.as_ref().is_some_and(|u| !u.findable) {
                continue;
            }
            let url = hugo.page_url(relative, &fm).unwrap();
            pages.add(relative, url.filter(|_| unpublished.is_none()));
        }
        (dir, pages)
    }

    fn render(pages: &Pages, relative: &str, text: &str) -> RenderedPage {
        let fm = pages.front_matter(relative, text).unwrap().0;
        let url = pages.site.page_url(relative, &fm).unwrap();
        pages.render(relative, text, url.as_deref()).unwrap()
    }

    const CONFIG: &str = "baseURL = 'https://h.example/docs/'\ntitle = 'T'\n[params]\nproduct = 'Quartz'\n[params.support]\nemail = 'help@h.example'\n";

    #[test]
    fn built_in_shortcodes_are_rendered() {
        let page = "---\ntitle: A\nversion: 2.1\nstrong: '**x**'\nparams:\n  codename: Tock\n---\n{{< param version >}} {{% param codename %}} {{< param product >}} {{< param \"support.email\" >}}\n\n{{< param strong >}} {{% param strong %}}\n\n{{< highlight go \"linenos=table\" >}}\nfunc main() { a < b }\n{{< /highlight >}}\n\n{{< figure src=\"pic.png\" link=\"big.png\" title=\"T<\" caption=\"A *caption*\" attr=\"Me\" attrlink=\"https://me.example\" >}}\n\n{{< details summary=\"More *here*\" open=true >}}\nHidden **text**.\n{{< /details >}}\n{{% comment %}}not shown{{% /comment %}}\n";
        let (_dir, pages) = site(CONFIG, &[("docs/a.md", page)]);
        let out = render(&pages, "docs/a.md", page);
        let html = &out.html;
        assert!(
            html.contains("<p>2.1 Tock Quartz help@h.example</p>"),
            "{html}"
        );
        // `{{< >}}` output is HTML (the value shown as it is); `{{% %}}` output is Markdown.
        assert!(html.contains("<p>**x** <strong>x</strong></p>"), "{html}");
        assert!(
            html.contains(
                "<pre><code class=\"language-go\">func main() { a &lt; b }\n</code></pre>"
            ),
            "{html}"
        );
        // A block alone in its paragraph replaces the paragraph.
        assert!(!html.contains("<p><pre>"), "{html}");
        assert!(
            html.contains("<figure><a href=\"https://h.example/docs/docs/a/big.png\"><img src=\"https://h.example/docs/docs/a/pic.png\" alt=\"A caption\" /></a><figcaption><h4>T&lt;</h4><p>A <em>caption</em><a href=\"https://me.example\">Me</a></p></figcaption></figure>"),
            "{html}"
        );
        assert!(
            html.contains("<details open>\n<summary>More <em>here</em></summary>\n<p>Hidden <strong>text</strong>.</p>\n</details>"),
            "{html}"
        );
        assert!(!html.contains("not shown"), "{html}");
        assert!(out.dropped.is_empty(), "{:?}", out.dropped);
    }

    #[test]
    fn refs_are_the_urls_of_the_pages_hugo_finds() {
        let files = [
            ("_index.md", "---\ntitle: Home\n---\nHome"),
            ("docs/_index.md", "---\ntitle: Docs\n---\nDocs"),
            ("docs/a.md", "---\ntitle: A\n---\nA"),
            ("docs/b.md", "---\ntitle: B\n---\nB"),
            ("docs/sub/c.md", "---\ntitle: C\n---\nC"),
            (
                "docs/bundle/index.md",
                "---\ntitle: Bundle\nslug: packed\n---\nBundle",
            ),
            ("other/b.md", "---\ntitle: Other B\n---\nB"),
            (
                "other/never.md",
                "---\ntitle: N\n_build: {render: never}\n---\nN",
            ),
            ("other/draft.md", "---\ntitle: D\ndraft: true\n---\nD"),
        ];
        let (_dir, pages) = site(CONFIG, &files);
        let text = "[1]({{< ref \"b\" >}}) [2]({{< ref \"b.md#part\" >}}) [3]({{< relref \"sub/c.md\" >}}) [4]({{< ref \"/other/b\" >}}) [5]({{< ref \"c\" >}}) [6]({{< ref \"bundle\" >}}) [7]({{< ref \"../_index.md\" >}}) [8]({{< ref \"#top\" >}}) [9]({{< ref path=\"/docs\" >}}) [10]({{< ref \"never\" >}}) [11]({{< ref \"draft\" >}}) [12]({{< ref \"nothing\" >}}) see {{< ref \"a\" >}}.";
        let out = render(&pages, "docs/a.md", text);
        let html = &out.html;
        for (n, url) in [
            (1, "https://h.example/docs/docs/b/"),
            (2, "https://h.example/docs/docs/b/#part"),
            (3, "https://h.example/docs/docs/sub/c/"),
            (4, "https://h.example/docs/other/b/"),
            // By its name alone, when one page has it.
            (5, "https://h.example/docs/docs/sub/c/"),
            (6, "https://h.example/docs/docs/packed/"),
            (7, "https://h.example/docs/"),
            (8, "#top"),
            (9, "https://h.example/docs/docs/"),
        ] {
            assert!(
                html.contains(&format!("<a href=\"{url}\">{n}</a>")),
                "{n}: {html}"
            );
        }
        // Not published, a draft (Hugo does not find it), no page: the text alone.
        assert!(
            html.contains(" 10 11 12 see https://h.example/docs/docs/a/."),
            "{html}"
        );
        assert_eq!(
            out.dropped,
            [
                "{{< ref \"never\" >}} (a page Hugo does not publish)",
                "{{< ref \"draft\" >}} (no such page)",
                "{{< ref \"nothing\" >}} (no such page)",
                "3 link(s) whose destination could not be rendered (their text kept)",
            ]
        );
        // `b` is in two folders: found from the page's folder, ambiguous by name elsewhere.
        let out = render(&pages, "_index.md", "[b]({{< ref \"b\" >}})");
        assert_eq!(out.html, "<p>b</p>\n");
    }

    #[test]
    fn unknown_shortcodes_keep_their_content_and_unpaired_ones_are_dropped() {
        let text = "Intro {{< kbd >}}Ctrl{{< /kbd >}} {{< toc >}}\n\n{{% notice tip %}}\n**Bold** tip.\n{{% /notice %}}\n\n{{< tab \"Linux\" >}}\n**raw** inner\n{{< /tab >}}\n\n[link text]({{< unknown-url >}}) and ![img]({{< asset >}})\n\n```\n{{< param product >}} {{</* param product */>}}\n```\n\n`{{< param product >}}`\n";
        let (_dir, pages) = site(CONFIG, &[("a.md", text)]);
        let out = render(&pages, "a.md", text);
        let html = &out.html;
        assert!(html.contains("<p>Intro Ctrl </p>"), "{html}");
        assert!(html.contains("<p><strong>Bold</strong> tip.</p>"), "{html}");
        // No template in the repository: `{{< >}}` content as it is.
        assert!(html.contains("\n**raw** inner\n"), "{html}");
        assert!(
            html.contains("<p>link text and <img alt=\"img\" /></p>"),
            "{html}"
        );
        // Shortcodes in code are expanded too, as Hugo does; an escaped one shows itself.
        assert!(
            html.contains("<pre><code>Quartz {{&lt; param product &gt;}}\n</code></pre>"),
            "{html}"
        );
        assert!(html.contains("<code>Quartz</code>"), "{html}");
        assert_eq!(
            out.dropped,
            [
                "{{< toc >}} (unknown to the sync)",
                "{{< unknown-url >}} (unknown to the sync)",
                "{{< asset >}} (unknown to the sync)",
                "2 link(s) whose destination could not be rendered (their text kept)",
            ]
        );
    }
}
