//! `intercom sync` against a fake Intercom: a first run creates every page, a second sends
//! no write, a dry run sends no write, prune deletes exactly the removed files' pages, and
//! one edited file is one write.

mod common;

use common::{Fake, SAMPLE_PAGES, assert_state_equals_folder, sample_copy, sync_args, writes};

#[test]
fn a_second_run_reports_every_page_unchanged_and_sends_no_write() {
    let fake = Fake::start();
    let dir = sample_copy();

    let (first, requests) = fake.run(&sync_args(dir.path(), &[]));
    first.assert_ok();
    assert_eq!(
        first.summary(),
        format!(
            "{SAMPLE_PAGES} pages: {SAMPLE_PAGES} created, 0 updated, 0 unchanged, 0 deleted, 0 failed"
        )
    );
    assert!(
        first.stdout.contains("(created by this run)"),
        "{}",
        first.stdout
    );
    // One source created, one upsert per page.
    assert_eq!(writes(&requests).len(), SAMPLE_PAGES + 1);
    assert_state_equals_folder(&fake, dir.path());

    let (second, requests) = fake.run(&sync_args(dir.path(), &[]));
    second.assert_ok();
    assert_eq!(
        second.summary(),
        format!(
            "{SAMPLE_PAGES} pages: 0 created, 0 updated, {SAMPLE_PAGES} unchanged, 0 deleted, 0 failed"
        )
    );
    let unchanged = second
        .stdout
        .lines()
        .filter(|l| l.starts_with("unchanged "))
        .count();
    assert_eq!(unchanged, SAMPLE_PAGES, "{}", second.stdout);
    assert!(
        !requests.is_empty(),
        "the second run reads the source and its pages"
    );
    assert_eq!(
        writes(&requests),
        Vec::<&intercom_fake::RequestRecord>::new()
    );
    assert_state_equals_folder(&fake, dir.path());
}

#[test]
fn a_dry_run_prints_the_plan_and_sends_no_write() {
    let fake = Fake::start();
    let dir = sample_copy();

    let (plan, requests) = fake.run(&sync_args(dir.path(), &["--dry-run"]));
    plan.assert_ok();
    assert_eq!(writes(&requests).len(), 0, "{requests:?}");
    let would_create = plan
        .stdout
        .lines()
        .filter(|l| l.starts_with("would create "))
        .count();
    assert_eq!(would_create, SAMPLE_PAGES, "{}", plan.stdout);
    assert!(
        plan.stdout
            .contains("does not exist yet: it would be created")
    );
    assert_eq!(
        plan.summary(),
        format!(
            "{SAMPLE_PAGES} pages: {SAMPLE_PAGES} would be created, 0 would be updated, 0 unchanged, 0 would be deleted, 0 failed"
        )
    );
    assert!(fake.state().sources.is_empty() && fake.state().pages.is_empty());

    // Against a synced source: one edit and one removal, planned but not sent.
    fake.run(&sync_args(dir.path(), &[])).0.assert_ok();
    std::fs::write(dir.path().join("index.md"), "# Home\n\nNew text.\n").expect("edit");
    std::fs::remove_file(dir.path().join("api/webhooks.md")).expect("remove");
    let before = fake.state();
    let (plan, requests) = fake.run(&sync_args(dir.path(), &["--dry-run", "--prune"]));
    plan.assert_ok();
    assert_eq!(writes(&requests).len(), 0, "{requests:?}");
    assert!(
        plan.stdout
            .lines()
            .any(|l| l == "would update index.md: \"Home\", no URL"),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stdout
            .lines()
            .any(|l| l == "would delete api/webhooks.md"),
        "{}",
        plan.stdout
    );
    assert_eq!(fake.state(), before);
}

#[test]
fn prune_deletes_exactly_the_pages_whose_files_were_removed() {
    let fake = Fake::start();
    let dir = sample_copy();
    fake.run(&sync_args(dir.path(), &[])).0.assert_ok();

    let removed = ["billing/label-credits.md", "shipping/carrier-accounts.html"];
    for path in removed {
        std::fs::remove_file(dir.path().join(path)).expect("remove");
    }
    let ids_before: Vec<(String, String)> = fake
        .state()
        .pages
        .iter()
        .map(|p| (p.external_id.clone(), p.id.to_string()))
        .collect();

    // Without --prune the pages stay.
    let (run, requests) = fake.run(&sync_args(dir.path(), &[]));
    run.assert_ok();
    assert_eq!(writes(&requests).len(), 0);
    assert_eq!(fake.state().pages.len(), SAMPLE_PAGES);

    let (run, requests) = fake.run(&sync_args(dir.path(), &["--prune"]));
    run.assert_ok();
    assert_eq!(
        run.summary(),
        format!(
            "{} pages: 0 created, 0 updated, {} unchanged, 2 deleted, 0 failed",
            SAMPLE_PAGES,
            SAMPLE_PAGES - 2
        )
    );
    let deletes = writes(&requests);
    assert_eq!(deletes.len(), 2, "{deletes:?}");
    let mut deleted_paths: Vec<String> = deletes
        .iter()
        .map(|r| {
            assert_eq!(r.method, "DELETE");
            r.path.clone()
        })
        .collect();
    deleted_paths.sort();
    let mut expected: Vec<String> = ids_before
        .iter()
        .filter(|(external_id, _)| removed.contains(&external_id.as_str()))
        .map(|(_, id)| format!("/ai/external_pages/{id}"))
        .collect();
    expected.sort();
    assert_eq!(deleted_paths, expected);
    assert_state_equals_folder(&fake, dir.path());
}

#[test]
fn editing_one_file_updates_exactly_one_page() {
    let fake = Fake::start();
    let dir = sample_copy();
    fake.run(&sync_args(dir.path(), &[])).0.assert_ok();

    let file = dir.path().join("tracking/branded-tracking-page.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{text}\nOne more paragraph.\n")).expect("edit");

    let (run, requests) = fake.run(&sync_args(dir.path(), &[]));
    run.assert_ok();
    assert_eq!(
        run.summary(),
        format!(
            "{} pages: 0 created, 1 updated, {} unchanged, 0 deleted, 0 failed",
            SAMPLE_PAGES,
            SAMPLE_PAGES - 1
        )
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l == "update tracking/branded-tracking-page.md")
    );
    let writes = writes(&requests);
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(
        (writes[0].method.as_str(), writes[0].path.as_str()),
        ("POST", "/ai/external_pages")
    );
    assert_state_equals_folder(&fake, dir.path());
    let page = fake
        .state()
        .pages
        .into_iter()
        .find(|p| p.external_id == "tracking/branded-tracking-page.md")
        .expect("page");
    assert!(page.html.contains("One more paragraph."));
}

#[test]
fn page_urls_follow_the_prefix() {
    let fake = Fake::start();
    let dir = sample_copy();
    let (run, _) = fake.run(&sync_args(
        dir.path(),
        &[
            "--page-url-prefix",
            "https://help.example.com/articles",
            "--concurrency",
            "3",
        ],
    ));
    run.assert_ok();
    let state = fake.state();
    let page = state
        .pages
        .iter()
        .find(|p| p.external_id == "shipping/international/europe/shipping-to-france.md")
        .expect("page");
    assert_eq!(
        page.url.as_deref(),
        Some(
            "https://help.example.com/articles/shipping/international/europe/shipping-to-france.md"
        )
    );
}

#[test]
fn sync_json_is_one_report_object() {
    let fake = Fake::start();
    let dir = sample_copy();
    let (run, _) = fake.run(&sync_args(dir.path(), &["--json"]));
    run.assert_ok();
    let report: serde_json::Value = serde_json::from_str(run.stdout.trim()).expect("JSON report");
    assert_eq!(report["counts"]["created"], SAMPLE_PAGES);
    assert_eq!(report["source_url"], "https://help.example.com");
    assert_eq!(report["pages"].as_array().map(Vec::len), Some(SAMPLE_PAGES));
    assert_eq!(report["pages"][0]["action"], "create");
    assert_eq!(report["pages"][0]["status"], "done");
}

#[test]
fn an_unreadable_file_fails_its_page_and_the_run_exits_3() {
    let fake = Fake::start();
    let dir = sample_copy();
    std::fs::write(dir.path().join("broken.md"), [0xff, 0xfe, b'x']).expect("write");
    let (run, requests) = fake.run(&sync_args(dir.path(), &[]));
    run.assert_one_error(3, "1 of 40 pages failed");
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("skip broken.md: failed: is not UTF-8")),
        "{}",
        run.stdout
    );
    // Every other page went out; the broken one was never sent.
    assert_eq!(writes(&requests).len(), SAMPLE_PAGES + 1);
    assert!(
        fake.state()
            .pages
            .iter()
            .all(|p| p.external_id != "broken.md")
    );
}
