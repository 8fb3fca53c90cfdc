//! `sync --summary-file`: the Markdown a CI job summary shows, appended to the file.

mod common;

use std::fs;

use common::{Fake, SOURCE_URL, sample_copy, sync_args};
use intercom_fake::faults::{Route, Step};
use intercom_fake::{FaultConfig, FaultKind, FaultRule};

const SITE: &str = "https://help.example.com";

/// A summary's table rows under `#### {title}`.
fn rows<'a>(summary: &'a str, title: &str) -> Vec<&'a str> {
    let Some(start) = summary.find(&format!("\n#### {title}\n")) else {
        return Vec::new();
    };
    summary[start..]
        .lines()
        .skip(5) // the heading, a blank line, the header and its rule
        .take_while(|l| l.starts_with("| "))
        .collect()
}

#[test]
fn a_sync_with_every_outcome_is_summarized_with_counts_tables_and_urls() {
    let fake = Fake::start();
    let dir = sample_copy();
    let root = dir.path();
    let site = ["--site-url", SITE];
    fake.run(&sync_args(root, &site)).0.assert_ok();

    // One page of each kind: edited, new (its title with a `|`), removed, removed but its
    // deletion fails at Intercom, and a file that cannot be read.
    fs::write(
        root.join("index.md"),
        "# Parcelwise Help Center\n\nEdited.\n",
    )
    .unwrap();
    fs::write(
        root.join("new-page.md"),
        "---\ntitle: \"A | B\"\n---\nNew.\n",
    )
    .unwrap();
    fs::remove_file(root.join("getting-started/what-is-parcelwise.md")).unwrap();
    fs::remove_file(root.join("api/webhooks.md")).unwrap();
    fs::write(root.join("broken.md"), b"# Broken \xff\xfe\n").unwrap();
    let webhooks = fake
        .state()
        .pages
        .iter()
        .find(|p| p.external_id == "api/webhooks.md")
        .map(|p| p.id.clone())
        .unwrap();
    fake.set_faults(FaultConfig::new().rule(FaultRule::script(
        Route::exact("DELETE", &format!("/ai/external_pages/{webhooks}")),
        [Step::Fault(FaultKind::ServerError); 8],
    )));

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("summary.md");
    fs::write(&file, "earlier step\n").unwrap();
    let file_arg = file.to_str().unwrap();
    let args = sync_args(
        root,
        &["--site-url", SITE, "--prune", "--summary-file", file_arg],
    );
    let (run, _) = fake.run(&args);
    assert_eq!(run.code, 3, "{run:#?}");

    let text = fs::read_to_string(&file).unwrap();
    let summary = text
        .strip_prefix("earlier step\n")
        .expect("appended after what was there");
    assert!(
        summary.starts_with(&format!("### ❌ intercom sync: {SOURCE_URL}\n\n")),
        "{summary}"
    );
    assert!(
        summary.contains("**Failed, exit code 3 (`partial_failure`)**: sync: 2 of 41 pages failed"),
        "{summary}"
    );
    assert!(
        summary.contains(
            "| pages | created | updated | unchanged | deleted | failed | skipped |\n\
             | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
             | 41 | 1 | 1 | 36 | 1 | 2 | 0 |\n"
        ),
        "{summary}"
    );
    assert_eq!(
        rows(summary, "Created (1)"),
        [format!("| new-page.md | A \\| B | <{SITE}/new-page.md> |")]
    );
    assert_eq!(
        rows(summary, "Updated (1)"),
        [format!(
            "| index.md | Parcelwise Help Center | <{SITE}/index.md> |"
        )]
    );
    assert_eq!(
        rows(summary, "Deleted (1)"),
        [format!(
            "| getting-started/what-is-parcelwise.md | - | <{SITE}/getting-started/what-is-parcelwise.md> |"
        )]
    );
    let failed = rows(summary, "Failed (2)");
    assert_eq!(failed.len(), 2, "{summary}");
    assert!(
        failed[0].starts_with("| broken.md | skip | is not UTF-8") && failed[0].ends_with(" | - |"),
        "{}",
        failed[0]
    );
    assert!(
        failed[1].starts_with("| api/webhooks.md | delete | Intercom API error: HTTP 500")
            && failed[1].contains("(a rerun may fix it)")
            && failed[1].ends_with(&format!(" | <{SITE}/api/webhooks.md> |")),
        "{}",
        failed[1]
    );
    assert!(rows(summary, "Skipped").is_empty(), "{summary}");
    assert!(
        summary.ends_with("\n\n"),
        "a blank line for what comes next"
    );
}

#[test]
fn a_dry_run_says_would_and_a_long_table_is_cut_with_a_count() {
    let fake = Fake::start();
    let dir = tempfile::tempdir().unwrap();
    for n in 0..120 {
        fs::write(
            dir.path().join(format!("p{n:03}.md")),
            format!("# Page {n}\n"),
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("summary.md");
    let args = sync_args(
        dir.path(),
        &["--dry-run", "--summary-file", file.to_str().unwrap()],
    );
    let (run, _) = fake.run(&args);
    run.assert_ok();
    let summary = fs::read_to_string(&file).unwrap();
    assert!(summary.starts_with("### ✅ intercom sync: "), "{summary}");
    assert!(summary.contains("Dry run: nothing was sent"), "{summary}");
    let shown = rows(&summary, "Would create (120)");
    assert_eq!(shown.len(), 100, "{summary}");
    assert_eq!(shown[0], "| p000.md | Page 0 | - |");
    assert!(summary.contains("\n… and 20 more\n"), "{summary}");
}

#[test]
fn a_sync_that_stops_before_its_report_still_summarizes_why_and_a_bad_path_sends_nothing() {
    let fake = Fake::start();
    let dir = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("summary.md");
    let url = fake.url();
    let mut args = vec!["--base-url", url.as_str(), "--token", "tok_wrong"];
    args.extend(sync_args(
        dir.path(),
        &["--summary-file", file.to_str().unwrap()],
    ));
    let run = common::intercom(&args);
    assert_eq!(run.code, 4, "{run:#?}");
    let summary = fs::read_to_string(&file).unwrap();
    assert!(
        summary.starts_with(&format!("### ❌ intercom sync: {SOURCE_URL}\n\n**Failed, exit code 4 (`auth`)**: sync: cannot ensure")),
        "{summary}"
    );
    assert!(!summary.contains("tok_wrong"), "{summary}");

    let missing = out.path().join("no-such-folder/summary.md");
    let (run, requests) = fake.run(&sync_args(
        dir.path(),
        &["--summary-file", missing.to_str().unwrap()],
    ));
    run.assert_one_error(2, "--summary-file");
    assert!(requests.is_empty(), "{requests:?}");
}
