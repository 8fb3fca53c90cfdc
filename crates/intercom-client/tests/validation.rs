//! Builders check what the reference requires and fail before anything is sent, naming the
//! field. A catch-all mock proves nothing reached the server.

mod common;

use common::*;
use futures::TryStreamExt;
use httpmock::{Mock, MockServer};
use intercom_client::{
    ApiVersion, Client, ContactId, ContentImportSourceId, ContentImportSourceUpdate, Error,
    ExternalPageId, ExternalPageUpdate, Locale, NewContentImportSource, NewExternalPage, NewNote,
    NoteId,
};

async fn catch_all(server: &MockServer) -> Mock<'_> {
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(500);
        })
        .await
}

fn field_of(result: Result<impl std::fmt::Debug, Error>) -> &'static str {
    match result {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn invalid_external_pages_are_not_sent() {
    let server = MockServer::start_async().await;
    let anything = catch_all(&server).await;
    let pages = client(&server).external_pages();
    let source = ContentImportSourceId::new(44);
    let page = |external_id: &str, title: &str, html: &str| {
        NewExternalPage::new(source, external_id)
            .title(title)
            .html(html)
    };

    assert_eq!(
        field_of(pages.upsert(page("e1", "", "<p>x</p>")).await),
        "title"
    );
    assert_eq!(
        field_of(pages.upsert(page("e1", "Title", "  ")).await),
        "html"
    );
    assert_eq!(
        field_of(pages.create(page("", "Title", "<p>x</p>")).await),
        "external_id"
    );
    assert_eq!(
        field_of(
            pages
                .upsert(page("e1", "Title", "<p>x</p>").locale(Locale::from("fr")))
                .await
        ),
        "locale"
    );
    assert_eq!(
        field_of(
            pages
                .upsert(page("e1", "Title", "<p>x</p>").url("/relative"))
                .await
        ),
        "url"
    );

    let id = ExternalPageId::new("21");
    assert_eq!(
        field_of(
            pages
                .update(&id, ExternalPageUpdate::new(source).title("Title").html(""))
                .await
        ),
        "html"
    );
    assert_eq!(
        field_of(
            pages
                .update(
                    &id,
                    ExternalPageUpdate::new(source)
                        .title("T")
                        .html("<p>x</p>")
                        .external_id(" ")
                )
                .await
        ),
        "external_id"
    );
    assert_eq!(field_of(pages.get(&ExternalPageId::new("")).await), "id");
    assert_eq!(field_of(pages.delete(&ExternalPageId::new("")).await), "id");

    assert_eq!(anything.calls_async().await, 0);
}

#[tokio::test]
async fn invalid_sources_notes_and_lists_are_not_sent() {
    let server = MockServer::start_async().await;
    let anything = catch_all(&server).await;
    let client = client(&server);
    let sources = client.content_import_sources();

    assert_eq!(
        field_of(
            sources
                .create(NewContentImportSource::new("help.example.com"))
                .await
        ),
        "url"
    );
    assert_eq!(field_of(sources.ensure("not a url").await), "url");
    assert_eq!(
        field_of(
            sources
                .update(
                    ContentImportSourceId::new(1),
                    ContentImportSourceUpdate::new("ftp://x")
                )
                .await
        ),
        "url"
    );

    let notes = client.notes();
    assert_eq!(
        field_of(notes.create(&ContactId::new("c1"), NewNote::new(" ")).await),
        "body"
    );
    assert_eq!(
        field_of(notes.create(&ContactId::new(""), NewNote::new("Hi")).await),
        "contact_id"
    );
    assert_eq!(field_of(notes.get(&NoteId::new("")).await), "id");
    assert_eq!(
        field_of(
            notes
                .list(&ContactId::new(""))
                .items()
                .try_collect::<Vec<_>>()
                .await
        ),
        "contact_id"
    );

    for per_page in [0, 151] {
        let list = client.external_pages().list().per_page(per_page);
        assert_eq!(field_of(list.first_page().await), "per_page");
        assert_eq!(
            field_of(list.items().try_collect::<Vec<_>>().await),
            "per_page"
        );
    }
    assert_eq!(
        field_of(
            client
                .content_import_sources()
                .api_version(ApiVersion::from("2.14\n"))
                .get(ContentImportSourceId::new(1))
                .await
        ),
        "api_version"
    );

    assert_eq!(anything.calls_async().await, 0);
}

#[test]
fn the_builder_names_the_setting_at_fault() {
    let build = |b: intercom_client::ClientBuilder| field_of(b.build());
    assert_eq!(build(Client::builder()), "token");
    assert_eq!(build(Client::builder().token("  ")), "token");
    assert_eq!(build(Client::builder().token("t\nx")), "token");
    assert_eq!(
        build(
            Client::builder()
                .token(TOKEN)
                .base_url("http://api.intercom.io")
        ),
        "base_url"
    );
    assert_eq!(
        build(
            Client::builder()
                .token(TOKEN)
                .base_url("https://u:p@api.intercom.io")
        ),
        "base_url"
    );
    assert_eq!(
        build(
            Client::builder()
                .token(TOKEN)
                .base_url("file:///etc/passwd")
        ),
        "base_url"
    );
    assert_eq!(
        build(
            Client::builder()
                .token(TOKEN)
                .api_version(ApiVersion::from("bad\u{0}"))
        ),
        "api_version"
    );

    let client = Client::builder().token(TOKEN).build().unwrap();
    assert_eq!(client.base_url(), "https://api.intercom.io");
    assert_eq!(client.api_version().as_str(), "2.14");
    let eu = Client::builder()
        .token(TOKEN)
        .region(intercom_client::Region::Eu)
        .build()
        .unwrap();
    assert_eq!(eu.base_url(), "https://api.eu.intercom.io");
    let local = Client::builder()
        .token(TOKEN)
        .base_url("http://localhost:9999/")
        .build()
        .unwrap();
    assert_eq!(local.base_url(), "http://localhost:9999");
}
