//! A call owns what it needs (a share of the client, its request): it is `Send + 'static`, so
//! it can be spawned on another task, or stored and awaited after the handle that made it is
//! gone, as reqwest's `RequestBuilder::send` can.

use std::collections::HashSet;

use futures::stream;
use intercom_client::operations::GetExternalPage;
use intercom_client::{
    Client, ContactId, ContentImportSourceId, ExternalPageId, NewExternalPage, NewNote, NoteId,
};
use intercom_fake::FakeIntercom;

const TOKEN: &str = "spawn-test-token";

/// Compiles only for what may be spawned.
fn assert_send_static<T: Send + 'static>(_: &T) {}

fn page(source: ContentImportSourceId, n: usize) -> NewExternalPage {
    NewExternalPage::new(source, format!("doc-{n}"))
        .title(format!("Doc {n}"))
        .html(format!("<p>Doc {n}</p>"))
}

#[test]
fn every_kind_of_call_is_send_and_static() {
    let client = Client::new(TOKEN).unwrap();
    let source = ContentImportSourceId::new(1);
    let url = String::from("https://help.example.com");
    assert_send_static(&client.external_pages().upsert(page(source, 1)));
    assert_send_static(&client.external_pages().upsert(page(source, 1)).with_meta());
    assert_send_static(&client.external_pages().get(&ExternalPageId::new("1")));
    assert_send_static(&client.content_import_sources().get(source));
    assert_send_static(&client.content_import_sources().ensure(&url));
    assert_send_static(&client.content_import_sources().find_by_url(&url));
    assert_send_static(&client.content_import_sources().find_api_source(&url));
    assert_send_static(&client.notes().get(&NoteId::new("1")));
    assert_send_static(&client.execute(&GetExternalPage {
        id: ExternalPageId::new("1"),
    }));
    let list = client.external_pages().list();
    assert_send_static(&list.first_page());
    let pages = stream::iter(vec![page(source, 1)]);
    assert_send_static(&client.external_pages().upsert_all(pages, 2));
}

#[tokio::test]
async fn calls_of_every_handle_are_spawned_and_stored_before_they_are_awaited() {
    let fake = FakeIntercom::builder().token(TOKEN).start().await.unwrap();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .unwrap();

    let url = String::from("https://help.example.com");
    let source = tokio::spawn(client.content_import_sources().ensure(&url));
    drop(url);
    let source = source.await.unwrap().unwrap();
    let fetched = tokio::spawn(client.content_import_sources().get(source.id));
    assert_eq!(fetched.await.unwrap().unwrap().id, source.id);

    // Stored: each call is made by a handle dropped at once, and nothing is sent until the
    // calls are awaited (as spawned tasks).
    let stored: Vec<_> = (0..3)
        .map(|n| client.external_pages().upsert(page(source.id, n)))
        .collect();
    assert!(
        fake.requests()
            .iter()
            .all(|r| r.path != "/ai/external_pages"),
        "a stored call sends nothing"
    );
    let tasks: Vec<_> = stored.into_iter().map(tokio::spawn).collect();
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.unwrap().unwrap().id);
    }
    let distinct: HashSet<&str> = ids.iter().map(ExternalPageId::as_str).collect();
    assert_eq!(distinct.len(), 3, "three pages upserted: {ids:?}");

    let answer = tokio::spawn(client.external_pages().get(&ids[0]).with_meta())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (answer.id.clone(), answer.meta().status()),
        (ids[0].clone(), 200)
    );

    let pages = stream::iter((3..5).map(move |n| page(source.id, n)));
    let report = tokio::spawn(client.external_pages().upsert_all(pages, 2))
        .await
        .unwrap();
    assert_eq!(report.upserted(), 2, "{report}");
    let first = tokio::spawn(client.external_pages().list().per_page(50).first_page())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.items.len(), 5);

    let contact = ContactId::new("6657adc5");
    let note = tokio::spawn(
        client
            .notes()
            .create(&contact, NewNote::new("<p>Called</p>")),
    )
    .await
    .unwrap()
    .unwrap();
    let again = tokio::spawn(client.notes().get(&note.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.id, note.id);

    fake.shutdown().await.unwrap();
}
