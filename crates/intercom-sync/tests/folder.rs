//! Reading a folder into pages: ids, titles, URLs, and the files that are refused.

use std::fs;
use std::path::Path;

use intercom_sync::DesiredPage;
use intercom_sync::folder::{FolderOptions, InputError, read_folder};

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn read(root: &Path, options: FolderOptions) -> (Vec<DesiredPage>, Vec<String>) {
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for item in read_folder(root, options).unwrap() {
        match item {
            Ok(page) => pages.push(page),
            Err(e) => errors.push(e.to_string()),
        }
    }
    (pages, errors)
}

#[test]
fn pages_get_relative_ids_titles_and_prefixed_urls() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "b/deep/guide.md",
        b"---\ntitle: The guide\n---\n# Heading\n\nText",
    );
    write(
        root,
        "a.html",
        b"<html><head><title>T</title></head><body><h1>First</h1></body></html>",
    );
    write(
        root,
        "c.htm",
        b"<html><head><title>Only title</title></head><body><p>x</p></body></html>",
    );
    write(root, "no-title.md", b"plain words");
    write(root, "notes.txt", b"ignored");
    write(root, ".hidden/skip.md", b"# hidden");

    let options = FolderOptions::default()
        .url_prefix("https://help.example.com/docs")
        .unwrap();
    let (pages, errors) = read(root, options);

    assert_eq!(errors, Vec::<String>::new());
    let summary: Vec<_> = pages
        .iter()
        .map(|p| {
            (
                p.external_id.as_str(),
                p.title.as_str(),
                p.url.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("a.html", "First", "https://help.example.com/docs/a.html"),
            (
                "b/deep/guide.md",
                "The guide",
                "https://help.example.com/docs/b/deep/guide.md"
            ),
            ("c.htm", "Only title", "https://help.example.com/docs/c.htm"),
            (
                "no-title.md",
                "no-title",
                "https://help.example.com/docs/no-title.md"
            ),
        ]
    );
    assert!(pages[1].html.contains("<h1>Heading</h1>"));
    assert_eq!(pages[0].ai_agent_availability, None);
}

#[test]
fn unreadable_files_are_reported_and_never_become_pages() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.md", b"# Good");
    write(root, "latin1.html", b"<p>caf\xe9</p>");
    write(root, "big.md", &vec![b'a'; 2048]);
    write(root, "empty.md", b"  \n");
    write(root, "bad-front-matter.md", b"---\ntitle: [x\n---\nbody");

    let (pages, errors) = read(root, FolderOptions::default().max_file_bytes(1024));

    assert_eq!(
        pages
            .iter()
            .map(|p| p.external_id.as_str())
            .collect::<Vec<_>>(),
        ["good.md"]
    );
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("latin1.html: is not UTF-8"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("big.md: is 2048 bytes, more than the limit of 1024"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("empty.md: has no content (nothing but front matter)")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("bad-front-matter.md: front matter is not YAML"))
    );
}

#[test]
fn a_missing_root_or_a_bad_prefix_is_one_clear_error() {
    let err = read_folder("/definitely/not/here", FolderOptions::default())
        .err()
        .unwrap();
    assert!(matches!(err, InputError::Root { .. }));
    assert_eq!(
        err.to_string(),
        "/definitely/not/here: directory does not exist"
    );

    let err = FolderOptions::default()
        .url_prefix("help/docs")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "url_prefix \"help/docs\" is not an absolute URL"
    );
    let err = FolderOptions::default()
        .url_prefix("ftp://x.example/")
        .unwrap_err();
    assert!(err.to_string().contains("not an http or https URL"));
}

#[test]
fn the_sample_help_center_reads_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/help-center");
    let (pages, errors) = read(&root, FolderOptions::default());
    assert_eq!(errors, Vec::<String>::new());
    assert!(pages.len() >= 30, "{}", pages.len());
    let title = |id: &str| {
        pages
            .iter()
            .find(|p| p.external_id == id)
            .map(|p| p.title.as_str())
            .unwrap_or_else(|| panic!("no page {id}"))
    };
    assert_eq!(title("index.md"), "Parcelwise Help Center");
    assert_eq!(title("shipping/package-presets.md"), "Package presets");
    assert_eq!(title("billing/label-credits.md"), "label-credits");
    assert_eq!(
        title("account/closing-your-account.html"),
        "Closing your Parcelwise account"
    );
    assert_eq!(
        title("troubleshooting/tracking-not-updating.html"),
        "tracking-not-updating"
    );
}

#[test]
fn the_root_must_be_a_folder_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", b"# A");
    let error = |root: &Path| read_folder(root, FolderOptions::default()).err().unwrap();
    assert!(matches!(
        error(&dir.path().join("a.md")),
        InputError::Root { .. }
    ));
    assert!(
        error(&dir.path().join("a.md"))
            .to_string()
            .ends_with("is not a directory"),
        "{}",
        error(&dir.path().join("a.md"))
    );
    assert!(
        error(&dir.path().join("gone"))
            .to_string()
            .ends_with("directory does not exist")
    );
    // Not "does not exist": something is in the way.
    let under_a_file = error(&dir.path().join("a.md/inner")).to_string();
    assert!(under_a_file.contains("cannot be read: "), "{under_a_file}");
}

#[test]
fn a_site_url_with_a_query_or_a_fragment_is_refused() {
    for url in [
        "https://kb.example.com/?lang=en",
        "https://kb.example.com/#top",
    ] {
        let error = FolderOptions::default().site_url(url).err().unwrap();
        assert!(
            error.to_string().contains("has a query or fragment"),
            "{url}: {error}"
        );
    }
    assert!(
        FolderOptions::default()
            .site_url("https://kb.example.com/")
            .is_ok()
    );
}

#[test]
fn the_detection_line_says_layout_config_content_folder_and_site_url() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", b"# A");
    let pages = read_folder(dir.path(), FolderOptions::default()).unwrap();
    assert_eq!(
        pages.detected().to_string(),
        format!(
            "layout plain (no site config found), content folder {}, no site URL (pages get none)",
            dir.path().display()
        )
    );
    write(
        dir.path(),
        "mkdocs.yml",
        b"site_name: KB\nsite_url: https://kb.example.com/\n",
    );
    write(dir.path(), "docs/a.md", b"# A");
    let pages = read_folder(dir.path(), FolderOptions::default()).unwrap();
    assert_eq!(
        pages.detected().to_string(),
        format!(
            "layout mkdocs (from {}), content folder {}, site URL https://kb.example.com/",
            dir.path().join("mkdocs.yml").display(),
            dir.path().join("docs").display()
        )
    );
}

#[test]
fn by_default_a_file_of_two_mib_is_read_and_one_byte_more_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let limit = 2 * 1024 * 1024;
    let mut page = b"# Big\n\n".to_vec();
    page.resize(limit, b'a');
    write(dir.path(), "fits.md", &page);
    page.push(b'a');
    write(dir.path(), "over.md", &page);
    let (pages, errors) = read(dir.path(), FolderOptions::default());
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].external_id, "fits.md");
    assert!(
        errors[0].starts_with("over.md: is 2097153 bytes"),
        "{errors:?}"
    );
}

/// What a file that cannot be read whole stands for: its own page when its first bytes show
/// its id (no front matter: the id is its path; else the front matter's), else every page.
#[test]
fn a_file_that_cannot_be_read_whole_keeps_its_page_only_when_its_head_shows_its_id() {
    use intercom_sync::Covers;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", b"# Good");
    // Too short to tell whether front matter starts.
    write(dir.path(), "short.md", b"ab\xff");
    // Long enough: no front matter, so its id is its path.
    write(dir.path(), "four.md", b"abcd\xff");
    // Front matter far into the file's first 64 KiB.
    let mut long = b"---\ndescription: ".to_vec();
    long.extend(std::iter::repeat_n(b'x', 4000));
    long.extend(b"\nexternal_id: custom\n---\nBody \xff\n");
    write(dir.path(), "long.md", &long);
    let mut covers: Vec<(String, Covers)> = read_folder(dir.path(), FolderOptions::default())
        .unwrap()
        .filter_map(Result::err)
        .map(|e| (e.name.clone().unwrap_or_default(), e.covers.clone()))
        .collect();
    covers.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        covers,
        [
            ("four.md".to_owned(), Covers::Page("four.md".into())),
            ("long.md".to_owned(), Covers::Page("custom".into())),
            ("short.md".to_owned(), Covers::All),
        ]
    );
}

#[test]
fn an_html_file_is_sent_byte_for_byte_and_markdown_line_ends_are_normalized() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.html", b"<p>one</p>\r\n<p>two</p>\r\n");
    write(dir.path(), "b.md", b"---\r\ntitle: B\r\n---\r\nText\r\n");
    let (pages, errors) = read(dir.path(), FolderOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(pages[0].html, "<p>one</p>\r\n<p>two</p>\r\n");
    assert_eq!(pages[1].title, "B");
    assert!(!pages[1].html.contains('\r'), "{:?}", pages[1].html);
}

#[test]
fn a_page_url_is_refused_for_an_id_with_an_empty_dot_or_dot_dot_part() {
    let prefix = url::Url::parse("https://kb.example.com/docs/").unwrap();
    for id in ["a//b", "a/./b", "a/../b", "/a", "a/"] {
        let error = intercom_sync::folder::page_url(&prefix, id).unwrap_err();
        assert!(
            error.contains("an empty, `.` or `..` part"),
            "{id}: {error}"
        );
    }
    assert_eq!(
        intercom_sync::folder::page_url(&prefix, "a/b.md").unwrap(),
        "https://kb.example.com/docs/a/b.md"
    );
}
