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
