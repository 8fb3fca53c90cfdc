//! What callers spawn must be `Send`: the client, its futures, streams and errors.

mod common;

use futures::stream;
use intercom_client::{Client, ContentImportSourceId, Error, NewExternalPage, NoteId};

fn assert_send<T: Send>(_: &T) {}
fn assert_send_sync_static<T: Send + Sync + 'static>() {}

#[test]
fn futures_streams_and_errors_can_cross_threads() {
    assert_send_sync_static::<Client>();
    assert_send_sync_static::<Error>();

    let client = Client::new(common::TOKEN).unwrap();
    assert_send(&client.notes().get(&NoteId::new("1")));
    assert_send(&client.notes().get(&NoteId::new("1")).with_meta());
    assert_send(
        &client
            .content_import_sources()
            .ensure("https://help.example.com"),
    );
    assert_send(&client.external_pages().list().items());
    assert_send(&client.content_import_sources().list().pages());
    let pages = stream::iter([NewExternalPage::new(ContentImportSourceId::new(1), "e")
        .title("t")
        .html("<p>h</p>")]);
    assert_send(&client.external_pages().upsert_all(pages, 4));
}
