//! One source's pages, and a page by its external id: filtered here, since the API lists
//! every source's pages together and has no lookup by external id. And a push's outcomes as
//! they come (`upsert_each`).

use std::collections::BTreeSet;

use futures::{StreamExt, TryStreamExt, stream};
use intercom_client::{Client, ContentImportSourceId, NewExternalPage, UpsertResult};
use intercom_fake::{ExternalPage, FakeIntercom, fixtures};

const TOKEN: &str = "by-external-id-token";

/// Two sources with a page `faq` each, and 200 more pages in the first (two list pages).
async fn fake() -> FakeIntercom {
    let mut builder = FakeIntercom::builder()
        .token(TOKEN)
        .source(fixtures::source(1, "https://a.example"))
        .source(fixtures::source(2, "https://b.example"))
        .page(ExternalPage {
            title: "FAQ of B".into(),
            ..fixtures::page("9000", 2, "faq")
        });
    for n in 1..=200 {
        builder = builder.page(fixtures::page(&n.to_string(), 1, &format!("doc-{n}")));
    }
    builder
        .page(ExternalPage {
            title: "FAQ of A".into(),
            ..fixtures::page("8000", 1, "faq")
        })
        .start()
        .await
        .unwrap()
}

fn client(fake: &FakeIntercom) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_source_lists_only_its_pages_and_finds_one_by_external_id() {
    let fake = fake().await;
    let pages = client(&fake).external_pages();
    let of_b: Vec<String> = pages
        .list()
        .source(ContentImportSourceId::new(2))
        .items()
        .map_ok(|p| p.external_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(of_b, ["faq"]);
    let of_a = pages
        .list()
        .per_page(150)
        .source(ContentImportSourceId::new(1))
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert_eq!(of_a.len(), 201);
    assert!(
        of_a.iter()
            .all(|p| p.source_id == ContentImportSourceId::new(1))
    );

    let found = pages
        .find_by_external_id(ContentImportSourceId::new(1), "faq")
        .await
        .unwrap()
        .expect("source 1 has a faq page");
    assert_eq!(
        (found.id.as_str(), found.title.as_str()),
        ("8000", "FAQ of A")
    );
    let missing = pages
        .find_by_external_id(ContentImportSourceId::new(2), "doc-1")
        .await
        .unwrap();
    assert_eq!(missing, None, "doc-1 is source 1's, not source 2's");
    // Only lists were sent.
    assert!(fake.requests().iter().all(|r| r.method == "GET"));
}

#[tokio::test]
async fn delete_by_external_id_deletes_that_page_only_or_nothing() {
    let fake = fake().await;
    let pages = client(&fake).external_pages();
    let deleted = pages
        .delete_by_external_id(ContentImportSourceId::new(2), "faq")
        .await
        .unwrap()
        .expect("source 2 had a faq page");
    assert_eq!(deleted.id.as_str(), "9000");
    let left: BTreeSet<String> = fake
        .state()
        .pages
        .iter()
        .filter(|p| p.external_id == "faq")
        .map(|p| p.id.as_str().to_owned())
        .collect();
    assert_eq!(left, BTreeSet::from(["8000".to_owned()]));

    fake.clear_requests();
    let none = pages
        .delete_by_external_id(ContentImportSourceId::new(2), "faq")
        .await
        .unwrap();
    assert_eq!(none, None);
    assert!(
        fake.requests().iter().all(|r| r.method == "GET"),
        "nothing deleted when there is no such page"
    );
    assert_eq!(fake.state().pages.len(), 201);
}

#[tokio::test]
async fn upsert_each_yields_every_pages_outcome_as_it_finishes() {
    let fake = fake().await;
    let source = ContentImportSourceId::new(2);
    let pages = (0..30).map(move |n| {
        let page = NewExternalPage::new(source, format!("new-{n}"))
            .title(format!("New {n}"))
            .html("<p>New</p>");
        // One invalid page: reported, never sent.
        if n == 7 { page.title("") } else { page }
    });
    let outcomes: Vec<_> = client(&fake)
        .external_pages()
        .upsert_each(stream::iter(pages), 4)
        .collect()
        .await;
    let indices: BTreeSet<usize> = outcomes.iter().map(|o| o.index).collect();
    assert_eq!(indices, (0..30).collect());
    let failed: Vec<&str> = outcomes
        .iter()
        .filter(|o| matches!(o.result, UpsertResult::Failed(_)))
        .map(|o| o.external_id.as_str())
        .collect();
    assert_eq!(failed, ["new-7"]);
    let created = fake
        .state()
        .pages
        .iter()
        .filter(|p| p.source_id == source && p.external_id.starts_with("new-"))
        .count();
    assert_eq!(created, 29);
}
